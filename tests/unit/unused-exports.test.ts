/**
 * No dead exports: every value (function, constant, class) a file under src/ exports is imported
 * somewhere (by src/, the tests or the scripts), or is part of the library's API (src/index.ts).
 * Types are left out: an exported signature needs its types exported for the declaration files. An export nobody imports is
 * either dead code or a name that should not be exported; both mislead a reader. Found from the
 * syntax trees, as knip does for unused exports, without a dependency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture.js';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.posix.join(dir, e.name), ext) : ext.test(e.name) && !e.name.endsWith('.d.ts') ? [path.posix.join(dir, e.name)] : []))
    .sort();
}

/** Where an import specifier of `from` leads, relative to the root: `../dist/x.js` of a script is `src/x.ts`. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return target.replace(/^dist\//, 'src/').replace(/\.(?:m?js)$/, '.ts');
}

interface Module {
  /** Exported values (functions, constants, classes) by name, with their line; types are left to the compiler. */
  exports: Map<string, number>;
  /** `export * from`: everything of these files is exported here too. */
  reexportAll: string[];
}

/** The names each file exports (with their line) and, over all files, the names imported from each file ('*': all of them). */
function analyse(sources: ReadonlyMap<string, string>) {
  const modules = new Map<string, Module>();
  const used = new Map<string, Set<string>>();
  const use = (file: string | undefined, name: string) => {
    if (file === undefined) return;
    if (!used.has(file)) used.set(file, new Set());
    used.get(file)!.add(name);
  };
  for (const [file, text] of sources) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const module: Module = { exports: new Map(), reexportAll: [] };
    modules.set(file, module);
    const exported = (name: string, node: ts.Node) => module.exports.set(name, source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolve(file, node.moduleSpecifier.text);
        const clause = node.importClause;
        if (clause?.name) use(target, 'default');
        const bindings = clause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) use(target, '*');
        if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) use(target, (e.propertyName ?? e.name).text);
      } else if (ts.isExportDeclaration(node)) {
        const target = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? resolve(file, node.moduleSpecifier.text) : undefined;
        if (!node.exportClause) {
          if (target) module.reexportAll.push(target);
        } else if (ts.isNamedExports(node.exportClause)) {
          for (const e of node.exportClause.elements) {
            if (!e.isTypeOnly && !node.isTypeOnly) exported(e.name.text, e);
            // `export { a } from './x.js'` uses x's a; `export { a }` exports a local name.
            if (target) use(target, (e.propertyName ?? e.name).text);
          }
        }
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        // `const { a, b } = await import('./x.js')` uses a and b; any other dynamic import, everything.
        const target = resolve(file, node.arguments[0].text);
        const awaited = ts.isAwaitExpression(node.parent) ? node.parent : undefined;
        const declaration = awaited && ts.isVariableDeclaration(awaited.parent) ? awaited.parent : undefined;
        if (declaration && ts.isObjectBindingPattern(declaration.name)) {
          for (const e of declaration.name.elements) use(target, ((e.propertyName as ts.Identifier | undefined) ?? (e.name as ts.Identifier)).text);
        } else use(target, '*');
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const target = resolve(file, node.argument.literal.text);
        if (node.qualifier && ts.isIdentifier(node.qualifier)) use(target, node.qualifier.text);
        else use(target, '*');
      }
      const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
      if (modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && node.parent === source) {
        if (ts.isVariableStatement(node)) {
          for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) exported(d.name.text, d);
        } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) && node.name) {
          exported(node.name.text, node);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  // `export * from './x.js'`: what is used of this file may be x's.
  for (let grown = true; grown; ) {
    grown = false;
    for (const [file, module] of modules) {
      for (const target of module.reexportAll) {
        for (const name of used.get(file) ?? []) {
          if (!(used.get(target)?.has(name) ?? false)) {
            use(target, name);
            grown = true;
          }
        }
      }
    }
  }
  return { modules, used };
}

/** Exports of src/ that nothing imports, as `file:line name`. */
function unusedExports(sources: ReadonlyMap<string, string>, entries: readonly string[]): string[] {
  const { modules, used } = analyse(sources);
  const out: string[] = [];
  for (const [file, module] of modules) {
    if (!file.startsWith('src/') || entries.includes(file)) continue;
    const names = used.get(file) ?? new Set();
    if (names.has('*')) continue;
    for (const [name, line] of module.exports) if (!names.has(name)) out.push(`${file}:${line} ${name}`);
  }
  return out.sort();
}

const SOURCES = new Map([...files('src', /\.ts$/), ...files('tests', /\.ts$/), ...files('scripts', /\.(?:ts|mjs)$/)].map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')]));

describe('exports', () => {
  it('every export of src/ is imported somewhere or is the library API', () => {
    // src/index.ts is the library's API; bin/report.js runs the bundle of src/cli/main.ts (main, end).
    expect(unusedExports(SOURCES, ['src/index.ts', 'src/cli/main.ts'])).toEqual([]);
  });

  it('finds an unused export (the check can fail), and follows re-exports and import()', () => {
    const sources = new Map([
      ['src/a.ts', "export const used = 1;\nexport function unused() {}\nexport type T = string;\nexport * from './b.js';"],
      ['src/b.ts', 'export const viaStar = 2;\nexport const notVia = 3;'],
      ['src/c.ts', "export const lazy = 4;\nexport const lazyUnused = 5;"],
      ['src/main.ts', "import { used, viaStar, type T } from './a.js';\nconst { lazy } = await import('./c.js');"],
    ]);
    expect(unusedExports(sources, ['src/main.ts'])).toEqual(['src/a.ts:2 unused', 'src/b.ts:2 notVia', 'src/c.ts:2 lazyUnused']);
    // A re-exported name that no one imports is unused where it is re-exported.
    sources.set('src/d.ts', "export { used as again } from './a.js';");
    expect(unusedExports(sources, ['src/main.ts'])).toContain('src/d.ts:1 again');
  });
});
