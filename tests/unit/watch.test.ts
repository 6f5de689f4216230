import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { isNoise, watchBuild, watchedFolders, watchLoop, type BuildEvent } from '../../src/watch.js';
import { copyFixture, edit, tempDir } from '../helpers/fixture.js';

/** Drives watchBuild in-process: each build is queued; `next` waits for the following one. */
function startWatch(options: { dataDir: string; outDir: string; templatesDir?: string; year?: number }, debounceMs = 60) {
  const controller = new AbortController();
  const queue: BuildEvent[] = [];
  let wake: (() => void) | undefined;
  const done = watchBuild({
    ...options,
    formats: ['md', 'html'],
    signal: controller.signal,
    debounceMs,
    onBuild: (event) => {
      queue.push(event);
      wake?.();
    },
  });
  const next = async (timeoutMs = 8000): Promise<BuildEvent> => {
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
  const quiet = async (ms = 500) => {
    await new Promise((r) => setTimeout(r, ms));
    return queue.length;
  };
  return { controller, done, next, quiet, queue };
}

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

describe('the watch loop (report build --watch)', () => {
  it('names the folders to watch: the year, the year before, the shared files, the templates', () => {
    const folders = watchedFolders({ dataDir: '/d/data', year: 2023, templatesDir: 'mine', cwd: '/w' });
    expect(folders.get('/d/data/2023')).toEqual({ recursive: true, names: null });
    expect(folders.get('/d/data/2022')).toEqual({ recursive: true, names: null });
    expect(folders.get('/d/data')).toEqual({ recursive: false, names: new Set(['organization.yaml', 'layout.yaml', '2023', '2022']) });
    expect(folders.get('/d')).toEqual({ recursive: false, names: new Set(['data']) });
    expect(folders.get('/w/mine')).toEqual({ recursive: true, names: null });
    expect(folders.get('/w')).toEqual({ recursive: false, names: new Set(['mine']) });
    expect(folders.has('/d/data/2021')).toBe(false);
    // Year not known yet: any entry of the data folder.
    expect(watchedFolders({ dataDir: '/d/data' }).get('/d/data')).toEqual({ recursive: false, names: null });
    // A term report: the whole data folder (its years and term-2018-2022/).
    expect(watchedFolders({ dataDir: '/d/data', range: { from: 2018, to: 2022 }, year: 2022 }).get('/d/data')).toEqual({ recursive: true, names: null });
    // A compilation: each organisation's folder.
    const several = watchedFolders({ dataDir: '/d/a', dataDirs: ['/d/a', '/d/b'], year: 2023 });
    expect(several.get('/d/b/2023')).toEqual({ recursive: true, names: null });
    expect(several.get('/d')).toEqual({ recursive: false, names: new Set(['a', 'b']) });
    expect(['.narrative.yaml.swp', 'narrative.yaml~', '4913', '.report.md.1a2b.tmp', '#x#'].every(isNoise)).toBe(true);
    expect(isNoise('narrative.yaml')).toBe(false);
  });

  it('rebuilds on a change, keeps the last good output when the data breaks, and rebuilds when fixed', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const w = startWatch({ dataDir: data, outDir: out, year: 2023 });
    stops.push(async () => (w.controller.abort(), await w.done));
    const md = path.join(out, '2023', 'report.md');
    const html = path.join(out, '2023', 'report.html');
    const narrative = path.join(data, '2023', 'narrative.yaml');

    const first = await w.next();
    expect(first.first).toBe(true);
    expect(first.changes).toEqual([]);
    expect(first.result.files.map((f) => path.basename(f.path))).toEqual(['report.md', 'report.html']);
    expect(await readFile(html, 'utf8')).toContain('各位委员，使命催人奋进');

    // A narrative sentence changes → rebuilt with the new text.
    await edit(narrative, '使命催人奋进', '使命光荣、责任重大');
    const changed = await w.next();
    expect(changed.first).toBe(false);
    expect(changed.changes).toContain(narrative);
    expect(hasErrors(changed.result.diagnostics)).toBe(false);
    expect(await readFile(md, 'utf8')).toContain('各位委员，使命光荣、责任重大');
    expect(await readFile(html, 'utf8')).toContain('各位委员，使命光荣、责任重大');
    const good = [await readFile(md), await readFile(html)];

    // Broken: diagnostics, and the outputs stay as they were.
    await edit(narrative, '{{proposals.total}}', '{{proposals.totl}}');
    const broken = await w.next();
    expect(broken.result.files).toEqual([]);
    expect(broken.result.diagnostics.map((d) => d.code)).toContain('RPT401');
    expect(broken.result.diagnostics.find((d) => d.code === 'RPT401')?.file).toMatch(/narrative\.yaml$/);
    expect((await readFile(md)).equals(good[0]!)).toBe(true);
    expect((await readFile(html)).equals(good[1]!)).toBe(true);

    // Fixed, the way many editors save: a new file renamed over the old one.
    const text = (await readFile(narrative, 'utf8')).replace('{{proposals.totl}}', '{{proposals.total}}').replace('使命光荣、责任重大', '使命在肩');
    await writeFile(narrative + '.new', text);
    await rename(narrative + '.new', narrative);
    let fixed = await w.next();
    // The temporary name may have caused its own build just before; the last one counts.
    while (w.queue.length > 0) fixed = await w.next();
    expect(hasErrors(fixed.result.diagnostics)).toBe(false);
    expect(await readFile(md, 'utf8')).toContain('各位委员，使命在肩');
  });

  it('sees the previous year, organization.yaml and a templates folder that appears later', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const cwd = await tempDir();
    const templates = path.join(cwd, 'mine'); // does not exist yet
    const w = startWatch({ dataDir: data, outDir: out, templatesDir: templates });
    stops.push(async () => (w.controller.abort(), await w.done));
    const md = path.join(out, '2023', 'report.md');
    const first = await w.next();
    expect(first.result.year).toBe(2023); // the latest year, found by the first build
    expect(first.result.diagnostics.map((d) => d.code)).toContain('RPT507'); // templates folder missing
    expect(first.result.files).toEqual([]);

    await mkdir(path.join(templates, 'annual'), { recursive: true });
    await writeFile(path.join(templates, 'annual', 'opening.hbs'), '受常务委员会委托，向大会报告工作。\n');
    let event = await w.next();
    while (w.queue.length > 0 || hasErrors(event.result.diagnostics)) event = await w.next();
    expect(await readFile(md, 'utf8')).toContain('受常务委员会委托，向大会报告工作。');

    // A fifth proposal last year: 5 this year is no longer growth.
    const previous = path.join(data, '2022', 'proposals.yaml');
    await writeFile(previous, (await readFile(previous, 'utf8')) + '  - {id: P5, title: 关于河道治理的建议, submitter: 委员, category: 其他, filing: 立案, handled: true, satisfaction: 满意}\n');
    event = await w.next();
    expect(event.changes).toContain(previous);
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
    await writeFile(path.join(data, '2023', '.narrative.yaml.swp'), 'x');
    await writeFile(path.join(data, '2023', 'narrative.yaml~'), 'x');
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
      dataDir: data,
      year: 2023,
      signal: controller.signal,
      debounceMs: 60,
      recursiveWatch: false,
      run: async (changes) => (runs.push([...changes]), 2023),
    });
    stops.push(async () => (controller.abort(), await done));
    const waitRuns = async (n: number) => {
      for (let i = 0; i < 100 && runs.length < n; i++) await new Promise((r) => setTimeout(r, 50));
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
    await edit(path.join(data, '2023', 'narrative.yaml'), '使命催人奋进', '使命在肩');
    expect(await w.quiet(400)).toBe(0);
  });
});
