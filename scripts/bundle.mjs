// Bundles the CLI and the library into chunks in dist/bundle/, that bin/report.js loads from
// cli.cjs: start-up reads a few files instead of resolving a few hundred modules, and only the
// chunks a command uses (the Word writer, the preview server … each sit in chunks of their own,
// loaded by the import() that asks for them). esbuild splits ES modules only, so the chunks are
// made as ES modules and each is then written as CommonJS, which V8 can compile from a code cache
// (bin/bundle-loader.js; the cache is made last, by scripts/code-cache.cjs).
// dist/bundle/meta.json tells which chunk holds which module (the test of what a command loads reads it).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { zodMembersUsed } from './zod-members.mjs';

rmSync('dist/bundle', { recursive: true, force: true });

/** zod bundles the messages of 50 languages under `z.locales`; the report uses only Chinese (and zod's default, English). */
const onlyDefaultZodLocale = {
  name: 'only-default-zod-locale',
  setup(b) {
    // The module's name is written into the bundle (a comment): a name, not the folder it was built in.
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'report-shim', pluginData: path.join(args.resolveDir, '..', 'locales') } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'report-shim' }, (args) => ({
      contents: "export { default as en } from './en.js'; export { default as zhCN } from './zh-CN.js';",
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * markdown-it-attrs require()s markdown-it, which resolves to the package's CommonJS build: a second
 * copy of markdown-it (and of linkify-it, mdurl, uc.micro, punycode) beside the ES module build the
 * report imports, loaded on every build. The plugin is handed the ES module build's class instead.
 */
const oneMarkdownIt = {
  name: 'one-markdown-it',
  setup(b) {
    b.onResolve({ filter: /^markdown-it$/ }, (args) =>
      args.kind === 'require-call' && /[\\/]markdown-it-attrs[\\/]/.test(args.importer) ? { path: 'markdown-it', namespace: 'report-markdown-it' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'report-markdown-it' }, () => ({
      contents: `module.exports = require(${JSON.stringify(realpathSync('node_modules/markdown-it/dist/markdown-it.mjs'))}).default;`,
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

/**
 * commander require()s node:child_process when it loads, for subcommands that are programs of their
 * own, which the report has none of; loading it brings Node's network and stream modules (a few
 * milliseconds on every command). It gets an object that loads the module when spawn is used.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.kind === 'require-call' && /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'report-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'report-child-process' }, () => ({
      contents: "module.exports = { get spawn() { return require('node:child_process').spawn; } };",
      loader: 'js',
    }));
  },
};

/**
 * Node's built-in modules through require(), not as ES modules: importing node:fs as an ES module
 * makes Node read every export of it, among them the getters that load its promise and stream
 * modules (node:util's and node:buffer's load others), about 3 ms of every run for functions the
 * report calls synchronously. Each built-in becomes a module that requires it and exports its plain
 * members by name, read once; a getter (fs.promises) is reached through the default export when used.
 */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/**
 * A built-in's plain members, as a fresh process that only require()s it has them: in this one,
 * which imports node:fs as an ES module, its getters have been read, and a getter once read can be
 * a plain member (fs.Dir), which the module made below would then read, and load what it loads
 * (fs.Dir: Node's directory module, after bin/report.js sets V8's flags, so without Node's code cache).
 */
const plainMembers = (name) =>
  JSON.parse(
    execFileSync(process.execPath, ['-e', `const d = Object.getOwnPropertyDescriptors(require(${JSON.stringify(name)})); process.stdout.write(JSON.stringify(Object.keys(d).filter((k) => 'value' in d[k])))`], {
      encoding: 'utf8',
    }),
  );
const builtinsByRequire = {
  name: 'builtins-by-require',
  setup(b) {
    const known = new Map();
    b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' ? { path: args.path, namespace: 'report-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'report-builtin' }, (args) => {
      if (!known.has(args.path)) known.set(args.path, plainMembers(args.path));
      const members = known.get(args.path).filter((name) => name !== 'default' && IDENTIFIER.test(name));
      const contents = `const m = require(${JSON.stringify(args.path)});\nexport default m;\nexport const { ${members.join(', ')} } = m;\n`;
      return { contents, loader: 'js' };
    });
  },
};

/**
 * A module loaded when first asked for, not with the library: `source`, the one module that
 * imports it, is replaced by `contents`, which require()s `./<file>` (built apart, below) on the
 * first call; that require is left to the loader.
 */
const requiredWhenAsked = (name, source, file, contents) => ({
  name,
  setup(b) {
    const module = path.resolve(source);
    const escaped = (text) => text.replace(/[.\-]/g, (c) => `\\${c}`);
    b.onLoad({ filter: new RegExp(`[\\\\/]${escaped(path.basename(source))}$`) }, (args) => (args.path === module ? { contents, loader: 'js' } : undefined));
    b.onResolve({ filter: new RegExp(`^\\./${escaped(file)}$`) }, (args) => (args.importer === module ? { path: `./${file}`, external: true } : undefined));
  },
});

/**
 * zod loaded when a schema is first built: a run whose data passes its quick checks builds none
 * (src/domain/shape.ts). dist/bundle/zod.cjs is built below from the members of zod the sources
 * use (scripts/zod-members.mjs; all of zod's namespace would be some 200 KB more). Kept out of the
 * library's chunk, zod's 230 KB are not even compiled by a run that does not use them. A name zod
 * does not export stops the bundle.
 */
const zodMembers = zodMembersUsed('src');
const lazyZod = requiredWhenAsked('lazy-zod', 'src/domain/zod.ts', 'zod.cjs', "let z; export const zod = () => (z ??= require('./zod.cjs'));");

/**
 * The diagnostics' catalogue loaded when a run first has a problem to tell: dist/bundle/catalogue.cjs
 * is built below from src/diagnostics/entries.ts. Its 150 KB of messages were more than a fifth of
 * the library's chunk, read and run by every command; a run whose data is clean makes no diagnostic
 * and now loads none of it.
 */
const lazyCatalogue = requiredWhenAsked(
  'lazy-catalogue',
  'src/diagnostics/entries-when-told.ts',
  'catalogue.cjs',
  "let c; export const entries = () => (c ??= require('./catalogue.cjs').catalogue);",
);

/** The bundle's options; the last pass adds one plugin (below). */
const options = {
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // Kept as regular expression literals: esbuild's table dates \p{…} in Node 20 by its Unicode
  // version and would otherwise turn each into a `new RegExp` built again on every call (in the
  // title's line measure and markdown-it-cjk-friendly, once per character).
  supported: { 'regexp-unicode-property-escapes': true },
  // Loaded from node_modules when asked for: the traditional-script converter (2 MB of tables, only
  // for `--script hant`), the PDF engine (a native module, only for `--format pdf`) and the
  // spreadsheet library (only when a folder holds an .xlsx or .xls) and the YAML parser that keeps
  // positions (only to place a problem), js-yaml (only for a file the fast YAML reader leaves to it),
  // the encoding detector (only for a file that is not UTF-8) and the CSV parser (only for a .csv
  // file); these five are required, since reading is synchronous. So is Handlebars' parser, only
  // for a text neither the simple parse nor the stored trees of the built-in templates give (below).
  external: ['opencc-js', 'opencc-js/*', '@myriaddreamin/typst-ts-node-compiler', '@e965/xlsx', 'yaml', 'js-yaml', 'chardet', 'csv-parse', 'csv-parse/*', 'handlebars/dist/cjs/handlebars/compiler/base.js'],
  plugins: [onlyDefaultZodLocale, oneMarkdownIt, lazyZod, lazyCatalogue, lazyChildProcess, builtinsByRequire],
  // fflate's build for Node requires worker_threads when it loads, for its asynchronous functions;
  // the report calls only the synchronous ones (deflateSync, zipSync), which its other build has
  // the same, without loading Node's worker machinery into every build.
  alias: { fflate: 'fflate/browser' },
};

/**
 * Chunks. esbuild puts each module in the chunk of the set of entries (the CLI and every module
 * loaded by an import()) that reach it. Two dozen lazily loaded parts each reaching a different
 * part of the library cut it into some fifty chunks, and a run of `validate` resolved and linked
 * them all (about 30 ms). So every lazily loaded part also imports src/cli/library.ts, the module
 * the commands load the library through: all of the library is then reached by the same set of
 * entries and stays one chunk. The parts the CLI's entry reaches itself are left as they are
 * (importing the library there would load it for --version). A first pass finds the parts.
 */
const LIBRARY = path.resolve('src/cli/library.ts');
const first = await build({ ...options, write: false });
const inputs = first.metafile.inputs;
/** Modules the CLI's entry reaches through static imports. */
const entryReach = new Set();
const reach = (file) => {
  if (entryReach.has(file)) return;
  entryReach.add(file);
  for (const i of inputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) reach(i.path);
};
reach('src/cli/main.ts');
const lazyParts = new Set(
  Object.values(first.metafile.outputs)
    .map((o) => o.entryPoint)
    .filter((e) => e !== undefined && e.startsWith('src/') && !entryReach.has(e) && path.resolve(e) !== LIBRARY)
    .map((e) => path.resolve(e)),
);
const withLibrary = {
  name: 'lazy-parts-import-the-library',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!lazyParts.has(args.path)) return undefined;
      const text = await readFile(args.path, 'utf8');
      return { contents: `${text}\nimport ${JSON.stringify(LIBRARY)};\n`, loader: 'ts' };
    });
  },
};
const result = await build({ ...options, write: false, plugins: [...options.plugins, withLibrary] });

/**
 * One chunk as CommonJS, for bin/bundle-loader.js: `import … from './chunk.cjs'` becomes require(),
 * import() of a chunk or of Node's own modules require() behind a promise, import() of a package
 * (an ES module: the traditional-script converter, the PDF engine) the loader's `__import_package`,
 * and `import.meta.url` the chunk's own URL, which the loader hands it as `__import_meta_url`.
 * Anything esbuild warns of (an import.meta it cannot carry, a top-level await) stops the bundle.
 */
async function commonJsChunk(file, text, packagesImported) {
  let code = text;
  for (const specifier of packagesImported) {
    const call = `import(${JSON.stringify(specifier)})`;
    if (!code.includes(call)) throw new Error(`${file}: esbuild's import() of ${specifier} is not written as ${call}`);
    code = code.replaceAll(call, `__import_package(${JSON.stringify(specifier)})`);
  }
  const made = await transform(code, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__import_meta_url' },
    supported: { ...options.supported, 'dynamic-import': false },
    logLevel: 'silent',
  });
  if (made.warnings.length > 0) throw new Error(`${file}: ${made.warnings.map((w) => w.text).join('; ')}`);
  return asciiOnly(file, made.code);
}

/**
 * A chunk's text in ASCII, each other character written as its \\u escape: the loader then reads
 * it as Latin-1 into a one-byte string, where UTF-8 text with one Chinese character anywhere is
 * decoded into a two-byte string of twice the size. esbuild escapes strings, plain templates and
 * identifiers itself; what it leaves are regular expression literals and comments, where the
 * escape means the same (a character escaped in a pattern, `\\，`, becomes the \\u escape alone).
 * Where a character sits is told by TypeScript's parser; anywhere else (a tagged template's raw
 * text would change) the bundle stops.
 */
function asciiOnly(file, code) {
  if (!/[^\x00-\x7f]/.test(code)) return code;
  const ts = createRequire(import.meta.url)('typescript');
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** What holds the character at `at`: a comment, a regular expression literal, or something else. */
  const holder = (at) => {
    let node = source;
    for (;;) {
      const child = node.getChildren(source).find((c) => c.pos <= at && at < c.end);
      if (!child || at < child.getStart(source)) return 'comment';
      if (child.kind === ts.SyntaxKind.RegularExpressionLiteral) return 'pattern';
      if (child.getChildCount(source) === 0) return ts.SyntaxKind[child.kind];
      node = child;
    }
  };
  const escape = (char) => [...char.split('')].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return code.replace(/(\\*)([^\x00-\x7f])/gu, (whole, slashes, char, at) => {
    const where = holder(at + slashes.length);
    if (where === 'comment') return slashes + escape(char);
    if (where !== 'pattern') throw new Error(`${file}: ${JSON.stringify(char)} in ${where} cannot be written in ASCII: ${code.slice(at - 40, at + 40)}`);
    // An odd number of backslashes escapes the character itself: the last one goes with it.
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escape(char);
  });
}
mkdirSync(options.outdir, { recursive: true });
for (const output of result.outputFiles) {
  const packagesImported = result.metafile.outputs[path.relative(process.cwd(), output.path).split(path.sep).join('/')].imports
    .filter((i) => i.kind === 'dynamic-import' && i.external && !i.path.startsWith('node:'))
    .map((i) => i.path);
  writeFileSync(output.path, await commonJsChunk(output.path, output.text, packagesImported));
}

/** One CommonJS file of a module and what it imports, for the sources to require when they need it. */
const commonJsFile = (entry, outfile, plugins = []) =>
  build({ ...entry, outfile, bundle: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning', plugins });

/** commonJsFile for the bundle's loader, in ASCII as the chunks are (asciiOnly). */
const asciiCommonJsFile = async (entry, outfile, plugins) => {
  await commonJsFile(entry, outfile, plugins);
  writeFileSync(outfile, asciiOnly(outfile, readFileSync(outfile, 'utf8')));
};

// The members of zod the sources use, for src/domain/zod.ts.
await asciiCommonJsFile(
  { stdin: { contents: `export { ${zodMembers.join(', ')} } from ${JSON.stringify(realpathSync('node_modules/zod/v4/index.js'))};`, resolveDir: process.cwd(), loader: 'js' } },
  'dist/bundle/zod.cjs',
  [onlyDefaultZodLocale],
);
// The diagnostics' catalogue, for src/diagnostics/entries-when-told.ts.
await asciiCommonJsFile({ entryPoints: ['src/diagnostics/entries.ts'] }, 'dist/bundle/catalogue.cjs');
// The spreadsheet library's ES module build, for src/load/spreadsheet/library.ts.
await commonJsFile({ entryPoints: ['node_modules/@e965/xlsx/xlsx.mjs'] }, 'dist/bundle/xlsx.cjs');

// The built-in templates as the engine runs them, for src/load/template-trees.ts: each file under
// templates/ (as loading decodes it) parsed by Handlebars' parser and prepared by the engine's own
// code, bundled from the sources here (render/template-ast.ts: helpers checked, `{{path}}`
// rewritten to refuse a missing value), with the `{{> name}}` it holds. Stored as JSON with
// undefined written as a stand-in and each position `{ source: undefined, start: { line, column },
// end: { line, column } }` as [line, column, line, column]. A template the engine would refuse,
// or whose tree JSON cannot carry as it is (a number such as -0), is left out: it is prepared when used.
{
  const require = createRequire(import.meta.url);
  const { parse } = require('handlebars/dist/cjs/handlebars/compiler/base.js');
  const engine = await build({
    stdin: { contents: "export { scanTemplate } from './src/render/template-scan.ts'; export { BLOCK_HELPERS, prepareIndexed } from './src/render/template-ast.ts';", resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    // Handlebars' CommonJS inside: an ES module has no require() of its own.
    banner: { js: "import { createRequire as __reportRequire } from 'node:module'; const require = __reportRequire(import.meta.url);" },
  });
  const module = path.join(mkdtempSync(path.join(tmpdir(), 'report-bundle-')), 'engine.mjs');
  writeFileSync(module, engine.outputFiles[0].text);
  const { scanTemplate, BLOCK_HELPERS, prepareIndexed } = await import(pathToFileURL(module).href);
  rmSync(path.dirname(module), { recursive: true, force: true });
  const STORED_UNDEFINED = '\u0000undefined';
  const keys = (o, names) => o !== null && typeof o === 'object' && Object.keys(o).join() === names;
  const point = (p) => keys(p, 'line,column') && Number.isInteger(p.line) && Number.isInteger(p.column);
  const position = (v) => keys(v, 'source,start,end') && v.source === undefined && point(v.start) && point(v.end);
  const trees = [];
  for (const file of readdirSync('templates', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs')).sort()) {
    const text = new TextDecoder().decode(readFileSync(path.join('templates', file)));
    if (scanTemplate(text, BLOCK_HELPERS)) continue;
    const tree = parse(text);
    const prepared = prepareIndexed(tree);
    if ('refused' in prepared || prepared.unrunnable) continue;
    let plain = true;
    const json = JSON.stringify(tree, (key, value) => {
      if (key === 'loc' && position(value)) return [value.start.line, value.start.column, value.end.line, value.end.column];
      // What reading could not tell from what is written: the stand-in itself, a position already a list, -0, NaN, Infinity.
      if (value === STORED_UNDEFINED || (key === 'loc' && Array.isArray(value)) || (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)))) plain = false;
      return value === undefined ? STORED_UNDEFINED : value;
    });
    if (plain) trees.push([text, json, JSON.stringify(prepared.partials)]);
  }
  writeFileSync('dist/bundle/template-trees.json', JSON.stringify({ handlebars: require('handlebars/package.json').version, trees }));
}

/** For each chunk, the packages and source folders it holds, by size: what loading it costs. */
const chunks = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  chunks[path.basename(file)] = {
    bytes: output.bytes,
    imports: output.imports.filter((i) => !i.external && i.kind === 'import-statement').map((i) => path.basename(i.path)),
    inputs: Object.keys(output.inputs),
    // What each input takes of the chunk, largest first: where a chunk's size comes from.
    inputBytes: Object.fromEntries(Object.entries(output.inputs).map(([k, v]) => [k, v.bytesInOutput]).sort((a, b) => b[1] - a[1])),
  };
}
writeFileSync('dist/bundle/meta.json', JSON.stringify(chunks, null, 1));

// Last, with every file of the bundle in place: the chunks' V8 code cache. Without it the CLI
// compiles each chunk from its text, as Node would, only slower; so a failure here is told, not
// fatal to an install (tests/e2e/code-cache.test.ts fails on it).
try {
  execFileSync(process.execPath, [path.join('scripts', 'code-cache.cjs')], { stdio: 'inherit' });
} catch {
  console.warn('bundle: the V8 code cache was not made (above); the CLI compiles its chunks from their text.');
}
