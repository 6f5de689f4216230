// The report as blocks that know their role: what every writer (DOCX, HTML, PDF, clean Markdown) is handed.
import type { Alignment } from '../domain/layout.js';

/** What a paragraph is in the report; each kind has its own paragraph style. */
export type ParagraphKind =
  | 'title'
  | 'subtitle'
  | 'speaker'
  | 'salutation'
  | 'body'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'caption'
  /** 附件说明: 附件：1.…, after the body (GB/T 9704 7.3.4). */
  | 'annexNote'
  /** 附件1: the label at the top left of an annex's first page, which starts a new page. */
  | 'annexLabel';

/** plain text, a bold lead sentence (**…**), or a run-in heading (**…**{.run-in}). */
export type RunRole = 'plain' | 'lead' | 'runIn';

export type Inline = { type: 'text'; text: string; role: RunRole } | { type: 'break' };

export interface ParagraphBlock {
  type: 'paragraph';
  kind: ParagraphKind;
  inlines: Inline[];
}

export interface TableCell {
  inlines: Inline[];
  /** From the Markdown delimiter row (|:--|--:|); undefined when none is given. */
  alignment: Alignment | undefined;
}

export interface TableBlock {
  type: 'table';
  /** The table's title (表题), from a `{.caption}` paragraph or a short label just above it. */
  caption?: Inline[];
  header: TableCell[];
  rows: TableCell[][];
}

export type Block = ParagraphBlock | TableBlock;

export interface DocumentMeta {
  /** Document title (document properties, the HTML <title>, the PDF's title). */
  title: string;
  /** The organisation issuing the report. */
  author: string;
  /** YYYY-MM-DD: the report's date; dates the files' properties (never the clock). */
  date: string;
  /** Simplified (hans) or traditional (hant) script: chooses fonts and language tags. */
  script: 'hans' | 'hant';
}

export interface ReportDocument {
  blocks: Block[];
  meta: DocumentMeta;
}

/** Wide (CJK) characters: a line break inside a paragraph joins them without a space, Latin text with one. */
export const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]/u;

/** The text of runs, line breaks left out. */
export const plainText = (inlines: readonly Inline[]): string => inlines.map((i) => (i.type === 'text' ? i.text : '')).join('');

/** The report's `# ` title as plain text, if it has one. */
export function documentTitle(blocks: readonly Block[]): string | undefined {
  const title = blocks.find((b): b is ParagraphBlock => b.type === 'paragraph' && b.kind === 'title');
  return title ? plainText(title.inlines) : undefined;
}
