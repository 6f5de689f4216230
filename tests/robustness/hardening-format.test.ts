/**
 * The formatter (cli/format.ts) with hostile data lines and spreadsheet locations: a data line
 * quoted under a diagnostic must not act on the terminal, and the caret must stay under the
 * column the diagnostic names.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { displayWidth, escapeControls, formatGithub, formatJson, formatText } from '../../src/cli/format.js';

const base: Diagnostic = { code: 'RPT203', severity: 'error', message: '“filing”的值“立项”不在允许范围内', hint: '可用的值：立案。' };

function text(line: string, column: number, extra: Partial<Diagnostic> = {}): string[] {
  const d: Diagnostic = { ...base, file: 'data/2023/proposals.yaml', line: 2, column, ...extra };
  return formatText(d, { color: false, readSource: () => `第一行\n${line}\n第三行` }).split('\n');
}

/** Everything a terminal would act on: C0 but tab, DEL, C1, bidirectional controls. */
const ACTIVE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** The column (in terminal cells, 0-based) of the caret, and of `needle` in the quoted line. */
function columns(lines: string[], needle: string): { caret: number; needle: number } {
  const quoted = lines[1]!;
  const caretLine = lines[2]!;
  return { caret: displayWidth(caretLine.slice(0, caretLine.indexOf('^'))), needle: displayWidth(quoted.slice(0, quoted.indexOf(needle))) };
}

describe('terminal escapes in a quoted data line', () => {
  it.each([
    ['an OSC sequence that retitles the terminal', '  - {title: "\u001b]0;被改的标题\u0007", filing: 立项}'],
    ['a sequence that clears the screen', '  - {title: "\u001b[2J\u001b[H清屏", filing: 立项}'],
    ['a carriage return that overwrites the line', '  - {title: 伪造\r的内容, filing: 立项}'],
    ['C1 controls (CSI as one character)', '  - {title: "\u009b2J\u0085", filing: 立项}'],
    ['DEL and a backspace', '  - {title: "删\u007f\u0008除", filing: 立项}'],
    ['bidirectional overrides (Trojan Source)', '  - {title: "\u202e立案\u202c\u2066\u2069\u200f", filing: 立项}'],
  ])('%s: escaped, the caret still under the value', (_what, line) => {
    const column = line.indexOf('立项') + 1;
    const lines = text(line, column);
    for (const l of lines) expect(l).not.toMatch(ACTIVE);
    expect(lines[1]).toMatch(/\\(u[0-9a-f]{4}|r)/);
    const at = columns(lines, '立项');
    expect(at.caret).toBe(at.needle);
  });

  it('in a long line cut to a window around the column', () => {
    const line = `  - {title: "${'\u001b[31m红'.repeat(60)}", filing: 立项, note: "${'尾'.repeat(200)}"}`;
    const lines = text(line, line.indexOf('立项') + 1);
    for (const l of lines) expect(l).not.toMatch(ACTIVE);
    const at = columns(lines, '立项');
    expect(at.caret).toBe(at.needle);
  });

  it('in the message, the hint and the file name too', () => {
    const lines = text('x', 1, { message: '值“\u001b]0;x\u0007”', hint: '改为\u009b1m', file: 'data/\u001b[2J.yaml' });
    for (const l of lines) expect(l).not.toMatch(ACTIVE);
    expect(lines[0]).toContain('data/\\u001b[2J.yaml');
  });

  it('leaves ordinary text alone, tabs counted as one column', () => {
    const lines = text('\t- {title: 关于“专精特新”, filing: 立项}', 30);
    expect(lines[1]).toBe('  2 │  - {title: 关于“专精特新”, filing: 立项}');
    expect(escapeControls('普通文字 plain, 61.4%')).toBe('普通文字 plain, 61.4%');
  });

  it('places the caret by UTF-16 columns, as the parsers count them, past characters outside the BMP', () => {
    const line = '  - {title: 𠀋𠀋𠀋, filing: 立项}';
    const at = columns(text(line, line.indexOf('立项') + 1), '立项');
    expect(at.caret).toBe(at.needle);
  });
});

describe('a cell of a spreadsheet', () => {
  const cell: Diagnostic = { ...base, file: '提案台账.xlsx', sheet: '提案', cell: 'F12', line: 12, column: 6 };

  it('is named, not quoted, in text', () => {
    const lines = formatText(cell, { color: false, readSource: () => 'PK\u0003\u0004 binary' }).split('\n');
    expect(lines[0]).toBe('提案台账.xlsx［提案］第12行 F列 错误 RPT203 “filing”的值“立项”不在允许范围内');
    expect(lines[1]).toBe('  提示：可用的值：立案。');
    expect(lines).toHaveLength(2);
    expect(formatText({ ...cell, cell: undefined, column: 28 }, { color: false, readSource: () => undefined }).split('\n')[0]).toContain('［提案］第12行 AB列');
  });

  it('is carried in JSON', () => {
    expect(JSON.parse(formatJson(cell))).toMatchObject({ file: '提案台账.xlsx', sheet: '提案', cell: 'F12', line: 12, column: 6 });
    expect(JSON.parse(formatJson(base))).toMatchObject({ sheet: null, cell: null });
  });

  it('is in the title of a GitHub annotation, which has no line in a workbook', () => {
    const annotation = formatGithub(cell);
    expect(annotation).toMatch(/^::error file=提案台账\.xlsx,title=RPT203 ［提案］第12行 F列::/);
    expect(annotation).not.toContain('line=');
    expect(formatGithub({ ...base, file: 'a.yaml', line: 3, column: 4 })).toMatch(/^::error file=a\.yaml,line=3,col=4,title=RPT203::/);
  });
});
