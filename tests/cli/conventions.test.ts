/**
 * One meaning per word, one value per share: the organisation declares how it counts
 * (organization.yaml `conventions`), and the text, the annex tables and `stats` print the same
 * counts and the same shares at the report's one precision. The same ledger is built under both
 * 并案 conventions; the bundled data's reports are read number by number against `stats --json`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA, copyFixture, edit, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

type StatsJson = { figures: Record<string, { value: unknown; printed: string; definition?: string }> };

async function statsOf(data: string): Promise<StatsJson['figures']> {
  const run = await report(['stats', '2023', '--data', data, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as StatsJson).figures;
}

async function build(data: string, kind: string): Promise<string> {
  const out = await tempDir();
  const run = await report(['build', '2023', '--data', data, '--kind', kind, '--out', out, '--format', 'md']);
  expect(run.code, run.stderr).toBe(0);
  const file = { annual: 'report.md', proposals: 'proposals.md', summary: 'summary.md' }[kind]!;
  return readFile(path.join(out, '2023', file), 'utf8');
}

/** The annex table “提案分类统计表”: category → its cells by header. */
function annex(markdown: string): Map<string, Record<string, string>> {
  const lines = markdown.slice(markdown.indexOf('提案分类统计表')).split('\n').filter((l) => l.startsWith('|'));
  const headers = lines[0]!.split('|').slice(1, -1).map((c) => c.trim());
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines.slice(2)) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== headers.length) break;
    rows.set(cells[0]!, Object.fromEntries(headers.map((h, i) => [h, cells[i]!])));
  }
  return rows;
}

const n = (s: unknown) => String(s);

describe('并案 convention: the same ledger counted both ways', () => {
  let within: { md: string; stats: StatsJson['figures'] };
  let apart: { md: string; stats: StatsJson['figures'] };
  beforeAll(async () => {
    within = { md: await build(DATA, 'proposals'), stats: await statsOf(DATA) };
    const data = await copyFixture(DATA);
    await edit(path.join(data, 'organization.yaml'), 'mergedInFiled: true', 'mergedInFiled: false');
    apart = { md: await build(data, 'proposals'), stats: await statsOf(data) };
  }, 120_000);

  it('counts 并案 within 立案 by default: text, filing rate, annex and stats together', () => {
    const { md, stats } = within;
    expect(stats['proposals.filed']!.value).toBe(220);
    expect(stats['proposals.merged']!.value).toBe(16);
    expect(md).toContain('经审查，立案220件（含并案16件）');
    expect(md).toContain(`立案率为${stats['proposals.filingRate']!.printed}`);
    expect(stats['proposals.filingRate']!.printed).toBe('94.8%');
    expect(stats['proposals.filingRate']!.definition).toBe('立案（含并案） ÷ 收到提案');
    expect(md).toMatch(/\| 合计 \| 232 \| 100\.0% \| 220 \| /);
  });

  it('counts 立案 alone when the organisation says so: text, filing rate, annex and stats change together', () => {
    const { md, stats } = apart;
    expect(stats['proposals.filed']!.value).toBe(204);
    expect(md).toContain('经审查，立案204件，并案16件');
    expect(md).not.toContain('含并案');
    expect(stats['proposals.filingRate']!.printed).toBe('87.9%');
    expect(md).toContain('立案率为87.9%');
    expect(stats['proposals.filingRate']!.definition).toBe('立案（不含并案） ÷ 收到提案');
    expect(md).toMatch(/\| 合计 \| 232 \| 100\.0% \| 204 \| /);
    // Each category's 立案 in the annex is the same count stats gives it.
    for (const [category, row] of annex(md)) {
      if (category === '合计') continue;
      expect(row['立案'], category).toBe(n(stats[`proposals.byCategory.${category}.filed`]!.value));
    }
  });

  it('takes 办复率 over the base it declares', () => {
    // 立案 alone: answered among the 204, over 204.
    const answered = apart.stats['proposals.answered']!.value as number;
    expect(apart.stats['proposals.answeredRate']!.value).toBeCloseTo(answered / 204, 10);
    expect(apart.stats['proposals.answeredRate']!.definition).toBe('立案（不含并案）中已办复的 ÷ 立案（不含并案）');
    expect(apart.md).toContain(`已办复${answered}件，办复率为${apart.stats['proposals.answeredRate']!.printed}`);
  });
});

describe('the bundled data: every printed 立案, 并案, 办复 and share equals stats at the printed precision', () => {
  let stats: StatsJson['figures'];
  const reports: Record<string, string> = {};
  beforeAll(async () => {
    stats = await statsOf(DATA);
    for (const kind of ['annual', 'proposals', 'summary']) reports[kind] = await build(DATA, kind);
  }, 120_000);

  const printed = (name: string) => stats[name]!.printed;
  const categories = () => Object.keys(stats).flatMap((k) => /^proposals\.byCategory\.([^.]+)\.count$/.exec(k)?.[1] ?? []);

  it.each(['annual', 'proposals', 'summary'])('%s: 立案, 并案, 办复, rates and category shares as stats prints them', (kind) => {
    const md = reports[kind]!;
    let checked = 0;
    for (const m of md.matchAll(/(?<![不予])立案(\d+)件/g)) (checked++, expect(m[1], m[0]).toBe(n(stats['proposals.filed']!.value)));
    for (const m of md.matchAll(/含并案(\d+)件/g)) (checked++, expect(m[1], m[0]).toBe(n(stats['proposals.merged']!.value)));
    for (const m of md.matchAll(/已办复(\d+)件/g)) (checked++, expect(m[1], m[0]).toBe(n(stats['proposals.answered']!.value)));
    for (const m of md.matchAll(/立案率(?:为|达)?(\d+(?:\.\d+)?%)/g)) (checked++, expect(m[1], m[0]).toBe(printed('proposals.filingRate')));
    for (const m of md.matchAll(/办(?:复|结)率(?:为|达)?(\d+(?:\.\d+)?%)/g)) (checked++, expect(m[1], m[0]).toBe(printed('proposals.answeredRate')));
    for (const m of md.matchAll(/满意率(?:为|达)?(\d+(?:\.\d+)?%)/g)) (checked++, expect(m[1], m[0]).toBe(printed('proposals.satisfactionRate')));
    for (const category of categories()) {
      const re = new RegExp(`${category}(?:方面|领域|类)?(?:的)?(?:提案)?(\\d+)件[，,；]?占(?:比)?(\\d+(?:\\.\\d+)?%)`, 'g');
      for (const m of md.matchAll(re)) {
        checked++;
        expect(m[1], m[0]).toBe(n(stats[`proposals.byCategory.${category}.count`]!.value));
        expect(m[2], m[0]).toBe(printed(`proposals.byCategory.${category}.share`));
      }
    }
    expect(checked).toBeGreaterThan(0);
    // One precision per report: every percent with one decimal (conventions.percentDigits: 1).
    for (const m of md.matchAll(/(\d+(?:\.\d+)?)%/g)) expect(m[1], m[0]).toMatch(/^\d+\.\d$/);
  });

  it('proposals: the annex shares, 立案 and 已办复 are the values stats gives, and so are the result shares in the text', () => {
    const md = reports.proposals!;
    const rows = annex(md);
    expect(rows.size).toBeGreaterThan(3);
    for (const [category, row] of rows) {
      if (category === '合计') continue;
      expect(row['件数'], category).toBe(n(stats[`proposals.byCategory.${category}.count`]!.value));
      expect(row['占比'], category).toBe(printed(`proposals.byCategory.${category}.share`));
      expect(row['立案'], category).toBe(n(stats[`proposals.byCategory.${category}.filed`]!.value));
      expect(row['已办复'], category).toBe(n(stats[`proposals.byCategory.${category}.answered`]!.value));
    }
    for (const cls of ['A', 'B', 'C']) {
      const label = stats[`proposals.resultLabels.${cls}`]!.value as string;
      expect(md).toContain(`${label}的${n(stats[`proposals.byResult.${cls}.count`]!.value)}件，占${printed(`proposals.byResult.${cls}.share`)}`);
    }
  });

  it('the three reports print the same figure for the same name', () => {
    const facts: Array<[string, RegExp]> = [
      ['收到提案', /收到提案(\d+)件/g],
      ['立案', /(?<![不予])立案(\d+)件/g],
      ['办复率', /办(?:复|结)率(?:为|达)?(\d+(?:\.\d+)?%)/g],
      ['满意率', /满意率(?:为|达)?(\d+(?:\.\d+)?%)/g],
    ];
    for (const [name, re] of facts) {
      const values = new Set(Object.values(reports).flatMap((md) => [...md.matchAll(re)].map((m) => m[1])));
      expect(values.size, `${name}: ${[...values].join(' / ')}`).toBeLessThanOrEqual(1);
    }
  });
});
