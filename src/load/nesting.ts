/**
 * Limits that keep hostile or broken data files from exhausting memory or the stack. Both
 * YAML parsers recurse once per level of nesting: tens of thousands of nested `[` end in a
 * stack overflow, and near the stack's end V8 can abort the whole process (a fatal
 * "RegExpCompiler Allocation failed" when a regular expression is compiled there), which no
 * try/catch can stop. So nesting is measured before any parser sees the text.
 */

/** Larger data files are refused unread. A national CPPCC's year of 50,000 information items is about 6.5 MB. */
export const MAX_DATA_FILE_BYTES = 16 * 1024 * 1024;

/** Deeper nesting is refused. Real data nests about 5 levels (activities → parts → a part → its fields). */
export const MAX_NESTING = 100;

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
const DASH = 0x2d;
const QUESTION = 0x3f;
const PIPE = 0x7c;
const GREATER = 0x3e;
const BACKSLASH = 0x5c;
const DOUBLE_QUOTE = 0x22;

/** Characters that can change the nesting, start a quote or a comment, or end a line. */
const SPECIAL = /[[\]{}"'#\n]/g;

const isBlank = (c: number) => c === SPACE || c === TAB || c === CR || Number.isNaN(c);

/**
 * Where `text` first nests deeper than `max` levels, counting block levels (indentation and
 * `- `/`? ` indicators) and flow levels (`[`, `{`), outside quotes, comments and block scalars.
 * A measure, not a parser: it may count a level too many or too few in odd layouts, which is
 * harmless with a limit more than ten times the depth of real data. Linear in the text, and
 * it jumps from one special character to the next, so Chinese prose costs little.
 */
export function excessiveNesting(text: string, max = MAX_NESTING): { line: number; column: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let blockScalarParent = -1; // indentation of the line that opened a block scalar
  let line = 0;
  let pos = 0; // start of the current line
  while (pos <= text.length) {
    line++;
    let lineStart = pos;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    pos = end + 1;
    let i = lineStart;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    const indent = i - lineStart;
    if (i === end || (i === end - 1 && text.charCodeAt(i) === CR)) continue;
    if (blockScalarParent >= 0) {
      if (indent > blockScalarParent) continue;
      blockScalarParent = -1;
    }
    let depth = flow;
    if (flow === 0) {
      if (text.charCodeAt(i) === HASH) continue;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      depth = indents.length;
      // Compact nested sequences and complex keys: `- - - x`, `? - x`.
      while ((text.charCodeAt(i) === DASH || text.charCodeAt(i) === QUESTION) && isBlank(text.charCodeAt(i + 1))) {
        depth++;
        if (depth > max) return { line, column: i - lineStart + 1 };
        i++;
        while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
      }
    }
    if (depth > max) return { line, column: i - lineStart + 1 };
    const contentStart = i;
    let commentAt = end;
    let plainOpener = -1; // the last `[`/`{` that was text, not structure
    SPECIAL.lastIndex = i;
    // test(), not exec(): no match object for each of the million special characters of a national year.
    while (SPECIAL.test(text)) {
      const j = SPECIAL.lastIndex - 1;
      const c = text.charCodeAt(j);
      if (c === LF) break;
      if (c === HASH) {
        if (j === contentStart || isBlank(text.charCodeAt(j - 1))) {
          commentAt = j;
          break;
        }
      } else if (c === DOUBLE_QUOTE || c === 0x27) {
        if (!opensScalar(text, j, contentStart, plainOpener)) continue;
        const close = closingQuote(text, j);
        // A quoted scalar may run over several lines: go on after it, on the line where it ends.
        for (let k = text.indexOf('\n', j); k >= 0 && k < close; k = text.indexOf('\n', k + 1)) line++;
        if (close > end) {
          lineStart = text.lastIndexOf('\n', close) + 1;
          end = text.indexOf('\n', close);
          if (end < 0) end = text.length;
          pos = end + 1;
        }
        SPECIAL.lastIndex = close + 1;
      } else if (c === 0x5b || c === 0x7b) {
        // Like a quote, `[` and `{` open a collection only where a value starts (`关于{x}` is text).
        if (!opensScalar(text, j, contentStart, plainOpener)) {
          plainOpener = j;
          continue;
        }
        flow++;
        depth++;
        if (depth > max) return { line, column: j - lineStart + 1 };
      } else if (flow > 0) {
        flow--;
        depth--;
      }
    }
    // `key: |` or `- >-`: the more indented lines that follow are text, not structure.
    if (flow === 0 && opensBlockScalar(text, contentStart, commentAt)) blockScalarParent = indent;
  }
  return undefined;
}

/** Whether a value can start at `at`: `key: "…"`, `- '…'`, `[ "…"`, `, '…'`, `key: [`. */
function opensScalar(text: string, at: number, contentStart: number, plainOpener: number): boolean {
  let k = at - 1;
  while (k >= contentStart && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k--;
  // A tag or an anchor before the value (`!t [`, `&a {`) does not make it text: skip over it.
  for (;;) {
    let t = k;
    while (t >= contentStart && !isBlank(text.charCodeAt(t)) && text[t] !== '[' && text[t] !== '{' && text[t] !== ',') t--;
    const token = text[t + 1];
    if (t === k || (token !== '!' && token !== '&')) break;
    k = t;
    while (k >= contentStart && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB)) k--;
  }
  if (k < contentStart) return true;
  const before = text[k];
  if (before === '[' || before === '{') return k !== plainOpener;
  return before === ':' || before === ',' || before === '-' || before === '?';
}

/** Index of the quote that closes the one at `at` (text.length when none does). */
function closingQuote(text: string, at: number): number {
  const q = text.charCodeAt(at);
  for (let k = at + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === BACKSLASH && q === DOUBLE_QUOTE) k++;
    else if (c === q) {
      if (q !== DOUBLE_QUOTE && text.charCodeAt(k + 1) === q) k++; // '' inside single quotes
      else return k;
    }
  }
  return text.length;
}

/** Whether the line's content (up to a comment) ends in a block scalar header: `|`, `>-`, `|2+`. */
function opensBlockScalar(text: string, contentStart: number, end: number): boolean {
  let k = end - 1;
  while (k >= contentStart && isBlank(text.charCodeAt(k))) k--;
  while (k >= contentStart && /[-+0-9]/.test(text[k]!)) k--;
  const c = text.charCodeAt(k);
  if (k < contentStart || (c !== PIPE && c !== GREATER)) return false;
  return k === contentStart || isBlank(text.charCodeAt(k - 1)) || text[k - 1] === ':' || text[k - 1] === '-';
}
