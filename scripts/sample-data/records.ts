/** Record shapes the sample-data generators write, in the vocabulary of the schema. */
/** The default word lists of src/domain/vocabulary.ts the generators draw from. */
export type ReportKind = '调研' | '视察' | '督查' | '民主监督';
export type LeadKind = '主席会议' | '专委会' | '党派' | '团体' | '界别' | '委员' | '机关';
export type SubmitterKind = '委员' | '联名' | '党派' | '团体' | '界别' | '专委会';

export interface MeetingRecord {
  id: string;
  kind: string;
  date: string;
  topic: string;
  suggestions?: number;
  adopted?: boolean;
  attendees?: number;
  sectors?: string[];
  tags?: string[];
}

export interface ReportRecord {
  id: string;
  kind: ReportKind;
  title: string;
  lead: string;
  leadKind: LeadKind;
  date: string;
  suggestions: number;
  tags?: string[];
}

export interface InformationRecord {
  id: string;
  title: string;
  date: string;
  submitted: boolean;
  adopted: boolean;
  adoptedBy?: string;
  /** A second unit that adopted it (the province before the national committee). */
  adoptedByAlso?: string;
  adoptionForm?: '单篇' | '综合';
}
