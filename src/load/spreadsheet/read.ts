/**
 * readWorkbook: the bytes of an .xlsx, .xls or .csv → its sheets, or diagnostics. Whatever the
 * bytes, it returns: every failure of a reader, ours or the library's, becomes a catalogue
 * diagnostic in Chinese, and limits (types.ts) bound the time and memory any file can cost.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diagnostic } from '../../diagnostics/catalogue.js';
import { megabytes } from '../files.js';
import { type Census, countBiff, countXml, sheetNamesByPart } from './census.js';
import { readCsv } from './csv-read.js';
import { containerStreams, type LibrarySheets, readWithLibrary, xlsWorkbookStream } from './library.js';
import { withChineseDateFormats } from './locale-formats.js';
import { containerKind, FORMAT_NAMES, isBiff8, mismatchedExtension, OLD_EXCEL, sniff, zipKind } from './sniff.js';
import { readParts } from './xlsx-parts.js';
import { DEFAULT_LIMITS, type Sheet, type SpreadsheetFormat, type WorkbookLimits } from './types.js';
import { openZip, repack } from './zip-guard.js';

export interface Workbook {
  sheets: Sheet[];
  diagnostics: Diagnostic[];
  /** What the file turned out to be (whatever its name says); absent when it could not be read. */
  format?: SpreadsheetFormat;
}

export function readWorkbook(bytes: Uint8Array, file: string, limits: Partial<WorkbookLimits> = {}): Workbook {
  const bounds: WorkbookLimits = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length > bounds.maxFileBytes) {
    return failed(diagnostic('sheetTooLarge', { size: megabytes(bytes.length), max: megabytes(bounds.maxFileBytes) }, { file }));
  }
  if (bytes.length === 0) return { sheets: [], diagnostics: [diagnostic('sheetEmpty', {}, { file })] };
  const sniffed = sniff(bytes);
  if (sniffed.container === 'refused') return failed(diagnostic('sheetFormatUnknown', { what: sniffed.what!, advice: sniffed.advice! }, { file }));
  let result: Workbook;
  try {
    result = sniffed.container === 'zip' ? readXlsx(bytes, file, bounds) : sniffed.container === 'cfb' ? readXls(bytes, file, bounds) : readText(bytes, file, bounds);
  } catch (error) {
    // The library's messages are English and about its internals; the user learns what to do.
    void error;
    return failed(diagnostic('sheetUnreadable', { detail: '文件已损坏，或不是 Excel 保存的格式' }, { file }));
  }
  if (result.format) {
    const extension = mismatchedExtension(file, result.format);
    if (extension) result.diagnostics.unshift(diagnostic('sheetExtensionMismatch', { extension, actual: FORMAT_NAMES[result.format] }, { file }));
  }
  if (result.format && result.sheets.every((s) => s.rows.length === 0) && !result.diagnostics.some((d) => d.severity === 'error')) {
    result.diagnostics.push(diagnostic('sheetEmpty', {}, { file }));
  }
  return result;
}

function readXlsx(bytes: Uint8Array, file: string, limits: WorkbookLimits): Workbook {
  const opened = openZip(bytes, limits);
  if ('kind' in opened) {
    switch (opened.kind) {
      case 'encrypted':
        return failed(diagnostic('sheetEncrypted', {}, { file }));
      case 'too-many-entries':
        return failed(diagnostic('sheetUnreadable', { detail: `压缩包中的条目超过 ${limits.maxZipEntries} 个，不像台账文件` }, { file }));
      case 'inflates-too-large':
        return failed(diagnostic('sheetInflatesTooLarge', { part: opened.part, max: megabytes(opened.max) }, { file }));
      default:
        return failed(diagnostic('sheetUnreadable', { detail: opened.detail }, { file }));
    }
  }
  const kind = zipKind(opened.names);
  if (!('format' in kind)) return failed(diagnostic('sheetFormatUnknown', { what: kind.what!, advice: kind.advice! }, { file }));
  const diagnostics: Diagnostic[] = [];
  const lower = opened.names.map((n) => n.toLowerCase());
  if (lower.some((n) => n.startsWith('xl/externallinks/'))) diagnostics.push(diagnostic('sheetExternalLinks', {}, { file }));
  if (lower.some((n) => n.endsWith('vbaproject.bin'))) diagnostics.push(diagnostic('sheetMacros', {}, { file }));
  const census: Census = { cells: 0, sharedStrings: 0, merges: 0 };
  const sheetNames = sheetNamesByPart(opened.parts);
  for (const [part, data] of opened.parts) {
    // Counted before the library reads anything: it would spend seconds on 200,000 rows first.
    if (countXml(data, census) > limits.maxRows) {
      const sheet = sheetNames.get(part.toLowerCase());
      return failed(diagnostic('sheetTooManyRows', { max: limits.maxRows }, sheet === undefined ? { file } : { file, sheet }));
    }
  }
  const crowded = overCensus(census, limits, file);
  if (crowded) return failed(crowded);
  // The common ledger is read from the parts directly; what only the library can read goes to it.
  const read = readParts(opened.parts, limits.maxRows) ?? readWithLibrary(repack(withChineseDateFormats(opened.parts)), 'xlsx', limits.maxRows);
  return finish(read, 'xlsx', file, limits, diagnostics);
}

function readXls(bytes: Uint8Array, file: string, limits: WorkbookLimits): Workbook {
  const kind = containerKind(containerStreams(bytes));
  if ('encrypted' in kind) return failed(diagnostic('sheetEncrypted', {}, { file }));
  if (!('format' in kind)) return failed(diagnostic('sheetFormatUnknown', { what: kind.what!, advice: kind.advice! }, { file }));
  const stream = xlsWorkbookStream(bytes);
  if (!stream) return failed(diagnostic('sheetUnreadable', { detail: '文件中找不到工作表的数据' }, { file }));
  if (!isBiff8(stream)) return failed(diagnostic('sheetFormatUnknown', { what: OLD_EXCEL.what!, advice: OLD_EXCEL.advice! }, { file }));
  const census: Census = { cells: 0, sharedStrings: 0, merges: 0 };
  countBiff(stream, census);
  const crowded = overCensus(census, limits, file);
  if (crowded) return failed(crowded);
  return finish(readWithLibrary(bytes, 'xls', limits.maxRows), 'xls', file, limits, []);
}

function readText(bytes: Uint8Array, file: string, limits: WorkbookLimits): Workbook {
  const csv = readCsv(bytes, file, limits);
  return csv.sheet ? { sheets: [csv.sheet], diagnostics: csv.diagnostics, format: 'csv' } : { sheets: [], diagnostics: csv.diagnostics };
}

function finish(read: LibrarySheets, format: SpreadsheetFormat, file: string, limits: WorkbookLimits, diagnostics: Diagnostic[]): Workbook {
  for (const name of read.refusedNames) diagnostics.push(diagnostic('sheetNameRefused', { name }, { file, sheet: name }));
  for (const name of read.unreadable) diagnostics.push(diagnostic('sheetContentUnreadable', { sheet: name }, { file, sheet: name }));
  if (read.hidden.length > 0) diagnostics.push(diagnostic('sheetHiddenSkipped', { names: read.hidden.map((n) => `“${n}”`).join('、') }, { file }));
  for (const name of read.overfull) diagnostics.push(diagnostic('sheetTooManyRows', { max: limits.maxRows }, { file, sheet: name }));
  const cells = read.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.cells.length, 0), 0);
  if (cells > limits.maxCells) return failed(diagnostic('sheetTooManyCells', { max: limits.maxCells }, { file }));
  return { sheets: read.sheets, diagnostics, format };
}

function overCensus(census: Census, limits: WorkbookLimits, file: string): Diagnostic | undefined {
  const most = Math.max(census.cells, census.sharedStrings, census.merges);
  return most > limits.maxCells ? diagnostic('sheetTooManyCells', { max: limits.maxCells }, { file }) : undefined;
}

function failed(d: Diagnostic): Workbook {
  return { sheets: [], diagnostics: [d] };
}
