/**
 * Whether what the parse cache gives back for a workbook has a workbook's shape (spreadsheet/
 * types.ts): sheets of rows of cells, merges, the reader's messages. Checked by hand, field by
 * field, so that a run served by the cache need not load the schema library for it; anything
 * else (a missing field, a wrong type, a row number of 0) is a miss and the file is read again.
 */
import type { Workbook } from './spreadsheet/index.js';

type Plain = Record<string, unknown>;

const isObject = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) > 0;
const optional = (v: unknown, test: (v: unknown) => boolean): boolean => v === undefined || test(v);
const everyOf = (v: unknown, test: (item: unknown) => boolean): boolean => Array.isArray(v) && v.every(test);

function isCellValue(v: unknown): boolean {
  if (isString(v) || isNumber(v) || typeof v === 'boolean') return true;
  return isObject(v) && v.kind === 'date' && isString(v.date) && optional(v.time, isString) && isNumber(v.serial);
}

const isCell = (c: unknown): boolean =>
  isObject(c) &&
  isCount(c.column) &&
  isString(c.letter) &&
  isString(c.ref) &&
  isCellValue(c.value) &&
  isString(c.text) &&
  optional(c.formula, isString) &&
  optional(c.unusable, (u) => u === 'error' || u === 'formula-without-value');

const isRow = (r: unknown): boolean => isObject(r) && isCount(r.number) && everyOf(r.cells, isCell);

const isPlace = (p: unknown): boolean => isObject(p) && isNumber(p.row) && isNumber(p.column);
const isMerge = (m: unknown): boolean => isObject(m) && isString(m.ref) && isPlace(m.first) && isPlace(m.last);

const isSheet = (s: unknown): boolean => isObject(s) && isString(s.name) && everyOf(s.rows, isRow) && everyOf(s.merges, isMerge);

const isMessage = (d: unknown): boolean => isObject(d) && isString(d.code) && (d.severity === 'error' || d.severity === 'warning') && isString(d.message);

export function isCachedWorkbook(data: unknown): data is Workbook {
  return isObject(data) && everyOf(data.sheets, isSheet) && everyOf(data.diagnostics, isMessage) && optional(data.format, isString);
}
