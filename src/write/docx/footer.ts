// Page numbers (页码) as GB/T 9704 sets them: "— 1 —" below the type area, odd pages on the right
// and even pages on the left, each one character in from the edge of the type area.
import { eastAsianOnly, splitPunctuation } from './blocks.js';
import type { Alignment, Layout } from '../../domain/layout.js';
import { FOOTER_OPEN } from './package-parts.js';
import { FOOTER_STYLE } from './styles.js';
import { ptToTwips, toAlignment } from './units.js';
import { paragraphXml, textRunXml } from './wordml.js';

const textRuns = (text: string, font: string): string =>
  splitPunctuation(text)
    .map((p) => textRunXml(p.text, p.punctuation ? { font: eastAsianOnly(font) } : {}))
    .join('');

/** The PAGE field, each of its marks in a run of its own; withCachedPageNumber (render-docx.ts) adds its result. */
const PAGE_FIELD =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">PAGE</w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

function pageNumberParagraph(layout: Layout, alignment: Alignment): string {
  const pn = layout.pageNumber;
  const inset = ptToTwips(pn.edgeIndentChars * pn.sizePt);
  const [before = '', after = ''] = pn.format.split('{page}');
  return paragraphXml(
    {
      style: FOOTER_STYLE,
      alignment: toAlignment(alignment),
      indent: {
        left: alignment === 'left' ? inset : 0,
        right: alignment === 'right' ? inset : 0,
        firstLine: 0,
        firstLineChars: 0,
      },
    },
    // The fonts and size come from the Footer style; the dashes take the East Asian font on
    // their own runs, as in the body (LibreOffice would set them in the Latin font).
    textRuns(before, pn.eastAsiaFont) + PAGE_FIELD + textRuns(after, pn.eastAsiaFont),
  );
}

/** The section's footers, word/footer1.xml and footer2.xml: `default` serves odd pages once even pages have their own. */
export function footersXml(layout: Layout): { default: string; even: string } {
  const footer = (alignment: Alignment) => `${FOOTER_OPEN}${pageNumberParagraph(layout, alignment)}</w:ftr>`;
  return { default: footer(layout.pageNumber.oddAlignment), even: footer(layout.pageNumber.evenAlignment) };
}
