// The report as a document: blocks that know their role (title, subtitle, speaker, salutation,
// headings, body paragraphs with their lead sentences and run-in headings, tables), read once from
// the marked Markdown the templates write, and handed to every writer (DOCX, HTML, PDF, clean
// Markdown). The marked Markdown is parsed by markdown-it (its token stream is walked here); roles
// come from the heading level and from markdown-it-attrs classes ({.subtitle}, {.speaker},
// {.salutation}, {.caption}, {.run-in}).
import type { Token } from 'markdown-it';
import type { Alignment } from '../domain/layout.js';
import { reportMarkdown as md } from './markdown.js';

export { toMarkdown } from './clean-markdown.js';

export type { ParagraphKind, RunRole, Inline, ParagraphBlock, TableCell, TableBlock, Block, DocumentMeta, ReportDocument } from './blocks.js';
import type { ParagraphKind, RunRole, Inline, ParagraphBlock, TableCell, TableBlock, Block } from './blocks.js';
import { plainText, WIDE } from './blocks.js';

const ROLE_CLASSES = ['subtitle', 'speaker', 'salutation', 'caption'] as const;
/** Roles whose class is not the kind's own name. */
const CLASS_KINDS: Record<string, ParagraphKind> = { 'annex-note': 'annexNote', 'annex-label': 'annexLabel' };
const HEADING_KINDS: Record<string, ParagraphKind> = { h1: 'title', h2: 'heading1', h3: 'heading2' };

const classesOf = (token: Token): string[] => String(token.attrGet('class') ?? '').split(/\s+/).filter(Boolean);

function paragraphKind(open: Token): ParagraphKind {
  if (open.type === 'heading_open') return HEADING_KINDS[open.tag] ?? 'heading3';
  const classes = classesOf(open);
  const named = classes.find((c) => c in CLASS_KINDS);
  if (named) return CLASS_KINDS[named]!;
  return ROLE_CLASSES.find((c) => classes.includes(c)) ?? 'body';
}

function cellAlignment(open: Token): Alignment | undefined {
  const style = String(open.attrGet('style') ?? '');
  if (style.includes('text-align:center')) return 'center';
  if (style.includes('text-align:right')) return 'right';
  if (style.includes('text-align:left')) return 'left';
  return undefined;
}

/** Flattens one inline token's children into text runs with their roles. */
function readInlines(inline: Token, prefix = ''): Inline[] {
  const out: Inline[] = prefix ? [{ type: 'text', text: prefix, role: 'plain' }] : [];
  const roles: RunRole[] = [];
  let pendingSoftBreak = false;
  const lastChar = (): string => {
    const last = out[out.length - 1];
    return last?.type === 'text' ? last.text.slice(-1) : '';
  };
  const pushText = (text: string) => {
    if (text === '') return;
    if (pendingSoftBreak) {
      const joinsWide = WIDE.test(lastChar()) || WIDE.test(text.charAt(0));
      if (!joinsWide && lastChar() !== '') text = ' ' + text;
      pendingSoftBreak = false;
    }
    const role = roles[roles.length - 1] ?? 'plain';
    const last = out[out.length - 1];
    if (last?.type === 'text' && last.role === role) last.text += text;
    else out.push({ type: 'text', text, role });
  };
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        pushText(child.content);
        break;
      case 'strong_open':
        roles.push(classesOf(child).includes('run-in') ? 'runIn' : 'lead');
        break;
      case 'strong_close':
        roles.pop();
        break;
      case 'softbreak':
        pendingSoftBreak = true;
        break;
      case 'hardbreak':
        out.push({ type: 'break' });
        pendingSoftBreak = false;
        break;
      case 'image':
        pushText(child.content);
        break;
      default:
        // em, links, strikethrough: official documents use no italics or links; keep the text only.
        break;
    }
  }
  return out;
}

/** A short line naming a table (附表：…, 提案分类统计表) read as its caption without a {.caption}. */
function isTableLabel(block: Block | undefined): block is ParagraphBlock {
  if (block?.type !== 'paragraph' || block.kind !== 'body') return false;
  if (block.inlines.some((i) => i.type === 'break' || i.role !== 'plain')) return false;
  const text = plainText(block.inlines);
  return [...text].length <= 40 && text.includes('表') && !/[。！？；，、：:]$/.test(text);
}

/** Moves the paragraph just before a table into the table when it is the table's caption, so every
 * writer keeps the two together (a caption alone at a page foot is an error in print). */
function withCaption(blocks: Block[], table: TableBlock): TableBlock {
  const previous = blocks[blocks.length - 1];
  if (previous?.type !== 'paragraph' || !(previous.kind === 'caption' || isTableLabel(previous))) return table;
  blocks.pop();
  return { ...table, caption: previous.inlines };
}

/**
 * The last Markdown parsed in this process and its blocks: a watch session's save that leaves the
 * report's Markdown as it was is not parsed again. Callers get a copy each time, so what one does
 * with its blocks cannot reach the next.
 */
let lastParsed: { markdown: string; parsed: ParsedMarkdown } | undefined;

/** Parses the report Markdown into blocks. Pure; never throws on odd input. */
export function parseReportMarkdown(markdown: string): Block[] {
  return parseReportMarkdownLines(markdown).blocks;
}

/**
 * The report Markdown's blocks, and for each the lines of the Markdown it was read from when it is
 * a paragraph that write/kept-blocks.ts may read again itself after an edit, without parsing.
 */
export interface ParsedMarkdown {
  blocks: Block[];
  /**
   * [first line, line after the last], 0-based, for a block that is a paragraph at the top level,
   * not in a list item, not just above a table (a short one would become its caption); null for
   * any other block.
   */
  paragraphLines: Array<[number, number] | null>;
}

export function parseReportMarkdownLines(markdown: string): ParsedMarkdown {
  if (lastParsed?.markdown !== markdown) lastParsed = { markdown, parsed: parseBlocks(markdown) };
  return structuredClone(lastParsed.parsed);
}

function parseBlocks(markdown: string): ParsedMarkdown {
  const tokens = md.parse(markdown, {});
  const blocks: Block[] = [];
  const paragraphLines: ParsedMarkdown['paragraphLines'] = [];
  let table: TableBlock | undefined;
  let row: TableCell[] | undefined;
  let inHead = false;
  const listCounters: number[] = []; // 0 for bullet lists, next number for ordered ones
  let itemPrefix = '';

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open':
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        if (inline?.type !== 'inline' || table) break;
        const topLevel = token.type === 'paragraph_open' && token.level === 0 && itemPrefix === '' && token.map !== null;
        blocks.push({ type: 'paragraph', kind: paragraphKind(token), inlines: readInlines(inline, itemPrefix) });
        paragraphLines.push(topLevel ? [token.map![0], token.map![1]] : null);
        itemPrefix = '';
        i += 1;
        break;
      }
      case 'code_block':
      case 'fence':
        for (const line of token.content.replace(/\n$/, '').split('\n')) {
          blocks.push({ type: 'paragraph', kind: 'body', inlines: [{ type: 'text', text: line, role: 'plain' }] });
          paragraphLines.push(null);
        }
        break;
      case 'bullet_list_open':
        listCounters.push(0);
        break;
      case 'ordered_list_open':
        listCounters.push(Number(token.attrGet('start') ?? 1));
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listCounters.pop();
        break;
      case 'list_item_open': {
        const n = listCounters[listCounters.length - 1] ?? 0;
        if (n > 0) listCounters[listCounters.length - 1] = n + 1;
        itemPrefix = n > 0 ? `${n}.` : '';
        break;
      }
      case 'table_open':
        table = { type: 'table', header: [], rows: [] };
        break;
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        if (table && row) (inHead ? (table.header = row) : table.rows.push(row));
        row = undefined;
        break;
      case 'th_open':
      case 'td_open': {
        const inline = tokens[i + 1];
        row?.push({ inlines: inline?.type === 'inline' ? readInlines(inline) : [], alignment: cellAlignment(token) });
        break;
      }
      case 'table_close':
        if (table) {
          // The paragraph above a table may be its caption, or become one when its text changes.
          if (paragraphLines.length > 0) paragraphLines[paragraphLines.length - 1] = null;
          const withTitle = withCaption(blocks, table);
          if (withTitle !== table) paragraphLines.pop();
          blocks.push(withTitle);
          paragraphLines.push(null);
        }
        table = undefined;
        break;
      default:
        break;
    }
  }
  return { blocks, paragraphLines };
}

export { documentTitle } from './blocks.js';
