// Page numbers (页码) as GB/T 9704 sets them: "— 1 —" below the type area, odd pages on the right
// and even pages on the left, each one character in from the edge of the type area.
import { punctuatedRuns, type RunPart } from './blocks.js';
import type { Alignment, Layout } from '../../domain/layout.js';
import { FOOTER_OPEN } from './package-parts.js';
import { FOOTER_STYLE } from './styles.js';
import { ptToTwips, toAlignment } from './units.js';
import { paragraphXml, textRunXml, type ParagraphProps } from './wordml.js';

/** The PAGE field, each of its marks in a run of its own; withCachedPageNumber (render-docx.ts) adds its result. */
const PAGE_FIELD =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">PAGE</w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

/**
 * The page number's paragraph: its properties, and the runs of the format's text before and after
 * the number. The fonts and size come from the Footer style; the dashes take the East Asian font
 * on their own runs, as in the body (LibreOffice would set them in the Latin font).
 */
export function pageNumberParts(layout: Layout, alignment: Alignment): { props: ParagraphProps; before: RunPart[]; after: RunPart[] } {
  const pn = layout.pageNumber;
  const inset = ptToTwips(pn.edgeIndentChars * pn.sizePt);
  const [before = '', after = ''] = pn.format.split('{page}');
  return {
    props: {
      style: FOOTER_STYLE,
      alignment: toAlignment(alignment),
      indent: { left: alignment === 'left' ? inset : 0, right: alignment === 'right' ? inset : 0, firstLine: 0, firstLineChars: 0 },
    },
    before: punctuatedRuns(before, {}, pn.eastAsiaFont),
    after: punctuatedRuns(after, {}, pn.eastAsiaFont),
  };
}

function pageNumberParagraph(layout: Layout, alignment: Alignment): string {
  const { props, before, after } = pageNumberParts(layout, alignment);
  const runs = (parts: RunPart[]) => parts.map((r) => textRunXml(r.text, r.options)).join('');
  return paragraphXml(props, runs(before) + PAGE_FIELD + runs(after));
}

/** The section's footers, word/footer1.xml and footer2.xml: `default` serves odd pages once even pages have their own. */
export function footersXml(layout: Layout): { default: string; even: string } {
  const footer = (alignment: Alignment) => `${FOOTER_OPEN}${pageNumberParagraph(layout, alignment)}</w:ftr>`;
  return { default: footer(layout.pageNumber.oddAlignment), even: footer(layout.pageNumber.evenAlignment) };
}
