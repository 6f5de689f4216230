import { describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { flatten } from '../../src/stats/flatten.js';
import { computeStats, filterStats, formatChange, formatStatsTable, formatValue, statsToJson, type Stats } from '../../src/stats/stats.js';
import { displayWidth } from '../../src/cli/format.js';
import { FIXTURES } from '../helpers/fixture.js';
import path from 'node:path';

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

async function minimalStats(): Promise<Stats> {
  const result = await check({ dataDir: path.join(FIXTURES, 'minimal'), year: 2023 });
  return computeStats(result.context!);
}

describe('stats of the minimal fixture', () => {
  it('lists the figures with the previous year beside them and leaves out narrative and previous.*', async () => {
    const stats = await minimalStats();
    expect(stats.year).toBe(2023);
    expect(stats.previousYear).toBe(2022);
    const row = (name: string) => stats.rows.find((r) => r.name === name);
    expect(row('proposals.total')).toEqual({ name: 'proposals.total', kind: 'count', value: 5, previous: 4, change: 1, growth: 0.25 });
    expect(row('proposals.handledRate')).toMatchObject({ kind: 'rate', value: 0.75, previous: 1, change: -0.25 });
    expect(row('proposals.handledRate')!.growth).toBeUndefined();
    expect(row('proposals.byCategory.民生和社会事业.count')).toMatchObject({ value: 3, previous: 3, change: 0 });
    // A category new this year compares with zero; its share has no previous value.
    expect(row('proposals.byCategory.其他.count')).toMatchObject({ value: 1, previous: 0, change: 1 });
    expect(row('proposals.byCategory.其他.count')!.growth).toBeUndefined();
    expect(row('proposals.byCategory.其他.share')!.previous).toBeUndefined();
    // Records, labels and the organisation are listed but not compared.
    expect(row('meetings.byId.digital.suggestions')).toEqual({ name: 'meetings.byId.digital.suggestions', kind: 'record', value: 17 });
    expect(row('organization.shortName')).toEqual({ name: 'organization.shortName', kind: 'text', value: '青川市政协' });
    expect(row('year')).toEqual({ name: 'year', kind: 'text', value: 2023 });
    // An activity the year before did not have is not compared with an invented zero.
    expect(row('activities.party-reports.count')).toEqual({ name: 'activities.party-reports.count', kind: 'count', value: 25 });
    expect(stats.rows.some((r) => r.name.startsWith('narrative') || r.name.startsWith('previous'))).toBe(false);
  });

  it('keeps only the names under --only prefixes', async () => {
    const stats = filterStats(await minimalStats(), ['proposals.byCategory', 'members']);
    expect(stats.rows.map((r) => r.name)).toContain('proposals.byCategory.经济建设.handledRate');
    expect(stats.rows.map((r) => r.name)).toContain('members.total');
    expect(stats.rows.every((r) => r.name.startsWith('proposals.byCategory.') || r.name.startsWith('members.'))).toBe(true);
    expect(filterStats(await minimalStats(), ['proposals.tot']).rows).toEqual([]);
  });

  it('prints one JSON object: name → value, previous, change, growth', async () => {
    const json = statsToJson(await minimalStats());
    expect(json.year).toBe(2023);
    expect(json.previousYear).toBe(2022);
    expect(json.figures['proposals.total']).toEqual({ value: 5, previous: 4, change: 1, growth: 0.25 });
    expect(json.figures['information.adoptionRate']).toEqual({ value: 43 / 104, previous: null, change: null, growth: null });
    expect(json.figures['meetings.byTag.民生.topics']!.value).toEqual(['推进居家养老服务', '智慧停车场建设']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('stats table', () => {
  it('formats percentages, changes and missing values', () => {
    expect(formatValue('rate', 0.6138)).toBe('61.4%');
    expect(formatValue('rate', null)).toBe('无法算出');
    expect(formatValue('count', null)).toBe('无');
    expect(formatValue('count', 12)).toBe('12');
    expect(formatValue('text', ['甲', '乙'])).toBe('甲、乙（2项）');
    expect(formatValue('text', [])).toBe('（空）');
    expect(formatValue('record', true)).toBe('是');
    expect(formatChange({ name: 'x', kind: 'count', value: 5, previous: 4, change: 1, growth: 0.25 })).toBe('+1（增长25%）');
    expect(formatChange({ name: 'x', kind: 'count', value: 3, previous: 4, change: -1, growth: -0.25 })).toBe('−1（下降25%）');
    expect(formatChange({ name: 'x', kind: 'count', value: 3, previous: 0, change: 3 })).toBe('+3');
    expect(formatChange({ name: 'x', kind: 'count', value: 3, previous: 3, change: 0, growth: 0 })).toBe('持平');
    // Points are taken from the printed percentages: 8.6% − 8.7% is −0.1, not “持平”.
    expect(formatChange({ name: 'x', kind: 'rate', value: 0.0862, previous: 0.0866, change: -0.0004 })).toBe('−0.1个百分点');
    expect(formatChange({ name: 'x', kind: 'rate', value: 0.75, previous: 1, change: -0.25 })).toBe('−25个百分点');
    expect(formatChange({ name: 'x', kind: 'rate', value: 0.5, previous: 0.5, change: 0 })).toBe('持平');
  });

  it('aligns the columns by display width, CJK counting double', async () => {
    const table = formatStatsTable(filterStats(await minimalStats(), ['proposals.total', 'proposals.byCategory.民生和社会事业.count', 'proposals.handledRate']));
    const lines = table.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^名称 +2023年 +2022年 +变化$/);
    expect(lines).toHaveLength(5);
    // The “this year” column ends at the same display column on every row.
    const endOfValue = (line: string, value: string) => displayWidth(line.slice(0, line.indexOf(value, line.indexOf(' ')) + value.length));
    expect(endOfValue(lines[2]!, '5')).toBe(endOfValue(lines[3]!, '75%'));
    expect(endOfValue(lines[2]!, '5')).toBe(endOfValue(lines[4]!, '3'));
    expect(lines[2]).toMatch(/proposals\.total +5 +4 +\+1（增长25%）$/);
  });

  it('leaves out the comparison columns when there is no previous year', async () => {
    const stats = await minimalStats();
    const table = formatStatsTable({ ...filterStats(stats, ['proposals.total']), previousYear: null });
    expect(table.split('\n')[0]).toMatch(/^名称 +2023年$/);
  });
});
