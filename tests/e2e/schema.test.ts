import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/fixture.js';

const NAMES = ['layout.schema.json', 'organization.schema.json', 'term.schema.json', 'year.schema.json'];

describe('report schema', () => {
  it('writes schema/ in the working folder by default, identical to the committed files', async () => {
    const cwd = await tempDir();
    const run = await runCli(['schema'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('已生成：schema/year.schema.json');
    expect((await readdir(path.join(cwd, 'schema'))).sort()).toEqual(NAMES);
    for (const name of NAMES) {
      const written = await readFile(path.join(cwd, 'schema', name), 'utf8');
      expect(written).toBe(await readFile(path.join(ROOT, 'schema', name), 'utf8'));
      expect(JSON.parse(written).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('writes into the folder given with --out and replaces stale files', async () => {
    const out = path.join(await tempDir(), 'editor', 'schema');
    expect((await runCli(['schema', '--out', out])).code).toBe(0);
    await writeFile(path.join(out, 'year.schema.json'), '{}\n');
    expect((await runCli(['schema', '--out', out])).code).toBe(0);
    expect(await readFile(path.join(out, 'year.schema.json'), 'utf8')).toBe(await readFile(path.join(ROOT, 'schema', 'year.schema.json'), 'utf8'));
  });

  it('says where it could not write, with exit code 2', async () => {
    const dir = await tempDir();
    const blocker = path.join(dir, 'taken');
    await writeFile(blocker, 'a file, not a folder');
    const run = await runCli(['schema', '--out', blocker]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('RPT601');
  });

  it('is listed in report --help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/schema \[options\] +生成数据文件的 JSON Schema/);
  });
});
