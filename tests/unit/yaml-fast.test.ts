/**
 * The fast YAML reader (yaml-fast.ts) against js-yaml: on every YAML file the project holds, on
 * those files changed a line at a time in the ways hand editing changes them, and on the shapes
 * it must leave to js-yaml. A value different from js-yaml's is the one outcome not allowed;
 * tests/helpers/yaml-differential.ts says what "the same" means.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING } from '../../src/load/nesting.js';
import { readFastYaml } from '../../src/load/yaml-fast.js';
import { FAST_MAX_DEPTH } from '../../src/load/yaml-fast-line.js';
import { parseYaml } from '../../src/load/yaml.js';
import { compareWithJsYaml, difference } from '../helpers/yaml-differential.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FILES = ['data', 'examples', 'tests/fixtures', 'scripts']
  .flatMap((dir) => readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)))
  .filter((f) => /\.ya?ml$/i.test(f) && !f.includes('node_modules'));

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('the fast reader on every YAML file of the project', () => {
  it('finds them', () => expect(FILES.length).toBeGreaterThan(50));

  it.each(FILES)('%s: the value js-yaml gives', (file) => {
    // The bundled data, the examples and the fixtures are what it is for: none is left to js-yaml.
    expect(compareWithJsYaml(read(file))).toBe('read');
  });

  it('reads a value met before as it read it the first time, whatever else shares its slot', () => {
    // Short plain scalars are kept and found again by comparing text in place (plainScalar): many
    // values of each length and ending, some typed (numbers, booleans, null), each several times.
    const values = Array.from({ length: 400 }, (_, i) => [`2023-0${(i % 9) + 1}-${String(i % 28).padStart(2, '0')}`, String(i), `0x${i.toString(16)}`, `委员${i % 37}`, ['true', 'True', 'null', '~', '.5', '-0', '1e3', '0o17'][i % 8]!, `a${'b'.repeat(i % 20)}`][i % 6]!);
    const text = `list:\n${[...values, ...values.reverse(), ...values].map((v, i) => (i % 2 ? `  - ${v}\n` : `  - {k: ${v}, m: [${v}, x${v}]}\n`)).join('')}`;
    expect(compareWithJsYaml(text)).toBe('read');
  });

  it('gives parseYaml the same value and no problems', () => {
    const text = read('data/2023/information.yaml');
    const parsed = parseYaml('information.yaml', text);
    expect(parsed.diagnostics).toEqual([]);
    expect(difference(parsed.value, readFastYaml(text)!.value)).toBeUndefined();
  });
});

/** Line edits a person makes by hand, each tried on a few lines of each file. */
const EDITS: Array<[string, (line: string) => string]> = [
  ['a tab for a space', (l) => l.replace(' ', '\t')],
  ['one space more', (l) => ` ${l}`],
  ['one space less', (l) => l.replace(/^ /, '')],
  ['no space after the colon', (l) => l.replace(': ', ':')],
  ['a comment without a space', (l) => `${l}#注`],
  ['a comment after a space', (l) => `${l} # 注`],
  ['an anchor', (l) => l.replace(': ', ': &a ')],
  ['an alias', (l) => l.replace(/: .*/, ': *a')],
  ['a tag', (l) => l.replace(': ', ': !!str ')],
  ['a block scalar', (l) => l.replace(/: .*/, ': |\n  第一行\n  第二行')],
  ['a continued line', (l) => `${l}\n      接上一行`],
  ['a trailing comma', (l) => l.replace(/}\s*$/, ', }')],
  ['a flow collection left open', (l) => l.replace(/}\s*$/, '')],
  ['a doubled comma', (l) => l.replace(', ', ', , ')],
  ['a value in double quotes with an escape', (l) => l.replace(/: ([^,{}[\]]+)/, ': "\\t$1"')],
  ['a value in single quotes', (l) => l.replace(/: ([^,{}[\]#]+)/, (_m, v: string) => `: '${v.replace(/'/g, "''")}'`)],
  ['a quote inside', (l) => l.replace(/: ([^,{}[\]#]+)/, ": $1'a'")],
  ['a bracket inside', (l) => l.replace(/: ([^,{}[\]#]+)/, ': $1 - [x]')],
  ['a number', (l) => l.replace(/: ([^,{}[\]#]+)/, ': 0x1F')],
  ['an odd number', (l) => l.replace(/: ([^,{}[\]#]+)/, ': 1_000')],
  ['a float', (l) => l.replace(/: ([^,{}[\]#]+)/, ': -.5e3')],
  ['null', (l) => l.replace(/: ([^,{}[\]#]+)/, ': ~')],
  ['no value', (l) => l.replace(/: .*/, ':')],
  ['a key written twice', (l) => `${l}\n${l}`],
  ['a numeric key', (l) => l.replace(/^(\s*(?:- )?)[A-Za-z]+:/, '$12:')],
  ['a document marker', (l) => `---\n${l}`],
  ['a CR before the line end', (l) => `${l}\r`],
  ['a lone CR', (l) => `${l}\rx: 1`],
  ['a next line', (l) => `${l}\u0085`],
  ['a byte-order mark', (l) => `\ufeff${l}`],
  ['an emoji', (l) => `${l}😀`],
];

/** Every `step`-th line, a few per file, the same on every run. */
function linesOf(text: string, count: number): number[] {
  const lines = text.split('\n').length;
  const step = Math.max(1, Math.floor(lines / count));
  return Array.from({ length: Math.min(count, lines) }, (_, i) => (i * step + 7) % lines);
}

describe('the fast reader on the project’s files edited by hand', () => {
  const sources = FILES.filter((f) => f.startsWith('data/') || f.includes('minimal') || f.includes('county'));

  it.each(EDITS)('%s: the value js-yaml gives, or none', (_name, edit) => {
    const outcomes = { read: 0, declined: 0 };
    for (const file of sources) {
      const text = read(file);
      for (const n of linesOf(text, 6)) {
        const lines = text.split('\n');
        lines[n] = edit(lines[n]!);
        outcomes[compareWithJsYaml(lines.join('\n'))]++;
      }
    }
    expect(outcomes.read + outcomes.declined).toBeGreaterThan(50);
  });

  it('reads files saved with Windows line ends', () => {
    for (const file of sources) expect(compareWithJsYaml(read(file).replace(/\n/g, '\r\n'))).toBe('read');
  });
});

describe('what the fast reader reads', () => {
  it.each([
    ['keys in js-yaml’s order, numbers among them', 'b: 1\n2: x\na: 2\n1: y\n'],
    ['a key made a string as js-yaml makes it', '0x10: a\n~: b\n1.50: c\n-0: d\n.inf: e\ntrue: f\n'],
    ['scalars of the core schema, dates as text', 'a: [0x1F, 0o17, 0b11, 007, -0, -0.0, +5, .5, 1e3, 1.e3, .NaN, -.Inf, ~, Null, TRUE, yes, 2023-01-04, 1_000, 12abc]\n'],
    ['a sequence at its key’s indent', 'a:\n- 1\n- x: 2\n  y: 3\nb: 4\n'],
    ['missing values and items', 'a:\nb:   # 注\nc: [x]\nd:\n  -\n  - 2\n  - # 注\n'],
    ['records a line each', 'items:\n  - {id: I1, title: 标题, tags: [民生, 教育], n: 3}\n  - {id: "I2", "title": \'它\'\'s\', flag: false}\n'],
    ['compact mappings, any indent', '-   a: 1\n    b:\n       - c\n-  "q": x # 注\n'],
    ['comments and blank lines anywhere', '# 头\n\na: 1 # 注\n      # 缩进的注释\n\n   \nb: x#y\n'],
    ['text with brackets and quotes that mean nothing', 'a: 云政发[2023]12号\nb: 关于"双减"的建议\nc: it\'s\nd: a]b}c\n'],
    ['Windows line ends', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['a document start marker, as tools write it', '# 注\n--- # 开始\n\na: 1\n'],
    ['a document start marker on Windows', '---\r\n- x\r\n'],
  ])('%s', (_name, text) => {
    expect(compareWithJsYaml(text)).toBe('read');
  });
});

/** Mappings `depth` deep. */
const nested = (depth: number) => `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`;

describe('depth', () => {
  it('reads as deep as it may, where the nesting scan it replaces would not stop', () => {
    expect(compareWithJsYaml(nested(FAST_MAX_DEPTH))).toBe('read');
    // What it reads, nesting.ts measures at most twice as deep and two (checked on every text read in these tests).
    expect(2 * FAST_MAX_DEPTH + 2).toBeLessThan(MAX_NESTING);
  });
});

describe('what the fast reader leaves to js-yaml', () => {
  it.each([
    ['an empty file', ''],
    ['comments only', '# 注\n'],
    ['a scalar document', '文本\n'],
    ['a flow document', '{a: 1}\n'],
    ['an indented document', '  a: 1\n'],
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['block scalars', 'a: |\n  x\n'],
    ['a plain scalar over two lines', 'a: x\n  y\n'],
    ['a quoted scalar over two lines', 'a: "x\n  y"\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
    ['escapes', 'a: "\\u4e2d"\n'],
    ['tabs', 'a:\t1\n'],
    ['a document marker with content on its line', '--- a: 1\n'],
    ['a document marker glued to a comment', '---#注\na: 1\n'],
    ['a document marker alone', '---\n'],
    ['two document markers', '---\n---\na: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a key written twice', 'a: 1\na: 2\n'],
    ['a key written twice in a flow mapping', 'a: {x: 1, x: 2}\n'],
    ['__proto__', '__proto__: 1\n'],
    ['explicit keys', '? a\n: 1\n'],
    ['a flow key', '[a]: 1\n'],
    ['a compact nested sequence', '- - a\n'],
    ['odd indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence item under a mapping', 'a: 1\n- b\n'],
    ['a colon in a value', 'a: b: c\n'],
    ['a key without a value in a flow mapping', 'a: {x, y: 1}\n'],
    ['a trailing comma', 'a: [1, 2,]\n'],
    ['a control character', 'a: \u0007\n'],
    ['a lone CR', 'a: 1\rb: 2\n'],
    ['deeper than it reads', nested(FAST_MAX_DEPTH + 1)],
    ['a quote nesting.ts would take for structure', 'a: x, "y\n'],
  ])('%s', (_name, text) => {
    expect(readFastYaml(text)).toBeUndefined();
  });
});
