/**
 * The one namespace that templates and prose cite figures from: `proposals.total`,
 * `meetings.byKind.常委会议.count`, `previous.proposals.total`, `organization.name`…
 */
import type { YearFigures } from '../compute/figures.js';
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
}

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
