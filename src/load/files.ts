/**
 * The only way input files are read: regular files inside the folders the user named. A symbolic
 * link is not followed (it could bring in any file of the machine, whose lines a message would
 * then quote), and a FIFO or a device is not opened (reading one never ends). The check is made
 * on the opened file, so a file swapped for something else between a listing and the read is
 * caught too. Sizes are bounded before anything is read.
 */
import { Buffer } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';

export type EntryKind = 'file' | 'folder' | 'link' | 'other' | 'missing';

export interface Entry {
  name: string;
  kind: EntryKind;
}

/** What is at a path, without following a final symbolic link. */
export function entryKind(path: string): EntryKind {
  try {
    const s = lstatSync(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : s.isSymbolicLink() ? 'link' : 'other';
  } catch {
    return 'missing';
  }
}

/** The entries of a folder, sorted by name; empty when it cannot be listed. */
export function listFolder(path: string): Entry[] {
  try {
    return readdirSync(path, { withFileTypes: true })
      .map((d) => ({
        name: d.name,
        kind: (d.isFile() ? 'file' : d.isDirectory() ? 'folder' : d.isSymbolicLink() ? 'link' : 'other') as EntryKind,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

export type ReadOutcome =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'link' | 'not-file' | 'too-large' | 'unreadable'; size?: number; max?: number; detail?: string };

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file of at most `maxBytes`. */
export function readRegularFile(path: string, maxBytes: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, reason: 'link' };
    return { ok: false, reason: 'unreadable', detail: code ?? String(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size, max: maxBytes };
    const bytes = new Uint8Array(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: read === bytes.length ? bytes : bytes.subarray(0, read) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  } finally {
    closeSync(fd);
  }
}

/** Whether two reads gave the same bytes (a compare costs far less than decoding them again, or hashing them as a key). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
