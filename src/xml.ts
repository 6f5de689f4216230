/** XML text and attribute values: what the DOCX, workbook and draft readers and writers share. */

/** A value escaped for XML text or a double-quoted attribute. */
export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XML text as written: the five named entities and numeric character references resolved. */
export function unescapeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|quot|apos|amp));/gi, (_m, hex: string, dec: string, named: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[named.toLowerCase()]!,
  );
}
