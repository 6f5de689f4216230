/**
 * What a record's value becomes in a written sheet: dates (`YYYY-MM-DD`, or an ExcelDate) as
 * real Excel dates, booleans as 是/否, lists joined with 、, blanks as empty cells. The reader
 * (table.ts) turns each back into the same value, which a round-trip test checks.
 */
import { excelSerial } from '../../load/spreadsheet/excel-date.js';

export type OutCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; date: string; serial: number }
  | { kind: 'blank' };

/** Throws a TypeError for values no record holds (objects, functions, NaN): a programming error. */
export function toOutCell(value: unknown): OutCell {
  if (value === undefined || value === null || value === '') return { kind: 'blank' };
  if (typeof value === 'string') {
    const serial = excelSerial(value);
    return serial === undefined ? { kind: 'text', text: value } : { kind: 'date', date: value, serial };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`writeWorkbook: ${value} is not a finite number`);
    return { kind: 'number', value };
  }
  if (typeof value === 'boolean') return { kind: 'text', text: value ? '是' : '否' };
  if (Array.isArray(value)) {
    const parts = value.map(toOutCell).filter((c) => c.kind !== 'blank').map((c) => plainText(c));
    return parts.length === 0 ? { kind: 'blank' } : { kind: 'text', text: parts.join('、') };
  }
  if (isExcelDate(value)) {
    const serial = excelSerial(value.date);
    if (serial !== undefined) return { kind: 'date', date: value.date, serial };
  }
  throw new TypeError(`writeWorkbook: cannot write ${Object.prototype.toString.call(value)} into a cell`);
}

/** The cell as text: what a CSV holds, and what a list joins. */
export function plainText(cell: OutCell, dateFormat: 'iso' | 'chinese' = 'iso'): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date': {
      if (dateFormat === 'iso') return cell.date;
      const [y, m, d] = cell.date.split('-').map(Number);
      return `${y}年${m}月${d}日`;
    }
    default:
      return '';
  }
}

function isExcelDate(value: unknown): value is { kind: 'date'; date: string } {
  const v = value as { kind?: unknown; date?: unknown };
  return typeof value === 'object' && v.kind === 'date' && typeof v.date === 'string';
}
