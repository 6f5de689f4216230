/**
 * The parse trees of the built-in templates, made when the package is bundled: scripts/bundle.mjs
 * parses every .hbs file under templates/ with Handlebars' parser and writes the trees as JSON
 * beside the chunks (dist/bundle/template-trees.json). A text to parse that is exactly a built-in
 * template's text gets its stored tree instead of a run of the parser, which costs more than any
 * other part of compiling the templates. The file holds plain data (trees), checked when read; any
 * other text, a user's edited template included, is parsed as before. Run from the sources, there
 * is no such file beside this module, and every text is parsed.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars/runtime.js';

type Program = hbs.AST.Program;

/** JSON has no undefined, and Handlebars' trees hold it (`hash: undefined`): it is stored as this string (scripts/bundle.mjs writes the same). */
const STORED_UNDEFINED = '\u0000undefined';

/** The stored trees, by the template's whole text; each tree kept as its JSON, so every use gets a copy of its own. */
type Table = Map<string, string>;

let builtIn: Table | undefined;

/** The tree Handlebars' parser gives `text`, when `text` is a built-in template's text; else undefined. */
export function storedTree(text: string): Program | undefined {
  builtIn ??= readTable(new URL('./template-trees.json', import.meta.url));
  return treeOf(builtIn, text);
}

/** The trees stored in the file `from`: a lookup by whole text, as storedTree does with the bundle's file. */
export function storedTrees(from: URL): (text: string) => Program | undefined {
  const table = readTable(from);
  return (text) => treeOf(table, text);
}

function treeOf(table: Table, text: string): Program | undefined {
  const json = table.get(text);
  return json === undefined ? undefined : revive(JSON.parse(json) as Program);
}

/**
 * `{ handlebars: version, trees: [[text, tree as JSON], …] }`. A file missing, unreadable, of
 * another shape or made by another version of Handlebars than the one running is an empty table.
 */
function readTable(from: URL): Table {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(from, 'utf8'));
  } catch {
    return new Map();
  }
  const { handlebars, trees } = (data ?? {}) as { handlebars?: unknown; trees?: unknown };
  if (handlebars !== Handlebars.VERSION || !Array.isArray(trees)) return new Map();
  const made: Table = new Map();
  for (const entry of trees) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return new Map();
    made.set(entry[0], entry[1]);
  }
  return made;
}

/**
 * Puts back what JSON could not hold as Handlebars wrote it: undefined where the stored tree holds
 * its stand-in, and each position, stored as [line, column, line, column]. Keys stay where they
 * were, so key order is kept.
 */
function revive<T>(node: T): T {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = revive(node[i]);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    // A plain object from JSON.parse: for…in gives its keys in order, without a list of them.
    for (const key in record) {
      const value = record[key];
      record[key] = key === 'loc' && Array.isArray(value) ? position(value as number[]) : revive(value);
    }
  } else if (node === STORED_UNDEFINED) {
    return undefined as T;
  }
  return node;
}

/** A node's position as Handlebars writes it (0-based columns). */
const position = ([line, column, endLine, endColumn]: number[]) => ({ source: undefined, start: { line, column }, end: { line: endLine, column: endColumn } });
