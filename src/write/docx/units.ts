// Conversions from the layout's human units (mm, pt, characters, lines) to WordprocessingML's.
import type { Alignment, Layout, ParagraphLayout } from '../../domain/layout.js';

/** Twentieths of a point (twips): 1 inch = 25.4 mm = 1440 twips. */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const ptToTwips = (pt: number): number => Math.round(pt * 20);
/** Font sizes are written in half points (w:sz). */
export const ptToHalfPoints = (pt: number): number => Math.round(pt * 2);
/** Border widths are written in eighths of a point (w:sz of a border). */
export const ptToEighths = (pt: number): number => Math.round(pt * 8);

/** A first-line indent both as character units (hundredths, w:firstLineChars) and as twips
 * (w:firstLine) for previewers that ignore character units. One character = the font size. */
export const indentForChars = (chars: number, sizePt: number) => ({
  firstLineChars: Math.round(chars * 100),
  firstLine: ptToTwips(chars * sizePt),
});

/** Space of `lines` lines at the document's fixed line spacing, in twips. */
export const linesToTwips = (lines: number, layout: Layout): number => ptToTwips(lines * layout.lineSpacingPt);

/** w:jc's values (ECMA-376 ST_Jc): justified is "both". */
const ALIGNMENTS = {
  left: 'left',
  center: 'center',
  right: 'right',
  justify: 'both',
} as const satisfies Record<Alignment, string>;
export const toAlignment = (a: Alignment) => ALIGNMENTS[a];

/** Width of the type area (版心) in twips. */
export const typeAreaWidthTwips = (layout: Layout): number =>
  mmToTwips(layout.page.widthMm - layout.page.marginsMm.left - layout.page.marginsMm.right);

/** The w:rFonts of a style: digits and Latin letters in the Latin font, the rest in the East Asian
 * font. The eastAsia hint makes Word set characters both fonts could show (——, “”, …) in the
 * Chinese font, so a dash is one full-width line rather than two Latin dashes with a gap; runs
 * inherit it from their style like the fonts. */
export const runFonts = (f: { eastAsiaFont: string; latinFont: string }) => ({
  ascii: f.latinFont,
  hAnsi: f.latinFont,
  cs: f.latinFont,
  eastAsia: f.eastAsiaFont,
  hint: 'eastAsia',
});

/** The run properties of a paragraph style (and of the document defaults): fonts, size, weight.
 * Runs themselves carry none of these, so that changing the style in Word restyles the text. */
export const paragraphRun = (p: ParagraphLayout) => ({
  font: runFonts(p),
  size: ptToHalfPoints(p.sizePt),
  sizeComplexScript: ptToHalfPoints(p.sizePt),
  bold: p.bold,
  // w:spacing in twips: −5 (−0.25 pt) sets 28 三号 characters in the 156 mm type area. A plain
  // character spacing, which Word and LibreOffice read alike; the text does not snap to the
  // document grid (document-grid.ts), which is there for the 页面设置 dialog.
  // docx leaves out a 0; zeroTracking (font-table.ts) writes it, so a title or table style based
  // on Normal does not inherit Normal's −0.25 pt.
  ...(p.trackingPt === 0 ? {} : { characterSpacing: ptToTwips(p.trackingPt) }),
});
