/**
 * Positions inside one record of a long list, without parsing the whole file for them. A
 * ledger of 50,000 information items is 6 MB of YAML; parsing all of it with positions, to
 * place one wrong value, took 6.6 s and 550 MB. A record of a block sequence is the text from
 * its `- ` line to the next one at the same indentation; that text alone is parsed with
 * positions, and used only when the value read from it equals the record's value (read from
 * the whole file by the fast reader). Anything else, such as two lists at the same indentation
 * or an item that is not where the count says, fails that check, and the caller parses the
 * whole file as before, so a position is never taken from the wrong record.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Node } from 'yaml';
import type { DataPath } from './data-path.js';
import { positionsParser } from './yaml-library.js';

/** Below this size, parsing the whole file with positions costs little; the regions are for ledgers. */
export const REGION_MIN_LENGTH = 256 * 1024;

/** Item starts of block sequences: offsets of `- ` lines, by indentation. */
type ItemStarts = Map<number, number[]>;

const itemStartsOf = new WeakMap<object, ItemStarts>();

function itemStarts(owner: object, text: string): ItemStarts {
  let starts = itemStartsOf.get(owner);
  if (!starts) {
    starts = new Map();
    const DASH_LINE = /^( *)-(?=[ \r\n]|$)/gm;
    for (let m = DASH_LINE.exec(text); m !== null; m = DASH_LINE.exec(text)) {
      const list = starts.get(m[1]!.length);
      if (list) list.push(m.index);
      else starts.set(m[1]!.length, [m.index]);
    }
    itemStartsOf.set(owner, starts);
  }
  return starts;
}

/** Where the item that starts at `start` (indented by `indent`) ends: at the next line with text as far left as it, or the end. */
function itemEnd(text: string, start: number, indent: number): number {
  const LINE = /\n( *)[^ \r\n#]/g;
  LINE.lastIndex = start;
  for (let m = LINE.exec(text); m !== null; m = LINE.exec(text)) {
    if (m[1]!.length <= indent) return m.index + 1;
  }
  return text.length;
}

/**
 * The node of the record that `path` runs through (the item at its first index), with ranges in
 * the whole text, and how many segments of `path` lead to it; undefined when it cannot be found
 * and checked this way. `owner` keys the cached item starts (the source file).
 */
export function recordNode(owner: object, text: string, value: unknown, path: DataPath): { node: Node; depth: number } | undefined {
  const at = path.findIndex((segment) => typeof segment === 'number');
  if (at < 0) return undefined;
  let record: unknown = value;
  for (const segment of path.slice(0, at + 1)) {
    if (record === null || typeof record !== 'object' || !Object.hasOwn(record, segment)) return undefined;
    record = (record as Record<string | number, unknown>)[segment];
  }
  const index = path[at] as number;
  const { isNode, isSeq, parseDocument, visit } = positionsParser();
  for (const [indent, starts] of itemStarts(owner, text)) {
    const start = starts[index];
    if (start === undefined) continue;
    const end = itemEnd(text, start, indent);
    const doc = parseDocument(text.slice(start, end), { prettyErrors: false, uniqueKeys: true, strict: true });
    if (doc.errors.length > 0 || !isSeq(doc.contents) || doc.contents.items.length !== 1) continue;
    const node = doc.contents.items[0];
    if (!isNode(node) || !isDeepStrictEqual(node.toJS(doc), record)) continue;
    visit(node, (_key, n) => {
      if (isNode(n) && n.range) n.range = [n.range[0] + start, n.range[1] + start, n.range[2] + start];
    });
    return { node, depth: at + 1 };
  }
  return undefined;
}

/**
 * The records around `offset` in the innermost block sequence that has one there: the record
 * that holds it, with the one before and the one after, and the lines of the keys above them
 * (`information:`, `  items:`), so that they are read in the same nesting as in the file;
 * undefined when no record starts before the offset.
 */
export function recordsAround(owner: object, text: string, offset: number): { context: string; start: number; end: number } | undefined {
  let best: { indent: number; starts: number[]; index: number } | undefined;
  for (const [indent, starts] of itemStarts(owner, text)) {
    // The last record starting at or before the offset.
    let low = 0;
    let high = starts.length - 1;
    let index = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! <= offset) (index = middle), (low = middle + 1);
      else high = middle - 1;
    }
    if (index >= 0 && (!best || starts[index]! > best.starts[best.index]!)) best = { indent, starts, index };
  }
  if (!best) return undefined;
  const { indent, starts, index } = best;
  const start = starts[Math.max(0, index - 1)]!;
  const context = keysAbove(text, start, indent);
  if (context === undefined) return undefined;
  return { context, start, end: itemEnd(text, starts[Math.min(starts.length - 1, index + 1)]!, indent) };
}

/** A line that opens a block under a key, as data files write them: `  items:`, with a comment at most. */
const KEY_LINE = /^ *[A-Za-z_][\w-]*:(?: +#.*)?$/;

/**
 * The key lines that the line at `start` (indented by `indent`) is nested in, outermost first;
 * undefined when a line further left is anything else (then the records are not read alone).
 */
function keysAbove(text: string, start: number, indent: number): string | undefined {
  const lines: string[] = [];
  let within = indent;
  for (let end = start - 1; end > 0 && within > 0; ) {
    const begin = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(begin, end).replace(/\r$/, '');
    const content = line.trimStart();
    const depth = line.length - content.length;
    if (content !== '' && !content.startsWith('#') && depth < within) {
      if (!KEY_LINE.test(line)) return undefined;
      lines.push(line);
      within = depth;
    }
    end = begin - 1;
  }
  return within > 0 ? undefined : lines.reverse().map((l) => `${l}\n`).join('');
}
