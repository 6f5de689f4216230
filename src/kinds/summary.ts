/**
 * The year summary (工作综述, `--kind summary`): a news-style account of the same year, from the
 * same records. Its own texts live in summary.md in the year folder (title, lead, section
 * headlines, closing); whatever it leaves out comes from narrative.md:
 *   - no summary.md              → lead = the review's overview, sections = the review's sections;
 *   - a section without paragraphs → the paragraphs of the review section at its position.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lineColumn } from '../load/markdown-prose.js';
import type { RenderedNarrative, RenderedParagraph, RenderedPart, YearContext } from '../compute/context.js';
import type { NarrativeSpec } from '../validate/narrative.js';
import { ANNUAL_NARRATIVE } from './annual.js';
import type { CheckedSource, ReportKind } from './kind.js';
import { kindDeclaration } from './names.js';
import { planYearReport, prepareYearNarrative, yearPrepared } from './year-report.js';
import { appendAll } from '../append.js';

const SUMMARY_NARRATIVE: NarrativeSpec = {
  file: 'summary.md',
  label: '工作综述的文字',
  titled: true,
  parts: [{ key: 'closing', names: ['结尾', '结束语', '结语'] }],
};

export interface SummaryView {
  /** Absent without summary.md: the template then titles the piece itself. */
  title?: string;
  lead: RenderedParagraph[];
  sections: Array<{ headline: string; paragraphs: RenderedParagraph[] }>;
  closing: RenderedParagraph[];
}

/** The summary's context: the year's, with summary.md as rendered and the sections the templates print. */
export interface SummaryContext extends YearContext {
  summaryText?: RenderedNarrative;
  summary: SummaryView;
}

/** The summary's sections from summary.md, each borrowing the review's paragraphs where it has none. */
function summaryView(context: YearContext & { summaryText?: RenderedNarrative }): SummaryView {
  const review = context.narrative?.review as RenderedPart;
  const own = context.summaryText as { title?: string; lead?: RenderedPart; closing?: RenderedPart } | undefined;
  if (!own) {
    return { lead: review.paragraphs, sections: review.sections.map((s) => ({ headline: s.heading, paragraphs: s.paragraphs })), closing: [] };
  }
  const sections = (own.lead?.sections ?? []).map((s, i) => ({
    headline: s.heading.replace(/[ \t]+/g, '\u3000'),
    paragraphs: s.paragraphs.length > 0 ? s.paragraphs : (review.sections[i]?.paragraphs ?? []),
  }));
  return {
    ...(own.title !== undefined ? { title: own.title.replace(/[ \t]+/g, '\u3000') } : {}),
    lead: own.lead?.paragraphs ?? [],
    sections: sections.length > 0 ? sections : review.sections.map((s) => ({ headline: s.heading, paragraphs: s.paragraphs })),
    closing: own.closing?.paragraphs ?? [],
  };
}

/** Sections of summary.md that leave out their paragraphs where the review has no section to lend them. */
function borrowProblems(source: CheckedSource, year: number): Diagnostic[] {
  const own = source.narratives.get(`${year}/${SUMMARY_NARRATIVE.file}`);
  const annual = source.narratives.get(`${year}/${ANNUAL_NARRATIVE.file}`);
  if (!own || !annual) return [];
  const available = annual.parts.get('review')?.sections.length ?? 0;
  return (own.parts.get('lead')?.sections ?? []).flatMap((s, i) =>
    s.paragraphs.length === 0 && i >= available
      ? [
          diagnostic(
            'sectionWithoutParagraphs',
            { section: i + 1, available },
            { file: own.file.display, ...lineColumn(own.file.text, s.heading.start) },
          ),
        ]
      : [],
  );
}

export const summary: ReportKind = {
  ...kindDeclaration('summary'),
  narratives: [ANNUAL_NARRATIVE, SUMMARY_NARRATIVE],
  plan: (request, years) => planYearReport(request, years, 'summary'),
  prepare(sources, plan) {
    const source = sources[0]!;
    const { context, doc, diagnostics } = prepareYearNarrative(source, plan, ANNUAL_NARRATIVE);
    appendAll(diagnostics, borrowProblems(source, plan.year));
    if (!context || !doc) return { diagnostics };
    const own = source.narratives.get(`${plan.year}/${SUMMARY_NARRATIVE.file}`);
    // summary.md as rendered (summaryText), and what the templates read (summary): its texts with the review's where it has none.
    const prepared = yearPrepared(context, doc, {
      prose: own ? [{ doc: own, context }] : [],
      complete: (year, [summaryText]): SummaryContext => {
        const withText = { ...year, ...(summaryText ? { summaryText } : {}) };
        return { ...withText, summary: summaryView(withText) };
      },
    });
    return { prepared, diagnostics };
  },
};
