/** The parts of a DOCX as text, and the text of its document, for checking what Word will show. */
import { strFromU8, unzipSync } from 'fflate';
import { inflateRawSync } from 'node:zlib';

export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

export function docxPart(bytes: Uint8Array, name: string): string {
  const part = docxParts(bytes)[name];
  if (part === undefined) throw new Error(`no ${name} in the package`);
  return part;
}

/** The text runs of word/document.xml joined: what a reader sees, without paragraph breaks. */
export function docxText(bytes: Uint8Array): string {
  return [...docxPart(bytes, 'word/document.xml').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** A zip entry as its local header gives it: name, method, CRC-32, size, MS-DOS date and time, and its data inflated by Node's zlib. */
export interface LocalEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  /** MS-DOS date in the high 16 bits, time in the low. */
  dosDateTime: number;
  data: Buffer;
}

/** The entries of a zip, walked by their local headers (not the central directory), read with other code than the writer's. */
export function localEntries(zip: Uint8Array): LocalEntry[] {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries: LocalEntry[] = [];
  for (let at = 0; at + 4 <= bytes.length && bytes.readUInt32LE(at) === 0x04034b50; ) {
    const method = bytes.readUInt16LE(at + 8);
    const compressedSize = bytes.readUInt32LE(at + 18);
    const nameLength = bytes.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + bytes.readUInt16LE(at + 28);
    const stored = bytes.subarray(start, start + compressedSize);
    entries.push({
      name: bytes.subarray(at + 30, at + 30 + nameLength).toString('utf8'),
      method,
      crc: bytes.readUInt32LE(at + 14),
      size: bytes.readUInt32LE(at + 22),
      dosDateTime: bytes.readUInt32LE(at + 10),
      data: method === 8 ? inflateRawSync(stored) : Buffer.from(stored),
    });
    at = start + compressedSize;
  }
  return entries;
}
