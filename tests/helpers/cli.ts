/** Runs the real CLI (bin/report.js, on the compiled library) as a user would. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './fixture.js';

/** The runs of one test file share a cache folder of their own, away from the user's. */
export const CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'report-cache-'));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'report.js'), ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', REPORT_CACHE_DIR: CACHE_DIR, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
