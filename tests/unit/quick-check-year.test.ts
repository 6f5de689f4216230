/**
 * A year checked with the quick checks (domain/quick-check.ts) and with zod alone gives the same
 * records (values and key order), totals and messages: on every year of data/ and examples/
 * (YAML files and the bundled ledgers), and on a copy of data/ with slips written into it. The
 * same for the year's single parts and organization.yaml (domain/shape.ts).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DATA, ROOT, tempDir } from '../helpers/fixture.js';

/** A value written out with its keys in order (records, totals, messages). */
function written(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(written).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${written(v)}`).join(',')}}`;
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
}

/** Every year of each folder, checked (schema, then records against each other). */
async function checkFolders(folders: readonly string[]): Promise<string[]> {
  const { loadData } = await import('../../src/load/data-folder.js');
  const { checkOrganization } = await import('../../src/validate/organization.js');
  const { checkYear } = await import('../../src/validate/year.js');
  const { crossCheck } = await import('../../src/validate/cross-check.js');
  const out: string[] = [];
  for (const dataDir of folders) {
    const data = loadData({ dataDir, cwd: dataDir, years: [2018, 2019, 2020, 2021, 2022, 2023] });
    const org = checkOrganization(data.organization);
    for (const [year, folder] of data.years) {
      const checked = checkYear(folder, year, org.organization, org.vocabulary);
      const { records, totals, members } = checked.records;
      out.push(written({ dataDir, year, records, totals, members, refused: [...checked.records.refusedIds], diagnostics: checked.diagnostics, cross: crossCheck(checked.records) }));
    }
  }
  return out;
}

/** data/ with slips in its records: dates, flags, ids, keys, choices, blanks, and a duplicate id. */
async function withSlips(): Promise<string> {
  const dir = path.join(await tempDir(), 'data');
  await cp(DATA, dir, { recursive: true });
  const edit = async (file: string, pairs: Array<[RegExp, string]>) => {
    let text = await readFile(path.join(dir, file), 'utf8');
    for (const [from, to] of pairs) text = text.replace(from, to);
    await writeFile(path.join(dir, file), text);
  };
  await edit('2023/information.yaml', [
    [/date: 2023-01-15/, 'date: 2023-2-30'],
    [/date: 2023-01-16, submitted: true\}/, 'date: 2023.1.16, submitted: 是}'],
    [/\{id: I2023-013, /, '{id: I2023 013, '],
    [/date: 2023-01-23, submitted: true\}/, 'date: 2023-01-23, submitted: true, 备注: x}'],
    [/adoptionForm: 单篇\}/, 'adoptionForm: 单独}'],
    [/\{id: I2023-019, /, '{id: I2023-018, '],
    [/submitted: false\}/g, 'submitted: null}'],
  ]);
  await edit('2023/members.yaml', [[/standing: 61/, 'standing: 61.5']]);
  await edit('2023/sitting.yaml', [
    [/session: 2/, 'session: 二'],
    [/date: 2024-01-08/, 'date: 2024年1月8日'],
  ]);
  await edit('2023/meetings.yaml', [
    [/date: 2023-01-05/, 'date: 2022-12-05'],
    [/date: 2023-01-08/, 'date: [2023-01-08]'],
  ]);
  return dir;
}

describe('a year checked with quick checks and with zod alone', () => {
  it('gives the same records, totals and messages', async () => {
    const folders = [DATA, path.join(ROOT, 'examples', 'county-2023'), path.join(ROOT, 'examples', 'panjin-2022'), path.join(ROOT, 'examples', 'term-2018-2022'), await withSlips()];
    const quick = await checkFolders(folders);
    vi.resetModules();
    vi.doMock('../../src/domain/fields.js', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../src/domain/fields.js')>()), quickRecord: () => undefined }));
    // The declared shapes (organization, sitting, members, totals) without their quick checks: zod decides.
    vi.doMock('../../src/domain/shape.js', async (importOriginal) => {
      const original = await importOriginal<typeof import('../../src/domain/shape.js')>();
      const { UNSURE } = await import('../../src/domain/quick-check.js');
      return { ...original, declare: (build: Parameters<typeof original.declare>[0]) => Object.create(original.declare(build), { quick: { value: () => UNSURE } }) };
    });
    try {
      const zodOnly = await checkFolders(folders);
      expect(zodOnly).toHaveLength(quick.length);
      quick.forEach((q, i) => expect(q).toBe(zodOnly[i]));
    } finally {
      vi.doUnmock('../../src/domain/fields.js');
      vi.doUnmock('../../src/domain/shape.js');
      vi.resetModules();
    }
    // The slips were there to be reported.
    expect(quick.at(-1)).toContain('RPT205');
    expect(quick.at(-1)).toContain('RPT301');
  });
});
