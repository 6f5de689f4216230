/**
 * The term report (届末五年工作报告) built from examples/term-2018-2022. Every five-year figure the
 * report prints is checked against sums computed here, independently, from the YAML records of
 * the five year folders; then the problems a term report can have.
 */
import { readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { withoutComments } from '../../src/load/markdown-prose.js';
import { docxPart, docxText } from '../helpers/docx.js';
import { copyFixture, edit, TERM, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const YEARS = [2018, 2019, 2020, 2021, 2022];

type Rec = Record<string, unknown>;
interface YearRecords {
  proposals: Rec[];
  meetings: Rec[];
  research: Rec[];
  instructions: Rec[];
  information: Rec[];
  activities: Rec[];
  members: Rec;
}

/** A year folder's files merged by top-level key, as a data author sees them. */
async function readYear(year: number): Promise<YearRecords> {
  const folder = path.join(TERM, String(year));
  const merged: Rec = {};
  for (const name of (await readdir(folder)).sort()) Object.assign(merged, load(await readFile(path.join(folder, name), 'utf8')) as Rec);
  return merged as unknown as YearRecords;
}

// Independent formatting, as the reports print figures.
const pct = (part: number, whole: number) => `${Math.round((part / whole) * 1000) / 10}%`;
const approx = (n: number) => {
  const step = 10 ** (String(n).length - 1);
  const floored = Math.floor(n / step) * step;
  return floored === n ? String(n) : `${floored}余`;
};

let md = '';
let docx: Buffer;
let records: YearRecords[] = [];

beforeAll(async () => {
  records = await Promise.all(YEARS.map(readYear));
  const out = await tempDir();
  const run = await report(['build', '2018-2022', '--kind', 'term', '--data', TERM, '--out', out]);
  expect(run.stderr).toContain('已生成');
  expect(run.code).toBe(0);
  md = await readFile(path.join(out, '2018-2022', 'report.md'), 'utf8');
  docx = await readFile(path.join(out, '2018-2022', 'report.docx'));
});

describe('report build 2018-2022 --kind term (examples/term-2018-2022)', () => {
  it('has the anatomy of the five-year report', () => {
    expect(md.split('\n')[0]).toBe('# 中国人民政治协商会议青溪市柳塘区第八届委员会常务委员会工作报告');
    expect(md).toContain('——2023年1月10日在政协青溪市柳塘区第九届委员会第一次会议上\n');
    expect(md).toContain('## 一、过去五年工作回顾');
    expect(md).toContain('五年来，区政协常委会主要做了以下工作：');
    expect(md).toContain('### （四）加强自身建设，增强履职本领\n');
    // A heading is read aloud as a title: no full stop at its end (run-in plan items are paragraphs).
    expect(md.split('\n').filter((line) => /^#/.test(line) && /。\s*$/.test(line))).toEqual([]);
    expect(md).toContain('## 二、今后五年工作建议');
    expect(md).toContain('**（六）加强自身建设**。');
    // Lessons: the lead-in and the first lesson share a paragraph, then one lesson a paragraph.
    const lessons = md.split('\n\n').filter((p) => p.includes('必须'));
    expect(lessons).toHaveLength(5);
    expect(lessons[0]).toMatch(/^回顾五年的履职实践，我们有以下几点体会：必须坚持中国共产党的领导/);
    // Order: review, thanks, lessons, shortcomings, plan, closing.
    const order = ['## 一、', '表示衷心的感谢', '我们有以下几点体会', '还有不少差距', '## 二、', '为全面建设社会主义现代化柳塘作出新的贡献'].map((s) => md.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(md).not.toMatch(/undefined|NaN|\{\{/);
  });

  it('prints every five-year total as the sum of the yearly records', async () => {
    const sum = (f: (y: YearRecords) => number) => records.reduce((s, y) => s + f(y), 0);
    const count = (f: (y: YearRecords) => Rec[], where: (r: Rec) => boolean = () => true) => sum((y) => (f(y) ?? []).filter(where).length);
    const total = (f: (y: YearRecords) => Rec[], field: string, where: (r: Rec) => boolean = () => true) =>
      sum((y) => (f(y) ?? []).filter(where).reduce((s, r) => s + Number(r[field] ?? 0), 0));
    const activity = (id: string) => (y: YearRecords) => y.activities.find((a) => a.id === id) as Rec & { count?: number; parts?: Rec[] };
    const part = (id: string, name: string) => sum((y) => Number(activity(id)(y).parts!.find((p) => p.name === name)!.count));
    const kind = (k: string) => (m: Rec) => m.kind === k;
    const consultative = ['专题议政性常委会议', '双月协商座谈会', '对口协商会', '界别协商会', '提案办理协商会'];

    const P = (y: YearRecords) => y.proposals;
    const filedWhere = (p: Rec) => p.review === '立案' || p.review === '并案';
    const proposals = count(P);
    const filed = count(P, filedWhere);
    const answered = count(P, (p) => p.answered === true);
    const responded = count(P, (p) => p.satisfaction !== undefined);
    const satisfied = count(P, (p) => p.satisfaction === '满意' || p.satisfaction === '基本满意');
    const livelihood = count(P, (p) => p.category === '民生和社会事业');
    const I = (y: YearRecords) => y.information;
    const collected = count(I);
    const submitted = count(I, (i) => i.submitted === true);
    const adopted = count(I, (i) => Array.isArray(i.adoptedBy) && i.adoptedBy.length > 0);
    const M = (y: YearRecords) => y.meetings;
    const special = (y: YearRecords) => y.meetings.filter(kind('专题议政性常委会议'));
    const livelihoodMeetings = (m: Rec) => Array.isArray(m.tags) && m.tags.includes('民生');

    // The sentence each total stands in, and the name the narrative cites it by.
    const expected: Array<[string, string[]]> = [
      [`五年共向区委请示报告${sum((y) => Number(activity('party-reports')(y).count))}件次`, ['term.activities.party-reports.count']],
      [
        `组织开展调研视察${count((y) => y.research)}项，提出意见建议${total((y) => y.research, 'suggestions')}条，获区委、区政府领导批示${count((y) => y.instructions)}件次`,
        ['term.research.count', 'term.research.suggestions', 'term.instructions.total'],
      ],
      [
        `提案办理协商会${count(M, (m) => consultative.includes(String(m.kind)))}次，会上提出意见建议${total(M, 'suggestions')}条，其中${total(M, 'suggestionsAdopted')}条被区委、区政府采纳`,
        [...consultative.map((k) => `term.meetings.byKind.${k}.count`), 'term.meetings.suggestions', 'term.meetings.suggestionsAdopted'],
      ],
      [
        `五年召开党组理论学习中心组学习${part('study', '党组理论学习中心组学习')}次、常委会议专题学习${part('study', '常委会议专题学习')}次`,
        ['term.activities.study.parts.党组理论学习中心组学习', 'term.activities.study.parts.常委会议专题学习'],
      ],
      [
        `先后围绕${records.flatMap((y) => special(y).map((m) => `“${String(m.topic)}”`)).join('')}召开专题议政性常委会议${count(special)}次，提出意见建议${total(special, 'suggestions')}条`,
        ['term.meetings.byKind.专题议政性常委会议.topics', 'term.meetings.byKind.专题议政性常委会议.count', 'term.meetings.byKind.专题议政性常委会议.suggestions'],
      ],
      [
        `召开民生议题协商会${count(M, livelihoodMeetings)}次，提出意见建议${total(M, 'suggestions', livelihoodMeetings)}条`,
        ['term.meetings.byTag.民生.count', 'term.meetings.byTag.民生.suggestions'],
      ],
      [
        `捐赠款物累计${approx(sum((y) => Number(activity('donations')(y).count)))}万元，参加爱心公益服务活动${approx(sum((y) => Number(activity('volunteering')(y).count)))}人次`,
        ['term.activities.donations.count', 'term.activities.volunteering.count'],
      ],
      [
        `累计收到提案${proposals}件，审查立案${filed}件，立案率${pct(filed, proposals)}；其中涉及民生和社会事业的提案${livelihood}件，占${pct(livelihood, proposals)}；` +
          `党派、团体集体提案${count(P, (p) => p.submitterKind === '党派' || p.submitterKind === '团体')}件；遴选重点提案${count(P, (p) => p.keyProposal === true)}件`,
        [
          'term.proposals.total',
          'term.proposals.filed',
          'term.proposals.filingRate',
          'term.proposals.byCategory.民生和社会事业.count',
          'term.proposals.byCategory.民生和社会事业.share',
          'term.proposals.partiesAndGroups',
          'term.proposals.keyProposals',
        ],
      ],
      [`提案办复率${pct(answered, filed)}，提案者满意和基本满意率${pct(satisfied, responded)}`, ['term.proposals.answeredRate', 'term.proposals.satisfactionRate']],
      [`年度提案从2018年的${records[0]!.proposals.length}件增加到2022年的${records[4]!.proposals.length}件`, ['term.from', 'term.to']],
      [
        `收集社情民意信息${collected}条，每年收集的条数由2018年的${records[0]!.information.length}条增加到2022年的${records[4]!.information.length}条；` +
          `向市政协和区委、区政府报送${submitted}条，被采用${adopted}条，采用率${pct(adopted, submitted)}`,
        ['term.information.collected', 'term.information.submitted', 'term.information.adopted', 'term.information.adoptionRate'],
      ],
      [`五年新建委员工作室${sum((y) => Number(activity('workrooms')(y).count))}个`, ['term.activities.workrooms.count']],
    ];
    for (const [sentence] of expected) expect(md).toContain(sentence);

    // Every term.* figure the narrative cites is among those checked above.
    const narrative = withoutComments(await readFile(path.join(TERM, 'term-2018-2022', 'narrative.md'), 'utf8'));
    const citations = [...narrative.matchAll(/\{\{([^}]*)\}\}/g)].map((m) => m[1]!);
    const cited = new Set(citations.flatMap((c) => c.match(/term\.[^\s)]+/g) ?? []));
    const checked = new Set(expected.flatMap(([, names]) => names));
    expect([...cited].filter((name) => !checked.has(name))).toEqual([]);
    expect(cited.size).toBeGreaterThan(25);
  });

  it('computes every five-year count as the sum of the yearly ones, and every rate from the summed counts (report stats --json)', async () => {
    const run = await report(['stats', '2018-2022', '--data', TERM, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const figures = (JSON.parse(run.stdout) as { figures: Record<string, { value: unknown }> }).figures;
    const value = (name: string) => figures[name]?.value;
    const RATE = /(Rate|share|balancedShare)$/;
    // People and units are counted once over the term however many years they appear in (同名计一人).
    const DISTINCT = new Set(['proposals.proposers', 'proposals.units', 'proposals.leadUnits', 'proposals.jointUnits', 'proposals.categoriesWithProposals', 'proposals.sectorsWithProposals']);
    let counts = 0;
    const mismatches: string[] = [];
    for (const [name, { value: total }] of Object.entries(figures)) {
      if (!name.startsWith('term.') || typeof total !== 'number') continue;
      const rest = name.slice('term.'.length);
      if (['from', 'to', 'yearCount'].includes(rest) || rest.endsWith('.years') || RATE.test(rest) || DISTINCT.has(rest)) continue;
      // A group a year did not have (a category with no proposals that year) counts 0 there.
      const yearly = YEARS.map((y) => value(`years.${y}.${rest}`) ?? 0);
      const summed = yearly.reduce((a: number, b) => a + ((b as number | null) ?? 0), 0);
      if (total !== summed) mismatches.push(`${name}: ${total} ≠ ${summed}`);
      counts++;
    }
    expect(mismatches).toEqual([]);
    // The proposers of five years, each named once: fewer than the yearly counts added up.
    const proposers = YEARS.reduce((a, y) => a + (value(`years.${y}.proposals.proposers`) as number), 0);
    expect(value('term.proposals.proposers') as number).toBeLessThan(proposers);
    expect(counts).toBeGreaterThan(150);
    const ratio = (part: string, whole: string) => (value(part) as number) / (value(whole) as number);
    expect(value('term.proposals.filingRate')).toBe(ratio('term.proposals.filed', 'term.proposals.total'));
    expect(value('term.proposals.answeredRate')).toBe(ratio('term.proposals.answered', 'term.proposals.filed'));
    expect(value('term.proposals.satisfactionRate')).toBe(ratio('term.proposals.satisfied', 'term.proposals.responded'));
    expect(value('term.information.adoptionRate')).toBe(ratio('term.information.adopted', 'term.information.submitted'));
    // A share is settled at the printed precision (one decimal of a percent), balanced over its group.
    expect(value('term.proposals.byCategory.民生和社会事业.share') as number).toBeCloseTo(ratio('term.proposals.byCategory.民生和社会事业.count', 'term.proposals.total'), 3);
    // Not the mean of the yearly rates (which differ from year to year).
    const mean = YEARS.reduce((a, y) => a + (value(`years.${y}.proposals.answeredRate`) as number), 0) / YEARS.length;
    expect(value('term.proposals.answeredRate')).not.toBe(mean);
  });

  it('prints the last year’s members from that year, not a sum', () => {
    const members = records[4]!.members as { total: number; standing: number };
    expect(md).toContain(`本届委员${members.total}名，其中常委${members.standing}名`);
  });

  it('writes the DOCX beside the Markdown', () => {
    const text = docxText(docx);
    expect(text).toContain('过去五年工作回顾');
    expect(text).toContain('今后五年工作建议');
    expect(docxPart(docx, 'docProps/core.xml')).toContain('中国人民政治协商会议青溪市柳塘区委员会');
  });
});

describe('report build <from>-<to>: problems', () => {
  it('names the year missing from the range', async () => {
    const data = await copyFixture(TERM);
    await rm(path.join(data, '2020'), { recursive: true });
    const dest = await tempDir();
    const run = await report(['build', '2018-2022', '--data', data, '--out', dest]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT112');
    expect(run.stderr).toContain('届末报告涵盖 2018—2022 年，但数据文件夹中没有 2020 年的文件夹');
    expect(await readdir(dest)).toEqual([]);
  });

  it('asks for the term folder when it is missing', async () => {
    const data = await copyFixture(TERM);
    await rename(path.join(data, 'term-2018-2022'), path.join(data, 'term-2018-2021'));
    const run = await report(['build', '2018-2022', '--kind', 'term', '--data', data, '--out', await tempDir()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT113');
    expect(run.stderr).toContain('term-2018-2022');
  });

  it('points at the narrative line citing a year figure where a term figure is meant', async () => {
    const data = await copyFixture(TERM);
    await edit(path.join(data, 'term-2018-2022', 'narrative.md'), '累计收到提案{{term.proposals.total}}件', '累计收到提案{{proposals.total}}件');
    const run = await report(['build', '2018-2022', '--data', data, '--out', await tempDir()], { cwd: data });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^term-2018-2022\/narrative\.md:55:\d+ 错误 RPT401 引用的数字或字段“proposals\.total”不存在/m);
    expect(run.stderr).toContain('term、years');
  });

  it('checks each year’s records as for an annual report', async () => {
    const data = await copyFixture(TERM);
    await edit(path.join(data, '2019', 'meetings.yaml'), 'id: M2019-03, kind: 界别协商会', 'id: M2019-03, kind: 主任会议');
    const run = await report(['build', '2018-2022', '--data', data, '--out', await tempDir()], { cwd: data });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^2019\/meetings\.yaml:8:\d+ 错误 RPT203/m);
  });

  it('is checked by report validate with the same range', async () => {
    const run = await report(['validate', '2018-2022', '--data', TERM]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('2018—2022 年的数据、版式和模板检查通过。');
  });

  it('refuses a range with another kind, a backward range and --kind term without a range', async () => {
    for (const args of [
      ['build', '2018-2022', '--kind', 'summary'],
      ['build', '2022-2018'],
      ['build', '2022', '--kind', 'term'],
    ]) {
      const run = await report([...args, '--data', TERM, '--out', await tempDir()]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('用法错误');
    }
  });
});
