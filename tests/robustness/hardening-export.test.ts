/**
 * `report export` writes like a build: a temporary file beside the target, then a rename. A
 * failed write leaves the old file whole; a link at the target is replaced, not written through.
 * CSV cells that a spreadsheet would run as formulas are guarded, and read back exactly.
 */
import { execFile } from 'node:child_process';
import { lstat, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { DATA, project } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

/** The real CLI under a file-size limit of `kb` KiB (as a nearly full disk stops a write half-way). */
function exportLimited(cwd: string, kb: number, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  return new Promise((resolve) => {
    execFile('bash', ['-c', `ulimit -f ${kb}; exec '${process.execPath}' '${BIN}' ${quoted}`], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, _stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr });
    });
  });
}

describe('7. export over a file when the write fails half-way', () => {
  it('leaves the original whole (it was truncated to what fitted) and no temporary file', async () => {
    const cwd = await project(DATA);
    const original = Buffer.alloc(60 * 1024, 'x');
    await writeFile(path.join(cwd, 'ledger.csv'), original);
    const run = await exportLimited(cwd, 20, ['export', 'proposals', '2023', '--format', 'csv', '--out', 'ledger.csv', '--force']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('RPT601');
    expect((await readFile(path.join(cwd, 'ledger.csv'))).equals(original)).toBe(true);
    expect((await readdir(cwd)).filter((e) => e.endsWith('.tmp'))).toEqual([]);
  });
});

describe('8. export --force to a symbolic link', () => {
  it('replaces the link with the ledger; the file it pointed at is untouched', async () => {
    const cwd = await project(DATA);
    await writeFile(path.join(cwd, 'precious.xlsx'), 'keep me');
    await symlink(path.join(cwd, 'precious.xlsx'), path.join(cwd, 'link.xlsx'));
    const run = await report(['export', 'proposals', '2023', '--out', 'link.xlsx', '--force'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(cwd, 'precious.xlsx'), 'utf8')).toBe('keep me');
    expect((await lstat(path.join(cwd, 'link.xlsx'))).isFile()).toBe(true);
  });

  it('without --force the link is left as it is (RPT614)', async () => {
    const cwd = await project(DATA);
    await symlink(path.join(cwd, 'elsewhere.xlsx'), path.join(cwd, 'link.xlsx'));
    const run = await report(['export', 'proposals', '2023', '--out', 'link.xlsx'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT614');
    expect(await readlink(path.join(cwd, 'link.xlsx'))).toBe(path.join(cwd, 'elsewhere.xlsx'));
  });
});
