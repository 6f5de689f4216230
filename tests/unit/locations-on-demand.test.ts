/**
 * A record's place in its file is looked up only for a problem. Finding a place in a long
 * ledger means parsing the record again with positions: done for every record of clean data, a
 * national-size validate (6,000 proposals, 50,000 information items) spent three quarters of its
 * time placing problems that did not exist.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Origin, YearRecords } from '../../src/domain/record-kind.js';
import { RECORD_KINDS } from '../../src/domain/registry.js';
import { loadData } from '../../src/load/data-folder.js';
import { crossCheck } from '../../src/validate/cross-check.js';
import { checkSource } from '../../src/validate/source.js';
import { DATA, ROOT } from '../helpers/fixture.js';

/** The bundled data's 2023 records, checked, with every origin counting the places it is asked for. */
function countingYear(): { year: YearRecords; asked: () => number } {
  const data = loadData({ dataDir: DATA, cwd: ROOT, years: [2022, 2023] });
  const { source } = checkSource(data, { dataDir: DATA, year: 2023, years: [2022, 2023], folders: [] }, []);
  const year = source.years.get(2023)!.records;
  let asked = 0;
  const origins = new WeakMap<object, Origin>();
  const objects = [...RECORD_KINDS.flatMap((k) => year.records[k.key] ?? []), ...Object.values(year.totals), ...(year.members ? [year.members] : [])];
  for (const object of objects) {
    const origin = year.origins.get(object);
    if (origin) origins.set(object, { locate: (field, asKey) => (asked++, origin.locate(field, asKey)) });
  }
  expect(objects.length).toBeGreaterThan(500);
  return { year: { ...year, origins }, asked: () => asked };
}

describe('places of records, on demand', () => {
  it('are never looked up for clean data', () => {
    const { year, asked } = countingYear();
    expect(crossCheck(year)).toEqual([]);
    expect(asked()).toBe(0);
  });

  it('are looked up for the records that have a problem, and only for them', () => {
    const { year, asked } = countingYear();
    const proposals = year.records.proposals!;
    const original = proposals[7]!;
    proposals[7] = { ...original, category: '经济发展' };
    year.origins.set(proposals[7]!, year.origins.get(original)!);
    const problems = crossCheck(year);
    expect(problems.map((d) => [d.code, d.file])).toEqual([['RPT306', path.join('data', '2023', '提案台账.xlsx')]]);
    expect(asked()).toBe(1);
  });
});
