/**
 * Writing outputs so that a reader (or the next run) never sees half of them.
 *
 * A report's outputs (report.md, .docx, .html) are one set: they must come from the same
 * build. `writeOutputSet` writes the set into a fresh folder beside the output folder and then
 * swaps the two folders, holding a lock file beside them meanwhile:
 *
 *   out/.2023.report-lock            the lock: {pid, host, since}; stale when its process is gone
 *   out/.2023.report-new-<id>/       the set being written (discarded if the run dies)
 *   out/.2023.report-ready-<id>/     the set complete on disk: from here on it will be used
 *   out/.2023.report-old-<id>/       the previous folder, between the swap and its removal
 *
 * Files in the output folder that are not part of the set are moved into the new folder just
 * before the swap, so they stay. From the `ready` rename on, everything is synchronous, so no
 * signal handler runs in between; a SIGKILL there leaves the folders in one of the states above,
 * and the next write (under the lock) finishes the swap or puts the previous folder back. So
 * the output folder holds a whole set at every moment, except between the two renames of the
 * swap, when it is briefly absent.
 *
 * `writeAll` is the simpler per-file writer for outputs that are not a set in a folder of
 * their own (the JSON schemas, written into a folder the user names).
 */
import { nodeCrypto } from '../node-builtins.js';
import fs, { closeSync, existsSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { acquireLock, DEFAULT_WAIT_MS, releaseHeldLocks, releaseLock } from './output-lock.js';
import { onInterrupt } from './interrupt.js';

export { OutputLockedError, type LockHolder } from './output-lock.js';

export interface OutputFile {
  /** Absolute path. */
  path: string;
  content: string | Uint8Array;
}

/** One file of a set, named within the set's folder. */
export interface SetFile {
  name: string;
  content: string | Uint8Array;
}

export interface WriteSetOptions {
  /** How long to wait for another process writing the same folder before giving up (ms). */
  waitMs?: number;
  /**
   * Names of files that belong to the same set though this write has none of them (report.pdf
   * when only report.md is built): they are removed with the previous set, not kept beside a
   * set they no longer match.
   */
  supersedes?: readonly string[];
}



/** Temporary files and folders of writes in progress, and the locks held, for the signal handler. */
const pending = { files: new Set<string>(), folders: new Set<string>() };

/**
 * Removes what writes in progress leave (temporary files, a set half written) and releases their
 * locks. Synchronous, for a signal handler or process exit: the CLI's handler of SIGINT/SIGTERM
 * reaches it through interrupt.ts.
 */
function removeTemporaryFiles(): void {
  for (const target of [...pending.files, ...pending.folders]) {
    try {
      rmSync(target, { force: true, recursive: true });
    } catch {
      // Nothing more can be done while exiting; the next write removes it.
    }
  }
  releaseHeldLocks();
  pending.files.clear();
  pending.folders.clear();
}
onInterrupt(removeTemporaryFiles);

/** The code of the error thrown when the output folder is a mount point. */
export const MOUNT_POINT = 'EMOUNTPOINT';

function failure(code: string, target: string, what: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${what}, '${target}'`), { code, path: target });
}

/**
 * Creates `folder` and its missing parents one level at a time. (`mkdir` with `recursive`
 * never returns for a path under /proc, where mkdir fails with ENOENT though the parent exists.)
 */
export async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const found = await fs.promises.stat(dir).catch((error: NodeJS.ErrnoException) => {
      // Up to the nearest thing that exists; ENOTDIR: one of the parents is a file, found further up.
      if ((error.code !== 'ENOENT' && error.code !== 'ENOTDIR') || path.dirname(dir) === dir) throw error;
    });
    if (found && !found.isDirectory()) throw failure('ENOTDIR', dir, 'not a directory');
    if (found) break;
    missing.push(dir);
  }
  for (const dir of missing.reverse()) {
    try {
      await fs.promises.mkdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}


// ── The set ─────────────────────────────────────────────────────────

/** The sibling names of `live`'s helpers: lock, and folders in each state. */
function siblings(live: string) {
  const parent = path.dirname(live);
  const prefix = `.${path.basename(live)}.report-`;
  return { parent, prefix, lock: path.join(parent, `${prefix}lock`) };
}

/** Temporary files of the per-file writer (below): `.report.md.0a1b2c3d4e5f.tmp`. */
const FILE_TEMPORARY = /^\..+\.[0-9a-f]{12}\.tmp$/;

function syncFolder(folder: string): void {
  // Makes the renames inside durable; folders cannot be opened for this on every system.
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}

function exists(target: string): boolean {
  try {
    lstatSync(target);
    return true;
  } catch {
    return false;
  }
}

/**
 * The entries of `old` (the previous folder, swapped out) that are not in `live` go back into it:
 * a file created in the output folder while the set was being swapped. The rest is the previous
 * set, and goes.
 */
function settleOld(old: string, live: string, dropped: ReadonlySet<string> = new Set()): void {
  let plain = true;
  for (const entry of readdirSync(old)) {
    if (!dropped.has(entry) && !exists(path.join(live, entry))) renameSync(path.join(old, entry), path.join(live, entry));
    else {
      // The previous set's files, one by one (Node's recursive removal loads code of its own for it);
      // anything else, a folder a user gave a set file's name, goes with the folder below.
      try {
        unlinkSync(path.join(old, entry));
      } catch {
        plain = false;
      }
    }
  }
  if (plain) {
    try {
      rmdirSync(old);
      return;
    } catch {
      // Not empty after all (something was written into it meanwhile): removed as a whole.
    }
  }
  rmSync(old, { recursive: true, force: true });
}

/** Moves every entry of `live` that the set in `ready` does not have into `ready`. */
function carryOver(live: string, ready: string, dropped: ReadonlySet<string>): string[] {
  const moved: string[] = [];
  for (const entry of readdirSync(live)) {
    if (FILE_TEMPORARY.test(entry) || dropped.has(entry) || exists(path.join(ready, entry))) continue;
    renameSync(path.join(live, entry), path.join(ready, entry));
    moved.push(entry);
  }
  return moved;
}

/** Puts `ready` in the place of `live`, keeping what `live` held besides the set. */
function swap(live: string, ready: string, old: string, dropped: ReadonlySet<string> = new Set()): void {
  if (!exists(live)) {
    renameSync(ready, live);
    return;
  }
  const moved = carryOver(live, ready, dropped);
  try {
    renameSync(live, old);
  } catch (error) {
    // Windows refuses to rename a folder with a file open in it: nothing changes. Elsewhere
    // EBUSY or EXDEV is a mount point (a bind mount has the device of its parent).
    for (const entry of moved) renameSync(path.join(ready, entry), path.join(live, entry));
    const code = (error as NodeJS.ErrnoException).code;
    const mounted = process.platform !== 'win32' && (code === 'EBUSY' || code === 'EXDEV');
    throw Object.assign(error as NodeJS.ErrnoException, { path: live }, mounted ? { code: MOUNT_POINT } : {});
  }
  try {
    renameSync(ready, live);
  } catch (error) {
    renameSync(old, live);
    for (const entry of moved) renameSync(path.join(ready, entry), path.join(live, entry));
    throw Object.assign(error as NodeJS.ErrnoException, { path: live });
  }
  syncFolder(path.dirname(live));
  settleOld(old, live, dropped);
}

/**
 * Finishes or undoes what a killed write left beside `live` (the lock is held): a complete set
 * is swapped in, a partial one removed, a previous folder put back or removed. Also removes the
 * per-file writer's temporary files left in the folder.
 */
function recover(live: string): void {
  const { parent, prefix } = siblings(live);
  const ours = readdirSync(parent).filter((e) => e.startsWith(prefix) && !e.startsWith(`${prefix}lock`));
  const of = (state: string) => ours.filter((e) => e.startsWith(`${prefix}${state}-`)).map((e) => path.join(parent, e));
  for (const partial of of('new')) rmSync(partial, { recursive: true, force: true });
  const olds = of('old');
  // Only one write runs at a time, so there is at most one complete set; the newest, to be sure.
  const readies = of('ready').sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const extra of readies.slice(1)) rmSync(extra, { recursive: true, force: true });
  const ready = readies[0];
  if (ready) {
    const old = `${ready.replace(`${prefix}ready-`, `${prefix}old-`)}`;
    swap(live, ready, old);
  } else if (!exists(live) && olds.length > 0) {
    // Killed between the two renames of a swap whose new folder is gone: the previous one comes back.
    renameSync(olds.shift()!, live);
  }
  for (const old of olds) if (exists(old)) settleOld(old, live);
  if (exists(live)) {
    for (const entry of readdirSync(live)) if (FILE_TEMPORARY.test(entry)) rmSync(path.join(live, entry), { force: true });
  }
}

/**
 * Writes `files` as the complete content of the set in `folder` (other files there stay): after
 * it returns, the folder holds exactly this set; if it fails or the process dies, the folder
 * holds the previous set, whole. Waits up to `waitMs` for another process writing the same
 * folder, then throws OutputLockedError. Other failures are errno errors whose `path` names the
 * file or folder concerned.
 */
export async function writeOutputSet(folder: string, files: readonly SetFile[], options: WriteSetOptions = {}): Promise<string[]> {
  for (const { name } of files) {
    if (name !== path.basename(name) || name === '.' || name === '..' || name.startsWith('.')) throw new RangeError(`not a plain file name: ${name}`);
  }
  let live = path.resolve(folder);
  // A link to the output folder is followed: the set goes where it points, the link stays.
  if (exists(live) && lstatSync(live).isSymbolicLink()) live = realpathSync(live);
  const { parent, prefix, lock } = siblings(live);
  await makeFolder(parent);
  const me = await acquireLock(lock, live, options.waitMs ?? DEFAULT_WAIT_MS);
  const id = `${process.pid}-${nodeCrypto().randomBytes(4).toString('hex')}`;
  const staging = path.join(parent, `${prefix}new-${id}`);
  process.on('exit', removeTemporaryFiles);
  try {
    recover(live);
    const current = await fs.promises.lstat(live).catch(() => undefined);
    if (current && !current.isDirectory()) throw failure('ENOTDIR', live, 'not a directory');
    // A mount point cannot be renamed (EBUSY, EXDEV): the set could never be swapped in.
    if (current && current.dev !== (await fs.promises.stat(parent)).dev) throw failure(MOUNT_POINT, live, 'a mount point');
    // A folder where a file of the set should go would make the set fail half-way: refuse first.
    for (const { name } of files) {
      if ((await fs.promises.lstat(path.join(live, name)).catch(() => undefined))?.isDirectory()) throw failure('EISDIR', path.join(live, name), 'a folder is in the way');
    }
    pending.folders.add(staging);
    try {
      await fs.promises.mkdir(staging);
    } catch (error) {
      // The place of the output folder is what the user knows, not our temporary name.
      throw Object.assign(error as NodeJS.ErrnoException, { path: live });
    }
    if (current) await fs.promises.chmod(staging, current.mode & 0o7777);
    for (const file of files) {
      const handle = await fs.promises.open(path.join(staging, file.name), 'wx');
      try {
        await handle.writeFile(file.content);
        await handle.sync();
      } catch (error) {
        throw Object.assign(error as NodeJS.ErrnoException, { path: path.join(live, file.name) });
      } finally {
        await handle.close();
      }
    }
    syncFolder(staging);
    // From here to the end of the swap: synchronous, so that no signal handler runs in between.
    const ready = path.join(parent, `${prefix}ready-${id}`);
    renameSync(staging, ready);
    pending.folders.delete(staging);
    syncFolder(parent);
    const dropped = new Set((options.supersedes ?? []).filter((name) => !files.some((f) => f.name === name) && exists(path.join(live, name))));
    swap(live, ready, path.join(parent, `${prefix}old-${id}`), dropped);
    return [...dropped].map((name) => path.join(live, name));
  } catch (error) {
    if (pending.folders.delete(staging)) await fs.promises.rm(staging, { recursive: true, force: true });
    // A swap refused by the system (the previous set was put back): the new set goes too.
    await fs.promises.rm(path.join(parent, `${prefix}ready-${id}`), { recursive: true, force: true });
    throw error;
  } finally {
    process.off('exit', removeTemporaryFiles);
    releaseLock(lock, me.id);
  }
}

/**
 * Writes all files only after every one of them has been produced in memory: first each to a
 * temporary file beside its target, then, when all are written, renames them over their
 * targets one after another without yielding (a signal handler cannot run between two).
 * For outputs that are not a set in a folder of their own; a report's outputs use writeOutputSet.
 */
export async function writeAll(files: readonly OutputFile[]): Promise<void> {
  const staged: Array<{ temp: string; target: string }> = [];
  try {
    for (const file of files) {
      await makeFolder(path.dirname(file.path));
      const temp = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
      pending.files.add(temp);
      staged.push({ temp, target: file.path });
      // Created and written synchronously: with an open still running in the thread pool, a
      // signal handler removing the pending files could come first and the file appear after.
      const fd = openSync(temp, 'wx');
      try {
        writeFully(fd, typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    // A folder where a file should go would stop the renames half-way: refuse before any.
    for (const { target } of staged) {
      const existing = await fs.promises.lstat(target).catch(() => undefined);
      if (existing?.isDirectory()) throw failure('EISDIR', target, 'a folder is in the way');
    }
    for (const { temp, target } of staged) {
      renameSync(temp, target);
      pending.files.delete(temp);
    }
  } catch (error) {
    for (const { temp } of staged) {
      if (pending.files.delete(temp)) await fs.promises.rm(temp, { force: true });
    }
    throw error;
  }
}

/** A write may take fewer bytes than given (a file-size limit, a full disk): the rest is written, or its error thrown. */
function writeFully(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Whether `folder` has leftovers of an interrupted write beside it (for tests and diagnostics). */
export function leftoversOf(folder: string): string[] {
  const { parent, prefix } = siblings(path.resolve(folder));
  if (!existsSync(parent)) return [];
  return readdirSync(parent).filter((e) => e.startsWith(prefix));
}
