/**
 * Finds a table's header row and what each column holds. Real exports put a merged title row
 * (“2023年提案台账”) and sometimes a date line above the header, and some have two header rows
 * (“办理情况” over “主办单位”“会办单位”), so the header is the row among the first few that names
 * the most known columns, with merged cells counted as filling their whole range.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/catalogue.js';
import { cellRef } from './address.js';
import { editDistance } from '../../diagnostics/nearest.js';
import { normalizeHeader } from './normalize.js';
import { isBlank, type CellType } from './cell-types.js';
import type { Sheet } from './types.js';

/** A column a record kind expects in its ledger. */
export interface ColumnSpec {
  /** The record's field, e.g. `title`. */
  field: string;
  /** The names the column goes by, the usual one first, e.g. ['案由', '提案案由', '标题']. */
  headers: readonly string[];
  type: CellType;
  required?: boolean;
  /** What the column holds, in Chinese, for messages. */
  description?: string;
}

/** Rows searched for the header. */
const HEADER_SCAN_ROWS = 10;

export interface Header {
  /** The header row, and the first row of data (after a second header row merged into it). */
  row: number;
  dataStart: number;
  /** Column number → the spec it holds; a column named twice keeps its first. */
  columns: Map<number, ColumnSpec>;
  diagnostics: Diagnostic[];
}

/** A row number the export added (序号): never a field, never a column to map. */
const ROW_NUMBER_HEADERS = new Set(['序号', '序', '行号', 'no', 'no.', '#']);
/** Remarks: free text no figure uses, read by people only. */
const NOTES_HEADERS = new Set(['备注', '附注', '说明', '备注说明']);

/** `kind` is the record kind's key, for the YAML an unknown column's hint offers to paste. */
export function findHeader(sheet: Sheet, specs: readonly ColumnSpec[], file: string, kind?: string): Header | Diagnostic {
  const known = knownHeaders(specs);
  const grid = headerGrid(sheet);
  let best: { row: number; score: number } | undefined;
  for (const [row, texts] of grid) {
    const fields = new Set<string>();
    for (const text of texts.values()) {
      const spec = known.get(normalizeHeader(text));
      if (spec) fields.add(spec.field);
    }
    if (fields.size > 0 && (!best || fields.size > best.score)) best = { row, score: fields.size };
  }
  if (!best) {
    const list = specs.map((s) => s.headers[0]).join('、');
    return diagnostic('headerRowMissing', { rows: HEADER_SCAN_ROWS, known: list }, { file, sheet: sheet.name, line: 1, column: 1, cell: 'A1' });
  }
  const row = best.row;
  // A header cell merged down over the next rows makes them part of the header (a second header row).
  const blockEnd = sheet.merges.filter((m) => m.first.row <= row && m.last.row >= row).reduce((end, m) => Math.max(end, m.last.row), row);
  const header: Header = { row, dataStart: blockEnd + 1, columns: new Map(), diagnostics: [] };
  const at = (column: number) => ({ file, sheet: sheet.name, line: row, column, cell: cellRef(row, column) });
  const firstColumn = new Map<string, number>();
  const columns = new Set<number>();
  for (let r = row; r <= blockEnd; r++) for (const c of grid.get(r)?.keys() ?? []) columns.add(c);
  const unknown: Array<{ text: string; column: number }> = [];
  for (const column of [...columns].sort((a, b) => a - b)) {
    const texts = [];
    for (let r = blockEnd; r >= row; r--) {
      const text = grid.get(r)?.get(column);
      if (text !== undefined && normalizeHeader(text) !== '') texts.push(text);
    }
    const matched = texts.map((t) => known.get(normalizeHeader(t))).find((s) => s !== undefined);
    if (!matched) {
      // The sub-header (the row nearest the data) names the column, not the group above it.
      const text = texts[0];
      if (text !== undefined) unknown.push({ text, column });
      continue;
    }
    const first = firstColumn.get(matched.field);
    if (first !== undefined) {
      header.diagnostics.push(diagnostic('duplicateColumn', { header: matched.headers[0]!, first: cellRef(row, first) }, at(column)));
      continue;
    }
    firstColumn.set(matched.field, column);
    header.columns.set(column, matched);
  }
  for (const { text, column } of unknown) {
    const name = normalizeHeader(text);
    if (ROW_NUMBER_HEADERS.has(name)) continue;
    const count = filledCells(sheet, header.dataStart, column);
    if (NOTES_HEADERS.has(name)) header.diagnostics.push(diagnostic('notesColumn', { header: text.replace(/\s+/g, ''), count }, at(column)));
    else header.diagnostics.push(unknownColumn(text, specs, known, new Set(firstColumn.keys()), { count, kind }, at(column)));
  }
  for (const spec of specs) {
    if (spec.required && !firstColumn.has(spec.field)) {
      header.diagnostics.push(diagnostic('requiredColumnMissing', { header: spec.headers[0]!, aliases: spec.headers.slice(1).join('、') }, at(1)));
    }
  }
  return header;
}

/** Normalised header → spec. Two specs claiming one header is a programming error. */
export function knownHeaders(specs: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const known = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    if (spec.headers.length === 0) throw new Error(`readTable: column ${spec.field} has no header`);
    for (const h of spec.headers) {
      const key = normalizeHeader(h);
      const other = known.get(key);
      if (other && other !== spec) throw new Error(`readTable: header ${h} belongs to both ${other.field} and ${spec.field}`);
      known.set(key, spec);
    }
  }
  return known;
}

/** A header row's names, column 1 to its last: each cell's text, or that of a range merged over it (序号 merged down two rows). */
export function headerTexts(sheet: Sheet, row: number): string[] {
  const texts = headerGrid(sheet).get(row) ?? new Map<number, string>();
  const last = Math.max(0, ...texts.keys());
  return Array.from({ length: last }, (_, i) => texts.get(i + 1)?.trim() ?? '');
}

/** Texts of the first rows by row and column, each merged range's text filling the whole range. */
function headerGrid(sheet: Sheet): Map<number, Map<number, string>> {
  const grid = new Map<number, Map<number, string>>();
  const rows = sheet.rows.slice(0, HEADER_SCAN_ROWS);
  const last = rows[rows.length - 1]?.number ?? 0;
  for (const row of rows) grid.set(row.number, new Map(row.cells.map((c) => [c.column, c.text])));
  for (const m of sheet.merges) {
    const text = grid.get(m.first.row)?.get(m.first.column);
    if (text === undefined || m.first.row > last) continue;
    // Bounded by the scanned rows and by a sheet's real width, however large a hostile range is.
    const lastColumn = Math.min(m.last.column, m.first.column + 256);
    for (let r = m.first.row; r <= Math.min(m.last.row, last); r++) {
      const texts = grid.get(r) ?? new Map<number, string>();
      grid.set(r, texts);
      for (let c = m.first.column; c <= lastColumn; c++) if (!texts.has(c)) texts.set(c, text);
    }
  }
  return new Map([...grid].sort((a, b) => a[0] - b[0]));
}

function unknownColumn(
  text: string,
  specs: readonly ColumnSpec[],
  known: Map<string, ColumnSpec>,
  filled: ReadonlySet<string>,
  more: { count: number; kind?: string },
  at: Parameters<typeof diagnostic>[2],
): Diagnostic {
  const written = normalizeHeader(text);
  let near: ColumnSpec | undefined;
  let nearName: string | undefined;
  let nearest = Infinity;
  for (const [key, spec] of known) {
    // A field another column already fills is no suggestion: mapping to it would make a second column of it.
    if (filled.has(spec.field)) continue;
    const distance = editDistance(written, key);
    const close = distance <= Math.max(1, Math.floor(Math.max(written.length, key.length) / 3)) || (key.length >= 2 && written.length >= 2 && (written.includes(key) || key.includes(written)));
    if (close && distance < nearest) {
      nearest = distance;
      near = spec;
      nearName = spec.headers.find((h) => normalizeHeader(h) === key) ?? spec.headers[0];
    }
  }
  const header = text.replace(/\s+/g, '');
  const list = specs.map((s) => s.headers[0]).join('、');
  return diagnostic(
    'unknownColumn',
    { header, known: list, count: more.count, ...(nearName ? { near: nearName } : {}), ...(more.kind ? { kind: more.kind } : {}), ...(near ? { field: near.field } : {}) },
    at,
  );
}

/** Non-blank cells of a column below the header. */
function filledCells(sheet: Sheet, from: number, column: number): number {
  let n = 0;
  for (const row of sheet.rows) {
    if (row.number < from) continue;
    const cell = row.cells.find((c) => c.column === column);
    if (cell && !isBlank(cell)) n++;
  }
  return n;
}
