/**
 * The one namespace that templates and prose cite figures from: `proposals.total`,
 * `meetings.byKind.常委会议.count`, `previous.proposals.total`, `organization.name`,
 * `sitting.committee`… Each report kind builds its context from these pieces.
 */
import type { TermFigures, YearFigures } from './figures.js';
import { committeeNames, type Organization } from '../domain/organization.js';
import type { Sitting } from '../domain/year-parts.js';
import { chineseNumeral } from '../domain/chinese.js';

export interface RenderedParagraph {
  lead?: string;
  text: string;
}

export interface RenderedSection {
  heading: string;
  paragraphs: RenderedParagraph[];
}

export interface RenderedPart {
  paragraphs: RenderedParagraph[];
  sections: RenderedSection[];
}

/** A narrative after its prose is rendered: each part by its key (review, thanks…), and a title when the file has one. */
export interface RenderedNarrative {
  title?: string;
  [part: string]: RenderedPart | string | undefined;
}

/** The sitting with the names a report prints, derived once: the committee's, the meeting's. */
export interface SittingContext extends Omit<Sitting, 'reportingTerm'> {
  reportingTerm: Sitting['term'];
  /** 中国人民政治协商会议江北省云州市第十届委员会 (the reporting committee's term). */
  committee: string;
  /** 政协云州市第十届委员会 */
  committeeShort: string;
  /** 政协云州市第十届委员会第二次会议 (the sitting's own term and session). */
  meeting: string;
  /** 十届一次会议: the session before, for “…以来” (null at a term's first session). */
  previousMeeting: string | null;
  /** The national committee (全国政协), whose reports are named as published (no term in the title, 政协 before the session). */
  national: boolean;
  /** In the annual report's title: the committee with its term; 中国人民政治协商会议全国委员会 nationally. */
  titleCommittee: string;
  /** In the opening “我代表…常务委员会”: 政协云州市第十届委员会; 中国人民政治协商会议第十三届全国委员会 nationally. */
  openingCommittee: string;
  /** The session before as the proposal report's title names it: 十届一次会议; 政协十一届二次会议 nationally. */
  previousMeetingTitle: string | null;
}

export function sittingContext(sitting: Sitting, organization: Organization): SittingContext {
  const reportingTerm = sitting.reportingTerm ?? sitting.term;
  const reporting = committeeNames(organization, reportingTerm);
  const own = committeeNames(organization, sitting.term);
  // Unknown while the term or session is still to be filled in: the report then says “2023年”, not “…以来”.
  const previousMeeting =
    typeof sitting.session === 'number' && typeof sitting.term === 'number' && sitting.session > 1
      ? `${chineseNumeral(sitting.term)}届${chineseNumeral(sitting.session - 1)}次会议`
      : null;
  return {
    ...sitting,
    reportingTerm,
    committee: reporting.full,
    committeeShort: reporting.short,
    meeting: `${own.short}第${ordinal(sitting.session)}次会议`,
    previousMeeting,
    ...publishedForms(organization, reporting, previousMeeting),
  };
}

/** The names as a national and a local committee's reports publish them. */
function publishedForms(org: Organization, reporting: { full: string; short: string }, previous: string | null) {
  const national = org.level === '全国' || org.fullName.endsWith('全国委员会');
  return {
    national,
    titleCommittee: national ? '中国人民政治协商会议全国委员会' : reporting.full,
    openingCommittee: national ? reporting.full : reporting.short,
    previousMeetingTitle: previous === null ? null : national ? `政协${previous}` : previous,
  };
}

/** 十 for 10; a number still to be filled in (【待填写】) as the mark itself. */
const ordinal = (n: number | string) => (typeof n === 'number' ? chineseNumeral(n) : n);

/** What an annual report (and a summary, and a proposal report) cites. */
export interface YearContext extends Omit<YearFigures, 'year'> {
  year: number;
  /** The year the plan part is about (工作安排). */
  planYear: number;
  organization: Organization;
  sitting: SittingContext;
  /** Figures of the year before, or null when its folder is absent. */
  previous: YearFigures | null;
  narrative?: RenderedNarrative;
}

export function yearContext(figures: YearFigures, previous: YearFigures | null, organization: Organization, sitting: Sitting): YearContext {
  const { year, ...rest } = figures;
  return { ...rest, year, planYear: year + 1, organization, sitting: sittingContext(sitting, organization), previous };
}

/**
 * A term report's context (届末五年工作报告): the term's figures under `term.*`, each year's under
 * `years.<year>.*`; no year figures at the top level, so prose citing `proposals.total` is told
 * to choose between `term.proposals.total` and one year's.
 */
export interface TermContext {
  term: TermFigures;
  years: Record<string, YearFigures>;
  organization: Organization;
  sitting: SittingContext;
  narrative?: RenderedNarrative;
  /** The lessons (体会): the paragraph that leads into them, and each lesson. */
  lessons?: { intro: string; items: string[] };
}

/** A compilation (汇编) of several organisations' year summaries, one section each. */
export interface CompilationContext {
  year: number;
  organizations: YearContext[];
}

/** Any kind's context: what templates and prose cite figures from. */
export type CitableContext = YearContext | TermContext | CompilationContext;
