// The Word package's zip: each part deflated at level 6 by fflate (the same bytes on every machine;
// zlib's depend on the CPU), laid out as fflate's zipSync lays a zip out, so the documents stay
// byte for byte what they were (zip.test.ts compares the two).
// A process keeps the parts it deflated last, so that in a watch session a save deflates only what
// changed (word/document.xml), not the styles, theme, settings and footers again.
import { deflateSync } from 'fflate';
import { sameBytes } from '../../load/files.js';

/** The CRC-32 of zip entries (ISO 3309), as fflate computes it. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = (c & 1 ? -306674912 : 0) ^ (c >>> 1);
    table[i] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c & 255) ^ data[i]!]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** A part's bytes and what deflating them gave. */
interface Deflated {
  data: Uint8Array;
  bytes: Uint8Array;
}

/**
 * What the last zip of this process deflated (a watch session's next save reuses it), found by
 * comparing bytes: a dozen parts, so no digest (and no node:crypto for a single build).
 */
let remembered: Deflated[] = [];

function deflated(data: Uint8Array, used: Deflated[]): Uint8Array {
  const same = (d: Deflated) => sameBytes(d.data, data);
  const bytes = (remembered.find(same) ?? used.find(same))?.bytes ?? deflateSync(data, { level: 6 });
  used.push({ data, bytes });
  return bytes;
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** An entry as the zip holds it: its data deflated, with the data's CRC-32 and size. */
export interface DeflatedEntry {
  name: string;
  compressed: Uint8Array;
  crc: number;
  size: number;
}

/**
 * `entries` deflated, in their order; an entry found in `before` (by name: the caller knows its
 * data is the same) is taken as it is.
 */
export function deflateEntries(entries: readonly ZipEntry[], before?: ReadonlyMap<string, DeflatedEntry>): DeflatedEntry[] {
  const used: Deflated[] = [];
  const made = entries.map(({ name, data }) => before?.get(name) ?? { name, compressed: deflated(data, used), crc: crc32(data), size: data.length });
  remembered = used;
  return made;
}

/** A zip of `entries` in their order, each deflated and dated `dosDateTime` (zipDeflated). */
export function zipEntries(entries: readonly ZipEntry[], dosDateTime: number): Uint8Array {
  return zipDeflated(deflateEntries(entries), dosDateTime);
}

/**
 * A zip of deflated `entries` in their order, dated `dosDateTime` (MS-DOS date in the high 16
 * bits, time in the low), with fflate's header fields: version 2.0, no extra fields, the UTF-8
 * flag on names that are not ASCII.
 */
export function zipDeflated(entries: readonly DeflatedEntry[], dosDateTime: number): Uint8Array {
  const encoder = new TextEncoder();
  const files = entries.map(({ name, compressed, crc, size }) => {
    const nameBytes = encoder.encode(name);
    if (nameBytes.length > 65535) throw new RangeError(`zip: entry name too long: ${name.slice(0, 40)}…`);
    return { nameBytes, utf8: nameBytes.length !== name.length, compressed, crc, size };
  });
  const localSize = files.reduce((n, f) => n + 30 + f.nameBytes.length + f.compressed.length, 0);
  const centralSize = files.reduce((n, f) => n + 46 + f.nameBytes.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  /** The header fields a local header and a central directory entry share, from "version needed" on. */
  const common = (at: number, f: (typeof files)[number]) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, f.utf8 ? 0x800 : 0, true);
    view.setUint16(at + 4, 8, true);
    view.setUint32(at + 6, dosDateTime >>> 0, true);
    view.setUint32(at + 10, f.crc, true);
    view.setUint32(at + 14, f.compressed.length, true);
    view.setUint32(at + 18, f.size, true);
    view.setUint16(at + 22, f.nameBytes.length, true);
  };
  let at = 0;
  let central = localSize;
  for (const f of files) {
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, f);
    out.set(f.nameBytes, at + 30);
    out.set(f.compressed, at + 30 + f.nameBytes.length);
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, 20, true);
    common(central + 6, f);
    view.setUint32(central + 42, at, true);
    out.set(f.nameBytes, central + 46);
    at += 30 + f.nameBytes.length + f.compressed.length;
    central += 46 + f.nameBytes.length;
  }
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, files.length, true);
  view.setUint16(central + 10, files.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}
