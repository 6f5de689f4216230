/**
 * A ledger with a column missing still tells the truth. The messy export's columns are removed
 * one at a time: every figure that then differs from the whole ledger's is either missing (null,
 * and citing it is an error naming the column, in the user's file) or inferred from the columns
 * left (with its info line) — never a 0 counted from a column that is not there.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, type Cell } from '../../src/load/spreadsheet/index.js';
import { FIXTURES, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

const EXPORT = path.join(FIXTURES, 'proposal-export', '改正编号后', '提案管理系统导出.xlsx');

/** The export's columns (the sub-header under 办理情况 where there is one) and its 60 records, as CSV cells. */
async function exportTable(): Promise<{ headers: string[]; rows: string[][] }> {
  const sheet = readWorkbook(await readFile(EXPORT), 'x.xlsx').sheets[0]!;
  const text = (c: Cell | undefined) => (c === undefined ? '' : typeof c.value === 'object' && c.value !== null && 'date' in c.value ? c.value.date : c.text.trim());
  const at = (row: number) => new Map(sheet.rows.find((r) => r.number === row)!.cells.map((c) => [c.column, c]));
  const [top, sub] = [at(3), at(4)];
  const columns = [...Array(16).keys()].map((i) => i + 1);
  const headers = columns.map((c) => text(sub.get(c)) || text(top.get(c)));
  const rows = sheet.rows.filter((r) => r.number >= 5 && r.number <= 64).map((r) => columns.map((c) => text(r.cells.find((x) => x.column === c))));
  return { headers, rows };
}

const csv = (rows: string[][]) => rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n') + '\n';

let cwd: string;
let table: { headers: string[]; rows: string[][] };
let whole: Record<string, unknown>;

async function figuresWithout(column: string | undefined): Promise<{ figures: Record<string, unknown>; diagnostics: ReturnType<typeof jsonDiagnostics>; code: number }> {
  const keep = table.headers.map((h, i) => (h === column ? -1 : i)).filter((i) => i >= 0);
  await writeFile(path.join(cwd, 'data', '2024', '提案台账.csv'), csv([keep.map((i) => table.headers[i]!), ...table.rows.map((r) => keep.map((i) => r[i]!))]));
  const validate = await report(['validate', '2024', '--format', 'json'], { cwd });
  const stats = await report(['stats', '2024', 'proposals', '--json'], { cwd });
  const figures = stats.code === 0 ? Object.fromEntries(Object.entries((JSON.parse(stats.stdout) as { figures: Record<string, { value: unknown }> }).figures).map(([k, v]) => [k, v.value])) : {};
  return { figures, diagnostics: jsonDiagnostics(validate.stdout), code: stats.code };
}

beforeAll(async () => {
  cwd = await tempDir('report-partial-');
  expect((await report(['init', '2024', '--name', '青山县', '--level', '县'], { cwd })).code).toBe(0);
  await rm(path.join(cwd, 'data', '2024', 'proposals.yaml'));
  table = await exportTable();
  expect(table.rows).toHaveLength(60);
  whole = (await figuresWithout(undefined)).figures;
  expect(whole['proposals.total']).toBe(60);
});

describe('a ledger without one of its columns', () => {
  const REQUIRED: Record<string, string> = { 案号: '提案编号', 案由: '案由', 第一提案人: '第一提案人', 提案类别: '类别', 审查意见: '审查结果' };
  const OPTIONAL = ['联名人', '界别', '提交时间', '大会/平时', '主办单位', '会办单位', '办理结果', '委员满意度', '是否重点提案', '序号', '备注'];

  for (const [column, label] of Object.entries(REQUIRED)) {
    it(`without ${column}: one error naming the column`, async () => {
      const { diagnostics } = await figuresWithout(column);
      const errors = diagnostics.filter((d) => d.severity === 'error' && d.file?.endsWith('.csv'));
      expect(errors.map((d) => [d.code, d.message])).toEqual([['RPT722', `表头中没有“${label}”这一列`]]);
    });
  }

  for (const column of OPTIONAL) {
    it(`without ${column}: each figure that changes is missing or inferred, never a 0`, async () => {
      const { figures, diagnostics, code } = await figuresWithout(column);
      expect(code).toBe(0);
      const inferredLines = diagnostics.filter((d) => d.code === 'RPT741').map((d) => d.message);
      const changed = Object.keys(whole).filter((name) => JSON.stringify(figures[name]) !== JSON.stringify(whole[name]));
      for (const name of changed) {
        const value = figures[name];
        if (value === null) continue;
        // Changed but not missing: only an inference from the columns left may do that, and it is said.
        // (An inferred count may be 0 for a group: it is counted from the columns left, and said.)
        expect({ name, value, inferred: inferredLines.length > 0 }).toEqual({ name, value, inferred: true });
      }
    });
  }

  it('says which column is missing where the user cites the figure, and leaves the units annex out with a warning', async () => {
    const proposalsMd = path.join(cwd, 'data', '2024', 'proposals.md');
    const draft = await readFile(proposalsMd, 'utf8');
    await writeFile(proposalsMd, draft.replace('# 成效\n', '# 成效\n\n提案者对办理工作满意和基本满意的占{{percent proposals.satisfactionRate}}。\n'));
    await figuresWithout('委员满意度');
    const run = await report(['validate', '2024', '--kind', 'proposals', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    const missing = jsonDiagnostics(run.stdout).filter((d) => d.code === 'RPT402');
    expect(missing.map((d) => [d.file, d.message])).toEqual([['data/2024/proposals.md', '数字“proposals.satisfactionRate”无法由数据算出：台账中没有“满意度”列']]);
    await writeFile(proposalsMd, draft);
    await figuresWithout('主办单位');
    const checked = await report(['validate', '2024', '--kind', 'proposals', '--format', 'json'], { cwd });
    const warned = jsonDiagnostics(checked.stdout).filter((d) => d.code === 'RPT744');
    const built = await report(['build', '2024', '--kind', 'proposals'], { cwd });
    expect(built.code).toBe(0);
    expect(warned.map((d) => d.message)).toEqual(['附表“承办单位办理情况统计表”没有列出：台账中没有“主办单位”列']);
    const text = await readFile(path.join(cwd, 'out', '2024', 'proposals.md'), 'utf8');
    expect(text).not.toContain('承办单位办理情况统计表');
    expect(text).toContain('提案分类统计表');
  });
});

describe('a built-in sentence citing a figure a ledger cannot give', () => {
  it('is an error at the ledger naming the column and the piece, never a path into the built-in templates', async () => {
    const dir = await tempDir('report-partial-builtin-');
    expect((await report(['init', '2024', '--name', '青山县', '--level', '县'], { cwd: dir })).code).toBe(0);
    await writeFile(path.join(dir, 'data', '2024', '提案台账.csv'), '案号,案由,第一提案人,类别,审查意见\nP1,关于甲的提案,张三,经济建设,立案\nP2,关于乙的提案,李四,社会建设,立案\n');
    const run = await report(['validate', '2024', '--kind', 'proposals', '--format', 'json'], { cwd: dir });
    const errors = jsonDiagnostics(run.stdout).filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.file, d.sheet])).toEqual([['RPT743', 'data/2024/提案台账.csv', '提案台账']]);
    expect(errors[0]!.message).toMatch(/^报告的内置段落（模板片段 \w+）要用的数字 proposals\.\w+ 算不出：台账中没有“.+”列$/);
    expect(errors[0]!.hint).toContain('--kind proposals');
    expect(run.stdout).not.toContain('templates/');
  });
});

describe('other ledgers without a column', () => {
  it('a meetings ledger without 建议条数 gives no suggestion count, not 0', async () => {
    const dir = await tempDir('report-partial-meetings-');
    expect((await report(['init', '2024', '--name', '青山县', '--level', '县'], { cwd: dir })).code).toBe(0);
    await writeFile(path.join(dir, 'data', '2024', '会议台账.csv'), '会议编号,会议类型,会议日期,议题\nM1,常委会议,2024-03-01,审议工作\nM2,主席会议,2024-04-01,研究工作\n');
    const stats = await report(['stats', '2024', 'meetings', '--json'], { cwd: dir });
    const figures = (JSON.parse(stats.stdout) as { figures: Record<string, { value: unknown }> }).figures;
    expect([figures['meetings.count']!.value, figures['meetings.suggestions']!.value, figures['meetings.byKind.常委会议.suggestions']!.value]).toEqual([2, null, null]);
  });
});
