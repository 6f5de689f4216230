// The cache of YAML values and compiled templates (src/cache/) only saves time: outputs and
// diagnostics are the same with it, without it, and with a damaged one.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, edit, lineOf, tempDir } from '../helpers/fixture.js';

async function outputs(out: string): Promise<{ md: Buffer; docx: Buffer }> {
  return { md: await readFile(path.join(out, '2023', 'report.md')), docx: await readFile(path.join(out, '2023', 'report.docx')) };
}

function packs(folder: string): string[] {
  return readdirSync(folder).filter((f) => f.endsWith('.json'));
}

describe('the cache', () => {
  it('gives byte-identical outputs when filled, when used and when off, and --no-cache leaves it alone', async () => {
    const data = await copyFixture('minimal');
    const cache = await tempDir();
    const env = { REPORT_CACHE_DIR: cache };
    const [off, filling, using] = [await tempDir(), await tempDir(), await tempDir()];

    expect((await runCli(['build', '2023', '--data', data, '--out', off, '--no-cache'], { env })).code).toBe(0);
    expect(packs(cache)).toEqual([]);
    expect((await runCli(['build', '2023', '--data', data, '--out', filling], { env })).code).toBe(0);
    expect(packs(cache)).toHaveLength(1);
    const pack = JSON.parse(readFileSync(path.join(cache, packs(cache)[0]!), 'utf8')) as { entries: Record<string, string> };
    const kinds = Object.keys(pack.entries).map((k) => k.split(':')[0]);
    // The fixture's YAML files; templates are compiled from their text every time, never kept.
    expect(kinds.filter((k) => k === 'yaml').length).toBe(readdirSync(path.join(data, '2023')).length + readdirSync(path.join(data, '2022')).length + 1);
    expect(kinds.filter((k) => k === 'template').length).toBe(0);
    expect((await runCli(['build', '2023', '--data', data, '--out', using], { env })).code).toBe(0);

    const expected = await outputs(off);
    expect(await outputs(filling)).toEqual(expected);
    expect(await outputs(using)).toEqual(expected);
  });

  it('names a figure the data no longer supplies at its line and column, as without the cache', async () => {
    const data = await copyFixture('minimal');
    const env = { REPORT_CACHE_DIR: await tempDir() };
    expect((await runCli(['validate', '2023', '--data', data], { env })).code).toBe(0);
    // The narrative is unchanged (its compiled prose comes from the cache); the meeting it cites is gone.
    await edit(path.join(data, '2023', 'meetings.yaml'), 'id: digital,', 'id: digital-economy,');
    const cached = await runCli(['validate', '2023', '--data', data, '--format', 'json'], { env });
    const plain = await runCli(['validate', '2023', '--data', data, '--format', 'json', '--no-cache'], { env });
    expect(cached.code).toBe(1);
    expect(cached.stdout).toBe(plain.stdout);
    const line = await lineOf(path.join(data, '2023', 'narrative.yaml'), 'meetings.byId.digital.topic');
    expect(cached.stdout).toContain(`"line":${line}`);
    expect(cached.stdout).toContain('meetings.byId.digital.topic');
  });

  it('reads a damaged pack as empty, and a cache folder it cannot write costs nothing but time', async () => {
    const data = await copyFixture('minimal');
    const cache = await tempDir();
    const env = { REPORT_CACHE_DIR: cache };
    const [first, damaged, unwritable] = [await tempDir(), await tempDir(), await tempDir()];
    expect((await runCli(['build', '2023', '--data', data, '--out', first], { env })).code).toBe(0);
    const file = path.join(cache, packs(cache)[0]!);
    const pack = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, string> };
    for (const key of Object.keys(pack.entries)) pack.entries[key] = key.startsWith('yaml:') ? '{"broken":' : JSON.stringify({ spec: 'return }', partials: [] });
    writeFileSync(file, JSON.stringify(pack));
    expect((await runCli(['build', '2023', '--data', data, '--out', damaged], { env })).code).toBe(0);
    expect(await outputs(damaged)).toEqual(await outputs(first));

    // A file where the cache folder should be.
    const blocker = path.join(cache, 'not-a-folder');
    writeFileSync(blocker, '');
    const run = await runCli(['build', '2023', '--data', data, '--out', unwritable], { env: { REPORT_CACHE_DIR: blocker } });
    expect(run.code).toBe(0);
    expect(await outputs(unwritable)).toEqual(await outputs(first));
  });
});
