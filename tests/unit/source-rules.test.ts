/**
 * Rules about the sources themselves, checked by reading src/:
 *   - nothing evaluates code: no `eval`, no `new Function`, no `vm` (the replay journal and the
 *     cache of compiled templates, which ran code read back from disk, are gone and must stay gone);
 *   - no import cycles among src/**\/*.ts, type-only imports included (a cycle makes the order
 *     modules initialise in depend on which one is imported first);
 *   - imports only go down the layers: the folder tree reads load → validate → compute → render →
 *     write, with the declarations (domain) between load and validate and the commands on top.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture.js';

const SRC = path.join(ROOT, 'src');

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))
    .sort();
}


const FILES = new Map(sources().map((f) => [path.relative(ROOT, f).split(path.sep).join('/'), readFileSync(f, 'utf8')]));

/** Ways a file runs code made of text, found in its syntax tree (so words in comments and strings do not count). */
function evaluations(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const named = (node: ts.Node, name: string) => ts.isIdentifier(node) && node.text === name;
  const VM = new Set(['vm', 'node:vm']);
  const VM_CALLS = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction']);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      if (named(callee, 'eval')) at(node, 'eval(…)');
      if (named(callee, 'Function')) at(node, ts.isNewExpression(node) ? 'new Function(…)' : 'Function(…)');
      if (ts.isPropertyAccessExpression(callee) && VM_CALLS.has(callee.name.text)) at(node, `${callee.name.text}(…)`);
      if (ts.isNewExpression(node) && (named(callee, 'Script') || named(callee, 'SourceTextModule'))) at(node, `new ${(callee as ts.Identifier).text}(…)`);
      if ((named(callee, 'setTimeout') || named(callee, 'setInterval')) && node.arguments?.[0] && ts.isStringLiteralLike(node.arguments[0])) at(node, 'a timer given a string');
      if (ts.isCallExpression(node) && callee.kind === ts.SyntaxKind.ImportKeyword) {
        const spec = node.arguments[0];
        if (!spec || !ts.isStringLiteralLike(spec)) at(node, 'import() of a computed name');
        else if (VM.has(spec.text)) at(node, 'the vm module');
      }
      if (ts.isCallExpression(node) && named(callee, 'require')) {
        const spec = node.arguments[0];
        if (!spec || !ts.isStringLiteralLike(spec)) at(node, 'require() of a computed name');
        else if (VM.has(spec.text)) at(node, 'the vm module');
      }
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && VM.has(node.moduleSpecifier.text)) at(node, 'the vm module');
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && VM.has(node.moduleSpecifier.text)) at(node, 'the vm module');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What a file imports from src/, type-only imports and import() included, as paths relative to the root. */
function importsOf(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)).replace(/\.js$/, '.ts'));
}

/** Every cycle of a graph, once each, as a path that ends where it starts (Tarjan's strongly connected components). */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const components: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  // One cycle through each component, named by its files in import order.
  return components.map((component) => {
    const inside = new Set(component);
    const start = [...component].sort()[0]!;
    const pathTo = (from: string, seen: string[]): string[] | undefined => {
      for (const next of graph.get(from) ?? []) {
        if (next === start) return [...seen, start];
        if (inside.has(next) && !seen.includes(next)) {
          const found = pathTo(next, [...seen, next]);
          if (found) return found;
        }
      }
      return undefined;
    };
    return pathTo(start, [start]) ?? component;
  });
}

describe('src/', () => {
  it('has sources to check', () => {
    expect(FILES.size).toBeGreaterThan(80);
    expect(FILES.has('src/pipeline.ts')).toBe(true);
  });

  it('evaluates no code: no eval, no new Function, no vm, no import of a computed name', () => {
    const found = [...FILES].flatMap(([file, text]) => evaluations(file, text));
    expect(found).toEqual([]);
    // The check sees what it is meant to see, and not words in comments or strings.
    const caught = (text: string) => evaluations('x.ts', text).map((f) => f.replace(/^x\.ts:\d+: /, ''));
    expect(caught('const f = new Function("return 1");')).toEqual(['new Function(…)']);
    expect(caught('const g = Function("return 1");')).toEqual(['Function(…)']);
    expect(caught('const x = eval(s);')).toEqual(['eval(…)']);
    expect(caught("import vm from 'node:vm';\nvm.runInNewContext(code);")).toEqual(['the vm module', 'runInNewContext(…)']);
    expect(caught('const m = await import(name);')).toEqual(['import() of a computed name']);
    expect(caught('// eval(x) and new Function() in a comment\nconst s = "eval(x)";')).toEqual([]);
    expect(caught("const { build } = await import('./build.js');")).toEqual([]);
  });

  it("imports zod as a namespace from zod/v4, which the bundler trims to what the schemas use", () => {
    // `import { z } from 'zod'` takes zod's z object, and with it every schema kind and check it has
    // (the chunk every data command loads was 396 KB instead of 206 KB).
    const whole = [...FILES].filter(([, text]) => /from 'zod'|import\s*(?:type\s*)?\{[^}]*\bz\b[^}]*\}\s*from 'zod/.test(text)).map(([file]) => file);
    expect(whole).toEqual([]);
    expect([...FILES.values()].some((text) => text.includes("import * as z from 'zod/v4';"))).toBe(true);
  });

  it('reaches zod only through domain/zod.ts, so that a schema is built only when asked for', () => {
    // The bundle evaluates zod on that module's first call (scripts/bundle.mjs); any other import
    // of zod's code would evaluate it on every run. The others import zod's types only.
    const importers = [...FILES].filter(([, text]) => /^import\s+(?!type\b)[^;]*from 'zod/m.test(text)).map(([file]) => file);
    expect(importers).toEqual(['src/domain/zod.ts']);
  });

  it('has no import cycles, type-only imports included', () => {
    const graph = new Map([...FILES].map(([file, text]) => [file, importsOf(file, text)]));
    // The graph is the real one: imports are found and resolve to files that exist.
    const edges = [...graph.values()].flat();
    expect(edges.length).toBeGreaterThan(200);
    expect(edges.filter((target) => !FILES.has(target))).toEqual([]);
    expect(graph.get('src/pipeline.ts')).toContain('src/kinds/kind.ts'); // an `import type`
    expect(graph.get('src/cli/commands/build.ts')).toContain('src/build.ts'); // an import()
    const cycles = cyclesOf(graph);
    expect(cycles.map((c) => c.join(' → ')), 'import cycles in src/').toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ]);
    expect(cyclesOf(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts'], ['e.ts', 'e.ts']]);
    expect(importsOf('src/x/y.ts', "import type { A } from '../a.js';\nexport * from './b.js';\nconst c = await import('../../c.js');")).toEqual(['src/a.ts', 'src/x/b.ts', 'c.ts']);
  });

  it('imports only go down the layers', () => {
    const upward = [...FILES].flatMap(([file, text]) =>
      importsOf(file, text)
        .filter((target) => layerOf(target) > layerOf(file))
        .map((target) => `${file} (${LAYERS[layerOf(file)]![0]}) → ${target} (${LAYERS[layerOf(target)]![0]})`),
    );
    expect(upward).toEqual([]);
    // Every file is in a layer, and the check can fail.
    expect(layerOf('src/write/html.ts')).toBeGreaterThan(layerOf('src/render/engine.ts'));
    expect(layerOf('src/domain/registry.ts')).toBeLessThan(layerOf('src/validate/year.ts'));
  });
});

/** The layers, lowest first; a file may import its own layer and those below. */
const LAYERS: ReadonlyArray<[name: string, test: RegExp]> = [
  ['base', /^src\/(?:diagnostics\/|order\.ts$|session\.ts$|text-width\.ts$|append\.ts$|xml\.ts$|node-builtins\.ts$)/],
  ['load', /^src\/load\//],
  // What records, fields, figures and the page are: declared once, read by every stage after loading.
  ['domain', /^src\/domain\//],
  ['validate', /^src\/validate\//],
  ['compute', /^src\/(?:compute|kinds)\//],
  ['render', /^src\/render\//],
  ['write', /^src\/write\//],
  // The commands and what only they use: build, pipeline, watch, cli, scaffold, stats, preview, docs, schema, templates.
  ['commands', /^src\//],
];

function layerOf(file: string): number {
  return LAYERS.findIndex(([, test]) => test.test(file));
}
