// Replaying a run (src/cache/replay.ts): an identical validate or build, with nothing it read
// changed and its outputs as it wrote them, gives the earlier run's messages and exit code
// without doing the work; any change at all means a full run. To see which of the two happened,
// the tests add a marker to the kept record: only a replay prints it.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { copyFixture, edit, tempDir } from '../helpers/fixture.js';

const MARKER = '〔replayed〕\n';

/** Adds the marker to every kept record in the cache folder; returns how many there were. */
function markRecords(cache: string): number {
  const folder = path.join(cache, 'runs');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  for (const file of files) {
    const record = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as { transcript: Array<[number, string]> };
    record.transcript.push([2, MARKER]);
    writeFileSync(path.join(folder, file), JSON.stringify(record));
  }
  return files.length;
}

const replayed = (run: CliRun) => run.stderr.includes(MARKER);

/** A copy of the minimal fixture, a cache folder of its own, and `run` for the CLI with both. */
async function setUp() {
  const data = await copyFixture('minimal');
  const cache = await tempDir();
  const out = await tempDir();
  const run = (args: string[], env: Record<string, string> = {}, cwd?: string) =>
    runCli(args, { env: { REPORT_CACHE_DIR: cache, ...env }, ...(cwd ? { cwd } : {}) });
  return { data, cache, out, run };
}

describe('replaying an identical run', () => {
  it('gives validate’s messages and exit code again, for clean data and for data with problems', async () => {
    const { data, cache, run } = await setUp();
    const args = ['validate', '2023', '--data', data, '--format', 'json'];
    const first = await run(args);
    expect(first.code).toBe(0);
    expect(markRecords(cache)).toBe(1);
    const again = await run(args);
    expect(replayed(again)).toBe(true);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe(first.stderr + MARKER);

    await edit(path.join(data, '2023', 'proposals.yaml'), 'filing: 转来信', 'filing: 转来件');
    const broken = await run(args);
    expect(replayed(broken)).toBe(false);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('"code":"RPT');
    markRecords(cache);
    const brokenAgain = await run(args);
    expect(replayed(brokenAgain)).toBe(true);
    expect(brokenAgain.code).toBe(1);
    expect(brokenAgain.stdout).toBe(broken.stdout);
  });

  it('runs in full after any change to what the run read', async () => {
    const { data, cache, run } = await setUp();
    const templates = await tempDir();
    const args = ['validate', '2023', '--data', data, '--templates', templates];
    const baseline = await run(args);
    expect(baseline.code).toBe(0);
    const changes: Array<[string, () => Promise<void> | void]> = [
      // Same length: only the content tells.
      ['a data file, same size', () => edit(path.join(data, '2023', 'proposals.yaml'), 'by: 张三', 'by: 张丰')],
      ['a new file in the year folder', () => writeFile(path.join(data, '2023', 'extra.yaml'), '# 备注\n')],
      ['a layout file where there was none', () => writeFile(path.join(data, 'layout.yaml'), '# 版式\n')],
      ['a template piece in the --templates folder', () => writeFile(path.join(templates, 'unused-piece.hbs'), '未用\n')],
      ['a built-in piece overridden for the kind', () => (mkdirSync(path.join(templates, 'annual')), writeFile(path.join(templates, 'annual', 'another.hbs'), '未用\n'))],
      ['the previous year’s folder removed', () => rmSync(path.join(data, '2022'), { recursive: true })],
    ];
    for (const [what, change] of changes) {
      markRecords(cache);
      expect(replayed(await run(args)), `unchanged, before “${what}”`).toBe(true);
      await change();
      const after = await run(args);
      expect(replayed(after), what).toBe(false);
    }
  });

  it('runs in full in another folder, with another environment, and never with --no-cache', async () => {
    const { data, cache, run } = await setUp();
    const args = ['validate', '2023', '--data', data];
    await run(args);
    markRecords(cache);
    expect(replayed(await run(args))).toBe(true);
    expect(replayed(await run(args, { REPORT_TEST_VARIABLE: 'x' }))).toBe(false);
    expect(replayed(await run(args, {}, await tempDir()))).toBe(false);
    const uncached = await run([...args, '--no-cache']);
    expect(replayed(uncached)).toBe(false);
    expect(uncached.code).toBe(0);
  });

  it('replays build only while its outputs hold what it wrote, and then leaves them untouched', async () => {
    const { data, cache, out, run } = await setUp();
    const args = ['build', '2023', '--data', data, '--out', out];
    const md = path.join(out, '2023', 'report.md');
    const docx = path.join(out, '2023', 'report.docx');
    const first = await run(args);
    expect(first.code).toBe(0);
    const written = { md: await readFile(md), docx: await readFile(docx), mtime: statSync(docx).mtimeMs };

    markRecords(cache);
    const again = await run(args);
    expect(replayed(again)).toBe(true);
    expect(again.stderr).toBe(first.stderr + MARKER);
    expect(statSync(docx).mtimeMs).toBe(written.mtime);

    rmSync(docx);
    const afterDelete = await run(args);
    expect(replayed(afterDelete)).toBe(false);
    expect(await readFile(docx)).toEqual(written.docx);

    markRecords(cache);
    await writeFile(md, '改过的报告\n');
    const afterEdit = await run(args);
    expect(replayed(afterEdit)).toBe(false);
    expect(await readFile(md)).toEqual(written.md);
  });

  it('runs in full when the record is damaged', async () => {
    const { data, cache, run } = await setUp();
    const args = ['validate', '2023', '--data', data];
    const first = await run(args);
    const folder = path.join(cache, 'runs');
    for (const file of readdirSync(folder)) writeFileSync(path.join(folder, file), '{"format":1,"setting":');
    const again = await run(args);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(first.stderr);
  });
});
