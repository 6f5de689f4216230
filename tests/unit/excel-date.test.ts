/**
 * Excel day numbers to calendar days (load/spreadsheet/excel-date.ts) by whole-day arithmetic,
 * against Date's own ISO strings, which the reader used before: every day through the year 2200
 * and every 13th to 9999-12-31 in both date systems, and random times of day.
 */
import { describe, expect, it } from 'vitest';
import { excelDate } from '../../src/load/spreadsheet/excel-date.js';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const LAST_SERIAL_1900 = 2_958_465;

/** What Date makes of the same day number (the reader's former way). */
function byDate(serial: number, date1904: boolean): { date: string; time?: string } | undefined {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1)) return undefined;
  if (serial > (date1904 ? LAST_SERIAL_1900 - 1462 : LAST_SERIAL_1900)) return undefined;
  let day = Math.floor(serial);
  let seconds = Math.round((serial - day) * 86_400);
  if (seconds === 86_400) {
    day += 1;
    seconds = 0;
  }
  if (!date1904 && day === 60) return undefined;
  const ms = date1904 ? EPOCH_1904 + day * DAY_MS : (day < 60 ? EPOCH_1900 + DAY_MS : EPOCH_1900) + day * DAY_MS;
  const made: { date: string; time?: string } = { date: new Date(ms).toISOString().slice(0, 10) };
  if (seconds > 0) made.time = new Date(seconds * 1000).toISOString().slice(11, 19);
  return made;
}

const shown = (d: ReturnType<typeof excelDate>) => (d === undefined ? undefined : { date: d.date, ...(d.time !== undefined ? { time: d.time } : {}) });

describe('excelDate', () => {
  it.each([false, true])('gives the day Date gives for every day number (1904 system: %s)', (date1904) => {
    const last = date1904 ? LAST_SERIAL_1900 - 1462 : LAST_SERIAL_1900;
    let compared = 0;
    for (let serial = -2; serial <= last + 2; serial += serial < 110_000 ? 1 : 13) {
      const ours = shown(excelDate(serial, date1904));
      const theirs = byDate(serial, date1904);
      if (ours?.date !== theirs?.date) expect(ours, String(serial)).toEqual(theirs);
      compared++;
    }
    for (const serial of [59, 60, 61, last - 1, last]) expect(shown(excelDate(serial, date1904)), String(serial)).toEqual(byDate(serial, date1904));
    expect(compared).toBeGreaterThan(300_000);
    expect(excelDate(last, date1904)?.date).toBe('9999-12-31');
  });

  it('gives the time of day Date gives, rounded to the second', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    for (let i = 0; i < 20_000; i++) {
      const serial = Math.floor(random() * 80_000) + random();
      expect(shown(excelDate(serial)), String(serial)).toEqual(byDate(serial, false));
    }
    expect(excelDate(45_000.999_999)?.time).toBeUndefined();
    expect(excelDate(45_000.5)?.time).toBe('12:00:00');
  });
});
