// The body through the docx library, as the Word writer built it before it wrote its XML itself:
// paragraphs and tables from the same run and paragraph properties (the source's), handed to docx to write;
// differential.test.ts compares the two.
import {
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { type Block, type Inline, type ParagraphBlock, type TableBlock, type TableCell as CellBlock } from '../../../src/write/document.js';
import type { Alignment, Layout, ParagraphLayout } from '../../../src/domain/layout.js';
import { CELL_MARGIN_TWIPS, columnAlignments, columnWidths } from '../../../src/write/docx/table-columns.js';
import { keepWhole, ROWS_BEFORE_BREAK } from '../../../src/write/docx/table-keep.js';
import { CAPTION_STYLE, TABLE_HEADER_STYLE, TABLE_TEXT_STYLE } from '../../../src/write/docx/styles.js';
import { inlineRuns, paragraphProps } from '../../../src/write/docx/blocks.js';
import { ptToEighths, ptToTwips, toAlignment, typeAreaWidthTwips } from '../../../src/write/docx/units.js';

function runs(inlines: Inline[], p: ParagraphLayout, layout: Layout): ParagraphChild[] {
  return inlines.flatMap((inline) => {
    if (inline.type === 'break') return [new TextRun({ break: 1 })];
    return inlineRuns(inline, p, layout).map((run) => new TextRun({ ...(run.options as IRunOptions), text: run.text }));
  });
}

function paragraph(block: ParagraphBlock, layout: Layout): Paragraph {
  return new Paragraph({ ...paragraphProps(block, layout), children: runs(block.inlines, layout.paragraphs[block.kind], layout) });
}


function cell(block: CellBlock | undefined, header: boolean, alignment: Alignment | undefined, width: number, layout: Layout, keepNext: boolean): TableCell {
  const p = header ? layout.paragraphs.tableHeader : layout.paragraphs.table;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        style: header ? TABLE_HEADER_STYLE : TABLE_TEXT_STYLE,
        // The column's alignment (Markdown's |--:|, or centred figures) wins over the style's; the
        // header stays as styled.
        ...(alignment && !header && alignment !== p.alignment ? { alignment: toAlignment(alignment) } : {}),
        // Rows kept with the next row: the whole table, or its header and first rows (table-keep.ts).
        ...(keepNext ? { keepNext: true } : {}),
        children: runs(block?.inlines ?? [], p, layout),
      }),
    ],
  });
}

/** A table in the official layout: single rules all round, the header row repeated on every page
 * the table runs onto (w:tblHeader), no row split across pages (w:cantSplit). */
function table(block: TableBlock, layout: Layout): (Paragraph | Table)[] {
  const total = typeAreaWidthTwips(layout);
  const widths = columnWidths(block, total, layout);
  const alignments = columnAlignments(block, layout);
  const line = { style: BorderStyle.SINGLE, size: ptToEighths(layout.table.borderPt), color: '000000' };
  const whole = keepWhole(block, widths.map((w) => (w - 2 * CELL_MARGIN_TWIPS) / 20), layout);
  const kept = (index: number) => (whole ? index < block.rows.length - 1 : index < ROWS_BEFORE_BREAK - 1);
  const row = (cells: CellBlock[], header: boolean, index: number) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map((w, c) => cell(cells[c], header, alignments[c], w, layout, header || kept(index))),
    });
  const padding = ptToTwips(layout.table.cellPaddingPt);
  const caption = block.caption
    ? [new Paragraph({ style: CAPTION_STYLE, children: runs(block.caption, layout.paragraphs.caption, layout) })]
    : [];
  return [
    ...caption,
    new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      margins: { top: padding, bottom: padding, left: CELL_MARGIN_TWIPS, right: CELL_MARGIN_TWIPS },
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
      rows: [...(block.header.length > 0 ? [row(block.header, true, -1)] : []), ...block.rows.map((r, i) => row(r, false, i))],
    }),
  ];
}

export function buildBody(blocks: Block[], layout: Layout): (Paragraph | Table)[] {
  return blocks.flatMap((b) => (b.type === 'table' ? table(b, layout) : [paragraph(b, layout)]));
}
