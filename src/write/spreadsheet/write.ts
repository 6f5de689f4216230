/** writeWorkbook: a table of record values → the bytes of an .xlsx or a .csv, the same bytes on every run. */
import { writeCsv } from './write-csv.js';
import { toOutCell } from './write-values.js';
import { writeXlsx } from './write-xlsx.js';

export interface OutTable {
  sheet: string;
  headers: string[];
  rows: unknown[][];
}

export interface WriteOptions {
  /** CSV only: UTF-8 with a byte-order mark (the default) or GBK. */
  encoding?: 'utf-8' | 'gbk';
  /** How dates are shown: 2023-03-05 (the default) or 2023年3月5日. In an .xlsx they are real dates either way. */
  dateFormat?: 'iso' | 'chinese';
}

export function writeWorkbook(table: OutTable, format: 'xlsx' | 'csv', options: WriteOptions = {}): Uint8Array {
  const rows = table.rows.map((row) => row.map(toOutCell));
  const dateFormat = options.dateFormat ?? 'iso';
  if (format === 'csv') return writeCsv(table.headers, rows, options.encoding ?? 'utf-8', dateFormat);
  return writeXlsx({ name: table.sheet, headers: table.headers, rows, dateFormat });
}
