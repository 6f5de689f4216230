/**
 * Holds the fast YAML reader (yaml-fast.ts) against js-yaml, the reference it must match: on one
 * text, either the fast reader declines, or js-yaml reads the text too and both values are the
 * same to the last detail — the same types (-0 is not 0), the same keys in the same order, plain
 * objects and arrays alike — and what the fast reader tells about the value (its depth, its
 * nodes) is true.
 */
import jsyaml from 'js-yaml';
import { expect } from 'vitest';
import { excessiveNesting } from '../../src/load/nesting.js';
import { type FastYaml, readFastYaml } from '../../src/load/yaml-fast.js';
import { forbiddenCharacters, forbiddenIn } from '../../src/validate/text-safety.js';

/** Where `a` and `b` differ (a path and what differs), or undefined when they are the same value. */
export function difference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${at}: ${String(a)} (${typeof a}) ≠ ${String(b)} (${typeof b})`;
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array and object`;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.join('\0') !== keysB.join('\0')) return `${at}: keys ${keysA.join(',')} ≠ ${keysB.join(',')}`;
  for (const key of keysA) {
    const da = Object.getOwnPropertyDescriptor(a, key)!;
    const db = Object.getOwnPropertyDescriptor(b, key)!;
    if (da.enumerable !== db.enumerable || da.writable !== db.writable || da.configurable !== db.configurable) return `${at}.${String(key)}: property attributes differ`;
    const inner = difference(da.value, db.value, `${at}.${String(key)}`);
    if (inner) return inner;
  }
  return undefined;
}

/** The nodes of a value as yaml.ts's alias measure counts them, and its depth in collections. */
function shape(value: unknown): { nodes: number; depth: number } {
  if (value === null || typeof value !== 'object') return { nodes: 1, depth: 0 };
  let nodes = 1;
  let depth = 0;
  for (const v of Object.values(value)) {
    const s = shape(v);
    nodes += s.nodes;
    depth = Math.max(depth, s.depth);
  }
  return { nodes, depth: depth + 1 };
}

export type Outcome = 'read' | 'declined';

/** Both readers on `text`; fails the test when the fast reader gives anything but js-yaml's value. */
export function compareWithJsYaml(text: string): Outcome {
  const fast: FastYaml | undefined = readFastYaml(text);
  if (fast === undefined) return 'declined';
  let reference: unknown;
  try {
    reference = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch (error) {
    expect.fail(`js-yaml refuses what the fast reader read (${(error as Error).message.split('\n')[0]}):\n${text}`);
  }
  const differs = difference(fast.value, reference);
  if (differs) expect.fail(`the fast reader reads otherwise than js-yaml at ${differs}:\n${text}`);
  const { nodes, depth } = shape(reference);
  expect(fast.nodes).toBe(nodes);
  expect(fast.depth).toBe(depth);
  // What lets yaml.ts skip the nesting scan: the scan would not have stopped this text.
  expect(excessiveNesting(text, 2 * fast.depth + 2)).toBeUndefined();
  // What lets year.ts skip the forbidden-character scan of a file the fast reader read: its text, and so every value, holds none.
  expect(forbiddenIn(text)).toBeUndefined();
  expect(forbiddenCharacters(fast.value, () => ({}))).toEqual([]);
  return 'read';
}
