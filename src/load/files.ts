/**
 * The only way input files are read: regular files inside the folders the user named. A symbolic
 * link is not followed (it could bring in any file of the machine, whose lines a message would
 * then quote), and a FIFO or a device is not opened (reading one never ends). The check is made
 * on the opened file, so a file swapped for something else between a listing and the read is
 * caught too. Sizes are bounded before anything is read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_DATA_FILE_BYTES } from './nesting.js';

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

/** A file that could not be read, as a diagnostic naming it; a size is told against the limit of its kind of file. */
export function readProblem(read: Extract<ReturnType<typeof readRegularFile>, { ok: false }>, display: string, kind: 'data' | 'sheet' | 'template' = 'data'): Diagnostic {
  switch (read.reason) {
    case 'link':
      return diagnostic('linkNotFollowed', { what: '数据文件' }, { file: display });
    case 'not-file':
      return diagnostic('notRegularFile', {}, { file: display });
    case 'too-large': {
      const sizes = { size: megabytes(read.size ?? 0), max: megabytes(read.max ?? MAX_DATA_FILE_BYTES) };
      if (kind === 'sheet') return diagnostic('sheetTooLarge', sizes, { file: display });
      if (kind === 'template') return diagnostic('templateFileTooLarge', sizes, { file: display });
      return diagnostic('fileTooLarge', sizes, { file: display, line: 1, column: 1 });
    }
    default:
      return diagnostic('fileUnreadable', { detail: readErrorWords(read.detail) }, { file: display });
  }
}

/** What the system's error codes for a failed read mean, in words; an unknown code is shown as the system gave it. */
const READ_ERRORS: Record<string, string> = {
  EACCES: '没有读取权限',
  EPERM: '不允许读取这个文件',
  ENOENT: '文件不存在（可能刚被移走或删除）',
  EISDIR: '这是一个文件夹',
  EIO: '读取时磁盘或网络驱动器出错',
  EBUSY: '文件正被其他程序占用',
  EMFILE: '同时打开的文件太多',
  ENFILE: '同时打开的文件太多',
  ETIMEDOUT: '读取网络驱动器上的文件超时',
};

function readErrorWords(code: string | undefined): string {
  if (code === undefined) return '原因不明';
  return READ_ERRORS[code] ?? `系统错误 ${code}`;
}

export function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
