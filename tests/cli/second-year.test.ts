/**
 * The second year: `init 2025` after a year kept in a proposal-system export, hand-written
 * totals and activities gives a 2025 that validates with only “not yet filled” warnings, and
 * nothing said about 2024 again. Dates are read as people type them; a December plenary is usual.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/load/spreadsheet/index.js';
import { FIXTURES, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

const LEDGER = '提案管理系统导出.xlsx';
/** Warnings that only say something is still to be filled in. */
const NOT_YET_FILLED = new Set(['RPT313', 'RPT314', 'RPT405', 'RPT746']);

let cwd: string;
const file = (...parts: string[]) => path.join(cwd, 'data', ...parts);

beforeAll(async () => {
  cwd = await tempDir('report-second-');
  expect((await report(['init', '2024', '--name', '青山县', '--level', '县'], { cwd })).code).toBe(0);
  await copyFile(path.join(FIXTURES, 'proposal-export', '改正编号后', LEDGER), file('2024', LEDGER));
  await writeFile(file('2024', 'information.yaml'), 'totals:\n  information: {collected: 86, submitted: 41, adopted: 17}\n');
  await writeFile(
    file('2024', 'activities.yaml'),
    ['activities:', '  - {id: study, name: 理论学习, unit: 次, count: 12}', '  - {id: visits, name: 走访委员, unit: 人次, parts: [{name: 春节, count: 30}]}', ''].join('\n'),
  );
  // Dates as typed: 2024-9-26, 2024年10月8日, 2024.11.5; and the plenary on 12月19日 of the year itself.
  await writeFile(
    file('2024', 'meetings.yaml'),
    ['meetings:', '  - {id: M1, kind: 常委会议, date: 2024-9-26, topic: 审议工作}', '  - {id: M2, kind: 主席会议, date: 2024年10月8日, topic: 研究工作}', '  - {id: M3, kind: 专题协商会, date: 2024.11.5, topic: 文旅融合}', ''].join('\n'),
  );
  const sitting = await readFile(file('2024', 'sitting.yaml'), 'utf8');
  await writeFile(file('2024', 'sitting.yaml'), sitting.replace('date: 2025-01-15', 'date: 2024-12-19'));
});

describe('the first year, as kept', () => {
  it('validates without errors, reads the typed dates, and a December plenary draws no RPT310', async () => {
    const run = await report(['validate', '2024', '--format', 'json'], { cwd });
    const found = jsonDiagnostics(run.stdout);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.some((d) => d.code === 'RPT310')).toBe(false);
    const stats = await report(['stats', '2024', 'meetings.count', '--json'], { cwd });
    expect((JSON.parse(stats.stdout) as { figures: Record<string, { value: number }> }).figures['meetings.count']!.value).toBe(3);
  });
});

describe('init 2025', () => {
  it('carries the ledger as an empty sheet with the same header, the totals and the activities', async () => {
    const run = await report(['init', '2025'], { cwd });
    expect(run.code).toBe(0);
    const ledger = readWorkbook(await readFile(file('2025', LEDGER)), LEDGER);
    const header = ledger.sheets[0]!.rows.map((r) => r.cells.map((c) => c.text));
    expect(header).toHaveLength(1);
    expect(header[0]).toEqual(['序号', '案号', '案由', '第一提案人', '联名人', '提案类别', '界别', '提交时间', '大会/平时', '审查意见', '主办单位', '会办单位', '办理结果', '委员满意度', '是否重点提案', '备注']);
    const information = await readFile(file('2025', 'information.yaml'), 'utf8');
    expect(information).toContain('# totals:');
    expect(information).toContain('information: []');
    const activities = await readFile(file('2025', 'activities.yaml'), 'utf8');
    expect(activities).toContain('id: study');
    expect(activities).toContain('name: 走访委员');
    expect(activities).not.toContain('count: 12');
  });

  it('gives a 2025 that validates with only “not yet filled” warnings, none of them about 2024', async () => {
    const run = await report(['validate', '2025', '--format', 'json'], { cwd });
    const found = jsonDiagnostics(run.stdout).filter((d) => d.severity !== 'info');
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.filter((d) => !NOT_YET_FILLED.has(d.code)).map((d) => [d.code, d.file, d.message])).toEqual([]);
    expect(found.filter((d) => d.file?.includes('2024'))).toEqual([]);
    expect(found.filter((d) => d.code === 'RPT746')).toHaveLength(2);
    expect(run.code).toBe(0);
  });
});
