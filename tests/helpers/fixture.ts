/** Fixture folders copied to a temporary place, so tests can break them freely. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

export async function tempDir(prefix = 'report-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Copies `source` (a fixture name or an absolute folder) into a new temporary folder. */
export async function copyFixture(source: string): Promise<string> {
  const from = path.isAbsolute(source) ? source : path.join(FIXTURES, source);
  const dir = await tempDir();
  await cp(from, dir, { recursive: true });
  return dir;
}

/** Replaces exactly one occurrence of `find` in a file; fails loudly if it is not there once. */
export async function edit(file: string, find: string, replace: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const count = text.split(find).length - 1;
  if (count !== 1) throw new Error(`${file}: expected one “${find}”, found ${count}`);
  await writeFile(file, text.replace(find, replace));
}

/** 1-based line of the first line containing `needle`. */
export async function lineOf(file: string, needle: string): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${file}: no line contains “${needle}”`);
  return index + 1;
}
