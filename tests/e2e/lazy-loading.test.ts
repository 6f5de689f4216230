/**
 * Each command loads only what it uses: the real CLI in a child process, every module it loads
 * logged (tests/helpers/load-log.mjs), the bundle's chunks mapped to the sources and packages
 * they hold (dist/bundle/meta.json). The heavy libraries — the spreadsheet reader, the Word
 * writer, the PDF engine, the traditional-script converter, the preview server — load only for
 * the folder, format or command that needs them; Handlebars' parser only for a template or text
 * that is neither built in nor simple.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, DATA, ROOT, tempDir } from '../helpers/fixture.js';

const HEAVY = {
  spreadsheet: /node_modules\/@e965\/xlsx\/|dist\/bundle\/xlsx\.cjs/,
  docx: /src\/write\/docx\/render-docx\.ts/,
  pdf: /typst-ts-node-compiler|src\/write\/pdf\//,
  opencc: /node_modules\/opencc-js\//,
  preview: /src\/preview\//,
} as const;
type Heavy = keyof typeof HEAVY;

/** What a run of the CLI loaded: the chunks' sources and packages, and the modules required from node_modules. */
async function loaded(args: string[], cwd: string): Promise<string[]> {
  const log = path.join(await tempDir('report-loads-'), 'loads.log');
  const preload = pathToFileURL(path.join(ROOT, 'tests', 'helpers', 'load-log.mjs')).href;
  const env = { REPORT_LOAD_LOG: log, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim() };
  const run = await runCli(args, { cwd, env });
  expect(run.code, run.stderr).toBe(0);
  const meta = JSON.parse(await readFile(path.join(ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as Record<string, { inputs: string[] }>;
  const modules: string[] = [];
  for (const line of (await readFile(log, 'utf8')).split('\n')) {
    const [how, where] = line.split(' ');
    if (!where) continue;
    const file = how === 'import' && where.startsWith('file:') ? new URL(where).pathname : where;
    const chunk = meta[path.basename(file)];
    modules.push(...(file.includes(`${path.sep}dist${path.sep}bundle${path.sep}`) && chunk ? chunk.inputs : [file]));
  }
  // The log sees the bundle's chunks: every run loads the CLI's entry.
  expect(modules).toContain('src/cli/main.ts');
  return modules;
}

/**
 * The bundled data with its ledgers in a shape only the spreadsheet library reads (a comment in
 * the styles, which the library skips): the same cells, so the same report, through the library.
 */
async function dataForTheLibrary(): Promise<string> {
  const data = path.join(await tempDir('report-library-'), 'data');
  await cp(DATA, data, { recursive: true });
  for (const name of ['提案台账.xlsx', '提案批示.xlsx']) {
    const file = path.join(data, '2023', name);
    const parts = unzipSync(await readFile(file));
    parts['xl/styles.xml'] = strToU8(strFromU8(parts['xl/styles.xml']!).replace('<numFmts', '<!-- 样式 --><numFmts'));
    await writeFile(file, zipSync(parts));
  }
  return data;
}

/** The costlier modules of Node's own a run of the CLI loaded (tests/helpers/builtins-log.cjs). */
async function builtinsLoaded(args: string[], cwd: string): Promise<string[]> {
  const log = path.join(await tempDir('report-builtins-'), 'builtins.log');
  const preload = path.join(ROOT, 'tests', 'helpers', 'builtins-log.cjs');
  const run = await runCli(args, { cwd, env: { REPORT_BUILTINS_LOG: log, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim() } });
  expect(run.code, run.stderr).toBe(0);
  return (await readFile(log, 'utf8')).split('\n').filter(Boolean);
}

/** Whether the run evaluated zod (the log's `evaluated zod`, from tests/helpers/load-log.mjs). */
const zodIn = (modules: string[]): boolean => modules.includes('zod');

const heavyIn = (modules: string[]): Heavy[] => (Object.keys(HEAVY) as Heavy[]).filter((h) => modules.some((m) => HEAVY[h].test(m)));

describe('what a command loads', () => {
  it('--version and --help load the command line and nothing of the reading, checking or writing', async () => {
    for (const args of [['--version'], ['build', '--help']]) {
      const modules = await loaded(args, ROOT);
      expect(heavyIn(modules)).toEqual([]);
      // Only the argument parser and the command line's own files: no schema library, YAML reader,
      // template engine, message catalogue or report kind's making.
      const outside = modules.filter((m) => !/^node:|^report-builtin:node:|^report-child-process:|bin\/(report|bundle-loader)\.js$|node_modules\/commander\/|src\/cli\/|src\/kinds\/(names|kind)\.ts$|src\/load\/(files|decode|parse-cache)\.ts$|src\/write\/(interrupt|formats)\.ts$|src\/text-width\.ts$|src\/append\.ts$|src\/node-builtins\.ts$/.test(m));
      expect(outside, args.join(' ') + JSON.stringify(outside)).toEqual([]);
      // Nothing is hashed or written: node:crypto is required when first used.
      expect(modules, args.join(' ')).not.toContain('node:crypto');
    }
  });

  it('validate and build --format md on a folder of YAML load none of them', async () => {
    const data = await copyFixture('minimal');
    const validate = await loaded(['validate', '2023', '--data', data], data);
    expect(heavyIn(validate)).toEqual([]);
    // Clean data needs no place for a problem: the YAML parser that keeps positions stays unloaded;
    // records in the common shapes need no js-yaml; UTF-8 files need no encoding detector, and a
    // folder without .csv no CSV parser.
    expect(validate.filter((m) => /node_modules\/(yaml|js-yaml|chardet|csv-parse)\//.test(m))).toEqual([]);
    // Validate stops at the report's Markdown: no Markdown parser, and templates are walked, never compiled to code.
    expect(validate.filter((m) => /node_modules\/markdown-it|handlebars\/compiler\/(javascript-compiler|code-gen)/.test(m))).toEqual([]);
    const out = await tempDir();
    expect(heavyIn(await loaded(['build', '2023', '--data', data, '--out', out, '--format', 'md'], data))).toEqual([]);
    // A file in another shape (here an anchor) is read by js-yaml, loaded for it.
    const organization = path.join(data, 'organization.yaml');
    await writeFile(organization, (await readFile(organization, 'utf8')).replace('name: 青川市', 'name: &city 青川市'));
    expect((await loaded(['validate', '2023', '--data', data], data)).filter((m) => /node_modules\/js-yaml\//.test(m))).not.toEqual([]);
  });

  it("loads none of Node's modules for processes, networking, terminals, threads or file promises to check a folder", async () => {
    // Output is written straight to the descriptors (cli/pipes.ts), commander's child_process is
    // loaded only to spawn, node:fs is required rather than imported and none of its getters is read
    // (scripts/bundle.mjs), node:os only to lock an output folder, and a validate with no build's
    // cache folder (as in CI) hashes nothing. (Node's streams are not
    // asked after: node:v8, which bin/bundle-loader.js sets V8's flags with, brings them.)
    const data = await copyFixture('minimal');
    const without = (loaded: string[]) => loaded.filter((m) => m !== 'node:stream');
    expect(without(await builtinsLoaded(['validate', '2023', '--data', data], data))).toEqual([]);
    // Workbooks are inflated by node:zlib; the rest stays unloaded.
    expect(without(await builtinsLoaded(['validate', '2023', '--data', DATA, '--no-cache'], ROOT))).toEqual(['node:zlib']);
    // A Word document is zipped by fflate's synchronous functions, from its build that does not load
    // Node's worker threads (scripts/bundle.mjs); writing the set takes random names from node:crypto
    // and writes through node:fs/promises (which brings Node's directory module), and its lock names
    // the host (node:os), all loaded by bin/report.js before V8's flags change; the previous set and
    // the lock go file by file, without Node's recursive removal, in a first build and a second.
    const out = await tempDir();
    const build = ['build', '2023', '--data', data, '--out', out, '--format', 'md,docx', '--no-cache'];
    for (let run = 0; run < 2; run++) {
      expect(without(await builtinsLoaded(build, data)).sort()).toEqual(['node:crypto', 'node:fs/promises', 'node:internal/fs/dir', 'node:os']);
    }
  });

  it('reads the bundled ledgers without the spreadsheet library; loads it for a workbook only it reads', async () => {
    const bundled = await loaded(['validate', '2023', '--data', DATA, '--no-cache'], ROOT);
    expect(heavyIn(bundled)).toEqual([]);
    // Without a cache nothing is hashed: an earlier read of a workbook in the run is found by its bytes.
    expect(bundled).not.toContain('node:crypto');
    // Reading inflates natively: the zip library is for writing (and for a workbook the library reads).
    expect(bundled.filter((m) => /node_modules\/fflate\//.test(m))).toEqual([]);
    const data = await dataForTheLibrary();
    expect(heavyIn(await loaded(['validate', '2023', '--data', data, '--no-cache'], data))).toEqual(['spreadsheet']);
  });

  it('evaluates no zod for the bundled data, and zod for a slip it explains', async () => {
    const cwd = await tempDir();
    const data = path.join(cwd, 'data');
    await cp(DATA, data, { recursive: true });
    // Every value passes its quick check, report.yaml and the layout file included: no schema is built.
    await writeFile(path.join(cwd, 'report.yaml'), 'data: data\nout: out\n');
    await writeFile(path.join(data, 'layout.yaml'), 'paragraphs:\n  body: {sizePt: 16}\n');
    expect(zodIn(await loaded(['validate', '2023', '--no-cache'], cwd))).toBe(false);
    expect(zodIn(await loaded(['build', '2023', '--no-cache'], cwd))).toBe(false);
    // A slip in organization.yaml: zod checks the file and writes the message.
    const organization = path.join(data, 'organization.yaml');
    await writeFile(organization, (await readFile(organization, 'utf8')).replace('level: 市', 'level: 市\n  levels: 省'));
    const log = path.join(await tempDir('report-loads-'), 'loads.log');
    const preload = pathToFileURL(path.join(ROOT, 'tests', 'helpers', 'load-log.mjs')).href;
    const run = await runCli(['validate', '2023', '--no-cache'], { cwd, env: { REPORT_LOAD_LOG: log, NODE_OPTIONS: `--import ${preload}` } });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('levels');
    expect(await readFile(log, 'utf8')).toContain('evaluated zod');
  });

  it('loads the diagnostics catalogue only for a run with a problem to tell', async () => {
    const catalogue = (modules: string[]) => modules.filter((m) => /dist\/bundle\/catalogue\.cjs$|src\/diagnostics\/entries\.ts$/.test(m));
    const cwd = await tempDir();
    const data = path.join(cwd, 'data');
    await cp(DATA, data, { recursive: true });
    const out = path.join(cwd, 'out');
    // Clean data, checked and built, from the files and from the cache: no message is made.
    expect(catalogue(await loaded(['validate', '2023', '--data', data, '--no-cache'], cwd))).toEqual([]);
    expect(catalogue(await loaded(['build', '2023', '--data', data, '--out', out], cwd))).toEqual([]);
    expect(catalogue(await loaded(['validate', '2023', '--data', data], cwd))).toEqual([]);
    // A meeting without its date: the message is made from the catalogue, loaded for it.
    const meetings = path.join(data, '2023', 'meetings.yaml');
    await writeFile(meetings, (await readFile(meetings, 'utf8')).replace(/\n    date: [^\n]+/, ''));
    const log = path.join(await tempDir('report-loads-'), 'loads.log');
    const preload = pathToFileURL(path.join(ROOT, 'tests', 'helpers', 'load-log.mjs')).href;
    const run = await runCli(['validate', '2023', '--data', data, '--no-cache'], { cwd, env: { REPORT_LOAD_LOG: log, NODE_OPTIONS: `--import ${preload}` } });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/RPT\d{3}/);
    expect(await readFile(log, 'utf8')).toMatch(/^chunk .*[\\/]catalogue\.cjs$/m);
  });

  it("parses the bundled templates and prose without Handlebars' parser; loads it for an edited template", async () => {
    const parser = (modules: string[]) => modules.filter((m) => /node_modules\/handlebars\/dist\/cjs\/handlebars\/compiler\/(base|parser)\.js$/.test(m));
    // The built-in templates' trees are stored with the bundle, and every paragraph of the data is a simple text.
    expect(parser(await loaded(['validate', '2023', '--data', DATA, '--no-cache'], ROOT))).toEqual([]);
    const templates = await tempDir('report-edited-');
    const opening = await readFile(path.join(ROOT, 'templates', 'annual', 'opening.hbs'), 'utf8');
    await mkdir(path.join(templates, 'annual'));
    await writeFile(path.join(templates, 'annual', 'opening.hbs'), opening.replace('向大会报告工作', '向大会报告一年来的工作'));
    expect(parser(await loaded(['validate', '2023', '--data', DATA, '--templates', templates, '--no-cache'], ROOT))).not.toEqual([]);
  });

  it('loads the Word writer for docx, the converter for hant', async () => {
    const out = await tempDir();
    const data = await copyFixture('minimal');
    expect(heavyIn(await loaded(['build', '2023', '--data', data, '--out', out, '--format', 'md,docx', '--script', 'hant'], data))).toEqual(['docx', 'opencc']);
    // Built again, the report reads as it did: the document the last build kept is written, and the
    // Word writer stays unloaded; so does the Markdown parser (the blocks of the same Markdown are kept).
    const again = await loaded(['build', '2023', '--data', data, '--out', out, '--format', 'md,docx', '--script', 'hant'], data);
    expect(heavyIn(again)).toEqual(['opencc']);
    expect(again.filter((m) => /node_modules\/markdown-it/.test(m))).toEqual([]);
  });

  it('reads a figure edited in a plain paragraph into the kept blocks: the Word document made anew without the Markdown parser', async () => {
    const data = path.join(await tempDir('report-edit-'), 'data');
    await cp(DATA, data, { recursive: true });
    const out = await tempDir();
    const args = ['build', '2023', '--data', data, '--out', out];
    expect((await runCli(args, { cwd: data })).code).toBe(0);
    // One meeting's suggestions, 6 → 7: 139 → 140 in the overview paragraph, a paragraph of plain text.
    const meetings = path.join(data, '2023', 'meetings.yaml');
    await writeFile(meetings, (await readFile(meetings, 'utf8')).replace('提升政务服务效能\n    suggestions: 6\n', '提升政务服务效能\n    suggestions: 7\n'));
    const edited = await loaded(args, data);
    expect(heavyIn(edited)).toEqual(['docx']);
    expect(edited.filter((m) => /node_modules\/markdown-it/.test(m))).toEqual([]);
    const report = await readFile(path.join(out, '2023', 'report.md'), 'utf8');
    expect(report).toContain('会上提出意见建议140条');
    // What a build without the cache writes.
    const fresh = await tempDir();
    expect((await runCli([...args.slice(0, -1), fresh, '--no-cache'], { cwd: data })).code).toBe(0);
    for (const name of ['report.md', 'report.docx']) expect((await readFile(path.join(out, '2023', name))).equals(await readFile(path.join(fresh, '2023', name)))).toBe(true);
  });

  it('serves the workbooks from the parse cache once a build has read them: no spreadsheet reader', async () => {
    const cwd = await tempDir();
    const data = await dataForTheLibrary();
    expect(heavyIn(await loaded(['build', '2023', '--data', data, '--format', 'md'], cwd))).toEqual(['spreadsheet']);
    const validate = await loaded(['validate', '2023', '--data', data], cwd);
    expect(heavyIn(validate)).toEqual([]);
    // The cache's entries are found by their content's digest.
    expect(validate).toContain('node:crypto');
  });
});
