/** What every command shares: the IO it writes to, argument parsing, diagnostics output. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decode } from '../load/decode.js';
import { readRegularFile } from '../load/files.js';
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

/** Each command's action sets its exit code. */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
}

/** The years a report can be about. */
const FIRST_YEAR = 1949;
const LAST_YEAR = 2100;

export function parseYear(value: string | undefined): { year?: number } {
  if (value === undefined) return {};
  if (!/^\d{4}$/.test(value)) throw new UsageError(`年份应为四位数字，如 2023，而不是“${value}”`);
  const year = Number(value);
  // 0999 would name a folder “999”; the CPPCC's years begin in 1949.
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new UsageError(`年份应在 ${FIRST_YEAR}—${LAST_YEAR} 之间，而不是“${value}”`);
  return { year };
}

/** A source line is quoted under a problem only from a text file read the way the loader reads it. */
const QUOTED_SOURCE_MAX = 16 * 1024 * 1024;

export function printDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, io: Io): void {
  // Machine formats go to stdout for piping; text is for people and goes to stderr.
  const write = format === 'text' ? io.stderr : io.stdout;
  // Asked last: whether stderr is a terminal is found out only when there is something to colour.
  const color = format === 'text' && diagnostics.length > 0 && !io.env.NO_COLOR && io.isTTY;
  // Each file is read once, however many problems it has.
  const sources = new Map<string, string | undefined>();
  const readSource = (file: string) => {
    if (!sources.has(file)) {
      // Regular files only, links not followed; decoded as the loader decoded them (a GBK file's caret comes out right).
      const read = /\.(?:xlsx|xls)$/i.test(file) ? undefined : readRegularFile(path.resolve(io.cwd, file), QUOTED_SOURCE_MAX);
      const decoded = read?.ok ? decode(read.bytes) : undefined;
      sources.set(file, decoded && decoded.error === undefined ? decoded.text : undefined);
    }
    return sources.get(file);
  };
  for (const d of diagnostics) {
    if (format === 'json') write(formatJson(d) + '\n');
    else if (format === 'github') write(formatGithub(d) + '\n');
    else write(formatText(d, { color, readSource: (file) => (d.sheet === undefined ? readSource(file) : undefined) }) + '\n\n');
  }
  if (format === 'text' && diagnostics.length > 0) write(summary(diagnostics) + '\n');
}
