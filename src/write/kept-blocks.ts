/**
 * The report document's blocks as the parse cache keeps them: the last Markdown of a report parsed
 * (write/document.ts), its blocks, and the lines each top-level paragraph was read from. A build
 * whose Markdown reads as the last one's takes the blocks as they are; one whose Markdown differs
 * only inside such paragraphs, plain text in their new form (an edit of the data changes a figure
 * in a sentence), takes the other blocks as they are and reads those paragraphs itself
 * (patchedBlocks): neither loads the Markdown parser. Plain data, with a table cell's alignment
 * `null` where it has none (JSON has no undefined); checked block by block when read: anything
 * else is a miss, and the Markdown is parsed again.
 */
import type { Alignment } from '../domain/layout.js';
import { WIDE, type Block, type Inline, type ParagraphKind, type RunRole, type TableCell } from './blocks.js';
import { everyOf, isObject, isString, optional, type Plain } from '../load/kept-shape.js';

type KeptCell = { inlines: Inline[]; alignment: Alignment | null };
type KeptBlock = Exclude<Block, { type: 'table' }> | { type: 'table'; caption?: Inline[]; header: KeptCell[]; rows: KeptCell[][] };
type Lines = [number, number] | null;
export interface KeptBlocks {
  /** The Markdown the blocks were read from. */
  markdown: string;
  blocks: KeptBlock[];
  /** For each block, the lines of a paragraph that may be read again, or null (write/document.ts, ParsedMarkdown). */
  paragraphLines: Lines[];
}

const keptCell = (cell: TableCell): KeptCell => ({ inlines: cell.inlines, alignment: cell.alignment ?? null });
const cellFromKept = (cell: KeptCell): TableCell => ({ inlines: cell.inlines, alignment: cell.alignment ?? undefined });

export function keptBlocks(markdown: string, parsed: { blocks: readonly Block[]; paragraphLines: readonly Lines[] }): KeptBlocks {
  return {
    markdown,
    blocks: parsed.blocks.map((b) =>
      b.type === 'table' ? { type: 'table', header: b.header.map(keptCell), rows: b.rows.map((r) => r.map(keptCell)), ...(b.caption ? { caption: b.caption } : {}) } : b,
    ),
    paragraphLines: [...parsed.paragraphLines],
  };
}

export function blocksFromKept(kept: Pick<KeptBlocks, 'blocks'>): Block[] {
  return kept.blocks.map((b) =>
    // In the order parsing makes them (write/document.ts): a document's JSON is the Word document's key.
    b.type === 'table' ? { type: 'table', header: b.header.map(cellFromKept), rows: b.rows.map((r) => r.map(cellFromKept)), ...(b.caption ? { caption: b.caption } : {}) } : b,
  );
}

/**
 * Whether text can only be text of a paragraph, read as it is written: letters of any script,
 * digits, spaces between words and `.,%/()` of ASCII; no other ASCII punctuation (each may open a
 * Markdown construct: emphasis, a link, a list, a heading, a table, an entity, an attribute), no
 * other whitespace (a paragraph's is trimmed), no control characters.
 */
function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x20 || c === 0x2e || c === 0x2c || c === 0x25 || c === 0x2f || c === 0x28 || c === 0x29)) return false;
    } else if (c <= 0x9f || /\s/.test(text[i]!)) return false;
  }
  return true;
}

/**
 * Whether a line of Markdown can only be text of a paragraph: plain text (isPlainText), no space
 * at either end (two at the end break the line), not a number followed by `.` or `)` (an ordered
 * list).
 */
export function isPlainLine(line: string): boolean {
  return line !== '' && !line.startsWith(' ') && !line.endsWith(' ') && !/^\d+[.)]/.test(line) && isPlainText(line);
}

/**
 * A first line that opens with a bold lead sentence (**为数字经济发展献良策。**以…, as the templates
 * write it): the lead plain text that starts with no space and ends with a letter, a digit, or a
 * CJK or full-width mark (the closing `**` is then read as closing, whatever follows: with the
 * CJK-friendly rules after a CJK mark, by CommonMark's own after a letter; after another mark,
 * such as … or ”, it depends on what follows, and the paragraph is left to the parser), the rest
 * plain text with no space at its end.
 */
const LEAD = /^\*\*([^*\s][^*]*)\*\*([^*]*)$/;
const CLOSES_LEAD = /[0-9A-Za-z\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]$/;

/**
 * A paragraph of plain lines, the first of which may open with a bold lead sentence, as parsing
 * the Markdown gives it (write/document.ts): the lead, then one run of text, the lines joined
 * without a space where either side of the break is wide (CJK), with one otherwise. Undefined for
 * any other lines.
 */
export function plainParagraph(lines: readonly string[]): Block | undefined {
  const lead = LEAD.exec(lines[0] ?? '');
  let sentence = '';
  let text: string;
  if (lead) {
    const [, leadText, rest] = lead as unknown as [string, string, string];
    if (!isPlainText(leadText) || !CLOSES_LEAD.test(leadText) || !isPlainText(rest) || rest.endsWith(' ')) return undefined;
    sentence = leadText;
    text = rest;
  } else {
    if (lines.length === 0 || !isPlainLine(lines[0]!)) return undefined;
    text = lines[0]!;
  }
  for (const line of lines.slice(1)) {
    if (!isPlainLine(line)) return undefined;
    // The character before the break: the run's last, or the lead's when the run is empty so far.
    const before = (text || sentence).slice(-1);
    text += before === '' || WIDE.test(before) || WIDE.test(line.charAt(0)) ? line : ` ${line}`;
  }
  const inlines: Inline[] = [];
  if (sentence !== '') inlines.push({ type: 'text', text: sentence, role: 'lead' });
  if (text !== '') inlines.push({ type: 'text', text, role: 'plain' });
  return { type: 'paragraph', kind: 'body', inlines };
}

/** Lines that are blank to Markdown (spaces and tabs only). */
const isBlank = (line: string) => /^[ \t]*$/.test(line);

/** The runs of non-blank lines of `lines` ([first, after the last]), and the blank lines around them, as text. */
function chunksOf(lines: readonly string[]): { chunks: Array<[number, number]>; between: string[] } {
  const chunks: Array<[number, number]> = [];
  const between: string[] = [];
  let blank: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (isBlank(lines[i]!)) {
      blank.push(lines[i]!);
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && !isBlank(lines[i]!)) i++;
    between.push(blank.join('\n'));
    blank = [];
    chunks.push([start, i]);
  }
  between.push(blank.join('\n'));
  return { chunks, between };
}

/**
 * The blocks of `markdown` from what was kept of an earlier Markdown of the report, when the two
 * differ only in paragraphs that stand alone between blank lines (each a whole run of non-blank
 * lines, kept with its lines) and whose new lines are plain (plainParagraph): those are read as
 * plainParagraph reads them, every other block is taken as kept. Undefined when the Markdown
 * differs anywhere else (it is parsed then).
 *
 * Why that is what parsing gives: Markdown is read block by block. The old paragraph stood alone
 * at the top level, so nothing was open where it started (no list, quote or fence). A run of
 * plain lines there is a paragraph of its own, whatever stands around it: no plain line can open
 * or continue another construct, nor end one. It leaves nothing behind for the blocks after it
 * (it defines no link, opens no list, carries no attribute), and neither did the old paragraph,
 * which ended at a blank line. So the blocks around it are read from the same lines in the same
 * state, and write/document.ts makes the same blocks of them (a paragraph just above a table is
 * never patched: a short one is taken for the table's caption). tests/unit/kept-blocks.test.ts
 * checks this against the parser on the saved reports and on random documents.
 */
export function patchedBlocks(kept: KeptBlocks, markdown: string): { blocks: Block[]; paragraphLines: Lines[] } | undefined {
  const before = kept.markdown.split('\n');
  const after = markdown.split('\n');
  const was = chunksOf(before);
  const now = chunksOf(after);
  if (was.chunks.length !== now.chunks.length || was.between.some((b, i) => b !== now.between[i])) return undefined;
  /** Kept blocks by the first line of their paragraph. */
  const paragraphAt = new Map<number, number>();
  kept.paragraphLines.forEach((lines, i) => lines && paragraphAt.set(lines[0], i));
  const blocks = blocksFromKept(kept);
  /** How far each chunk of the earlier Markdown moved (lines added or taken above it). */
  const shifts: number[] = [];
  for (let k = 0; k < was.chunks.length; k++) {
    const [start, end] = was.chunks[k]!;
    const [newStart, newEnd] = now.chunks[k]!;
    shifts.push(newStart - start);
    const text = after.slice(newStart, newEnd);
    if (end - start === newEnd - newStart && before.slice(start, end).every((line, i) => line === text[i])) continue;
    const block = paragraphAt.get(start);
    // Only a paragraph that is the whole chunk, and a plain one (plainParagraph) in its place.
    const paragraph = block === undefined || kept.paragraphLines[block]![1] !== end ? undefined : plainParagraph(text);
    if (!paragraph) return undefined;
    blocks[block!] = paragraph;
  }
  // The paragraphs' lines are in order (isKeptBlocks), so the chunk that holds each is found walking forward.
  let k = 0;
  const paragraphLines = kept.paragraphLines.map((lines): Lines => {
    if (!lines) return null;
    while (k < was.chunks.length && was.chunks[k]![1] <= lines[0]) k++;
    if (k === was.chunks.length || lines[0] < was.chunks[k]![0]) return null;
    const [start, end] = was.chunks[k]!;
    // A paragraph that is its whole chunk is its whole chunk still; any other moved with its chunk.
    if (lines[0] === start && lines[1] === end) return [...now.chunks[k]!];
    return [lines[0] + shifts[k]!, lines[1] + shifts[k]!];
  });
  return { blocks, paragraphLines };
}

const PARAGRAPH_KINDS = new Set<ParagraphKind>(['title', 'subtitle', 'speaker', 'salutation', 'body', 'heading1', 'heading2', 'heading3', 'caption', 'annexNote', 'annexLabel']);
const RUN_ROLES = new Set<RunRole>(['plain', 'lead', 'runIn']);
const ALIGNMENTS = new Set<unknown>(['left', 'center', 'right', 'justify', null]);

const keysAre = (o: Plain, keys: string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

const isInline = (i: unknown): boolean =>
  isObject(i) && ((i.type === 'break' && keysAre(i, ['type'])) || (i.type === 'text' && isString(i.text) && RUN_ROLES.has(i.role as RunRole) && keysAre(i, ['type', 'text', 'role'])));
const isInlines = (v: unknown): boolean => everyOf(v, isInline);
const isCell = (c: unknown): boolean => isObject(c) && isInlines(c.inlines) && ALIGNMENTS.has(c.alignment) && keysAre(c, ['inlines', 'alignment']);

const isBlock = (b: unknown): boolean => {
  if (!isObject(b)) return false;
  if (b.type === 'paragraph') return PARAGRAPH_KINDS.has(b.kind as ParagraphKind) && isInlines(b.inlines) && keysAre(b, ['type', 'kind', 'inlines']);
  return (
    b.type === 'table' &&
    optional(b.caption, isInlines) &&
    everyOf(b.header, isCell) &&
    everyOf(b.rows, (r) => everyOf(r, isCell)) &&
    keysAre(b, ['type', 'caption', 'header', 'rows'])
  );
};

/** Lines of paragraphs: within the Markdown, in order, each after the one before. */
function areLines(paragraphLines: unknown, blocks: unknown[], markdown: string): boolean {
  if (!Array.isArray(paragraphLines) || paragraphLines.length !== blocks.length) return false;
  const count = markdown.split('\n').length;
  let after = 0;
  return paragraphLines.every((lines, i) => {
    if (lines === null) return true;
    const ok = Array.isArray(lines) && lines.length === 2 && Number.isInteger(lines[0]) && Number.isInteger(lines[1]) && lines[0] >= after && lines[1] > lines[0] && lines[1] <= count && (blocks[i] as Plain).type === 'paragraph';
    if (ok) after = lines[1];
    return ok;
  });
}

export function isKeptBlocks(data: unknown): data is KeptBlocks {
  return isObject(data) && isString(data.markdown) && everyOf(data.blocks, isBlock) && areLines(data.paragraphLines, data.blocks as unknown[], data.markdown) && keysAre(data, ['markdown', 'blocks', 'paragraphLines']);
}
