/**
 * One message per problem, not per row: a required column missing, one value the sheet uses in
 * 120 rows, one unregistered category throughout, each said once at the column's header cell
 * with the count and the first rows — in the text, JSON and GitHub formats alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { organizationYaml, project, tempDir, writeFiles } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

const ORGANIZATION = organizationYaml('县', ['经济建设', '社会建设']);

let cwd: string;
beforeAll(async () => {
  cwd = await tempDir();
  // No 提案者类别 column is fine (inferred); no 审查意见 column is one error; 转办 in 120 rows is one; 民生 in 120 rows is one.
  const lines = ['案号,案由,第一提案人,类别,办理结果'];
  for (let i = 1; i <= 120; i++) lines.push(`P${i},关于第${i}件事的提案,委员${i},${i % 2 ? '经济建设' : '民生'},${i % 2 ? 'A' : '转办'}`);
  await writeFiles(cwd, { 'data/organization.yaml': ORGANIZATION, 'data/2024/提案台账.csv': lines.join('\n') + '\n' });
});

describe('one message per problem', () => {
  it('says a missing column, a value used in many rows and a category not registered once each, at the header', async () => {
    const run = await report(['validate', '2024', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    const problems = jsonDiagnostics(run.stdout).filter((d) => d.severity !== 'info' && d.sheet);
    expect(problems.map((d) => [d.code, d.cell])).toEqual([
      ['RPT722', 'A1'],
      ['RPT203', 'E1'],
    ]);
    expect(problems[0]!.message).toBe('表头中没有“审查结果”这一列');
    expect(problems[1]!.message).toBe('“办理结果（result）”的值“转办”不在允许范围内（第3、5、7行等60行）');
    // The hint says how to map the organisation's own wording once.
    expect(problems[1]!.hint).toContain('  sheetValues: {proposals: {result: {转办: A}}}');
  });

  it('merges a cross-record check (a category not registered) the same way', async () => {
    await writeFiles(cwd, { 'data/2024/提案台账.csv': ['案号,案由,第一提案人,类别,审查意见', ...Array.from({ length: 120 }, (_, i) => `P${i + 1},关于${i}的提案,委员${i},${i % 2 ? '经济建设' : '民生'},立案`)].join('\n') + '\n' });
    const run = await report(['validate', '2024', '--format', 'json'], { cwd });
    const problems = jsonDiagnostics(run.stdout).filter((d) => d.severity !== 'info' && d.sheet);
    expect(problems.map((d) => [d.code, d.cell])).toEqual([['RPT306', 'D1']]);
    expect(problems[0]!.message).toMatch(/（第2、4、6行等60行）$/);
    const text = await report(['validate', '2024'], { cwd });
    const said = text.stdout + text.stderr;
    expect(said.match(/错误 RPT306/g)).toHaveLength(1);
    expect(said).toContain('提案台账.csv［提案台账］第1行 D列 错误 RPT306');
    const github = await report(['validate', '2024', '--format', 'github'], { cwd });
    const annotations = github.stdout.split('\n').filter((l) => l.startsWith('::error') && l.includes('提案台账.csv'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toContain('第2、4、6行等60行');
    // What was inferred is a notice, not a warning.
    expect(github.stdout).toMatch(/^::notice .*RPT741/m);
  });
});

describe('info lines', () => {
  it('are printed as 说明, and fail nothing, not even under --strict', async () => {
    const cwd = await project('minimal');
    await writeFiles(cwd, { 'data/2023/提案补充.csv': '案号,案由,提案者类别,第一提案人,类别,审查意见,办理结果\nP6,关于补充的提案,委员,钱七,经济建设,立案,A\n' });
    const run = await report(['validate', '2023', '--strict'], { cwd });
    expect(run.stdout + run.stderr).toContain('说明 RPT741 1 条记录的“已办复”是推断的');
    expect(run.code).toBe(0);
  });

  it('name the lines of the first YAML records inferred, and count the rest', async () => {
    const cwd = await project('minimal');
    const records = [6, 7, 8, 9, 10].map((i) => `  - {id: P${i}, title: 关于补充${i}的建议, submitterKind: 委员, proposer: 钱七, category: 经济建设, review: 立案, result: A}`);
    await writeFiles(cwd, { 'data/2023/more.yaml': ['proposals:', ...records, ''].join('\n') });
    const found = jsonDiagnostics((await report(['validate', '2023', '--format', 'json'], { cwd })).stdout).filter((d) => d.code === 'RPT741');
    expect(found).toEqual([expect.objectContaining({ file: 'data/2023/more.yaml', line: 1, message: expect.stringContaining('5 条记录的“已办复”是推断的') })]);
    expect(found[0]!.message).toContain('（第2、3、4行等5行）');
  });
});
