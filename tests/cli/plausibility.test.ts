/**
 * Figures a reader would stop at are warned about, with the figure's name, its value, last
 * year's and the records behind it with their places; the build still succeeds.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const HEADER = '提案编号,案由,提案者类别,第一提案人,类别,审查结果,已办复,满意度';
const ROWS = [
  'P1,关于加快老旧小区改造的建议,委员,张三,民生和社会事业,立案,否,满意',
  'P2,关于发展智慧停车的建议,党派,民革青川市委会,民生和社会事业,立案,否,满意',
  'P3,关于优化营商环境的建议,委员,李四,经济建设,立案,否,满意',
  'P4,关于加强课后服务的建议,委员,王五,民生和社会事业,立案,否,满意',
];

describe('a ledger whose 已办复 column is all 否', () => {
  it('builds, with a warning naming 办复率, its value, last year’s and the rows behind it', async () => {
    const data = await copyFixture('minimal');
    await rm(path.join(data, '2023', 'proposals.yaml'));
    await writeFile(path.join(data, '2023', '提案台账.csv'), [HEADER, ...ROWS].join('\n') + '\n');
    const out = await tempDir();
    const run = await report(['build', '2023', '--data', data, '--out', out, '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    const warning = run.stderr.split('\n').find((l) => l.includes('RPT350'));
    expect(warning, run.stderr).toBeDefined();
    expect(warning).toContain('办复率（proposals.answeredRate）为 0.0%（上年 100.0%）');
    expect(warning).toMatch(/所据记录：4条记录（.*提案台账\.csv［提案台账］第2行、.*第3行、.*第4行等）/);
    // The table column 已办复 is all zeros too.
    expect(run.stderr).toContain('统计表的“已办复”一列（proposals.byCategory.*.answered）全是 0');
    expect(await readFile(path.join(out, '2023', 'report.md'), 'utf8')).toContain('办结率0.0%');
  });

  it('a ledger without the 已办复 column (nor anything to infer it from): 办复率 is missing, naming the column, never 0%', async () => {
    const data = await copyFixture('minimal');
    await rm(path.join(data, '2023', 'proposals.yaml'));
    const rows = ROWS.map((r) => r.split(',').slice(0, 6).join(','));
    await writeFile(path.join(data, '2023', '提案台账.csv'), [HEADER.split(',').slice(0, 6).join(','), ...rows].join('\n') + '\n');
    const run = await report(['build', '2023', '--data', data, '--out', await tempDir(), '--format', 'md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/narrative\.md:\d+:\d+ 错误 RPT402 数字“proposals\.answeredRate”无法由数据算出：台账中没有“已办复”列/);
    expect(run.stderr).not.toContain('RPT350');
  });

  it('a year that is plausible gives no such warning', async () => {
    const run = await report(['validate', '2023', '--data', await copyFixture('minimal')]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/RPT35[0-2]/);
  });
});
