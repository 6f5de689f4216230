/**
 * Formats diagnostics for people (text with the source line and a caret), for machines (one
 * JSON object per line) and for GitHub Actions annotations. Only the CLI formats; stages
 * return plain diagnostics.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

export interface TextOptions {
  color: boolean;
  /** Reads a file's text to quote the offending line; undefined when unavailable. */
  readSource: (file: string) => string | undefined;
}

const SEVERITY_WORD = { error: '错误', warning: '警告' } as const;

/** A long source line is quoted as this many characters around the column, with “…” marks. */
const QUOTED_LINE = 120;

function paint(on: boolean, code: string, s: string): string {
  return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}

/** Terminal columns taken by `s`: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

export function location(d: Diagnostic): string {
  if (!d.file) return '';
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
  const sev = d.severity === 'error' ? paint(color, '31;1', SEVERITY_WORD.error) : paint(color, '33;1', SEVERITY_WORD.warning);
  const where = location(d);
  const lines = [`${where ? paint(color, '1', where) + ' ' : ''}${sev} ${paint(color, '2', d.code)} ${d.message}`];
  if (d.file && d.line !== undefined) {
    const source = lineOf(options.readSource(d.file), d.line);
    if (source !== undefined) {
      const gutter = String(d.line);
      const pad = ' '.repeat(gutter.length);
      let column = Math.max(0, (d.column ?? 1) - 1);
      let quoted = source;
      let [left, right] = ['', ''];
      if (source.length > QUOTED_LINE) {
        const from = Math.max(0, Math.min(column - QUOTED_LINE / 2, source.length - QUOTED_LINE));
        quoted = source.slice(from, from + QUOTED_LINE);
        column -= from;
        if (from > 0) left = '…';
        if (from + QUOTED_LINE < source.length) right = '…';
      }
      const chars = [...quoted.replace(/\t/g, ' ')];
      const before = left + chars.slice(0, column).join('');
      lines.push(`  ${paint(color, '2', gutter + ' │')} ${left}${chars.join('')}${right}`);
      lines.push(`  ${paint(color, '2', pad + ' │')} ${' '.repeat(displayWidth(before))}${paint(color, '31;1', '^')}`);
    }
  }
  if (d.hint) lines.push(`  ${paint(color, '36', '提示：')}${d.hint}`);
  return lines.join('\n');
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
  });
}

/** GitHub Actions workflow command; newlines and % must be escaped in the message. */
export function formatGithub(d: Diagnostic): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = [
    d.file ? `file=${prop(d.file)}` : '',
    d.line !== undefined ? `line=${d.line}` : '',
    d.column !== undefined ? `col=${d.column}` : '',
    `title=${prop(d.code)}`,
  ].filter(Boolean);
  const message = d.hint ? `${d.message}\n提示：${d.hint}` : d.message;
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escape(message)}`;
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return '没有发现问题。';
  return `发现 ${errors} 个错误、${warnings} 个警告。`;
}
