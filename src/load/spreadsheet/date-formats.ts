/**
 * The number formats of ledgers that show a date, and how Excel in China shows them: what both
 * .xlsx readers (xlsx-parts.ts and the library's, library.ts) use, so a date reads the same
 * whichever reader took the file. Format 14 is the “short date” of the reader's locale, in China
 * 2023/3/5; the library names it by its American pattern, `m/d/yy`.
 */

/** A known date format → how a calendar day `YYYY-MM-DD` is shown in it. */
const SHOWN: ReadonlyMap<string, (y: string, m: number, d: number) => string> = new Map([
  ['yyyy-mm-dd', (y: string, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`],
  ['yyyy\\-mm\\-dd', (y: string, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`],
  ['m/d/yy', (y: string, m: number, d: number) => `${y}/${m}/${d}`],
  ['yyyy/m/d', (y: string, m: number, d: number) => `${y}/${m}/${d}`],
  ['yyyy"年"m"月"d"日"', (y: string, m: number, d: number) => `${y}年${m}月${d}日`],
  // The same as LibreOffice and WPS save it.
  ['yyyy\\年m\\月d\\日', (y: string, m: number, d: number) => `${y}年${m}月${d}日`],
]);

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether the report knows this format as a date format, without asking the library. */
export function isKnownDateFormat(format: string): boolean {
  return SHOWN.has(format);
}

/** A calendar day `YYYY-MM-DD` as a known format shows it; undefined for a format not known here. */
export function knownDateText(format: string, day: string): string | undefined {
  const show = SHOWN.get(format);
  if (!show) return undefined;
  const [y, m, d] = day.split('-');
  return show(y!, Number(m), Number(d));
}
