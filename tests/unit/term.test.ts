/**
 * The term figures (届末五年工作报告): counts summed over the years, rates and shares
 * recomputed from the summed counts (never averaged), groups and activities that exist in
 * some years only, lists that name a recurring topic once.
 */
import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/compute/figures.js';
import { computeTerm } from '../../src/compute/term.js';
import { ActivitySchema, ApprovalSchema, InformationSchema, MeetingSchema, ProposalSchema, ResearchReportSchema } from '../../src/schema/schema.js';
import { emptyYear, type YearData } from '../../src/validate/dataset.js';

function proposal(id: string, fields: Record<string, unknown> = {}) {
  return ProposalSchema.parse({ id, title: `提案${id}`, submitter: '委员', category: '民生和社会事业', filing: '立案', ...fields });
}

/** 2021: ten proposals, all filed and handled. */
function year2021(): YearData {
  const y = emptyYear(2021);
  y.proposals = Array.from({ length: 10 }, (_, i) => proposal(`A${i}`, { handled: true, satisfaction: '满意' }));
  y.meetings = [
    MeetingSchema.parse({ id: 'm1', kind: '双月协商座谈会', date: '2021-03-01', topic: '养老', suggestions: 9, adopted: true, tags: ['民生'] }),
    MeetingSchema.parse({ id: 'm2', kind: '专题议政性常委会议', date: '2021-06-01', topic: '营商环境', suggestions: 5, adopted: true }),
  ];
  y.reports = [ResearchReportSchema.parse({ id: 'r1', kind: '调研', title: '养老调研', lead: '社会事业委', leadKind: '专委会', date: '2021-05-01', suggestions: 6 })];
  y.approvals = [ApprovalSchema.parse({ id: 'a1', report: 'r1', by: '区委主要领导' })];
  y.information = InformationSchema.parse({ counts: { collected: 20, submitted: 10, adopted: 9 } });
  y.activities = [
    ActivitySchema.parse({ id: 'study', name: '理论学习', unit: '次', parts: [{ name: '中心组', count: 6 }, { name: '常委会', count: 2 }] }),
    ActivitySchema.parse({ id: 'donations', name: '捐赠款物', unit: '万元', count: 80 }),
  ];
  return y;
}

/** 2022: one proposal, filed but not handled; a new category and a new activity. */
function year2022(): YearData {
  const y = emptyYear(2022);
  y.proposals = [proposal('B1', { category: '经济建设', handled: false }), proposal('B2', { filing: '不立案', category: '经济建设' })];
  y.meetings = [
    MeetingSchema.parse({ id: 'm1', kind: '双月协商座谈会', date: '2022-03-01', topic: '养老', suggestions: 4, tags: ['民生'] }),
    MeetingSchema.parse({ id: 'm2', kind: '对口协商会', date: '2022-04-01', topic: '停车', suggestions: 3, adopted: true }),
  ];
  y.information = InformationSchema.parse({ counts: { collected: 30, submitted: 10, adopted: 1 } });
  y.activities = [
    ActivitySchema.parse({ id: 'study', name: '理论学习', unit: '次', parts: [{ name: '中心组', count: 7 }] }),
    ActivitySchema.parse({ id: 'workrooms', name: '新建委员工作室', unit: '个', count: 3 }),
  ];
  return y;
}

describe('compute: figures of a term', () => {
  const a = computeYear(year2021());
  const b = computeYear(year2022());
  const t = computeTerm([a, b]);

  it('names its years', () => {
    expect(t).toMatchObject({ from: 2021, to: 2022, yearCount: 2, years: [2021, 2022] });
  });

  it('sums counts and recomputes rates from the sums, never averaging the yearly rates', () => {
    expect(t.proposals).toMatchObject({ total: 12, filed: 11, handled: 10, responded: 10, satisfied: 10 });
    expect(a.proposals.handledRate).toBe(1);
    expect(b.proposals.handledRate).toBe(0);
    // Σ办结 / Σ立案 = 10/11, not (100% + 0%) / 2.
    expect(t.proposals.handledRate).toBe(10 / 11);
    expect(t.proposals.filingRate).toBe(11 / 12);
    expect(t.proposals.satisfactionRate).toBe(1);
    expect(t.proposals.byFiling).toMatchObject({ 立案: 11, 不立案: 1 });
    expect(t.information).toMatchObject({ collected: 50, submitted: 20, adopted: 10, adoptionRate: 0.5 });
  });

  it('recomputes group shares over the term total, balanced to 100%', () => {
    expect(t.proposals.byCategory['民生和社会事业']).toMatchObject({ count: 10, share: 10 / 12, filed: 10, handled: 10, handledRate: 1 });
    expect(t.proposals.byCategory['经济建设']).toMatchObject({ count: 2, share: 2 / 12, filed: 1, handled: 0, handledRate: 0 });
    const shares = Object.values(t.proposals.byCategory).map((g) => Math.round(g.balancedShare! * 1000));
    expect(shares.reduce((x, y) => x + y, 0)).toBe(1000);
  });

  it('sums meetings, reports and approvals by kind and tag, naming a recurring topic once', () => {
    expect(t.meetings).toMatchObject({ count: 4, suggestions: 21, adoptedSuggestions: 17 });
    expect(t.meetings.topics).toEqual(['养老', '营商环境', '停车']);
    expect(t.meetings.byKind['双月协商座谈会']).toMatchObject({ count: 2, suggestions: 13, adoptedSuggestions: 9, topics: ['养老'] });
    expect(t.meetings.byKind['常委会议']).toMatchObject({ count: 0, suggestions: 0 });
    expect(t.meetings.byTag['民生']).toMatchObject({ count: 2, suggestions: 13 });
    expect(t.reports).toMatchObject({ count: 1, suggestions: 6, approvals: 1 });
    expect(t.approvals).toMatchObject({ total: 1, reports: 1, byLeader: { 区委主要领导: 1 } });
    expect(t).not.toHaveProperty('meetings.byId');
  });

  it('sums activities and their parts over the years they were recorded', () => {
    expect(t.activities['study']).toEqual({ name: '理论学习', unit: '次', count: 15, parts: { 中心组: 13, 常委会: 2 }, years: 2 });
    expect(t.activities['donations']).toMatchObject({ count: 80, years: 1 });
    expect(t.activities['workrooms']).toMatchObject({ count: 3, years: 1 });
  });

  it('has no rate where the summed denominator is zero', () => {
    const empty = computeTerm([computeYear(emptyYear(2020)), computeYear(emptyYear(2021))]);
    expect(empty.proposals.handledRate).toBeNull();
    expect(empty.information.adoptionRate).toBeNull();
  });
});
