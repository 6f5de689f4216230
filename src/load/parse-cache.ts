/**
 * The parse cache (解析缓存): what reading a source file gave — a YAML file's value, a workbook's
 * sheets of cells — kept as plain JSON in `<out>/.report-cache/`, one entry per file content, so a
 * second run, or a run after one file was edited, parses only what changed. A writer keeps what it
 * made the same way (`find`, `keep`): the Word document, by its inputs as JSON (write/formats.ts).
 *
 * An entry is trusted only when everything about it checks out: its name is the digest of the
 * file's exact content with the reader's version; its first line holds the digest of the rest,
 * which must match; the rest must parse as JSON of the expected shape. Anything else (a damaged,
 * truncated or edited entry, another version's) is a miss: the file is parsed again, as with no
 * cache. Only plain data is stored, never code, and only what a clean parse gave: a file with a
 * problem is parsed every time, so its messages come from the parser itself.
 *
 * Entries are written atomically (temporary file, then rename), only when the run asks (a build
 * that wrote its outputs, a validate into a cache folder that exists), and the folder is kept
 * under its bound by removing the oldest entries, looked at once enough has been written since the
 * last time (pruneDue).
 */
import { nodeCrypto } from '../node-builtins.js';
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The cache's folder inside the output folder. */
export const CACHE_FOLDER = '.report-cache';
const FORMAT = 1;
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
/** The folder's bound, and what is written between two prunings of it (see pruneDue). */
const LIMITS = { maxBytes: 256 * 1024 * 1024, pruneAfter: 16 * 1024 * 1024 };
/** The log of what each run wrote since the folder was last pruned, and its bound in lines (see pruneDue). */
const WRITTEN_FILE = 'written-since-pruned';
const MAX_WRITTEN_LINES = 4096;
const ENTRY = /^[0-9a-f]{64}\.json$/;

/**
 * The reader's version: this module's file, by size and time (a new install or a rebuilt bundle
 * is a new version, and its entries start afresh).
 */
function readerVersion(): string {
  try {
    const s = statSync(fileURLToPath(import.meta.url));
    return `${FORMAT}:${s.size}:${s.mtimeMs}`;
  } catch {
    return `${FORMAT}:unknown`;
  }
}

/** Whether `value` is JSON that reads back as itself: no Infinity, NaN, -0, undefined, class instance. */
function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 200) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) if (!isPlainData((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/**
 * For `find` by a stage that checks what it is given itself (a workbook's kept rows, a year's kept
 * checks: validate/): anything read back is handed on.
 */
export const unchecked = (data: unknown): data is unknown => data !== undefined;

/** What an entry is found by: a file's content, or several parts (a file's bytes and the settings reading them used). */
type Content = string | Uint8Array | ReadonlyArray<string | Uint8Array>;

export class ParseCache {
  private readonly version = readerVersion();
  /**
   * This run's misses, by key, as JSON made at once: later stages must not change what is kept
   * (a value is kept as the parser gave it, whatever the run does with it afterwards).
   */
  private readonly pending = new Map<string, string>();

  /**
   * `folder`: the cache's folder. With `create` it is made when entries are saved (a build, which
   * makes the output folder anyway); without, entries are saved only into a folder that exists.
   */
  constructor(
    readonly folder: string,
    private readonly options: { create: boolean; limits?: typeof LIMITS } = { create: true },
  ) {}

  private folderFound: boolean | undefined;

  /** Whether entries can be read or saved: the folder exists, or is made when saving. */
  private usable(): boolean {
    if (this.options.create) return true;
    try {
      return (this.folderFound ??= statSync(this.folder).isDirectory());
    } catch {
      return (this.folderFound = false);
    }
  }

  /**
   * What an earlier run kept for `content` (`keep` below), when its entry checks out by `valid`;
   * `display`, when what was kept depends on it (a workbook's messages name its file).
   */
  find<T>(kind: string, content: Content, valid: (data: unknown) => data is T, display = ''): T | undefined {
    return this.usable() ? this.checked(this.key(kind, display, content), valid) : undefined;
  }

  /** Keeps `result`, what `content` gave, for later runs: saved with this run's other entries. */
  keep(kind: string, content: Content, result: unknown, display = ''): void {
    if (this.usable()) this.hold(this.key(kind, display, content), result);
  }

  /**
   * The name of the entry for `content`, to look it up later (`holds`, `findAt`, `keepAt`) or to
   * stand for the content in another entry's key (a year's files by their entries' names); undefined
   * when the cache can be neither read nor written.
   */
  digest(kind: string, content: Content, display = ''): string | undefined {
    return this.usable() ? this.key(kind, display, content) : undefined;
  }

  /** Whether an entry by that name is in the folder (what it holds is checked when it is read). */
  holds(digest: string): boolean {
    try {
      return statSync(path.join(this.folder, `${digest}.json`)).isFile();
    } catch {
      return false;
    }
  }

  /** `find` by an entry's name (`digest`). */
  findAt<T>(digest: string, valid: (data: unknown) => data is T): T | undefined {
    return this.checked(digest, valid);
  }

  /** `keep` by an entry's name (`digest`). */
  keepAt(digest: string, result: unknown): void {
    this.hold(digest, result);
  }

  private key(kind: string, display: string, content: Content): string {
    const hash = nodeCrypto().createHash('sha256').update(`${this.version}\0${kind}\0${display}\0`);
    if (typeof content === 'string' || content instanceof Uint8Array) return hash.update(content).digest('hex');
    // Several parts: each after its length, so that no two lists of parts hash alike.
    for (const part of content) hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.length}\0`).update(part);
    return hash.digest('hex');
  }

  /** The entry `key`, when it reads back and checks out by `valid`. */
  private checked<T>(key: string, valid: (data: unknown) => data is T): T | undefined {
    const cached = this.read(key);
    return cached !== undefined && valid(cached) ? cached : undefined;
  }

  private hold(key: string, result: unknown): void {
    if (!isPlainData(result)) return;
    const payload = JSON.stringify(result);
    if (payload.length <= MAX_ENTRY_BYTES) this.pending.set(key, payload);
  }

  private read(key: string): unknown {
    let fd: number | undefined;
    try {
      fd = openSync(path.join(this.folder, `${key}.json`), 'r');
      const size = fstatSync(fd).size;
      if (size > MAX_ENTRY_BYTES + 200) return undefined;
      const buffer = Buffer.allocUnsafe(size);
      let at = 0;
      while (at < size) {
        const n = readSync(fd, buffer, at, size - at, at);
        if (n === 0) break;
        at += n;
      }
      const bytes = buffer.subarray(0, at);
      const newline = bytes.indexOf(10);
      if (newline < 0) return undefined;
      const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { format?: unknown; key?: unknown; sha256?: unknown };
      // The digest of the payload's bytes as they are on disk (the same as of its text written as UTF-8), before decoding them.
      const payload = bytes.subarray(newline + 1);
      if (header.format !== FORMAT || header.key !== key || header.sha256 !== nodeCrypto().createHash('sha256').update(payload).digest('hex')) return undefined;
      return JSON.parse(payload.toString('utf8')) as unknown;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Writes the entries of this run's misses; never fails the run (a cache that cannot be written is no cache). */
  save(): void {
    if (this.pending.size === 0) return;
    try {
      if (this.options.create) mkdirSync(this.folder, { recursive: true });
      else if (!statSync(this.folder).isDirectory()) return;
      let written = 0;
      for (const [key, payload] of this.pending) {
        written += payload.length;
        const header = JSON.stringify({ format: FORMAT, key, sha256: nodeCrypto().createHash('sha256').update(payload).digest('hex') });
        const target = path.join(this.folder, `${key}.json`);
        const temporary = `${target}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`;
        try {
          writeFileSync(temporary, `${header}\n${payload}`, { flag: 'wx' });
          renameSync(temporary, target);
        } catch {
          rmSync(temporary, { force: true });
        }
      }
      this.pending.clear();
      if (this.pruneDue(written)) this.prune();
    } catch {
      // An unwritable output folder: the run's outputs report it; the cache stays as it was.
    }
  }

  /**
   * Whether the folder is to be pruned after `written` more characters of entries: when what was
   * written since it last was passes `pruneAfter`. Looking at every entry took a run that wrote a
   * few entries into a folder of some hundreds longer than its own work on them; so the folder can
   * grow past `maxBytes` by `pruneAfter` (and the last run's entries), and no further.
   *
   * WRITTEN_FILE is a log, one line a run, of what each run wrote since the last pruning; a run
   * appends its line. Rewriting one number in place made ext4 flush the file on close (its
   * replace-by-truncate heuristic), and 4 runs in 30 of a validate after an edit stalled there
   * 38–215 ms; an append has no such flush. A log that cannot be read, holds anything but counts,
   * or has grown past MAX_WRITTEN_LINES is a prune, after which it starts again.
   */
  private pruneDue(written: number): boolean {
    const file = path.join(this.folder, WRITTEN_FILE);
    let before = Number.NaN;
    try {
      const lines = readFileSync(file, 'utf8').split('\n');
      if (lines.pop() === '' && lines.length <= MAX_WRITTEN_LINES) before = lines.reduce((sum, line) => (/^\d{1,15}$/.test(line) ? sum + Number(line) : Number.NaN), 0);
    } catch {
      // No log yet: a new folder, or one an earlier version wrote.
    }
    const due = !Number.isSafeInteger(before) || before + written > (this.options.limits ?? LIMITS).pruneAfter;
    // A pruning empties the log (rarely: once every pruneAfter); every other run appends.
    if (due) writeFileSync(file, '');
    else appendFileSync(file, `${written}\n`);
    return due;
  }

  /** Keeps the folder under `maxBytes`: the oldest entries go first. */
  private prune(): void {
    const entries = readdirSync(this.folder)
      .filter((name) => ENTRY.test(name))
      .map((name) => {
        const s = statSync(path.join(this.folder, name));
        return { name, size: s.size, time: s.mtimeMs };
      })
      .sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : 1));
    let total = 0;
    for (const entry of entries) {
      total += entry.size;
      if (total > (this.options.limits ?? LIMITS).maxBytes) rmSync(path.join(this.folder, entry.name), { force: true });
    }
  }
}
