/**
 * Remembers, across runs, work whose result depends only on a text: the value of a YAML file
 * (the fast reader still takes most of a small run's load time) and the compiled code of a
 * template or of a cited prose string (Handlebars compiles each to JavaScript). Entries are keyed
 * by a hash of the text, so an edited file or template simply misses; nothing is ever stale.
 *
 * A run reads one pack and, if it used anything the pack lacked or left something unused, writes
 * it again holding exactly what it used: the pack never grows beyond one report's inputs.
 */
import { createHash } from 'node:crypto';
import { byCodePoint } from '../order.js';

export type MemoKind = 'yaml' | 'template';

export interface Memo {
  get(kind: MemoKind, text: string): string | undefined;
  set(kind: MemoKind, text: string, value: string): void;
}

export interface Pack {
  /** The entries to keep, or undefined when the run used exactly what it found. */
  changes(): Record<string, string> | undefined;
}

/** A miss is followed by a set of the same text: its hash (15 ms for a 6 MB file) is taken once. */
let last: { kind: MemoKind; text: string; key: string } | undefined;

function keyOf(kind: MemoKind, text: string): string {
  if (last?.kind === kind && last.text === text) return last.key;
  last = { kind, text, key: `${kind}:${createHash('sha1').update(text).digest('base64url')}` };
  return last.key;
}

/** A memo over the entries of a pack read from disk (or none). */
export function packMemo(found: Record<string, string> = {}): Memo & Pack {
  const used = new Map<string, string>();
  let added = false;
  return {
    get(kind, text) {
      const key = keyOf(kind, text);
      const value = Object.hasOwn(found, key) ? found[key] : undefined;
      if (value !== undefined) used.set(key, value);
      return value;
    },
    set(kind, text, value) {
      added = true;
      used.set(keyOf(kind, text), value);
    },
    changes() {
      if (!added && used.size === Object.keys(found).length) return undefined;
      return Object.fromEntries([...used].sort(([a], [b]) => byCodePoint(a, b)));
    },
  };
}
