/**
 * Runs the real CLI (bin/report.js on the bundle, as installed) in a child process. Only the few
 * end-to-end tests use it: what only a real process shows (exit status, signals, the bundle
 * itself, the process's time zone and locale). Everything else drives `main` in-process
 * (report.ts).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './fixture.js';

export const BIN = path.join(ROOT, 'bin', 'report.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...options.env }, maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 60_000 },
      (error, stdout, stderr) => {
        const e = error as (Error & { code?: number | string; signal?: NodeJS.Signals | null }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}
