/**
 * Checks of plain data the parse cache gives back (load/parse-cache.ts), written by hand so that a
 * run served by the cache need not load the schema library: each kind of kept entry
 * (cached-workbook.ts, validate/sheet-records.ts, validate/yaml-file.ts, validate/kept-year.ts,
 * compute/figures.ts, write/kept-blocks.ts, write/docx/package.ts, write/docx/render-docx.ts) is
 * checked field by field with these, and anything else is a miss.
 */
import type { Severity } from '../diagnostics/diagnostic.js';

export type Plain = Record<string, unknown>;

export const isObject = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** A whole number from 1: a row, a column. */
export const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) > 0;
export const optional = (v: unknown, test: (v: unknown) => boolean): boolean => v === undefined || test(v);
export const everyOf = (v: unknown, test: (item: unknown) => boolean): boolean => Array.isArray(v) && v.every(test);
/** Bytes written as base64, at least one. */
export const isBase64 = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(v);

/** A message of one of `severities`, with its code and words (the rest of a diagnostic is optional). */
export const isMessageOf =
  (severities: readonly Severity[]) =>
  (d: unknown): boolean =>
    isObject(d) && isString(d.code) && severities.includes(d.severity as Severity) && isString(d.message);

/** A message of any severity: a kept check's problems (a file's, a ledger's rows', a year's). */
export const isDiagnostic = isMessageOf(['error', 'warning', 'info']);
