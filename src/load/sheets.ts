/**
 * Spreadsheet ledgers in a year folder (.xlsx, .xls, .csv): read into sheets of cells (see
 * spreadsheet/), which validate/sheet-records.ts turns into records by their column headers.
 * Files are read like every input: regular files only, no links, bounded in size before reading.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readProblem } from './files.js';
import { readRegularFile } from './files.js';
import { DEFAULT_LIMITS, readWorkbook, type Sheet } from './spreadsheet/index.js';
import { digest, type BuildSession } from '../session.js';
import { appendAll } from '../append.js';

export const SHEET_FILE = /\.(?:xlsx|xls|csv)$/i;

export interface LoadedWorkbook {
  /** The file as shown to users. */
  display: string;
  sheets: Sheet[];
}

export function readSheets(files: ReadonlyArray<{ path: string; display: string }>, sink: Diagnostic[], session?: BuildSession): LoadedWorkbook[] {
  const out: LoadedWorkbook[] = [];
  for (const file of files) {
    const read = readRegularFile(file.path, DEFAULT_LIMITS.maxFileBytes);
    if (!read.ok) {
      sink.push(readProblem(read, file.display, 'sheet'));
      continue;
    }
    const workbook = session
      ? (session.files.get(`sheet\0${file.display}\0${digest(read.bytes)}`, () => readWorkbook(read.bytes, file.display)) as ReturnType<typeof readWorkbook>)
      : readWorkbook(read.bytes, file.display);
    appendAll(sink, workbook.diagnostics);
    out.push({ display: file.display, sheets: workbook.sheets });
  }
  return out;
}
