/**
 * The bundle writes what the sources write: the real CLI (bin/report.js on dist/bundle) and `main`
 * in-process build the same reports, byte for byte (the whole DOCX package, not only its body).
 * The bundle is built with plugins of its own (scripts/bundle.mjs), and the Word writer in it is
 * loaded by import(); a plugin that changed a library's behaviour would show here.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DATA, FIXTURES, PANJIN, ROOT, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const CASES = [
  { name: 'bundled data 2023', args: ['build', '2023', '--data', DATA], output: '2023/report' },
  { name: 'bundled data 2023, traditional script', args: ['build', '2023', '--data', DATA, '--script', 'hant'], output: '2023/report.hant' },
  { name: 'panjin 2022', args: ['build', '2022', '--data', PANJIN], output: '2022/report' },
  { name: 'minimal fixture', args: ['build', '2023', '--data', path.join(FIXTURES, 'minimal')], output: '2023/report' },
];

describe('the bundled CLI and the sources write the same files', () => {
  it.each(CASES)('$name', async ({ args, output }) => {
    const [bundled, sources] = [await tempDir('report-bundle-'), await tempDir('report-sources-')];
    const run = await runCli([...args, '--out', bundled, '--format', 'md,docx', '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const inProcess = await report([...args, '--out', sources, '--format', 'md,docx', '--no-cache']);
    expect(inProcess.code, inProcess.stderr).toBe(0);
    for (const ext of ['md', 'docx']) {
      const [a, b] = [await readFile(path.join(bundled, `${output}.${ext}`)), await readFile(path.join(sources, `${output}.${ext}`))];
      expect(a.length, `${output}.${ext}`).toBeGreaterThan(0);
      expect(a.equals(b), `${output}.${ext} differs between the bundle and the sources`).toBe(true);
    }
  });

  it('holds one copy of markdown-it (the plugin for {.class} attributes is handed the ES module build)', async () => {
    const meta = JSON.parse(await readFile(path.join(ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as Record<string, { inputs: string[] }>;
    const inputs = Object.values(meta).flatMap((chunk) => chunk.inputs);
    expect(inputs.filter((i) => /node_modules\/markdown-it\/dist\//.test(i))).toEqual([expect.stringMatching(/markdown-it\.mjs$/)]);
    expect(inputs.filter((i) => /node_modules\/(linkify-it|mdurl|uc\.micro)\/build\/index\.cjs/.test(i))).toEqual([]);
    expect(inputs.some((i) => /node_modules\/markdown-it-attrs\/index\.js$/.test(i))).toBe(true);
  });

  it('holds no copy of the docx library: the Word writer writes its XML itself (docx is a development dependency, for the reference writer in tests/docx/reference/)', async () => {
    const meta = JSON.parse(await readFile(path.join(ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as Record<string, { inputs: string[] }>;
    const inputs = Object.values(meta).flatMap((chunk) => chunk.inputs);
    expect(inputs.filter((i) => /node_modules\/docx\//.test(i))).toEqual([]);
    expect(inputs).toContain('src/write/docx/render-docx.ts');
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('docx');
  });

  it('names no folder of the machine it was built on: the same sources make the same chunks wherever they are installed', async () => {
    const folder = path.join(ROOT, 'dist', 'bundle');
    const chunks = (await readdir(folder)).filter((f) => f.endsWith('.cjs'));
    expect(chunks.length).toBeGreaterThan(10);
    const naming = [];
    for (const chunk of chunks) if ((await readFile(path.join(folder, chunk), 'latin1')).includes(ROOT)) naming.push(chunk);
    expect(naming).toEqual([]);
  });
});
