/**
 * `report build --watch` and `report preview`: in-process through main (interrupted by calling
 * the SIGINT handlers they install), then the watch loop and the preview page as library
 * functions (watch.ts, preview/server.ts). Waiting is for the command's own messages, never for
 * a fixed time, except where a test shows that nothing happens.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import type { ReportRun } from '../../src/pipeline.js';
import { previewPage, problemsHtml } from '../../src/preview/server.js';
import { isNoise, watchBuild, watchedFolders, watchLoop, type BuildEvent } from '../../src/watch.js';
import { reportKind } from '../../src/kinds/index.js';
import { documentTitle, parseReportMarkdown } from '../../src/write/document.js';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { copyFixture, edit, lineOf, tempDir } from '../helpers/fixture.js';
import { report, start, type RunningReport } from '../helpers/report.js';

const running: RunningReport[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    r.interrupt();
    await r.done;
  }
});

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (s: string) => (body += s));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('report build --watch', () => {
  it('rebuilds on save, keeps the last output when the data breaks, and ends with 0 on Ctrl-C', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const cli = start(['build', '2023', '--data', data, '--out', out, '--format', 'md,html', '--watch'], { cwd: data });
    await cli.waitFor('正在监视');
    expect(cli.output.stderr).toContain('已生成：');
    const narrative = path.join(data, '2023', 'narrative.md');
    const html = path.join(out, '2023', 'report.html');

    await edit(narrative, '使命催人奋进', '使命光荣、责任重大');
    await cli.waitFor('已重新生成：');
    expect(await readFile(html, 'utf8')).toContain('使命光荣、责任重大');
    const good = await readFile(html);

    await edit(narrative, '提案{{proposals.total}}件', '提案{{proposals.totl}}件');
    await cli.waitFor('未能重新生成，上次生成的文件保持不变');
    const line = await lineOf(narrative, 'proposals.totl');
    expect(cli.output.stderr).toMatch(new RegExp(`2023/narrative\\.md:${line}:\\d+ 错误 RPT401`));
    expect((await readFile(html)).equals(good)).toBe(true);

    await edit(narrative, '{{proposals.totl}}', '{{proposals.total}}');
    await cli.waitFor('已重新生成：', { times: 2 });

    cli.interrupt();
    const done = await cli.done;
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(/已停止监视。\n$/);
  });
});

describe('report preview', () => {
  it('serves the page on 127.0.0.1 with the reload script, re-renders on change, and ends with 0 on Ctrl-C', async () => {
    const data = await copyFixture('minimal');
    const cli = start(['preview', '2023', '--data', data], { cwd: data });
    running.push(cli);
    await cli.waitFor('预览地址：', { stream: 'stdout' });
    const url = /预览地址：(\S+)/.exec(cli.output.stdout)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('各位委员，使命催人奋进');
    expect(page.body).toMatch(/<script nonce="[^"]+">[\s\S]*new EventSource\('\/events'\)/);
    expect((await get(url, { Host: 'attacker.example:80' })).status).toBe(403);
    expect((await get(url + 'nothing')).status).toBe(404);

    const narrative = path.join(data, '2023', 'narrative.md');
    await edit(narrative, '提案{{proposals.total}}件', '提案{{proposals.totl}}件');
    await cli.waitFor('未能生成，页面列出上面的问题');
    const line = await lineOf(narrative, 'proposals.totl');
    const broken = await get(url);
    expect(broken.body).toContain('报告未能生成：1 个错误');
    expect(broken.body).toMatch(new RegExp(`2023/narrative\\.md:${line}:\\d+</span><span class="severity">错误</span><span class="code">RPT401</span>`));
    expect(broken.body).toContain(`<pre class="source"><span class="gutter">${line} │ </span>`);
    expect(broken.body).toContain('<mark>{</mark>{proposals.totl}}');
    expect(broken.body).not.toContain('各位委员，使命催人奋进');

    running.splice(0);
    cli.interrupt();
    const done = await cli.done;
    expect(done.code).toBe(0);
    expect(done.stderr).toMatch(/已停止预览。\n$/);
  });

  it('says so when the port is taken, and refuses a port that is not one', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const data = await copyFixture('minimal');
      const run = await report(['preview', '--data', data, '--port', String(port)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`无法在 127.0.0.1:${port} 上提供预览（端口已被占用）`);
      expect((await report(['preview', '--data', data, '--port', 'http'])).code).toBe(2);
    } finally {
      blocker.close();
    }
  });
});

describe('the preview page', () => {
  it('lists problems with location, code, message, the marked source line and the hint, all escaped', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'data', '2023'), { recursive: true });
    await writeFile(path.join(cwd, 'data', '2023', 'narrative.md'), '# 工作回顾\n见<b>{{x}}</b>\n');
    const d: Diagnostic = {
      code: 'RPT401',
      severity: 'error',
      file: 'data/2023/narrative.md',
      line: 2,
      column: 5,
      message: '引用的数字或字段“x<script>”不存在',
      hint: '用 <名称> & 其他',
    };
    const html = problemsHtml([d, { code: 'RPT313', severity: 'warning', message: '没有位置' }], cwd);
    expect(html).toContain('<li class="error">\n<div class="where"><span class="location">data/2023/narrative.md:2:5</span><span class="severity">错误</span><span class="code">RPT401</span></div>');
    expect(html).toContain('<div class="message">引用的数字或字段“x&lt;script&gt;”不存在</div>');
    expect(html).toContain('<pre class="source"><span class="gutter">2 │ </span>见&lt;b&gt;<mark>{</mark>{x}}&lt;/b&gt;</pre>');
    expect(html).toContain('<div class="hint">提示：用 &lt;名称&gt; &amp; 其他</div>');
    expect(html).toContain('<li class="warning">\n<div class="where"><span class="severity">警告</span><span class="code">RPT313</span></div>');
    expect(html).not.toContain('<script');
  });

  it('carries the reload script with the response’s nonce, which the published page never has', () => {
    const kind = reportKind('annual')!;
    const markdown = '# 报告\n\n正文。\n';
    const properties = { author: '政协', date: '2024-01-08' };
    const blocks = parseReportMarkdown(markdown);
    const document = { blocks, meta: { title: documentTitle(blocks), ...properties, script: 'hans' as const } };
    const result = { kind, diagnostics: [], report: { markdown, document, layout: DEFAULT_LAYOUT, properties } } as unknown as ReportRun;
    const page = previewPage(result, 'abc-3', '/');
    expect(page.ok).toBe(true);
    const html = page.html('N0nce');
    expect(html).toContain('<script nonce="N0nce">');
    expect(html).toContain('const version = "abc-3";');
    expect(html).toContain("new EventSource('/events')");
    expect(html.indexOf('<script')).toBeGreaterThan(html.indexOf('</main>'));
    expect(html).toContain('<title>报告</title>');
    const failed = previewPage({ kind, diagnostics: [{ code: 'RPT401', severity: 'error', message: '错' }] }, 'abc-4', '/');
    expect(failed.ok).toBe(false);
    expect(failed.html('n')).toContain('<h1>报告未能生成：1 个错误</h1>');
  });
});

/** Drives watchBuild in-process: each build is queued; `next` waits for the following one. */
function startWatch(options: { dataDir: string; outDir: string; templatesDir?: string; year?: number }, debounceMs = 60) {
  const controller = new AbortController();
  const queue: BuildEvent[] = [];
  let wake: (() => void) | undefined;
  const { dataDir, ...rest } = options;
  const done = watchBuild({
    kind: 'annual',
    dataDirs: [dataDir],
    cwd: dataDir,
    ...rest,
    formats: ['md', 'html'],
    signal: controller.signal,
    debounceMs,
    onBuild: (event) => {
      queue.push(event);
      wake?.();
    },
  });
  const next = async (timeoutMs = 15_000): Promise<BuildEvent> => {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      if (Date.now() > deadline) throw new Error('no build within ' + timeoutMs + ' ms');
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    return queue.shift()!;
  };
  /** No build for a while (changes that must be ignored). */
  const quiet = async (ms: number) => {
    await new Promise((r) => setTimeout(r, ms));
    return queue.length;
  };
  return { controller, done, next, quiet, queue };
}

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('the watch loop (watch.ts)', () => {
  it('names the folders to watch: the year, the year before, the shared files, the templates', () => {
    const folders = watchedFolders({ dataDirs: ['/d/data'], year: 2023, templatesDir: 'mine', cwd: '/w' });
    expect(folders.get('/d/data/2023')).toEqual({ recursive: true, names: null });
    expect(folders.get('/d/data/2022')).toEqual({ recursive: true, names: null });
    expect(folders.get('/d/data')).toEqual({ recursive: false, names: new Set(['organization.yaml', 'layout.yaml', '2023', '2022']) });
    expect(folders.get('/d')).toEqual({ recursive: false, names: new Set(['data']) });
    expect(folders.get('/w/mine')).toEqual({ recursive: true, names: null });
    expect(folders.get('/w')).toEqual({ recursive: false, names: new Set(['mine']) });
    expect(folders.has('/d/data/2021')).toBe(false);
    // Year not known yet: any entry of the data folder.
    expect(watchedFolders({ dataDirs: ['/d/data'] }).get('/d/data')).toEqual({ recursive: false, names: null });
    // A term report: the whole data folder (its years and term-2018-2022/).
    expect(watchedFolders({ dataDirs: ['/d/data'], range: { from: 2018, to: 2022 }, year: 2022 }).get('/d/data')).toEqual({ recursive: true, names: null });
    // A compilation: each organisation's folder.
    const several = watchedFolders({ dataDirs: ['/d/a', '/d/b'], year: 2023 });
    expect(several.get('/d/b/2023')).toEqual({ recursive: true, names: null });
    expect(several.get('/d')).toEqual({ recursive: false, names: new Set(['a', 'b']) });
    expect(['.narrative.md.swp', 'narrative.md~', '4913', '.report.md.1a2b.tmp', '#x#'].every(isNoise)).toBe(true);
    expect(isNoise('narrative.md')).toBe(false);
  });

  it('rebuilds on a change, keeps the last good output when the data breaks, and rebuilds when fixed', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const w = startWatch({ dataDir: data, outDir: out, year: 2023 });
    stops.push(async () => (w.controller.abort(), await w.done));
    const md = path.join(out, '2023', 'report.md');
    const html = path.join(out, '2023', 'report.html');
    const narrative = path.join(data, '2023', 'narrative.md');

    const first = await w.next();
    expect(first.first).toBe(true);
    expect(first.changes).toEqual([]);
    expect(first.result.files.map((f) => path.basename(f.path))).toEqual(['report.md', 'report.html']);
    expect(await readFile(html, 'utf8')).toContain('各位委员，使命催人奋进');

    await edit(narrative, '使命催人奋进', '使命光荣、责任重大');
    const changed = await w.next();
    expect(changed.first).toBe(false);
    expect(changed.changes).toContain(narrative);
    expect(hasErrors(changed.result.diagnostics)).toBe(false);
    expect(await readFile(md, 'utf8')).toContain('各位委员，使命光荣、责任重大');
    expect(await readFile(html, 'utf8')).toContain('各位委员，使命光荣、责任重大');
    const good = [await readFile(md), await readFile(html)];

    await edit(narrative, '提案{{proposals.total}}件', '提案{{proposals.totl}}件');
    const broken = await w.next();
    expect(broken.result.files).toEqual([]);
    expect(broken.result.diagnostics.map((d) => d.code)).toContain('RPT401');
    expect(broken.result.diagnostics.find((d) => d.code === 'RPT401')?.file).toMatch(/narrative\.md$/);
    expect((await readFile(md)).equals(good[0]!)).toBe(true);
    expect((await readFile(html)).equals(good[1]!)).toBe(true);

    // Fixed, the way many editors save: a new file renamed over the old one.
    const text = (await readFile(narrative, 'utf8')).replace('{{proposals.totl}}', '{{proposals.total}}').replace('使命光荣、责任重大', '使命在肩');
    await writeFile(narrative + '.new', text);
    await rename(narrative + '.new', narrative);
    let fixed = await w.next();
    // The temporary name may have caused its own build just before; the last one counts.
    while (w.queue.length > 0 || hasErrors(fixed.result.diagnostics)) fixed = await w.next();
    expect(await readFile(md, 'utf8')).toContain('各位委员，使命在肩');
  });

  it('sees the previous year, organization.yaml and a templates folder that appears later', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const templates = path.join(await tempDir(), 'mine'); // does not exist yet
    const w = startWatch({ dataDir: data, outDir: out, templatesDir: templates });
    stops.push(async () => (w.controller.abort(), await w.done));
    const md = path.join(out, '2023', 'report.md');
    const first = await w.next();
    expect(first.result.plan?.year).toBe(2023); // the latest year, found by the first build
    expect(first.result.diagnostics.map((d) => d.code)).toContain('RPT507'); // templates folder missing
    expect(first.result.files).toEqual([]);

    await mkdir(path.join(templates, 'annual'), { recursive: true });
    await writeFile(path.join(templates, 'annual', 'opening.hbs'), '受常务委员会委托，向大会报告工作。\n');
    let event = await w.next();
    while (w.queue.length > 0 || hasErrors(event.result.diagnostics)) event = await w.next();
    expect(await readFile(md, 'utf8')).toContain('受常务委员会委托，向大会报告工作。');

    // A fifth proposal last year: 5 this year is no longer growth.
    const previous = path.join(data, '2022', 'proposals.yaml');
    await writeFile(previous, (await readFile(previous, 'utf8')) + '  - {id: P5, title: 关于河道治理的建议, submitterKind: 委员, proposer: 钱七, category: 其他, review: 立案, answered: true, satisfaction: 满意}\n');
    event = await w.next();
    expect(event.changes).toContain(previous);
    expect(hasErrors(event.result.diagnostics), JSON.stringify(event.result.diagnostics)).toBe(false);
    expect(await readFile(md, 'utf8')).toContain('提案5件，比上年持平');

    await edit(path.join(data, 'organization.yaml'), 'name: 青川市', 'name: 青州市');
    event = await w.next();
    expect(event.changes).toContain(path.join(data, 'organization.yaml'));
    expect(await readFile(md, 'utf8')).toContain('青州市');
  });

  it('ignores editors’ swap files, other years and its own output, and gathers a burst of saves into one build', async () => {
    const data = await copyFixture('minimal');
    const out = path.join(data, '2023', 'out'); // inside a watched folder on purpose
    const w = startWatch({ dataDir: data, outDir: out, year: 2023 }, 300);
    stops.push(async () => (w.controller.abort(), await w.done));
    await w.next();
    await writeFile(path.join(data, '2023', '.narrative.md.swp'), 'x');
    await writeFile(path.join(data, '2023', 'narrative.md~'), 'x');
    await mkdir(path.join(data, '2019'));
    await writeFile(path.join(data, '2019', 'proposals.yaml'), 'proposals: []\n');
    expect(await w.quiet(600)).toBe(0);

    for (const file of ['meetings.yaml', 'research.yaml', 'activities.yaml']) {
      const p = path.join(data, '2023', file);
      await writeFile(p, (await readFile(p, 'utf8')) + '\n');
    }
    const burst = await w.next();
    expect(burst.changes.map((f) => path.basename(f))).toEqual(['activities.yaml', 'meetings.yaml', 'research.yaml']);
    expect(await w.quiet(600)).toBe(0); // writing out/2023/… did not trigger another
  });

  it('works where folders cannot be watched recursively: each folder on its own, new ones included', async () => {
    const root = await tempDir();
    const data = path.join(root, 'data');
    await mkdir(path.join(data, '2023', 'office'), { recursive: true });
    const controller = new AbortController();
    const runs: string[][] = [];
    const done = watchLoop({
      dataDirs: [data],
      year: 2023,
      signal: controller.signal,
      debounceMs: 60,
      recursiveWatch: false,
      run: async (changes) => (runs.push([...changes]), 2023),
    });
    stops.push(async () => (controller.abort(), await done));
    const waitRuns = async (n: number) => {
      for (let i = 0; i < 200 && runs.length < n; i++) await new Promise((r) => setTimeout(r, 50));
      expect(runs.length).toBe(n);
    };
    await waitRuns(1);
    await writeFile(path.join(data, '2023', 'office', 'meetings.yaml'), 'meetings: []\n');
    await waitRuns(2);
    expect(runs[1]).toEqual([path.join(data, '2023', 'office', 'meetings.yaml')]);
    await mkdir(path.join(data, '2023', 'new'));
    await waitRuns(3);
    await writeFile(path.join(data, '2023', 'new', 'proposals.yaml'), 'proposals: []\n');
    await waitRuns(4);
    expect(runs[3]).toEqual([path.join(data, '2023', 'new', 'proposals.yaml')]);
  });

  it('stops when the signal aborts', async () => {
    const data = await copyFixture('minimal');
    const w = startWatch({ dataDir: data, outDir: await tempDir(), year: 2023 });
    await w.next();
    w.controller.abort();
    await expect(w.done).resolves.toBeUndefined();
    await edit(path.join(data, '2023', 'narrative.md'), '使命催人奋进', '使命在肩');
    expect(await w.quiet(400)).toBe(0);
  });
});
