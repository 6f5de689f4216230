/**
 * Excel day numbers become calendar days by whole-day arithmetic (load/spreadsheet/excel-date.ts),
 * checked against Date's own ISO strings, which the reader made before: every day from 1900 through
 * 2200 and every 13th day to 9999-12-31, and every second of a day.
 */
import { describe, expect, it } from 'vitest';
import { calendarDay, clockTime, excelDate } from '../../src/load/spreadsheet/excel-date.js';

const DAY_MS = 86_400_000;
/** Days from 1970-01-01 to 1900-01-01 and to 9999-12-31. */
const FIRST = Date.UTC(1900, 0, 1) / DAY_MS;
const LAST = Date.UTC(9999, 11, 31) / DAY_MS;
const YEAR_2200 = Date.UTC(2200, 0, 1) / DAY_MS;

describe('Excel dates by whole-day arithmetic', () => {
  it("writes each day as Date's toISOString does", () => {
    let compared = 0;
    for (let days = FIRST - 3; days <= LAST; days += days < YEAR_2200 ? 1 : 13) {
      const expected = new Date(days * DAY_MS).toISOString().slice(0, 10);
      if (calendarDay(days) !== expected) expect(calendarDay(days), String(days)).toBe(expected);
      compared++;
    }
    expect(calendarDay(LAST)).toBe('9999-12-31');
    expect(compared).toBeGreaterThan(300_000);
  });

  it("writes each second of a day as Date's toISOString does", () => {
    for (let seconds = 0; seconds < 86_400; seconds++) {
      const expected = new Date(seconds * 1000).toISOString().slice(11, 19);
      if (clockTime(seconds) !== expected) expect(clockTime(seconds), String(seconds)).toBe(expected);
    }
  });

  it('reads day numbers of both date systems, Lotus’s 1900-02-29 and times rounded to the second', () => {
    expect(excelDate(1)).toEqual({ kind: 'date', date: '1900-01-01', serial: 1 });
    expect(excelDate(59)?.date).toBe('1900-02-28');
    expect(excelDate(60)).toBeUndefined();
    expect(excelDate(61)?.date).toBe('1900-03-01');
    expect(excelDate(45_000.5)).toEqual({ kind: 'date', date: '2023-03-15', time: '12:00:00', serial: 45_000.5 });
    expect(excelDate(45_000.999_999)?.date).toBe('2023-03-16');
    expect(excelDate(2_958_465)?.date).toBe('9999-12-31');
    expect(excelDate(2_958_466)).toBeUndefined();
    expect(excelDate(0, true)?.date).toBe('1904-01-01');
  });
});
