/**
 * The engine runs templates by walking their parsed form (src/render/template-run.ts). Each case
 * here is also compiled by Handlebars itself, from the same checked tree with the same helpers
 * and options, and the two outputs must be equal: the walk is held to the library's semantics
 * (paths, ../, @data, block parameters, partials and their contexts, whitespace, else chains).
 */
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { createEngine, TemplateError } from '../../src/render/engine.js';
import { prepareIndexed } from '../../src/render/template-ast.js';

const context = {
  year: 2023,
  zero: 0,
  empty: [],
  flag: true,
  rate: 0.6143,
  org: { name: '云州市', units: ['办公室', '提案委'], year: 2022 },
  items: [
    { name: '甲', cells: [1, 2] },
    { name: '乙', cells: [3] },
    { name: '', cells: [] },
  ],
  map: { 民生: 116, 经济: 40 },
  key: '民生',
  rows: [
    { id: 'r1', cells: ['a', 'b'] },
    { id: 'r2', cells: ['c'] },
  ],
};

/** Renders `root` with `pieces` as partials twice: by the engine, and by Handlebars compiling the same checked tree. */
function both(root: string, pieces: Record<string, string> = {}, data: unknown = context): { walked: string; compiled: string } {
  const names = Object.keys(pieces);
  const engine = createEngine(() => names);
  for (const [name, text] of Object.entries(pieces)) engine.hb.registerPartial(name, engine.compile(text, name) as unknown as Handlebars.Template);
  const walked = engine.compile(root, 'root')(data);

  const reference = Handlebars.create();
  for (const [name, helper] of Object.entries(engine.hb.helpers)) reference.registerHelper(name, helper);
  const compile = (text: string) => {
    const ast = reference.parse(text);
    expect('refused' in prepareIndexed(ast)).toBe(false);
    return reference.compile(ast, { noEscape: true, preventIndent: true, data: true });
  };
  for (const [name, text] of Object.entries(pieces)) reference.registerPartial(name, compile(text));
  const compiled = compile(root)(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  return { walked, compiled };
}

const CASES: [string, string, Record<string, string>?][] = [
  ['each with block params, @first/@last/@index', '{{#each items as |item i|}}{{i}}:{{item.name}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}}{{@index}} {{/each}}'],
  ['each over an object: @key and this', '{{#each map}}{{@key}}={{this}};{{/each}}'],
  ['with, ../ and @root', '{{#with org}}{{name}} {{../year}} {{@root.year}} {{year}}{{#each units}} {{../name}}-{{this}}{{/each}}{{/with}}'],
  ['if does not add a depth for ../', '{{#each items}}{{#if name}}{{../year}}{{name}}{{/if}}{{/each}}'],
  ['../../ through with inside each', '{{#each items}}{{#with cells}}{{../../year}}{{../name}}{{length}}{{/with}}{{/each}}'],
  ['nested block params', '{{#each rows as |row|}}{{#each row.cells as |cell j|}}{{row.id}}{{cell}}{{j}}{{@../index}},{{/each}}{{/each}}'],
  ['else chains and inverse sections', '{{#if zero}}Z{{else if empty}}E{{else}}neither{{/if}}|{{^if flag}}no{{/if}}{{#unless zero}}U{{else}}N{{/unless}}'],
  ['each over nothing takes else', '{{#each empty}}x{{else}}无{{/each}}'],
  ['lookup', '{{lookup map key}} {{lookup map "经济"}}'],
  ['whitespace control and standalone lines', '{{~#each items~}}\n  {{name}}\n{{~/each~}}\n{{#if flag}}\n行\n{{/if}}\n末'],
  ['numbers and booleans as text', '{{year}} {{rate}} {{flag}} {{zero}}'],
  ['helpers with sub-expressions', '{{percent rate}} {{sum year (sum zero 1)}}'],
  ['partials: own context, given context, hash, indented on their own line', '{{#with org}}{{> unit}}{{/with}}|{{> unit org}}|{{> unit org extra=year}}\n  {{> unit org}}\n', { unit: '{{name}}{{#if extra}}+{{extra}}{{/if}}{{@root.year}}' }],
  ['partial inside each, reading ../ and @index', '{{#each items}}{{> row}}{{/each}}', { row: '{{@index}}{{name}}{{#each cells}}<{{this}}{{../name}}>{{/each}};' }],
  ['partial block', '{{#> unit}}备用{{/unit}}', { unit: '{{year}}' }],
  ['a repeated hash name: the first is taken', '{{> unit org extra=1 extra=2}}', { unit: '{{name}}+{{extra}}' }],
];

describe('running a template by walking it', () => {
  for (const [what, root, pieces] of CASES) {
    it(`gives what Handlebars' compiled code gives: ${what}`, () => {
      const { walked, compiled } = both(root, pieces);
      expect(walked).toBe(compiled);
      expect(walked.length).toBeGreaterThan(0);
    });
  }

  it('reads only a value’s own properties, as Handlebars does with prototype access denied', () => {
    const data = Object.assign(Object.create({ inherited: 'x' }), { own: 'y', list: ['a'] });
    const { walked, compiled } = both('{{own}}{{list.length}}{{#if inherited}}有{{else}}无{{/if}}{{#if constructor}}有{{else}}无{{/if}}', {}, data);
    expect(walked).toBe('y1无无');
    expect(compiled).toBe(walked);
  });

  it('prints the block of a partial block whose piece is not a partial, as Handlebars does', () => {
    const engine = createEngine(() => ['report']);
    expect(engine.compile('前{{#> report}}备用{{/report}}后', 'root')(context)).toBe('前备用后');
  });

  it('evaluates a partial’s hash from last to first, as Handlebars does: the first problem reported is the last pair’s', () => {
    const engine = createEngine(() => ['unit']);
    engine.hb.registerPartial('unit', engine.compile('{{name}}', 'unit') as unknown as Handlebars.Template);
    try {
      engine.compile('{{> unit org a=missing1 b=missing2}}', 'root')(context);
      expect.unreachable();
    } catch (error) {
      expect((error as TemplateError).problem).toMatchObject({ kind: 'missing-field', subject: 'missing2', column: 27 });
    }
  });

  it('refuses a block parameter named like a helper (Handlebars would call the parameter, not the helper)', () => {
    const engine = createEngine();
    for (const name of ['date', 'percent', 'lookup', '__value']) {
      try {
        engine.compile(`{{#each items as |${name}|}}x{{/each}}`, 'root');
        expect.unreachable();
      } catch (error) {
        expect((error as TemplateError).problem, name).toMatchObject({ kind: 'syntax', subject: name, line: 1, column: 1 });
      }
    }
  });

  it('refuses a partial given two contexts before anything runs, at the statement', () => {
    const engine = createEngine(() => ['unit']);
    try {
      engine.compile('前文\n{{> unit org year}}', 'root');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).problem).toMatchObject({ kind: 'syntax', line: 2, column: 1 });
    }
  });
});
