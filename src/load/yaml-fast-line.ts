/**
 * What one line of a record file holds, for yaml-fast.ts: plain and quoted scalars, keys, and
 * flow mappings and sequences closed on the line, each read to what js-yaml makes of it. Anything
 * this does not read the same for certain throws DECLINE, and js-yaml reads the file.
 */
import { plainValue } from './yaml-scalars.js';

/**
 * Deeper documents are left to js-yaml. Nesting.ts's measure of a document this reader reads is
 * at most twice its depth and two (tested), so with 32 the measure stays under its limit of 100
 * and the separate scan can be skipped.
 */
export const FAST_MAX_DEPTH = 32;

export const SPACE = 0x20;
export const CR = 0x0d;
export const HASH = 0x23;
export const DASH = 0x2d;
export const COLON = 0x3a;
const COMMA = 0x2c;
export const SQUOTE = 0x27;
export const DQUOTE = 0x22;
export const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
export const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;

/** Plain scalars shared (see LineScanner.plainScalar): up to this length, in this many slots of this many. */
const SHARED_MAX_LENGTH = 16;
const SHARED_SLOTS = 4096;
const SHARED_PER_SLOT = 4;

/** Thrown to give up; caught in readFastYaml. */
export const DECLINE = Symbol('decline');

/** What each ASCII character may do in a plain scalar (0: nothing, it is text). */
const ASCII = new Uint8Array(128);
/** Cannot start a plain scalar here (js-yaml's list, and `?`, `:` at their most doubtful). */
const NOT_START = 1;
/**
 * A `[`, `{` or quote in plain text, which nesting.ts takes for the start of a collection or a
 * quoted scalar when the character before it (spaces aside) is one of STRUCTURE_LIKE, or after a
 * tag or anchor (TAG_LIKE): such a file is left to js-yaml, so that this reader never reads a file
 * whose nesting nesting.ts would measure otherwise.
 */
const OPENS = 2;
const STRUCTURE_LIKE = 4;
const TAG_LIKE = 16;
for (const c of ',[]{}#&*!|>\'"%@`?:') ASCII[c.charCodeAt(0)]! |= NOT_START;
for (const c of '[{"\'') ASCII[c.charCodeAt(0)]! |= OPENS;
for (const c of ',-?:[{') ASCII[c.charCodeAt(0)]! |= STRUCTURE_LIKE;
for (const c of '!&') ASCII[c.charCodeAt(0)]! |= TAG_LIKE;

/** Whether `c` cannot start a plain scalar. */
export const notPlainStart = (c: number) => c < 128 && (ASCII[c]! & NOT_START) !== 0;

/** A run of characters that end nothing and set no flag in a plain scalar (up to the line's end at the latest). */
const ORDINARY = /[^ :#,[\]{}"'!&\n\r]+/y;

/** A quoted scalar's text and its closing quote, on one line; a double-quoted one without escapes. */
const SINGLE_QUOTED = /[^'\r\n]*'/y;
const DOUBLE_QUOTED = /[^"\\\r\n]*"/y;

const isFlowIndicator = (c: number) => c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;

export abstract class LineScanner {
  protected readonly text: string;
  /** The current line: where it starts and ends (before CR LF). */
  protected lineStart = 0;
  protected lineEnd = 0;
  /** Where the last scalar or collection read stopped: the line's end, a comment's `#`, a `:`, a flow indicator, or just after it. */
  protected stop = 0;
  protected maxDepth = 0;
  protected nodes = 0;
  /** Short plain scalars met so far and their values, by a hash of their text (see plainScalar()). */
  private readonly shared: Array<unknown[] | undefined> = new Array<unknown[] | undefined>(SHARED_SLOTS);
  /** Plain keys seen last, by depth, flow or block, and place in their mapping (see key()). */
  private readonly keyHints: string[] = new Array<string>(((FAST_MAX_DEPTH + 1) * 2) << 4).fill('');

  constructor(text: string) {
    this.text = text;
  }

  protected enter(depth: number): void {
    if (depth > FAST_MAX_DEPTH) throw DECLINE;
    if (depth > this.maxDepth) this.maxDepth = depth;
    this.nodes++;
  }

  protected set(map: Record<string, unknown>, key: string, value: unknown): void {
    // A repeated key is an error js-yaml reports; `__proto__` it sets in a way of its own.
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key)) throw DECLINE;
    map[key] = value;
  }

  /** A key at `at`, as the string js-yaml makes of it; `stop` is then just after it. */
  protected key(at: number, flow: boolean, slot: number): string {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === SQUOTE || c === DQUOTE) return this.quoted(at);
    // The plain key the same place of the last mapping like this one had (`id` of every record),
    // when it is written here too and ends as plainEnd would end it: taken without scanning,
    // copying and interning the key again.
    const hint = this.keyHints[slot]!;
    if (hint !== '' && text.startsWith(hint, at)) {
      const after = at + hint.length;
      if (text.charCodeAt(after) === COLON && (after + 1 === this.lineEnd || text.charCodeAt(after + 1) === SPACE)) {
        this.stop = after;
        return hint;
      }
    }
    const end = this.plainEnd(at, flow);
    if (end === at) throw DECLINE;
    const raw = text.slice(at, end);
    const key = plainValue(raw);
    if (key === raw) this.keyHints[slot] = raw;
    return String(key);
  }

  /** Where the key hint for the `ordinal`-th key of a mapping at `depth` is kept. */
  protected static slot(depth: number, flow: boolean, ordinal: number): number {
    return (((depth << 1) | (flow ? 1 : 0)) << 4) | Math.min(ordinal, 15);
  }

  /** A scalar or flow collection at `at`; `stop` is then just after it. */
  protected node(at: number, depth: number, flow: boolean): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === OPEN_SQUARE || c === OPEN_CURLY) return this.flowCollection(at, depth);
    this.nodes++;
    if (c === SQUOTE || c === DQUOTE) return this.quoted(at);
    const end = this.plainEnd(at, flow);
    const stop = text.charCodeAt(this.stop);
    // Ended by `: ` (a key where a value was due), or in a flow collection by the line's end or a comment.
    if (end === at || stop === COLON || (flow && (this.stop >= this.lineEnd || stop === HASH))) throw DECLINE;
    return this.plainScalar(at, end);
  }

  /**
   * The value of the plain scalar from `at` to `end`. A short one met before (a date, true, a
   * unit's or a category's name: most of a ledger's values repeat) is the value made then, found by
   * comparing the text in place: no copy of the text is made, and the records share one string,
   * which spares the garbage collector copying a national year's hundreds of thousands of them.
   */
  private plainScalar(at: number, end: number): unknown {
    const text = this.text;
    const length = end - at;
    if (length > SHARED_MAX_LENGTH) return plainValue(text.slice(at, end));
    const slot = (text.charCodeAt(at) * 31 + text.charCodeAt(end - 1) * 7 + text.charCodeAt(end - 2) * 3 + length) & (SHARED_SLOTS - 1);
    let seen = this.shared[slot];
    if (seen === undefined) seen = this.shared[slot] = [];
    for (let i = 0; i < seen.length; i += 2) {
      const known = seen[i] as string;
      if (known.length === length && text.startsWith(known, at)) return seen[i + 1];
    }
    const raw = text.slice(at, end);
    const value = plainValue(raw);
    // A slot full of values met once (ids, titles) takes no more: a lookup there stays short.
    if (seen.length < SHARED_PER_SLOT * 2) seen.push(raw, value);
    return value;
  }

  /** A flow sequence or mapping closed on this line. */
  private flowCollection(at: number, depth: number): unknown {
    this.enter(depth);
    const text = this.text;
    const isMap = text.charCodeAt(at) === OPEN_CURLY;
    const close = isMap ? CLOSE_CURLY : CLOSE_SQUARE;
    const seq: unknown[] | undefined = isMap ? undefined : [];
    const map: Record<string, unknown> | undefined = isMap ? {} : undefined;
    let p = this.skipSpaces(at + 1);
    if (text.charCodeAt(p) !== close) {
      for (let ordinal = 0; ; ordinal++) {
        if (isMap) {
          const key = this.key(p, true, LineScanner.slot(depth, true, ordinal));
          const colon = this.skipSpaces(this.stop);
          // Only `key: value`: a key alone, `key:value` after quotes and empty values are left to js-yaml.
          if (text.charCodeAt(colon) !== COLON || text.charCodeAt(colon + 1) !== SPACE) throw DECLINE;
          const valueAt = this.skipSpaces(colon + 1);
          const v = text.charCodeAt(valueAt);
          if (v === COMMA || v === close || valueAt >= this.lineEnd) throw DECLINE;
          this.set(map!, key, this.node(valueAt, depth + 1, true));
        } else {
          seq!.push(this.node(p, depth + 1, true));
        }
        p = this.skipSpaces(this.stop);
        const c = text.charCodeAt(p);
        if (c === close) break;
        if (c !== COMMA) throw DECLINE;
        p = this.skipSpaces(p + 1);
        // A trailing or doubled comma is left to js-yaml.
        const n = text.charCodeAt(p);
        if (n === close || n === COMMA || p >= this.lineEnd) throw DECLINE;
      }
    }
    if (p >= this.lineEnd) throw DECLINE;
    this.stop = p + 1;
    return isMap ? map! : seq!;
  }

  /**
   * The end of the plain scalar at `at` (trailing spaces left out); `stop` is set to where it
   * stopped: the line's end, a comment's `#`, a `:` before a space or the line's end, and in a
   * flow collection also a flow indicator or a `:` before one.
   */
  protected plainEnd(at: number, flow: boolean): number {
    const text = this.text;
    const end = this.lineEnd;
    const first = text.charCodeAt(at);
    if ((first < 128 && ASCII[first]! & NOT_START) || (first === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE || (flow && isFlowIndicator(text.charCodeAt(at + 1)))))) throw DECLINE;
    let last = at; // just after the last non-space character
    let tagLike = false;
    let i = at;
    for (; i < end; i++) {
      // Chinese text and most ASCII mean nothing here: skipped in one native step.
      ORDINARY.lastIndex = i;
      if (ORDINARY.test(text)) {
        i = ORDINARY.lastIndex;
        last = i;
        if (i >= end) break;
      }
      const c = text.charCodeAt(i);
      const kind = c < 128 ? ASCII[c]! : 0;
      if (c === SPACE) continue;
      if (c === COLON) {
        const n = i + 1 === end ? SPACE : text.charCodeAt(i + 1);
        if (n === SPACE || (flow && isFlowIndicator(n))) break;
      } else if (c === HASH) {
        if (text.charCodeAt(i - 1) === SPACE) break;
      } else if (flow && isFlowIndicator(c)) {
        break;
      } else if (kind & OPENS && (tagLike || (text.charCodeAt(last - 1) < 128 && ASCII[text.charCodeAt(last - 1)]! & STRUCTURE_LIKE))) {
        throw DECLINE;
      }
      if (kind & TAG_LIKE) tagLike = true;
      last = i + 1;
    }
    this.stop = i;
    return last;
  }

  /** A quoted scalar closed on this line, without escapes; `stop` is then just after it. */
  protected quoted(at: number): string {
    const text = this.text;
    const quote = text.charCodeAt(at);
    let value = '';
    let from = at + 1;
    // Up to the closing quote, on this line, without an escape: one native step.
    const body = quote === SQUOTE ? SINGLE_QUOTED : DOUBLE_QUOTED;
    for (;;) {
      body.lastIndex = from;
      if (!body.test(text)) throw DECLINE;
      const close = body.lastIndex - 1;
      if (quote === DQUOTE) {
        this.stop = close + 1;
        return text.slice(from, close);
      }
      // '' inside single quotes is one quote.
      if (text.charCodeAt(close + 1) !== SQUOTE) {
        this.stop = close + 1;
        return value + text.slice(from, close);
      }
      value += text.slice(from, close + 1);
      from = close + 2;
    }
  }

  protected skipSpaces(at: number): number {
    while (at < this.lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }
}
