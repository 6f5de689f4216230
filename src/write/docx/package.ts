// Makes the DOCX package byte-stable: the same Markdown, meta and layout always give the same bytes.
// core.xml is written from meta.date, and the package is zipped with every entry dated meta.date,
// the same deflate of each piece wherever it is made, and a fixed entry order (zip.ts).
import { escapeXml } from '../../xml.js';
import { everyOf, isBase64, isObject, isString } from '../../load/kept-shape.js';
import type { MadeBefore } from '../made-before.js';
import { nodeCrypto } from '../../node-builtins.js';
import { zipEntries, type DeflatedPiece } from './zip.js';

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

/**
 * Zips a package's parts deterministically, every entry dated `date` (YYYY-MM-DD). With
 * `madeBefore`, the pieces an earlier build of this report deflated (zip.ts) are taken as it kept
 * them, found by the digest of their bytes, and this build's pieces are kept when any is new: a
 * build after an edit deflates the pieces of the report's text around the edit, not the styles,
 * theme, footers and settings, nor the rest of the text. The pieces are kept by the report's
 * title, author and date (core.xml), which an edit of the data leaves as they were.
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
  const inputs = textOf(parts.get(CORE_PART) ?? '');
  const kept = new Map((madeBefore.find('docx-pieces', inputs, isKeptPieces)?.pieces ?? []).map(([digest, size, crc, base64]) => [digest, { size, crc, base64 }]));
  const made = new Map<string, DeflatedPiece>();
  /** The digests of the pieces taken from `kept`: kept again as they were read. */
  const taken = new Set<string>();
  let last: { piece: Uint8Array; digest: string } | undefined;
  // find and made ask for the same piece one after the other: it is hashed once.
  const digestOf = (piece: Uint8Array) => (last?.piece === piece ? last.digest : (last = { piece, digest: nodeCrypto().createHash('sha256').update(piece).digest('hex') }).digest);
  const zip = zipEntries(entries, dosDateTime, {
    find(piece) {
      const digest = digestOf(piece);
      const found = kept.get(digest);
      // A kept piece is used for bytes of its length only (the digest names them; the length is a check that costs nothing).
      if (!found || found.size !== piece.length) return undefined;
      taken.add(digest);
      return { size: found.size, crc: found.crc, compressed: Buffer.from(found.base64, 'base64') };
    },
    made(piece, deflated) {
      made.set(digestOf(piece), deflated);
    },
  });
  // Kept again when this package's pieces are not the ones kept (one taken from them is kept as it was read).
  if (made.size !== kept.size || [...made.keys()].some((digest) => !kept.has(digest))) {
    const pieces = [...made].map(([digest, p]): KeptPiece => [digest, p.size, p.crc, taken.has(digest) ? kept.get(digest)!.base64 : Buffer.from(p.compressed).toString('base64')]);
    madeBefore.keep('docx-pieces', inputs, { pieces });
  }
  return zip;
}

/** The part whose text names the report (title, author, date): the key the pieces are kept by. */
const CORE_PART = 'docProps/core.xml';

/** A part as text, for the key the pieces are kept by (a binary part, which no package has, as base64). */
const textOf = (part: string | Uint8Array): string => (typeof part === 'string' ? part : `base64:${Buffer.from(part).toString('base64')}`);

/** A kept piece: [SHA-256 of its bytes, their length, their CRC-32, the deflated piece as base64]. */
type KeptPiece = [string, number, number, string];

function isKeptPieces(data: unknown): data is { pieces: KeptPiece[] } {
  const isPiece = (p: unknown) =>
    Array.isArray(p) && p.length === 4 && isString(p[0]) && /^[0-9a-f]{64}$/.test(p[0]) && Number.isInteger(p[1]) && p[1] >= 0 && Number.isInteger(p[2]) && p[2] >= 0 && p[2] <= 0xffffffff && isBase64(p[3]);
  return isObject(data) && everyOf(data.pieces, isPiece);
}
