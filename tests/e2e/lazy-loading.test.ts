/**
 * Each command loads only what it uses: the real CLI in a child process, every module it loads
 * logged (tests/helpers/load-log.mjs), the bundle's chunks mapped to the sources and packages
 * they hold (dist/bundle/meta.json). The heavy libraries — the spreadsheet reader, the Word
 * writer, the PDF engine, the traditional-script converter, the preview server — load only for
 * the folder, format or command that needs them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, DATA, ROOT, tempDir } from '../helpers/fixture.js';

const HEAVY = {
  spreadsheet: /node_modules\/@e965\/xlsx\/|dist\/bundle\/xlsx\.cjs/,
  docx: /node_modules\/docx\//,
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
  return modules;
}

const heavyIn = (modules: string[]): Heavy[] => (Object.keys(HEAVY) as Heavy[]).filter((h) => modules.some((m) => HEAVY[h].test(m)));

describe('what a command loads', () => {
  it('--version loads none of the heavy libraries, nor the template engine', async () => {
    const modules = await loaded(['--version'], ROOT);
    expect(heavyIn(modules)).toEqual([]);
    expect(modules.some((m) => /node_modules\/handlebars\//.test(m))).toBe(false);
  });

  it('validate and build --format md on a folder of YAML load none of them', async () => {
    const data = await copyFixture('minimal');
    const validate = await loaded(['validate', '2023', '--data', data], data);
    expect(heavyIn(validate)).toEqual([]);
    // Clean data needs no place for a problem: the YAML parser that keeps positions stays unloaded.
    expect(validate.some((m) => /node_modules\/yaml\//.test(m))).toBe(false);
    // Validate stops at the report's Markdown: no Markdown parser, and templates are walked, never compiled to code.
    expect(validate.filter((m) => /node_modules\/markdown-it|handlebars\/compiler\/(javascript-compiler|code-gen)/.test(m))).toEqual([]);
    const out = await tempDir();
    expect(heavyIn(await loaded(['build', '2023', '--data', data, '--out', out, '--format', 'md'], data))).toEqual([]);
  });

  it('loads the spreadsheet reader for a folder with a workbook, the Word writer for docx, the converter for hant', async () => {
    const out = await tempDir();
    expect(heavyIn(await loaded(['validate', '2023', '--data', DATA, '--no-cache'], ROOT))).toEqual(['spreadsheet']);
    const data = await copyFixture('minimal');
    expect(heavyIn(await loaded(['build', '2023', '--data', data, '--out', out, '--format', 'md,docx', '--script', 'hant'], data))).toEqual(['docx', 'opencc']);
  });

  it('serves the workbooks from the parse cache once a build has read them: no spreadsheet reader', async () => {
    const cwd = await tempDir();
    expect(heavyIn(await loaded(['build', '2023', '--data', DATA, '--format', 'md'], cwd))).toEqual(['spreadsheet']);
    expect(heavyIn(await loaded(['validate', '2023', '--data', DATA], cwd))).toEqual([]);
  });
});
