/** What every command shares: the IO it writes to, argument parsing, diagnostics output. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInput, statInput } from '../cache/journal.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decode } from '../load/decode.js';
import { formatGithub, formatJson, formatText, summary, type DiagnosticFormat } from './format.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A mistake in how the command was called: exit code 2, no stack trace. */
export class UsageError extends Error {}

/** Each command's action returns its exit code. */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
  /**
   * Called by a command whose result depends only on the data and templates it read (through
   * cache/journal.ts) and on its command line, with the files it wrote: the run may be replayed.
   */
  replayable: (written?: readonly string[]) => void;
}

export function parseYear(value: string | undefined): { year?: number } {
  if (value === undefined) return {};
  if (!/^\d{4}$/.test(value)) throw new UsageError(`年份应为四位数字，如 2023，而不是“${value}”`);
  return { year: Number(value) };
}

/** `data/` in the working folder, or else the package's bundled sample data. */
export function resolveDataDir(given: string | undefined, io: Io): string {
  if (given !== undefined) return given;
  const local = path.join(io.cwd, 'data');
  if (statInput(local).kind === 'folder') return local;
  const bundled = path.join(PACKAGE_ROOT, 'data');
  io.stderr(`当前文件夹下没有 data/，使用内置示例数据：${bundled}\n`);
  return bundled;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, io: Io): void {
  // Machine formats go to stdout for piping; text is for people and goes to stderr.
  const write = format === 'text' ? io.stderr : io.stdout;
  const color = io.isTTY && !io.env.NO_COLOR && format === 'text';
  // Each file is read once, however many problems it has.
  const sources = new Map<string, string | undefined>();
  const readSource = (file: string) => {
    if (!sources.has(file)) {
      try {
        // Decoded as the loader decoded it, so a GBK file's line and caret come out right.
        const decoded = decode(readInput(path.resolve(io.cwd, file)));
        sources.set(file, decoded.error === undefined ? decoded.text : undefined);
      } catch {
        sources.set(file, undefined);
      }
    }
    return sources.get(file);
  };
  for (const d of diagnostics) {
    if (format === 'json') write(formatJson(d) + '\n');
    else if (format === 'github') write(formatGithub(d) + '\n');
    else write(formatText(d, { color, readSource }) + '\n\n');
  }
  if (format === 'text' && diagnostics.length > 0) write(summary(diagnostics) + '\n');
}
