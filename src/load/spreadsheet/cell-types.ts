/**
 * One cell → one typed value, read as Excel users write: numbers stored as text, full-width
 * digits, “12件”, ✓ and ×, 2023年3月5日. A value that cannot be read says which kind of problem
 * it is; table.ts turns that into a diagnostic at the cell.
 */
import { excelDate, isCalendarDay, isoDay } from './excel-date.js';
import { halfWidth, squash, trimCell } from './normalize.js';
import type { Cell } from './types.js';

/** How a cell is read: what a record field declares for its column. */
export type CellType =
  | { kind: 'text' }
  | { kind: 'id' }
  | { kind: 'count' }
  | { kind: 'decimal' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'list' }
  | { kind: 'choice'; values: Record<string, string> };

export type Parsed = { ok: true; value: string | number | boolean | string[] } | { ok: false; problem: 'date' | 'boolean' | 'count' | 'decimal'; serial?: string };

const TRUE = new Set(['是', '✓', '✔', '√', 'y', 'yes', '有', 'true', '1', '对']);
const FALSE = new Set(['否', '×', '✗', '✘', 'n', 'no', '无', 'false', '0', '不是']);
/** Separators of a list in one cell: 市发改委、市财政局 / A，B / A;B / one per line. */
const LIST_SEPARATORS = /[、，,;；／/\n]+/;

/** The cell's text as it matters: blank cells (only spaces) are absent fields, never empty strings. */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || (cell.unusable === undefined && typeof cell.value === 'string' && trimCell(cell.value) === '');
}

export function parseCell(cell: Cell, type: CellType, choices?: ReadonlyMap<string, string>): Parsed {
  const v = cell.value;
  switch (type.kind) {
    case 'text':
      return ok(trimCell(typeof v === 'string' ? v : cell.text));
    case 'id':
      // 12 is "12", whatever format shows it (12.0); but a number formatted 000 shows 007, and that is the id.
      if (typeof v === 'number' && Number.isSafeInteger(v)) return ok(/^0+\d+$/.test(cell.text) && Number(cell.text) === v ? cell.text : String(v));
      return ok(halfWidth(typeof v === 'string' ? v : cell.text));
    case 'count':
      return count(v);
    case 'decimal':
      return decimal(v);
    case 'date':
      return date(v);
    case 'boolean':
      return boolean(v);
    case 'list': {
      const text = typeof v === 'string' ? v : cell.text;
      return ok(text.split(LIST_SEPARATORS).map(trimCell).filter((s) => s !== ''));
    }
    case 'choice': {
      const written = trimCell(typeof v === 'string' ? v : cell.text);
      return ok(choices?.get(squash(written)) ?? written);
    }
  }
}

function count(v: Cell['value']): Parsed {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? ok(v) : fail('count');
  if (typeof v !== 'string') return fail('count');
  // 12 · 1,234 · １２ · 12件 · 12 人次 · 12.0
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?\s*[\u3400-\u9fff]{0,2}$/.exec(halfWidth(v));
  if (!match) return fail('count');
  const n = Number(match[1]!.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? ok(n) : fail('count');
}

function decimal(v: Cell['value']): Parsed {
  if (typeof v === 'number') return ok(v);
  if (typeof v !== 'string') return fail('decimal');
  const text = halfWidth(v);
  if (!/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/.test(text) || !/\d/.test(text)) return fail('decimal');
  return ok(Number(text.replace(/,/g, '')));
}

function date(v: Cell['value']): Parsed {
  if (typeof v === 'object') return ok(v.date);
  if (typeof v === 'number') {
    // A day number whose date format was lost (pasted as values): say which day it would be.
    const maybe = v >= 20_000 && v <= 80_000 ? excelDate(v) : undefined;
    return maybe ? { ok: false, problem: 'date', serial: maybe.date } : fail('date');
  }
  if (typeof v !== 'string') return fail('date');
  const text = halfWidth(v);
  const match =
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(text) ??
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text)?.filter((_, i) => i !== 2) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return fail('date');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDay(year, month, day) ? ok(isoDay(year, month, day)) : fail('date');
}

function boolean(v: Cell['value']): Parsed {
  if (typeof v === 'boolean') return ok(v);
  if (typeof v === 'number') return v === 1 ? ok(true) : v === 0 ? ok(false) : fail('boolean');
  if (typeof v !== 'string') return fail('boolean');
  const word = squash(v).replace(/[。.]$/, '');
  return TRUE.has(word) ? ok(true) : FALSE.has(word) ? ok(false) : fail('boolean');
}

function ok(value: string | number | boolean | string[]): Parsed {
  return { ok: true, value };
}

function fail(problem: 'date' | 'boolean' | 'count' | 'decimal'): Parsed {
  return { ok: false, problem };
}
