import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/compute/figures.js';
import { formatPercent } from '../../src/render/figures-format.js';
import { MeetingSchema, ProposalSchema, ResearchReportSchema, ApprovalSchema, ActivitySchema } from '../../src/schema/schema.js';
import { emptyYear } from '../../src/validate/dataset.js';

function proposal(id: string, fields: Record<string, unknown>) {
  return ProposalSchema.parse({ id, title: `提案${id}`, submitter: '委员', category: '民生和社会事业', filing: '立案', ...fields });
}

describe('compute: figures of a year', () => {
  const year = emptyYear(2023);
  year.proposals = [
    proposal('P1', { handled: true, satisfaction: '满意', key: true }),
    proposal('P2', { handled: true, satisfaction: '基本满意', submitter: '党派' }),
    proposal('P3', { handled: false, satisfaction: '不满意', category: '经济建设', submitter: '团体' }),
    proposal('P4', { filing: '并案', mergedInto: 'P1', handled: true }),
    proposal('P5', { filing: '不立案', category: '其他' }),
  ];
  year.meetings = [
    MeetingSchema.parse({ id: 'm1', kind: '双月协商座谈会', date: '2023-03-01', topic: '养老', suggestions: 9, adopted: true, tags: ['民生'] }),
    MeetingSchema.parse({ id: 'm2', kind: '专题协商会', date: '2023-02-01', topic: '停车', suggestions: 6, tags: ['民生'] }),
  ];
  year.reports = [ResearchReportSchema.parse({ id: 'r1', kind: '调研', title: '湿地', lead: '人资环委', leadKind: '专委会', date: '2023-05-01', suggestions: 6 })];
  year.approvals = [ApprovalSchema.parse({ id: 'a1', report: 'r1', by: '市委主要领导' }), ApprovalSchema.parse({ id: 'a2', report: 'r1', by: '市政府主要领导' })];
  year.activities = [ActivitySchema.parse({ id: 'study', name: '学习', unit: '次', parts: [{ name: '中心组', count: 6 }, { name: '主席会议', count: 12 }] })];
  const f = computeYear(year);

  it('counts proposals and computes rates over the right denominators', () => {
    expect(f.proposals).toMatchObject({ total: 5, filed: 4, key: 1, handled: 3, responded: 3, satisfied: 2, collective: 2 });
    expect(f.proposals.handledRate).toBe(3 / 4); // 办结 / 立案 (含并案)
    expect(f.proposals.satisfactionRate).toBe(2 / 3); // 满意 + 基本满意 / 有评价
    expect(f.proposals.filingRate).toBe(4 / 5);
    expect(f.proposals.byFiling).toMatchObject({ 立案: 3, 并案: 1, 不立案: 1, 撤案: 0, 转来信: 0 });
  });
  it('groups with shares over all proposals, balanced to 100%', () => {
    expect(f.proposals.byCategory['民生和社会事业']).toMatchObject({ count: 3, share: 0.6, handled: 3, handledRate: 1 });
    const shares = Object.values(f.proposals.byCategory).map((g) => Math.round(g.balancedShare! * 1000));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1000);
    // every known submitter kind is present, empty ones with zero
    expect(f.proposals.bySubmitter['专委会']).toMatchObject({ count: 0, share: 0, handledRate: null });
  });
  it('sums meetings by kind and tag, with topics in date order', () => {
    expect(f.meetings).toMatchObject({ count: 2, suggestions: 15, adoptedSuggestions: 9, topics: ['停车', '养老'] });
    expect(f.meetings.byTag['民生']).toMatchObject({ count: 2, suggestions: 15 });
    expect(f.meetings.byKind['常委会议']).toMatchObject({ count: 0, suggestions: 0, topics: [] });
    expect(f.meetings.byId['m1']!.topic).toBe('养老');
  });
  it('counts approvals in 件次 and attaches them to reports', () => {
    expect(f.approvals).toMatchObject({ total: 2, reports: 1, byLeader: { 市委主要领导: 1, 市政府主要领导: 1 } });
    expect(f.reports.byId['r1']!.approvals).toBe(2);
    expect(f.reports.byLeadKind['专委会']).toMatchObject({ count: 1, approvals: 2, suggestions: 6 });
  });
  it('totals activities from their parts when no count is written', () => {
    expect(f.activities['study']).toMatchObject({ count: 18, parts: { 中心组: 6, 主席会议: 12 } });
  });
  it('gives no rate where the data has no denominator', () => {
    expect(computeYear(emptyYear(2023)).proposals.handledRate).toBeNull();
    expect(formatPercent(f.proposals.handledRate!)).toBe('75%');
  });
});
