/**
 * The inputs a run looked at. Every read of data and templates goes through the three functions
 * here (a test keeps it so), which return what `node:fs` returns and, while a journal is open,
 * note what was seen: a file's content digest, a path's kind and size, a folder's entries.
 * A missing file is noted too, so that creating it later counts as a change.
 *
 * The journal is what makes replaying a run safe (cache/replay.ts): a later run with the same
 * command line repeats each observation, and only when every one comes out the same does it
 * print the earlier run's messages instead of doing the work again. The same `observe` function
 * writes the journal and checks it, so the two cannot drift apart.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';

/** What was looked at: a file's content, a path's kind, a folder's entries. */
export type Look = 'read' | 'stat' | 'list';

/** One observation: what was looked at, where (absolute), and what was seen, as a string. */
export type Observation = [look: Look, path: string, seen: string];

/** Open while a replayable command runs; keyed by look and path, so a path read twice is noted once. */
let journal: Map<string, Observation> | undefined;
/** Set when the same look saw two different things in one run (a file edited while it ran). */
let unsteady = false;

export function openJournal(): void {
  journal = new Map();
  unsteady = false;
}

/**
 * The observations since openJournal, in the order they were first made, and closes the
 * journal; undefined when an input changed during the run, which then cannot be replayed.
 */
export function closeJournal(): Observation[] | undefined {
  const seen = journal ? [...journal.values()] : [];
  journal = undefined;
  if (unsteady) return undefined;
  // A file read whole says all its stat said (that it is a file, and its size): one look fewer to repeat.
  const read = new Set(seen.filter(([look, , what]) => look === 'read' && !what.startsWith('!')).map(([, path]) => path));
  return seen.filter(([look, path]) => look !== 'stat' || !read.has(path));
}

function note(look: Look, path: string, seen: string): void {
  if (!journal) return;
  const key = `${look}\0${path}`;
  const before = journal.get(key);
  if (!before) journal.set(key, [look, path, seen]);
  else if (before[2] !== seen) unsteady = true;
}

export type PathKind = 'file' | 'folder' | 'other' | 'missing';

function kindOf(stats: Stats): Exclude<PathKind, 'missing'> {
  return stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other';
}

/** How each look is made, and how what it saw is written in the journal. */
const LOOKS = {
  read: { make: (path: string) => readFileSync(path), show: (bytes: Buffer) => createHash('sha1').update(bytes).digest('hex') },
  // Folders marked, since a year folder and a file named 2023 are told apart by the loaders.
  list: {
    make: (path: string) => readdirSync(path, { withFileTypes: true }),
    show: (entries: Dirent[]) => JSON.stringify(entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort()),
  },
  stat: {
    make: (path: string) => statSync(path),
    show: (stats: Stats) => (stats.isFile() ? `file:${stats.size}` : kindOf(stats)),
  },
} as const;

/** How a failed look is written: its error code. */
const failure = (error: unknown) => `!${(error as NodeJS.ErrnoException).code ?? 'ERROR'}`;

type Made<L extends Look> = ReturnType<(typeof LOOKS)[L]['make']>;

/** Makes a look, noting what it saw while a journal is open; throws what node:fs throws. */
function look<L extends Look>(kind: L, path: string): Made<L> {
  const how = LOOKS[kind] as unknown as { make: (p: string) => Made<L>; show: (v: Made<L>) => string };
  try {
    const made = how.make(path);
    if (journal) note(kind, path, how.show(made));
    return made;
  } catch (error) {
    note(kind, path, failure(error));
    throw error;
  }
}

/** A file's bytes; throws as readFileSync does. */
export function readInput(path: string): Buffer {
  return look('read', path);
}

/** A folder's entries; throws as readdirSync does. */
export function listInput(path: string): Dirent[] {
  return look('list', path);
}

/** What is at a path (following symlinks, as the loaders do) and, for a file, its size; never throws. */
export function statInput(path: string): { kind: PathKind; size: number } {
  try {
    const stats = look('stat', path);
    const kind = kindOf(stats);
    return { kind, size: kind === 'file' ? stats.size : 0 };
  } catch {
    // Whatever the reason, the loaders treat a path they cannot stat as absent.
    return { kind: 'missing', size: 0 };
  }
}

/** What the same look sees now, written as the journal writes it. */
export function observe(kind: Look, path: string): string {
  const how = LOOKS[kind] as unknown as { make: (p: string) => unknown; show: (v: unknown) => string };
  try {
    return how.show(how.make(path));
  } catch (error) {
    return failure(error);
  }
}
