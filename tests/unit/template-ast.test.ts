/**
 * prepareIndexed rewrites a template's tree and finds its partials and helper calls in the same
 * walk: what it finds must be what a walk of the finished tree finds, node for node and in order,
 * on every template and every paragraph of prose of the project, and on texts that call, nest and
 * refuse. A refused text gives the same problem as before, with nothing found.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'handlebars/dist/cjs/handlebars/compiler/base.js';
import { describe, expect, it } from 'vitest';
import { callKey, prepareIndexed, walk, type Call, type PartialReference } from '../../src/render/template-ast.js';
import { ROOT } from '../helpers/fixture.js';

/** The partials and calls of a finished tree, found by a walk of their own. */
function foundAfter(tree: hbs.AST.Program): { partials: PartialReference[]; calls: Map<string, Call> } {
  const partials: PartialReference[] = [];
  const calls = new Map<string, Call>();
  walk(tree, (node) => {
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = (node as unknown as hbs.AST.PartialStatement).name as hbs.AST.PathExpression;
      const at = { line: node.loc.start.line, column: node.loc.start.column + 1 };
      partials.push(name.type === ('SubExpression' as string) ? { name: '', ...at, computed: true } : { name: String(name.original), ...at });
    }
    if (node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') {
      const call = node as unknown as Call;
      calls.set(callKey(String((call.path as { original?: unknown }).original), node.loc), call);
    }
  });
  return { partials, calls };
}

function texts(): string[] {
  const files = (folder: string, ext: string) =>
    readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith(ext))
      .map((f) => readFileSync(path.join(ROOT, folder, f), 'utf8'));
  const paragraphs = [...files('data', '.md'), ...files('examples', '.md')].flatMap((t) => t.split(/\n\s*\n/)).filter((p) => p.includes('{{'));
  return [...files('templates', '.hbs'), ...paragraphs];
}

describe('prepareIndexed', () => {
  it('finds in its one walk what a walk of the finished tree finds, on every template and paragraph', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(40);
    let partials = 0;
    let calls = 0;
    for (const text of all) {
      const tree = parse(text);
      const indexed = prepareIndexed(tree);
      if ('refused' in indexed) continue;
      const after = foundAfter(tree);
      expect(indexed.partials, text.slice(0, 60)).toEqual(after.partials);
      expect([...indexed.calls.keys()], text.slice(0, 60)).toEqual([...after.calls.keys()]);
      for (const [key, call] of indexed.calls) expect(call).toBe(after.calls.get(key));
      partials += indexed.partials.length;
      calls += indexed.calls.size;
    }
    // The project's texts do use both.
    expect(partials).toBeGreaterThan(10);
    expect(calls).toBeGreaterThan(100);
  });

  it('finds the calls a rewrite makes, and partials written as names, strings and expressions', () => {
    const tree = parse('{{#each items}}{{> row this}}{{/each}}{{> "quoted"}}{{lookup a "b"}}{{percent (sum a b)}}{{plain}}');
    const indexed = prepareIndexed(tree);
    if ('refused' in indexed) throw new Error('refused');
    expect(indexed.partials.map((p) => p.name)).toEqual(['row', 'quoted']);
    expect([...indexed.calls.keys()]).toEqual([...foundAfter(tree).calls.keys()]);
    // {{plain}} and {{lookup …}} are rewritten to the value helper, which the index names.
    expect([...indexed.calls.keys()].filter((k) => k.startsWith('lookup@')).length).toBe(1);
    expect(indexed.calls.size).toBe(foundAfter(tree).calls.size);
  });

  it("gives a refused text's problem and nothing found", () => {
    const indexed = prepareIndexed(parse('{{#percent a}}x{{/percent}}'));
    expect('refused' in indexed && indexed.refused.kind).toBe('helper');
  });
});
