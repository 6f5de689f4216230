/**
 * A proposal-system export as it comes (tests/fixtures/proposal-export/, written by openpyxl):
 * dropped into a folder made by `report init 2024 --name … --level 县`, with no edit in Excel, it
 * gives one message for the one thing truly wrong (a duplicate 案号) and info lines for what was
 * skipped and inferred; once the number is corrected, the figures equal counts made from the
 * cells by a different reader (Python's openpyxl, tests/fixtures/proposal-export/count.py).
 */
import { execFileSync } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';
import { hasOpenpyxl, PYTHON } from '../helpers/openpyxl.js';

const EXPORT = path.join(FIXTURES, 'proposal-export');
const FILE = '提案管理系统导出.xlsx';

let cwd: string;
beforeAll(async () => {
  cwd = await tempDir('report-export-');
  const init = await report(['init', '2024', '--name', '青山县', '--level', '县'], { cwd });
  expect(init.code).toBe(0);
});

describe('a proposal-system export dropped into a new folder', () => {
  it('finds init’s organization.yaml explaining where the organisation’s own column names and wordings go', async () => {
    const text = await readFile(path.join(cwd, 'data', 'organization.yaml'), 'utf8');
    expect(text).toMatch(/^# .*在 organization: 下写一次/m);
    expect(text).toMatch(/^#\s+sheetHeaders:/m);
    expect(text).toMatch(/^#\s+sheetValues:/m);
    expect(text).toMatch(/^#\s+proposerLists:/m);
  });

  it('gives one message per distinct problem: only the duplicate 案号, besides what it skipped and inferred', async () => {
    await copyFile(path.join(EXPORT, FILE), path.join(cwd, 'data', '2024', FILE));
    const run = await report(['validate', '2024', '--format', 'json'], { cwd });
    const inSheet = jsonDiagnostics(run.stdout).filter((d) => d.file?.endsWith(FILE));
    const problems = inSheet.filter((d) => d.severity !== 'info');
    expect(problems.map((d) => [d.code, d.cell, d.message])).toEqual([['RPT301', 'B41', '提案编号“2024036”重复（首次出现在 data/2024/提案管理系统导出.xlsx［Sheet1］B40）']]);
    const info = inSheet.filter((d) => d.severity === 'info');
    expect(info.filter((d) => d.code === 'RPT740').map((d) => d.message)).toEqual(['没有作为记录读入的 2 行：第66行（合计行）、第67行（说明文字）']);
    expect(info.filter((d) => d.code === 'RPT742').map((d) => d.cell)).toEqual(['P4']);
    const inferred = info.filter((d) => d.code === 'RPT741').map((d) => d.message);
    expect(inferred).toContain('42 条记录的“已办复”是推断的：立案的提案有办理结果、满意度或办复日期，算作已办复（第5、6、8行等42行）');
    expect(inferred.some((m) => m.startsWith('14 条记录的“提案者类别”是推断的：填了联名人'))).toBe(true);
    // Each line says one thing: no two share a code and a message.
    expect(new Set(inSheet.map((d) => `${d.code}${d.message}`)).size).toBe(inSheet.length);
    // 序号 is a row number, not a column to map; 委员满意度 and 办理情况's sub-headers are read.
    expect(inSheet.some((d) => /序号|委员满意度|办理情况/.test(d.message))).toBe(false);
    expect(run.code).toBe(1);
  });

  it.skipIf(!hasOpenpyxl)('once the number is corrected, builds with figures equal to counts made by openpyxl', async () => {
    const corrected = path.join(EXPORT, '改正编号后', FILE);
    await copyFile(corrected, path.join(cwd, 'data', '2024', FILE));
    const expected = JSON.parse(execFileSync(PYTHON, [path.join(EXPORT, 'count.py'), corrected], { encoding: 'utf8' })) as Record<string, number>;
    expect(Object.keys(expected).length).toBeGreaterThan(25);
    const stats = await report(['stats', '2024', 'proposals', '--json'], { cwd });
    expect(stats.code).toBe(0);
    const figures = (JSON.parse(stats.stdout) as { figures: Record<string, { value: unknown }> }).figures;
    const actual = Object.fromEntries(Object.keys(expected).map((name) => [name, figures[name]?.value]));
    expect(actual).toEqual(expected);
    const build = await report(['build', '2024', '--kind', 'proposals'], { cwd });
    expect(build.stderr).not.toContain('错误 RPT');
    expect(build.code).toBe(0);
    const text = await readFile(path.join(cwd, 'out', '2024', 'proposals.md'), 'utf8');
    expect(text).toContain(`${expected['proposals.total']}件`);
  });
});
