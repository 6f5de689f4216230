// Turns parsed blocks into the paragraphs and tables of word/document.xml. All formatting comes from the named styles:
// a paragraph names its paragraph style, a lead sentence or run-in heading its character style, and
// runs carry no fonts or sizes of their own, so an editor who changes a style in Word restyles the
// whole document.
import type { Block, Inline, ParagraphBlock, TableBlock, TableCell as CellBlock } from '../blocks.js';
import { typeAreaWidthPt } from '../display-lines.js';
import type { Alignment, Layout, ParagraphLayout } from '../../domain/layout.js';
import { CELL_MARGIN_TWIPS, columnAlignments, columnWidths } from './table-columns.js';
import { keepWhole, ROWS_BEFORE_BREAK } from './table-keep.js';
import { libreOfficeOverhangPt } from './title-break.js';
import { CAPTION_STYLE, directBold, LEAD_STYLE, PARAGRAPH_STYLE_IDS, RUN_IN_STYLE, TABLE_HEADER_STYLE, TABLE_TEXT_STYLE } from './styles.js';
import { ptToEighths, ptToTwips, toAlignment, typeAreaWidthTwips } from './units.js';
import { BREAK_RUN, el, paragraphXml, textRunXml, whole, type ParagraphProps, type RunProps } from './wordml.js';

function runOptions(inline: Extract<Inline, { type: 'text' }>, p: ParagraphLayout, layout: Layout): RunProps {
  if (inline.role === 'plain') return {};
  const [style, r] = inline.role === 'lead' ? [LEAD_STYLE, layout.runs.lead] : [RUN_IN_STYLE, layout.runs.runIn];
  const bold = directBold(p, r, layout.paragraphs.body);
  return { style, ...(bold === undefined ? {} : { bold }) };
}

/**
 * Punctuation that Unicode leaves to the context (——, ……, “”, ‘’, ·): Word sets it in the East
 * Asian font because the styles' w:rFonts carry w:hint="eastAsia", but LibreOffice ignores the hint
 * and takes the Latin font (Times New Roman), whose dash is half as wide and whose quotes are
 * narrow, so the two break lines differently. These characters get the East Asian font in all
 * four slots, on their own runs: the one place where runs name a font.
 */
const CONTEXT_PUNCTUATION = /[\u2014\u2015\u2026\u00b7\u2018\u2019\u201c\u201d]+/gu;

/** Splits text into runs of ordinary text and runs of context punctuation. */
function splitPunctuation(text: string): { text: string; punctuation: boolean }[] {
  const parts: { text: string; punctuation: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(CONTEXT_PUNCTUATION)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), punctuation: false });
    parts.push({ text: m[0], punctuation: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), punctuation: false });
  return parts;
}

const eastAsianOnly = (font: string) => ({ ascii: font, hAnsi: font, eastAsia: font, cs: font });

/** A run's text and properties, as the writer (and the docx library, in the tests) sets them. */
export interface RunPart {
  text: string;
  options: RunProps;
}

/** Text as runs: `options` on every run, and `font` in all four slots on the context punctuation's. */
export function punctuatedRuns(text: string, options: RunProps, font: string): RunPart[] {
  return splitPunctuation(text).map((part) => ({ text: part.text, options: part.punctuation ? { ...options, font: eastAsianOnly(font) } : options }));
}

/** The runs of a text inline in a paragraph of layout `p`: its style's East Asian font on the punctuation. */
export function inlineRuns(inline: Extract<Inline, { type: 'text' }>, p: ParagraphLayout, layout: Layout): RunPart[] {
  const font = inline.role === 'lead' ? layout.runs.lead.eastAsiaFont : inline.role === 'runIn' ? layout.runs.runIn.eastAsiaFont : p.eastAsiaFont;
  return punctuatedRuns(inline.text, runOptions(inline, p, layout), font);
}

/**
 * A body paragraph's own properties: its style (none for Normal) and, for a title or subtitle
 * line that fits the type area in Word but may not in LibreOffice (the date's digits), an indent
 * into the margins of just so much, centred, that LibreOffice keeps it on one line.
 */
export function paragraphProps(block: ParagraphBlock, layout: Layout): Pick<ParagraphProps, 'style' | 'indent'> {
  const styleId = PARAGRAPH_STYLE_IDS[block.kind];
  const p = layout.paragraphs[block.kind];
  const overhang =
    block.kind === 'title' || block.kind === 'subtitle'
      ? Math.ceil(libreOfficeOverhangPt(block.inlines, { widthPt: typeAreaWidthPt(layout), sizePt: p.sizePt, trackingPt: p.trackingPt }) * 20)
      : 0;
  return { ...(styleId === 'Normal' ? {} : { style: styleId }), ...(overhang > 0 ? { indent: { left: -overhang, right: -overhang } } : {}) };
}

function runs(inlines: Inline[], p: ParagraphLayout, layout: Layout): string {
  let xml = '';
  for (const inline of inlines) {
    if (inline.type === 'break') {
      xml += BREAK_RUN;
      continue;
    }
    for (const run of inlineRuns(inline, p, layout)) xml += textRunXml(run.text, run.options);
  }
  return xml;
}

function paragraph(block: ParagraphBlock, layout: Layout): string {
  return paragraphXml(paragraphProps(block, layout), runs(block.inlines, layout.paragraphs[block.kind], layout));
}


/** A width in twips, as w:tblW and w:tcW give it. */
const dxa = (name: string, width: number) => el(name, [['w:type', 'dxa'], ['w:w', whole(width)]]);

function cell(block: CellBlock | undefined, header: boolean, alignment: Alignment | undefined, width: number, layout: Layout, keepNext: boolean): string {
  const p = header ? layout.paragraphs.tableHeader : layout.paragraphs.table;
  const content = paragraphXml(
    {
      style: header ? TABLE_HEADER_STYLE : TABLE_TEXT_STYLE,
      // Rows kept with the next row: the whole table, or its header and first rows (table-keep.ts).
      ...(keepNext ? { keepNext: true } : {}),
      // The column's alignment (Markdown's |--:|, or centred figures) wins over the style's; the
      // header stays as styled.
      ...(alignment && !header && alignment !== p.alignment ? { alignment: toAlignment(alignment) } : {}),
    },
    runs(block?.inlines ?? [], p, layout),
  );
  return `<w:tc><w:tcPr>${dxa('w:tcW', width)}<w:vAlign w:val="center"/></w:tcPr>${content}</w:tc>`;
}

/** A table in the official layout: single rules all round, the header row repeated on every page
 * the table runs onto (w:tblHeader), no row split across pages (w:cantSplit). */
function table(block: TableBlock, layout: Layout): string {
  const total = typeAreaWidthTwips(layout);
  const widths = columnWidths(block, total, layout);
  const alignments = columnAlignments(block, layout);
  const line = (side: string) => el(side, [['w:val', 'single'], ['w:color', '000000'], ['w:sz', ptToEighths(layout.table.borderPt)]]);
  const kept = keepWhole(block, widths.map((w) => (w - 2 * CELL_MARGIN_TWIPS) / 20), layout);
  const keptAt = (index: number) => (kept ? index < block.rows.length - 1 : index < ROWS_BEFORE_BREAK - 1);
  const row = (cells: CellBlock[], header: boolean, index: number) =>
    `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>` +
    widths.map((w, c) => cell(cells[c], header, alignments[c], w, layout, header || keptAt(index))).join('') +
    '</w:tr>';
  const padding = ptToTwips(layout.table.cellPaddingPt);
  const caption = block.caption ? paragraphXml({ style: CAPTION_STYLE }, runs(block.caption, layout.paragraphs.caption, layout)) : '';
  const properties =
    `<w:tblPr>${dxa('w:tblW', total)}` +
    `<w:tblBorders>${['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map(line).join('')}</w:tblBorders>` +
    `<w:tblCellMar>${dxa('w:top', padding)}${dxa('w:left', CELL_MARGIN_TWIPS)}${dxa('w:bottom', padding)}${dxa('w:right', CELL_MARGIN_TWIPS)}</w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => el('w:gridCol', [['w:w', whole(w)]])).join('')}</w:tblGrid>`;
  const rows = [...(block.header.length > 0 ? [row(block.header, true, -1)] : []), ...block.rows.map((r, i) => row(r, false, i))];
  return `${caption}<w:tbl>${properties}${grid}${rows.join('')}</w:tbl>`;
}

/** The body's paragraphs and tables, as the XML inside w:body (before the section properties). */
export function bodyXml(blocks: Block[], layout: Layout): string {
  return blocks.map((b) => (b.type === 'table' ? table(b, layout) : paragraph(b, layout))).join('');
}
