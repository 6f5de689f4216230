/**
 * The one file that talks to the spreadsheet library (SheetJS Community Edition, from the
 * `@e965/xlsx` registry mirror; see the commit that added it for why). It gets only bytes we
 * have checked (zip-guard.ts, census.ts) and options that keep it to reading values: no formula
 * is evaluated (the library has no evaluator; we read the result Excel saved), no macro, link,
 * picture or document property is loaded. The library is loaded on the first workbook read: it
 * costs more start-up time than anything else the report uses, and most folders hold only YAML.
 */
import { createRequire } from 'node:module';
import type * as XLSXModule from '@e965/xlsx';
import { columnLetter, rangeRef } from './address.js';
import { knownDateText, isKnownDateFormat } from './date-formats.js';
import { excelDate } from './excel-date.js';
import type { Cell, CellRange, Row, Sheet } from './types.js';

type XLSX = typeof XLSXModule;
let loaded: XLSX | undefined;
/**
 * The library, required on first use (reading is synchronous, so require, not import()): its ES
 * module build, which the report has always read with, made CommonJS by scripts/bundle.mjs
 * (dist/bundle/xlsx.cjs, `#xlsx` in package.json's imports). The package's own CommonJS entry
 * would also build the codepage tables of cpexcel.js, 0.2 s of start-up never used.
 */
function library(): XLSX {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  try {
    return (loaded = require('#xlsx') as XLSX);
  } catch (error) {
    // Not bundled yet (a checkout before its first build): the package's own entry.
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    return (loaded = require('@e965/xlsx') as XLSX);
  }
}

export interface LibrarySheets {
  sheets: Sheet[];
  /** Sheets with more rows than the limit (not converted). */
  overfull: string[];
  /** Sheet names refused because they would reach into an object's prototype (`__proto__`). */
  refusedNames: string[];
  /** Sheets the workbook lists whose content the library could not read (a damaged file). */
  unreadable: string[];
  /** Hidden and “very hidden” sheets (not read: what Excel does not show is not counted). */
  hidden: string[];
}

interface LibraryCell {
  t: 's' | 'n' | 'b' | 'e' | 'z' | 'd';
  v?: unknown;
  w?: string;
  z?: string | number;
  f?: string;
}

/** Reads an .xlsx (as repacked by zip-guard.ts) or an .xls. Throws the library's own errors. */
export function readWithLibrary(bytes: Uint8Array, format: 'xlsx' | 'xls', maxRows: number): LibrarySheets {
  const workbook = quietly(() => library().read(bytes, {
    type: 'array',
    dense: true,
    // Formulas only to tell a formula saved without its result; .xls always saves results.
    cellFormula: format === 'xlsx',
    sheetStubs: format === 'xlsx',
    cellHTML: false,
    cellNF: true,
    cellStyles: false,
    cellDates: false,
    bookVBA: false,
    bookFiles: false,
    bookDeps: false,
    bookProps: false,
    // A sheet's declared dimension (`A1:XFD1048576`) is not trusted: the cells are. No
    // sheetRows: it drops rows past the limit silently; census.ts has counted them instead.
    nodim: true,
    WTF: false,
  }));
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const result: LibrarySheets = { sheets: [], overfull: [], refusedNames: [], unreadable: [], hidden: [] };
  const shown = workbook.Workbook?.Sheets ?? [];
  for (const [index, name] of workbook.SheetNames.entries()) {
    // Hidden = 1 (右键“隐藏”) or 2 (“very hidden”, only from VBA): an old copy kept out of sight.
    if (shown[index]?.Hidden) {
      result.hidden.push(name);
      continue;
    }
    // The library files sheets by name in a plain object: a sheet named __proto__ ends up as
    // that object's prototype, not as a sheet. Only own entries are sheets.
    if (name === '__proto__') {
      result.refusedNames.push(name);
      continue;
    }
    if (!Object.hasOwn(workbook.Sheets, name)) {
      result.unreadable.push(name);
      continue;
    }
    const sheet = workbook.Sheets[name] as XLSXModule.WorkSheet & { '!data'?: LibraryCell[][] };
    // Rows that hold values are counted, not the last row's number: one formatted empty cell at
    // A1048576 makes the array that long, with nothing between. (census.ts has bounded the cells.)
    const rows = convertRows(sheet['!data'] ?? [], date1904);
    if (rows.length > maxRows) {
      result.overfull.push(name);
      continue;
    }
    result.sheets.push({ name, rows, merges: convertMerges(sheet['!merges'] ?? []) });
  }
  return result;
}

function convertRows(data: LibraryCell[][], date1904: boolean): Row[] {
  const rows: Row[] = [];
  for (let r = 0; r < data.length; r++) {
    const cells = data[r];
    if (!cells) continue;
    const row: Row = { number: r + 1, cells: [] };
    // Object.keys, not a loop to length: a row with one cell in column XFD has length 16,384.
    for (const key of Object.keys(cells)) {
      const c = Number(key);
      const cell = convertCell(cells[c]!, r + 1, c + 1, date1904);
      if (cell) row.cells.push(cell);
    }
    if (row.cells.length > 0) rows.push(row);
  }
  return rows;
}

function convertCell(raw: LibraryCell, row: number, column: number, date1904: boolean): Cell | undefined {
  let value: Cell['value'];
  let text: string;
  let unusable: Cell['unusable'];
  switch (raw.t) {
    case 's':
      value = typeof raw.v === 'string' ? raw.v : String(raw.v ?? '');
      if (value === '') return undefined;
      text = raw.w ?? value;
      break;
    case 'n': {
      const n = Number(raw.v);
      const format = typeof raw.z === 'string' ? raw.z : undefined;
      const date = format !== undefined && isDateFormat(format) ? excelDate(n, date1904) : undefined;
      value = date ?? n;
      text = date ? displayDate(format!, n, date.date, date1904) : (raw.w ?? String(n));
      break;
    }
    case 'b':
      value = Boolean(raw.v);
      text = value ? 'TRUE' : 'FALSE';
      break;
    case 'e':
      value = text = raw.w ?? '#VALUE!';
      unusable = 'error';
      break;
    case 'z':
      // A stub is an empty cell with a style; with a formula it is a formula saved without its result.
      if (!raw.f) return undefined;
      value = text = '';
      unusable = 'formula-without-value';
      break;
    default:
      if (raw.v === undefined) return undefined;
      value = String(raw.v);
      text = raw.w ?? value;
  }
  // One literal shape for every cell: hundreds of thousands of them are made.
  const letter = columnLetter(column);
  const cell: Cell = { column, letter, ref: letter + row, value, text };
  if (typeof raw.f === 'string') cell.formula = raw.f;
  if (unusable) cell.unusable = unusable;
  return cell;
}

const dateFormats = new Map<string, boolean>();

/** Whether a number format shows a date; remembered, as a ledger has few formats and many cells. */
function isDateFormat(format: string): boolean {
  if (isKnownDateFormat(format)) return true;
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = Boolean(library().SSF.is_date(format));
    if (dateFormats.size < 1000) dateFormats.set(format, known);
  }
  return known;
}

/** As Excel shows a date: the common formats of ledgers as date-formats.ts knows them, the library formats the rest. */
function displayDate(format: string, serial: number, day: string, date1904: boolean): string {
  const known = knownDateText(format, day);
  if (known !== undefined) return known;
  try {
    return library().SSF.format(format, serial, { date1904 }) as string;
  } catch {
    return day;
  }
}

function convertMerges(merges: XLSXModule.Range[]): CellRange[] {
  return merges.map((m) => {
    const first = { row: m.s.r + 1, column: m.s.c + 1 };
    const last = { row: m.e.r + 1, column: m.e.c + 1 };
    return { ref: rangeRef(first, last), first, last };
  });
}

/** The Workbook stream of an .xls, to count its cells before the library reads them; undefined when there is none. */
export function xlsWorkbookStream(bytes: Uint8Array): Uint8Array | undefined {
  const container = quietly(() => library().CFB.read(bytes, { type: 'array' }));
  const entry = library().CFB.find(container, 'Workbook') ?? library().CFB.find(container, 'Book');
  const content = entry?.content as Uint8Array | number[] | undefined;
  if (!content) return undefined;
  return content instanceof Uint8Array ? content : Uint8Array.from(content);
}

/** Names of the streams in an .xls-like container (to tell an encrypted .xlsx or a Word file). */
export function containerStreams(bytes: Uint8Array): string[] {
  const container = quietly(() => library().CFB.read(bytes, { type: 'array' }));
  return container.FullPaths.map((p: string) => p.replace(/\/$/, '').split('/').pop() ?? '');
}

/**
 * Runs the library with the console silenced: on a damaged file it writes English remarks to
 * stderr ("Missing Info for XLS Record 0x3632") instead of failing, and users see only our
 * diagnostics. Synchronous, so nothing else writes while the console is off.
 */
function quietly<T>(run: () => T): T {
  const saved = { error: console.error, warn: console.warn, log: console.log, info: console.info, debug: console.debug };
  const silent = () => undefined;
  Object.assign(console, { error: silent, warn: silent, log: silent, info: silent, debug: silent });
  try {
    return run();
  } finally {
    Object.assign(console, saved);
  }
}
