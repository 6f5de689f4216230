/**
 * The parse of simple texts (simple-template.ts) against Handlebars' parser: wherever it gives a
 * tree, the tree is Handlebars' own — every node, field, key order and position — and wherever
 * Handlebars refuses a text, it gives none. On the project's prose, on its templates, on texts
 * made of the pieces prose is made of, and on tags just outside the simple shape.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'handlebars/dist/cjs/handlebars/compiler/base.js';
import { describe, expect, it } from 'vitest';
import { parseSimple } from '../../src/render/simple-template.js';
import { ROOT } from '../helpers/fixture.js';

/** A tree as text, with undefined fields kept (Handlebars writes `hash: undefined`, `source: undefined`). */
const shown = (tree: unknown): string => JSON.stringify(tree, (_key, value: unknown) => (value === undefined ? '<undefined>' : value));

function handlebars(text: string): string | 'refused' {
  try {
    return shown(parse(text));
  } catch {
    return 'refused';
  }
}

/** 'simple' when parseSimple gives Handlebars' tree, 'declined' when it gives none; fails on any other outcome. */
function compare(text: string): 'simple' | 'declined' {
  const fast = parseSimple(text);
  if (fast === undefined) return 'declined';
  expect(shown(fast), JSON.stringify(text)).toBe(handlebars(text));
  return 'simple';
}

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(extension))
    .map((f) => path.join(ROOT, folder, f));
}

/** Every paragraph of the prose under `folders` that cites a figure. */
const paragraphsOf = (...folders: string[]): string[] =>
  folders
    .flatMap((folder) => filesUnder(folder, '.md'))
    .flatMap((file) => readFileSync(file, 'utf8').split(/\n\s*\n/))
    .filter((p) => p.includes('{{'));
const paragraphs = paragraphsOf('data', 'examples', 'tests/fixtures');

describe('parseSimple', () => {
  it("gives Handlebars' tree for the project's prose, and takes nearly all of it", () => {
    const outcomes = paragraphs.map(compare);
    expect(paragraphs.length).toBeGreaterThan(50);
    expect(outcomes.filter((o) => o === 'simple').length).toBeGreaterThan(paragraphs.length * 0.8);
  });

  it("gives Handlebars' tree for every paragraph of the bundled data (its sub-expressions included): none needs Handlebars' parser", () => {
    const bundled = paragraphsOf('data');
    expect(bundled.filter((p) => /\(\w/.test(p)).length).toBeGreaterThan(0);
    for (const p of bundled) expect(compare(p), p).toBe('simple');
  });

  it("gives Handlebars' tree, or none, for every template", () => {
    for (const file of filesUnder('templates', '.hbs')) compare(readFileSync(file, 'utf8'));
  });

  const outside = [
    '{{#if a}}x{{/if}}', '{{else}}', '{{ else }}', '{{elsewhere}}', '{{^}}', '{{this}}', '{{this.a}}', '{{../a}}', '{{@index}}',
    '{{a.[b c]}}', '{{[a]}}', '{{a=b}}', '{{a b=c}}', '{{{a}}}', '{{&a}}', '{{~a}}', '{{a~}}', '{{a.1}}', '{{true}}', '{{a true}}',
    '{{1}}', '{{a 1a}}', '{{a "x\\"y"}}', '{{!c}}', '{{!-- c --}}', '{{> p}}', '{{a (b c)}}', '{{a/b}}', '\\{{a}}', '{{a}}}',
    '{{}}', '{{ }}', '{{a\nb}}', '{{a', 'a}}', '{{a.}}', '{{.a}}', '{{-}}', '{{a -}}', '{{a -1}}', '{{as |x|}}', '{{a |}}',
    '{{a$b}}', '{{a:b}}', '{{a?}}', '{{中文.名称}}', '{{a 1.5.3}}', '{{a "s"t}}', "{{a 's'}}", '{{a}}{{b}}', '{{a null}}',
    '{{a.true.b}}', '{{*dec}}', '{{{{raw}}}}x{{{{/raw}}}}', '{{a "}}"}}', '{{a\tb}}', '{{ a.b  c }}', '{{a\u3000b}}', '{{a b.c.d "文字" -0.5 7}}',
    // Sub-expressions.
    '{{a (b)}}', '{{a (b)c}}', '{{a (b)(c)}}', '{{a(b)}}', '{{a ()}}', '{{a ( )}}', '{{a (1)}}', '{{a ("s")}}', '{{(a) b}}', '{{(a b)}}', '{{a (b c=d)}}',
    '{{a (b.)}}', '{{a (b"s")}}', '{{a (b "s"c)}}', '{{a ( b  c ) d}}', '{{a (b (c (d e)) 1 "x")}}', '{{a (else)}}', '{{a (b else)}}', '{{a (this)}}',
    '{{a (b this)}}', '{{a (@x)}}', '{{a b)}}', '{{a (b}}', '{{a (b))}}', '{{a ((b))}}', '{{a (b 1)}}', '{{a (b 1x)}}', '{{a (b -1)}}', '{{a (b "}}")}}',
    '{{a (b c)~}}', '{{a (b\nc)}}', '{{a (b.c.d e.f)}}', '{{a\t(b\tc)}}', '{{a (b c)\u3000}}', '{{a (b (c (d (e (f (g (h (i (j k)))))))))}}',
    '{{a (b (c (d (e (f (g (h (i (j (k l))))))))))}}', '{{a (b [c])}}', '{{a (b ../c)}}', '{{a (b c/d)}}', '{{a (true)}}', '{{a (b true)}}',
  ];
  it.each(outside)("gives Handlebars' tree or none for %j", (text) => {
    compare(text);
    compare(`全年${text}次，\r\n共${text}件`);
  });

  it("on random texts made of prose's pieces: Handlebars' tree or none, and mostly a tree", () => {
    const words = fc.constantFrom('全年', '召开', '提案', ' ', '，', '。', '\n', '\r\n', '\r', '{', '}', 'a', '1', '"', "'", '-', '.', '～', '\t', '𠀀');
    const name = fc.array(fc.constantFrom('proposals', 'filed', '主席会议', 'count', 'a-b', 'x_1', '$y', 'else', 'true', '7', 'this', ''), { minLength: 1, maxLength: 4 }).map((s) => s.join('.'));
    const atom = fc.oneof(name, fc.constantFrom('1', '-2.5', '0', '"字"', "'q'", '""', 'null', '(x)', 'k=v', '@root', ')', '('));
    const space = fc.constantFrom(' ', '  ', '', '\u3000');
    const gap = fc.constantFrom(' ', '  ', '', '\t');
    const call = (params: fc.Arbitrary<string>) =>
      fc.tuple(space, name, fc.array(fc.tuple(gap, params), { maxLength: 3 }), space).map(([before, n, ps, after]) => `${before}${n}${ps.map(([s, p]) => s + p).join('')}${after}`);
    // Sub-expressions two deep: `(sum a (inc b))`.
    const param = fc.oneof({ weight: 3, arbitrary: atom }, { weight: 1, arbitrary: call(fc.oneof({ weight: 3, arbitrary: atom }, { weight: 1, arbitrary: call(atom).map((c) => `(${c})`) })).map((c) => `(${c})`) });
    const tag = call(param).map((c) => `{{${c}}}`);
    const text = fc.array(fc.oneof({ weight: 3, arbitrary: words }, { weight: 1, arbitrary: tag }), { maxLength: 30 }).map((parts) => parts.join(''));
    const outcomes = { simple: 0, declined: 0 };
    fc.assert(
      fc.property(text, (t) => {
        outcomes[compare(t)]++;
      }),
      { numRuns: 2000, seed: 2023 },
    );
    // Not vacuous: a good share of random texts are taken, and some are declined.
    expect(outcomes.simple).toBeGreaterThan(400);
    expect(outcomes.declined).toBeGreaterThan(100);
  });

  it("on random tags with sub-expressions nested three deep: Handlebars' tree or none, and mostly a tree", () => {
    const segment = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('sum', 'percent', 'a', 'b-c', '主席会议', 'count') }, { weight: 1, arbitrary: fc.constantFrom('else', 'true', '7', '', 'this') });
    const name = fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('.'));
    const atom = fc.oneof({ weight: 8, arbitrary: name }, { weight: 4, arbitrary: fc.constantFrom('1', '-2.5', '"字"', "'q'", '"a)b"') }, { weight: 1, arbitrary: fc.constantFrom(')', '(', 'k=v', '@x', '}', '()') });
    const gap = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(' ', '  ') }, { weight: 1, arbitrary: fc.constantFrom('', '\t', '\u3000', '\n') });
    const call = (params: fc.Arbitrary<string>) =>
      fc.tuple(gap, name, fc.array(fc.tuple(gap, params), { maxLength: 3 }), gap).map(([before, n, ps, after]) => `${before}${n}${ps.map(([s, p]) => s + p).join('')}${after}`);
    let param: fc.Arbitrary<string> = atom;
    for (let depth = 0; depth < 3; depth++) param = fc.oneof({ weight: 2, arbitrary: atom }, { weight: 1, arbitrary: call(param).map((c) => `(${c})`) });
    const text = fc.array(fc.oneof(fc.constantFrom('全年', '\r\n', '。'), call(param).map((c) => `{{${c}}}`)), { maxLength: 4 }).map((parts) => parts.join(''));
    const outcomes = { simple: 0, declined: 0 };
    let withSubExpressions = 0;
    fc.assert(
      fc.property(text, (t) => {
        const outcome = compare(t);
        outcomes[outcome]++;
        if (outcome === 'simple' && /\{\{[^}]*\(/.test(t)) withSubExpressions++;
      }),
      { numRuns: 3000, seed: 2024 },
    );
    expect(withSubExpressions).toBeGreaterThan(150);
    expect(outcomes.declined).toBeGreaterThan(300);
  });
});
