/**
 * The parse of a simple text: words with `{{figure}}`, `{{helper figure 1 "字"}}` and
 * `{{helper (helper a b)}}` tags and nothing else, as nearly every paragraph of a report's prose
 * is. It gives exactly the tree Handlebars' parser gives (same nodes, fields, key order and
 * positions), without running the parser's lexer, which tries each of its rules at every tag (and
 * without loading the parser at all); anything else — a block, partial, comment, `{{{`, `~`, a
 * hash, `this`, `..`, `@data`, `[…]`, a literal as a helper's name, a backslash, a tag across
 * lines, a token not set apart by space — is declined (undefined) and left to Handlebars, which
 * reports every problem as before. tests/unit/simple-template.test.ts holds the two equal.
 */
type Program = hbs.AST.Program;
type Position = { line: number; column: number };
type Loc = { source: undefined; start: Position; end: Position };

/** A character Handlebars allows in a name (its ID rule: everything but space and these marks). */
const NAME = /[^\s!"#%-,./;->@[-^`{-~]+/y;
/** What may follow a name, a number or a string inside a tag. */
const SPACE = /\s+/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?=[~}\s)])/y;
const STRING = /"[^"\\]*"|'[^'\\]*'/y;
/** Segments the lexer could take for a literal (true, 1, -2.5) instead of a name: declined, whatever follows. */
const LITERAL_WORD = /^(?:true|false|undefined|null|-?[0-9]+(?:\.[0-9]+)?)$/;
/** Whatever could end a name for the lexer (its lookahead); a name ending otherwise is declined. */
const AFTER_NAME = /[=~}\s/.)|]/;

/** Line and column (0-based, in UTF-16 units) of each offset, as the lexer counts them (CRLF, CR and LF end a line). */
class Positions {
  private line = 1;
  private column = 0;
  private at = 0;
  constructor(private readonly text: string) {}

  /** Offsets are asked in increasing order. */
  of(offset: number): Position {
    for (; this.at < offset; this.at++) {
      const c = this.text.charCodeAt(this.at);
      if (c === 10 || (c === 13 && this.text.charCodeAt(this.at + 1) !== 10)) {
        this.line++;
        this.column = 0;
      } else if (c !== 13) this.column++;
    }
    return { line: this.line, column: this.column };
  }
}

const loc = (start: Position, end: Position): Loc => ({ source: undefined, start, end });

/** The tree Handlebars' parser gives `text`, when `text` is simple; else undefined. */
export function parseSimple(text: string): Program | undefined {
  if (text.includes('\\') || text.includes('\0')) return undefined;
  const positions = new Positions(text);
  const body: hbs.AST.Statement[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    const end = open < 0 ? text.length : open;
    if (end > at) {
      const content = text.slice(at, end);
      body.push({ type: 'ContentStatement', original: content, value: content, loc: loc(positions.of(at), positions.of(end)) } as unknown as hbs.AST.ContentStatement);
    }
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) return undefined;
    const tag = mustache(text, open, close, positions);
    if (!tag) return undefined;
    body.push(tag);
    at = close + 2;
  }
  const program = { type: 'Program', body, strip: {}, loc: undefined } as unknown as Program;
  if (body.length > 0) {
    const first = body[0]!.loc;
    const last = body[body.length - 1]!.loc;
    program.loc = loc({ line: first.start.line, column: first.start.column }, { line: last.end.line, column: last.end.column }) as unknown as hbs.AST.SourceLocation;
  }
  return program;
}

/** `{{name param …}}` between `open` and `close` (the offsets of its braces), or undefined. */
function mustache(text: string, open: number, close: number, positions: Positions): hbs.AST.MustacheStatement | undefined {
  const inner = text.slice(open + 2, close);
  // Another form of tag, a tag across lines, or braces that are not a plain tag's.
  if (/^[{&!#/^>~*]|~$|[\n\r]|\{\{/.test(inner) || text.charCodeAt(close + 2) === 125) return undefined;
  const start = positions.of(open);
  const call = helperCall(text, open + 2, close, positions, 0);
  if (!call || call.end !== close) return undefined;
  return {
    type: 'MustacheStatement',
    path: call.name,
    params: call.params,
    hash: undefined,
    escaped: true,
    strip: { open: false, close: false },
    loc: loc(start, positions.of(close + 2)),
  } as unknown as hbs.AST.MustacheStatement;
}

/** Sub-expressions nested deeper than this are left to Handlebars. */
const MAX_NESTING = 8;

type Param = hbs.AST.PathExpression | hbs.AST.Literal | hbs.AST.SubExpression;

/**
 * `name param …` from `at`, up to the tag's end (`close`) at depth 0, or up to the `)` of a
 * sub-expression deeper; `end` is the offset where it stops (`close`, or that of the `)`).
 */
function helperCall(text: string, at: number, close: number, positions: Positions, depth: number): { name: hbs.AST.PathExpression; params: Param[]; end: number } | undefined {
  const parts: Param[] = [];
  for (;;) {
    SPACE.lastIndex = at;
    if (SPACE.exec(text)) at = SPACE.lastIndex;
    if (at >= close || (depth > 0 && text[at] === ')')) break;
    const token = parts.length === 0 ? path(text, at, close, positions) : param(text, at, close, positions, depth);
    // A string holding "}}" ends past the first "}}": the tag is not where it was looked for.
    if (!token || token.end > close) return undefined;
    parts.push(token.node);
    at = token.end;
    // Tokens are separated by space (the tag's end, or a sub-expression's, stops the loop).
    if (at < close && !/\s/.test(text[at]!) && !(depth > 0 && text[at] === ')')) return undefined;
  }
  if (depth > 0 && text[at] !== ')') return undefined;
  const [name, ...params] = parts;
  // `{{else…` opens an inverse section for the lexer, whatever follows.
  if (!name || name.type !== 'PathExpression' || (name as hbs.AST.PathExpression).original.startsWith('else')) return undefined;
  return { name: name as hbs.AST.PathExpression, params, end: at };
}

/** A parameter: a number, a string, a sub-expression or a name. */
function param(text: string, at: number, close: number, positions: Positions, depth: number): { node: Param; end: number } | undefined {
  if (text[at] === '(') return subExpression(text, at, close, positions, depth + 1);
  return literal(text, at, positions) ?? path(text, at, close, positions);
}

/** `(helper param …)` at `open`, a helper's value given to another (`{{percent (sum a b)}}`). */
function subExpression(text: string, open: number, close: number, positions: Positions, depth: number): { node: hbs.AST.SubExpression; end: number } | undefined {
  if (depth > MAX_NESTING) return undefined;
  const start = positions.of(open);
  const call = helperCall(text, open + 1, close, positions, depth);
  if (!call) return undefined;
  const end = call.end + 1;
  const node = { type: 'SubExpression', path: call.name, params: call.params, hash: undefined, loc: loc(start, positions.of(end)) };
  return { node: node as unknown as hbs.AST.SubExpression, end };
}

/** A name of plain segments joined by dots (`proposals.filed`, `meetings.byKind.主席会议.count`). */
function path(text: string, at: number, close: number, positions: Positions): { node: hbs.AST.PathExpression; end: number } | undefined {
  const segments: string[] = [];
  let end = at;
  for (;;) {
    NAME.lastIndex = end;
    const m = NAME.exec(text);
    // A segment the lexer would read as a number or literal, or `this`, is not a plain segment.
    if (!m || LITERAL_WORD.test(m[0]) || m[0] === 'this') return undefined;
    segments.push(m[0]);
    end = NAME.lastIndex;
    if (end >= close || !AFTER_NAME.test(text[end]!)) break;
    if (text[end] !== '.') break;
    end++;
  }
  // Followed by space, the tag's end or a sub-expression's (any other `)` is refused by the caller).
  if (end < close && !/[\s)]/.test(text[end]!)) return undefined;
  const original = segments.join('.');
  const node = { type: 'PathExpression', data: false, depth: 0, parts: segments, original, loc: loc(positions.of(at), positions.of(end)) };
  return { node: node as unknown as hbs.AST.PathExpression, end };
}

/** A number or a quoted string without escapes, as a parameter. */
function literal(text: string, at: number, positions: Positions): { node: hbs.AST.Literal; end: number } | undefined {
  NUMBER.lastIndex = at;
  const number = NUMBER.exec(text);
  if (number) {
    const value = Number(number[0]);
    const node = { type: 'NumberLiteral', value, original: value, loc: loc(positions.of(at), positions.of(NUMBER.lastIndex)) };
    return { node: node as unknown as hbs.AST.Literal, end: NUMBER.lastIndex };
  }
  STRING.lastIndex = at;
  const string = STRING.exec(text);
  if (string) {
    const value = string[0].slice(1, -1);
    const node = { type: 'StringLiteral', value, original: value, loc: loc(positions.of(at), positions.of(STRING.lastIndex)) };
    return { node: node as unknown as hbs.AST.Literal, end: STRING.lastIndex };
  }
  return undefined;
}
