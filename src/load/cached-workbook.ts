/**
 * A workbook as the parse cache keeps it, and back. A sheet of cells read from a ledger is a few
 * thousand small objects; kept as they are in JSON, most of an entry would be what each cell's
 * column and row already say (`"letter":"F","ref":"F12"`) and a text that repeats the value. So a
 * cell is kept as [column, value], with its text, formula and unusable mark after only when they
 * add something, and a row as [number, cells]: the bundled proposal ledger's entry is a fifth of
 * the size, and reading it back a fraction of the time.
 *
 * What the cache gives back is checked by hand, field by field (no schema library need be loaded
 * for it): anything else (a missing field, a wrong type, a row number of 0) is a miss, and the
 * file is read again.
 */
import { columnLetter } from './spreadsheet/address.js';
import type { Cell, CellRange, CellValue, Row, Sheet, Workbook } from './spreadsheet/index.js';
import { everyOf, isCount, isMessageOf, isNumber, isObject, isString, optional } from './kept-shape.js';

/** [column, value] | [column, value, text] | [column, value, text, formula] | [column, value, text, formula, unusable]; null where a later field follows an absent one (text null: the value itself). */
type KeptCell = [number, CellValue, (string | null)?, (string | null)?, Cell['unusable']?];
interface KeptSheet {
  name: string;
  rows: Array<[number, KeptCell[]]>;
  merges: CellRange[];
}
export interface KeptWorkbook {
  sheets: KeptSheet[];
  diagnostics: Workbook['diagnostics'];
  format?: Workbook['format'];
}

function keptCell(cell: Cell): KeptCell {
  const kept: KeptCell = [cell.column, cell.value];
  const text = cell.text === cell.value ? null : cell.text;
  if (cell.unusable !== undefined) kept.push(text, cell.formula ?? null, cell.unusable);
  else if (cell.formula !== undefined) kept.push(text, cell.formula);
  else if (text !== null) kept.push(text);
  return kept;
}

/** The workbook in the form the cache keeps. */
export function keptWorkbook(workbook: Workbook): KeptWorkbook {
  return {
    sheets: workbook.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [row.number, row.cells.map(keptCell)]), merges: sheet.merges })),
    diagnostics: workbook.diagnostics,
    ...(workbook.format !== undefined ? { format: workbook.format } : {}),
  };
}

/** The workbook again, with each cell in the one literal shape the readers make. */
export function workbookFromKept(kept: KeptWorkbook): Workbook {
  const sheets: Sheet[] = kept.sheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.map(([number, cells]): Row => ({
      number,
      cells: cells.map(([column, value, text, formula, unusable]) => {
        const letter = columnLetter(column);
        const cell: Cell = { column, letter, ref: letter + number, value, text: text ?? (value as string) };
        if (typeof formula === 'string') cell.formula = formula;
        if (unusable !== undefined) cell.unusable = unusable;
        return cell;
      }),
    })),
    merges: sheet.merges,
  }));
  return { sheets, diagnostics: kept.diagnostics, ...(kept.format !== undefined ? { format: kept.format } : {}) };
}

function isCellValue(v: unknown): boolean {
  if (isString(v) || isNumber(v) || typeof v === 'boolean') return true;
  return isObject(v) && v.kind === 'date' && isString(v.date) && optional(v.time, isString) && isNumber(v.serial);
}

const isCell = (c: unknown): boolean => {
  if (!Array.isArray(c) || c.length < 2 || c.length > 5 || !isCount(c[0]) || !isCellValue(c[1])) return false;
  const [, value, text, formula, unusable] = c as unknown[];
  // A text left out is the value's own: only a string value can stand for it.
  if (!(text === undefined || text === null ? isString(value) : isString(text))) return false;
  return (formula === undefined || formula === null || isString(formula)) && (unusable === undefined || unusable === 'error' || unusable === 'formula-without-value');
};

const isRow = (r: unknown): boolean => Array.isArray(r) && r.length === 2 && isCount(r[0]) && everyOf(r[1], isCell);

const isPlace = (p: unknown): boolean => isObject(p) && isNumber(p.row) && isNumber(p.column);
const isMerge = (m: unknown): boolean => isObject(m) && isString(m.ref) && isPlace(m.first) && isPlace(m.last);

const isSheet = (s: unknown): boolean => isObject(s) && isString(s.name) && everyOf(s.rows, isRow) && everyOf(s.merges, isMerge);

const isMessage = isMessageOf(['error', 'warning']);

/** What reading a workbook said, kept apart from its cells (load/sheets.ts). */
export function isKeptMessages(data: unknown): data is { diagnostics: Workbook['diagnostics'] } {
  return isObject(data) && everyOf(data.diagnostics, isMessage);
}

/** Whether what the cache gave back has the kept workbook's shape. */
export function isKeptWorkbook(data: unknown): data is KeptWorkbook {
  return isObject(data) && everyOf(data.sheets, isSheet) && everyOf(data.diagnostics, isMessage) && optional(data.format, isString);
}
