/**
 * Watching the inputs of a report: runs once, then again whenever a file it reads changes — the
 * folders its kind's plan reads (a year's folder and the year before, a term's years and folder),
 * organization.yaml, layout.yaml and the --templates folder.
 * Folders are watched, not files, so editors that save by writing a new file and renaming it over
 * the old one are seen; a folder that does not exist yet (or is deleted and made again) is watched
 * through its parent. Changes are gathered for a short quiet time (debounce) and runs never
 * overlap. Used by `report build --watch` and `report preview`; tests drive it in-process and stop
 * it with an AbortSignal.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { build, type BuildRequest, type BuildResult } from './build.js';
import type { Plan } from './kinds/kind.js';
import { DATA_FOLDER_FILES } from './load/data-folder.js';
import { BuildSession } from './session.js';
import { appendAll } from './append.js';

export interface WatchTargets {
  /** Data folders (absolute, or relative to cwd): one, or several for a compilation. */
  dataDirs: readonly string[];
  /** The year built; undefined until known (then the whole data folder is watched). */
  year?: number;
  /** A term report's years: the whole data folder is watched (the years and the term folder). */
  range?: { from: number; to: number };
  templatesDir?: string;
  /** What the last run's plan read (the kind's years and folders of each data folder); until then, the year's guess above. */
  sources?: Plan['sources'];
  cwd?: string;
  /** Absolute paths whose changes are ignored (the output folder, so a build never triggers itself). */
  ignore?: readonly string[];
}

/** What a report's options say is to be watched (build --watch and preview alike). */
export function watchTargetsOf(
  report: { dataDirs: readonly string[]; range?: { from: number; to: number } | undefined; templatesDir?: string | undefined },
  year: number | undefined,
): Pick<WatchTargets, 'dataDirs' | 'range' | 'year' | 'templatesDir'> {
  return {
    dataDirs: report.dataDirs,
    ...(report.range ? { range: report.range } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(report.templatesDir !== undefined ? { templatesDir: report.templatesDir } : {}),
  };
}

/** One folder to watch: recursively or not, and which entries matter (null: all). */
export interface WatchedFolder {
  recursive: boolean;
  names: Set<string> | null;
}

/** The folders to watch for these inputs, by absolute path. */
export function watchedFolders(targets: WatchTargets): Map<string, WatchedFolder> {
  const cwd = targets.cwd ?? process.cwd();
  const folders = new Map<string, WatchedFolder>();
  const add = (folder: string, recursive: boolean, name: string | null) => {
    const entry = folders.get(folder) ?? { recursive: false, names: new Set<string>() };
    entry.recursive ||= recursive;
    if (name === null) entry.names = null;
    else entry.names?.add(name);
    folders.set(folder, entry);
  };
  /** A folder and everything in it; its parent sees it appear, vanish or be replaced. */
  const tree = (folder: string) => {
    add(folder, true, null);
    add(path.dirname(folder), false, path.basename(folder));
  };
  if (targets.sources) {
    for (const source of targets.sources) {
      const dataDir = path.resolve(cwd, source.dataDir);
      add(path.dirname(dataDir), false, path.basename(dataDir));
      for (const name of Object.values(DATA_FOLDER_FILES)) add(dataDir, false, name);
      for (const folder of [...source.years.map(String), ...source.folders]) tree(path.join(dataDir, folder));
    }
  }
  for (const dataDir of targets.sources ? [] : targets.dataDirs.map((d) => path.resolve(cwd, d))) {
    if (targets.range) {
      tree(dataDir);
    } else if (targets.year === undefined) {
      add(path.dirname(dataDir), false, path.basename(dataDir));
      add(dataDir, false, null); // any year folder may become the latest
    } else {
      add(path.dirname(dataDir), false, path.basename(dataDir));
      for (const name of Object.values(DATA_FOLDER_FILES)) add(dataDir, false, name);
      for (const year of [targets.year, targets.year - 1]) tree(path.join(dataDir, String(year)));
    }
  }
  if (targets.templatesDir !== undefined) tree(path.resolve(cwd, targets.templatesDir));
  return folders;
}

/** Editors' swap, backup and lock files, and our own temporary files: never a reason to rebuild. */
export function isNoise(file: string): boolean {
  const name = path.basename(file);
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|swo|tmp|bak)$/i.test(name) || name === '4913' || name.startsWith('#');
}

export interface WatchLoopOptions extends WatchTargets {
  signal: AbortSignal;
  /** Quiet time after the last change before running, in milliseconds. */
  debounceMs?: number;
  /**
   * Runs once at the start and after each batch of changes (absolute paths; empty the first time).
   * Resolves to the plan it worked on (or just its year), which narrows what is watched.
   */
  run: (changes: readonly string[]) => Promise<Pick<Plan, 'year' | 'sources'> | number | undefined>;
  /** A run that threw (a defect, not a data problem); the loop goes on. Without it, the loop stops with the error. */
  onRunError?: (error: unknown) => void;
  /** A folder that cannot be watched (e.g. the system's limit of watches is reached). */
  onWatchError?: (error: Error, folder: string) => void;
  /** False: watch each folder of a tree on its own, as where recursive watching is unavailable. */
  recursiveWatch?: boolean;
}

const isDirectory = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** A folder and every folder below it (not hidden ones). */
function subfolders(folder: string): string[] {
  const out = [folder];
  try {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) appendAll(out, subfolders(path.join(folder, entry.name)));
    }
  } catch {
    // vanished meanwhile
  }
  return out;
}

const within = (file: string, folder: string): boolean => file === folder || file.startsWith(folder + path.sep);

/** Runs `run` now and after every change until the signal aborts; resolves when stopped. */
export function watchLoop(options: WatchLoopOptions): Promise<void> {
  const { signal } = options;
  // Editors save by writing and renaming within a few milliseconds: a short quiet time gathers them.
  const debounceMs = options.debounceMs ?? 15;
  const cwd = options.cwd ?? process.cwd();
  const ignore = (options.ignore ?? []).map((p) => path.resolve(cwd, p));
  let year = options.year;
  let sources = options.sources;
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = new Set<string>();
  const reported = new Set<string>();

  return new Promise<void>((resolve, reject) => {
    let finished = false;
    const closeWatchers = () => {
      for (const w of watchers) w.close();
      watchers = [];
    };
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      closeWatchers();
      signal.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onAbort = () => {
      if (!running) finish();
      // else: finish when the run in flight ends
    };

    const changed = (file: string) => {
      if (finished || signal.aborted) return;
      if (isNoise(file) || ignore.some((folder) => within(file, folder))) return;
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => void next(), debounceMs);
    };

    /** (Re)opens the watchers; folders may have appeared or been replaced since last time. */
    const arm = () => {
      closeWatchers();
      const targets: WatchTargets = {
        dataDirs: options.dataDirs,
        cwd,
        ...(options.range ? { range: options.range } : {}),
        ...(year !== undefined ? { year } : {}),
        ...(sources !== undefined ? { sources } : {}),
        ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
      };
      /** Watches one folder; `base` is the folder whose entries `names` lists. */
      const open = (folder: string, recursive: boolean, names: Set<string> | null, base: string) => {
        const watcher = watch(folder, { recursive, persistent: true }, (_event, filename) => {
          const file = path.join(folder, filename === null ? '' : String(filename));
          const entry = path.relative(base, file).split(path.sep)[0]!;
          if (names !== null && entry !== '' && !names.has(entry)) return;
          changed(file);
        });
        // A watched folder removed under us: look again (through its parent) on the next run.
        watcher.on('error', () => changed(folder));
        watchers.push(watcher);
      };
      for (const [folder, { recursive, names }] of watchedFolders(targets)) {
        if (!isDirectory(folder)) continue;
        try {
          try {
            if (recursive && options.recursiveWatch === false) throw Object.assign(new Error('recursive watching off'), { code: 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM' });
            open(folder, recursive, names, folder);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM') throw error;
            // No recursive watching here: each folder of the tree on its own (new ones are
            // picked up when the watchers are reopened after the change that made them).
            for (const sub of subfolders(folder)) open(sub, false, names, folder);
          }
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'ENOTDIR') continue; // gone since the check; the parent will tell
          if (!reported.has(folder)) options.onWatchError?.(error as Error, folder);
          reported.add(folder);
        }
      }
    };

    const next = async () => {
      if (running || finished) return;
      if (signal.aborted) return finish();
      running = true;
      const changes = [...pending].sort();
      pending = new Set();
      arm();
      try {
        const built = await options.run(changes);
        const plan = typeof built === 'object' ? built : undefined;
        const builtYear = typeof built === 'number' ? built : plan?.year;
        if ((builtYear !== undefined && builtYear !== year) || (plan && JSON.stringify(plan.sources) !== JSON.stringify(sources))) {
          year = builtYear ?? year;
          sources = plan?.sources ?? sources;
          arm();
        }
      } catch (error) {
        if (!options.onRunError) {
          running = false;
          return finish(error);
        }
        options.onRunError(error);
      }
      running = false;
      if (signal.aborted) return finish();
      // Changes that came in during the run: another run after the quiet time.
      if (pending.size > 0) {
        clearTimeout(timer);
        timer = setTimeout(() => void next(), debounceMs);
      }
    };

    if (signal.aborted) return finish();
    signal.addEventListener('abort', onAbort, { once: true });
    void next();
  });
}

export interface BuildEvent {
  result: BuildResult;
  /** True for the build at the start. */
  first: boolean;
  /** The changed files (absolute paths) that caused this build; empty for the first. */
  changes: readonly string[];
}

export interface WatchBuildOptions extends BuildRequest {
  signal: AbortSignal;
  debounceMs?: number;
  /** After each build, successful or not. A failed build leaves the previous outputs in place. */
  onBuild: (event: BuildEvent) => void | Promise<void>;
  onRunError?: (error: unknown) => void;
  onWatchError?: (error: Error, folder: string) => void;
}

/** `report build --watch`: builds, then rebuilds on every change until the signal aborts. */
export function watchBuild(options: WatchBuildOptions): Promise<void> {
  const { signal, debounceMs, onBuild, onRunError, onWatchError, ...buildOptions } = options;
  const cwd = buildOptions.cwd;
  let first = true;
  // A term report is named by its years; otherwise the year found by the first build stays the
  // one built, even if a later year folder appears.
  let year = buildOptions.range ? undefined : buildOptions.year;
  // Files and templates that did not change are not parsed again.
  const session = new BuildSession();
  return watchLoop({
    ...watchTargetsOf(buildOptions, year),
    cwd,
    signal,
    ignore: [path.resolve(cwd, buildOptions.outDir)],
    ...(debounceMs !== undefined ? { debounceMs } : {}),
    ...(onRunError ? { onRunError } : {}),
    ...(onWatchError ? { onWatchError } : {}),
    run: async (changes) => {
      const result = await build({ ...buildOptions, session, ...(year !== undefined ? { year } : {}) });
      session.settle();
      if (!buildOptions.range) year ??= result.plan?.year;
      const event = { result, first, changes };
      first = false;
      await onBuild(event);
      return result.plan;
    },
  });
}
