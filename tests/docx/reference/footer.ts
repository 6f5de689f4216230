// The footers through the docx library, as the Word writer built them before it wrote its XML
// itself: the page number's paragraph from the source's properties and runs, handed to docx to
// write; differential.test.ts compares the two.
import { Footer, PageNumber, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import type { RunPart } from '../../../src/write/docx/blocks.js';
import type { Alignment, Layout } from '../../../src/domain/layout.js';
import { pageNumberParts } from '../../../src/write/docx/footer.js';

const textRuns = (runs: RunPart[]): TextRun[] => runs.map((run) => new TextRun({ ...(run.options as IRunOptions), text: run.text }));

function pageNumberParagraph(layout: Layout, alignment: Alignment): Paragraph {
  const { props, before, after } = pageNumberParts(layout, alignment);
  return new Paragraph({ ...(props as IParagraphOptions), children: [...textRuns(before), new TextRun({ children: [PageNumber.CURRENT] }), ...textRuns(after)] });
}

/** The section's footers: `default` serves odd pages once even pages have their own. */
export function buildFooters(layout: Layout): { default: Footer; even: Footer } {
  return {
    default: new Footer({ children: [pageNumberParagraph(layout, layout.pageNumber.oddAlignment)] }),
    even: new Footer({ children: [pageNumberParagraph(layout, layout.pageNumber.evenAlignment)] }),
  };
}
