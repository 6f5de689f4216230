/**
 * The year summary (工作综述, `--kind summary`), from the same year folder as the annual report.
 * Its own texts live in the optional `summary:` part of the year's narrative (title, lead,
 * section headlines); whatever it leaves out is taken from the annual narrative:
 *   - no `summary:` part    → lead = the review's overview, sections = the review's sections;
 *   - no `sections`         → the review's sections, their headings as headlines;
 *   - a section without `paragraphs` → the paragraphs of the review section at its position.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate } from '../load/source.js';
import type { RenderedNarrative, RenderedParagraph } from '../render/context.js';
import type { Narrative } from '../schema/schema.js';
import type { Ref } from '../validate/dataset.js';

export interface SummaryView {
  /** Absent without a `summary:` part; the template then titles the piece itself. */
  title?: string;
  lead: string[];
  sections: Array<{ headline: string; paragraphs: RenderedParagraph[] }>;
  closing: string[];
}

/** Sections that leave out their paragraphs where the review has no section to lend them. */
export function summaryProblems(narrative: Narrative, ref: Ref): Diagnostic[] {
  const sections = narrative.summary?.sections ?? [];
  const available = narrative.review.sections.length;
  return sections.flatMap((section, i) =>
    section.paragraphs === undefined && i >= available
      ? [
          diagnostic(
            'requiredField',
            { field: 'paragraphs', expected: `正文段落：工作回顾只有 ${available} 个部分，第 ${i + 1} 部分没有可沿用的段落` },
            locate(ref.file, [...ref.path, 'summary', 'sections', i]),
          ),
        ]
      : [],
  );
}

export function summaryView(narrative: RenderedNarrative): SummaryView {
  const own = narrative.summary;
  const review = narrative.review.sections;
  const sections = own?.sections
    ? own.sections.map((s, i) => ({ headline: s.headline, paragraphs: s.paragraphs ?? review[i]?.paragraphs ?? [] }))
    : review.map((s) => ({ headline: s.heading, paragraphs: s.paragraphs }));
  const view: SummaryView = { lead: own?.lead ?? narrative.review.overview, sections, closing: own?.closing ?? [] };
  if (own?.title !== undefined) view.title = own.title;
  return view;
}
