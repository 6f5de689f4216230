/**
 * Excel's day numbers and calendar days, in whole-day arithmetic on UTC, so that no time zone
 * moves a day. In the 1900 system day 1 is 1900-01-01 and day 60 is 1900-02-29, a day that never
 * was (kept from Lotus 1-2-3), so from day 61 on the count runs from 1899-12-30. In the 1904
 * system (old Mac workbooks) day 0 is 1904-01-01.
 */
import type { ExcelDate } from './types.js';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, Excel's last day. */
const LAST_SERIAL_1900 = 2_958_465;

/** The calendar day (and time) of an Excel day number; undefined for numbers that are no day. */
export function excelDate(serial: number, date1904 = false): ExcelDate | undefined {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1)) return undefined;
  if (serial > (date1904 ? LAST_SERIAL_1900 - 1462 : LAST_SERIAL_1900)) return undefined;
  let day = Math.floor(serial);
  // Rounded to the second, as Excel displays it: 0.999999 of a day is the next midnight.
  let seconds = Math.round((serial - day) * 86_400);
  if (seconds === 86_400) {
    day += 1;
    seconds = 0;
  }
  let ms: number;
  if (date1904) ms = EPOCH_1904 + day * DAY_MS;
  else if (day === 60) return undefined; // 1900-02-29
  else ms = (day < 60 ? EPOCH_1900 + DAY_MS : EPOCH_1900) + day * DAY_MS;
  const result: ExcelDate = { kind: 'date', date: calendarDay(ms / DAY_MS), serial };
  if (seconds > 0) result.time = clockTime(seconds);
  return result;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `HH:MM:SS` of `seconds` after midnight (0–86399), as Date's toISOString writes it. */
export function clockTime(seconds: number): string {
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/**
 * `YYYY-MM-DD` of the day `days` after 1970-01-01, as Date's toISOString writes it for years 0–9999,
 * by whole-day arithmetic (H. Hinnant's civil_from_days): a ledger's date column made a Date and
 * an ISO string of every cell, the costliest part of reading a date.
 */
export function calendarDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

/** Excel's day number (1900 system) for a calendar day `YYYY-MM-DD`; undefined when it is no such day. */
export function excelSerial(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDay(year, month, day) || year < 1900) return undefined;
  const days = (Date.UTC(year, month - 1, day) - EPOCH_1900) / DAY_MS;
  return days < 61 ? days - 1 : days;
}

export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `YYYY-MM-DD` from numbers already checked with isCalendarDay. */
export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
