/**
 * Reads the YAML our record files are written in without js-yaml, about twice as fast: block
 * mappings and sequences, one value per line — a plain or quoted scalar, or a flow mapping or
 * sequence closed on its line — with comments and blank lines. A national year holds 50,000
 * records a line each, and js-yaml spends most of a validate reading them. This file reads the
 * block structure, line by line; yaml-fast-line.ts what a line holds.
 *
 * The value is exactly what js-yaml's `load` gives with the core schema (yaml-scalars.ts types
 * the plain scalars as it does, keys are set in the same order, a key becomes a string the same
 * way); tests/unit/yaml-fast*.test.ts hold the two side by side. Anything else — anchors,
 * aliases, tags, block scalars, a scalar or flow collection over several lines, escapes, tabs,
 * a duplicate key, a document marker, a line indented as no collection is, anything js-yaml
 * would refuse — gives undefined, and js-yaml reads the file as before, with its own messages.
 */
import { COLON, CR, DASH, DECLINE, DQUOTE, HASH, LineScanner, notPlainStart, OPEN_CURLY, OPEN_SQUARE, SPACE, SQUOTE } from './yaml-fast-line.js';

export interface FastYaml {
  value: unknown;
  /** Deepest nesting of collections (the document's own is 1). */
  depth: number;
  /** Nodes of the value (collections and scalars, the root included), as yaml.ts's alias measure counts them. */
  nodes: number;
}

/** What js-yaml refuses or reads otherwise than a line at a time: control characters, lone surrogates, a lone CR, tabs, a BOM. */
const UNSAFE = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
const LONE_CR = /\r(?!\n)/;

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

class Reader extends LineScanner {
  /** The current content line's first non-space character, its indent, and where the next line starts. */
  private content = 0;
  private indent = 0;
  private next = 0;
  private eof = false;

  document(): FastYaml {
    this.advance(true);
    // An empty document, or one indented as a whole, is js-yaml's.
    if (this.eof || this.indent !== 0) throw DECLINE;
    const value = this.block(0, 1);
    if (!this.eof) throw DECLINE;
    return { value, depth: this.maxDepth, nodes: this.nodes };
  }

  /**
   * Moves to the next line with content, past blank lines and comments; at the document's start
   * (`first`) also past a `---` line that marks it, as tools that write YAML often put first.
   */
  private advance(first = false): void {
    const text = this.text;
    let s = this.next;
    while (s < text.length) {
      let e = text.indexOf('\n', s);
      if (e < 0) e = text.length;
      const end = e > s && text.charCodeAt(e - 1) === CR ? e - 1 : e;
      let i = s;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i < end && text.charCodeAt(i) !== HASH) {
        if (first && i === s && text.startsWith('---', s) && this.onlyComment(s + 3, end)) {
          first = false;
          s = e + 1;
          continue;
        }
        // Other document markers and directives end or start documents: not read here.
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

  /** Whether the line from `at` to `end` holds nothing but spaces and, after one, a comment (`--- # 注`). */
  private onlyComment(at: number, end: number): boolean {
    if (at === end) return true;
    if (this.text.charCodeAt(at) !== SPACE) return false;
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    return at === end || this.text.charCodeAt(at) === HASH;
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
    else if (c === OPEN_SQUARE || c === OPEN_CURLY || notPlainStart(c) || this.isSeqItem(at)) return this.inline(at, depth);
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
      const key = this.key(at, false, LineScanner.slot(depth, false, ordinal));
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

  /** A value that starts at `at` on the current line and ends there; then the next line is current. */
  private inline(at: number, depth: number): unknown {
    const value = this.node(at, depth, false);
    const end = this.skipSpaces(this.stop);
    // Only a comment may follow, after a space (js-yaml would take `'a'#b` for one too; left to it).
    if (end < this.lineEnd && !(this.text.charCodeAt(end) === HASH && this.text.charCodeAt(end - 1) === SPACE)) throw DECLINE;
    this.advance();
    return value;
  }

}
