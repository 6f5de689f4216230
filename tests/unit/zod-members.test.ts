/**
 * The bundle keeps only the members of zod the sources call (scripts/zod-members.mjs finds them
 * in the text; scripts/bundle.mjs re-exports them). Here every schema is built and every kind of
 * problem checked with a zod that records what is asked of it: each member asked for must be
 * among those found, or the bundle would hand the code `undefined` on that path.
 */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { zodMembersUsed } from '../../scripts/zod-members.mjs';
import { DATA, edit, ROOT, tempDir } from '../helpers/fixture.js';

const asked = vi.hoisted(() => new Set<string>());
vi.mock('../../src/domain/zod.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/domain/zod.js')>();
  const recording = new Proxy(original.zod(), { get: (target, name) => (typeof name === 'string' && asked.add(name), Reflect.get(target, name)) });
  return { zod: () => recording };
});

describe('the members of zod the bundle keeps', () => {
  it('are all the code asks for: building every schema, and checking slips of every kind', async () => {
    // Fresh copies of the sources: test files share a worker's modules, and a schema another file
    // had built already would ask zod for nothing here.
    vi.resetModules();
    const { jsonSchemas } = await import('../../src/schema/json-schema.js');
    const { resolveLayout } = await import('../../src/validate/resolve-layout.js');
    const { report } = await import('../helpers/report.js');
    expect(jsonSchemas()).toHaveLength(5);
    resolveLayout({ paragraphs: { body: { sizePt: 16.3, alignment: 'middle', eastAsiaFont: ' ' } }, page: { widthMm: -1 }, pageNumber: { format: 'x' }, traditionalFonts: { ' ': 'x' }, fontFallbacks: { a: 'b' }, x: 1 });
    const cwd = await tempDir();
    const data = path.join(cwd, 'data');
    await cp(DATA, data, { recursive: true });
    await writeFile(path.join(cwd, 'report.yaml'), 'formats: [rtf]\nx: 1\n');
    await edit(path.join(data, '2023', 'members.yaml'), 'total: 326', 'total: -326');
    await edit(path.join(data, '2023', 'sitting.yaml'), 'session: 2', 'session: 二');
    await edit(path.join(data, '2023', 'meetings.yaml'), 'date: 2023-01-05', 'date: 2023-2-30');
    await writeFile(path.join(data, '2023', 'totals.yaml'), 'totals:\n  proposals: {received: -1, x: 1}\n');
    expect((await report(['validate', '2023', '--no-cache'], { cwd })).code).toBe(1);
    expect((await report(['validate', '2023', '--no-cache', '--data', data], { cwd: ROOT })).code).toBe(1);
    await edit(path.join(data, 'organization.yaml'), 'level: 市', 'level: 市\n  levels: 省');
    expect((await report(['validate', '2023', '--no-cache', '--data', data], { cwd: ROOT })).code).toBe(1);
    const kept = zodMembersUsed(path.join(ROOT, 'src'));
    expect([...asked].filter((name) => !kept.includes(name))).toEqual([]);
    // What the checks above reached, so that the comparison is not empty.
    expect([...asked]).toEqual(expect.arrayContaining(['strictObject', 'string', 'union', 'enum', 'record', 'iso', 'toJSONSchema', 'locales']));
  });
});
