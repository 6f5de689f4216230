/**
 * The one problem type every stage returns. Messages are Chinese (the users' language); the
 * location is kept out of the message so that the CLI can format it as text, JSON or CI
 * annotations.
 */
import { byCodePoint } from '../order.js';

/** `info`: what the tool did on the user's behalf (rows skipped, values inferred); never a problem. */
export type Severity = 'error' | 'warning' | 'info';

/** Where a problem is: a file's line and column, or a spreadsheet's sheet and cell. */
export interface Location {
  /** Path of the offending file as given to the tool (relative to the working folder when possible). */
  file?: string;
  /** 1-based line and column. */
  line?: number;
  column?: number;
  /** Where the problem sits inside the data, e.g. `proposals[3].category`. */
  path?: string;
  /** For spreadsheets: the worksheet's name (a CSV file's is the file's name without extension). */
  sheet?: string;
  /** For spreadsheets: the cell as Excel names it, e.g. `F12`; line and column then hold its row and column numbers. */
  cell?: string;
}

export interface Diagnostic extends Location {
  /** Permanent code from the catalogue, e.g. `RPT201`. Never reused for another meaning. */
  code: string;
  severity: Severity;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, line, column, then code, so output never depends on check order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      byCodePoint(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      byCodePoint(a.code, b.code) ||
      byCodePoint(a.message, b.message),
  );
}

/** A result that carries diagnostics alongside a value that may be missing when errors occurred. */
export interface Result<T> {
  value: T | undefined;
  diagnostics: Diagnostic[];
}

/** The same problem found twice (a file read for two reasons, or by two reports) is reported once. */
export function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
