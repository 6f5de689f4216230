/**
 * Replaying a run. When `report validate` or `report build` runs again with the same command
 * line, in the same folder, environment and build of the tool, and every input the last run
 * looked at (cache/journal.ts) is unchanged, and every file it wrote still holds what it wrote,
 * the result cannot differ: the earlier run's messages and exit code are given again without
 * loading the tool. Anything else, including a damaged or missing record, means a full run.
 *
 * This module is bundled on its own (dist/bundle/replay.cjs) so that bin/report.js can try it
 * before loading the rest.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isatty } from 'node:tty';
import { observe, type Observation } from './journal.js';
import { BUILD_ID, cacheFolder, keepFile } from './store.js';

const FORMAT = 1;

/** What a run's result may depend on besides the files it reads. */
export interface RunSetting {
  argv: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout and stderr are terminals (colours, for one). */
  terminals: readonly [boolean, boolean];
}

/** Which output a transcript chunk went to: 1 stdout, 2 stderr. */
export type Transcript = Array<[stream: 1 | 2, text: string]>;

interface RunRecord {
  format: typeof FORMAT;
  setting: string;
  observations: Observation[];
  transcript: Transcript;
  exitCode: number;
}

/** The commands whose runs are recorded (build only without --watch; the command decides). */
export function mayReplay(argv: readonly string[]): boolean {
  return BUILD_ID !== undefined && (argv[0] === 'validate' || argv[0] === 'build');
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** One record per command line and folder, so that a changed environment replaces it rather than adding one. */
function recordFile(setting: RunSetting): string {
  return path.join(cacheFolder(setting.env), 'runs', `${sha1(JSON.stringify([setting.argv, setting.cwd])).slice(0, 24)}.json`);
}

/** Everything else the result may depend on: the whole environment, not a guess at which variables matter. */
function settingDigest(setting: RunSetting): string {
  const env = Object.entries(setting.env)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha1(JSON.stringify([BUILD_ID, process.version, process.platform, process.arch, setting.terminals, env]));
}

/** This process's setting, for the command line `argv`. */
export function settingOf(argv: readonly string[]): RunSetting {
  // isatty rather than process.stdout.isTTY, which would set up the stream just to ask.
  return { argv, cwd: process.cwd(), env: process.env, terminals: [isatty(1), isatty(2)] };
}

/**
 * The recorded run's messages and exit code, when the record holds for this setting and nothing
 * it looked at has changed; otherwise undefined.
 */
export function replay(setting: RunSetting): Pick<RunRecord, 'transcript' | 'exitCode'> | undefined {
  if (!mayReplay(setting.argv)) return undefined;
  try {
    const record = JSON.parse(readFileSync(recordFile(setting), 'utf8')) as RunRecord;
    if (record.format !== FORMAT || record.setting !== settingDigest(setting)) return undefined;
    if (!Array.isArray(record.transcript) || !record.transcript.every(([stream, text]) => (stream === 1 || stream === 2) && typeof text === 'string')) return undefined;
    if (!Number.isInteger(record.exitCode)) return undefined;
    for (const [look, where, seen] of record.observations) {
      if (observe(look, where) !== seen) return undefined;
    }
    return record;
  } catch {
    // No record, or one that cannot be read: run.
    return undefined;
  }
}

/**
 * Keeps a finished run for replay: what it looked at, then the files it wrote as they are now
 * on disk. Best effort, like the rest of the cache.
 */
export function keepRun(setting: RunSetting, observations: Observation[], written: readonly string[], transcript: Transcript, exitCode: number): void {
  const file = recordFile(setting);
  const outputs: Observation[] = written.map((where) => ['read', where, observe('read', where)]);
  const record: RunRecord = { format: FORMAT, setting: settingDigest(setting), observations: [...observations, ...outputs], transcript, exitCode };
  keepFile(file, JSON.stringify(record));
}
