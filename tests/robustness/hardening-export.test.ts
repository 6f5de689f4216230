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
import { readWorkbook } from '../../src/load/spreadsheet/index.js';
import { writeWorkbook } from '../../src/write/spreadsheet/write.js';

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

describe('17. CSV cells a spreadsheet would run as formulas', () => {
  const values = ['=1+1', '+86 10', '-5', '@SUM(A1)', '\t=1+1', '\r=1+1', "'=1+1", "''=1+1", "'plain", '普通文字', '\tindented'];

  it("every one of OWASP's starting characters (= + - @ TAB CR) is guarded with an apostrophe", () => {
    const text = Buffer.from(writeWorkbook({ sheet: 'x', headers: ['值'], rows: values.map((v) => [v]) }, 'csv')).toString('utf8');
    const fields = text.slice(1).split(/\r\n(?!=)/).slice(1, -1).map((f) => (f.startsWith('"') ? f.slice(1, -1) : f));
    expect(fields).toEqual(["'=1+1", "'+86 10", "'-5", "'@SUM(A1)", "'\t=1+1", "'\r=1+1", "''=1+1", "'''=1+1", "'plain", '普通文字', "'\tindented"]);
  });

  it("export → import gives back exactly what was written, a literal '=1+1 included", () => {
    for (const encoding of ['utf-8', 'gbk'] as const) {
      const bytes = writeWorkbook({ sheet: 'x', headers: ['值'], rows: values.map((v) => [v]) }, 'csv', { encoding });
      const read = readWorkbook(bytes, 'x.csv');
      expect(read.diagnostics).toEqual([]);
      expect(read.sheets[0]!.rows.slice(1).map((r) => r.cells[0]!.value)).toEqual(values);
    }
  });
});

describe('18. an export larger than the reader accepts', () => {
  it('warns (RPT762) with the count and the limit, and still writes the sheet', async () => {
    const { exportLedger } = await import('../../src/scaffold/export-ledger.js');
    const { RECORD_KINDS } = await import('../../src/domain/registry.js');
    const cwd = await project(DATA);
    const kind = RECORD_KINDS.find((k) => k.key === 'proposals')!;
    const request = { kind, dataDir: 'data', cwd, year: 2023, format: 'xlsx', encoding: 'utf-8', blank: false, force: true } as const;
    const within = await exportLedger({ ...request, out: 'a.xlsx' });
    expect(within.diagnostics).toEqual([]);
    const over = await exportLedger({ ...request, out: 'b.xlsx', maxCells: 1000 });
    expect(over.file).toBe('b.xlsx');
    expect(over.diagnostics).toEqual([expect.objectContaining({ code: 'RPT762', severity: 'warning', file: 'b.xlsx' })]);
    expect(over.diagnostics[0]!.message).toMatch(/有 [\d,]+ 个单元格，超过了读取表格的上限 1,000 个/);
    // The count is what the reader counts: the sheet read back holds exactly that many cells.
    const cells = Number(/有 ([\d,]+) 个/.exec(over.diagnostics[0]!.message)![1]!.replace(/,/g, ''));
    const book = readWorkbook(new Uint8Array(await readFile(path.join(cwd, 'b.xlsx'))), 'b.xlsx');
    expect(book.sheets[0]!.rows.reduce((n, r) => n + r.cells.length, 0)).toBe(cells);
  });
});
