/**
 * Figures a ledger cannot give because a column is absent: made missing (null) with the column
 * named, so that citing one is an error that says which column to add — never a 0.
 */
import type { Figures } from '../domain/record-kind.js';
import { FIGURE_NEEDS } from '../domain/records/figure-needs.js';
import { exclusive, isExclusive } from '../domain/groups.js';

/** A column no ledger of the year has, for a kind whose records all come from ledgers. */
export interface AbsentColumn {
  /** The column's name as the field table gives it: 满意度. */
  column: string;
  /** The ledger (file and sheet), for a warning about it. */
  file: string;
  sheet: string;
}

/** Why a figure is missing, by the figures object of its kind: path inside it → the absent column. */
const WHY = new WeakMap<object, Map<string, AbsentColumn>>();

/** `figures` with every figure that needs an absent column made null; the reasons are kept for messages. */
export function withoutAbsentColumns(kind: string, figures: Figures, absent: Record<string, AbsentColumn> | undefined): Figures {
  const needs = FIGURE_NEEDS[kind];
  if (!needs || !absent || Object.keys(absent).length === 0) return figures;
  const why = new Map<string, AbsentColumn>();
  let out: Figures = figures;
  for (const [field, column] of Object.entries(absent)) {
    for (const pattern of needs[field] ?? []) out = blank(out, pattern.split('.'), [], column, why) as Figures;
  }
  WHY.set(out, why);
  return out;
}

function blank(node: unknown, pattern: readonly string[], at: readonly string[], column: AbsentColumn, why: Map<string, AbsentColumn>): unknown {
  if (pattern.length === 0) {
    const name = at.join('.');
    if (!why.has(name)) why.set(name, column);
    return node === undefined ? node : null;
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const [head, ...rest] = pattern as [string, ...string[]];
  const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  for (const key of Object.keys(copy)) {
    if (head === '*' || head === key) copy[key] = blank(copy[key], rest, [...at, key], column, why);
  }
  // A grouping whose shares balance (each record in one group) stays one in its copy.
  return isExclusive(node) ? exclusive(copy) : copy;
}

/** Why figures under `node` are missing (path inside it → the absent column), when withoutAbsentColumns made it. */
export function absentReasons(node: object): ReadonlyMap<string, AbsentColumn> | undefined {
  return WHY.get(node);
}

/** Marks `node` again with why its figures are missing: for figures kept by the parse cache, whose marks JSON does not hold. */
export function markAbsent(node: object, reasons: Iterable<[string, AbsentColumn]>): void {
  WHY.set(node, new Map(reasons));
}

/**
 * The absent column that makes `name` (a cited figure, `proposals.satisfactionRate` or
 * `previous.proposals.byResult.A.count`) missing, if that is why.
 */
export function absentColumnOf(context: unknown, name: string): AbsentColumn | undefined {
  const parts = name.split('.');
  let node: unknown = context;
  for (let i = 0; i < parts.length; i++) {
    if (node === null || typeof node !== 'object') return undefined;
    const reasons = WHY.get(node);
    if (reasons) {
      for (let j = parts.length; j > i; j--) {
        const column = reasons.get(parts.slice(i, j).join('.'));
        if (column) return column;
      }
      return undefined;
    }
    node = (node as Record<string, unknown>)[parts[i]!];
  }
  return undefined;
}

/** Why `name` is missing, in words, when an absent column is the reason: 台账中没有“满意度”列. */
export function absentColumnWhy(context: unknown, name: string): string | undefined {
  const absent = absentColumnOf(context, name);
  return absent ? `台账中没有“${absent.column}”列` : undefined;
}
