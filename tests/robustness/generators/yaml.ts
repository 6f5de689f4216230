/**
 * Mutations of the YAML data files: the mistakes hand-edited YAML really suffers (a field
 * dropped, a value of the wrong type, values swapped between records, a key written twice, odd
 * Unicode) plus hostile keys (`__proto__`, `constructor`), on top of the text mutations.
 *
 * Some mutations are certain to make the data invalid (every object in the schema is strict,
 * every field typed): those set `breaks`, and the oracle then demands an error in the file.
 */
import fc from 'fast-check';
import { isCollection, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Document, type Node, type Pair } from 'yaml';
import { applyTextMutation, nat, textMutation, unicodeText } from './text.js';
import { unchanged, type Files, type InputGenerator, type Mutation, type Outcome } from './types.js';

/** Keys that no object of the schema has, including the ones that reach prototypes. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

/**
 * Fields every object that has them must have (so dropping one is always an error), in the
 * record kinds (src/domain/records/*), the year's single parts (sitting, members, totals) and
 * organization.yaml. Not `date` (optional in instructions), `count` (optional in activities),
 * `submitted` (a flag of information records, a required count in totals.information), `name`
 * (required of an activity, optional in organization.yaml, where it is the place's name).
 */
const REQUIRED_EVERYWHERE = new Set([
  // records
  'id', 'title', 'submitterKind', 'proposer', 'category', 'review', 'kind', 'leadBody', 'leadBodyKind', 'record', 'leader', 'level', 'unit',
  // sitting, members, totals.information
  'term', 'session', 'speaker', 'total', 'collected', 'adopted',
  // organization.yaml
  'fullName', 'shortName', 'partyCommittee', 'government', 'congress', 'proposalCategories', 'class', 'label',
]);

/** Top-level keys of a year file whose value may be empty (null). */
const LIST_KEYS = new Set(['meetings', 'proposals', 'research', 'instructions', 'information', 'activities']);

const yamlMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: textMutation, weight: 8 },
  fc.record({ op: fc.constant('dropField'), pick: nat }),
  fc.record({ op: fc.constant('changeType'), pick: nat, to: fc.nat({ max: 5 }) }),
  fc.record({ op: fc.constant('swapValues'), pick: nat, other: nat }),
  fc.record({ op: fc.constant('duplicateKey'), pick: nat }),
  fc.record({
    op: fc.constant('unknownField'),
    pick: nat,
    key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.stringMatching(/^[a-z]{1,8}$/).map((s) => `x_${s}`)),
    value: fc.nat({ max: 3 }),
  }),
  fc.record({ op: fc.constant('replaceScalar'), pick: nat, text: unicodeText }),
  fc.record({ op: fc.constant('insertIntoScalar'), pick: nat, at: nat, text: unicodeText }),
);

export const yamlGenerator: InputGenerator = {
  name: 'yaml',
  files: (files: Files) => [...files.keys()].filter((f) => /\.ya?ml$/i.test(f)).sort(),
  mutation: yamlMutation,
  apply: (bytes, m) => applyTextMutation(bytes, m) ?? mutateTree(bytes.toString('utf8'), m) ?? unchanged(bytes),
};

interface ValueSlot {
  node: Node;
  /** Replaces the value in its parent. */
  set: (node: Node) => void;
  /** Top-level value of a year list key (which may be empty). */
  listRoot: boolean;
}

function collect(doc: Document): { values: ValueSlot[]; pairs: Array<{ map: YAMLMap; pair: Pair }>; maps: YAMLMap[] } {
  const values: ValueSlot[] = [];
  const pairs: Array<{ map: YAMLMap; pair: Pair }> = [];
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

/** Yes-or-no fields read 是 and 否 as true and false (domain/fields.ts: flag). */
const FLAG_WORDS = new Set(['是', '否']);

function mutateTree(text: string, m: Mutation): Outcome | undefined {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isCollection(doc.contents)) return undefined;
  const { values, pairs, maps } = collect(doc);
  const n = (key: string) => m[key] as number;
  let breaks = false;
  switch (m.op) {
    case 'dropField': {
      const slot = pairs[n('pick') % pairs.length];
      if (!slot) return undefined;
      slot.map.items.splice(slot.map.items.indexOf(slot.pair), 1);
      const key = isScalar(slot.pair.key) ? String(slot.pair.key.value) : '';
      // A required field dropped from an object (not the last of a duplicated pair).
      breaks = REQUIRED_EVERYWHERE.has(key) && !slot.map.items.some((p) => isScalar(p.key) && String(p.key.value) === key);
      break;
    }
    case 'changeType': {
      const slot = values[n('pick') % values.length];
      if (!slot) return undefined;
      const from = kindOf(slot.node);
      const choices = KINDS.filter((k) => k !== from);
      const to = choices[n('to') % choices.length]!;
      slot.set(newValue(to, doc));
      // Every field has one type; list fields take one text in place of a list (split at 、), and
      // a list key of a year file may be empty.
      breaks = from !== 'other' && !(to === 'string' && from === 'seq') && !(to === 'null' && slot.listRoot);
      break;
    }
    case 'swapValues': {
      const a = values[n('pick') % values.length];
      const b = values[n('other') % values.length];
      if (!a || !b || a === b || contains(a.node, b.node) || contains(b.node, a.node)) return undefined;
      const [na, nb] = [a.node, b.node];
      a.set(nb);
      b.set(na);
      break;
    }
    case 'duplicateKey': {
      const slot = pairs[n('pick') % pairs.length];
      if (!slot) return undefined;
      const copy = doc.createPair(doc.createNode(isScalar(slot.pair.key) ? slot.pair.key.value : 'k'), doc.createNode(0));
      slot.map.items.splice(slot.map.items.indexOf(slot.pair) + 1, 0, copy);
      breaks = true;
      break;
    }
    case 'unknownField': {
      const map = maps[n('pick') % maps.length];
      if (!map) return undefined;
      const value = [{ polluted: true }, 'yes', 1, [{ polluted: true }]][n('value')]!;
      map.items.push(doc.createPair(m.key as string, value));
      breaks = true;
      break;
    }
    case 'replaceScalar':
    case 'insertIntoScalar': {
      const scalars = values.filter((v) => isScalar(v.node));
      const slot = scalars[n('pick') % scalars.length];
      if (!slot) return undefined;
      const old = (slot.node as Scalar).value;
      const inserted = m.text as string;
      if (m.op === 'replaceScalar') {
        slot.set(new Scalar(inserted));
        // A number or true/false turned into text is a wrong type (是 and 否 excepted for yes-or-no).
        breaks = typeof old === 'number' || (typeof old === 'boolean' && !FLAG_WORDS.has(inserted));
      } else {
        const s = String(old ?? '');
        const at = n('at') % (s.length + 1);
        slot.set(new Scalar(s.slice(0, at) + inserted + s.slice(at)));
        breaks = inserted.length > 0 && (typeof old === 'number' || typeof old === 'boolean');
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
  if (isSeq(outer)) return (outer as YAMLSeq<Node>).items.some((x) => x !== null && contains(x, inner));
  return false;
}
