// The title and subtitle broken into lines, the same for every writer: kept apart from the Markdown
// parser (document.ts), which a writer does not need.
import type { Layout } from '../domain/layout.js';
import type { Block, ReportDocument } from './blocks.js';
import { breakTitle } from './docx/title-break.js';

/** Width of the type area in points. */
export const typeAreaWidthPt = (layout: Layout): number =>
  ((layout.page.widthMm - layout.page.marginsMm.left - layout.page.marginsMm.right) * 72) / 25.4;

/**
 * The document with its title and subtitle broken into lines: GB/T 9704 wants a long title turned
 * between words, in a trapezoid or diamond (see title-break.ts). Decided here, once, so that DOCX,
 * HTML and PDF break at the same places; a title or subtitle that already has a break (the
 * template's) is left as written, so calling this twice changes nothing.
 */
export function breakDisplayLines(doc: ReportDocument, layout: Layout): ReportDocument {
  const width = typeAreaWidthPt(layout);
  const blocks = doc.blocks.map((block): Block => {
    if (block.type !== 'paragraph' || (block.kind !== 'title' && block.kind !== 'subtitle')) return block;
    const p = layout.paragraphs[block.kind];
    return { ...block, inlines: breakTitle(block.inlines, { widthPt: width, sizePt: p.sizePt, trackingPt: p.trackingPt }) };
  });
  return { ...doc, blocks };
}
