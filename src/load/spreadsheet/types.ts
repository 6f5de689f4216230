/**
 * What a spreadsheet is once read: sheets of rows of the cells that hold something, the way
 * Excel shows them (1-based rows, lettered columns). Readers of .xlsx, .xls and .csv all end
 * here, so that the table stage (table.ts) never knows which format a ledger came in.
 */

/**
 * A cell Excel shows as a date. Excel stores a day count from 1900-01-00 (or 1904-01-01 in the
 * 1904 system); `date` is that calendar day, computed without any time zone, so a day written in
 * Beijing is the same day on any machine.
 */
export interface ExcelDate {
  kind: 'date';
  /** The calendar day, `YYYY-MM-DD`. */
  date: string;
  /** The time of day, `HH:MM:SS`, when the cell holds one (exports often write 2023-03-05 14:20). */
  time?: string;
  /** Excel's own number for it, in the workbook's date system. */
  serial: number;
}

export type CellValue = string | number | boolean | ExcelDate;

export interface Cell {
  /** 1-based column number: A is 1. */
  column: number;
  /** The column's letters, e.g. `F`. */
  letter: string;
  /** The cell's name, e.g. `F12`. */
  ref: string;
  /** The value Excel saved. Formulas are never evaluated: a formula cell holds its saved result. */
  value: CellValue;
  /** The value as Excel displays it (number formats applied). */
  text: string;
  /** The formula, without its `=`, when the cell holds one. */
  formula?: string;
  /**
   * Set when the cell holds no usable value: an Excel error such as #N/A (value and text are the
   * error's name), or a formula saved without its result (value and text are empty). The table
   * stage reports it only when the column is one it reads.
   */
  unusable?: 'error' | 'formula-without-value';
}

export interface Row {
  /** 1-based, as Excel shows it; for CSV, the record's number (what Excel shows when it opens the file). */
  number: number;
  /** Only the cells that hold something, in column order. */
  cells: Cell[];
}

/** A block of merged cells, e.g. B5:B7. */
export interface CellRange {
  ref: string;
  first: { row: number; column: number };
  last: { row: number; column: number };
}

export interface Sheet {
  name: string;
  /** Only the rows that hold something, in order. */
  rows: Row[];
  merges: CellRange[];
}

export type SpreadsheetFormat = 'xlsx' | 'xls' | 'csv';

/**
 * Bounds on what one file may cost. A hostile or broken file meets one of them and ends in a
 * diagnostic; none comes near a real ledger (a national CPPCC receives about 6,000 proposals a
 * year: a 6,000 × 40 sheet is 240,000 cells, about 10 MB of sheet XML). Reading costs about
 * 800 bytes of memory per cell (the library's objects and ours), so 500,000 cells stay under
 * half a gigabyte.
 */
export interface WorkbookLimits {
  /** Size of the file itself. */
  maxFileBytes: number;
  /** Decompressed size of any one part of an .xlsx (a sheet, the shared strings). */
  maxPartBytes: number;
  /** Decompressed size of all the parts read. */
  maxTotalBytes: number;
  /** Entries in an .xlsx's zip directory. */
  maxZipEntries: number;
  /** Rows in one sheet. */
  maxRows: number;
  /** Cells (and shared strings) in the whole workbook. */
  maxCells: number;
  /** Characters in one CSV record. */
  maxCsvRecordChars: number;
}

export const DEFAULT_LIMITS: Readonly<WorkbookLimits> = Object.freeze({
  maxFileBytes: 32 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxZipEntries: 2000,
  maxRows: 100_000,
  maxCells: 500_000,
  maxCsvRecordChars: 1024 * 1024,
});

/**
 * CSV text a spreadsheet would run as a formula (OWASP's list: = + - @ TAB CR), after any
 * apostrophes: written with one more apostrophe in front, which the reader takes off again.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;
