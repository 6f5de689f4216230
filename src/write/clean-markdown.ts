// The clean Markdown (report.md) written from the report document: no markdown-it here, so that
// writing it does not load the parser (a build whose document the parse cache kept loads none).
import type { Inline, ParagraphKind, ReportDocument, TableBlock, TableCell } from './blocks.js';

// ── Clean Markdown (report.md) ────────────────────────────────────────────────────────────────
// The marked Markdown is the templates' language; report.md is for people to paste anywhere
// (a CMS, GitHub, an e-mail), so it has plain CommonMark/GFM only: headings, bold, paragraphs,
// tables, and none of the {.class} markup.

/** Characters that would start markup in running text. */
const SPECIAL = /[\\`*_[\]<>|~]/g;
const escapeText = (text: string): string => text.replace(SPECIAL, (c) => `\\${c}`);

/** Escapes what would make a paragraph's start read as a heading, list, quote or rule. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/**
 * `**text**` that closes and opens under CommonMark's flanking rules as GitHub applies them (without
 * the CJK extension): `**强化理论武装。**把` stays literal there, because a `**` after punctuation
 * and before a letter does not close. Punctuation at the edge of the bold text moves outside it
 * until the delimiters flank (`**强化理论武装**。把`), which reads the same.
 */
function strong(text: string, before: string, after: string): string {
  let lead = '';
  let body = text;
  let trail = '';
  const opens = () => {
    const next = body.charAt(0);
    const prev = (lead || before).slice(-1);
    return next !== '' && !SPACE.test(next) && (!PUNCTUATION.test(next) || prev === '' || SPACE.test(prev) || PUNCTUATION.test(prev));
  };
  const closes = () => {
    const prev = body.slice(-1);
    const next = (trail || after).charAt(0);
    return prev !== '' && !SPACE.test(prev) && (!PUNCTUATION.test(prev) || next === '' || SPACE.test(next) || PUNCTUATION.test(next));
  };
  while (!closes() && [...body].length > 1) {
    const last = [...body].pop()!;
    body = body.slice(0, -last.length);
    trail = last + trail;
  }
  while (!opens() && [...body].length > 1) {
    const first = [...body][0]!;
    body = body.slice(first.length);
    lead += first;
  }
  return `${escapeText(lead)}**${escapeText(body)}**${escapeText(trail)}`;
}

/** A paragraph's inlines as Markdown: bold for lead sentences and run-in headings, a backslash
 * line break where the paragraph has one. */
function inlinesToMarkdown(inlines: readonly Inline[]): string {
  const text = (i: number): string => {
    const inline = inlines[i];
    return inline?.type === 'text' ? inline.text : '';
  };
  return inlines
    .map((inline, i) => {
      if (inline.type === 'break') return '\\\n';
      if (inline.role === 'plain' || inline.text.trim() === '') return escapeText(inline.text);
      return strong(inline.text, text(i - 1).slice(-1), text(i + 1).charAt(0));
    })
    .join('');
}

const cellText = (cell: TableCell | undefined): string =>
  inlinesToMarkdown((cell?.inlines ?? []).filter((i) => i.type === 'text')).replace(/\n/g, ' ') || ' ';

const DELIMITER: Record<string, string> = { left: ':---', center: ':---:', right: '---:', justify: '---' };

function tableToMarkdown(table: TableBlock): string {
  const columns = Math.max(table.header.length, ...table.rows.map((r) => r.length), 1);
  const row = (cells: TableCell[]) => `| ${Array.from({ length: columns }, (_, c) => cellText(cells[c])).join(' | ')} |`;
  // A column's alignment is the one its body cells carry (all from the same delimiter cell).
  const align = Array.from({ length: columns }, (_, c) => {
    const a = table.rows.find((r) => r[c]?.alignment)?.[c]?.alignment ?? table.header[c]?.alignment;
    return a ? DELIMITER[a]! : '---';
  });
  const lines = [row(table.header), `| ${align.join(' | ')} |`, ...table.rows.map(row)];
  return [...(table.caption ? [escapeLineStart(inlinesToMarkdown(table.caption))] : []), lines.join('\n')].join('\n\n');
}

const HEADING_MARK: Partial<Record<ParagraphKind, string>> = { title: '# ', heading1: '## ', heading2: '### ', heading3: '#### ' };

/** The document as clean, portable Markdown (report.md). */
export function toMarkdown(doc: ReportDocument): string {
  const parts = doc.blocks.map((block) => {
    if (block.type === 'table') return tableToMarkdown(block);
    const mark = HEADING_MARK[block.kind];
    // Headings are one line: a title's line breaks are layout, not content.
    if (mark) return mark + inlinesToMarkdown(block.inlines.filter((i) => i.type === 'text')).replace(/\s*\n\s*/g, '');
    return escapeLineStart(inlinesToMarkdown(block.inlines));
  });
  return `${parts.join('\n\n')}\n`;
}
