/**
 * Ledgers kept in Excel: read an .xlsx, .xls or .csv (readWorkbook), turn a sheet's rows into
 * typed records (readTable). Writing records back out is write/spreadsheet's (writeWorkbook).
 */
export { cellRef } from './address.js';
export { readWorkbook, type Workbook } from './read.js';
export { bestSheet, readTable, type CellType, type ColumnSpec, type TableOptions, type TableRecord } from './table.js';
export { DEFAULT_LIMITS, type Cell, type CellRange, type CellValue, type ExcelDate, type Row, type Sheet, type SpreadsheetFormat, type WorkbookLimits } from './types.js';
