/**
 * Grouping records for figures: `byCategory.民生和社会事业.count`. Every known key is listed
 * first (so citing an empty group prints 0, not an error), then the keys the records bring.
 * A grouping where each record falls in at most one group is *exclusive*: its shares have one
 * base (the records that have the attribute), so the shares printed together can be balanced
 * to sum to 100% (see the `share` helper). Groupings by tags are not.
 */
import { balancedShares, ratio } from './numbers.js';

/** The key or keys a record is grouped under: one, none, or several (tags). */
export type KeysOf<T> = (record: T) => string | readonly string[] | undefined;

const exclusiveGroups = new WeakSet<object>();

/** Marks a map of groups as exclusive; returns it. */
export function exclusive<M extends object>(groups: M): M {
  exclusiveGroups.add(groups);
  return groups;
}

export function isExclusive(groups: object): boolean {
  return exclusiveGroups.has(groups);
}

/**
 * The records of each group, every known key present; and, from the same pass, whether each
 * record has at most one key (`single`) and how many have one (`keyed`).
 */
function groupBy<T>(records: readonly T[], keysOf: KeysOf<T>, known: readonly string[] = []): { lists: Map<string, T[]>; single: boolean; keyed: number } {
  const lists = new Map<string, T[]>(known.map((k) => [k, []]));
  const add = (key: string, record: T) => {
    const list = lists.get(key);
    if (list) list.push(record);
    else lists.set(key, [record]);
  };
  let single = true;
  let keyed = 0;
  for (const record of records) {
    const keys = keysOf(record);
    if (typeof keys === 'string') {
      add(keys, record);
      keyed++;
    } else if (typeof keys === 'object') {
      single = false;
      if (keys) for (const key of keys) add(key, record);
    }
  }
  return { lists, single, keyed };
}

/** How many records each key has. */
export function tally<T>(records: readonly T[], keysOf: KeysOf<T>, known: readonly string[] = []): Record<string, number> {
  return Object.fromEntries([...groupBy(records, keysOf, known).lists].map(([k, list]) => [k, list.length]));
}

/**
 * Each group's figures from its records, plus `count` and `share`. The share's base is the
 * number of records that have the attribute (all of them for a required field), so the shares
 * of an exclusive grouping sum to 1.
 */
export function groups<T, G extends object>(
  records: readonly T[],
  keysOf: KeysOf<T>,
  known: readonly string[],
  figuresOf: (records: readonly T[]) => G,
): Record<string, G & { count: number; share: number | null }> {
  const { lists, single, keyed } = groupBy(records, keysOf, known);
  const base = single ? keyed : records.length;
  const out = Object.fromEntries([...lists].map(([key, list]) => [key, { count: list.length, share: ratio(list.length, base), ...figuresOf(list) }]));
  return single ? exclusive(out) : out;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Distinct texts in first-seen order. */
export const distinct = (values: Iterable<string>): string[] => [...new Set(values)];

/**
 * Every share of an exclusive grouping replaced by its value at the printed precision, balanced
 * over its group (compute/numbers.ts, `balancedShares`): the report's text, its tables and `stats`
 * then print one value for one share. The groups are the ones `figures` has just made.
 */
export function settleShares(figures: unknown, digits: number): void {
  if (figures === null || typeof figures !== 'object') return;
  const values = Object.values(figures as Record<string, unknown>);
  if (isExclusive(figures) && values.length > 0 && values.every((v) => v !== null && typeof v === 'object' && 'share' in v && typeof (v as { count?: unknown }).count === 'number')) {
    const entries = values as Array<{ count: number; share: number | null }>;
    const settled = balancedShares(entries.map((e) => e.count), digits);
    entries.forEach((e, i) => (e.share = settled[i]!));
    return;
  }
  for (const v of values) settleShares(v, digits);
}
