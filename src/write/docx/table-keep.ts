// How much of a table is kept together, the same in the DOCX, the PDF and print: a table that fits
// on one page is never split; a longer one leaves its header and at least three rows before a
// page break (a header and one row at a page foot is a layout error). Row heights are estimated
// from the text's width in its column at the table's fixed line spacing.
import type { TableBlock, TableCell } from '../document.js';
import { plainText } from '../blocks.js';
import type { Layout } from '../../domain/layout.js';

/** Rows a body row before a page break must at least bring with the header. */
export const ROWS_BEFORE_BREAK = 3;

const cellEm = (cell: TableCell | undefined): number =>
  [...plainText(cell?.inlines ?? [])].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.5), 0);

/** Lines of the tallest cell of a row, given the columns' widths in points less the cells' margins. */
function rowLines(cells: readonly TableCell[], widthsPt: readonly number[], sizePt: number): number {
  return Math.max(1, ...widthsPt.map((w, c) => Math.ceil((cellEm(cells[c]) * sizePt) / Math.max(sizePt, w))));
}

/** Estimated height of a table with its caption, in points. */
function tableHeightPt(block: TableBlock, widthsPt: readonly number[], layout: Layout): number {
  const row = (cells: readonly TableCell[]) =>
    rowLines(cells, widthsPt, layout.paragraphs.table.sizePt) * layout.table.lineSpacingPt + 2 * layout.table.cellPaddingPt + layout.table.borderPt;
  const caption = block.caption ? layout.lineSpacingPt : 0;
  return caption + (block.header.length > 0 ? row(block.header) : 0) + block.rows.reduce((h, r) => h + row(r), 0);
}

/** Whether the whole table (with its caption) is kept on one page: when it fits on one. */
export function keepWhole(block: TableBlock, widthsPt: readonly number[], layout: Layout): boolean {
  const page = layout.page;
  const typeAreaPt = (page.heightMm - page.marginsMm.top - page.marginsMm.bottom) * (72 / 25.4);
  // The annex label's line above it counts too.
  return tableHeightPt(block, widthsPt, layout) + layout.lineSpacingPt <= typeAreaPt;
}
