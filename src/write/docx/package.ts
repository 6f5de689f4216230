// Makes the DOCX package byte-stable: the same Markdown, meta and layout always give the same bytes.
// core.xml is written from meta.date, and the package is zipped with every entry dated meta.date,
// a fixed compression level and a fixed entry order (zip.ts).
import { escapeXml } from '../../xml.js';
import { everyOf, isBase64, isObject, isString } from '../../load/kept-shape.js';
import type { MadeBefore } from '../made-before.js';
import { deflateEntries, zipDeflated, zipEntries } from './zip.js';

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

/** The part that holds the report's text: the one part an edit of the data changes. */
const DOCUMENT_PART = 'word/document.xml';

/**
 * Zips a package's parts deterministically, every entry dated `date` (YYYY-MM-DD). With
 * `madeBefore`, the parts besides the report's text (styles, theme, footers, settings…: they
 * change with the layout, not with the data) are taken deflated as an earlier build kept them
 * when they are exactly the same, and kept when they are not: deflating them, a dozen small
 * parts, cost a build after an edit more than deflating the text.
 */
export function zipPackage(parts: ReadonlyMap<string, string | Uint8Array>, date: string, madeBefore?: MadeBefore): Uint8Array {
  const { year, month, day } = parseIsoDate(date);
  // An MS-DOS date (the time is midnight): the same in every time zone.
  if (year > 2099) throw new RangeError(`renderDocx: a zip cannot date its entries after 2099, got "${date}"`);
  const dosDateTime = ((year - 1980) << 25) | (month << 21) | (day << 16);
  const encoder = new TextEncoder();
  const names = [...parts.keys()].sort(byEntryOrder);
  const entries = names.map((name) => {
    const data = parts.get(name)!;
    return { name, data: typeof data === 'string' ? encoder.encode(data) : data };
  });
  if (!madeBefore) return zipEntries(entries, dosDateTime);
  const fixed = names.filter((name) => name !== DOCUMENT_PART);
  const inputs = JSON.stringify(fixed.map((name) => [name, textOf(parts.get(name)!)]));
  const found = madeBefore.find('docx-parts', inputs, isKeptParts);
  // Kept for exactly these parts, in this order; else a miss.
  const matches = found !== undefined && found.parts.length === fixed.length && found.parts.every(([name], i) => name === fixed[i]);
  const before = matches ? new Map(found.parts.map(([name, crc, size, base64]) => [name, { name, crc, size, compressed: Buffer.from(base64, 'base64') }])) : undefined;
  const deflated = deflateEntries(entries, before);
  if (!before) madeBefore.keep('docx-parts', inputs, { parts: deflated.filter((e) => e.name !== DOCUMENT_PART).map((e) => [e.name, e.crc, e.size, Buffer.from(e.compressed).toString('base64')]) });
  return zipDeflated(deflated, dosDateTime);
}

/** A part as text for the key of kept parts (a binary part, which no package has yet, as base64). */
const textOf = (part: string | Uint8Array): string => (typeof part === 'string' ? part : `base64:${Buffer.from(part).toString('base64')}`);

/** Kept deflated parts: [name, CRC-32 of the data, its size, the deflated bytes as base64] each. */
function isKeptParts(data: unknown): data is { parts: Array<[string, number, number, string]> } {
  const isPart = (p: unknown) => Array.isArray(p) && p.length === 4 && isString(p[0]) && Number.isInteger(p[1]) && p[1] >= 0 && p[1] <= 0xffffffff && Number.isInteger(p[2]) && p[2] >= 0 && isBase64(p[3]);
  return isObject(data) && everyOf(data.parts, isPart);
}
