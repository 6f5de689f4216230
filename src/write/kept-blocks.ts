/**
 * The report document's blocks as the parse cache keeps them: what parsing the rendered Markdown
 * gave (write/document.ts), found by that Markdown's exact text. A build whose Markdown reads as
 * the last one's takes them without loading the Markdown parser. Plain data, with a table cell's
 * alignment `null` where it has none (JSON has no undefined); checked block by block when read:
 * anything else is a miss, and the Markdown is parsed again.
 */
import type { Alignment } from '../domain/layout.js';
import type { Block, Inline, ParagraphKind, RunRole, TableCell } from './blocks.js';
import { everyOf, isObject, isString, optional, type Plain } from '../load/kept-shape.js';

type KeptCell = { inlines: Inline[]; alignment: Alignment | null };
type KeptBlock = Exclude<Block, { type: 'table' }> | { type: 'table'; caption?: Inline[]; header: KeptCell[]; rows: KeptCell[][] };
export interface KeptBlocks {
  blocks: KeptBlock[];
}

const keptCell = (cell: TableCell): KeptCell => ({ inlines: cell.inlines, alignment: cell.alignment ?? null });
const cellFromKept = (cell: KeptCell): TableCell => ({ inlines: cell.inlines, alignment: cell.alignment ?? undefined });

export function keptBlocks(blocks: readonly Block[]): KeptBlocks {
  return {
    blocks: blocks.map((b) =>
      b.type === 'table' ? { type: 'table', header: b.header.map(keptCell), rows: b.rows.map((r) => r.map(keptCell)), ...(b.caption ? { caption: b.caption } : {}) } : b,
    ),
  };
}

export function blocksFromKept(kept: KeptBlocks): Block[] {
  return kept.blocks.map((b) =>
    // In the order parsing makes them (write/document.ts): a document's JSON is the Word document's key.
    b.type === 'table' ? { type: 'table', header: b.header.map(cellFromKept), rows: b.rows.map((r) => r.map(cellFromKept)), ...(b.caption ? { caption: b.caption } : {}) } : b,
  );
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

export function isKeptBlocks(data: unknown): data is KeptBlocks {
  return isObject(data) && everyOf(data.blocks, isBlock) && keysAre(data, ['blocks']);
}
