/**
 * The date formats Chinese Excel keeps by number, without writing them into the workbook:
 * “2023年3月5日” is built-in format 31 (ECMA-376 Part 1, 18.8.30, the zh-cn table). The spreadsheet
 * library does not know them: it learns a stand-in only after the first cell, so that cell would
 * read as a number and the rest as dates. Written into the styles before the library reads them,
 * they read as dates from the first cell, shown as Chinese Excel shows them.
 */

/** Built-in date formats of Chinese Excel (times of day, 32–35 and 55–56, are left out). */
export const CHINESE_DATE_FORMATS: ReadonlyMap<number, string> = new Map([
  [27, 'yyyy"年"m"月"'],
  [28, 'm"月"d"日"'],
  [29, 'm"月"d"日"'],
  [30, 'm-d-yy'],
  [31, 'yyyy"年"m"月"d"日"'],
  [36, 'yyyy"年"m"月"'],
  [50, 'yyyy"年"m"月"'],
  [51, 'm"月"d"日"'],
  [52, 'yyyy"年"m"月"'],
  [53, 'm"月"d"日"'],
  [54, 'm"月"d"日"'],
  [57, 'yyyy"年"m"月"'],
  [58, 'm"月"d"日"'],
]);

const STYLES = 'xl/styles.xml';

/** The parts with the Chinese date formats the styles use (and do not define) written into them; the same parts when none is. */
export function withChineseDateFormats(parts: Map<string, Uint8Array>): Map<string, Uint8Array> {
  const name = [...parts.keys()].find((n) => n.toLowerCase() === STYLES);
  if (name === undefined) return parts;
  const xml = new TextDecoder().decode(parts.get(name));
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const defined = new Set([...xml.matchAll(/<numFmt\b[^>]*\bnumFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const used = new Set([...cellXfs.matchAll(/<xf\b[^>]*\bnumFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const missing = [...used].filter((id) => CHINESE_DATE_FORMATS.has(id) && !defined.has(id)).sort((a, b) => a - b);
  if (missing.length === 0) return parts;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const added = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="${escape(CHINESE_DATE_FORMATS.get(id)!)}"/>`).join('');
  let changed: string;
  // Written with a namespace prefix: left as it is (the library then reads it as before).
  if (/<\w+:(?:styleSheet|numFmts)\b/.test(xml)) return parts;
  if (/<numFmts\b[^>]*\/>/.test(xml)) changed = xml.replace(/<numFmts\b[^>]*\/>/, `<numFmts>${added}</numFmts>`);
  else if (xml.includes('</numFmts>')) changed = xml.replace('</numFmts>', `${added}</numFmts>`);
  else changed = xml.replace(/<styleSheet\b[^>]*>/, (tag) => `${tag}<numFmts>${added}</numFmts>`);
  if (changed === xml) return parts;
  return new Map(parts).set(name, new TextEncoder().encode(changed));
}
