/**
 * The checked data of one year, with a record of where each record came from (file and data
 * path), so that cross-record checks and prose citations can point at the source.
 */
import type { DataPath, SourceFile } from '../load/source.js';
import type {
  Activity,
  Approval,
  Information,
  Meeting,
  Members,
  Narrative,
  Organization,
  Proposal,
  ProposalCounts,
  ResearchReport,
  Sitting,
  YearListKey,
} from '../schema/schema.js';

export interface Ref {
  file: SourceFile;
  path: DataPath;
}

export interface YearData {
  year: number;
  sitting?: Sitting;
  proposalCounts?: ProposalCounts;
  information?: Information;
  members?: Members;
  narrative?: Narrative;
  meetings: Meeting[];
  proposals: Proposal[];
  reports: ResearchReport[];
  approvals: Approval[];
  activities: Activity[];
  /** Where each record object and each single part came from. */
  refs: WeakMap<object, Ref>;
  /** Record lists written explicitly empty (`meetings: []`, as `report init` scaffolds them), and where. */
  emptyLists?: Array<{ key: YearListKey; ref: Ref }>;
}

export interface Dataset {
  organization?: Organization;
  organizationRef?: Ref;
  year: YearData;
  previous?: YearData;
}

export function emptyYear(year: number): YearData {
  return { year, meetings: [], proposals: [], reports: [], approvals: [], activities: [], refs: new WeakMap() };
}
