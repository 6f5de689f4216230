/**
 * One worksheet's XML → rows of cells, read the way the spreadsheet library reads it (its
 * parse_ws_xml_data with the options library.ts gives it) and converted as library.ts converts
 * the library's cells. Whatever this reader does not reproduce exactly — shared and array
 * formulas, `t="d"` cells, a number format other than General, text and the date formats of
 * date-formats.ts — throws Decline, and the workbook is read by the library instead.
 */
import { columnLetter, rangeRef } from './address.js';
import { isKnownDateFormat, knownDateText } from './date-formats.js';
import { excelDate } from './excel-date.js';
import type { Cell, CellRange, Row } from './types.js';
import { firstElement, generalNumber, stringItem, tagAttributes, xmlText } from './xlsx-text.js';

/** Thrown where the fast reader stops: the library reads the workbook instead. */
export class Decline extends Error {}

export interface BookParts {
  /** The shared strings (undefined: an entry without text). */
  strings: (string | undefined)[];
  /** Style index (`s`) → the number format's code; undefined without a cellXfs list. Unknown codes are undefined. */
  formats: (string | undefined)[] | undefined;
  date1904: boolean;
}

const ROW_END = /<\/(?:\w+:)?row>/;
const CELL_START = /<(?:\w+:)?c[ />]/;
const R_ANYWHERE = /r=["']([^"']*)["']/;
const REF = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
const MERGE = /<(?:\w+:)?mergeCell ref=["']([A-Z0-9:]+)['"]\s*[/]?>/g;
const MERGE_REF = /^([A-Z]{1,3})([1-9]\d{0,6}):([A-Z]{1,3})([1-9]\d{0,6})$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** `plainRows: false` reads every row the general way (the tests compare the two). */
export function readSheetXml(xml: string, book: BookParts, { plainRows = true } = {}): { rows: Row[]; merges: CellRange[] } {
  const sheetData = firstElement(xml, 'sheetData');
  const rows = sheetData ? readRows(sheetData[1], book, plainRows) : [];
  const after = sheetData ? xml.slice(sheetData[2] + sheetData[0].length) : xml;
  const merges: CellRange[] = [];
  for (const [, ref] of after.matchAll(MERGE)) {
    const m = MERGE_REF.exec(ref!);
    if (!m) throw new Decline('merge');
    const first = { row: Number(m[2]), column: columnNumber(m[1]!) };
    const last = { row: Number(m[4]), column: columnNumber(m[3]!) };
    if (first.row > MAX_ROW || last.row > MAX_ROW || first.column > MAX_COLUMN || last.column > MAX_COLUMN) throw new Decline('merge');
    merges.push({ ref: rangeRef(first, last), first, last });
  }
  return { rows, merges };
}

function readRows(sdata: string, book: BookParts, plainRows: boolean): Row[] {
  if (/<(?:\w+:)?f\b[^<>]*\bt=["'](?:shared|array)/.test(sdata) || /<!\[CDATA\[/.test(sdata)) throw new Decline('formula');
  // Row → column → cell (null: a cell the library keeps but library.ts skips); a later cell of the same place wins.
  const grid: (Cell | null)[][] = [];
  let tagr = 0;
  for (const chunk of sdata.split(ROW_END)) {
    const x = chunk.trim();
    if (x.length === 0) continue;
    const plain = plainRows ? readPlainRow(x, book, grid) : 0;
    if (plain > 0) {
      tagr = plain;
      continue;
    }
    // The row's start tag: the first `>` not closing an empty element.
    let ri = 0;
    let start = 0;
    for (; ri < x.length; ++ri) {
      const ch = x[ri];
      if (ch === '>' && x[ri - 1] !== '/') {
        ++ri;
        break;
      }
      if (ch === '<') start = ri;
    }
    if (start >= ri) break;
    const rowTag = x.slice(start, ri);
    if (!/^<row[\s>/]/.test(rowTag) || !/^(?:\s*<row\b[^<>]*\/>)*\s*$/.test(x.slice(0, start))) throw new Decline('row');
    const attributes = tagAttributes(rowTag);
    if (attributes.r === undefined && start > 0) throw new Decline('row');
    tagr = attributes.r !== undefined ? strictInteger(attributes.r) : tagr + 1;
    let tagc = -1;
    const pieces = x.slice(ri).split(CELL_START);
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k]!.trim();
      if (piece.length === 0) continue;
      if (k === 0) throw new Decline('text before a cell');
      const anywhere = R_ANYWHERE.exec(piece);
      const c = '<c ' + (piece[0] === '<' ? '>' : '') + piece;
      const end = c.indexOf('>') + 1;
      if (end === 0) throw new Decline('cell');
      const tag = cellAttributes(c.slice(0, end));
      let ref = tag.r;
      if (anywhere ? anywhere[1] !== ref : ref !== undefined) throw new Decline('reference');
      let row: number;
      let column: number;
      if (ref !== undefined) {
        const m = REF.exec(ref);
        if (!m) throw new Decline('reference');
        column = columnNumber(m[1]!);
        row = Number(m[2]);
        tagc = column - 1;
      } else {
        ++tagc;
        row = tagr;
        column = tagc + 1;
        ref = columnLetter(column) + row;
      }
      if (row > MAX_ROW || column > MAX_COLUMN || row < 1) throw new Decline('reference');
      const cell = readCell(tag, c.slice(end), row, column, book);
      (grid[row - 1] ??= [])[column - 1] = cell;
    }
  }
  const rows: Row[] = [];
  for (const r of Object.keys(grid)) {
    const cells = grid[Number(r)]!;
    const row: Row = { number: Number(r) + 1, cells: [] };
    for (const k of Object.keys(cells)) {
      const cell = cells[Number(k)];
      if (cell) row.cells.push(cell);
    }
    if (row.cells.length > 0) rows.push(row);
  }
  return rows;
}

/**
 * A row as ledgers write it: `<row r="5" spans="1:22">` (these attributes only), then cells back to
 * back, each `<c r="A5" s="2" t="s"><v>55</v></c>` or `<c r="B5" s="1"/>` (r always; s, and t of
 * s or n, at most; one <v> or nothing). Each cell is read by one pattern instead of the general
 * steps below, which give the same for these (tests/unit/xlsx-plain-rows.test.ts compares them),
 * and goes to readCell as they would send it. The row's number; 0 for a row of any other shape,
 * which the general steps read, this having changed nothing.
 */
function readPlainRow(x: string, book: BookParts, grid: (Cell | null)[][]): number {
  const start = PLAIN_ROW.exec(x);
  if (!start) return 0;
  const cells: RegExpExecArray[] = [];
  let at = start[0].length;
  for (; at < x.length; at = PLAIN_ROW_CELL.lastIndex) {
    PLAIN_ROW_CELL.lastIndex = at;
    const m = PLAIN_ROW_CELL.exec(x);
    if (!m) return 0;
    cells.push(m);
  }
  for (const m of cells) {
    const column = columnNumber(m[1]!);
    const row = Number(m[2]);
    if (row > MAX_ROW || column > MAX_COLUMN) throw new Decline('reference');
    const tag: Record<string, string> = { r: m[1]! + m[2]! };
    if (m[3] !== undefined) tag.s = m[3];
    if (m[4] !== undefined) tag.t = m[4];
    (grid[row - 1] ??= [])[column - 1] = readCell(tag, m[5] ?? '', row, column, book);
  }
  return Number(start[1]);
}

/** A row's start tag with a number and none but these attributes (none of which the library would read as `r`). */
const PLAIN_ROW = /^<row r="([1-9]\d{0,6})"(?: (?:spans|ht|customHeight|customFormat|s|hidden|outlineLevel|collapsed|thickBot|thickTop|ph|x14ac:dyDescent)="[^"<>]*")*>/;
const PLAIN_ROW_CELL = /<c r="([A-Z]{1,3})([1-9]\d{0,6})"(?: s="(\d+)")?(?: t="([sn])")?(?:\/>|>((?:<v>[^<]*<\/v>)?)<\/c>)/y;

/** One cell as library.ts's convertCell makes it of the library's; null where it makes none. */
function readCell(tag: Record<string, string>, d: string, row: number, column: number, book: BookParts): Cell | null {
  const raw = cellValue(d);
  let formula: string | undefined;
  // No `f` anywhere: no formula element (most cells; the pattern below is the library's).
  const f = d.indexOf('f') < 0 ? undefined : firstElement(d, 'f');
  if (f) {
    if (/^<(?:\w+:)?f\b[^<>]*\bt=/.test(f[0])) throw new Decline('formula');
    if (f[1] !== '') {
      if (/_xl/i.test(f[1])) throw new Decline('formula');
      formula = xmlText(f[1], true);
    }
  } else if (/<(?:\w+:)?f\b/.test(d)) throw new Decline('formula');
  let t = tag.t;
  if (t === undefined && raw === undefined) {
    // A formula saved without its result, or an empty cell with a style.
    return formula === undefined ? null : make(row, column, '', '', formula, 'formula-without-value');
  }
  t ??= 'n';
  const format = styleFormat(tag.s, book);
  switch (t) {
    case 'n': {
      if (raw === undefined) return formula === undefined ? null : make(row, column, '', '', formula, 'formula-without-value');
      if (!NUMBER.test(raw)) throw new Decline('number');
      const n = parseFloat(raw);
      if (format === 'General' || format === '@') return make(row, column, n, generalNumber(n), formula);
      if (format !== undefined && isKnownDateFormat(format)) {
        const date = excelDate(n, book.date1904);
        if (!date) throw new Decline('date');
        return make(row, column, date, knownDateText(format, date.date)!, formula);
      }
      throw new Decline('number format');
    }
    case 's': {
      if (raw === undefined) return formula === undefined ? null : make(row, column, '', '', formula, 'formula-without-value');
      if (!/^\d+$/.test(raw) || Number(raw) >= book.strings.length) throw new Decline('shared string');
      return text(row, column, book.strings[Number(raw)], format, formula);
    }
    case 'str':
      if (raw !== undefined && (raw.includes('&') || /_x[\da-f]{4}_/i.test(raw))) throw new Decline('text');
      return text(row, column, raw === undefined ? '' : xmlText(raw, true), format, formula);
    case 'inlineStr': {
      const is = firstElement(d, 'is');
      return text(row, column, is ? stringItem(is[1]) : '', format, formula);
    }
    case 'b': {
      const b = raw === undefined ? undefined : xmlText(raw);
      const value = b === '1' || b === 'true';
      return make(row, column, value, value ? 'TRUE' : 'FALSE', formula);
    }
    case 'e': {
      // The library keeps an error's name as read, bytes undecoded: only plain ASCII names here.
      if (raw === undefined || !/^[\x20-\x7e]+$/.test(raw) || raw.includes('&') || /_x/i.test(raw)) throw new Decline('error');
      return make(row, column, raw, raw, formula, 'error');
    }
    default:
      throw new Decline('cell type');
  }
}

function text(row: number, column: number, value: string | undefined, format: string | undefined, formula: string | undefined): Cell | null {
  if (format !== 'General' && format !== '@' && !(format !== undefined && isKnownDateFormat(format))) throw new Decline('text format');
  if (!value) return null;
  return make(row, column, value, value, formula);
}

/** The number format of a style index as the library finds it: General without a style or cellXfs list. */
function styleFormat(s: string | undefined, book: BookParts): string | undefined {
  if (s === undefined || book.formats === undefined) return 'General';
  if (!/^(?:0|[1-9]\d*)$/.test(s)) throw new Decline('style');
  const index = Number(s);
  return index < book.formats.length ? book.formats[index] : 'General';
}

/** The text of the cell's first `<v>` element, undefined when empty; `<v>12</v>` first is read without a pattern. */
function cellValue(d: string): string | undefined {
  if (d.startsWith('<v>')) {
    const end = d.indexOf('<', 3);
    if (end > 0 && d.startsWith('</v>', end)) return end > 3 ? d.slice(3, end) : undefined;
  }
  const v = firstElement(d, 'v');
  return v && v[1] !== '' ? v[1] : undefined;
}

/** The common `<c r="B2" s="1" t="s">` read directly; any other shape as the library reads attributes. */
function cellAttributes(tag: string): Record<string, string> {
  const m = PLAIN_CELL.exec(tag);
  if (!m) return tagAttributes(tag);
  const out: Record<string, string> = {};
  if (m[1] !== undefined) out.r = m[1];
  if (m[2] !== undefined) out.s = m[2];
  if (m[3] !== undefined) out.t = m[3];
  return out;
}

const PLAIN_CELL = /^<c(?: r="([A-Z]+\d+)")?(?: s="(\d+)")?(?: t="([a-zA-Z]+)")?\s*\/?>$/;

function make(row: number, column: number, value: Cell['value'], text: string, formula?: string, unusable?: Cell['unusable']): Cell {
  const letter = columnLetter(column);
  const cell: Cell = { column, letter, ref: letter + row, value, text };
  if (formula !== undefined) cell.formula = formula;
  if (unusable) cell.unusable = unusable;
  return cell;
}

function strictInteger(s: string): number {
  if (!/^[1-9]\d{0,6}$/.test(s)) throw new Decline('row number');
  return Number(s);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}
