/**
 * `report validate`: every problem of the data reported in one run, each in its file at its line
 * and column, in text (with the source line and a caret), JSON and GitHub annotations; and the
 * schema and cross-record checks one by one on the minimal fixture.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, DATA, edit, lineOf } from '../helpers/fixture.js';
import { runAnnual } from '../helpers/library.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

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
  { what: 'wrong type', file: '2023/meetings.yaml', find: '    suggestions: 6\n    suggestionsAdopted: 6\n    attendees: 94\n  - id: party-group-05', replace: '    suggestions: 六条\n    suggestionsAdopted: 6\n    attendees: 94\n  - id: party-group-05', code: 'RPT201', at: '六条' },
  { what: 'unknown kind', file: '2023/meetings.yaml', find: '  - id: chair-02\n    kind: 主席会议', replace: '  - id: chair-02\n    kind: 主任会议', code: 'RPT203', at: '主任会议' },
  { what: 'duplicate id', file: '2023/meetings.yaml', find: '  - id: party-group-04', replace: '  - id: party-group-03', code: 'RPT301', at: 'party-group-03\n    kind: 党组会议\n    date: 2023-03-07' },
  { what: 'date outside the year', file: '2023/meetings.yaml', find: '    date: 2023-03-22', replace: '    date: 2022-03-22', code: 'RPT302', at: '2022-03-22' },
  { what: 'dangling reference', file: '2023/research.yaml', find: '{id: A2023-02, record: minmeng-after-school', replace: '{id: A2023-02, record: minmeng-afterschool', code: 'RPT303', at: 'minmeng-afterschool' },
  { what: 'negative count', file: '2023/research.yaml', find: '    date: 2023-04-18\n    suggestions: 8\n', replace: '    date: 2023-04-18\n    suggestions: -8\n', code: 'RPT206', at: '-8' },
  { what: 'citation of a figure that does not exist', file: '2023/narrative.md', find: '共收到提案{{proposals.total}}件', replace: '共收到提案{{proposals.totals}}件', code: 'RPT401', at: '{{proposals.totals}}' },
  { what: 'unknown field', file: '2023/meetings.yaml', find: '    topic: 研究会议活动安排', replace: '    topik: 研究会议活动安排', code: 'RPT204', at: 'topik' },
  { what: 'unregistered sector', file: '2023/meetings.yaml', find: 'sectors: [医药卫生界, 农工党, 农业界', replace: 'sectors: [医卫界, 农工党, 农业界', code: 'RPT306', at: '医卫界' },
];

describe('report validate on a copy of the bundled data with ten mistakes', () => {
  it('accepts the bundled data as it is, warnings included', async () => {
    const run = await report(['validate', '2023', '--strict', '--data', DATA]);
    expect(run.stderr).toContain('检查通过');
    expect(run.code).toBe(0);
  });

  it('reports every mistake with file, line and column in one run, and exits 1', async () => {
    const data = await copyFixture(DATA);
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
    const run = await report(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
    expect(run.code).toBe(1);
    const diagnostics = jsonDiagnostics(run.stdout);
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
    const data = await copyFixture(DATA);
    await edit(path.join(data, '2023', 'meetings.yaml'), '    kind: 主席会议\n    date: 2023-02-10', '    kind: 主任会议\n    date: 2023-02-10');
    const run = await report(['validate', '--data', data], { cwd: data });
    expect(run.code).toBe(1);
    const line = await lineOf(path.join(data, '2023', 'meetings.yaml'), '主任会议');
    expect(run.stderr).toContain(`2023/meetings.yaml:${line}:11 错误 RPT203 “会议类型（kind）”的值“主任会议”不在允许范围内`);
    expect(run.stderr).toContain(`  ${line} │     kind: 主任会议`);
    expect(run.stderr).toMatch(/│ {11}\^/);
    expect(run.stderr).toContain('提示：是不是要写“主席会议”？如确需新增，在 organization.yaml 的 meetingKinds 中加入“主任会议”。可用的值：全体会议、常委会议');
    expect(run.stderr).toContain('发现 1 个错误、0 个警告。');
  });

  it('prints GitHub Actions annotations', async () => {
    const data = await copyFixture(DATA);
    await edit(path.join(data, '2023', 'narrative.md'), '共收到提案{{proposals.total}}件', '共收到提案{{proposals.totals}}件');
    const run = await report(['validate', '--data', data, '--format', 'github'], { cwd: data });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=2023\/narrative\.md,line=\d+,col=\d+,title=RPT401::引用的数字或字段“proposals\.totals”不存在/m);
  });
});

/** The minimal fixture with `mutate` applied, run through the pipeline. */
async function problems(mutate: (dir: string) => Promise<void>) {
  const dir = await copyFixture('minimal');
  await mutate(dir);
  const result = await runAnnual(dir);
  return { dir, diagnostics: result.diagnostics, result };
}

describe('validate: schema', () => {
  it('accepts the minimal fixture without problems', async () => {
    const { diagnostics, result } = await problems(async () => {});
    expect(diagnostics).toEqual([]);
    expect((result.report?.context as { proposals?: unknown } | undefined)?.proposals).toMatchObject({ total: 5 });
  });

  it('reports a wrong type, an unknown value and an unknown field at their positions', async () => {
    const { dir, diagnostics } = await problems(async (d) => {
      const f = path.join(d, '2023', 'meetings.yaml');
      await edit(f, 'suggestions: 17', 'suggestions: 十七');
      await edit(f, 'kind: 双月协商座谈会', 'kind: 座谈会');
      await edit(f, 'suggestions: 6, tags', 'suggestion: 6, tags');
    });
    const f = path.join(dir, '2023', 'meetings.yaml');
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['RPT201', '2023/meetings.yaml', await lineOf(f, '十七')],
      ['RPT203', '2023/meetings.yaml', await lineOf(f, '座谈会,')],
      ['RPT204', '2023/meetings.yaml', await lineOf(f, 'suggestion:')],
    ]);
    expect(diagnostics[0]!.message).toContain('suggestions');
    expect(diagnostics[1]!.hint).toContain('双月协商座谈会');
    // The column points at the value itself.
    const line = (await readFile(f, 'utf8')).split('\n')[diagnostics[0]!.line! - 1]!;
    expect(line.slice(diagnostics[0]!.column! - 1).startsWith('十七')).toBe(true);
  });

  it('names true and false in quotes, apart from the Chinese around them', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'proposals.yaml'), 'review: 立案, answered: false', 'review: 立案, answered: 不知道');
    });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['RPT201', '“已办复（answered）”应为“true”（是）或“false”（否），实际是文字“不知道”']]);
  });

  it('reports a missing required field on the record that lacks it', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'proposals.yaml'), 'title: 关于优化营商环境的建议, ', '');
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'RPT202', line: 5, path: 'proposals[2].title' });
  });
});

describe('validate: cross-record checks', () => {
  it('finds duplicate ids, dates outside the year and dangling references in one run', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'proposals.yaml'), 'id: P3,', 'id: P2,');
      await edit(path.join(d, '2023', 'meetings.yaml'), 'date: 2023-08-20', 'date: 2022-08-20');
      await edit(path.join(d, '2023', 'research.yaml'), '{id: A3, record: R2', '{id: A3, record: R9');
    });
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['RPT301', 'RPT302', 'RPT303']);
    expect(diagnostics.find((d) => d.code === 'RPT301')!.message).toContain('P2');
  });

  it('finds parts exceeding the whole', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'information.yaml'), 'adopted: 43', 'adopted: 143');
      await edit(path.join(d, '2023', 'activities.yaml'), 'inCommittees: 276', 'inCommittees: 280');
    });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['RPT304', 'members.inCommittees'],
      ['RPT304', 'totals.information.adopted'],
    ]);
  });

  it('finds hand-written totals that disagree with the records', async () => {
    const { dir, diagnostics } = await problems(async (d) => {
      await writeFile(path.join(d, '2023', 'totals.yaml'), 'totals:\n  proposals: {received: 6}\n');
    });
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['RPT305', '2023/totals.yaml', 2]]);
    expect(diagnostics[0]!.message).toContain('5');
    expect(dir).toBeTruthy();
  });

  it('refuses a part that a second file of the year writes again', async () => {
    const { diagnostics } = await problems(async (d) => {
      await writeFile(path.join(d, '2023', 'zz-extra.yaml'), 'members:\n  total: 3\n');
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'RPT307', file: '2023/zz-extra.yaml', line: 1, column: 1 });
    expect(diagnostics[0]!.message).toContain('2023/activities.yaml');
  });

  it('checks categories against the organisation register', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'proposals.yaml'), 'category: 经济建设', 'category: 经济发展');
    });
    expect(diagnostics[0]).toMatchObject({ code: 'RPT306' });
    expect(diagnostics[0]!.hint).toContain('民生和社会事业');
  });
});

describe('report validate: layout.yaml', () => {
  it('exits 1 on a line spacing of -1 pt, placed in layout.yaml', async () => {
    const data = await copyFixture('minimal');
    await writeFile(path.join(data, 'layout.yaml'), '# 版式\nlineSpacingPt: -1\n');
    const run = await report(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
    expect(run.code).toBe(1);
    const problem = jsonDiagnostics(run.stdout).find((d) => d.file === 'layout.yaml');
    expect(problem, run.stdout).toMatchObject({ severity: 'error', line: 2 });
    expect(problem!.column).toBeGreaterThan(0);
    // In words an editor reads: zod's own zh-CN text said “期望 number >0”.
    expect(problem!.message).toContain('应大于 0');
    expect(problem!.message.replace(/“[^”]*”/g, '')).not.toMatch(/[A-Za-z]/);
    // The same value positive is accepted (the test fails for the right reason).
    await writeFile(path.join(data, 'layout.yaml'), '# 版式\nlineSpacingPt: 29\n');
    expect((await report(['validate', '2023', '--data', data])).code).toBe(0);
  });

  it('names what a wrong layout value should be in Chinese: a type, a choice', async () => {
    const data = await copyFixture('minimal');
    await writeFile(path.join(data, 'layout.yaml'), 'paragraphs:\n  body:\n    sizePt: 大\n    alignment: middle\n');
    const run = await report(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
    const messages = jsonDiagnostics(run.stdout).filter((d) => d.file === 'layout.yaml').map((d) => d.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('应为数字'), expect.stringContaining('应为以下之一：left、center、right、justify')]));
  });
});

describe('validate without --kind checks every report of the year whose prose is written', () => {
  it('names the three reports of the bundled year, and fails on a slip in proposals.md alone', async () => {
    const ok = await report(['validate', '2023', '--data', DATA]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('2023 年的数据、版式和模板检查通过（年度工作报告、提案工作情况报告、工作综述）。');
    const data = await copyFixture(DATA);
    await edit(`${data}/2023/proposals.md`, '{{proposals.categoriesWithProposals}}', '{{proposals.categoriesWithProposal}}');
    const bad = await report(['validate', '2023', '--data', data]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/proposals\.md:\d+:\d+ 错误 RPT401/);
  }, 60_000);
});
