/**
 * Spreadsheet ledgers in a year folder (.xlsx, .xls, .csv): read into sheets of cells (see
 * spreadsheet/), which validate/sheet-records.ts turns into records by their column headers.
 * Files are read like every input: regular files only, no links, bounded in size before reading.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readProblem } from './files.js';
import { readRegularFile } from './files.js';
import { DEFAULT_LIMITS, readWorkbook, type Sheet } from './spreadsheet/index.js';
import { digest, sessionMemo, type BuildSession } from '../session.js';

export const SHEET_FILE = /\.(?:xlsx|xls|csv)$/i;

export interface LoadedWorkbook {
  /** The file as shown to users. */
  display: string;
  sheets: Sheet[];
}

/** Workbooks read by earlier builds of a session, by their bytes' digest. */
const workbookMemo = sessionMemo<ReturnType<typeof readWorkbook>>();

export function readSheets(files: ReadonlyArray<{ path: string; display: string }>, sink: Diagnostic[], session?: BuildSession): LoadedWorkbook[] {
  const out: LoadedWorkbook[] = [];
  for (const file of files) {
    const read = readRegularFile(file.path, DEFAULT_LIMITS.maxFileBytes);
    if (!read.ok) {
      sink.push(readProblem(read, file.display));
      continue;
    }
    const workbook = session
      ? workbookMemo(session).get(`${file.display}\0${digest(read.bytes)}`, () => readWorkbook(read.bytes, file.display))
      : readWorkbook(read.bytes, file.display);
    sink.push(...workbook.diagnostics);
    out.push({ display: file.display, sheets: workbook.sheets });
  }
  return out;
}
