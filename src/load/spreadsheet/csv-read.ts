/**
 * A CSV file as one sheet named after the file. Excel on Chinese Windows saves CSV as GBK
 * (“CSV（逗号分隔）”) or as UTF-8 with a byte-order mark (“CSV UTF-8”); decode.ts reads both and
 * refuses what it cannot read with certainty. Fields stay text, as written: “001” keeps its zeros.
 */
import { createRequire } from 'node:module';
import type * as CsvParse from 'csv-parse/sync';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/catalogue.js';
import { decode } from '../decode.js';
import { cellRef, columnLetter } from './address.js';
import { compactBlankRecords, rowsInCell } from './csv-lines.js';
import { FORMULA_START, type Row, type Sheet, type WorkbookLimits } from './types.js';

export interface CsvResult {
  sheet?: Sheet;
  diagnostics: Diagnostic[];
}

/** How csv-parse's errors are told to users. */
const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: '英文双引号没有成对，从这一行起的内容都被当成了一个单元格',
  CSV_INVALID_CLOSING_QUOTE: '单元格的结束引号后面还有文字',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: '单元格的结束引号后面还有文字',
};

/** The CSV parser, required on first use: a folder without a CSV file never needs it. */
let parser: typeof CsvParse | undefined;
const csvParser = (): typeof CsvParse => (parser ??= createRequire(import.meta.url)('csv-parse/sync') as typeof CsvParse);

export function readCsv(bytes: Uint8Array, file: string, limits: WorkbookLimits): CsvResult {
  const name = sheetName(file);
  const at = { file, sheet: name };
  const decoded = decode(bytes);
  if (decoded.error !== undefined) {
    const key = decoded.error.includes('NUL') ? 'sheetFormatUnknown' : 'encodingRefused';
    const d =
      key === 'sheetFormatUnknown'
        ? diagnostic('sheetFormatUnknown', { what: '既不是 Excel 文件，也不是文本文件', advice: '检查是否放错了文件；表格数据请用 .xlsx、.xls 或 .csv 文件。' }, { file })
        : diagnostic('encodingRefused', { detail: decoded.error }, { file });
    return { diagnostics: [d] };
  }
  const delimiter = delimiterOf(decoded.text);
  const lines = compactBlankRecords(decoded.text, delimiter);
  // Counted before parsing: only records that hold something count (blank lines are free).
  if (lines.records > limits.maxRows) return { diagnostics: [diagnostic('sheetTooManyRows', { max: limits.maxRows }, at)] };
  let records: string[][];
  try {
    records = csvParser().parse(lines.text, {
      delimiter,
      // Mixed endings are read as Excel reads them: each of CRLF, LF and CR ends a row.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: limits.maxCsvRecordChars,
      bom: true,
    }) as string[][];
  } catch (error) {
    return { diagnostics: [csvProblem(error, at, limits, lines.rowNumber)] };
  }
  const rows: Row[] = [];
  const diagnostics: Diagnostic[] = [];
  const width = records[0]?.length ?? 0;
  let cells = 0;
  for (let r = 0; r < records.length; r++) {
    const number = lines.rowNumber(r);
    const row: Row = { number, cells: [] };
    const fields = records[r]!;
    for (let c = 0; c < fields.length; c++) {
      const value = unguard(fields[c]!);
      if (value === '') continue;
      const ref = cellRef(number, c + 1);
      const swallowed = rowsInCell(value, delimiter, width);
      if (swallowed > 0) diagnostics.push(diagnostic('csvCellHoldsRows', { rows: swallowed }, { ...at, line: number, column: c + 1, cell: ref }));
      row.cells.push({ column: c + 1, letter: columnLetter(c + 1), ref, value, text: value });
    }
    cells += row.cells.length;
    if (cells > limits.maxCells) return { diagnostics: [diagnostic('sheetTooManyCells', { max: limits.maxCells }, at)] };
    if (row.cells.length > 0) rows.push(row);
  }
  return { sheet: { name, rows, merges: [] }, diagnostics };
}

/** A CSV's sheet is named as Excel names it: the file name without its extension. */
function sheetName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, '') || base;
}

/** Comma, unless the first line has none but tabs (Excel's “文本文件（制表符分隔）”) or semicolons. */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end < 0 ? text.slice(0, 4096) : text.slice(0, Math.min(end, 4096));
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

/** writeWorkbook guards text that Excel would run as a formula (`=…`) with a leading apostrophe (write-csv.ts). */
function unguard(field: string): string {
  return field.startsWith("'") && FORMULA_START.test(field) ? field.slice(1) : field;
}

function csvProblem(error: unknown, at: { file: string; sheet: string }, limits: WorkbookLimits, rowNumber: (kept: number) => number): Diagnostic {
  const e = error as { code?: string; lines?: number; records?: number };
  const line = typeof e.records === 'number' ? rowNumber(e.records) : undefined;
  const where = line === undefined ? at : { ...at, line, column: 1, cell: cellRef(line, 1) };
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    return diagnostic('csvRowTooLong', { max: limits.maxCsvRecordChars.toLocaleString('en-US') }, where);
  }
  return diagnostic('csvSyntax', { detail: CSV_ERRORS[e.code ?? ''] ?? '文件格式不对，无法分出行和列' }, where);
}
