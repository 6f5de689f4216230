// End-to-end: `report build --format html`, `report build --watch` and `report preview` through the
// real command line (bin/report.js on the bundle).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { request, createServer } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_DIR, runCli } from '../helpers/cli.js';
import { copyFixture, edit, ROOT, tempDir } from '../helpers/fixture.js';

const exists = (p: string) => stat(p).then(() => true, () => false);

describe('report build --format html', () => {
  it('writes out/<year>/report.html, a standalone page with the report and no script', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const run = await runCli(['build', '2023', '--data', data, '--out', out, '--format', 'html']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/已生成：.*report\.html\n$/);
    expect(await exists(path.join(out, '2023', 'report.md'))).toBe(false);
    expect(await exists(path.join(out, '2023', 'report.docx'))).toBe(false);
    const html = await readFile(path.join(out, '2023', 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>中国人民政治协商会议江北省青川市第九届委员会常务委员会工作报告</title>');
    expect(html).toContain('<meta name="author" content="中国人民政治协商会议江北省青川市委员会">');
    expect(html).toContain('<p class="subtitle">——2024年1月8日在政协青川市第九届委员会第二次会议上</p>');
    expect(html).toContain('<p><strong>在推动履职为民上汇聚力量。</strong>涉及民生和社会事业领域提案3件，占比60%，年度办结率75%，提案者满意率100%。');
    expect(html).toContain('<p><strong class="run-in">（二）更加精准服务全市工作大局。</strong>围绕市委市政府中心工作精准选题。</p>');
    expect(html).not.toMatch(/<script|EventSource/);
  }, 30_000);

  it('writes all three formats when asked, md and docx by default, and refuses unknown ones', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const all = await runCli(['build', '2023', '--data', data, '--out', out, '--format', 'md,docx,html']);
    expect(all.code).toBe(0);
    for (const ext of ['md', 'docx', 'html']) expect(await exists(path.join(out, '2023', `report.${ext}`))).toBe(true);
    const plain = await tempDir();
    expect((await runCli(['build', '2023', '--data', data, '--out', plain])).code).toBe(0);
    expect(await exists(path.join(plain, '2023', 'report.html'))).toBe(false);
    const bad = await runCli(['build', '2023', '--data', data, '--out', out, '--format', 'md,pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format 只能是 md、docx、html 的组合，而不是“pdf”');
  }, 30_000);

  it('gives byte-identical HTML in any time zone and locale', async () => {
    const data = await copyFixture('minimal');
    const [a, b] = [await tempDir(), await tempDir()];
    await runCli(['build', '--data', data, '--out', a, '--format', 'html'], { env: { TZ: 'UTC', LANG: 'C' } });
    await runCli(['build', '--data', data, '--out', b, '--format', 'html'], { env: { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' } });
    const [x, y] = await Promise.all([readFile(path.join(a, '2023', 'report.html')), readFile(path.join(b, '2023', 'report.html'))]);
    expect(x.length).toBeGreaterThan(1000);
    expect(x.equals(y)).toBe(true);
  }, 30_000);

  it('is in the help', async () => {
    const top = await runCli(['--help']);
    expect(top.stdout).toMatch(/preview \[options\] \[year\] +在本机浏览器中预览报告/);
    const build = await runCli(['build', '--help']);
    expect(build.stdout).toContain('md、docx、html');
    expect(build.stdout).toMatch(/-w, --watch +生成后继续监视/);
    const preview = await runCli(['preview', '--help']);
    expect(preview.stdout).toContain('-p, --port <n>');
    expect(preview.stdout).toContain('按 Ctrl-C 退出');
  }, 30_000);
});

/** The CLI as a long-running process, its output gathered as it comes. */
function spawnCli(args: string[], cwd = ROOT) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'report.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1', REPORT_CACHE_DIR: CACHE_DIR } });
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out.stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (out.stderr += s));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** Waits until `pattern` has appeared `times` times on the stream. */
  const waitFor = async (pattern: string, { stream = 'stderr', times = 1, timeout = 15_000 }: { stream?: 'stdout' | 'stderr'; times?: number; timeout?: number } = {}) => {
    const deadline = Date.now() + timeout;
    while (out[stream].split(pattern).length - 1 < times) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`“${pattern}” ×${times} not seen; stderr:\n${out.stderr}\nstdout:\n${out.stdout}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, out, exited, waitFor };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
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
  it('rebuilds on save, keeps the last output when the data breaks, and exits 0 on Ctrl-C', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const cli = spawnCli(['build', '2023', '--data', data, '--out', out, '--format', 'md,html', '--watch']);
    children.push(cli.child);
    await cli.waitFor('正在监视');
    expect(cli.out.stderr).toContain('已生成：');
    const narrative = path.join(data, '2023', 'narrative.yaml');
    const html = path.join(out, '2023', 'report.html');

    await edit(narrative, '使命催人奋进', '使命光荣、责任重大');
    await cli.waitFor('已重新生成：');
    expect(await readFile(html, 'utf8')).toContain('使命光荣、责任重大');
    const good = await readFile(html);

    await edit(narrative, '{{proposals.total}}', '{{proposals.totl}}');
    await cli.waitFor('未能重新生成，上次生成的文件保持不变');
    expect(cli.out.stderr).toMatch(/narrative\.yaml:15:\d+ 错误 RPT401/);
    expect((await readFile(html)).equals(good)).toBe(true);

    await edit(narrative, '{{proposals.totl}}', '{{proposals.total}}');
    await cli.waitFor('已重新生成：', { times: 2 });

    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.out.stderr).toMatch(/已停止监视。\n$/);
  }, 30_000);
});

describe('report preview (command line)', () => {
  it('serves the page on 127.0.0.1 with the reload script, re-renders on change, and exits 0 on Ctrl-C', async () => {
    const data = await copyFixture('minimal');
    const cli = spawnCli(['preview', '2023', '--data', data]);
    children.push(cli.child);
    await cli.waitFor('预览地址：', { stream: 'stdout' });
    const url = /预览地址：(\S+)/.exec(cli.out.stdout)![1]!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('各位委员，使命催人奋进');
    expect(page.body).toMatch(/<script nonce="[^"]+">[\s\S]*new EventSource\('\/events'\)/);
    expect((await get(url, { Host: 'attacker.example:80' })).status).toBe(403);
    expect((await get(url + 'nothing')).status).toBe(404);

    await edit(path.join(data, '2023', 'narrative.yaml'), '{{proposals.total}}', '{{proposals.totl}}');
    await cli.waitFor('未能生成，页面列出上面的问题');
    const broken = await get(url);
    expect(broken.body).toContain('报告未能生成：1 个错误');
    expect(broken.body).toMatch(/narrative\.yaml:15:\d+<\/span><span class="severity">错误<\/span><span class="code">RPT401<\/span>/);
    expect(broken.body).toContain('<pre class="source"><span class="gutter">15 │ </span>');
    expect(broken.body).toContain('提案<mark>{</mark>{proposals.totl}}件');
    expect(broken.body).not.toContain('各位委员，使命催人奋进');

    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.out.stderr).toMatch(/已停止预览。\n$/);
  }, 30_000);

  it('says so when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const data = await copyFixture('minimal');
      const run = await runCli(['preview', '--data', data, '--port', String(port)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`无法在 127.0.0.1:${port} 上提供预览（端口已被占用）`);
      expect((await runCli(['preview', '--data', data, '--port', 'http'])).code).toBe(2);
    } finally {
      blocker.close();
    }
  }, 30_000);
});
