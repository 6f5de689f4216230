/**
 * readTable: one sheet → records, one per row below the header, each field typed by its column's
 * spec. Every problem is a diagnostic at its cell (file, sheet, row, column, `F12`), all of them
 * in one run; a blank cell is an absent field, a blank row is no record.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/catalogue.js';
import { cellRef, columnLetter } from './address.js';
import { isBlank, parseCell } from './cell-types.js';
import { type ColumnSpec, findHeader, knownHeaders } from './header.js';
import { squash, trimCell } from './normalize.js';
import { describeSkipped, skipReason, type SkipReason } from './skip-rows.js';
import type { Cell, Sheet } from './types.js';

export type { CellType } from './cell-types.js';
export type { ColumnSpec } from './header.js';

export interface TableRecord {
  /** The row's number, as Excel shows it. */
  row: number;
  /** Field → value; blank cells are absent, never null. */
  value: Record<string, unknown>;
  /** Where each of the table's fields is, to place later problems (a wrong category) at their cell. */
  columns: Record<string, { column: number; letter: string }>;
}

export interface TableOptions {
  /** Diagnostics of one code listed before the rest are only counted (RPT732). */
  maxPerCode?: number;
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export interface Table {
  records: TableRecord[];
  diagnostics: Diagnostic[];
  /** The header's row (where a problem of a whole column is placed); absent when none was found. */
  headerRow?: number;
}

export function readTable(sheet: Sheet, spec: readonly ColumnSpec[], where: { file: string; kind?: string }, options: TableOptions = {}): Table {
  const fields = new Set<string>();
  for (const s of spec) {
    // Programming errors in the spec, not problems of the data.
    if (RESERVED.has(s.field) || fields.has(s.field)) throw new Error(`readTable: ${s.field} cannot be a field name here`);
    fields.add(s.field);
  }
  knownHeaders(spec);
  const header = findHeader(sheet, spec, where.file, where.kind);
  if ('code' in header) return { records: [], diagnostics: [header] };
  const sink = new Capped(options.maxPerCode ?? 20, { file: where.file, sheet: sheet.name });
  header.diagnostics.forEach((d) => sink.push(d));
  const choices = new Map(spec.map((s) => [s.field, s.type.kind === 'choice' ? choiceMap(s.type.values) : undefined]));
  const columns: TableRecord['columns'] = {};
  for (const [column, s] of header.columns) columns[s.field] = { column, letter: columnLetter(column) };
  // One object for every record: frozen, so that no caller changes it for all of them.
  Object.freeze(columns);
  reportMerges(sheet, header, sink, where.file);
  const records: TableRecord[] = [];
  const skipped: Array<{ row: number; why: SkipReason }> = [];
  const tableColumns = new Set(header.columns.keys());
  const byColumn = new Map<number, Cell>();
  for (const row of sheet.rows) {
    if (row.number < header.dataStart) continue;
    // A row blank in every column of the table, a 合计 row or a note is no record, whatever else it holds.
    const why = skipReason(row.cells, tableColumns);
    if (why) {
      skipped.push({ row: row.number, why });
      continue;
    }
    byColumn.clear();
    for (const c of row.cells) byColumn.set(c.column, c);
    const value: Record<string, unknown> = {};
    for (const [column, s] of header.columns) {
      const cell = byColumn.get(column);
      // Made only for a problem: most cells have none.
      const at = () => ({ file: where.file, sheet: sheet.name, line: row.number, column, cell: cellRef(row.number, column), path: s.field });
      const name = s.headers[0]!;
      if (cell?.unusable === 'formula-without-value') sink.push(diagnostic('cellFormulaWithoutValue', { formula: cell.formula ?? '' }, at()));
      else if (cell?.unusable === 'error') sink.push(diagnostic('cellErrorValue', { value: cell.text }, at()));
      else if (cell === undefined || isBlank(cell)) {
        if (s.required) sink.push(diagnostic('requiredCellBlank', { header: name }, at()));
      } else {
        const parsed = parseCell(cell, s.type, choices.get(s.field));
        if (parsed.ok) value[s.field] = parsed.value;
        else sink.push(cellProblem(parsed, name, cell, at()));
      }
    }
    records.push({ row: row.number, value, columns });
  }
  // Blank rows after the last record are the sheet's end, not worth a word.
  const last = records[records.length - 1]?.row ?? 0;
  const told = skipped.filter((s) => s.why !== '空行' || s.row < last);
  if (told.length > 0) sink.push(diagnostic('rowsSkipped', { count: told.length, rows: describeSkipped(told) }, { file: where.file, sheet: sheet.name, line: told[0]!.row, column: 1, cell: cellRef(told[0]!.row, 1) }));
  return { records, diagnostics: sink.done(), headerRow: header.row };
}

/** The sheet (of several) whose header names the most of the spec's columns; undefined when none names any. */
export function bestSheet(sheets: readonly Sheet[], spec: readonly ColumnSpec[]): Sheet | undefined {
  let best: { sheet: Sheet; score: number } | undefined;
  for (const sheet of sheets) {
    const header = findHeader(sheet, spec, '');
    const score = 'code' in header ? 0 : header.columns.size;
    if (score > 0 && (!best || score > best.score)) best = { sheet, score };
  }
  return best?.sheet;
}

function cellProblem(parsed: { problem: string; serial?: string }, header: string, cell: Cell, at: Parameters<typeof diagnostic>[2]): Diagnostic {
  const value = trimCell(cell.text);
  switch (parsed.problem) {
    case 'date':
      return diagnostic('cellBadDate', parsed.serial ? { header, value, serial: parsed.serial } : { header, value }, at);
    case 'boolean':
      return diagnostic('cellBadBoolean', { header, value }, at);
    case 'count':
      return diagnostic('cellBadCount', { header, value }, at);
    default:
      return diagnostic('cellBadDecimal', { header, value }, at);
  }
}

/** A merged block over several records holds its value in the first only: the others would silently lack it. */
function reportMerges(sheet: Sheet, header: { dataStart: number; columns: Map<number, ColumnSpec> }, sink: Capped, file: string): void {
  for (const m of sheet.merges) {
    if (m.first.row < header.dataStart || m.last.row === m.first.row) continue;
    if (![...header.columns.keys()].some((c) => c >= m.first.column && c <= m.last.column)) continue;
    const at = { file, sheet: sheet.name, line: m.first.row, column: m.first.column, cell: cellRef(m.first.row, m.first.column) };
    sink.push(diagnostic('mergedAcrossRecords', { range: m.ref, count: m.last.row - m.first.row + 1 }, at));
  }
}

function choiceMap(values: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(values).map(([written, canonical]) => [squash(written), canonical]));
}

/** Keeps the first few diagnostics of each code and counts the rest: 6,000 rows of one wrong date format are one fix. */
class Capped {
  private readonly kept: Diagnostic[] = [];
  private readonly counts = new Map<string, number>();
  constructor(
    private readonly max: number,
    private readonly where: { file: string; sheet: string },
  ) {}
  push(d: Diagnostic): void {
    const n = (this.counts.get(d.code) ?? 0) + 1;
    this.counts.set(d.code, n);
    if (n <= this.max) this.kept.push(d);
  }
  done(): Diagnostic[] {
    const out = [...this.kept];
    for (const [code, n] of this.counts) if (n > this.max) out.push(diagnostic('moreProblems', { count: n - this.max, code }, this.where));
    return out;
  }
}
