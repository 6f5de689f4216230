/**
 * Reads the YAML our record files are written in without js-yaml, several times faster: block
 * mappings and sequences, one value per line — a plain or quoted scalar, or a flow mapping or
 * sequence closed on its line — with comments and blank lines. A national year holds 50,000
 * records a line each, and js-yaml spends most of a validate reading them.
 *
 * The value is exactly what js-yaml's `load` gives with the core schema (yaml-scalars.ts types
 * the plain scalars as it does, keys are set in the same order, a key becomes a string the same
 * way); tests/unit/yaml-fast*.test.ts hold the two side by side. Anything else — anchors,
 * aliases, tags, block scalars, a scalar or flow collection over several lines, escapes, tabs,
 * a duplicate key, a document marker, a line indented as no collection is, anything js-yaml
 * would refuse — gives undefined, and js-yaml reads the file as before, with its own messages.
 */
import { plainValue } from './yaml-scalars.js';

export interface FastYaml {
  value: unknown;
  /** Deepest nesting of collections (the document's own is 1). */
  depth: number;
  /** Nodes of the value (collections and scalars, the root included), as yaml.ts's alias measure counts them. */
  nodes: number;
}

/**
 * Deeper documents are left to js-yaml. Nesting.ts's measure of a document this reader reads is
 * at most twice its depth and two (tested), so with 32 the measure stays under its limit of 100
 * and the separate scan can be skipped.
 */
export const FAST_MAX_DEPTH = 32;

/** What js-yaml refuses or reads otherwise than a line at a time: control characters, lone surrogates, a lone CR, tabs, a BOM. */
const UNSAFE = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
const LONE_CR = /\r(?!\n)/;

const SPACE = 0x20;
const CR = 0x0d;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;

/** Thrown to give up; caught in readFastYaml. */
const DECLINE = Symbol('decline');

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
/** Ends or may end a plain scalar: space, `:`, `#`, flow indicators. */
const STOPS = 8;
for (const c of ',[]{}#&*!|>\'"%@`?:') ASCII[c.charCodeAt(0)]! |= NOT_START;
for (const c of '[{"\'') ASCII[c.charCodeAt(0)]! |= OPENS;
for (const c of ',-?:[{') ASCII[c.charCodeAt(0)]! |= STRUCTURE_LIKE;
for (const c of '!&') ASCII[c.charCodeAt(0)]! |= TAG_LIKE;
for (const c of ' :#,[]{}') ASCII[c.charCodeAt(0)]! |= STOPS;

const isFlowIndicator = (c: number) => c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;

/** The document's value, or undefined when the text is not in the shapes read here. */
export function readFastYaml(text: string): FastYaml | undefined {
  if (UNSAFE.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  try {
    return new Reader(text).document();
  } catch {
    // Declined, or a slip of this reader: js-yaml reads the file either way.
    return undefined;
  }
}

class Reader {
  private readonly text: string;
  /** The current content line: where it starts and ends (before CR LF), its first non-space character. */
  private lineStart = 0;
  private lineEnd = 0;
  private content = 0;
  private indent = 0;
  private next = 0;
  private eof = false;
  /** Where a plain scalar stopped: the line's end, a comment's `#`, a `:` or a flow indicator. */
  private stop = 0;
  private maxDepth = 0;
  private nodes = 0;
  /** Plain keys seen last, by depth, flow or block, and place in their mapping (see key()). */
  private readonly keyHints: string[] = new Array<string>(((FAST_MAX_DEPTH + 1) * 2) << 4).fill('');

  constructor(text: string) {
    this.text = text;
  }

  document(): FastYaml {
    this.advance();
    // An empty document, or one indented as a whole, is js-yaml's.
    if (this.eof || this.indent !== 0) throw DECLINE;
    const value = this.block(0, 1);
    if (!this.eof) throw DECLINE;
    return { value, depth: this.maxDepth, nodes: this.nodes };
  }

  /** Moves to the next line with content, past blank lines and comments. */
  private advance(): void {
    const text = this.text;
    let s = this.next;
    while (s < text.length) {
      let e = text.indexOf('\n', s);
      if (e < 0) e = text.length;
      const end = e > s && text.charCodeAt(e - 1) === CR ? e - 1 : e;
      let i = s;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i < end && text.charCodeAt(i) !== HASH) {
        // Document markers and directives end or start documents: not read here.
        if (i === s && (text.startsWith('---', s) || text.startsWith('...', s) || text.charCodeAt(s) === 0x25)) throw DECLINE;
        this.lineStart = s;
        this.lineEnd = end;
        this.content = i;
        this.indent = i - s;
        this.next = e + 1;
        return;
      }
      s = e + 1;
    }
    this.eof = true;
  }

  private enter(depth: number): void {
    if (depth > FAST_MAX_DEPTH) throw DECLINE;
    if (depth > this.maxDepth) this.maxDepth = depth;
    this.nodes++;
  }

  private isSeqItem(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.lineEnd || this.text.charCodeAt(at + 1) === SPACE);
  }

  /** The block collection starting on the current line, whose indent is `indent`. */
  private block(indent: number, depth: number): unknown {
    return this.isSeqItem(this.content) ? this.sequence(indent, depth) : this.mapping(indent, this.content, depth);
  }

  private sequence(indent: number, depth: number): unknown[] {
    this.enter(depth);
    const items: unknown[] = [];
    while (!this.eof && this.indent === indent && this.isSeqItem(this.content)) {
      const at = this.skipSpaces(this.content + 1);
      if (at >= this.lineEnd || this.text.charCodeAt(at) === HASH) {
        this.advance();
        if (!this.eof && this.indent > indent) items.push(this.block(this.indent, depth + 1));
        else items.push(this.nothing());
      } else {
        items.push(this.item(at, depth + 1));
      }
      if (!this.eof && this.indent > indent) throw DECLINE;
    }
    return items;
  }

  /** A sequence item on its `- ` line: a value, or the first key of a mapping (`- id: P1`). */
  private item(at: number, depth: number): unknown {
    const c = this.text.charCodeAt(at);
    let after: number;
    if (c === SQUOTE || c === DQUOTE) after = (this.quoted(at), this.stop);
    else if (c === OPEN_SQUARE || c === OPEN_CURLY || (c < 128 && ASCII[c]! & NOT_START) || this.isSeqItem(at)) return this.inline(at, depth);
    else after = this.plainEnd(at, false) === at ? at : this.stop;
    return this.keyFollows(after) ? this.mapping(at - this.lineStart, at, depth) : this.inline(at, depth);
  }

  private keyFollows(after: number): boolean {
    const colon = this.skipSpaces(after);
    return this.text.charCodeAt(colon) === COLON && (colon + 1 === this.lineEnd || this.text.charCodeAt(colon + 1) === SPACE);
  }

  /** A block mapping whose keys are at column `indent`; its first key is at `start` on the current line. */
  private mapping(indent: number, start: number, depth: number): Record<string, unknown> {
    this.enter(depth);
    const map: Record<string, unknown> = {};
    let at = start;
    for (let ordinal = 0; ; ordinal++) {
      const key = this.key(at, false, Reader.slot(depth, false, ordinal));
      const colon = this.skipSpaces(this.stop);
      if (this.text.charCodeAt(colon) !== COLON || (colon + 1 < this.lineEnd && this.text.charCodeAt(colon + 1) !== SPACE)) throw DECLINE;
      const valueAt = this.skipSpaces(colon + 1);
      let value: unknown;
      if (valueAt >= this.lineEnd || this.text.charCodeAt(valueAt) === HASH) {
        this.advance();
        if (!this.eof && this.indent > indent) value = this.block(this.indent, depth + 1);
        // A sequence may sit at its key's own indent (`key:` then `- a`).
        else if (!this.eof && this.indent === indent && this.isSeqItem(this.content)) value = this.sequence(indent, depth + 1);
        else value = this.nothing();
      } else {
        value = this.inline(valueAt, depth + 1);
      }
      this.set(map, key, value);
      if (this.eof || this.indent < indent) return map;
      if (this.indent > indent || this.isSeqItem(this.content)) throw DECLINE;
      at = this.content;
    }
  }

  /** A missing value: null, as js-yaml gives it. */
  private nothing(): null {
    this.nodes++;
    return null;
  }

  private set(map: Record<string, unknown>, key: string, value: unknown): void {
    // A repeated key is an error js-yaml reports; `__proto__` it sets in a way of its own.
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key)) throw DECLINE;
    map[key] = value;
  }

  /** A key at `at`, as the string js-yaml makes of it; `stop` is then just after it. */
  private key(at: number, flow: boolean, slot: number): string {
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
  private static slot(depth: number, flow: boolean, ordinal: number): number {
    return (((depth << 1) | (flow ? 1 : 0)) << 4) | Math.min(ordinal, 15);
  }

  /** A value that starts at `at` on the current line and ends there; then the next line is current. */
  private inline(at: number, depth: number): unknown {
    const value = this.node(at, depth, false);
    const end = this.skipSpaces(this.stop);
    // Only a comment may follow, after a space (js-yaml would take `'a'#b` for one too; left to it).
    if (end < this.lineEnd && !(this.text.charCodeAt(end) === HASH && this.text.charCodeAt(end - 1) === SPACE)) throw DECLINE;
    this.advance();
    return value;
  }

  /** A scalar or flow collection at `at`; `stop` is then just after it. */
  private node(at: number, depth: number, flow: boolean): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === OPEN_SQUARE || c === OPEN_CURLY) return this.flowCollection(at, depth);
    this.nodes++;
    if (c === SQUOTE || c === DQUOTE) return this.quoted(at);
    const end = this.plainEnd(at, flow);
    const stop = text.charCodeAt(this.stop);
    // Ended by `: ` (a key where a value was due), or in a flow collection by the line's end or a comment.
    if (end === at || stop === COLON || (flow && (this.stop >= this.lineEnd || stop === HASH))) throw DECLINE;
    return plainValue(text.slice(at, end));
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
          const key = this.key(p, true, Reader.slot(depth, true, ordinal));
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
  private plainEnd(at: number, flow: boolean): number {
    const text = this.text;
    const end = this.lineEnd;
    const first = text.charCodeAt(at);
    if ((first < 128 && ASCII[first]! & NOT_START) || (first === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE || (flow && isFlowIndicator(text.charCodeAt(at + 1)))))) throw DECLINE;
    let last = at; // just after the last non-space character
    let tagLike = false;
    let i = at;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      // Chinese text and most ASCII mean nothing here: one test each.
      const kind = c < 128 ? ASCII[c]! : 0;
      if (kind === 0) {
        last = i + 1;
        continue;
      }
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
  private quoted(at: number): string {
    const text = this.text;
    const quote = text.charCodeAt(at);
    let value = '';
    let from = at + 1;
    for (;;) {
      const close = text.indexOf(quote === SQUOTE ? "'" : '"', from);
      if (close < 0 || close >= this.lineEnd) throw DECLINE;
      if (quote === DQUOTE) {
        for (let i = from; i < close; i++) if (text.charCodeAt(i) === BACKSLASH) throw DECLINE;
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

  private skipSpaces(at: number): number {
    while (at < this.lineEnd && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }
}
