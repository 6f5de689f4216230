/**
 * The lock of an output folder: a file beside it (`.2023.report-lock`) holding who writes,
 * created exclusively. A second writer waits for it, up to a bound; a lock whose process is gone
 * (killed, or the machine restarted) is stale and taken away.
 */
import { nodeCrypto, nodeOs } from '../node-builtins.js';
import { closeSync, linkSync, lstatSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';

/** Who holds an output folder's lock. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken (ms since 1970). */
  since: number;
  /** Tells this holder's lock from a later one of the same process. */
  id: string;
}

/** Another process kept the folder's lock for longer than we were willing to wait. */
export class OutputLockedError extends Error {
  readonly code = 'ELOCKED';
  constructor(
    /** The output folder. */
    readonly path: string,
    /** The lock file, to name it to the user. */
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
    /** How long it waited. */
    readonly waitedMs: number,
  ) {
    super(`ELOCKED: output folder in use, '${path}'`);
  }
}

/** Waiting for another build: a write holds the lock well under a second. */
export const DEFAULT_WAIT_MS = 30_000;
/** A lock from another machine (a shared folder) cannot have its process checked: it is stale after this long. */
const FOREIGN_LOCK_STALE_MS = 10 * 60_000;
/** A lock file without readable content is being written; after this long its writer has died. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

/** The locks this process holds, to release them if it is interrupted. */
const held = new Map<string, string>();

/** Releases every lock this process holds (synchronous, for a signal handler or process exit). */
export function releaseHeldLocks(): void {
  for (const [lock, id] of [...held]) releaseLock(lock, id);
}

function readHolder(lock: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(lock, 'utf8')) as Partial<LockHolder>;
    if (typeof holder.pid === 'number' && typeof holder.host === 'string' && typeof holder.since === 'number' && typeof holder.id === 'string') {
      return holder as LockHolder;
    }
  } catch {
    // Gone, being written, or damaged: judged by its age.
  }
  return undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(holder: LockHolder | undefined, ageMs: number): boolean {
  if (!holder) return ageMs > UNREADABLE_LOCK_STALE_MS;
  if (holder.host !== nodeOs().hostname()) return ageMs > FOREIGN_LOCK_STALE_MS;
  return !processAlive(holder.pid);
}

/**
 * Takes a stale lock away. It is renamed first, and removed only if it is still the file that was
 * judged stale: two waiters may judge the same lock, and the second must not remove the lock the
 * first has taken since.
 */
function breakStale(lock: string, judged: number): void {
  const grave = `${lock}.stale-${nodeCrypto().randomBytes(4).toString('hex')}`;
  try {
    renameSync(lock, grave);
  } catch {
    return; // Someone else took it away first.
  }
  if (lstatSync(grave).ino === judged) {
    rmSync(grave, { force: true });
    return;
  }
  // A fresh lock: put it back, unless a third has taken the place meanwhile.
  try {
    linkSync(grave, lock);
  } catch {
    // Hard links unsupported, or the place taken: the fresh lock's owner finds it gone and fails safe.
  }
  rmSync(grave, { force: true });
}

function tryLock(lock: string, me: LockHolder, folder: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // Not writable there: the output folder is what the user named, not our lock file.
    throw Object.assign(error as NodeJS.ErrnoException, { path: folder });
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return true;
}

export async function acquireLock(lock: string, folder: string, waitMs: number): Promise<LockHolder> {
  const me: LockHolder = { pid: process.pid, host: nodeOs().hostname(), since: Date.now(), id: nodeCrypto().randomBytes(6).toString('hex') };
  const deadline = Date.now() + waitMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 200)) {
    if (tryLock(lock, me, folder)) {
      held.set(lock, me.id);
      return me;
    }
    let found;
    try {
      found = lstatSync(lock);
    } catch {
      continue; // Released between the two calls.
    }
    const holder = readHolder(lock);
    if (isStale(holder, Date.now() - found.mtimeMs)) {
      breakStale(lock, found.ino);
      continue;
    }
    if (Date.now() >= deadline) throw new OutputLockedError(folder, lock, holder, waitMs);
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(1, deadline - Date.now()))));
  }
}

export function releaseLock(lock: string, id: string): void {
  held.delete(lock);
  // Only our own: a lock broken as stale by mistake may be someone else's by now.
  if (readHolder(lock)?.id !== id) return;
  try {
    // A file: unlinked (rmSync loads Node's recursive removal, compiled anew after bin/report.js sets V8's flags).
    unlinkSync(lock);
  } catch {
    // Gone already, or left for the next run, which finds it stale.
  }
}
