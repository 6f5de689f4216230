/**
 * Mutations of a data folder for the property-based robustness tests (and scripts/fuzz.ts):
 * the mistakes hand-edited YAML really suffers (a field dropped, a value of the wrong type,
 * values swapped between records, a file cut short, stray bytes, a key written twice, odd
 * Unicode) plus hostile keys (`__proto__`, `constructor`). fast-check draws a plan of
 * numbers; `applyPlan` turns it into file contents deterministically, so a failing case
 * shrinks and replays from its seed.
 *
 * Some mutations are certain to make the data invalid (every object in the schema is strict,
 * every field typed); those mark the case `breaks`, and the test then demands errors.
 */
import fc from 'fast-check';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isCollection, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Document, type Node, type Pair } from 'yaml';

/** A data folder as relative path → bytes. */
export type Files = Map<string, Buffer>;

export async function readFolder(root: string): Promise<Files> {
  const files: Files = new Map();
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.set(path.relative(root, full).split(path.sep).join('/'), await readFile(full));
    }
  };
  await walk(root);
  return files;
}

// ── The plan ─────────────────────────────────────────────────────────

export type Mutation =
  | { op: 'dropField'; pick: number }
  | { op: 'changeType'; pick: number; to: number }
  | { op: 'swapValues'; pick: number; other: number }
  | { op: 'duplicateKey'; pick: number }
  | { op: 'unknownField'; pick: number; key: string; value: number }
  | { op: 'replaceScalar'; pick: number; text: string }
  | { op: 'insertIntoScalar'; pick: number; at: number; text: string }
  | { op: 'truncate'; at: number }
  | { op: 'injectBytes'; at: number; bytes: Uint8Array }
  | { op: 'insertText'; at: number; text: string }
  | { op: 'deleteLines'; at: number; count: number }
  | { op: 'duplicateLines'; at: number; count: number }
  | { op: 'swapLines'; at: number; other: number }
  | { op: 'utf16' }
  | { op: 'empty' };

export interface Step {
  /** Index into the sorted list of YAML files (taken modulo its length). */
  file: number;
  mutation: Mutation;
}

export type Plan = Step[];

/** Keys that no object of the schema has, including the ones that reach prototypes. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

/** Fragments that mean something to the template engine, for prose. */
const TEMPLATE_BITS = ['{{', '}}', '{{proposals.totl}}', '{{percent proposals.total 9}}', '{{#each x}}', '{{/if}}', '{{> report}}', '{{constructor}}', '{{lookup this "constructor"}}', '{{{', '\\{{', '{{!', '{{yoy 1 0}}', '{{previous.proposals.total}}'];

const unicodeText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('“', '”', '：', '\u3000', '\u200b', '\ufeff', '\u0000', '\t', '\r', '\n', '#', ':', '-', '&', '*', '!', '%', '@', '`', '|', '>', '{', '}', '[', ']', ',', '"', "'", '\\', '中', '𠀀', '\ud800'), maxLength: 8 }),
  fc.constantFrom(...TEMPLATE_BITS),
);

const nat = fc.nat({ max: 1_000_000 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('dropField' as const), pick: nat }),
  fc.record({ op: fc.constant('changeType' as const), pick: nat, to: fc.nat({ max: 5 }) }),
  fc.record({ op: fc.constant('swapValues' as const), pick: nat, other: nat }),
  fc.record({ op: fc.constant('duplicateKey' as const), pick: nat }),
  fc.record({
    op: fc.constant('unknownField' as const),
    pick: nat,
    key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.stringMatching(/^[a-z]{1,8}$/).map((s) => `x_${s}`)),
    value: fc.nat({ max: 3 }),
  }),
  fc.record({ op: fc.constant('replaceScalar' as const), pick: nat, text: unicodeText }),
  fc.record({ op: fc.constant('insertIntoScalar' as const), pick: nat, at: nat, text: unicodeText }),
  fc.record({ op: fc.constant('truncate' as const), at: nat }),
  fc.record({ op: fc.constant('injectBytes' as const), at: nat, bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('insertText' as const), at: nat, text: unicodeText }),
  fc.record({ op: fc.constant('deleteLines' as const), at: nat, count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('duplicateLines' as const), at: nat, count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('swapLines' as const), at: nat, other: nat }),
  fc.constant({ op: 'utf16' as const }),
  fc.constant({ op: 'empty' as const }),
);

export const planArb: fc.Arbitrary<Plan> = fc.array(fc.record({ file: nat, mutation: mutationArb }), { minLength: 1, maxLength: 3 });

// ── Applying it ──────────────────────────────────────────────────────

export interface Applied {
  files: Files;
  /** Files changed, relative paths. */
  changed: string[];
  /** True when the data is certainly invalid: some file's last mutation breaks it. */
  breaks: boolean;
  /** The files whose last mutation breaks them: each must get an error of its own. */
  breaking: string[];
  /** What was done, for messages. */
  log: string[];
}

/**
 * Fields every object that has them must have (so dropping one is always an error). Not
 * `date`, `count`, `by`, `items`, and not `sections`, `paragraphs`, `closing` (optional in the
 * narrative's `summary`): keep this in step with src/schema/schema.ts.
 */
const REQUIRED_EVERYWHERE = new Set([
  'id', 'kind', 'title', 'submitter', 'category', 'filing', 'leadKind', 'report', 'unit', 'total', 'term', 'session', 'speaker',
  'fullName', 'shortName', 'level', 'partyCommittee', 'government', 'congress', 'proposalCategories', 'review', 'thanks',
  'shortcomings', 'plan', 'overview', 'heading', 'requirements', 'lead', 'text', 'name', 'headline',
]);

/** Top-level keys of a year file whose value may be empty (null). */
const LIST_KEYS = new Set(['meetings', 'proposals', 'reports', 'approvals', 'activities']);

export function yamlFiles(files: Files): string[] {
  return [...files.keys()].filter((f) => /\.ya?ml$/i.test(f)).sort();
}

export function applyPlan(base: Files, plan: Plan): Applied {
  const files: Files = new Map(base);
  const names = yamlFiles(base);
  const breaksByFile = new Map<string, boolean>();
  const log: string[] = [];
  for (const step of plan) {
    const name = names[step.file % names.length]!;
    const before = files.get(name)!;
    const result = mutate(before, step.mutation);
    log.push(`${name}: ${describe(step.mutation)}${result.applied ? '' : '（无处可用，未改动）'}${result.breaks ? '（必错）' : ''}`);
    if (!result.applied) continue;
    files.set(name, result.bytes);
    breaksByFile.set(name, result.breaks);
  }
  const changed = [...breaksByFile.keys()].filter((f) => !files.get(f)!.equals(base.get(f)!));
  const breaking = [...breaksByFile].filter(([, b]) => b).map(([f]) => f);
  return { files, changed, breaks: breaking.length > 0, breaking, log };
}

export function describe(m: Mutation): string {
  const { op, ...rest } = m;
  const shown = Object.entries(rest).map(([k, v]) => `${k}=${v instanceof Uint8Array ? Buffer.from(v).toString('hex') : JSON.stringify(v)}`);
  return `${op}(${shown.join(', ')})`;
}

interface Outcome {
  bytes: Buffer;
  applied: boolean;
  breaks: boolean;
}

function mutate(bytes: Buffer, m: Mutation): Outcome {
  const unchanged: Outcome = { bytes, applied: false, breaks: false };
  const text = bytes.toString('utf8');
  const textOut = (t: string, breaks = false): Outcome => ({ bytes: Buffer.from(t, 'utf8'), applied: true, breaks });
  switch (m.op) {
    case 'truncate':
      return { bytes: bytes.subarray(0, bytes.length === 0 ? 0 : m.at % bytes.length), applied: true, breaks: false };
    case 'injectBytes': {
      const at = m.at % (bytes.length + 1);
      return { bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]), applied: true, breaks: false };
    }
    case 'insertText': {
      const at = m.at % (text.length + 1);
      return textOut(text.slice(0, at) + m.text + text.slice(at));
    }
    case 'deleteLines':
    case 'duplicateLines': {
      const lines = text.split('\n');
      const at = m.at % lines.length;
      const taken = lines.slice(at, at + m.count);
      if (m.op === 'deleteLines') lines.splice(at, m.count);
      else lines.splice(at, 0, ...taken);
      return textOut(lines.join('\n'));
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const a = m.at % lines.length;
      const b = m.other % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return textOut(lines.join('\n'));
    }
    case 'utf16':
      return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), applied: true, breaks: false };
    case 'empty':
      return { bytes: Buffer.alloc(0), applied: true, breaks: false };
    default:
      return mutateTree(text, m) ?? unchanged;
  }
}

interface ValueSlot {
  node: Node;
  /** Replaces the value in its parent. */
  set: (node: Node) => void;
  /** Top-level value of a year list key (which may be empty). */
  listRoot: boolean;
}

interface PairSlot {
  map: YAMLMap;
  pair: Pair;
}

function collect(doc: Document): { values: ValueSlot[]; pairs: PairSlot[]; maps: YAMLMap[] } {
  const values: ValueSlot[] = [];
  const pairs: PairSlot[] = [];
  const maps: YAMLMap[] = [];
  visit(doc, {
    Map(_key, node) {
      maps.push(node);
    },
    Pair(_key, pair, path) {
      const map = path[path.length - 1];
      if (isMap(map)) pairs.push({ map, pair });
    },
    Node(key, node, path) {
      if (key === 'key' || key === null) return;
      const parent = path[path.length - 1];
      if (key === 'value' && isPair(parent)) {
        const grand = path[path.length - 2];
        const top = isMap(grand) && path.length === 3 && isScalar(parent.key) && LIST_KEYS.has(String(parent.key.value)); // Document > map > pair
        values.push({ node, set: (n) => void (parent.value = n), listRoot: top });
      } else if (typeof key === 'number' && isSeq(parent)) {
        values.push({ node, set: (n) => void (parent.items[key] = n), listRoot: false });
      }
    },
  });
  return { values, pairs, maps };
}

function kindOf(node: Node): 'string' | 'number' | 'boolean' | 'null' | 'map' | 'seq' | 'other' {
  if (isMap(node)) return 'map';
  if (isSeq(node)) return 'seq';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return 'string';
    if (typeof v === 'number') return 'number';
    if (typeof v === 'boolean') return 'boolean';
  }
  return 'other';
}

function newValue(kind: string, doc: Document): Node {
  switch (kind) {
    case 'string':
      return new Scalar('文字');
    case 'number':
      return new Scalar(7);
    case 'boolean':
      return new Scalar(true);
    case 'null':
      return new Scalar(null);
    case 'map':
      return doc.createNode({ x: 1 }) as Node;
    default:
      return doc.createNode([1]) as Node;
  }
}

const KINDS = ['string', 'number', 'boolean', 'null', 'map', 'seq'] as const;

function mutateTree(text: string, m: Mutation): Outcome | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isCollection(doc.contents)) return undefined;
  const { values, pairs, maps } = collect(doc);
  let breaks = false;
  switch (m.op) {
    case 'dropField': {
      const slot = pairs[m.pick % pairs.length];
      if (!slot) return undefined;
      slot.map.items.splice(slot.map.items.indexOf(slot.pair), 1);
      const key = isScalar(slot.pair.key) ? String(slot.pair.key.value) : '';
      // A required field dropped from a record (not the last of a duplicated pair).
      breaks = REQUIRED_EVERYWHERE.has(key) && !slot.map.items.some((p) => isScalar(p.key) && String(p.key.value) === key);
      break;
    }
    case 'changeType': {
      const slot = values[m.pick % values.length];
      if (!slot) return undefined;
      const from = kindOf(slot.node);
      const choices = KINDS.filter((k) => k !== from);
      const to = choices[m.to % choices.length]!;
      slot.set(newValue(to, doc));
      // Every field has one type; prose (a string or a list of strings) and paragraphs (a
      // string or {lead, text}) take a string in place of a collection, and a list key may be empty.
      breaks = from !== 'other' && !(to === 'string' && (from === 'map' || from === 'seq')) && !(to === 'null' && slot.listRoot);
      break;
    }
    case 'swapValues': {
      const a = values[m.pick % values.length];
      const b = values[m.other % values.length];
      if (!a || !b || a === b || contains(a.node, b.node) || contains(b.node, a.node)) return undefined;
      const [na, nb] = [a.node, b.node];
      a.set(nb);
      b.set(na);
      break;
    }
    case 'duplicateKey': {
      const slot = pairs[m.pick % pairs.length];
      if (!slot) return undefined;
      const copy = doc.createPair(doc.createNode(isScalar(slot.pair.key) ? slot.pair.key.value : 'k'), doc.createNode(0));
      slot.map.items.splice(slot.map.items.indexOf(slot.pair) + 1, 0, copy);
      breaks = true;
      break;
    }
    case 'unknownField': {
      const map = maps[m.pick % maps.length];
      if (!map) return undefined;
      const value = [{ polluted: true }, 'yes', 1, [{ polluted: true }]][m.value]!;
      map.items.push(doc.createPair(m.key, value));
      breaks = true;
      break;
    }
    case 'replaceScalar':
    case 'insertIntoScalar': {
      const scalars = values.filter((v) => isScalar(v.node));
      const slot = scalars[m.pick % scalars.length];
      if (!slot) return undefined;
      const old = (slot.node as Scalar).value;
      if (m.op === 'replaceScalar') {
        slot.set(new Scalar(m.text));
        // A number or true/false turned into text is a wrong type.
        breaks = typeof old === 'number' || typeof old === 'boolean';
      } else {
        const s = String(old ?? '');
        const at = m.at % (s.length + 1);
        slot.set(new Scalar(s.slice(0, at) + m.text + s.slice(at)));
        breaks = m.text.length > 0 && (typeof old === 'number' || typeof old === 'boolean');
      }
      break;
    }
    default:
      return undefined;
  }
  return { bytes: Buffer.from(doc.toString({ lineWidth: 0 }), 'utf8'), applied: true, breaks };
}

function contains(outer: Node, inner: Node): boolean {
  if (outer === inner) return true;
  if (isMap(outer)) return outer.items.some((p) => (p.key !== null && contains(p.key as Node, inner)) || (p.value !== null && contains(p.value as Node, inner)));
  if (isSeq(outer)) return (outer as YAMLSeq<Node>).items.some((n) => n !== null && contains(n, inner));
  return false;
}
