/**
 * Formats diagnostics for people (text with the source line and a caret), for machines (one
 * JSON object per line) and for GitHub Actions annotations. Only the CLI formats; stages
 * return plain diagnostics.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayWidth } from '../text-width.js';
import { appendAll } from '../append.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

export interface TextOptions {
  color: boolean;
  /** Reads a file's text to quote the offending line; undefined when unavailable. */
  readSource: (file: string) => string | undefined;
}

const SEVERITY_WORD = { error: '错误', warning: '警告', info: '说明' } as const;

/** A long source line is quoted as this many characters around the column, with “…” marks. */
const QUOTED_LINE = 120;

function paint(on: boolean, code: string, s: string): string {
  return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}

export { displayWidth } from '../text-width.js';

/**
 * Characters that a terminal acts on instead of showing: C0 controls (ESC starts the sequences
 * that retitle or clear a terminal), DEL, C1 controls, and the bidirectional overrides and
 * isolates that reorder what follows them. A data line quoted under a diagnostic is the user's
 * file, which may hold any of them.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/** `s` with each unsafe character written as an escape (\u001b), as catalogue messages quote values. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Column number → spreadsheet letters: 1 → A, 27 → AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Where in a workbook: `［提案］第12行 F列` (the row is `line`, the column letters come from `cell`). */
function sheetPlace(d: Diagnostic & { sheet: string }): string {
  const row = d.line !== undefined ? `第${d.line}行` : '';
  const letters = d.cell?.replace(/\d+$/, '') || (d.column !== undefined ? columnLetters(d.column) : '');
  return `［${d.sheet}］${row}${letters ? `${row ? ' ' : ''}${letters}列` : ''}`;
}

/** `file:line:column`, or for a spreadsheet cell `提案台账.xlsx［提案］第12行 F列`. */
function location(d: Diagnostic): string {
  if (!d.file) return '';
  if (d.sheet !== undefined) return `${d.file}${sheetPlace({ ...d, sheet: d.sheet })}`;
  if (d.line === undefined) return d.file;
  return `${d.file}:${d.line}:${d.column ?? 1}`;
}

/** Line `line` (1-based) of `text`; the last text's lines are kept, as diagnostics come sorted by file. */
let lastText: string | undefined;
let lastLines: string[] = [];
function lineOf(text: string | undefined, line: number): string | undefined {
  if (text === undefined) return undefined;
  if (text !== lastText) [lastText, lastLines] = [text, text.split(/\r?\n/)];
  return lastLines[line - 1];
}

export function formatText(d: Diagnostic, options: TextOptions): string {
  const color = options.color;
  const sev =
    d.severity === 'error' ? paint(color, '31;1', SEVERITY_WORD.error) : d.severity === 'info' ? paint(color, '36', SEVERITY_WORD.info) : paint(color, '33;1', SEVERITY_WORD.warning);
  const where = escapeControls(location(d));
  const lines = [`${where ? paint(color, '1', where) + ' ' : ''}${sev} ${paint(color, '2', d.code)} ${escapeControls(d.message)}`];
  // A spreadsheet is not text: its cell is named, not quoted.
  if (d.file && d.line !== undefined && d.sheet === undefined) {
    const source = lineOf(options.readSource(d.file), d.line);
    if (source !== undefined) appendAll(lines, quoteLine(source, d.line, d.column, color));
  }
  if (d.hint) lines.push(`  ${paint(color, '36', '提示：')}${escapeControls(d.hint)}`);
  return lines.join('\n');
}

/** The source line (a window of it when long) and a caret under `column` (1-based, UTF-16 units as the parsers count). */
function quoteLine(source: string, line: number, column1: number | undefined, color: boolean): string[] {
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  let column = Math.min(source.length, Math.max(0, (column1 ?? 1) - 1));
  let quoted = source;
  let [left, right] = ['', ''];
  if (source.length > QUOTED_LINE) {
    let from = Math.max(0, Math.min(column - QUOTED_LINE / 2, source.length - QUOTED_LINE));
    // Not between the two halves of a surrogate pair.
    if (/[\udc00-\udfff]/.test(source[from] ?? '')) from++;
    let to = Math.min(source.length, from + QUOTED_LINE);
    if (/[\ud800-\udbff]/.test(source[to - 1] ?? '')) to--;
    quoted = source.slice(from, to);
    column = Math.max(0, column - from);
    if (from > 0) left = '…';
    if (to < source.length) right = '…';
  }
  // A tab takes one column, as the parsers count it; every escape takes the columns it prints in.
  const shown = (s: string) => escapeControls(s.replace(/\t/g, ' '));
  const before = left + shown(quoted.slice(0, column));
  return [
    `  ${paint(color, '2', gutter + ' │')} ${left}${shown(quoted)}${right}`,
    `  ${paint(color, '2', pad + ' │')} ${' '.repeat(displayWidth(before))}${paint(color, '31;1', '^')}`,
  ];
}

export function formatJson(d: Diagnostic): string {
  return JSON.stringify({
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    code: d.code,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? null,
    path: d.path ?? null,
    sheet: d.sheet ?? null,
    cell: d.cell ?? null,
  });
}

/** GitHub Actions workflow command; newlines and % must be escaped in the message. */
export function formatGithub(d: Diagnostic): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  // A workbook has no lines to annotate in GitHub's view of the file: the sheet and cell go into the title.
  const inSheet = d.sheet !== undefined;
  const props = [
    d.file ? `file=${prop(escapeControls(d.file))}` : '',
    d.line !== undefined && !inSheet ? `line=${d.line}` : '',
    d.column !== undefined && !inSheet ? `col=${d.column}` : '',
    `title=${prop(d.sheet !== undefined ? `${d.code} ${sheetPlace({ ...d, sheet: d.sheet })}` : d.code)}`,
  ].filter(Boolean);
  const message = d.hint ? `${escapeControls(d.message)}\n提示：${escapeControls(d.hint)}` : escapeControls(d.message);
  return `::${d.severity === 'error' ? 'error' : d.severity === 'info' ? 'notice' : 'warning'} ${props.join(',')}::${escape(message)}`;
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors === 0 && warnings === 0) return '没有发现问题。';
  return `发现 ${errors} 个错误、${warnings} 个警告。`;
}
