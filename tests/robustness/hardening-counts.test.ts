/**
 * A file's shape must never change how many proposals are counted: mixed line endings, hidden
 * sheets, a linked year folder, an encoding read wrongly. Each test fails with the count or year
 * the defect gave, through the command line in-process.
 */
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { DATA, project, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

async function total(cwd: string): Promise<unknown> {
  const run = await report(['stats', '2023', 'proposals.total', '--json'], { cwd });
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { figures: Record<string, { value: unknown }> }).figures['proposals.total']?.value;
}

/** The sample's proposal ledger as CSV lines (header first), in place of its .xlsx. */
async function csvLedger(cwd: string): Promise<string[]> {
  const out = path.join(cwd, 'ledger.csv');
  const run = await report(['export', 'proposals', '2023', '--format', 'csv', '--out', out], { cwd });
  expect(run.code, run.stderr).toBe(0);
  await rm(path.join(cwd, 'data', '2023', '提案台账.xlsx'));
  const lines = (await readFile(out, 'utf8')).split('\r\n');
  expect(lines.pop()).toBe('');
  return lines;
}

describe('1. a ledger CSV with mixed line endings', () => {
  it('counts every row when the first 201 rows end in CRLF and the rest in LF (232, not 201)', async () => {
    const cwd = await project(DATA);
    const lines = await csvLedger(cwd);
    expect(lines.length).toBe(233);
    const mixed = `${lines.slice(0, 202).join('\r\n')}\r\n${lines.slice(202).join('\n')}\n`;
    await writeFile(path.join(cwd, 'data', '2023', '提案台账.csv'), mixed);
    expect(await total(cwd)).toBe(232);
    expect((await report(['validate', '2023', '--strict'], { cwd })).code).toBe(0);
  });

  it('lone CR endings (old Mac exports) count too', async () => {
    const cwd = await project(DATA);
    const lines = await csvLedger(cwd);
    await writeFile(path.join(cwd, 'data', '2023', '提案台账.csv'), `${lines.slice(0, 100).join('\r')}\r${lines.slice(100).join('\r\n')}\r\n`);
    expect(await total(cwd)).toBe(232);
  });

  it('a quoted cell that swallows whole rows is an error at that cell (RPT760), not a smaller count', async () => {
    const cwd = await project(DATA);
    const lines = await csvLedger(cwd);
    // A quote opened in the last column of row 11 and closed in row 40 holds rows 12–40.
    lines[10] = `${lines[10]}"`;
    lines[39] = `${lines[39]}"`;
    await writeFile(path.join(cwd, 'data', '2023', '提案台账.csv'), `${lines.join('\r\n')}\r\n`);
    const run = await report(['validate', '2023', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    const found = jsonDiagnostics(run.stdout).filter((d) => d.code === 'RPT760');
    expect(found).toEqual([expect.objectContaining({ file: 'data/2023/提案台账.csv', line: 11, cell: 'V11' })]);
    expect(found[0]!.message).toContain('29 行');
  });
});

describe('2. hidden and very hidden sheets', () => {
  for (const [format, hidden] of [['xlsx', 1], ['xlsx', 2], ['xls', 1], ['xls', 2]] as const) {
    it(`a ${format} with a ${hidden === 2 ? 'very hidden' : 'hidden'} sheet of 10 old rows counts 232, not 242, and names the sheet (RPT761)`, async () => {
      const cwd = await project(DATA);
      const ledger = path.join(cwd, 'data', '2023', '提案台账.xlsx');
      const book = XLSX.read(await readFile(ledger), { type: 'buffer', cellNF: true });
      const first = book.Sheets[book.SheetNames[0]!]!;
      const rows = XLSX.utils.sheet_to_json<unknown[]>(first, { header: 1 }).slice(0, 11);
      const old = XLSX.utils.aoa_to_sheet(rows.map((r, i) => (i === 0 ? r : [`旧${String((r as unknown[])[0])}`, ...(r as unknown[]).slice(1)])));
      XLSX.utils.book_append_sheet(book, old, '提案(旧)');
      XLSX.utils.book_set_sheet_visibility(book, '提案(旧)', hidden);
      await rm(ledger);
      await writeFile(path.join(cwd, 'data', '2023', `提案台账.${format}`), XLSX.write(book, { type: 'buffer', bookType: format === 'xls' ? 'biff8' : 'xlsx' }) as Buffer);
      expect(await total(cwd)).toBe(232);
      const check = jsonDiagnostics((await report(['validate', '2023', '--format', 'json'], { cwd })).stdout);
      const warned = check.filter((d) => d.code === 'RPT761');
      expect(warned).toEqual([expect.objectContaining({ severity: 'warning', file: `data/2023/提案台账.${format}` })]);
      expect(warned[0]!.message).toContain('提案(旧)');
      // Built once, then checked again from the parse cache (what reading the file said, and its rows
      // checked before, without its cells): the same warning, the same count.
      expect((await report(['build', '2023'], { cwd })).code).toBe(0);
      expect(jsonDiagnostics((await report(['validate', '2023', '--format', 'json'], { cwd })).stdout)).toEqual(check);
      expect(await total(cwd)).toBe(232);
    });
  }
});

describe('3. a year folder that is a symbolic link', () => {
  it('is the latest year when choosing one: validate --strict refuses it (RPT116) instead of passing 2023', async () => {
    const cwd = await project(DATA);
    const elsewhere = await tempDir();
    await mkdir(path.join(elsewhere, 'y'));
    await cp(path.join(cwd, 'data', '2023'), path.join(elsewhere, 'y', '2024'), { recursive: true });
    await symlink(path.join(elsewhere, 'y', '2024'), path.join(cwd, 'data', '2024'));
    const run = await report(['validate', '--strict', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    const about2024 = jsonDiagnostics(run.stdout).filter((d) => d.file?.startsWith('data/2024'));
    // One message for one problem: not also “narrative.md missing” for the folder left unread.
    expect(about2024).toEqual([expect.objectContaining({ code: 'RPT116', file: 'data/2024' })]);
    const init = await report(['init', '2025'], { cwd });
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('RPT116');
  });
});

/** Text in HZ-GB-2312 (RFC 1843): GB2312 bytes less their high bit, between ~{ and ~}. */
function hz(text: string): Buffer {
  const out = text.replace(/[^\x00-\x7f]+/g, (run) => `~{${[...iconv.encode(run, 'gb2312')].map((b) => String.fromCharCode(b & 0x7f)).join('')}~}`);
  return Buffer.from(out, 'ascii');
}

describe('4. HZ-GB-2312', () => {
  it('a YAML file saved as HZ is refused like Big5 (RPT106), not built as Latin letters', async () => {
    const cwd = await project(DATA);
    const file = path.join(cwd, 'data', '2023', 'meetings.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, hz(text.replace(/[^\x00-\x7f\u4e00-\u9fa5，。、“”（）：；]/g, '')));
    const run = await report(['validate', '2023', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    const found = jsonDiagnostics(run.stdout).filter((d) => d.file === 'data/2023/meetings.yaml');
    expect(found).toEqual([expect.objectContaining({ code: 'RPT106' })]);
    expect(found[0]!.message).toContain('HZ-GB-2312');
    expect((await report(['build', '2023', '--format', 'md'], { cwd })).code).toBe(1);
  });

  it('a CSV ledger in HZ is refused too', async () => {
    const cwd = await project(DATA);
    const lines = await csvLedger(cwd);
    await writeFile(path.join(cwd, 'data', '2023', '提案台账.csv'), hz(`${lines.join('\r\n')}\r\n`.replace(/[^\x00-\x7f\u4e00-\u9fa5]/g, '')));
    const run = await report(['validate', '2023', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    expect(jsonDiagnostics(run.stdout).filter((d) => d.file === 'data/2023/提案台账.csv')[0]?.message).toContain('HZ-GB-2312');
  });
});
