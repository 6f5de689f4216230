/** Record shapes the sample-data generators write, in the vocabulary of the schema. */
import type { LeadKind, ReportKind } from '../../src/schema/vocabulary.js';

export type { LeadKind, ReportKind, SubmitterKind } from '../../src/schema/vocabulary.js';

export interface MeetingRecord {
  id: string;
  kind: string;
  date: string;
  topic: string;
  suggestions?: number;
  adopted?: boolean;
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
}
