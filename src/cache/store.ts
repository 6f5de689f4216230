/**
 * Where the memo's packs live, and their reading and writing. A pack belongs to one report (its
 * data folder, year and kind, and templates folder) and to one build of the tool, so that a
 * newer `report` never uses code compiled by an older one. A pack that is missing, unreadable
 * or from another build counts as empty, and a pack that cannot be written is left alone: the
 * cache only ever saves time, it never stops a run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packMemo, type Memo, type Pack } from './memo.js';

declare const __REPORT_BUILD__: string | undefined;

/** The bundled CLI's build (a hash of its sources); undefined when running from the sources, where nothing is cached. */
export const BUILD_ID: string | undefined = typeof __REPORT_BUILD__ === 'string' ? __REPORT_BUILD__ : undefined;

const FORMAT = 1;

/** `REPORT_CACHE_DIR`, or the user's own cache folder: another user cannot plant code in it. */
export function cacheFolder(env: Record<string, string | undefined>): string {
  if (env.REPORT_CACHE_DIR) return path.resolve(env.REPORT_CACHE_DIR);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'report', 'cache');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'report');
}

export interface OpenedPack {
  memo: Memo & Pack;
  /** Writes the pack if the run changed what it holds. */
  save(): void;
}

export function openPack(folder: string, scope: unknown, build: string): OpenedPack {
  const file = path.join(folder, `${createHash('sha1').update(JSON.stringify(scope)).digest('hex').slice(0, 24)}.json`);
  let entries: Record<string, string> | undefined;
  try {
    const pack = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; build?: unknown; entries?: unknown };
    if (pack.format === FORMAT && pack.build === build && pack.entries && typeof pack.entries === 'object') {
      entries = pack.entries as Record<string, string>;
    }
  } catch {
    entries = undefined;
  }
  const memo = packMemo(entries);
  return {
    memo,
    save() {
      const changed = memo.changes();
      if (changed) keepFile(file, JSON.stringify({ format: FORMAT, build, entries: changed }));
    },
  };
}

/** Writes a cache file atomically, or leaves it alone when that fails: the cache never stops a run. */
export function keepFile(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there either.
    }
  }
}
