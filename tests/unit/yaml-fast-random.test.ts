/**
 * The fast YAML reader against js-yaml on random documents: records in the shapes offices write
 * (block mappings and sequences, compact `- key:` items, one-line flow collections, comments,
 * blank lines, CR LF) with scalars of every kind — text with the characters that mean something
 * in YAML, numbers in all of js-yaml's notations, keywords, quoted text — and the same documents
 * with one character put in or taken out, most of them just outside the shapes. For each, the
 * fast reader gives js-yaml's value, or declines. Also the scalars alone (yaml-scalars.ts).
 */
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { plainValue } from '../../src/load/yaml-scalars.js';
import { compareWithJsYaml, difference } from '../helpers/yaml-differential.js';

/** Words a plain scalar is made of: record text, numbers in every notation, keywords, and YAML's own characters. */
const wordOf = (hostile: boolean) => fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('提案', '关于加强道路交通安全管理的建议', '民生', 'I2023-00001', '2023-01-04', '市委', 'P2023-0001', '12', '3.5', 'true', '云政发[2023]12号', 'it\'s', '关于"双减"') },
  { weight: 3, arbitrary: fc.constantFrom('提案', '民生', 'I2023-00001', '2023-01-04', '市委', 'a', 'x1', '0', '1', '-1', '007', '0x1F', '0o17', '0b101', '1_000', '1.5', '-0', '-0.0', '.5', '1e3', '1.e3', '+3', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'true', 'False', 'yes', '<<', '__proto__') },
  { weight: hostile ? 1 : 0, arbitrary: fc.string({ unit: fc.constantFrom('a', '中', ' ', '-', '.', ':', '#', ',', '[', ']', '{', '}', "'", '"', '!', '&', '*', '?', '|', '>', '%', '@', '`', '~', '+', '0', '9', 'e', 'x', '_', '\\'), minLength: 1, maxLength: 6 }) },
);
const scalarTextOf = (hostile: boolean) => fc.tuple(fc.array(wordOf(hostile), { minLength: 1, maxLength: 3 }), fc.constantFrom('', ' ', '，')).map(([w, gap]) => w.join(gap));

type Node = { scalar: string; style: 'plain' | 'single' | 'double' } | { seq: Node[]; flow: boolean } | { map: Array<[string, Node]>; flow: boolean };

const scalarOf = (hostile: boolean) => fc.record({ scalar: scalarTextOf(hostile), style: fc.constantFrom('plain', 'plain', 'plain', 'single', 'double') as fc.Arbitrary<'plain' | 'single' | 'double'> });
/** Documents of records; `hostile`: their text also made of YAML's own characters. */
function documentOf(hostile: boolean): fc.Arbitrary<Node> {
  const keyText = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('id', 'title', 'date', 'adoptedBy', 'n', '1', '2', 'a b', '标题') }, { weight: 1, arbitrary: scalarTextOf(hostile) });
  const { node } = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalarOf(hostile),
      fc.record({ seq: fc.array(tie('node'), { maxLength: 4 }), flow: fc.boolean() }),
      fc.record({ map: fc.array(fc.tuple(keyText, tie('node')), { maxLength: 4 }), flow: fc.boolean() }),
    ),
  }));
  return fc.oneof(
    fc.record({ map: fc.array(fc.tuple(keyText, node), { minLength: 1, maxLength: 5 }), flow: fc.constant(false) }),
    fc.record({ seq: fc.array(node, { minLength: 1, maxLength: 5 }), flow: fc.constant(false) }),
  );
}

/** How a document is laid out: the indent step, comments, blank lines, line ends — drawn from `choices`. */
class Layout {
  private i = 0;
  constructor(private readonly choices: number[]) {}
  pick(n: number): number {
    return this.choices[this.i++ % this.choices.length]! % n;
  }
  indent(): number {
    return [2, 2, 4, 1, 3][this.pick(5)]!;
  }
  comment(): string {
    return ['', '', '', ' # 注', '  #x'][this.pick(5)]!;
  }
}

/** A scalar as written; text a style cannot hold (mostly) goes in single quotes, in a flow collection too. */
function writeScalar(s: { scalar: string; style: string }, flow: boolean): string {
  const single = s.style === 'single' || (s.style === 'double' && /["\\]/.test(s.scalar)) || (s.style === 'plain' && flow && /[[\]{},]/.test(s.scalar));
  if (single) return `'${s.scalar.replace(/'/g, "''")}'`;
  if (s.style === 'double') return `"${s.scalar}"`;
  return s.scalar;
}

function writeKey(key: string, layout: Layout, flow = false): string {
  return writeScalar({ scalar: key, style: ['plain', 'plain', 'plain', 'plain', 'double', 'single'][layout.pick(6)]! }, flow);
}

function writeFlow(n: Node, layout: Layout, flow = true): string {
  if ('scalar' in n) return writeScalar(n, flow);
  const gap = layout.pick(3) === 0 ? ' ' : '';
  if ('seq' in n) return `[${gap}${n.seq.map((v) => writeFlow(v, layout)).join(', ')}${gap}]`;
  return `{${gap}${n.map.map(([k, v]) => `${writeKey(k, layout, true)}: ${writeFlow(v, layout)}`).join(', ')}${gap}}`;
}

/** The lines of `n` as a block node at `indent`; `first` is what starts its first line (`- `, `key:`). */
function writeBlock(n: Node, indent: number, layout: Layout, out: string[]): void {
  const pad = ' '.repeat(indent);
  if ('seq' in n) {
    for (const item of n.seq) {
      if (!('scalar' in item) && !item.flow && 'map' in item && item.map.length > 0 && layout.pick(3) > 0) {
        // A compact mapping: `- key: value`, its other keys under the first.
        const inner = 1 + layout.pick(3);
        const lines: string[] = [];
        writeBlock(item, indent + 1 + inner, layout, lines);
        lines[0] = `${pad}-${' '.repeat(inner)}${lines[0]!.trimStart()}`;
        out.push(...lines);
      } else if ('scalar' in item || item.flow || ('seq' in item ? item.seq.length : item.map.length) === 0) {
        out.push(`${pad}- ${writeFlow(item, layout, 'scalar' in item ? false : true)}${layout.comment()}`);
      } else {
        out.push(`${pad}-${layout.comment()}`);
        writeBlock(item, indent + layout.indent(), layout, out);
      }
      if (layout.pick(8) === 0) out.push(layout.pick(2) ? '' : `${' '.repeat(layout.pick(6))}# 注释行`);
    }
    return;
  }
  if ('map' in n) {
    for (const [key, value] of n.map) {
      const head = `${pad}${writeKey(key, layout)}:`;
      if ('scalar' in value || value.flow || ('seq' in value ? value.seq.length : value.map.length) === 0) {
        out.push(`${head} ${writeFlow(value, layout, 'scalar' in value ? false : true)}${layout.comment()}`);
      } else if ('scalar' in value && layout.pick(5) === 0) {
        out.push(head);
      } else {
        out.push(`${head}${layout.comment()}`);
        // A sequence may sit at its key's indent.
        writeBlock(value, 'seq' in value && layout.pick(3) === 0 ? indent : indent + layout.indent(), layout, out);
      }
    }
  }
}

function writeDocument(n: Node, choices: number[]): string {
  const layout = new Layout(choices);
  const lines: string[] = [[], [], ['# 由程序生成', ''], ['---'], ['# 注', '--- # 开始']][layout.pick(5)]!;
  writeBlock(n, 0, layout, lines);
  const eol = layout.pick(4) === 0 ? '\r\n' : '\n';
  return lines.join(eol) + (layout.pick(5) === 0 ? '' : eol);
}

function jsyamlReads(text: string): boolean {
  try {
    jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
    return true;
  } catch {
    return false;
  }
}

const choices = fc.array(fc.nat(1000), { minLength: 5, maxLength: 30 });
/** Characters that, put anywhere, take a document out of the shapes (or not). */
const intruder = fc.constantFrom('\t', '&a ', '*a', '!!str ', '|', '>', "'", '"', '\\', ':', ': ', '#', ' #', '-', '- ', ' ', '\n', '\n  ', '[', ']', '{', '}', ',', '?', '%', '@', '\r', '\u0085', '\ufeff', '---\n', '...\n', 'x', '中', '😀', '\u0001', '\u000b', '\ufffe', '\uffff', '\ud800', '\udc00');

describe('readFastYaml on random documents', () => {
  it('records in the shapes offices write: js-yaml’s value, read without js-yaml', () => {
    const outcomes = { read: 0, declined: 0, invalid: 0 };
    fc.assert(
      fc.property(documentOf(false), choices, (doc, c) => {
        const text = writeDocument(doc, c);
        const outcome = compareWithJsYaml(text);
        // The writer is naive (`"` inside double quotes, `[` in flow text): what js-yaml refuses does not count.
        outcomes[outcome === 'declined' && !jsyamlReads(text) ? 'invalid' : outcome]++;
      }),
      { numRuns: 1500, seed: 24 },
    );
    // Not vacuous: the shapes are read (some random text is declined, e.g. a quote after a `-` or a `__proto__` key).
    expect(outcomes.read).toBeGreaterThan(outcomes.declined * 3);
    expect(outcomes.read).toBeGreaterThan(500);
  });

  it('the same with one character put in or taken out: js-yaml’s value, or declined', () => {
    const outcomes = { read: 0, declined: 0 };
    fc.assert(
      fc.property(documentOf(true), choices, fc.nat(), intruder, fc.boolean(), (doc, c, at, what, remove) => {
        const text = writeDocument(doc, c);
        const i = at % (text.length + 1);
        outcomes[compareWithJsYaml(remove ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + what + text.slice(i))]++;
      }),
      { numRuns: 2500, seed: 2024 },
    );
    expect(outcomes.read).toBeGreaterThan(200);
    expect(outcomes.declined).toBeGreaterThan(200);
  });
});

describe('plainValue', () => {
  const numberLike = fc.string({ unit: fc.constantFrom('0', '1', '7', '8', '9', 'a', 'b', 'e', 'E', 'f', 'F', 'x', 'o', '.', '-', '+', '_', 'i', 'n', 'I', 'N', 'A', 'T', 't', 'r', 'u', 'l', 's', '~', ':'), minLength: 1, maxLength: 10 });

  it('types a plain scalar as js-yaml’s core schema does', () => {
    fc.assert(
      fc.property(fc.oneof(numberLike, fc.constantFrom('9'.repeat(400), `0x${'f'.repeat(300)}`, '1e400', '-1e400', '.INF', '+.inf', '0b', '0x', '-', '+.', '.', '12345678901234567890123', '2023-01-04', '123e-5', '1.5e-3', '12.4-5', '-12-3', '+1e+5', '007e-1')), (s) => {
        let reference: unknown;
        try {
          reference = (jsyaml.load(`v: ${s}\n`, { schema: jsyaml.CORE_SCHEMA }) as { v: unknown }).v;
        } catch {
          return; // not a plain scalar in a block mapping
        }
        expect(difference(plainValue(s), reference)).toBeUndefined();
      }),
      { numRuns: 5000, seed: 7 },
    );
  });
});
