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
import type { InformationItem, Meeting, Proposal, ResearchReport } from '../schema/schema.js';
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
  let filed = 0;
  let handled = 0;
  let key = 0;
  let collective = 0;
  const responded: Proposal[] = [];
  for (const p of proposals) {
    if (ACCEPTED.has(p.filing)) filed++;
    if (p.handled) handled++;
    if (p.key) key++;
    if (p.submitter === '党派' || p.submitter === '团体') collective++;
    if (p.satisfaction !== undefined) responded.push(p);
  }
  const satisfied = responded.filter((p) => SATISFIED.has(p.satisfaction!)).length;
  return {
    total,
    filed,
    filingRate: ratio(filed, total),
    key,
    handled,
    handledRate: ratio(handled, filed),
    responded: responded.length,
    satisfied,
    satisfactionRate: ratio(satisfied, responded.length),
    byFiling: tally(proposals, (p) => p.filing, FILING_DECISIONS),
    bySatisfaction: tally(responded, (p) => p.satisfaction!, SATISFACTION_LEVELS),
    bySubmitter: proposalGroups(proposals, total, (p) => p.submitter, SUBMITTER_KINDS),
    byCategory: proposalGroups(proposals, total, (p) => p.category),
    bySector: proposalGroups(proposals, total, (p) => p.sector || undefined),
    byTag: proposalGroups(proposals, total, (p) => p.tags),
    collective,
  };
}

/** The key or keys a record is grouped under: one (a category), none, or several (tags). */
type KeysOf<T> = (r: T) => string | readonly string[] | undefined;

/**
 * Calls `visit` once for each key of each record, and returns the keys in the order groups are
 * listed: every known key first (so that citing an empty group prints 0), then the others as
 * they first appear.
 */
function eachKey<T>(records: readonly T[], keysOf: KeysOf<T>, known: readonly string[], visit: (k: string, r: T) => void): string[] {
  const order = new Set<string>(known);
  const add = (k: string, r: T) => {
    order.add(k);
    visit(k, r);
  };
  for (const r of records) {
    const keys = keysOf(r);
    if (typeof keys === 'string') add(keys, r);
    else if (keys !== undefined) for (const k of keys) add(k, r);
  }
  return [...order];
}

/** Groups with every known key present (empty when no record has it). */
function groupBy<T>(records: readonly T[], keysOf: KeysOf<T>, known: readonly string[] = []): Map<string, T[]> {
  const lists = new Map<string, T[]>();
  const order = eachKey(records, keysOf, known, (k, r) => {
    const list = lists.get(k);
    if (list) list.push(r);
    else lists.set(k, [r]);
  });
  return new Map(order.map((k) => [k, lists.get(k) ?? []]));
}

/** How many records each key has, counted without listing them. */
function tally<T>(records: readonly T[], keysOf: KeysOf<T>, known: readonly string[] = []): Record<string, number> {
  const counts = new Map<string, number>();
  const order = eachKey(records, keysOf, known, (k) => counts.set(k, (counts.get(k) ?? 0) + 1));
  return Object.fromEntries(order.map((k) => [k, counts.get(k) ?? 0]));
}

function proposalGroups(proposals: Proposal[], total: number, keysOf: KeysOf<Proposal>, known: readonly string[] = []): Record<string, ProposalGroup> {
  const sums = new Map<string, { count: number; filed: number; handled: number }>();
  const order = eachKey(proposals, keysOf, known, (k, p) => {
    let sum = sums.get(k);
    if (!sum) sums.set(k, (sum = { count: 0, filed: 0, handled: 0 }));
    sum.count++;
    if (ACCEPTED.has(p.filing)) sum.filed++;
    if (p.handled) sum.handled++;
  });
  const groups = order.map((k) => [k, sums.get(k) ?? { count: 0, filed: 0, handled: 0 }] as const);
  const balanced = balancedShares(groups.map(([, sum]) => sum.count));
  return Object.fromEntries(
    groups.map(([key, { count, filed, handled }], i) => {
      const group: ProposalGroup = {
        count,
        share: ratio(count, total),
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
    byKind: map(groupBy(sorted, (m) => m.kind, MEETING_KINDS)),
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
    byKind: map(groupBy(sorted, (r) => r.kind, REPORT_KINDS)),
    byLeadKind: map(groupBy(sorted, (r) => r.leadKind, LEAD_KINDS)),
    byTag: map(groupBy(sorted, (r) => r.tags)),
    byId: Object.fromEntries(sorted.map((r) => [r.id, { ...r, approvals: approvalsOf.get(r.id) ?? 0 }])),
  };
}

function approvalFigures(data: YearData): ApprovalFigures {
  return {
    total: data.approvals.length,
    reports: new Set(data.approvals.map((a) => a.report)).size,
    byLeader: tally(data.approvals, (a) => a.by),
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
  let submitted = 0;
  const adoptedItems: InformationItem[] = [];
  for (const i of items) {
    if (i.submitted) submitted++;
    if (i.adopted) adoptedItems.push(i);
  }
  return {
    collected: items.length,
    submitted,
    adopted: adoptedItems.length,
    adoptionRate: ratio(adoptedItems.length, submitted),
    byAdoptedBy: tally(adoptedItems, (i) => i.adoptedBy || undefined),
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
