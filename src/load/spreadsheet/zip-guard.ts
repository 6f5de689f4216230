/**
 * Opens an .xlsx's zip before the spreadsheet library does, so that a hostile file costs bounded
 * time and memory. The library trusts the sizes a zip declares (it allocates what a header says)
 * and reads local headers where we read the central directory; so we inflate each part
 * ourselves (zlib, bounded), stopping as soon as its real size passes the limit, keep only the parts that hold
 * cells, and hand the library a new, uncompressed zip of exactly what we checked.
 */
import { createRequire } from 'node:module';
import type * as Fflate from 'fflate';
import type { WorkbookLimits } from './types.js';
import { nodeZlib } from '../../node-builtins.js';

export type ZipProblem =
  | { kind: 'unreadable'; detail: string }
  | { kind: 'encrypted' }
  | { kind: 'too-many-entries' }
  | { kind: 'inflates-too-large'; part: string; max: number };

export interface OpenedZip {
  /** Name (as in the zip) → decompressed bytes, for the parts kept. */
  parts: Map<string, Uint8Array>;
  /** Every name in the zip's directory, kept or not. */
  names: string[];
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Parts that hold nothing the ledger needs; dropped unread (the library never sees them). */
const DROPPED = /^(docprops|customxml|xl\/(externallinks|drawings|charts|media|embeddings|printersettings|pivotcache|pivottables|querytables|tables|comments|threadedcomments|persons|richdata|ctrlprops|activex|theme|worksheets\/_rels|model)\/|xl\/(connections|calcchain|volatiledependencies)\.xml$)/;

/** `keep`: which parts (by lower-case name) to inflate; a workbook's cells by default, every part for a Word document. */
export function openZip(bytes: Uint8Array, limits: Pick<WorkbookLimits, 'maxPartBytes' | 'maxTotalBytes' | 'maxZipEntries'>, keep: (name: string) => boolean = isKept): OpenedZip | ZipProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) return { kind: 'unreadable', detail: '文件不完整，找不到 zip 目录（可能下载或复制时被截断）' };
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) return { kind: 'unreadable', detail: '是 ZIP64 格式（4 GB 以上的压缩包用的格式），台账和报告都不会这样大' };
  if (count > limits.maxZipEntries) return { kind: 'too-many-entries' };
  const parts = new Map<string, Uint8Array>();
  const names: string[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = directoryOffset;
  // One decoder for all the names: making one costs several times decoding a short name.
  const utf8 = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return { kind: 'unreadable', detail: 'zip 目录已损坏' };
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/\\/g, '/').replace(/^\//, '');
    at += 46 + skip;
    names.push(name);
    const key = name.toLowerCase();
    // Two entries of one name: which one a reader takes is up to the reader.
    if (seen.has(key)) return { kind: 'unreadable', detail: `zip 中有两个同名的条目“${name}”` };
    seen.add(key);
    if (!keep(key)) continue;
    if (flags & 1) return { kind: 'encrypted' };
    const data = entryData(view, bytes, local, compressed);
    if (typeof data === 'string') return { kind: 'unreadable', detail: data };
    const budget = Math.min(limits.maxPartBytes, limits.maxTotalBytes - total);
    const content = method === 0 ? data : method === 8 ? inflateBounded(data, budget) : `“${name}”的压缩方式（${method}）不受支持`;
    if (content === 'too-large' || (content instanceof Uint8Array && content.length > budget)) {
      return { kind: 'inflates-too-large', part: name, max: budget === limits.maxPartBytes ? limits.maxPartBytes : limits.maxTotalBytes };
    }
    if (typeof content === 'string') return { kind: 'unreadable', detail: content };
    total += content.length;
    parts.set(name, content);
  }
  return { parts, names };
}

/** A zip of the parts, stored uncompressed with fixed times: what the library reads. */
export function repack(parts: Map<string, Uint8Array>): Uint8Array {
  // Required here, only for a workbook the library reads: reading inflates natively.
  const { zipSync } = createRequire(import.meta.url)('fflate') as typeof Fflate;
  // No prototype: a part's name is the file's to choose.
  const files = Object.create(null) as Fflate.Zippable;
  for (const [name, data] of parts) files[name] = [data, { level: 0 }];
  return zipSync(files, { level: 0, mtime: new Date(1980, 0, 1) });
}

function isKept(name: string): boolean {
  return (name.endsWith('.xml') || name.endsWith('.rels')) && !DROPPED.test(name);
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

function entryData(view: DataView, bytes: Uint8Array, local: number, compressed: number): Uint8Array | string {
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return 'zip 条目的位置不对，文件已损坏';
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + compressed > bytes.length) return '文件不完整（可能下载或复制时被截断）';
  return bytes.subarray(start, start + compressed);
}

/**
 * Inflates at most `max` bytes: zlib stops as soon as its output would pass that, whatever the
 * zip declared, so a bomb costs `max` bytes of memory and the time to make them.
 */
function inflateBounded(data: Uint8Array, max: number): Uint8Array | 'too-large' | string {
  try {
    const out = nodeZlib().inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    return (error as { code?: string }).code === 'Z_BUF_ERROR' ? '压缩数据不完整' : '压缩数据已损坏';
  }
}
