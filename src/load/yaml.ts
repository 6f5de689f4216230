/**
 * Reading a YAML data file. Every value has one meaning: js-yaml's, with its core schema, whatever
 * else the file holds (a comment, an anchor), so `total: 0x10` means the same in every file.
 * Record files in the common shapes are read to that very value by yaml-fast.ts, about twice as
 * fast, and js-yaml (loaded then) reads any other. Positions, needed only to place a problem,
 * come from the `yaml` parser, which keeps them; it is about ten times slower, so it parses a
 * file only when a message needs a line (and in a long ledger only the record concerned:
 * record-region.ts). A file js-yaml refuses is parsed with positions at once so each syntax
 * problem is reported where it is.
 */
import type { Document, Node } from 'yaml';
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPath, type DataPath } from './data-path.js';
import { excessiveNesting, MAX_NESTING } from './nesting.js';
import { recordNode, recordsAround, REGION_MIN_LENGTH } from './record-region.js';
import { yamlErrorAt } from './yaml-errors.js';
import { readFastYaml } from './yaml-fast.js';
import { LineStarts, positionsParser, valuesParser } from './yaml-library.js';
import { appendAll } from '../append.js';

/** Where lines start: the parser's own count, or LineStarts when the file was not parsed with positions. */
type Lines = Pick<LineStarts, 'linePos'>;

export interface SourceFile {
  /** Path shown to users (relative to the working folder where possible, with forward slashes). */
  display: string;
  text: string;
  /** The document with source positions; built on first use, since clean data never needs it. */
  readonly doc: Document.Parsed;
  /** Where each line starts. */
  readonly lines: Lines;
  /** The value js-yaml read, when it read the file. */
  readonly value?: unknown;
  /** Whether `doc` has been built. */
  readonly parsed: boolean;
  /**
   * Set when the fast reader read it: the text holds no control character, surrogate or escape
   * (yaml-fast.ts declines a file with any), so no value read from it can hold a forbidden character.
   */
  readonly plainText?: true;
}

export interface ParsedYaml {
  file: SourceFile;
  /** The plain value, or undefined when the YAML could not be read. */
  value: unknown;
  diagnostics: Diagnostic[];
  /**
   * With a parse cache: the name of the file's entry, which stands for the file's bytes in the
   * entries of what is made from them (a year's checks, validate/kept-year.ts).
   */
  digest?: string;
  /**
   * With a parse cache: what checking this file against the schema gave an earlier run with the
   * same settings (`inputs`: the organisation's settings as JSON), and where this run's is kept for
   * the next (validate/yaml-file.ts checks what it is given; the cache writes it when the run ends).
   */
  checkedBefore?: {
    find(inputs: string): unknown;
    keep(inputs: string, part: unknown): void;
  };
}

/** Expanded size past which aliases are refused ("billion laughs"): data files have no use for them. */
const MAX_EXPANDED_NODES = 1_000_000;

const OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

function withPositions(text: string): { doc: Document.Parsed; lines: Lines } {
  const { LineCounter, parseDocument } = positionsParser();
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...OPTIONS, lineCounter: lines });
  return { doc, lines };
}

/**
 * `value`: what js-yaml read, or, for a file the parse cache holds, how to read it when first
 * asked for (a YAML value is never a function); `text` and `plainText` likewise, for a file whose
 * text is decoded, and whose kept entry is read, only when something asks (heldValue).
 */
function sourceFile(display: string, text: string | (() => string), parsed?: { doc: Document.Parsed; lines: Lines }, value?: unknown, plainText?: true | (() => true | undefined)): SourceFile {
  let positions = parsed;
  let lines = parsed?.lines;
  let known = typeof text === 'string' ? text : undefined;
  const textOf = (): string => (known ??= (text as () => string)());
  const file = {
    display,
    ...(typeof text === 'string' ? { text } : {}),
    ...(typeof value !== 'function' && value !== undefined ? { value } : {}),
    ...(plainText === true ? { plainText } : {}),
    get doc() {
      return (positions ??= withPositions(textOf())).doc;
    },
    get lines() {
      return (lines ??= positions?.lines ?? lineStarts(textOf()));
    },
    get parsed() {
      return positions !== undefined;
    },
  } as SourceFile;
  // Defined, not spread: spreading a getter would read the value (decode the text) now.
  if (typeof text === 'function') Object.defineProperty(file, 'text', { get: textOf, enumerable: true });
  if (typeof value === 'function') Object.defineProperty(file, 'value', { get: () => (value as () => unknown)() ?? undefined, enumerable: true });
  if (typeof plainText === 'function') Object.defineProperty(file, 'plainText', { get: plainText, enumerable: true });
  return file;
}

/** The lines of `text` as the parser counts them (every LF ends one). */
function lineStarts(text: string): Lines {
  const lines = new LineStarts();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

// Anchors and aliases (any name, Chinese too): their expansion is measured before anything walks the value.
const MAY_HAVE_ALIASES = /(?:^|[\s[{,:])\*[^\s,[\]{}]/m;

export function parseYaml(display: string, text: string): ParsedYaml {
  // Record files as offices write them are read without js-yaml, to the same value (yaml-fast.ts).
  // That reader knows their depth, well within the limit, and that they have no aliases; past a
  // million nodes the alias measure below decides, as for any file.
  const fast = readFastYaml(text);
  if (fast !== undefined && fast.nodes <= MAX_EXPANDED_NODES) {
    return { file: sourceFile(display, text, undefined, fast.value, true), value: fast.value, diagnostics: [] };
  }
  // Before any parser: both recurse per level, and too deep a stack can abort the process.
  const deep = excessiveNesting(text);
  if (deep !== undefined) {
    return { file: sourceFile(display, text), value: undefined, diagnostics: [diagnostic('yamlTooDeep', { max: MAX_NESTING }, { file: display, ...deep })] };
  }
  let value: unknown;
  try {
    const jsyaml = valuesParser();
    value = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: display });
  } catch (refusal) {
    return refused(display, text, refusal);
  }
  const file = sourceFile(display, text, undefined, value ?? undefined);
  if (MAY_HAVE_ALIASES.test(text) && expandedSize(value, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
    return { file, value: undefined, diagnostics: [diagnostic('yamlAlias', {}, { file: display, line: 1, column: 1 })] };
  }
  return { file, value, diagnostics: [] };
}

/**
 * A file the parse cache kept a clean parse of, its value read from the cache when first asked
 * for: a run whose year's checks were kept (validate/kept-year.ts), or this file's check
 * (validate/yaml-file.ts), asks for none of them. Its text is decoded only when something asks
 * for it (a place in a message); `entry` gives the value and whether the fast reader read it
 * (SourceFile.plainText).
 */
export function heldValue(display: string, text: () => string, entry: () => { value: unknown; plainText?: true }, digest: string, checkedBefore?: ParsedYaml['checkedBefore']): ParsedYaml {
  let known: { value: unknown; plainText?: true } | undefined;
  const read = () => (known ??= entry());
  return {
    file: sourceFile(display, text, undefined, () => read().value, () => read().plainText),
    get value() {
      return read().value;
    },
    diagnostics: [],
    digest,
    ...(checkedBefore ? { checkedBefore } : {}),
  };
}

/** Nodes of the value with every alias expanded, counted up to `limit` (js-yaml shares aliased objects). */
function expandedSize(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const node = stack.pop();
    count++;
    if (node !== null && typeof node === 'object') appendAll(stack, (Array.isArray(node) ? node : Object.values(node)));
  }
  return count;
}

/**
 * js-yaml refused the file: the problems, placed by the parser that keeps positions (in a long
 * ledger, by parsing the records around the place js-yaml stopped). Should that parser find
 * nothing wrong, js-yaml's refusal stands, at the place it gives.
 */
function refused(display: string, text: string, refusal: unknown): ParsedYaml {
  const mark = (refusal as { mark?: { position?: unknown; line?: unknown; column?: unknown } } | null)?.mark;
  if (text.length >= REGION_MIN_LENGTH && typeof mark?.position === 'number') {
    const near = problemsNear(display, text, mark.position, mark.line as number);
    if (near) return near;
  }
  const positions = withPositions(text);
  const file = sourceFile(display, text, positions);
  const diagnostics = problemsOf(positions.doc, text, 0, file);
  if (diagnostics.length > 0) return { file, value: undefined, diagnostics };
  // By its offset, on the lines everything else counts: js-yaml's own line and column also break
  // lines at a lone CR, and would then point past the lines of the file.
  const { line, column } =
    typeof mark?.position === 'number'
      ? position(file, Math.min(mark.position, text.length))
      : { line: typeof mark?.line === 'number' ? mark.line + 1 : 1, column: typeof mark?.column === 'number' ? mark.column + 1 : 1 };
  const at = yamlErrorAt('JS_YAML', text, line);
  const place = { line: at.line, column: at.column ?? (at.line === line ? column : 1) };
  return { file, value: undefined, diagnostics: [diagnostic('yamlSyntax', at.words, { file: display, ...place })] };
}

/** The parser's errors as diagnostics; `doc` was parsed from `text`, which starts at `shift` in the file. */
function problemsOf(doc: Document.Parsed, text: string, shift: number, file: SourceFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let syntaxReported = false;
  for (const error of doc.errors) {
    const at = position(file, error.pos[0] + shift);
    const loc = { file: file.display, ...at };
    if (error.code === 'DUPLICATE_KEY') {
      diagnostics.push(diagnostic('yamlDuplicateKey', { key: duplicateKeyAt(doc, text, error.pos) }, loc));
    } else if (!syntaxReported) {
      // After the first syntax error the parser's further complaints are mostly its echoes.
      syntaxReported = true;
      const found = yamlErrorAt(error.code, file.text, at.line);
      const place = { file: file.display, line: found.line, column: found.column ?? (found.line === at.line ? at.column : 1) };
      diagnostics.push(diagnostic('yamlSyntax', found.words, place));
    }
  }
  return diagnostics;
}

/**
 * A long ledger js-yaml refused: the records around the place it stopped, parsed alone with
 * positions, when that shows what is wrong; otherwise undefined, and the whole file is parsed.
 * Parsing 6 MB with positions to report one broken line took seconds.
 */
function problemsNear(display: string, text: string, at: number, line: number): ParsedYaml | undefined {
  const file = sourceFile(display, text);
  const near = recordsAround(file, text, at);
  if (!near) return undefined;
  const slice = near.context + text.slice(near.start, near.end);
  const doc = positionsParser().parseDocument(slice, OPTIONS);
  // A problem among the key lines above the records is not theirs: the whole file is parsed then.
  if (doc.errors.some((error) => error.pos[0] < near.context.length)) return undefined;
  const shift = near.start - near.context.length;
  const diagnostics = problemsOf(doc, slice, shift, file);
  // Trusted only when js-yaml also stops on the same line reading the records alone (a quote
  // opened further up and never closed is seen by neither the same way), and the parser with
  // positions agrees; otherwise the whole file decides.
  if (diagnostics.length === 0 || diagnostics[0]!.line !== line + 1 || stopLine(slice, shift, file) !== line + 1) return undefined;
  return { file, value: undefined, diagnostics };
}

/** The line of the file where js-yaml stops reading `slice` (found at `shift`), if it does. */
function stopLine(slice: string, shift: number, file: SourceFile): number | undefined {
  try {
    const jsyaml = valuesParser();
    jsyaml.load(slice, { schema: jsyaml.CORE_SCHEMA });
    return undefined;
  } catch (error) {
    const pos = (error as { mark?: { position?: unknown } }).mark?.position;
    return typeof pos === 'number' ? position(file, pos + shift).line : undefined;
  }
}

/** The key a DUPLICATE_KEY error is about, whole (the error covers one character). */
function duplicateKeyAt(doc: Document.Parsed, text: string, pos: [number, number]): string {
  const { isScalar, visit } = positionsParser();
  let key: string | undefined;
  visit(doc, {
    Pair(_k, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === pos[0]) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key ?? text.slice(pos[0], pos[1]);
}

function position(file: SourceFile, offset: number): { line: number; column: number } {
  const { line, col } = file.lines.linePos(offset);
  return { line, column: col };
}

/**
 * The node at `path`, or the deepest existing ancestor when the path runs past the data (a
 * missing field is reported on the map that lacks it). `key` selects the key of the last pair.
 */
function nodeAt(file: SourceFile, path: DataPath, key = false): Node | null {
  const { isMap, isPair, isScalar, isSeq } = positionsParser();
  // A long file not yet parsed with positions: the record the path runs through, parsed alone.
  const record = !file.parsed && file.value !== undefined && file.text.length >= REGION_MIN_LENGTH ? recordNode(file, file.text, file.value, path) : undefined;
  let node: unknown = record ? record.node : file.doc.contents;
  for (let i = record?.depth ?? 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return node;
      if (last && key) return pair.key as Node;
      if (pair.value === null || pair.value === undefined) return pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined || item === null) return node;
      node = item;
    } else {
      return (node as Node | null) ?? null;
    }
  }
  return (node as Node | null) ?? null;
}

export function locate(file: SourceFile, path: DataPath, key = false): Location {
  const node = nodeAt(file, path, key);
  const offset = node?.range?.[0] ?? 0;
  return { file: file.display, ...position(file, offset), path: formatPath(path) };
}
