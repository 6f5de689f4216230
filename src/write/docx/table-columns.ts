// How each column of a statistics table is aligned, shared by the DOCX, HTML and PDF writers.
import type { TableBlock, TableCell } from '../document.js';
import type { Alignment, Layout } from '../../domain/layout.js';

const cellText = (cell: TableCell | undefined): string =>
  (cell?.inlines ?? []).map((i) => (i.type === 'text' ? i.text : '')).join('').trim();

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
