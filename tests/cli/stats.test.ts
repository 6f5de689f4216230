/**
 * `report stats`: every figure from the records alone (no narrative needed), with its Chinese
 * label, beside last year's; filtered by words of the label or by a name prefix; as a table or
 * JSON. Then the pure functions behind it (stats/stats.ts, stats/flatten.ts).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/format.js';
import { flatten } from '../../src/compute/flatten.js';
import { figuresOfRecords, type FiguresOfRecords } from '../../src/stats/figures.js';
import { computeStats, filterStats, formatChange, formatStatsTable, formatValue, statsToJson, type Stats } from '../../src/stats/stats.js';
import { copyFixture, edit, FIXTURES } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

/** The names in the first column of a stats table. */
const names = (table: string) =>
  table
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.split(/ +/)[0]);

let data: string;
beforeAll(async () => {
  data = await copyFixture('minimal');
});

describe('report stats', () => {
  it('prints the figures with their Chinese labels as a table beside the previous year', async () => {
    const run = await report(['stats', '2023', '--data', data]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^名称 +说明 +2023年 +2022年 +变化$/);
    expect(lines).toContainEqual(expect.stringMatching(/^proposals\.total +收到提案（件） +5 +4 +\+1（增长25.0%）$/));
    expect(lines).toContainEqual(expect.stringMatching(/^proposals\.answeredRate +办复率＝立案（含并案）中已办复的 ÷ 立案（含并案） +75.0% +100.0% +−25.0个百分点$/));
    expect(lines).toContainEqual(expect.stringMatching(/^proposals\.byCategory\.民生和社会事业\.count +民生和社会事业类提案（件） +3 +3 +持平$/));
    expect(lines).toContainEqual(expect.stringMatching(/^information\.adoptionRate +社情民意信息采用率＝被采用 ÷ 报送 +41\.3% +无法算出$/));
    expect(lines).toContainEqual(expect.stringMatching(/^organization\.shortName +\S+ +青川市政协$/));
    expect(run.stdout).not.toMatch(/^(narrative|previous)\./m);
    expect(run.stderr).toBe('');
  });

  it('needs no narrative at all', async () => {
    const bare = await copyFixture('minimal');
    await rm(path.join(bare, '2023', 'narrative.md'));
    const run = await report(['stats', '2023', '--data', bare]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^proposals\.total +收到提案（件） +5/m);
    // The report itself needs it (RPT317), so the two differ for the right reason.
    const build = await report(['validate', '2023', '--data', bare]);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('RPT317');
  });

  it('keeps the figures whose label holds a Chinese word', async () => {
    const run = await report(['stats', '2023', '满意', '--data', data]);
    expect(run.code).toBe(0);
    const listed = names(run.stdout);
    expect(listed).toContain('proposals.satisfactionRate');
    expect(listed).toContain('proposals.bySatisfaction.基本满意');
    expect(listed.length).toBeGreaterThan(3);
    expect(listed).not.toContain('proposals.total');
    for (const line of run.stdout.split('\n').slice(2).filter(Boolean)) expect(line).toContain('满意');
  });

  it('keeps the figures under a name prefix, and takes the first word as a filter when it is not a year', async () => {
    const run = await report(['stats', '2023', 'meetings.byTag', 'members.total', '--data', data]);
    expect(run.code).toBe(0);
    expect(names(run.stdout)).toEqual([
      'meetings.byTag.民生.count',
      'meetings.byTag.民生.share',
      'meetings.byTag.民生.suggestions',
      'meetings.byTag.民生.suggestionsAdopted',
      'meetings.byTag.民生.topics',
      'meetings.byTag.民生.attendees',
      'members.total',
    ]);
    const noYear = await report(['stats', 'members.total', '--data', data]);
    expect(noYear.code).toBe(0);
    expect(names(noYear.stdout)).toEqual(['members.total']);
    expect(noYear.stdout.split('\n')[0]).toContain('2023年');
  });

  it('says which names there are when nothing matches (usage error)', async () => {
    const none = await report(['stats', '2023', 'proposal.total', '--data', data]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('没有名称或说明中含有“proposal.total”的数字');
    expect(none.stderr).toContain('proposals');
  });

  it('prints one JSON object with --json', async () => {
    const run = await report(['stats', '--data', data, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { year: number; previousYear: number | null; figures: Record<string, { label: string; unit: string | null; value: unknown; previous: unknown; change: unknown; growth: unknown }> };
    expect(json.year).toBe(2023);
    expect(json.previousYear).toBe(2022);
    expect(json.figures['proposals.total']).toEqual({ label: '收到提案', unit: '件', printed: '5', value: 5, previous: 4, change: 1, growth: 0.25 });
    expect(json.figures['proposals.byCategory.民生和社会事业.share']).toMatchObject({ value: 0.6, previous: 0.75, change: -0.15, growth: null });
    expect(json.figures['activities.study.parts.主席会议集体学习']!.value).toBe(12);
  });

  it('shows no comparison when the previous year is absent', async () => {
    const alone = await copyFixture('minimal');
    await rm(path.join(alone, '2022'), { recursive: true });
    const run = await report(['stats', '2023', '--data', alone]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^名称 +说明 +2023年$/);
    const json = JSON.parse((await report(['stats', '2023', '--data', alone, '--json'])).stdout) as { previousYear: null };
    expect(json.previousYear).toBeNull();
  });

  it('stops with the problems when the data has errors, keeping stdout empty', async () => {
    const broken = await copyFixture('minimal');
    await edit(path.join(broken, '2023', 'proposals.yaml'), 'category: 经济建设', 'category: 经济');
    const run = await report(['stats', '--data', broken, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('RPT306');
  });

  it('prints warnings to stderr and the figures to stdout', async () => {
    const warned = await copyFixture('minimal');
    await edit(path.join(warned, '2023', 'meetings.yaml'), 'topic: 智慧停车场建设', 'topic: ""');
    const run = await report(['stats', '--data', warned, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('RPT311');
    expect(JSON.parse(run.stdout).figures['meetings.count'].value).toBe(4);
  });
});

describe('flatten', () => {
  it('names every leaf the way templates cite it, in key order', () => {
    const entries = flatten({ a: { b: 1, c: { d: 'x', e: null } }, f: [1, 2], g: {}, h: undefined, i: true });
    expect(entries).toEqual([
      { name: 'a.b', value: 1 },
      { name: 'a.c.d', value: 'x' },
      { name: 'a.c.e', value: null },
      { name: 'f', value: [1, 2] },
      { name: 'i', value: true },
    ]);
  });
  it('keeps names with non-ASCII and hyphenated keys whole', () => {
    expect(flatten({ byCategory: { 民生和社会事业: { count: 3 } }, 'party-reports': { count: 2 } }).map((e) => e.name)).toEqual([
      'byCategory.民生和社会事业.count',
      'party-reports.count',
    ]);
  });
});

function minimalStats(): Stats {
  const of = figuresOfRecords({ dataDirs: [path.join(FIXTURES, 'minimal')], year: 2023, cwd: FIXTURES });
  expect(of.diagnostics).toEqual([]);
  return computeStats(of as FiguresOfRecords);
}

describe('stats of the minimal fixture', () => {
  it('lists the figures with the previous year beside them and leaves out narrative and previous.*', () => {
    const stats = minimalStats();
    expect(stats.year).toBe(2023);
    expect(stats.previousYear).toBe(2022);
    const row = (name: string) => stats.rows.find((r) => r.name === name);
    expect(row('proposals.total')).toEqual({ name: 'proposals.total', label: '收到提案', unit: '件', explain: expect.any(String), kind: 'count', value: 5, previous: 4, change: 1, growth: 0.25 });
    expect(row('proposals.answeredRate')).toMatchObject({ kind: 'rate', value: 0.75, previous: 1, change: -0.25 });
    expect(row('proposals.answeredRate')!.growth).toBeUndefined();
    expect(row('proposals.byCategory.民生和社会事业.count')).toMatchObject({ value: 3, previous: 3, change: 0 });
    // A registered category without proposals last year compares with zero (no growth from zero).
    expect(row('proposals.byCategory.其他.count')).toMatchObject({ value: 1, previous: 0, change: 1 });
    expect(row('proposals.byCategory.其他.count')!.growth).toBeUndefined();
    expect(row('proposals.byCategory.其他.share')).toMatchObject({ kind: 'rate', value: 0.2, previous: 0 });
    // A tag new this year compares with zero; its share has no previous value.
    expect(row('meetings.byTag.民生.count')).toMatchObject({ value: 2, previous: 0, change: 2 });
    expect(row('meetings.byTag.民生.share')!.previous).toBeUndefined();
    // Records, labels and the organisation are listed but not compared.
    expect(row('meetings.byId.digital.suggestions')).toMatchObject({ kind: 'record', value: 17 });
    expect(row('meetings.byId.digital.suggestions')!.previous).toBeUndefined();
    expect(row('organization.shortName')).toMatchObject({ kind: 'text', value: '青川市政协' });
    expect(row('year')).toMatchObject({ kind: 'text', value: 2023 });
    // An activity the year before did not have is not compared with an invented zero.
    expect(row('activities.party-reports.count')).toMatchObject({ kind: 'count', value: 25 });
    expect(row('activities.party-reports.count')!.previous).toBeUndefined();
    expect(stats.rows.some((r) => r.name.startsWith('narrative') || r.name.startsWith('previous'))).toBe(false);
    // Every figure a writer cites has its Chinese label.
    for (const name of ['proposals.total', 'proposals.satisfactionRate', 'meetings.count', 'information.collected', 'members.total']) {
      expect(row(name)!.label, name).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps names under a prefix and rows whose label holds a word', () => {
    const stats = filterStats(minimalStats(), ['proposals.byCategory', 'members']);
    expect(stats.rows.map((r) => r.name)).toContain('proposals.byCategory.经济建设.answeredRate');
    expect(stats.rows.map((r) => r.name)).toContain('members.total');
    expect(stats.rows.every((r) => r.name.startsWith('proposals.byCategory.') || r.name.startsWith('members.'))).toBe(true);
    const byWord = filterStats(minimalStats(), ['办复率']);
    expect(byWord.rows.length).toBeGreaterThan(1);
    expect(byWord.rows.every((r) => r.label.includes('办复率'))).toBe(true);
    expect(filterStats(minimalStats(), ['nothing-like-this']).rows).toEqual([]);
  });

  it('prints one JSON object: name → label, unit, value, previous, change, growth', () => {
    const json = statsToJson(minimalStats());
    expect(json.year).toBe(2023);
    expect(json.previousYear).toBe(2022);
    expect(json.figures['proposals.total']).toEqual({ label: '收到提案', unit: '件', printed: '5', value: 5, previous: 4, change: 1, growth: 0.25 });
    expect(json.figures['information.adoptionRate']).toMatchObject({ value: 43 / 104, previous: null, change: null, growth: null });
    expect(json.figures['meetings.byTag.民生.topics']!.value).toEqual(['推进居家养老服务', '智慧停车场建设']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('stats table', () => {
  const r = (row: Partial<Parameters<typeof formatChange>[0]>) => ({ name: 'x', label: '', kind: 'count' as const, value: 0, ...row });
  it('formats percentages, changes and missing values', () => {
    expect(formatValue('rate', 0.6138)).toBe('61.4%');
    expect(formatValue('rate', null)).toBe('无法算出');
    expect(formatValue('count', null)).toBe('无');
    expect(formatValue('count', 12)).toBe('12');
    expect(formatValue('text', ['甲', '乙'])).toBe('甲、乙（2项）');
    expect(formatValue('text', [])).toBe('（空）');
    expect(formatValue('record', true)).toBe('是');
    expect(formatChange(r({ value: 5, previous: 4, change: 1, growth: 0.25 }))).toBe('+1（增长25.0%）');
    expect(formatChange(r({ value: 3, previous: 4, change: -1, growth: -0.25 }))).toBe('−1（下降25.0%）');
    expect(formatChange(r({ value: 3, previous: 0, change: 3 }))).toBe('+3');
    expect(formatChange(r({ value: 3, previous: 3, change: 0, growth: 0 }))).toBe('持平');
    // Points are taken from the printed percentages: 8.6% − 8.7% is −0.1, not “持平”.
    expect(formatChange(r({ kind: 'rate', value: 0.0862, previous: 0.0866, change: -0.0004 }))).toBe('−0.1个百分点');
    expect(formatChange(r({ kind: 'rate', value: 0.75, previous: 1, change: -0.25 }))).toBe('−25.0个百分点');
    expect(formatChange(r({ kind: 'rate', value: 0.5, previous: 0.5, change: 0 }))).toBe('持平');
  });

  it('aligns the columns by display width, CJK counting double', () => {
    const table = formatStatsTable(filterStats(minimalStats(), ['proposals.total', 'proposals.byCategory.民生和社会事业.count', 'proposals.answeredRate']));
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^名称 +说明 +2023年 +2022年 +变化$/);
    expect(lines).toHaveLength(5);
    // The “this year” column ends at the same display column on every row.
    const thisYear = (line: string) => {
      let at = 0;
      for (const cell of line.split(/ {2,}/).slice(0, 3)) at = line.indexOf(cell, at) + cell.length;
      return displayWidth(line.slice(0, at));
    };
    expect(thisYear(lines[2]!)).toBe(thisYear(lines[3]!));
    expect(thisYear(lines[2]!)).toBe(thisYear(lines[4]!));
    expect(lines[2]).toMatch(/proposals\.total +收到提案（件） +5 +4 +\+1（增长25.0%）$/);
  });

  it('leaves out the comparison columns when there is no previous year', () => {
    const table = formatStatsTable({ ...filterStats(minimalStats(), ['proposals.total']), previousYear: null });
    expect(table.split('\n')[0]).toMatch(/^名称 +说明 +2023年$/);
  });
});
