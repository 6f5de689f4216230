/** Fixture folders copied to a temporary place, so tests can break them freely. */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
/** The bundled sample data and the examples. */
export const DATA = path.join(ROOT, 'data');
export const PANJIN = path.join(ROOT, 'examples', 'panjin-2022');
export const TERM = path.join(ROOT, 'examples', 'term-2018-2022');

/** A new empty folder, inside the test run's own temporary folder when there is one (tests/helpers/global-setup.ts). */
export async function tempDir(prefix = 'report-test-'): Promise<string> {
  return mkdtemp(path.join(process.env.REPORT_TEST_TMP ?? tmpdir(), prefix));
}

/** Copies `source` (a fixture name or an absolute folder) into a new temporary folder. */
export async function copyFixture(source: string): Promise<string> {
  const from = path.isAbsolute(source) ? source : path.join(FIXTURES, source);
  const dir = await tempDir();
  await cp(from, dir, { recursive: true });
  return dir;
}

/** A project folder as a user has it: `source` copied to `<folder>/data`; returns the folder. */
export async function project(source = 'minimal'): Promise<string> {
  const cwd = await tempDir('report-project-');
  await cp(path.isAbsolute(source) ? source : path.join(FIXTURES, source), path.join(cwd, 'data'), { recursive: true });
  return cwd;
}

/** Writes files (relative path → content) under `dir`, making folders as needed. */
export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
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

/** 1-based line and column of the first occurrence of `needle` in a file. */
export async function positionOf(file: string, needle: string): Promise<{ line: number; column: number }> {
  const text = await readFile(file, 'utf8');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${file}: no “${needle}”`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Runs `body` with `folder` bind-mounted onto itself (a mount point, as an output folder on its own
 * disk is); `skip` where this machine does not allow mounting. Unmounted afterwards.
 */
export async function withBindMount(folder: string, skip: () => void, body: () => Promise<void>): Promise<void> {
  try {
    execFileSync('mount', ['--bind', folder, folder], { stdio: 'ignore' });
  } catch {
    skip();
    return;
  }
  try {
    await body();
  } finally {
    execFileSync('umount', [folder], { stdio: 'ignore' });
  }
}

/**
 * organization.yaml of a made-up organisation of 江北省: 青川市 (市) or 青山县 (县), with its
 * proposal categories and any further lines under `organization:`.
 */
export function organizationYaml(level: '市' | '县', proposalCategories: readonly string[], more: readonly string[] = []): string {
  const name = level === '市' ? '青川市' : '青山县';
  const lines = [`fullName: 中国人民政治协商会议江北省${name}委员会`, `shortName: ${name}政协`, 'province: 江北省', `name: ${name}`, `level: ${level}`];
  lines.push(`partyCommittee: ${level}委`, `government: ${level}政府`, `congress: ${level}人大`, `proposalCategories: [${proposalCategories.join(', ')}]`, ...more);
  return ['organization:', ...lines.map((l) => `  ${l}`), ''].join('\n');
}
