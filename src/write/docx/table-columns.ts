// How wide and how aligned each column of a statistics table is, shared by the DOCX, HTML and PDF writers
// (without the docx library, which only the DOCX writer loads).
import type { TableBlock, TableCell } from '../document.js';
import { plainText } from '../blocks.js';
import type { Alignment, Layout } from '../../domain/layout.js';
import { isWide } from './title-break.js';
import { ptToTwips } from './units.js';

const cellText = (cell: TableCell | undefined): string => plainText(cell?.inlines ?? []).trim();

/** A figure as statistics tables hold them: 116, 116件, 61.4%, 100余篇, 25件次, —. */
const FIGURE = /^([-+]?[0-9０-９][0-9０-９,，.．]*\s*(%|％|‰)?\s*[余多]?[\u4e00-\u9fff]{0,2}|[—–-]{1,2})$/u;

/** Each column's alignment: the Markdown's (|--:|) when given, else `table.numberAlignment` for a
 * column whose body cells are all figures, else undefined (the table style's). */
export function columnAlignments(table: TableBlock, layout: Layout): (Alignment | undefined)[] {
  const columns = Math.max(table.header.length, ...table.rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, c) => {
    const given = table.rows.find((r) => r[c]?.alignment)?.[c]?.alignment ?? table.header[c]?.alignment;
    if (given) return given;
    const texts = table.rows.map((r) => cellText(r[c])).filter((t) => t !== '');
    return texts.length > 0 && texts.every((t) => FIGURE.test(t)) ? layout.table.numberAlignment : undefined;
  });
}

/** Word's default left and right cell margin (0.19 cm), which the table keeps. */
export const CELL_MARGIN_TWIPS = 108;

/** Display width of a cell's text in em: CJK characters count 1, others ½, and each change between
 * the two ¼ (Word and WPS put a little space between Chinese and digits). */
function textWidth(cell: TableCell | undefined): number {
  let width = 0;
  let wasWide: boolean | undefined;
  for (const inline of cell?.inlines ?? []) {
    if (inline.type !== 'text') continue;
    for (const ch of inline.text) {
      const wide = isWide(ch);
      width += (wide ? 1 : 0.5) + (wasWide !== undefined && wasWide !== wide ? 0.25 : 0);
      wasWide = wide;
    }
  }
  return width;
}

/** Column widths in twips filling the type area. Each column wants its widest cell on one line;
 * when they cannot all have that, narrow columns (figures) get what they want and the wide ones
 * (text, which wraps well) share the rest in proportion (max-min fair sharing). */
export function columnWidths(table: TableBlock, total: number, layout: Layout): number[] {
  const count = Math.max(table.header.length, ...table.rows.map((r) => r.length));
  const emTwips = ptToTwips(layout.paragraphs.table.sizePt);
  const want = Array.from({ length: count }, (_, c) => {
    const em = Math.max(2, textWidth(table.header[c]), ...table.rows.map((r) => textWidth(r[c])));
    return Math.ceil(em * emTwips) + 2 * CELL_MARGIN_TWIPS;
  });
  const widths: (number | undefined)[] = want.map(() => undefined);
  let budget = total;
  for (;;) {
    const open = want.flatMap((w, c) => (widths[c] === undefined ? [c] : []));
    const share = budget / Math.max(1, open.length);
    const fits = open.filter((c) => want[c]! <= share);
    if (open.length === 0) break;
    if (fits.length === 0) {
      const wanted = open.reduce((a, c) => a + want[c]!, 0);
      for (const c of open) widths[c] = (want[c]! / wanted) * budget;
      break;
    }
    for (const c of fits) (widths[c] = want[c]!), (budget -= want[c]!);
  }
  // Spread what is left over (when everything fits) in proportion, then round so the sum is exact.
  const used = widths.reduce<number>((a, w) => a + (w ?? 0), 0);
  const scaled = widths.map((w) => Math.floor(((w ?? 0) * total) / Math.max(1, used)));
  scaled[scaled.length - 1]! += total - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}
