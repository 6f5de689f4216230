// Makes the DOCX package byte-stable: the same Markdown, meta and layout always give the same bytes.
// core.xml is written from meta.date, and the package is zipped with every entry dated meta.date,
// a fixed compression level and a fixed entry order (zip.ts).
import { escapeXml } from '../../xml.js';
import { zipEntries } from './zip.js';

export interface CoreProperties {
  title: string;
  author: string;
  /** YYYY-MM-DD */
  date: string;
}


/** Splits YYYY-MM-DD; throws on anything else, as a caller's bug rather than a user's error. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = (match ?? []).slice(1).map(Number);
  if (!year || !month || !day || month > 12 || day > 31 || year < 1980) {
    throw new RangeError(`renderDocx: meta.date must be YYYY-MM-DD (1980 or later), got "${date}"`);
  }
  return { year, month, day };
}

export function coreXml(meta: CoreProperties): string {
  parseIsoDate(meta.date);
  const stamp = `${meta.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(meta.title)}</dc:title>` +
    `<dc:creator>${escapeXml(meta.author)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(meta.author)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

// [Content_Types].xml first, as Office writes it and as some readers expect; then the rest by path.
const entryRank = (path: string): number => (path === '[Content_Types].xml' ? 0 : path === '_rels/.rels' ? 1 : 2);
const byEntryOrder = (a: string, b: string): number => entryRank(a) - entryRank(b) || (a < b ? -1 : a > b ? 1 : 0);

/** Zips a package's parts deterministically, every entry dated `date` (YYYY-MM-DD). */
export function zipPackage(parts: ReadonlyMap<string, string | Uint8Array>, date: string): Uint8Array {
  const { year, month, day } = parseIsoDate(date);
  // An MS-DOS date (the time is midnight): the same in every time zone.
  if (year > 2099) throw new RangeError(`renderDocx: a zip cannot date its entries after 2099, got "${date}"`);
  const dosDateTime = ((year - 1980) << 25) | (month << 21) | (day << 16);
  const encoder = new TextEncoder();
  const entries = [...parts.keys()].sort(byEntryOrder).map((name) => {
    const data = parts.get(name)!;
    return { name, data: typeof data === 'string' ? encoder.encode(data) : data };
  });
  return zipEntries(entries, dosDateTime);
}
