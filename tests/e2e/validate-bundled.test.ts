import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, edit, lineOf, ROOT } from '../helpers/fixture.js';

interface Mistake {
  what: string;
  file: string;
  find: string;
  replace: string;
  /** Code expected at the line where `replace` now stands (or `at`, when given). */
  code: string;
  at?: string;
}

/** Ten different mistakes a data author makes, each in a copy of the bundled data. */
const MISTAKES: Mistake[] = [
  { what: 'bad YAML', file: '2023/members.yaml', find: '  total: 326', replace: '  total: [326', code: 'RPT104', at: '  standing' },
  { what: 'wrong type', file: '2023/meetings.yaml', find: '    suggestions: 6\n    adopted: true\n  - id: party-group-05', replace: '    suggestions: 六条\n    adopted: true\n  - id: party-group-05', code: 'RPT201', at: '六条' },
  { what: 'unknown kind', file: '2023/meetings.yaml', find: '  - id: chair-02\n    kind: 主席会议', replace: '  - id: chair-02\n    kind: 主任会议', code: 'RPT203', at: '主任会议' },
  { what: 'duplicate id', file: '2023/meetings.yaml', find: '  - id: party-group-04', replace: '  - id: party-group-03', code: 'RPT301', at: 'party-group-03' },
  { what: 'date outside the year', file: '2023/meetings.yaml', find: '    date: 2023-03-22', replace: '    date: 2022-03-22', code: 'RPT302', at: '2022-03-22' },
  { what: 'dangling reference', file: '2023/research.yaml', find: '{id: A2023-02, report: minmeng-after-school', replace: '{id: A2023-02, report: minmeng-afterschool', code: 'RPT303', at: 'minmeng-afterschool' },
  { what: 'parts exceeding the whole', file: '2023/proposals.yaml', find: 'proposalCounts: {received: 232, filed: 220, handled: 204}', replace: 'proposalCounts: {received: 232, filed: 220, handled: 224}', code: 'RPT304', at: 'proposalCounts' },
  { what: 'citation of a figure that does not exist', file: '2023/narrative.yaml', find: '共收到提案{{proposals.total}}件', replace: '共收到提案{{proposals.totals}}件', code: 'RPT401', at: '{{proposals.totals}}' },
  { what: 'unknown field', file: '2023/meetings.yaml', find: '    topic: 研究会议活动安排', replace: '    topik: 研究会议活动安排', code: 'RPT204', at: 'topik' },
  { what: 'unregistered category', file: '2023/proposals.yaml', find: 'title: 关于持续优化营商环境的提案, submitter: 党派, by: 民建云州市委会, sector: 民建, category: 经济建设', replace: 'title: 关于持续优化营商环境的提案, submitter: 党派, by: 民建云州市委会, sector: 民建, category: 经济发展', code: 'RPT306', at: '经济发展' },
];

interface JsonDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  code: string;
  severity: string;
  message: string;
  hint: string | null;
}

describe('report validate on a copy of the bundled data with ten mistakes', () => {
  it('accepts the bundled data as it is', async () => {
    const run = await runCli(['validate', '2023', '--strict', '--data', path.join(ROOT, 'data')]);
    expect(run.stderr).toContain('检查通过');
    expect(run.code).toBe(0);
  });

  it('reports every mistake with file, line and column in one run, and exits 1', async () => {
    const data = await copyFixture(path.join(ROOT, 'data'));
    // Where each mistake lands: the line of `at` inside the replaced text (or just after it).
    const expectedLine = new Map<Mistake, number>();
    for (const m of MISTAKES) {
      const file = path.join(data, m.file);
      const before = await readFile(file, 'utf8');
      const start = before.indexOf(m.find);
      await edit(file, m.find, m.replace);
      const after = await readFile(file, 'utf8');
      const at = after.indexOf(m.at ?? m.replace, start);
      expectedLine.set(m, after.slice(0, at).split('\n').length);
    }
    // Lines shift when an earlier mistake in the same file changes its line count; none here does.
    const run = await runCli(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
    expect(run.code).toBe(1);
    const diagnostics = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonDiagnostic);
    for (const d of diagnostics) {
      expect(d.file, JSON.stringify(d)).toBeTruthy();
      expect(d.line, JSON.stringify(d)).toBeGreaterThan(0);
      expect(d.column, JSON.stringify(d)).toBeGreaterThan(0);
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.hint).toBeTruthy();
    }
    for (const m of MISTAKES) {
      const line = expectedLine.get(m)!;
      const hit = diagnostics.find((d) => d.code === m.code && d.file === m.file && d.line === line);
      expect(hit, `${m.what}: expected ${m.code} at ${m.file}:${line}; got\n${run.stdout}`).toBeDefined();
    }
    // Nothing else: no cascade of follow-on errors beyond the ten (one mistake may imply one more).
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeLessThanOrEqual(MISTAKES.length + 2);
  });

  it('shows the offending line and a caret in the text format', async () => {
    const data = await copyFixture(path.join(ROOT, 'data'));
    await edit(path.join(data, '2023', 'meetings.yaml'), '    kind: 主席会议\n    date: 2023-02-10', '    kind: 主任会议\n    date: 2023-02-10');
    const run = await runCli(['validate', '--data', data], { cwd: data });
    expect(run.code).toBe(1);
    const line = await lineOf(path.join(data, '2023', 'meetings.yaml'), '主任会议');
    expect(run.stderr).toContain(`2023/meetings.yaml:${line}:11 错误 RPT203 “kind”的值“主任会议”不在允许范围内`);
    expect(run.stderr).toContain(`  ${line} │     kind: 主任会议`);
    expect(run.stderr).toMatch(/│ {11}\^/);
    expect(run.stderr).toContain('提示：可用的值：全体会议、常委会议');
    expect(run.stderr).toContain('发现 1 个错误、0 个警告。');
  });

  it('prints GitHub Actions annotations', async () => {
    const data = await copyFixture(path.join(ROOT, 'data'));
    await edit(path.join(data, '2023', 'narrative.yaml'), '共收到提案{{proposals.total}}件', '共收到提案{{proposals.totals}}件');
    const run = await runCli(['validate', '--data', data, '--format', 'github'], { cwd: data });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=2023\/narrative\.yaml,line=\d+,col=\d+,title=RPT401::引用的数字或字段“proposals\.totals”不存在/m);
  });
});
