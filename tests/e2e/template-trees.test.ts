/**
 * The built-in templates stored prepared with the bundle (dist/bundle/template-trees.json, written
 * by scripts/bundle.mjs) against the engine's own preparation: the stored tree of every .hbs file
 * under templates/ is Handlebars' parse of it rewritten by render/template-ast.ts — every node,
 * field, undefined field, key order and position — with the same partial statements and helper
 * calls, and only the exact text gets it. The bundled CLI prepares an edited template anew.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'handlebars/dist/cjs/handlebars/compiler/base.js';
import { describe, expect, it } from 'vitest';
import { storedTemplates } from '../../src/load/template-trees.js';
import { callsOf, prepareIndexed } from '../../src/render/template-ast.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture, DATA, ROOT, tempDir, writeFiles } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const TABLE = pathToFileURL(path.join(ROOT, 'dist', 'bundle', 'template-trees.json'));
/** A tree as text, with undefined fields kept (Handlebars writes `hash: undefined`, `source: undefined`) and -0 told from 0. */
const shown = (tree: unknown): string =>
  JSON.stringify(tree, (_key, value: unknown) => (value === undefined ? '<undefined>' : Object.is(value, -0) ? '<-0>' : value));

/** Every built-in template, as loading decodes it (a BOM dropped). */
const templates = readdirSync(path.join(ROOT, 'templates'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.hbs'))
  .map((f) => ({ file: f, text: new TextDecoder().decode(readFileSync(path.join(ROOT, 'templates', f))) }));

/** What the engine makes of `text` when nothing is stored: Handlebars' parse, prepared. */
function prepared(text: string) {
  const ast = parse(text);
  const indexed = prepareIndexed(ast);
  if ('refused' in indexed) throw new Error(`refused: ${indexed.refused.detail}`);
  return { ast, ...indexed };
}

describe('the stored templates of the built-in templates', () => {
  const stored = storedTemplates(TABLE);

  it.each(templates)("$file: the stored tree is Handlebars' parse of the file as the engine prepares it, with its partials and calls", ({ text }) => {
    const made = stored(text);
    expect(made).toBeDefined();
    const expected = prepared(text);
    expect(shown(made!.ast)).toBe(shown(expected.ast));
    expect(made!.partials).toEqual(expected.partials);
    // The calls found later in the stored tree are those the preparation found, node for node.
    const calls = callsOf(made!.ast);
    expect([...calls.keys()]).toEqual([...expected.calls.keys()]);
    for (const [key, call] of calls) expect(shown(call), key).toBe(shown(expected.calls.get(key)));
  });

  it('stores the templates whose calls and partials tell something: the check can fail', () => {
    const withPartials = templates.filter(({ text }) => stored(text)!.partials.length > 0);
    expect(withPartials.length).toBeGreaterThan(0);
    expect(templates.some(({ text }) => callsOf(stored(text)!.ast).size > 3)).toBe(true);
    // A tree left as Handlebars parsed it is not what the engine runs: {{path}} becomes {{__value path}}.
    const { text } = templates.find(({ text }) => /\{\{[a-z][\w.]*\}\}/i.test(text))!;
    expect(shown(stored(text)!.ast)).not.toBe(shown(parse(text)));
  });

  it('hands out a copy of its own on every lookup (a change to one does not reach the next)', () => {
    const { text } = templates.find((t) => t.text.includes('{{#') && stored(t.text)!.partials.length > 0) ?? templates.find((t) => t.text.includes('{{#'))!;
    const first = stored(text)!;
    first.ast.body.length = 0;
    (first.ast.loc as { start: { line: number } }).start.line = 99;
    first.partials.length = 0;
    const again = stored(text)!;
    expect(shown(again.ast)).toBe(shown(prepared(text).ast));
    expect(again.partials).toEqual(prepared(text).partials);
  });

  it('gives nothing for any other text: each template changed by one character, and texts around it', () => {
    for (const { text } of templates) {
      const at = Math.floor(text.length / 2);
      const changed = [`${text} `, text.slice(0, -1), ` ${text}`, `\uFEFF${text}`, text.replace(/\n/g, '\r\n'), text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1)];
      for (const other of changed) if (other !== text) expect(stored(other), JSON.stringify(other.slice(0, 40))).toBeUndefined();
    }
    expect(stored('')).toBeUndefined();
  });

  it('serves nothing from a file that is missing, damaged, of another shape or of another Handlebars', async () => {
    const dir = await tempDir('report-trees-');
    const good = JSON.parse(await readFile(TABLE, 'utf8')) as { handlebars: string; trees: [string, string, string][] };
    const { text } = templates[0]!;
    const files = {
      'damaged.json': (await readFile(TABLE, 'utf8')).slice(0, 1000),
      'other-version.json': JSON.stringify({ ...good, handlebars: '4.0.0' }),
      'no-trees.json': JSON.stringify({ handlebars: good.handlebars }),
      'bad-entry.json': JSON.stringify({ handlebars: good.handlebars, trees: [...good.trees, [text, 5, '[]']] }),
      'bad-partials.json': JSON.stringify({ handlebars: good.handlebars, trees: [...good.trees, [text, good.trees[0]![1], '[{"name":1}]']] }),
      'older-form.json': JSON.stringify({ handlebars: good.handlebars, trees: good.trees.map(([t, tree]) => [t, tree]) }),
      'null.json': 'null',
    };
    await writeFiles(dir, files);
    for (const name of [...Object.keys(files), 'missing.json']) expect(storedTemplates(pathToFileURL(path.join(dir, name)))(text), name).toBeUndefined();
    // The shape check is not what refuses them: the same file, written back whole, serves.
    await writeFile(path.join(dir, 'copy.json'), JSON.stringify(good));
    expect(storedTemplates(pathToFileURL(path.join(dir, 'copy.json')))(text)).toBeDefined();
  });
});

describe('the bundled CLI running a stored template', () => {
  it('places a figure a built-in template cannot print as the sources place it (at the argument, found in the stored tree)', async () => {
    // No proposal filed: the table of lead units in the proposal report's annex has no rows.
    const data = await copyFixture('minimal');
    const proposals = path.join(data, '2023', 'proposals.yaml');
    const ledger = (await readFile(proposals, 'utf8')).replace(/review: 立案(, keyProposal: true)?, answered: (true|false), satisfaction: [^}]*\}/g, 'review: 不立案, answered: false}');
    const sitting = (await readFile(path.join(data, '2023', 'sitting.yaml'), 'utf8')).replace('  term: 9', '  term: 9\n  proposalsSpeaker: 王某某');
    const prose = (await readFile(path.join(DATA, '2023', 'proposals.md'), 'utf8')).split('\n').filter((line) => !line.includes('byTag')).join('\n');
    await writeFiles(data, { '2023/proposals.yaml': ledger, '2023/sitting.yaml': sitting, '2023/proposals.md': prose });
    const args = ['validate', '2023', '--data', data, '--kind', 'proposals', '--no-cache'];
    const bundled = await runCli(args, { cwd: data });
    const sources = await report(args, { cwd: data });
    expect(bundled.code).toBe(1);
    expect(bundled.stderr).toMatch(/annex\.hbs:\d+:\d+ 错误 RPT402 数字“proposals\.byLeadUnit”无法由数据算出/);
    expect(bundled.stderr).toBe(sources.stderr);
  });
});

describe('the bundled CLI with an edited built-in template', () => {
  it('parses the edited text: its change is written, and a syntax error in it is reported at its place', async () => {
    const opening = readFileSync(path.join(ROOT, 'templates', 'annual', 'opening.hbs'), 'utf8');
    const templatesDir = await tempDir('report-edited-');
    const out = await tempDir('report-edited-out-');
    await writeFiles(templatesDir, { 'annual/opening.hbs': opening.replace('向大会报告工作', '向大会报告一年来的工作') });
    const edited = await runCli(['build', '2023', '--data', DATA, '--templates', templatesDir, '--out', out, '--format', 'md', '--no-cache']);
    expect(edited.code, edited.stderr).toBe(0);
    expect(await readFile(path.join(out, '2023', 'report.md'), 'utf8')).toContain('向大会报告一年来的工作');

    await writeFiles(templatesDir, { 'annual/opening.hbs': opening.replace('{{/unless}}我代表', '{{/unless}}我代表{{sum a=}}') });
    const broken = await runCli(['validate', '2023', '--data', DATA, '--templates', templatesDir, '--no-cache']);
    expect(broken.code).toBe(1);
    // Handlebars' parser refused it (the position is where its lexer stopped).
    expect(broken.stderr + broken.stdout).toMatch(/opening\.hbs:2:58 错误 RPT501 模板语法错误：“}}”之前缺少内容/);
  });
});
