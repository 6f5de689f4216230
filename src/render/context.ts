/**
 * The one namespace that templates and prose cite figures from: `proposals.total`,
 * `meetings.byKind.常委会议.count`, `previous.proposals.total`, `organization.name`…
 */
import type { YearFigures } from '../compute/figures.js';
import type { TermFigures } from '../compute/term.js';
import type { Organization, Sitting } from '../schema/schema.js';

export interface RenderContext extends Omit<YearFigures, 'year'> {
  year: number;
  /** The year the plan part is about (工作安排). */
  planYear: number;
  organization: Organization;
  /** The sitting, with `reportingTerm` filled in (the term whose standing committee reports). */
  sitting: Sitting & { reportingTerm: number };
  /** Figures of the year before, or null when its folder is absent. */
  previous: YearFigures | null;
  narrative?: RenderedNarrative;
}

export interface RenderedParagraph {
  lead?: string;
  text: string;
}

export interface RenderedNarrative {
  review: { overview: string[]; sections: Array<{ heading: string; paragraphs: RenderedParagraph[] }> };
  thanks: string[];
  shortcomings: string[];
  plan: { requirements: string[]; items: Array<{ heading: string; text: string }> };
  closing: string[];
  /** Term report only: 回顾…我们深切体会到：只有坚持…才能… */
  lessons?: { intro: string; items: string[] };
  /** The year summary's own texts, as written; see kinds/summary.ts for what fills the gaps. */
  summary?: {
    /** Absent when the year has no `summary` part: the summary is then made of the review. */
    title?: string;
    lead: string[];
    sections?: Array<{ headline: string; paragraphs?: RenderedParagraph[] }>;
    closing?: string[];
  };
}

/**
 * The context of a term report (届末五年工作报告): five-year totals under `term.*`, each year's
 * figures under `years.<year>.*`; the year figures are not at the top level, so a narrative
 * citing `proposals.total` is told to choose between `term.proposals.total` and one year's.
 */
export interface TermContext {
  term: TermFigures;
  years: Record<string, YearFigures>;
  organization: Organization;
  sitting: Sitting & { reportingTerm: number };
  narrative?: RenderedNarrative;
}

/** A compilation (汇编) of several organisations' year summaries, one section each. */
export interface CompilationContext {
  year: number;
  /** Each organisation's own context, its narrative with the summary filled in, in the order given. */
  organizations: RenderContext[];
}

/** Any kind's context: what templates and prose cite figures from. */
export type CitableContext = RenderContext | TermContext | CompilationContext;

export function buildContext(
  figures: YearFigures,
  previous: YearFigures | null,
  organization: Organization,
  sitting: Sitting,
): RenderContext {
  const { year, ...rest } = figures;
  // At a new term's first session the outgoing committee reports: its term is given apart.
  const withTerm = { ...sitting, reportingTerm: sitting.reportingTerm ?? sitting.term };
  return { ...rest, year, planYear: year + 1, organization, sitting: withTerm, previous };
}
