/**
 * YAML parsing that keeps source positions, so that every later problem can name the file,
 * line and column of the value it concerns.
 */
import jsyaml from 'js-yaml';
import type { Memo } from '../cache/memo.js';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { recordNode, recordsAround, REGION_MIN_LENGTH } from './record-region.js';

export type DataPath = ReadonlyArray<string | number>;

export interface SourceFile {
  /** Path shown to users (relative to the working folder where possible, with forward slashes). */
  display: string;
  text: string;
  /** The document with source positions; built on first use, since clean data never needs it. */
  readonly doc: Document.Parsed;
  /** Where each line starts: found in the text, so that turning an offset into a line needs no parse. */
  readonly lines: LineCounter;
  /** The value the fast reader read, when it read the file: a record's text is checked against it (record-region.ts). */
  readonly value?: unknown;
  /** Whether `doc` has been built. */
  readonly parsed: boolean;
}

export interface ParsedFile {
  file: SourceFile;
  /** The plain value, or undefined when the YAML could not be read. */
  value: unknown;
  diagnostics: Diagnostic[];
}

// Data files have no use for aliases; a low cap refuses "billion laughs" at once.
const MAX_ALIAS_COUNT = 50;

function withPositions(text: string): { doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  return { doc, lines };
}

function sourceFile(display: string, text: string, parsed?: { doc: Document.Parsed; lines: LineCounter }, value?: unknown): SourceFile {
  let positions = parsed;
  let lines = parsed?.lines;
  return {
    display,
    text,
    ...(value !== undefined ? { value } : {}),
    get doc() {
      return (positions ??= withPositions(text)).doc;
    },
    get lines() {
      return (lines ??= positions?.lines ?? lineStarts(text));
    },
    get parsed() {
      return positions !== undefined;
    },
  };
}

/** The lines of `text` as the parser counts them (every LF ends one; tested against it). */
function lineStarts(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

// Anchors and aliases (any name, Chinese too) take the careful path, where their expansion is capped.
const MAY_HAVE_ALIASES = /(?:^|[\s[{,:])[&*][^\s,[\]{}]/m;

/**
 * Parses a data file. Clean files, the common case, are read by the fast js-yaml reader and
 * get their positions only if a later problem needs one (the `yaml` parser that keeps
 * positions is several times slower). A file the fast reader refuses, or one with anchors,
 * is parsed with positions at once, so every syntax problem is reported where it is.
 */
export function parseYaml(display: string, text: string, memo?: Memo): ParsedFile {
  if (!MAY_HAVE_ALIASES.test(text)) {
    try {
      const value: unknown = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, filename: display });
      // An empty file is not remembered: reading it again costs nothing, and its warning comes from the reader.
      const json = memo && value !== null && value !== undefined ? faithfulJson(value) : undefined;
      if (json !== undefined) memo!.set('yaml', text, json);
      return { file: sourceFile(display, text, undefined, value), value, diagnostics: [] };
    } catch (refusal) {
      // Reported below, with positions, by the parser that keeps them.
      const near = text.length >= REGION_MIN_LENGTH ? problemsNear(display, text, refusal) : undefined;
      if (near) return near;
    }
  }
  return parseWithPositions(display, text);
}

/**
 * The file as an earlier run read it, when the memo has its text: clean then, so clean now, and
 * neither the nesting measure nor a parser needs to see it again.
 */
export function recallYaml(display: string, text: string, memo: Memo): ParsedFile | undefined {
  const remembered = memo.get('yaml', text);
  if (remembered === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(remembered);
    return { file: sourceFile(display, text, undefined, value), value, diagnostics: [] };
  } catch {
    return undefined; // a damaged entry: read the text as if there were none
  }
}

/** The value as JSON, or undefined when JSON would change it (.inf, .nan, -0). */
function faithfulJson(value: unknown): string | undefined {
  let faithful = true;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) faithful = false;
    return v;
  });
  return faithful ? json : undefined;
}

export function parseWithPositions(display: string, text: string): ParsedFile {
  const positions = withPositions(text);
  const { doc } = positions;
  const file = sourceFile(display, text, positions);
  const diagnostics = problemsOf(doc, text, 0, file);
  if (diagnostics.length > 0) return { file, value: undefined, diagnostics };
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { file, value, diagnostics };
  } catch (error) {
    const detail = error instanceof Error ? firstLine(error.message) : String(error);
    return { file, value: undefined, diagnostics: [diagnostic('yamlAlias', { detail }, { file: display, line: 1, column: 1 })] };
  }
}

/** The parser's errors as diagnostics; `doc` was parsed from `text`, which starts at `shift` in the file. */
function problemsOf(doc: Document.Parsed, text: string, shift: number, file: SourceFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let syntaxReported = false;
  for (const error of doc.errors) {
    const loc = { file: file.display, ...position(file, error.pos[0] + shift) };
    if (error.code === 'DUPLICATE_KEY') {
      diagnostics.push(diagnostic('yamlDuplicateKey', { key: duplicateKeyAt(doc, text, error.pos) }, loc));
    } else if (!syntaxReported) {
      // After the first syntax error the parser's further complaints are mostly its echoes.
      syntaxReported = true;
      diagnostics.push(diagnostic('yamlSyntax', { detail: firstLine(error.message) }, loc));
    }
  }
  return diagnostics;
}

/**
 * A long ledger the fast reader refused: the records around the place it stopped, parsed alone
 * with positions (record-region.ts), when that shows what is wrong; otherwise undefined, and
 * the whole file is parsed. Parsing 6 MB with positions to report one broken line took 10 s.
 */
function problemsNear(display: string, text: string, refusal: unknown): ParsedFile | undefined {
  const mark = (refusal as { mark?: { position?: unknown; line?: unknown } } | null)?.mark;
  const at = mark?.position;
  if (typeof at !== 'number') return undefined;
  const file = sourceFile(display, text);
  const near = recordsAround(file, text, at);
  if (!near) return undefined;
  const slice = near.context + text.slice(near.start, near.end);
  const doc = parseDocument(slice, { prettyErrors: false, uniqueKeys: true, strict: true });
  // A problem among the key lines above the records is not theirs: the whole file is parsed then.
  if (doc.errors.some((error) => error.pos[0] < near.context.length)) return undefined;
  const shift = near.start - near.context.length;
  const diagnostics = problemsOf(doc, slice, shift, file);
  // Trusted only when the fast reader also stops on the same line reading the records alone (a
  // quote opened further up and never closed is seen by neither the same way), and the parser
  // with positions agrees; otherwise the whole file decides.
  const line = mark!.line as number;
  if (diagnostics.length === 0 || diagnostics[0]!.line !== line + 1 || stopLine(slice, shift, file) !== line + 1) return undefined;
  return { file, value: undefined, diagnostics };
}

/** The line of the file where the fast reader stops reading `slice` (found at `shift`), if it does. */
function stopLine(slice: string, shift: number, file: SourceFile): number | undefined {
  try {
    jsyaml.load(slice, { schema: jsyaml.CORE_SCHEMA });
    return undefined;
  } catch (refusal) {
    const at = (refusal as { mark?: { position?: unknown } } | null)?.mark?.position;
    return typeof at === 'number' ? position(file, at + shift).line : undefined;
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The key written twice: the parser's error covers only its first character, so the key is found in the document. */
function duplicateKeyAt(doc: Document.Parsed, text: string, pos: [number, number]): string {
  let key: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === pos[0]) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key ?? text.slice(pos[0], pos[1]);
}

export function position(file: SourceFile, offset: number): { line: number; column: number } {
  const { line, col } = file.lines.linePos(offset);
  return { line, column: col };
}

/**
 * The node at `path`, or the deepest existing ancestor when the path runs past the data (a
 * missing field is reported on the map that lacks it). `key` selects the key of the last pair.
 */
export function nodeAt(file: SourceFile, path: DataPath, key = false): Node | null {
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

/** `proposals[3].category`, the form used in messages and JSON output. */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/**
 * Position of a character inside a string scalar, for problems found in prose (a citation
 * of a figure that does not exist). Block scalars map line by line; single-line scalars by
 * offset; anything else falls back to the scalar's start.
 */
export function locateInScalar(file: SourceFile, path: DataPath, line: number, column: number): Location {
  const node = nodeAt(file, path);
  const base = locate(file, path);
  if (!node || !isScalar(node) || !node.range) return base;
  const [start, valueEnd] = node.range;
  const raw = file.text.slice(start, valueEnd);
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const rawLines = raw.split('\n');
    const content = rawLines.slice(1);
    const indent = Math.min(...content.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
    // Folded scalars join lines, so a line inside the value is not a source line: use the start.
    if (node.type === 'BLOCK_FOLDED' || !Number.isFinite(indent)) return base;
    // `line` is 1-based inside the value. A problem at the value's very end (an unclosed
    // {{#each}}) is reported past its last line: keep it on the last line that has text.
    const index = Math.max(0, Math.min(line - 1, content.map((l) => l.trim() !== '').lastIndexOf(true)));
    let offset = start + rawLines[0]!.length + 1;
    for (let i = 0; i < index; i++) offset += content[i]!.length + 1;
    const here = content[index]!;
    const lead = Math.min(indent, here.length);
    return { ...base, ...position(file, offset + lead + Math.min(column, here.length - lead)) };
  }
  if (line !== 1 || raw.includes('\n')) return base;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  if (quoted && raw.includes('\\')) return base;
  return { ...base, ...position(file, start + (quoted ? 1 : 0) + Math.min(column, raw.length - (quoted ? 2 : 0))) };
}
