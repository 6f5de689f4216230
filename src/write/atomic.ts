/**
 * Atomic file output: each file is written beside its target under a temporary name and then
 * renamed over it, so a reader (or a failed build) never sees half a file. All temporary
 * files are written before any is renamed, so a build that fails or is interrupted while
 * writing leaves every earlier output as it was, and removes its temporary files.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { lstat, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** Absolute path. */
  path: string;
  content: string | Uint8Array;
}

/** Temporary files written but not yet renamed into place. */
const pending = new Set<string>();

/**
 * Removes the temporary files of a write in progress. Synchronous, for a signal handler: the
 * CLI calls it on SIGINT/SIGTERM before it exits.
 */
export function removeTemporaryFiles(): void {
  for (const temp of pending) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done while exiting.
    }
  }
  pending.clear();
}

function failure(code: string, target: string, what: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${what}, '${target}'`), { code, path: target });
}

/**
 * Creates `folder` and its missing parents one level at a time. (`mkdir` with `recursive`
 * never returns for a path under /proc, where mkdir fails with ENOENT though the parent exists.)
 */
async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const found = await stat(dir).catch((error: NodeJS.ErrnoException) => {
      // Up to the nearest thing that exists; ENOTDIR: one of the parents is a file, found further up.
      if ((error.code !== 'ENOENT' && error.code !== 'ENOTDIR') || path.dirname(dir) === dir) throw error;
    });
    if (found && !found.isDirectory()) throw failure('ENOTDIR', dir, 'not a directory');
    if (found) break;
    missing.push(dir);
  }
  for (const dir of missing.reverse()) {
    try {
      await mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Writes all files only after every one of them has been produced in memory: first each to a
 * temporary file beside its target, then, when all are written, renames them over their
 * targets one after another without yielding (a signal handler cannot run between two).
 */
export async function writeAll(files: readonly OutputFile[]): Promise<void> {
  const staged: Array<{ temp: string; target: string }> = [];
  try {
    for (const file of files) {
      await makeFolder(path.dirname(file.path));
      const temp = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
      pending.add(temp);
      staged.push({ temp, target: file.path });
      // Created and written synchronously: with an open still running in the thread pool, a
      // signal handler removing the pending files could come first and the file appear after.
      const fd = openSync(temp, 'wx');
      try {
        writeSync(fd, typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    // A folder where a file should go would stop the renames half-way: refuse before any.
    for (const { target } of staged) {
      const existing = await lstat(target).catch(() => undefined);
      if (existing?.isDirectory()) throw failure('EISDIR', target, 'a folder is in the way');
    }
    for (const { temp, target } of staged) {
      renameSync(temp, target);
      pending.delete(temp);
    }
  } catch (error) {
    for (const { temp } of staged) {
      if (pending.delete(temp)) await rm(temp, { force: true });
    }
    throw error;
  }
}
