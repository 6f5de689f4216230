/**
 * Files that cost the reader too much time or memory, or crashed it: each ends in a bounded
 * time with the right message. Run in-process; the vitest timeout is the bound (the defects ran
 * for minutes or crashed).
 */
import { mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { appendAll } from '../../src/append.js';
import { DATA, project } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

/** The sample data with its proposal ledger replaced by a CSV of the given body under the ledger's header. */
async function withCsvLedger(body: (header: string) => string | Buffer): Promise<string> {
  const cwd = await project(DATA);
  const out = path.join(cwd, 'ledger.csv');
  expect((await report(['export', 'proposals', '2023', '--format', 'csv', '--out', out], { cwd })).code).toBe(0);
  const header = (await readFile(out, 'utf8')).split('\r\n')[0]!;
  await rm(path.join(cwd, 'data', '2023', '提案台账.xlsx'));
  await writeFile(path.join(cwd, 'data', '2023', '提案台账.csv'), body(header));
  return cwd;
}

describe('9. a CSV of 30 MB of blank lines', () => {
  it('is read in one pass: the blank lines hold nothing, the rows after them keep their numbers', async () => {
    const blank = 30 * 1024 * 1024 - 4096;
    const cwd = await withCsvLedger((header) => Buffer.concat([Buffer.from(`${header}\r\n`), Buffer.alloc(blank, '\n'), Buffer.from('P2023-900,关于测试的提案\r\n')]));
    const run = await report(['validate', '2023', '--format', 'json'], { cwd });
    const problems = jsonDiagnostics(run.stdout).filter((d) => d.file === 'data/2023/提案台账.csv');
    // The one row after the flood is read, at its own row number (the header is row 1).
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((d) => d.line))).toEqual(new Set([blank + 2]));
    expect(problems.some((d) => d.code === 'RPT707')).toBe(false);
  });
});

describe('10. very many bad rows', () => {
  it('40,000 rows missing required cells end in data problems (exit 1), not a stack overflow (exit 2)', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `P${String(i).padStart(5, '0')},,,,,,,,,,,,,,,,,,,,,`);
    const cwd = await withCsvLedger((header) => `${header}\r\n${rows.join('\r\n')}\r\n`);
    const run = await report(['validate', '2023', '--format', 'json'], { cwd });
    expect(run.stderr).not.toContain('RangeError');
    expect(run.code).toBe(1);
    // One message per problem, however many rows have it.
    const found = jsonDiagnostics(run.stdout).filter((d) => d.file === 'data/2023/提案台账.csv' && d.severity === 'error');
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((d) => /40000|40,000/.test(d.message))).toBe(true);
  });

  it('appendAll takes lists far longer than a call can spread', () => {
    const long = Array.from({ length: 500_000 }, (_, i) => i);
    expect(appendAll([-1], long, [7]).length).toBe(500_002);
  });
});

describe('13. size limits named for the kind of file', () => {
  it('a 38 MB CSV ledger is told the spreadsheet limit, 32 MB (RPT705), not the 16 MB of data files', async () => {
    const cwd = await project(DATA);
    await truncate(await touch(path.join(cwd, 'data', '2023', '提案台账.csv')), 38 * 1024 * 1024);
    const found = jsonDiagnostics((await report(['validate', '2023', '--format', 'json'], { cwd })).stdout).filter((d) => d.file === 'data/2023/提案台账.csv');
    expect(found).toEqual([expect.objectContaining({ code: 'RPT705' })]);
    expect(found[0]!.message).toBe('表格文件有 38 MB，超过了上限 32 MB，没有读取');
  });

  it('a 2.9 MB template piece is told the template limit (RPT120), not “数据文件的上限 16 MB”', async () => {
    const cwd = await project(DATA);
    const file = path.join(cwd, 'mine', 'opening.hbs');
    await mkdir(path.dirname(file), { recursive: true });
    await truncate(await touch(file), Math.round(2.9 * 1024 * 1024));
    const found = jsonDiagnostics((await report(['validate', '2023', '--templates', 'mine', '--format', 'json'], { cwd })).stdout).filter((d) => d.file === 'mine/opening.hbs');
    expect(found).toEqual([expect.objectContaining({ code: 'RPT120' })]);
    expect(found[0]!.message).toBe('模板片段文件有 2.9 MB，超过了模板片段的上限 1 MB，没有读取');
  });

  it('a 17 MB YAML file is still told the data limit, 16 MB (RPT114)', async () => {
    const cwd = await project(DATA);
    await truncate(path.join(cwd, 'data', '2023', 'meetings.yaml'), 17 * 1024 * 1024);
    const found = jsonDiagnostics((await report(['validate', '2023', '--format', 'json'], { cwd })).stdout).filter((d) => d.file === 'data/2023/meetings.yaml');
    expect(found[0]!.message).toBe('文件有 17 MB，超过了数据文件的上限 16 MB，没有读取');
  });
});

async function touch(file: string): Promise<string> {
  await writeFile(file, '');
  return file;
}

describe('12. rows are counted by the values they hold', () => {
  it('one formatted empty cell at A1048576 leaves a 233-row ledger readable (no RPT707), 232 proposals', async () => {
    const cwd = await project(DATA);
    const file = path.join(cwd, 'data', '2023', '提案台账.xlsx');
    const parts = unzipSync(await readFile(file));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace('</sheetData>', '<row r="1048576"><c r="A1048576" s="1"/></row></sheetData>'));
    await writeFile(file, zipSync(parts));
    const run = await report(['stats', '2023', 'proposals.total', '--json'], { cwd });
    expect(run.stderr).not.toContain('RPT707');
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { figures: Record<string, { value: unknown }> }).figures['proposals.total']?.value).toBe(232);
  });
});
