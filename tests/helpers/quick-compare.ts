/**
 * What the tests of quick checks compare a quick check's value with zod's by: the value written
 * out exactly, and the places where the output shares an object with the input (zod gives copies).
 */

/** A value written out with its keys in order, -0 apart from 0, undefined apart from absent. */
export function written(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(written).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${written(v)}`).join(',')}}`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value}:${String(value)}`;
}

/** Paths where the output holds the very object (list, record) the input holds at that path: zod gives copies. */
export function shared(output: unknown, input: unknown, at = ''): string[] {
  if (output === null || typeof output !== 'object') return [];
  const here = output === input ? [at] : [];
  const inner = Object.entries(output).flatMap(([k, v]) => shared(v, input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[k] : undefined, `${at}.${k}`));
  return [...here, ...inner];
}

/** How many values the quick check decided, and how many it left to zod. */
export interface Tally {
  quick: number;
  zod: number;
}
