// Page numbers (页码) as GB/T 9704 sets them: "— 1 —" below the type area, odd pages on the right
// and even pages on the left, each one character in from the edge of the type area.
import { Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { eastAsianOnly, splitPunctuation } from '../../../src/write/docx/blocks.js';
import type { Alignment, Layout } from '../../../src/domain/layout.js';
import { FOOTER_STYLE } from '../../../src/write/docx/styles.js';
import { ptToTwips, toAlignment } from '../../../src/write/docx/units.js';

const textRuns = (text: string, font: string): TextRun[] =>
  splitPunctuation(text).map((p) => new TextRun({ text: p.text, ...(p.punctuation ? { font: eastAsianOnly(font) } : {}) }));

function pageNumberParagraph(layout: Layout, alignment: Alignment): Paragraph {
  const pn = layout.pageNumber;
  const inset = ptToTwips(pn.edgeIndentChars * pn.sizePt);
  const [before = '', after = ''] = pn.format.split('{page}');
  return new Paragraph({
    style: FOOTER_STYLE,
    alignment: toAlignment(alignment),
    indent: {
      left: alignment === 'left' ? inset : 0,
      right: alignment === 'right' ? inset : 0,
      firstLine: 0,
      firstLineChars: 0,
    },
    children: [
      // The fonts and size come from the Footer style; the dashes take the East Asian font on
      // their own runs, as in the body (LibreOffice would set them in the Latin font).
      ...textRuns(before, pn.eastAsiaFont),
      new TextRun({ children: [PageNumber.CURRENT] }),
      ...textRuns(after, pn.eastAsiaFont),
    ],
  });
}

/** The section's footers: `default` serves odd pages once even pages have their own. */
export function buildFooters(layout: Layout): { default: Footer; even: Footer } {
  return {
    default: new Footer({ children: [pageNumberParagraph(layout, layout.pageNumber.oddAlignment)] }),
    even: new Footer({ children: [pageNumberParagraph(layout, layout.pageNumber.evenAlignment)] }),
  };
}
