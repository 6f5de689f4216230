// The report document as Typst source, laid out to GB/T 9704 like the DOCX: every line on a grid
// of `lineSpacingPt` (each line box exactly 1 em from top edge to bottom edge, and the space
// between lines and between paragraphs the rest of the pitch, so 22 lines fill a 225 mm type
// area), −0.25 pt tracking for 28 三号 characters a line, no extra space between Chinese and digits,
// "— 1 —" page numbers outside on odd and even pages. All text goes in as string literals, so
// nothing in the data is read as Typst markup or code.
import type { Block, Inline, ReportDocument, TableBlock } from '../document.js';
import { ANNEX_NOTE_HANG_CHARS, type Alignment, type Layout, type ParagraphLayout } from '../../domain/layout.js';
import { keepWhole } from '../docx/table-keep.js';
import { CELL_MARGIN_TWIPS, columnAlignments, columnWidths } from '../docx/table-columns.js';
import { typeAreaWidthTwips } from '../docx/units.js';
import { breakLines, NARROW, type NarrowWidths } from './line-break.js';

/** Typst's family name and whether it has a bold face, for each font name of the layout; for a
 * Latin font, the advance widths the engine measured (see latinWidthProbe). */
export type FontMap = ReadonlyMap<string, { family: string; hasBold: boolean; narrow?: NarrowWidths }>;

/** A document that measures the half-width characters of each Latin family at 1000 pt and
 * publishes them as metadata <widths>: one array per family, in NARROW's key order. */
export function latinWidthProbe(families: readonly string[]): string {
  const chars = Object.keys(NARROW);
  const one = (family: string) => `(${chars.map((c) => `measure(text(font: ${str(family)}, fallback: false, size: 1000pt, ${str(c)})).width.pt() / 1000`).join(', ')},)`;
  return `#context [#metadata((${families.map(one).join(', ')},)) <widths>]\n`;
}

/** A Typst string literal. */
export const str = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
const pt = (n: number): string => `${Math.round(n * 10000) / 10000}pt`;
const mm = (n: number): string => `${Math.round(n * 10000) / 10000}mm`;

/** The Latin font covers only Latin letters, digits and their punctuation; ——, “”, …… and · fall
 * through to the Chinese font, as in the DOCX. */
const LATIN_COVERS = 'regex("[\\\\x{20}-\\\\x{7E}\\\\x{A0}-\\\\x{B6}\\\\x{B8}-\\\\x{24F}\\\\x{2010}-\\\\x{2013}\\\\x{2030}]")';

/** The top and bottom edges of a line box, in em: together exactly 1 em. */
const TOP_EDGE = 0.8;
const BOTTOM_EDGE = TOP_EDGE - 1;

function fontList(eastAsia: string, latin: string, fonts: FontMap): string {
  const ea = fonts.get(eastAsia)?.family ?? eastAsia;
  const la = fonts.get(latin)?.family ?? latin;
  if (ea === la) return `(${str(ea)},)`;
  return `((name: ${str(la)}, covers: ${LATIN_COVERS}), ${str(ea)})`;
}

function textStyle(p: { eastAsiaFont: string; latinFont: string; bold: boolean }, fonts: FontMap): string {
  const bold = p.bold ? boldArgs(p.eastAsiaFont, fonts) : 'weight: "regular"';
  return `font: ${fontList(p.eastAsiaFont, p.latinFont, fonts)}, ${bold}`;
}

/** Bold as a bold face where one is installed, else drawn by stroking the regular face (as Word
 * does for 仿宋_GB2312, which has no bold). */
function boldArgs(font: string, fonts: FontMap): string {
  return fonts.get(font)?.hasBold === false ? 'weight: "regular", stroke: 0.025em' : 'weight: "bold"';
}

/** A justified paragraph's text with its lines broken on the grid (see line-break.ts): explicit
 * justified line breaks, and a hanging mark in a box of no width, so it sits past the right edge
 * as in Word. Returns the inlines unchanged when the breaks are left to Typst. */
function gridLines(list: readonly Inline[], p: ParagraphLayout, layout: Layout, fonts: FontMap): Piece[] {
  const pieces: Piece[] = list.map((i) => (i.type === 'break' ? { kind: 'break' } : { kind: 'text', text: i.text, role: i.role }));
  if (p.alignment !== 'justify' || list.some((i) => i.type === 'break')) return pieces;
  const chars = list.flatMap((i) => (i.type === 'text' ? [...i.text] : []));
  const width = (layout.page.widthMm - layout.page.marginsMm.left - layout.page.marginsMm.right) * (72 / 25.4);
  const narrow = fonts.get(p.latinFont)?.narrow;
  const lines = breakLines(chars, { widthPt: width, sizePt: p.sizePt, trackingPt: p.trackingPt, firstIndentPt: p.firstLineIndentChars * p.sizePt, narrow });
  if (!lines) return pieces;
  const starts = new Set(lines.starts);
  const hanging = new Set(lines.hanging);
  const out: Piece[] = [];
  let at = 0;
  for (const inline of list) {
    if (inline.type !== 'text') continue;
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', text, role: inline.role });
      text = '';
    };
    for (const ch of inline.text) {
      if (starts.has(at)) (flush(), out.push({ kind: 'justified-break' }));
      if (hanging.has(at)) (flush(), out.push({ kind: 'hanging', text: ch, role: inline.role }));
      else text += ch;
      at++;
    }
    flush();
  }
  return out;
}

type Piece =
  | { kind: 'break' }
  | { kind: 'justified-break' }
  | { kind: 'text' | 'hanging'; text: string; role: 'plain' | 'lead' | 'runIn' };

function inlines(list: readonly Inline[], p: ParagraphLayout, layout: Layout, fonts: FontMap): string {
  return gridLines(list, p, layout, fonts)
    .map((piece) => {
      if (piece.kind === 'break') return '#linebreak()';
      if (piece.kind === 'justified-break') return '#linebreak(justify: true)';
      const role = piece.role;
      // A hanging mark takes no room on the line: set, then taken back by a negative space of its
      // own advance. (A box of no width would carry its own line box and push the next line down.)
      const literal = piece.kind === 'hanging' ? `#${str(piece.text)}#h(${pt(-(p.sizePt + p.trackingPt))})` : `#${str(piece.text)}`;
      if (role === 'plain') return literal;
      const r = role === 'lead' ? layout.runs.lead : layout.runs.runIn;
      const style = textStyle({ eastAsiaFont: r.eastAsiaFont, latinFont: r.latinFont, bold: r.bold }, fonts);
      return `#text(${style})[${literal}]`;
    })
    .join('');
}

const ALIGN: Record<Alignment, string> = { left: 'left', center: 'center', right: 'right', justify: 'left' };

/** One paragraph: its type set once, its text as string literals. Headings, the title block and
 * captions stick to what follows (keep with next). */
function paragraph(kind: keyof Layout['paragraphs'], content: readonly Inline[], layout: Layout, fonts: FontMap, sticky: boolean): string {
  const p = layout.paragraphs[kind];
  // 附件说明: further lines under the first annex's name; 附件1: a new page.
  const hang = kind === 'annexNote' ? `#set par(hanging-indent: ${pt(ANNEX_NOTE_HANG_CHARS * p.sizePt)});` : '';
  const indent = kind === 'annexNote' ? `inset: (left: ${pt(p.firstLineIndentChars * p.sizePt)}), ` : '';
  const firstIndent = kind === 'annexNote' ? 0 : p.firstLineIndentChars * p.sizePt;
  return (
    (kind === 'annexLabel' ? '#pagebreak(weak: true)' : '') +
    `#block(sticky: ${sticky}, ${indent}width: 100%)[` +
    `#set text(${textStyle(p, fonts)}, size: ${pt(p.sizePt)}, tracking: ${pt(p.trackingPt)});` +
    `#set par(justify: ${p.alignment === 'justify'}, first-line-indent: (amount: ${pt(firstIndent)}, all: true));${hang}` +
    `#set align(${ALIGN[p.alignment]});` +
    // An explicit par: text directly in a block is not a paragraph and takes no first-line indent.
    `#par[${inlines(content, p, layout, fonts)}]]`
  );
}

function table(block: TableBlock, layout: Layout, fonts: FontMap): string {
  const alignments = columnAlignments(block, layout);
  const columns = alignments.length;
  const head = layout.paragraphs.tableHeader;
  const body = layout.paragraphs.table;
  const t = layout.table;
  // Each line of a cell exactly the table's line spacing high, as the DOCX's fixed spacing; the
  // glyphs centred in it. A row is its lines, the padding and the rule's width high (as in
  // LibreOffice and Word), so rows and page breaks fall where the DOCX's do.
  const edges = (size: number) => {
    const extra = (t.lineSpacingPt - size) / 2;
    return `top-edge: ${pt(TOP_EDGE * size + extra)}, bottom-edge: ${pt(BOTTOM_EDGE * size - extra)}`;
  };
  const cell = (c: readonly Inline[], p: ParagraphLayout, align: Alignment | undefined) =>
    `table.cell(align: ${ALIGN[align ?? p.alignment]} + horizon)[#set text(${textStyle(p, fonts)}, size: ${pt(p.sizePt)}, tracking: ${pt(p.trackingPt)}, ${edges(p.sizePt)});${inlines(c, p, layout, fonts)}]`;
  const row = (cells: TableBlock['header'], p: ParagraphLayout, header: boolean) =>
    Array.from({ length: columns }, (_, c) => cell(cells[c]?.inlines ?? [], p, header ? undefined : alignments[c])).join(', ');
  // The caption takes a whole line of the grid, as in the DOCX, before the table's top rule.
  const captionLine = layout.lineSpacingPt - layout.paragraphs.caption.sizePt;
  const caption = block.caption ? `${paragraph('caption', block.caption, layout, fonts, true)}#v(${pt(captionLine)})` : '';
  const widths = columnWidths(block, typeAreaWidthTwips(layout), layout);
  const whole = keepWhole(block, widths.map((w) => (w - 2 * CELL_MARGIN_TWIPS) / 20), layout);
  const grid =
    `#block(width: 100%)[#set par(justify: false, first-line-indent: 0pt, leading: 0pt);` +
    `#table(columns: (${widths.map((w) => `${w}fr`).join(', ')}), stroke: ${pt(t.borderPt)} + black, inset: (x: ${pt(CELL_MARGIN_TWIPS / 20)}, y: ${pt(t.cellPaddingPt + t.borderPt / 2)}),` +
    (block.header.length > 0 ? ` table.header(repeat: true, ${row(block.header, head, true)}),` : '') +
    block.rows.map((r) => ` ${row(r, body, false)},`).join('') +
    ')]';
  // A table that fits on a page is never split (table-keep.ts).
  return whole ? `#block(breakable: false, width: 100%)[${caption}${grid}]` : caption + grid;
}

/** Space between the last line of one block and the first of the next: the rest of the line
 * pitch below the one's bottom edge and above the other's top edge, plus any space after/before. */
function gap(before: Block | undefined, after: Block, layout: Layout): number {
  const line = layout.lineSpacingPt;
  const sizeOf = (b: Block, end: 'first' | 'last') =>
    b.type === 'paragraph'
      ? layout.paragraphs[b.kind].sizePt
      : end === 'first' && b.caption
        ? layout.paragraphs.caption.sizePt
        : layout.paragraphs.table.sizePt;
  const spaceAfter = before?.type === 'paragraph' ? layout.paragraphs[before.kind].spaceAfterLines : 0;
  const spaceBefore = after.type === 'paragraph' ? layout.paragraphs[after.kind].spaceBeforeLines : 0;
  if (!before) return spaceBefore * line;
  const below = -BOTTOM_EDGE * sizeOf(before, 'last');
  const above = TOP_EDGE * sizeOf(after, 'first');
  return Math.max(0, line * (1 + spaceAfter + spaceBefore) - below - above);
}

const STICKY = new Set(['title', 'subtitle', 'heading1', 'heading2', 'heading3', 'caption', 'annexLabel']);

function footer(layout: Layout, fonts: FontMap): string {
  const pn = layout.pageNumber;
  const [before = '', after = ''] = pn.format.split('{page}');
  const inset = pt(pn.edgeIndentChars * pn.sizePt);
  const side = (alignment: Alignment) =>
    `align(${ALIGN[alignment]}, pad(${alignment === 'left' ? 'left' : alignment === 'right' ? 'right' : 'x'}: ${alignment === 'center' ? '0pt' : inset}, number))`;
  return (
    `context { let n = counter(page).get().first(); ` +
    `set text(${textStyle({ eastAsiaFont: pn.eastAsiaFont, latinFont: pn.latinFont, bold: false }, fonts)}, size: ${pt(pn.sizePt)}, tracking: 0pt); ` +
    `let number = [#${str(before)}#str(n)#${str(after)}]; ` +
    `if calc.odd(n) { ${side(pn.oddAlignment)} } else { ${side(pn.evenAlignment)} } }`
  );
}

export function typstSource(doc: ReportDocument, layout: Layout, fonts: FontMap): string {
  const { page } = layout;
  const m = page.marginsMm;
  const [year, month, day] = doc.meta.date.split('-').map(Number) as [number, number, number];
  const region = doc.meta.script === 'hant' ? 'TW' : 'CN';
  const body = layout.paragraphs.body;
  // The footer's bottom edge `footerMm` above the paper's: Typst places the footer's top
  // `footer-descent` below the type area.
  const descent = (m.bottom - page.footerMm) * (72 / 25.4) - layout.pageNumber.sizePt;
  const widow = layout.widowControl ? '100%' : '0%';
  const parts = [
    `#set document(title: ${str(doc.meta.title)}, author: (${str(doc.meta.author)},), date: datetime(year: ${year}, month: ${month}, day: ${day}))`,
    `#set page(width: ${mm(page.widthMm)}, height: ${mm(page.heightMm)}, margin: (top: ${mm(m.top)}, bottom: ${mm(m.bottom)}, left: ${mm(m.left)}, right: ${mm(m.right)}), footer-descent: ${pt(descent)}, footer: ${footer(layout, fonts)})`,
    `#set text(lang: "zh", region: ${str(region)}, size: ${pt(body.sizePt)}, top-edge: ${TOP_EDGE}em, bottom-edge: ${BOTTOM_EDGE}em, cjk-latin-spacing: ${layout.autoSpace ? 'auto' : 'none'}, hyphenate: false, costs: (widow: ${widow}, orphan: ${widow}))`,
    // Simple (first-fit) breaking: the optimal breaker would squeeze punctuation to fit a 29th
    // character; the grid's lines are broken beforehand anyway (line-break.ts).
    `#set par(leading: ${pt(layout.lineSpacingPt)} - 1em, spacing: 0pt, linebreaks: "simple")`,
    '#set block(spacing: 0pt)',
  ];
  let previous: Block | undefined;
  for (const block of doc.blocks) {
    const space = gap(previous, block, layout);
    if (previous || space > 0) parts.push(`#v(${pt(space)}, weak: true)`);
    parts.push(block.type === 'table' ? table(block, layout, fonts) : paragraph(block.kind, block.inlines, layout, fonts, STICKY.has(block.kind)));
    previous = block;
  }
  return `${parts.join('\n')}\n`;
}
