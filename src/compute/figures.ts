/**
 * The named figures of a year: every number the report prints is one of these, computed from
 * the records (or taken from a count the data author wrote as a number). Templates and prose
 * cite them by name, e.g. `proposals.byCategory.民生和社会事业.count`.
 */
import {
  FILING_DECISIONS,
  LEAD_KINDS,
  MEETING_KINDS,
  REPORT_KINDS,
  SATISFACTION_LEVELS,
  SUBMITTER_KINDS,
} from '../schema/vocabulary.js';
import type { Meeting, Proposal, ResearchReport } from '../schema/schema.js';
import type { YearData } from '../validate/dataset.js';
import { balancedShares, ratio } from './numbers.js';
import { byCodePoint } from '../order.js';

/** A slice of proposals (by category, submitter, sector or tag). */
export interface ProposalGroup {
  count: number;
  /** count / all proposals received. */
  share: number | null;
  /** share adjusted so that the group's shares printed at one decimal sum to 100%. */
  balancedShare: number | null;
  filed: number;
  handled: number;
  handledRate: number | null;
}

export interface ProposalFigures {
  /** 收到提案 */
  total: number;
  /** 立案 (including 并案) */
  filed: number;
  filingRate: number | null;
  /** 重点提案 */
  key: number;
  /** 办结 */
  handled: number;
  handledRate: number | null;
  responded: number;
  /** 满意 + 基本满意 */
  satisfied: number;
  satisfactionRate: number | null;
  byFiling: Record<string, number>;
  bySatisfaction: Record<string, number>;
  bySubmitter: Record<string, ProposalGroup>;
  byCategory: Record<string, ProposalGroup>;
  bySector: Record<string, ProposalGroup>;
  byTag: Record<string, ProposalGroup>;
  /** 党派 + 团体: collective proposals. */
  collective: number;
}

export interface MeetingGroup {
  count: number;
  suggestions: number;
  adoptedSuggestions: number;
  topics: string[];
}

export interface MeetingFigures extends MeetingGroup {
  byKind: Record<string, MeetingGroup>;
  byTag: Record<string, MeetingGroup>;
  byId: Record<string, Meeting>;
}

export interface ReportGroup {
  count: number;
  suggestions: number;
  /** 批示件次 received by the reports of this group. */
  approvals: number;
  titles: string[];
}

export interface ReportFigures extends ReportGroup {
  byKind: Record<string, ReportGroup>;
  byLeadKind: Record<string, ReportGroup>;
  byTag: Record<string, ReportGroup>;
  byId: Record<string, ResearchReport & { approvals: number }>;
}

export interface ApprovalFigures {
  /** 件次 */
  total: number;
  /** Reports with at least one approval. */
  reports: number;
  byLeader: Record<string, number>;
}

export interface InformationFigures {
  collected: number;
  submitted: number;
  adopted: number;
  adoptionRate: number | null;
  byAdoptedBy: Record<string, number>;
  byTag: Record<string, number>;
}

export interface ActivityFigures {
  name: string;
  unit: string;
  count: number;
  parts: Record<string, number>;
}

export interface MemberFigures {
  total: number;
  standing: number | null;
  inCommittees: number | null;
}

export interface YearFigures {
  year: number;
  proposals: ProposalFigures;
  meetings: MeetingFigures;
  reports: ReportFigures;
  approvals: ApprovalFigures;
  information: InformationFigures;
  activities: Record<string, ActivityFigures>;
  members: MemberFigures | null;
}

const ACCEPTED = new Set(['立案', '并案']);
const SATISFIED = new Set(['满意', '基本满意']);

export function computeYear(data: YearData): YearFigures {
  return {
    year: data.year,
    proposals: proposalFigures(data.proposals, data.proposals.length),
    meetings: meetingFigures(data.meetings),
    reports: reportFigures(data),
    approvals: approvalFigures(data),
    information: informationFigures(data),
    activities: activityFigures(data),
    members: data.members
      ? { total: data.members.total, standing: data.members.standing ?? null, inCommittees: data.members.inCommittees ?? null }
      : null,
  };
}

function proposalFigures(proposals: Proposal[], total: number): ProposalFigures {
  const filed = proposals.filter((p) => ACCEPTED.has(p.filing));
  const handled = proposals.filter((p) => p.handled).length;
  const responded = proposals.filter((p) => p.satisfaction !== undefined);
  const satisfied = responded.filter((p) => SATISFIED.has(p.satisfaction!)).length;
  return {
    total,
    filed: filed.length,
    filingRate: ratio(filed.length, total),
    key: proposals.filter((p) => p.key).length,
    handled,
    handledRate: ratio(handled, filed.length),
    responded: responded.length,
    satisfied,
    satisfactionRate: ratio(satisfied, responded.length),
    byFiling: tally(proposals, (p) => [p.filing], FILING_DECISIONS),
    bySatisfaction: tally(responded, (p) => [p.satisfaction!], SATISFACTION_LEVELS),
    bySubmitter: proposalGroups(proposals, total, (p) => [p.submitter], SUBMITTER_KINDS),
    byCategory: proposalGroups(proposals, total, (p) => [p.category]),
    bySector: proposalGroups(proposals, total, (p) => (p.sector ? [p.sector] : [])),
    byTag: proposalGroups(proposals, total, (p) => p.tags),
    collective: proposals.filter((p) => p.submitter === '党派' || p.submitter === '团体').length,
  };
}

/** Groups with every known key present (zero when empty), so citing an empty group prints 0. */
function groupBy<T>(records: readonly T[], keysOf: (r: T) => readonly string[], known: readonly string[] = []): Map<string, T[]> {
  const groups = new Map<string, T[]>(known.map((k) => [k, []]));
  for (const r of records) {
    for (const k of keysOf(r)) {
      const list = groups.get(k);
      if (list) list.push(r);
      else groups.set(k, [r]);
    }
  }
  return groups;
}

function tally<T>(records: readonly T[], keysOf: (r: T) => readonly string[], known: readonly string[] = []): Record<string, number> {
  return Object.fromEntries([...groupBy(records, keysOf, known)].map(([k, list]) => [k, list.length]));
}

function proposalGroups(
  proposals: Proposal[],
  total: number,
  keysOf: (p: Proposal) => readonly string[],
  known: readonly string[] = [],
): Record<string, ProposalGroup> {
  const groups = [...groupBy(proposals, keysOf, known)];
  const balanced = balancedShares(groups.map(([, list]) => list.length));
  return Object.fromEntries(
    groups.map(([key, list], i) => {
      const filed = list.filter((p) => ACCEPTED.has(p.filing)).length;
      const handled = list.filter((p) => p.handled).length;
      const group: ProposalGroup = {
        count: list.length,
        share: ratio(list.length, total),
        balancedShare: balanced[i] ?? null,
        filed,
        handled,
        handledRate: ratio(handled, filed),
      };
      return [key, group];
    }),
  );
}

function meetingGroup(meetings: readonly Meeting[]): MeetingGroup {
  return {
    count: meetings.length,
    suggestions: meetings.reduce((s, m) => s + m.suggestions, 0),
    adoptedSuggestions: meetings.reduce((s, m) => s + (m.adopted ? m.suggestions : 0), 0),
    topics: meetings.map((m) => m.topic).filter((t) => t.length > 0),
  };
}

function meetingFigures(meetings: Meeting[]): MeetingFigures {
  const sorted = [...meetings].sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.id, b.id));
  const map = (g: Map<string, Meeting[]>) => Object.fromEntries([...g].map(([k, list]) => [k, meetingGroup(list)]));
  return {
    ...meetingGroup(sorted),
    byKind: map(groupBy(sorted, (m) => [m.kind], MEETING_KINDS)),
    byTag: map(groupBy(sorted, (m) => m.tags)),
    byId: Object.fromEntries(sorted.map((m) => [m.id, m])),
  };
}

function reportFigures(data: YearData): ReportFigures {
  const approvalsOf = new Map<string, number>();
  for (const a of data.approvals) approvalsOf.set(a.report, (approvalsOf.get(a.report) ?? 0) + 1);
  const sorted = [...data.reports].sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.id, b.id));
  const group = (reports: readonly ResearchReport[]): ReportGroup => ({
    count: reports.length,
    suggestions: reports.reduce((s, r) => s + r.suggestions, 0),
    approvals: reports.reduce((s, r) => s + (approvalsOf.get(r.id) ?? 0), 0),
    titles: reports.map((r) => r.title),
  });
  const map = (g: Map<string, ResearchReport[]>) => Object.fromEntries([...g].map(([k, list]) => [k, group(list)]));
  return {
    ...group(sorted),
    byKind: map(groupBy(sorted, (r) => [r.kind], REPORT_KINDS)),
    byLeadKind: map(groupBy(sorted, (r) => [r.leadKind], LEAD_KINDS)),
    byTag: map(groupBy(sorted, (r) => r.tags)),
    byId: Object.fromEntries(sorted.map((r) => [r.id, { ...r, approvals: approvalsOf.get(r.id) ?? 0 }])),
  };
}

function approvalFigures(data: YearData): ApprovalFigures {
  return {
    total: data.approvals.length,
    reports: new Set(data.approvals.map((a) => a.report)).size,
    byLeader: tally(data.approvals, (a) => [a.by]),
  };
}

/** Itemised records win; counts written by hand are used only where the office keeps no items. */
function informationFigures(data: YearData): InformationFigures {
  const info = data.information;
  const items = info?.items ?? [];
  if (items.length === 0 && info?.counts) {
    const { collected, submitted, adopted } = info.counts;
    return { collected, submitted, adopted, adoptionRate: ratio(adopted, submitted), byAdoptedBy: {}, byTag: {} };
  }
  const submitted = items.filter((i) => i.submitted).length;
  const adoptedItems = items.filter((i) => i.adopted);
  return {
    collected: items.length,
    submitted,
    adopted: adoptedItems.length,
    adoptionRate: ratio(adoptedItems.length, submitted),
    byAdoptedBy: tally(adoptedItems, (i) => (i.adoptedBy ? [i.adoptedBy] : [])),
    byTag: tally(items, (i) => i.tags),
  };
}

function activityFigures(data: YearData): Record<string, ActivityFigures> {
  return Object.fromEntries(
    data.activities.map((a) => {
      const partsSum = a.parts.reduce((s, p) => s + p.count, 0);
      const count = a.items.length > 0 ? a.items.length : (a.count ?? partsSum);
      return [a.id, { name: a.name, unit: a.unit, count, parts: Object.fromEntries(a.parts.map((p) => [p.name, p.count])) }];
    }),
  );
}
