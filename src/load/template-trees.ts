/**
 * The built-in templates as the engine runs them, made when the package is bundled:
 * scripts/bundle.mjs parses every .hbs file under templates/ with Handlebars' parser, prepares the
 * tree with the engine's own code (render/template-ast.ts: helpers checked, paths rewritten to
 * refuse a missing value) and writes it, with the `{{> name}}` statements it holds, as JSON beside
 * the chunks (dist/bundle/template-trees.json). A template whose text is exactly a built-in
 * template's gets its stored tree instead of a scan, a parse and a walk, which cost more than any
 * other part of compiling the templates. The file holds plain data (trees), checked when read;
 * any other text, a user's edited template included, is prepared as before. Run from the sources,
 * there is no such file beside this module, and every text is prepared.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars/runtime.js';

type Program = hbs.AST.Program;

/** A built-in template, prepared: the tree (a copy of its own) and its partial statements, as render/template-ast.ts finds them. */
export interface StoredTemplate {
  ast: Program;
  partials: Array<{ name: string; line: number; column: number; computed?: true }>;
}

/** JSON has no undefined, and Handlebars' trees hold it (`hash: undefined`): it is stored as this string (scripts/bundle.mjs writes the same). */
const STORED_UNDEFINED = '\u0000undefined';

/** The stored templates, by the template's whole text; each kept as its JSON, so every use gets a copy of its own. */
type Table = Map<string, { tree: string; partials: StoredTemplate['partials'] }>;

let builtIn: Table | undefined;

/** The prepared template of `text`, when `text` is a built-in template's text; else undefined. */
export function storedTemplate(text: string): StoredTemplate | undefined {
  builtIn ??= readTable(new URL('./template-trees.json', import.meta.url));
  return templateOf(builtIn, text);
}

/** The templates stored in the file `from`: a lookup by whole text, as storedTemplate does with the bundle's file. */
export function storedTemplates(from: URL): (text: string) => StoredTemplate | undefined {
  const table = readTable(from);
  return (text) => templateOf(table, text);
}

function templateOf(table: Table, text: string): StoredTemplate | undefined {
  const entry = table.get(text);
  return entry === undefined ? undefined : { ast: revive(JSON.parse(entry.tree) as Program), partials: entry.partials.map((p) => ({ ...p })) };
}

const isPartial = (p: unknown): p is StoredTemplate['partials'][number] => {
  const r = p as Record<string, unknown> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.name === 'string' &&
    Number.isInteger(r.line) &&
    Number.isInteger(r.column) &&
    (r.computed === undefined || r.computed === true) &&
    Object.keys(r).every((k) => k === 'name' || k === 'line' || k === 'column' || k === 'computed')
  );
};

/**
 * `{ handlebars: version, trees: [[text, tree as JSON, partials as JSON], …] }`. A file missing,
 * unreadable, of another shape or made by another version of Handlebars than the one running is
 * an empty table.
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
    if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== 'string' || typeof entry[1] !== 'string' || typeof entry[2] !== 'string') return new Map();
    let partials: unknown;
    try {
      partials = JSON.parse(entry[2]);
    } catch {
      return new Map();
    }
    if (!Array.isArray(partials) || !partials.every(isPartial)) return new Map();
    made.set(entry[0], { tree: entry[1], partials });
  }
  return made;
}

/**
 * Puts back what JSON could not hold as the tree had it: undefined where the stored tree holds
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
const position = (at: number[]) => ({ source: undefined, start: { line: at[0], column: at[1] }, end: { line: at[2], column: at[3] } });
