/**
 * A clean run builds no zod schema, so it makes no zod parse: every value of the bundled data
 * (organization.yaml, the sitting, members, totals, every record, report.yaml, the layout file)
 * is vouched for by its quick check (domain/quick-check.ts, domain/shape.ts). Every module reaches
 * zod through domain/zod.ts, which the test replaces with one that counts the calls. A slip in a
 * file still reaches zod, which writes the message as before.
 */
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATA, edit, tempDir } from '../helpers/fixture.js';

const asked = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/domain/zod.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/domain/zod.js')>();
  return { zod: () => (asked.count++, original.zod()) };
});

/** `report` in a module graph of its own: no schema built by an earlier run (schemas are kept once built). */
async function freshReport() {
  vi.resetModules();
  asked.count = 0;
  return (await import('../helpers/report.js')).report;
}

/** A copy of data/ with a report.yaml and a layout file, in a working folder of its own. */
async function project(): Promise<string> {
  const cwd = await tempDir();
  await cp(DATA, path.join(cwd, 'data'), { recursive: true });
  await writeFile(path.join(cwd, 'report.yaml'), 'data: data\nout: out\nformats: [md, docx]\n');
  await writeFile(path.join(cwd, 'data', 'layout.yaml'), 'page:\n  marginsMm: {top: 37, bottom: 35}\nparagraphs:\n  body: {sizePt: 16, eastAsiaFont: 仿宋_GB2312}\ntraditionalFonts: {仿宋_GB2312: 仿宋}\n');
  return cwd;
}

describe('a clean run', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await project();
  });
  afterAll(() => vi.doUnmock('../../src/domain/zod.js'));

  it('validates and builds the bundled year without building a zod schema', async () => {
    const report = await freshReport();
    const validate = await report(['validate', '2023', '--no-cache'], { cwd });
    expect(validate.code, validate.stderr).toBe(0);
    const build = await report(['build', '2023', '--no-cache'], { cwd });
    expect(build.code, build.stderr).toBe(0);
    expect(asked.count).toBe(0);
  });

  it('reaches zod for a slip, and zod says what is wrong', async () => {
    const slipped = await project();
    await edit(path.join(slipped, 'data', '2023', 'members.yaml'), 'total: 326', 'total: -326');
    const report = await freshReport();
    const validate = await report(['validate', '2023', '--no-cache'], { cwd: slipped });
    expect(validate.code).toBe(1);
    expect(validate.stdout + validate.stderr).toContain('members.yaml');
    expect(asked.count).toBeGreaterThan(0);
  });

  it('reaches zod for a slip in the layout file, which is reported and left at its default', async () => {
    const slipped = await project();
    await edit(path.join(slipped, 'data', 'layout.yaml'), 'sizePt: 16', 'sizePt: 16.3');
    const report = await freshReport();
    const build = await report(['build', '2023', '--no-cache'], { cwd: slipped });
    expect(build.stdout + build.stderr).toContain('sizePt');
    expect(asked.count).toBeGreaterThan(0);
  });
});
