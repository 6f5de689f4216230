// The Word package's zip. Each entry is deflated in pieces: its bytes are cut after the end of a
// paragraph (</w:p>) where the text itself says (pieceEnds), each piece is deflated on its own by
// pako (zlib's deflate at level 6, in JavaScript: the same bytes on every machine and every
// Node.js; Node's own zlib gives other bytes on other CPUs) and closed by a sync flush, and the
// pieces joined and ended by an empty final block are the entry's deflate stream. A piece's
// deflated bytes depend on the piece alone, so a piece deflated before is taken as it was: by a
// watch session from the last zip of this process, by a build from the parse cache (package.ts).
// After an edit of the data, which changes a few sentences of the report, the pieces around them
// are deflated again and the rest of the text is not.
import { Deflate, Z_SYNC_FLUSH } from 'pako';

/** The CRC-32 of zip entries (ISO 3309). */
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

/** The CRC-32 polynomial, reflected. */
const POLY = 0xedb88320;

/** a × b modulo the CRC polynomial (zlib's multmodp): a must not be 0. */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^n) modulo the CRC polynomial, n = 0…31 (zlib's x2n_table). */
const X2N = (() => {
  const table: number[] = [];
  let p = 1 << 30;
  table.push(p);
  for (let n = 1; n < 32; n++) table.push((p = multModP(p, p)));
  return table;
})();

/**
 * The CRC-32 of a followed by b, from a's CRC, b's CRC and b's length (zlib's crc32_combine): the
 * entry's CRC from its pieces' without reading its bytes again.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  // x^(8·lengthB) modulo the polynomial, by the binary digits of lengthB (zlib's x2nmodp(len, 3)).
  let x = 0x80000000;
  for (let n = lengthB, k = 3; n > 0; n = Math.floor(n / 2), k++) if (n % 2 === 1) x = multModP(X2N[k & 31]!, x);
  return (multModP(x, crcA) ^ crcB) >>> 0;
}

/** A piece of an entry, deflated: its bytes' length and CRC-32, and the deflate blocks that end in a sync flush. */
export interface DeflatedPiece {
  size: number;
  crc: number;
  compressed: Uint8Array;
}

/** Where a paragraph of WordprocessingML ends. */
const PARAGRAPH_END = Buffer.from('</w:p>');
/** A piece is cut only once it holds this much (a piece deflated alone loses what it could have referred to in the one before)… */
const PIECE_FROM = 4096;
/** …and after it holds this much at the next paragraph's end, whatever that paragraph is. */
const PIECE_UP_TO = 16384;

/**
 * Where the pieces of `data` end: after a paragraph whose bytes (from the end of the one before)
 * number a multiple of four, once the piece holds PIECE_FROM bytes, or after any paragraph once it
 * holds PIECE_UP_TO. The cuts depend on the paragraphs around them, not on where they stand in the
 * document: an edit that lengthens or shortens a sentence moves no cut but its own paragraph's.
 */
export function pieceEnds(data: Uint8Array): number[] {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const ends: number[] = [];
  let start = 0;
  let paragraphStart = 0;
  for (let at = bytes.indexOf(PARAGRAPH_END); at >= 0; at = bytes.indexOf(PARAGRAPH_END, at + PARAGRAPH_END.length)) {
    const end = at + PARAGRAPH_END.length;
    const paragraph = end - paragraphStart;
    paragraphStart = end;
    if ((end - start >= PIECE_FROM && paragraph % 4 === 0) || end - start >= PIECE_UP_TO) {
      ends.push(end);
      start = end;
    }
  }
  if (start < bytes.length || ends.length === 0) ends.push(bytes.length);
  return ends;
}

/** A piece deflated on its own (a deflater of its own, level 6), ended by a sync flush: byte-aligned and not final. */
function deflatePiece(piece: Uint8Array): DeflatedPiece {
  const deflater = new Deflate({ raw: true, level: 6 });
  const chunks: Uint8Array[] = [];
  deflater.onData = (chunk) => chunks.push(chunk);
  // pako reports a failure in err (never for a deflater made with these options and a byte array).
  if (!deflater.push(piece, Z_SYNC_FLUSH) || deflater.err !== 0) throw new Error(`zip: deflate failed: ${deflater.msg}`);
  return { size: piece.length, crc: crc32(piece), compressed: Buffer.concat(chunks) };
}

/** The empty final block (fixed codes, end of block): it ends the stream that the pieces begin. */
const FINAL_BLOCK = Uint8Array.of(3, 0);

/** The pieces the last zip of this process deflated itself, by their bytes as latin1 text: a watch session's next save takes them from here. */
let remembered = new Map<string, DeflatedPiece>();

/** A piece's bytes as a key (latin1: one character per byte, no decoding). */
const pieceKey = (piece: Uint8Array): string => Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('latin1');

/**
 * Finds pieces deflated before: `find` by the piece's bytes (package.ts looks in the parse cache),
 * `made` hears of each piece, found or deflated now, in order.
 */
export interface PieceSource {
  find(piece: Uint8Array): DeflatedPiece | undefined;
  made(piece: Uint8Array, deflated: DeflatedPiece): void;
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
 * `entries` deflated, in their order: each piece taken from `source` or this process's last zip
 * when found there (`source` first, so that what a build kept is what it uses), else deflated.
 */
export function deflateEntries(entries: readonly ZipEntry[], source?: PieceSource): DeflatedEntry[] {
  const used = new Map<string, DeflatedPiece>();
  /** The pieces this process deflated (now or for its last zip): only those are remembered, never what `source` gave. */
  const own = new Map<string, DeflatedPiece>();
  const made = entries.map(({ name, data }) => {
    const pieces: DeflatedPiece[] = [];
    let start = 0;
    for (const end of pieceEnds(data)) {
      const piece = data.subarray(start, end);
      start = end;
      const key = pieceKey(piece);
      let deflated = used.get(key) ?? source?.find(piece);
      if (deflated === undefined) own.set(key, (deflated = remembered.get(key) ?? deflatePiece(piece)));
      used.set(key, deflated);
      source?.made(piece, deflated);
      pieces.push(deflated);
    }
    let crc = 0;
    for (const piece of pieces) crc = crc32Combine(crc, piece.crc, piece.size);
    return { name, compressed: Buffer.concat([...pieces.map((p) => p.compressed), FINAL_BLOCK]), crc, size: data.length };
  });
  remembered = own;
  return made;
}

/** A zip of `entries` in their order, each deflated and dated `dosDateTime` (zipDeflated). */
export function zipEntries(entries: readonly ZipEntry[], dosDateTime: number, source?: PieceSource): Uint8Array {
  return zipDeflated(deflateEntries(entries, source), dosDateTime);
}

/**
 * A zip of deflated `entries` in their order, dated `dosDateTime` (MS-DOS date in the high 16
 * bits, time in the low): version 2.0, no extra fields, the UTF-8 flag on names that are not ASCII.
 */
function zipDeflated(entries: readonly DeflatedEntry[], dosDateTime: number): Uint8Array {
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
