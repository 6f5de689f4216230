// 页面设置 › 文档网格: the grid Word's and WPS's dialog shows (每行 N 字、每页 M 行). The text does not
// snap to it (w:snapToGrid 0 in the paragraph defaults): every paragraph keeps its exact spacing and
// tracking, so the grid is what a secretary checks, not what sets the lines.
import type { Layout } from '../../domain/layout.js';
import { mmToTwips, ptToHalfPoints, ptToTwips } from './units.js';

export interface DocumentGrid {
  type: 'linesAndChars' | 'lines';
  /** Line pitch in twips (行跨度). */
  linePitch: number;
  /** Added to the Normal style's font size for the character pitch (字符跨度), in 1/4096 pt. */
  charSpace?: number;
  /** What Word's dialog shows: lines a page, characters a line. */
  linesPerPage: number;
  charsPerLine: number;
}

const twipsToMm100 = (twips: number): number => Math.round((twips * 2540) / 1440);
const mm100ToTwips = (mm100: number): number => Math.round((mm100 * 1440) / 2540);

/** The type area's width and height in twips, from the page size and margins as written; and the
 * width as LibreOffice has it after reading each length in 1/100 mm. */
function typeAreaTwips(layout: Layout): { width: number; height: number; libreOfficeWidth: number } {
  const { page } = layout;
  const m = page.marginsMm;
  const [width, left, right] = [page.widthMm, m.left, m.right].map(mmToTwips) as [number, number, number];
  const read = (twips: number) => mm100ToTwips(twipsToMm100(twips));
  return {
    width: width - left - right,
    height: mmToTwips(page.heightMm) - mmToTwips(m.top) - mmToTwips(m.bottom),
    libreOfficeWidth: read(width) - read(left) - read(right),
  };
}

/** Word's characters a line: the type area's width over the character pitch, the Normal style's
 * font size plus charSpace / 4096 pt, rounded down (ECMA-376 17.6.5). */
export const wordCharsPerLine = (widthTwips: number, sizePt: number, charSpace: number): number =>
  Math.floor(widthTwips / 20 / (sizePt + charSpace / 4096));

/**
 * LibreOffice's character cell in twips for a charSpace, as its DOCX import computes it (7.4,
 * writerfilter SectionPropertyMap::CloseSectionGroup): the Normal style's size in 1/100 mm, plus
 * charSpace read as whole points (the top 20 bits) and a fraction truncated to whole twips
 * (the low 12 bits × 20 / 4095), each converted to 1/100 mm; the sum back in twips.
 */
export function libreOfficeCellTwips(sizePt: number, charSpace: number): number {
  const points = Math.floor(charSpace / 4096);
  const fractionTwips = Math.floor(((charSpace - points * 4096) * 20) / 4095);
  return mm100ToTwips(twipsToMm100(ptToHalfPoints(sizePt) * 10) + twipsToMm100(points * 20) + twipsToMm100(fractionTwips));
}

/**
 * The grid: lines at the body's line spacing; characters at the number the body sets a line
 * (type-area width over size + tracking), when a charSpace gives that number in Word and leaves
 * LibreOffice's layout as it is. LibreOffice narrows the text area to a whole number of its
 * character cells (whether or not the text snaps), so the cell must divide the width exactly;
 * of those charSpace values, the one whose quotient in Word lies nearest the middle of its whole
 * number. None (another page or font size): lines only.
 */
export function documentGrid(layout: Layout, charSpaces: CharSpaceRange = qualifyingCharSpaces): DocumentGrid {
  const area = typeAreaTwips(layout);
  const linePitch = ptToTwips(layout.lineSpacingPt);
  const body = layout.paragraphs.body;
  const linesPerPage = Math.floor(area.height / linePitch);
  const charsPerLine = Math.floor(area.width / (ptToHalfPoints(body.sizePt) * 10 + ptToTwips(body.trackingPt)));
  let best: { charSpace: number; off: number } | undefined;
  const [from, to] = charSpaces(area.width / 20, body.sizePt, charsPerLine);
  for (let charSpace = from; charSpace <= to; charSpace++) {
    if (charSpace === 0 || wordCharsPerLine(area.width, body.sizePt, charSpace) !== charsPerLine) continue;
    if (area.libreOfficeWidth % libreOfficeCellTwips(body.sizePt, charSpace) !== 0) continue;
    const off = Math.abs(area.width / 20 / (body.sizePt + charSpace / 4096) - (charsPerLine + 0.5));
    if (!best || off < best.off) best = { charSpace, off };
  }
  return best
    ? { type: 'linesAndChars', linePitch, charSpace: best.charSpace, linesPerPage, charsPerLine }
    : { type: 'lines', linePitch, linesPerPage, charsPerLine };
}

/** The charSpace values to try, from and to, for a type area `widthPt` wide set at `sizePt` with `charsPerLine` a line. */
export type CharSpaceRange = (widthPt: number, sizePt: number, charsPerLine: number) => [from: number, to: number];

/**
 * Pitches from half the font size to twice it; of those, only the charSpace values whose pitch
 * gives charsPerLine in Word can qualify: width / (charsPerLine + 1) < pitch <= width / charsPerLine,
 * a range of a few hundred values (a character's slack of 2 kept on each side for rounding).
 */
const qualifyingCharSpaces: CharSpaceRange = (widthPt, sizePt, charsPerLine) => {
  let [from, to] = [-sizePt * 2048, sizePt * 4096];
  if (widthPt > 0 && charsPerLine > 0) {
    from = Math.max(from, Math.floor((widthPt / (charsPerLine + 1) - sizePt) * 4096) - 2);
    to = Math.min(to, Math.ceil((widthPt / charsPerLine - sizePt) * 4096) + 2);
  }
  return [from, to];
};
