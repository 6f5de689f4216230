/**
 * The figures of a term (届), for the five-year report: each year's figures computed as usual,
 * then summed. Counts add up; every rate and share is recomputed from the summed counts
 * (立案率 = Σ立案 / Σ收到), never averaged over the years, so a five-year rate printed beside
 * five-year counts always agrees with them.
 */
import type {
  ActivityFigures,
  ApprovalFigures,
  InformationFigures,
  MeetingFigures,
  MeetingGroup,
  ProposalFigures,
  ProposalGroup,
  ReportFigures,
  ReportGroup,
  YearFigures,
} from './figures.js';
import { balancedShares, ratio } from './numbers.js';

/**
 * Meetings over a term: as a year's, without `byId` (ids are unique within a year only);
 * `topics` lists each topic once, in the order first met.
 */
export type TermMeetingFigures = Omit<MeetingFigures, 'byId'>;

export type TermReportFigures = Omit<ReportFigures, 'byId'>;

export interface TermFigures {
  /** First and last year of the term, and how many years it spans. */
  from: number;
  to: number;
  yearCount: number;
  /** The years, ascending (for `{{join term.years}}`). */
  years: number[];
  proposals: ProposalFigures;
  meetings: TermMeetingFigures;
  reports: TermReportFigures;
  approvals: ApprovalFigures;
  information: InformationFigures;
  /** By activity id: counts and parts summed over the years the activity was recorded. */
  activities: Record<string, ActivityFigures & { years: number }>;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Over several years a topic or title can recur; a list printed for the term names it once. */
const distinct = (lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())];

/** Keys in first-seen order across the years, so the order follows the data. */
function keysOf<T>(records: ReadonlyArray<Record<string, T>>): string[] {
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) keys.add(k);
  return [...keys];
}

function sumCounts(records: ReadonlyArray<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(keysOf(records).map((k) => [k, sum(records.map((r) => r[k] ?? 0))]));
}

function sumProposalGroups(groups: ReadonlyArray<Record<string, ProposalGroup>>, total: number): Record<string, ProposalGroup> {
  const keys = keysOf(groups);
  const counts = keys.map((k) => sum(groups.map((g) => g[k]?.count ?? 0)));
  const balanced = balancedShares(counts);
  return Object.fromEntries(
    keys.map((k, i) => {
      const filed = sum(groups.map((g) => g[k]?.filed ?? 0));
      const handled = sum(groups.map((g) => g[k]?.handled ?? 0));
      const count = counts[i]!;
      const group: ProposalGroup = {
        count,
        share: ratio(count, total),
        balancedShare: balanced[i] ?? null,
        filed,
        handled,
        handledRate: ratio(handled, filed),
      };
      return [k, group];
    }),
  );
}

export function sumProposals(years: readonly ProposalFigures[]): ProposalFigures {
  const total = sum(years.map((p) => p.total));
  const filed = sum(years.map((p) => p.filed));
  const handled = sum(years.map((p) => p.handled));
  const responded = sum(years.map((p) => p.responded));
  const satisfied = sum(years.map((p) => p.satisfied));
  return {
    total,
    filed,
    filingRate: ratio(filed, total),
    key: sum(years.map((p) => p.key)),
    handled,
    handledRate: ratio(handled, filed),
    responded,
    satisfied,
    satisfactionRate: ratio(satisfied, responded),
    byFiling: sumCounts(years.map((p) => p.byFiling)),
    bySatisfaction: sumCounts(years.map((p) => p.bySatisfaction)),
    bySubmitter: sumProposalGroups(years.map((p) => p.bySubmitter), total),
    byCategory: sumProposalGroups(years.map((p) => p.byCategory), total),
    bySector: sumProposalGroups(years.map((p) => p.bySector), total),
    byTag: sumProposalGroups(years.map((p) => p.byTag), total),
    collective: sum(years.map((p) => p.collective)),
  };
}

function sumMeetingGroups(groups: readonly MeetingGroup[]): MeetingGroup {
  return {
    count: sum(groups.map((g) => g.count)),
    suggestions: sum(groups.map((g) => g.suggestions)),
    adoptedSuggestions: sum(groups.map((g) => g.adoptedSuggestions)),
    topics: distinct(groups.map((g) => g.topics)),
  };
}

function sumReportGroups(groups: readonly ReportGroup[]): ReportGroup {
  return {
    count: sum(groups.map((g) => g.count)),
    suggestions: sum(groups.map((g) => g.suggestions)),
    approvals: sum(groups.map((g) => g.approvals)),
    titles: distinct(groups.map((g) => g.titles)),
  };
}

/** Sums a map of groups key by key; a key absent in a year counts as an empty group. */
function sumGroupMaps<G>(maps: ReadonlyArray<Record<string, G>>, add: (groups: G[]) => G): Record<string, G> {
  return Object.fromEntries(keysOf(maps).map((k) => [k, add(maps.flatMap((m) => (m[k] === undefined ? [] : [m[k]])))]));
}

function sumActivities(years: readonly YearFigures[]): TermFigures['activities'] {
  const maps = years.map((y) => y.activities);
  return Object.fromEntries(
    keysOf(maps).map((id) => {
      const present = maps.flatMap((m) => (m[id] === undefined ? [] : [m[id]]));
      // Name and unit as the latest year wrote them.
      const latest = present[present.length - 1]!;
      return [id, { name: latest.name, unit: latest.unit, count: sum(present.map((a) => a.count)), parts: sumCounts(present.map((a) => a.parts)), years: present.length }];
    }),
  );
}

/** Sums the figures of consecutive years, given ascending. */
export function computeTerm(years: readonly YearFigures[]): TermFigures {
  if (years.length === 0) throw new Error('computeTerm: no years');
  const info = years.map((y) => y.information);
  const submitted = sum(info.map((i) => i.submitted));
  const adopted = sum(info.map((i) => i.adopted));
  return {
    from: years[0]!.year,
    to: years[years.length - 1]!.year,
    yearCount: years.length,
    years: years.map((y) => y.year),
    proposals: sumProposals(years.map((y) => y.proposals)),
    meetings: {
      ...sumMeetingGroups(years.map((y) => y.meetings)),
      byKind: sumGroupMaps(years.map((y) => y.meetings.byKind), sumMeetingGroups),
      byTag: sumGroupMaps(years.map((y) => y.meetings.byTag), sumMeetingGroups),
    },
    reports: {
      ...sumReportGroups(years.map((y) => y.reports)),
      byKind: sumGroupMaps(years.map((y) => y.reports.byKind), sumReportGroups),
      byLeadKind: sumGroupMaps(years.map((y) => y.reports.byLeadKind), sumReportGroups),
      byTag: sumGroupMaps(years.map((y) => y.reports.byTag), sumReportGroups),
    },
    approvals: {
      total: sum(years.map((y) => y.approvals.total)),
      reports: sum(years.map((y) => y.approvals.reports)),
      byLeader: sumCounts(years.map((y) => y.approvals.byLeader)),
    },
    information: {
      collected: sum(info.map((i) => i.collected)),
      submitted,
      adopted,
      adoptionRate: ratio(adopted, submitted),
      byAdoptedBy: sumCounts(info.map((i) => i.byAdoptedBy)),
      byTag: sumCounts(info.map((i) => i.byTag)),
    },
    activities: sumActivities(years),
  };
}
