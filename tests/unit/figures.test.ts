/**
 * The figures of a year and of a term (compute/figures.ts over the record kinds): counts, rates
 * over the right denominators, groups with every registered key, totals an office writes by
 * hand, and a term's counts summed with its rates recomputed from the sums, never averaged.
 */
import { describe, expect, it } from 'vitest';
import { computeTerm, computeYear } from '../../src/compute/figures.js';
import { OrganizationShape } from '../../src/domain/organization.js';
import type { RecordValue, YearRecords } from '../../src/domain/record-kind.js';
import { recordFields, recordKind } from '../../src/domain/registry.js';
import { DEFAULT_VOCABULARY } from '../../src/domain/vocabulary.js';
import { formatPercent } from '../../src/domain/figures-format.js';

const organization = OrganizationShape.schema.parse({
  fullName: '中国人民政治协商会议江北省青川市委员会',
  shortName: '青川市政协',
  level: '市',
  partyCommittee: '市委',
  government: '市政府',
  congress: '市人大',
  proposalCategories: ['经济建设', '民生和社会事业', '其他'],
});

/** A record of `kind` as the schema gives it back (defaults filled in). */
function record(kind: string, fields: Record<string, unknown>): RecordValue {
  return recordFields(recordKind(kind)!, DEFAULT_VOCABULARY, organization).schema.parse(fields);
}

const proposal = (id: string, fields: Record<string, unknown> = {}) =>
  record('proposals', { id, title: `提案${id}`, submitterKind: '委员', proposer: '某委员', category: '民生和社会事业', review: '立案', ...fields });

function year(y: number, records: Record<string, RecordValue[]>, more: Partial<YearRecords> = {}): YearRecords {
  return { year: y, organization, vocabulary: DEFAULT_VOCABULARY, records, totals: {}, members: undefined, origins: new WeakMap(), refusedIds: new Set(), ...more };
}

/** Figures are read by name in these tests, as templates read them. */
type Any = Record<string, any>;

describe('compute: figures of a year', () => {
  it('the last reply date is the latest of the answered proposals, whatever their order', () => {
    const f = computeYear(
      year(2023, {
        proposals: [
          proposal('A1', { answered: true, answeredOn: '2023-06-01' }),
          proposal('A2', { answered: true, answeredOn: '2023-11-30' }),
          proposal('A3', { answered: true }),
          proposal('A4', { answered: true, answeredOn: '2023-09-15' }),
          // Not answered: its date is not a reply counted.
          proposal('A5', { review: '不立案', answeredOn: '2023-12-20' }),
        ],
      }),
    ) as Any;
    expect(f.proposals.lastAnsweredOn).toBe('2023-11-30');
    expect((computeYear(year(2023, { proposals: [proposal('B1')] })) as Any).proposals.lastAnsweredOn).toBeNull();
  });

  const y2023 = year(2023, {
    proposals: [
      proposal('P1', { answered: true, satisfaction: '满意', keyProposal: true }),
      proposal('P2', { answered: true, satisfaction: '基本满意', submitterKind: '党派', proposer: '民革' }),
      proposal('P3', { answered: false, satisfaction: '不满意', category: '经济建设', submitterKind: '团体', proposer: '工会' }),
      proposal('P4', { review: '并案', mergedInto: 'P1', answered: true }),
      proposal('P5', { review: '不立案', category: '其他' }),
    ],
    meetings: [
      record('meetings', { id: 'm1', kind: '双月协商座谈会', date: '2023-03-01', topic: '养老', suggestions: 9, suggestionsAdopted: 9, tags: ['民生'] }),
      record('meetings', { id: 'm2', kind: '专题协商会', date: '2023-02-01', topic: '停车', suggestions: 6, tags: ['民生'] }),
    ],
    research: [record('research', { id: 'r1', kind: '调研', title: '湿地', leadBody: '人资环委', leadBodyKind: '专委会', date: '2023-05-01', suggestions: 6 })],
    instructions: [
      record('instructions', { id: 'a1', record: 'r1', leader: '市委主要领导', level: '市', principal: true }),
      record('instructions', { id: 'a2', record: 'r1', leader: '市政府分管领导', level: '市' }),
    ],
    activities: [record('activities', { id: 'study', name: '学习', unit: '次', parts: [{ name: '中心组', count: 6 }, { name: '主席会议', count: 12 }] })],
  });
  const f = computeYear(y2023) as Any;

  it('counts proposals and computes rates over the right denominators', () => {
    expect(f.proposals).toMatchObject({ total: 5, filed: 4, keyProposals: 1, answered: 3, responded: 3, satisfied: 2, collective: 2 });
    expect(f.proposals.answeredRate).toBe(3 / 4); // 办复 / 立案 (含并案)
    expect(f.proposals.satisfactionRate).toBe(2 / 3); // 满意 + 基本满意 / 有评价
    expect(f.proposals.filingRate).toBe(4 / 5);
    expect(f.proposals.byReview).toMatchObject({ 立案: 3, 并案: 1, 不立案: 1, 撤案: 0, 转来信: 0 });
  });

  it('groups with shares over all proposals, every registered key present', () => {
    expect(f.proposals.byCategory['民生和社会事业']).toMatchObject({ count: 3, share: 0.6, filed: 3, answered: 3, answeredRate: 1 });
    const shares = Object.values(f.proposals.byCategory as Record<string, { share: number }>).map((g) => g.share);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // Every known submitter kind is present, empty ones with zero.
    expect(f.proposals.bySubmitterKind['专委会']).toMatchObject({ count: 0, share: 0, answeredRate: null });
  });

  it('sums meetings by kind, group and tag, with topics in date order', () => {
    expect(f.meetings).toMatchObject({ count: 2, suggestions: 15, suggestionsAdopted: 9, topics: ['停车', '养老'] });
    expect(f.meetings.consultations).toMatchObject({ count: 2, suggestions: 15 });
    expect(f.meetings.byTag['民生']).toMatchObject({ count: 2, suggestions: 15 });
    expect(f.meetings.byKind['常委会议']).toMatchObject({ count: 0, suggestions: 0, topics: [] });
    expect(f.meetings.byId['m1'].topic).toBe('养老');
  });

  it('gives each meeting the number of instructions on its results', () => {
    const f = computeYear(
      year(2023, {
        meetings: [
          record('meetings', { id: 'm1', kind: '专题协商会', date: '2023-03-01' }),
          record('meetings', { id: 'm2', kind: '专题协商会', date: '2023-04-01' }),
        ],
        instructions: [
          record('instructions', { id: 'b1', record: 'm1', leader: '市委主要领导', level: '市', principal: true }),
          record('instructions', { id: 'b2', record: 'm1', leader: '省政府分管领导', level: '省' }),
          record('instructions', { id: 'b3', record: 'm1', leader: '市政府分管领导', level: '市' }),
        ],
      }),
    ) as Any;
    expect(f.meetings.byId['m1'].instructions).toBe(3);
    expect(f.meetings.byId['m2'].instructions).toBe(0);
  });

  it('counts instructions in 件次 and attaches them to the records they are on', () => {
    expect(f.instructions).toMatchObject({ total: 2, principal: 1, records: 1, byLevel: { 市: 2 }, byRecordKind: { research: 2, proposals: 0 } });
    expect(f.instructions.byLeader['市委主要领导'].count).toBe(1);
    expect(f.research.byId['r1'].instructions).toBe(2);
    expect(f.research.byLeadBodyKind['专委会']).toMatchObject({ count: 1, instructions: 2, suggestions: 6 });
    expect(f.research).toMatchObject({ instructed: 1, instructions: { total: 2, principal: 1 } });
  });

  it('totals activities from their parts when no count is written', () => {
    expect(f.activities['study']).toMatchObject({ count: 18, parts: { 中心组: 6, 主席会议: 12 } });
  });

  it('gives no rate where the data has no denominator', () => {
    expect((computeYear(year(2023, {})) as Any).proposals.answeredRate).toBeNull();
    expect(formatPercent(f.proposals.answeredRate)).toBe('75.0%');
  });

  it('takes the totals an office writes by hand, and leaves what they do not give unavailable', () => {
    const totalsOnly = computeYear(year(2023, {}, { totals: { information: { collected: 213, submitted: 104, adopted: 43 }, proposals: { received: 10, filed: 8 } } })) as Any;
    expect(totalsOnly.information).toMatchObject({ collected: 213, submitted: 104, adopted: 43, adoptionRate: 43 / 104 });
    expect(totalsOnly.proposals).toMatchObject({ total: 10, filed: 8, filingRate: 0.8, answered: null, satisfactionRate: null });
    // Records win over totals (the two are checked against each other elsewhere).
    expect((computeYear(year(2023, { proposals: [proposal('P1')] }, { totals: { proposals: { received: 10 } } })) as Any).proposals.total).toBe(1);
  });
});

/** 2021: ten proposals, all filed and answered. */
function year2021(): YearRecords {
  return year(2021, {
    proposals: Array.from({ length: 10 }, (_, i) => proposal(`A${i}`, { answered: true, satisfaction: '满意', proposer: `委员${i}` })),
    meetings: [
      record('meetings', { id: 'm1', kind: '双月协商座谈会', date: '2021-03-01', topic: '养老', suggestions: 9, suggestionsAdopted: 9, tags: ['民生'] }),
      record('meetings', { id: 'm2', kind: '专题议政性常委会议', date: '2021-06-01', topic: '营商环境', suggestions: 5, suggestionsAdopted: 5 }),
    ],
    research: [record('research', { id: 'r1', kind: '调研', title: '养老调研', leadBody: '社会事业委', leadBodyKind: '专委会', date: '2021-05-01', suggestions: 6 })],
    instructions: [record('instructions', { id: 'a1', record: 'r1', leader: '区委主要领导', level: '区', principal: true })],
    information: [
      ...Array.from({ length: 9 }, (_, i) => record('information', { id: `I${i}`, title: '信息', date: '2021-05-01', submitted: true, adoptedBy: ['区委'] })),
      record('information', { id: 'I9', title: '信息', date: '2021-05-02', submitted: true }),
      ...Array.from({ length: 10 }, (_, i) => record('information', { id: `J${i}`, title: '信息', date: '2021-05-03' })),
    ],
    activities: [
      record('activities', { id: 'study', name: '理论学习', unit: '次', parts: [{ name: '中心组', count: 6 }, { name: '常委会', count: 2 }] }),
      record('activities', { id: 'donations', name: '捐赠款物', unit: '万元', count: 80 }),
    ],
  });
}

/** 2022: one proposal filed but not answered, one not filed; a new category and a new activity; information as totals only. */
function year2022(): YearRecords {
  return year(
    2022,
    {
      proposals: [proposal('B1', { category: '经济建设', proposer: '委员1' }), proposal('B2', { review: '不立案', category: '经济建设', proposer: '委员2' })],
      meetings: [
        record('meetings', { id: 'm1', kind: '双月协商座谈会', date: '2022-03-01', topic: '养老', suggestions: 4, tags: ['民生'] }),
        record('meetings', { id: 'm2', kind: '对口协商会', date: '2022-04-01', topic: '停车', suggestions: 3, suggestionsAdopted: 3 }),
      ],
      activities: [
        record('activities', { id: 'study', name: '理论学习', unit: '次', parts: [{ name: '中心组', count: 7 }] }),
        record('activities', { id: 'workrooms', name: '新建委员工作室', unit: '个', count: 3 }),
      ],
    },
    { totals: { information: { collected: 30, submitted: 10, adopted: 1 } } },
  );
}

describe('compute: figures of a term', () => {
  const a = computeYear(year2021()) as Any;
  const b = computeYear(year2022()) as Any;
  const t = computeTerm([year2021(), year2022()]) as Any;

  it('names its years', () => {
    expect(t).toMatchObject({ from: 2021, to: 2022, yearCount: 2, years: [2021, 2022] });
  });

  it('sums counts and recomputes rates from the sums, never averaging the yearly rates', () => {
    expect(t.proposals).toMatchObject({ total: 12, filed: 11, answered: 10, responded: 10, satisfied: 10 });
    expect(a.proposals.answeredRate).toBe(1);
    expect(b.proposals.answeredRate).toBe(0);
    // Σ办复 / Σ立案 = 10/11, not (100% + 0%) / 2.
    expect(t.proposals.answeredRate).toBe(10 / 11);
    expect(t.proposals.filingRate).toBe(11 / 12);
    expect(t.proposals.satisfactionRate).toBe(1);
    expect(t.proposals.byReview).toMatchObject({ 立案: 11, 不立案: 1 });
    // One year of records, one of totals: the term adds the two.
    expect(t.information).toMatchObject({ collected: 50, submitted: 20, adopted: 10, adoptionRate: 0.5 });
  });

  it('recomputes group shares over the term total (settled at the printed precision: 10/12 → 83.3%)', () => {
    expect(t.proposals.byCategory['民生和社会事业']).toMatchObject({ count: 10, share: 0.833, filed: 10, answered: 10, answeredRate: 1 });
    expect(t.proposals.byCategory['经济建设']).toMatchObject({ count: 2, share: 0.167, filed: 1, answered: 0, answeredRate: 0 });
  });

  it('counts a proposer of several years once', () => {
    expect(a.proposals.proposers + b.proposals.proposers).toBe(12);
    expect(t.proposals.proposers).toBe(10);
  });

  it('sums meetings, research and instructions by kind and tag, naming a recurring topic once', () => {
    expect(t.meetings).toMatchObject({ count: 4, suggestions: 21, suggestionsAdopted: 17 });
    expect(t.meetings.topics).toEqual(['养老', '营商环境', '停车']);
    expect(t.meetings.byKind['双月协商座谈会']).toMatchObject({ count: 2, suggestions: 13, suggestionsAdopted: 9, topics: ['养老'] });
    expect(t.meetings.byKind['常委会议']).toMatchObject({ count: 0, suggestions: 0 });
    expect(t.meetings.byTag['民生']).toMatchObject({ count: 2, suggestions: 13 });
    expect(t.research).toMatchObject({ count: 1, suggestions: 6, instructions: { total: 1 } });
    expect(t.instructions).toMatchObject({ total: 1, records: 1, byRecordKind: { research: 1 } });
    expect(t.meetings).not.toHaveProperty('byId');
  });

  it('sums activities and their parts over the years they were recorded', () => {
    expect(t.activities['study']).toEqual({ name: '理论学习', unit: '次', count: 15, parts: { 中心组: 13, 常委会: 2 }, years: 2 });
    expect(t.activities['donations']).toMatchObject({ count: 80, years: 1 });
    expect(t.activities['workrooms']).toMatchObject({ count: 3, years: 1 });
  });

  it('has no rate where the summed denominator is zero', () => {
    const empty = computeTerm([year(2020, {}), year(2021, {})]) as Any;
    expect(empty.proposals.answeredRate).toBeNull();
    expect(empty.information.adoptionRate).toBeNull();
  });
});
