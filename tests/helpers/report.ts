/**
 * Runs the `report` command line in-process: `main(argv, io)` with its output gathered, the
 * working folder and the environment given. Nothing is spawned, so a test pays for the work of
 * the command and not for starting Node and loading the bundle.
 *
 * `main` adds SIGINT and SIGTERM handlers for the length of a run; every run here checks that it
 * took them away again, so one test's run never changes how the next one ends.
 */
import { main } from '../../src/cli/main.js';
import { ROOT } from './fixture.js';

export interface ReportRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The working folder (relative paths in arguments and in messages are relative to it). */
  cwd?: string;
  /** The environment the command sees (NO_COLOR is set unless given). */
  env?: Record<string, string | undefined>;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const listeners = () => SIGNALS.map((s) => process.listeners(s));

function ioFor(options: RunOptions, out: { stdout: string; stderr: string }) {
  return {
    stdout: (s: string) => void (out.stdout += s),
    stderr: (s: string) => void (out.stderr += s),
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...options.env },
    isTTY: false,
  };
}

function checkSignalsRestored(before: ReturnType<typeof listeners>, args: readonly string[]): void {
  const after = listeners();
  SIGNALS.forEach((signal, i) => {
    const added = after[i]!.filter((l) => !before[i]!.includes(l));
    if (added.length > 0 || after[i]!.length !== before[i]!.length) {
      throw new Error(`report ${args.join(' ')} left ${signal} handlers behind (${before[i]!.length} before, ${after[i]!.length} after)`);
    }
  });
}

/** `report <args>`, in-process, to its end. */
export async function report(args: readonly string[], options: RunOptions = {}): Promise<ReportRun> {
  const out = { stdout: '', stderr: '' };
  const before = listeners();
  const code = await main(args, ioFor(options, out));
  checkSignalsRestored(before, args);
  return { code, ...out };
}

export interface RunningReport {
  /** Output so far. */
  readonly output: { stdout: string; stderr: string };
  /** Resolves when the command has ended. */
  done: Promise<ReportRun>;
  /** Waits until `text` has appeared `times` times on the stream (the command's own pace; no fixed delay). */
  waitFor(text: string, options?: { stream?: 'stdout' | 'stderr'; times?: number; timeoutMs?: number }): Promise<void>;
  /** Ctrl-C: calls the SIGINT handlers the command added, and only those (never the test runner's). */
  interrupt(): void;
}

/** `report <args>` for a command that keeps running (build --watch, preview) until interrupted. */
export function start(args: readonly string[], options: RunOptions = {}): RunningReport {
  const output = { stdout: '', stderr: '' };
  const before = listeners();
  let ended = false;
  const done = main(args, ioFor(options, output)).then((code) => {
    ended = true;
    checkSignalsRestored(before, args);
    return { code, ...output };
  });
  const seen = (text: string, stream: 'stdout' | 'stderr') => output[stream].split(text).length - 1;
  return {
    output,
    done,
    async waitFor(text, { stream = 'stderr', times = 1, timeoutMs = 20_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      while (seen(text, stream) < times) {
        if (ended || Date.now() > deadline) {
          throw new Error(`“${text}” ×${times} not seen${ended ? ' (the command ended)' : ''}; stderr:\n${output.stderr}\nstdout:\n${output.stdout}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    interrupt() {
      const added = process.listeners('SIGINT').filter((l) => !before[0]!.includes(l));
      for (const listener of added) (listener as (signal: NodeJS.Signals) => void)('SIGINT');
    },
  };
}

/** Diagnostics printed with `--format json`, one object a line. */
export interface JsonDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  code: string;
  severity: string;
  message: string;
  hint: string | null;
  path?: string | null;
  /** In a spreadsheet: the worksheet and the cell (F12). */
  sheet?: string | null;
  cell?: string | null;
}

export function jsonDiagnostics(stdout: string): JsonDiagnostic[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as JsonDiagnostic);
}
