/**
 * Nothing a run leaves behind or finds in its environment changes the next run. The one cache is
 * the parse cache inside the output folder (<out>/.report-cache/, tests/cli/parse-cache.test.ts);
 * no variable moves it: REPORT_CACHE_DIR, whatever it names (a folder under /proc, a file, a
 * folder of junk), changes no output, is never written to and never makes a run wait; and the
 * same command run again after an edit always sees the edit, however small.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, edit, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

/** A build of the minimal fixture with REPORT_CACHE_DIR set, in the process's environment and in the command's: the outputs' bytes. */
async function buildWith(data: string, cache: string | undefined): Promise<Map<string, Buffer>> {
  const out = await tempDir();
  const saved = process.env.REPORT_CACHE_DIR;
  if (cache === undefined) delete process.env.REPORT_CACHE_DIR;
  else process.env.REPORT_CACHE_DIR = cache;
  try {
    const run = await report(['build', '2023', '--data', data, '--out', out, '--format', 'md,docx,html'], { env: cache === undefined ? {} : { REPORT_CACHE_DIR: cache } });
    expect(run.code, run.stderr).toBe(0);
  } finally {
    if (saved === undefined) delete process.env.REPORT_CACHE_DIR;
    else process.env.REPORT_CACHE_DIR = saved;
  }
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(path.join(out, '2023'))).sort()) files.set(name, await readFile(path.join(out, '2023', name)));
  return files;
}

let data: string;
let reference: Map<string, Buffer>;
beforeAll(async () => {
  data = await copyFixture('minimal');
  reference = await buildWith(data, undefined);
  expect([...reference.keys()]).toEqual(['report.docx', 'report.html', 'report.md']);
});

describe('REPORT_CACHE_DIR', () => {
  it.each([
    ['a folder under /proc', () => Promise.resolve('/proc/report-cache')],
    ['a folder under /sys', () => Promise.resolve('/sys/report-cache')],
    ['a regular file', async () => {
      const file = path.join(await tempDir(), 'a-file');
      await writeFile(file, 'not a folder');
      return file;
    }],
    ['a folder of damaged packs', async () => {
      const folder = await tempDir('report-cache-');
      await mkdir(path.join(folder, 'runs'));
      await writeFile(path.join(folder, 'pack.json'), '{"entries": {"yaml:x": "{\\"broken\\":"}');
      await writeFile(path.join(folder, 'runs', 'run.json'), '{"format":1,"setting":');
      return folder;
    }],
    ['an empty value', () => Promise.resolve('')],
  ])('set to %s changes no output and is never written to', async (_what, cache) => {
    const folder = await cache();
    const before = folder.startsWith('/tmp') ? await readdir(folder).catch(() => null) : null;
    const outputs = await buildWith(data, folder);
    for (const [name, bytes] of reference) expect(outputs.get(name)?.equals(bytes), name).toBe(true);
    if (before) expect(await readdir(folder)).toEqual(before);
  });
});

describe('the same command again', () => {
  it('gives the same messages and exit code, and sees every edit however small', async () => {
    const copy = await copyFixture('minimal');
    const args = ['validate', '2023', '--data', copy, '--format', 'json'];
    const first = await report(args);
    const again = await report(args);
    expect(again).toEqual(first);
    expect(first.code).toBe(0);
    // Same length, one character: only the content tells.
    await edit(path.join(copy, '2023', 'proposals.yaml'), 'review: 转来信', 'review: 转来件');
    const broken = await report(args);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('"code":"RPT203"');
    await edit(path.join(copy, '2023', 'proposals.yaml'), 'review: 转来件', 'review: 转来信');
    expect(await report(args)).toEqual(first);
    // A new file in the year folder, and a layout file where there was none.
    await writeFile(path.join(copy, '2023', 'extra.yaml'), 'members:\n  total: 3\n');
    expect((await report(args)).stdout).toContain('"code":"RPT307"');
    await writeFile(path.join(copy, '2023', 'extra.yaml'), '# 备注\n');
    await writeFile(path.join(copy, 'layout.yaml'), 'lineSpacingPt: -1\n');
    expect((await report(args)).code).toBe(1);
  });

  it('writes the same outputs again after they were edited or deleted', async () => {
    const out = await tempDir();
    const args = ['build', '2023', '--data', data, '--out', out];
    expect((await report(args)).code).toBe(0);
    const md = path.join(out, '2023', 'report.md');
    await writeFile(md, '改过的报告\n');
    expect((await report(args)).code).toBe(0);
    expect((await readFile(md)).equals(reference.get('report.md')!)).toBe(true);
  });
});
