/**
 * The bundle's V8 code cache (bin/bundle-loader.js, made by scripts/code-cache.cjs when the bundle
 * is built): every chunk a usual run loads is compiled from it, and it never stands in for a text
 * other than the one it was made from. Each run is a child process that sets the CLI's V8 flags,
 * opens a bundle folder and runs `main`, then tells how each chunk it loaded was compiled.
 */
import { execFile } from 'node:child_process';
import { cp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, ROOT, tempDir } from '../helpers/fixture.js';

const LOADER = path.join(ROOT, 'bin', 'bundle-loader.js');
const BUNDLE = path.join(ROOT, 'dist', 'bundle');

interface Run {
  code: number;
  printed: string;
  /** Each chunk loaded, by file name: 'cached', 'refused', 'other text' or 'none'. */
  loaded: Record<string, string>;
}

/** Runs `main(argv)` on the bundle in `folder` in a child process with the CLI's flags. */
function run(folder: string, argv: string[], cwd: string): Promise<Run> {
  const script = `
    const path = require('node:path');
    const { setFlags, openBundle } = require(${JSON.stringify(LOADER)});
    setFlags();
    const bundle = openBundle(${JSON.stringify(folder)});
    let printed = '';
    const io = { stdout: (s) => (printed += s), stderr: (s) => (printed += s), cwd: ${JSON.stringify(cwd)}, env: { NO_COLOR: '1' }, isTTY: false };
    bundle.require('cli.cjs').main(${JSON.stringify(argv)}, io).then((code) => {
      const loaded = Object.fromEntries(bundle.loaded().map(({ file, how }) => [path.basename(file), how]));
      process.stdout.write(JSON.stringify({ code, printed, loaded }));
    });`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => (error ? reject(new Error(stderr || String(error))) : resolve(JSON.parse(stdout) as Run)));
  });
}

/** A copy of the built package's bundle, with the package's other folders linked beside it. */
async function copiedBundle(): Promise<string> {
  const root = await tempDir('report-code-cache-');
  await cp(BUNDLE, path.join(root, 'dist', 'bundle'), { recursive: true });
  for (const name of ['templates', 'node_modules', 'package.json']) await symlink(path.join(ROOT, name), path.join(root, name));
  return path.join(root, 'dist', 'bundle');
}

describe("the bundle's code cache", () => {
  it('serves every chunk that validate and build load, and the runs give what they gave without it', async () => {
    const cwd = await tempDir();
    const out = path.join(cwd, 'out');
    const build = await run(BUNDLE, ['build', '2023', '--data', DATA, '--out', out, '--format', 'md,docx'], cwd);
    expect(build.code, build.printed).toBe(0);
    const validate = await run(BUNDLE, ['validate', '2023', '--data', DATA], cwd);
    expect(validate.code, validate.printed).toBe(0);
    for (const { loaded } of [build, validate]) {
      expect(Object.keys(loaded)).toContain('cli.cjs');
      expect(Object.entries(loaded).filter(([, how]) => how !== 'cached')).toEqual([]);
    }
    // The same bundle without its code cache writes the same files.
    const bare = await copiedBundle();
    for (const file of await readdir(bare)) if (file.endsWith('.code-cache')) await writeFile(path.join(bare, file), '');
    const without = await run(bare, ['build', '2023', '--data', DATA, '--out', path.join(cwd, 'bare'), '--format', 'md,docx'], cwd);
    expect(without.code, without.printed).toBe(0);
    expect(Object.values(without.loaded).every((how) => how === 'other text')).toBe(true);
    for (const file of ['2023/report.md', '2023/report.docx']) expect((await readFile(path.join(cwd, 'bare', file))).equals(await readFile(path.join(out, file))), file).toBe(true);
  });

  it('reads chunks written in ASCII, and a chunk in UTF-8 as UTF-8', async () => {
    // One-byte text for V8 (scripts/bundle.mjs escapes the rest, in patterns and comments too).
    for (const file of (await readdir(BUNDLE)).filter((f) => f.endsWith('.cjs') && f !== 'xlsx.cjs')) {
      expect((await readFile(path.join(BUNDLE, file))).every((byte) => byte < 0x80), file).toBe(true);
    }
    // A chunk edited by hand with a character outside ASCII still reads as what it says.
    const bundle = await copiedBundle();
    const cli = path.join(bundle, 'cli.cjs');
    await writeFile(cli, (await readFile(cli, 'utf8')).replace('\\u653F\\u534F\\u5E38\\u59D4\\u4F1A', '政协全体会'));
    const help = await run(bundle, ['--help'], await tempDir());
    expect(help.printed).toContain('政协全体会工作报告生成器');
  });

  it('never runs code made from another text of a chunk, even of the same length', async () => {
    const bundle = await copiedBundle();
    const cli = path.join(bundle, 'cli.cjs');
    const text = await readFile(cli, 'utf8');
    // 政协常委会 → 政协全体会 in the program's description: the same number of bytes, which is all V8 itself compares.
    const edited = text.replace('\\u653F\\u534F\\u5E38\\u59D4\\u4F1A', '\\u653F\\u534F\\u5168\\u4F53\\u4F1A');
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    await writeFile(cli, edited);
    const help = await run(bundle, ['--help'], await tempDir());
    expect(help.printed).toContain('政协全体会工作报告生成器');
    expect(help.loaded['cli.cjs']).toBe('other text');
  });

  it('is refused by V8 when its bytes are damaged, and the run compiles the chunk from its text', async () => {
    const bundle = await copiedBundle();
    const file = path.join(bundle, 'cli.code-cache');
    const stored = await readFile(file);
    const sourceLength = stored.readUInt32LE(0);
    // A byte in the middle of V8's data (after the copy of the text), then one near its end.
    for (const at of [4 + sourceLength + Math.floor((stored.length - 4 - sourceLength) / 2), stored.length - 8]) {
      const damaged = Buffer.from(stored);
      damaged[at] = damaged[at]! ^ 0x5a;
      await writeFile(file, damaged);
      const help = await run(bundle, ['--help'], await tempDir());
      expect(help.code).toBe(0);
      expect(help.printed).toContain('政协常委会工作报告生成器');
      expect(help.loaded['cli.cjs']).toBe('refused');
    }
    // Cut short, or gone: compiled from the text.
    await writeFile(file, stored.subarray(0, 100));
    expect((await run(bundle, ['--help'], await tempDir())).loaded['cli.cjs']).toBe('other text');
    await rm(file);
    expect((await run(bundle, ['--help'], await tempDir())).loaded['cli.cjs']).toBe('none');
  });
});
