/**
 * A year's checked records as the parse cache keeps them (validate/kept-year.ts): back through
 * JSON they make the same records, problems and origins as checking the files again; a damaged
 * shape is a miss.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/load/data-folder.js';
import { checkOrganization } from '../../src/validate/organization.js';
import { isKeptChecks, isKeptRecords } from '../../src/validate/kept-year.js';
import { checkYamlFiles, checkYear, yearFromParts } from '../../src/validate/year.js';
import { DATA } from '../helpers/fixture.js';

const data = loadData({ dataDir: DATA, cwd: path.dirname(DATA), years: [2023] });
const folder = data.years.get(2023)!;
const { organization, vocabulary } = checkOrganization(data.organization);
const kept = (): Record<string, any> => JSON.parse(JSON.stringify({ yaml: checkYamlFiles(folder, organization, vocabulary) }));
const checks = (): Record<string, any> => {
  const { sitting, emptyLists, sittingFiles } = checkYamlFiles(folder, organization, vocabulary);
  return JSON.parse(JSON.stringify({ found: [], diagnostics: [], sitting, emptyLists, sittingFiles, headerRows: [['data/2023/提案台账.xlsx\u0000提案', 1]], absent: { proposals: { leadUnits: { column: '主办单位', file: 'data/2023/提案台账.xlsx', sheet: '提案' } } } }));
};

describe('a kept year', () => {
  it('comes back through JSON as the records checked, each origin at the same place', () => {
    const checked = checkYear(folder, 2023, organization, vocabulary);
    const data = kept();
    expect(isKeptRecords(data, folder.yaml.length)).toBe(true);
    expect(isKeptChecks(checks(), folder.yaml.length)).toBe(true);
    expect(data.yaml.records.length).toBeGreaterThan(50);
    const back = yearFromParts(data.yaml, folder, 2023, organization, vocabulary);
    expect(back.records.records).toEqual(checked.records.records);
    expect(back.records.totals).toEqual(checked.records.totals);
    expect(back.records.members).toEqual(checked.records.members);
    expect([...back.records.refusedIds]).toEqual([...checked.records.refusedIds]);
    expect(back.records.absent).toEqual(checked.records.absent);
    expect(back.sitting).toEqual(checked.sitting);
    expect(back.sittingOrigin?.locate('date')).toEqual(checked.sittingOrigin?.locate('date'));
    expect(back.sittingFiles.map((f) => f.file.display)).toEqual(checked.sittingFiles.map((f) => f.file.display));
    expect(back.diagnostics).toEqual(checked.diagnostics);
    expect([...back.headerRows]).toEqual([...checked.headerRows]);
    for (const [kind, list] of Object.entries(checked.records.records)) {
      list.forEach((record, i) => {
        const again = back.records.records[kind]![i]!;
        for (const field of [undefined, 'id', 'date']) expect(back.records.origins.get(again)?.locate(field)).toEqual(checked.records.origins.get(record)?.locate(field));
      });
    }
    for (const [kind, totals] of Object.entries(checked.records.totals)) expect(back.records.origins.get(back.records.totals[kind]!)?.locate()).toEqual(checked.records.origins.get(totals)?.locate());
  });

  const damages: Array<[string, (k: Record<string, any>) => void]> = [
    ['no records', (k) => delete k.yaml.records],
    ['a record of an unknown kind', (k) => (k.yaml.records[0][0] = 'petitions')],
    ['a record in a file the folder has not', (k) => (k.yaml.records[0][1] = 99)],
    ['a record at a negative index', (k) => (k.yaml.records[0][2] = -1)],
    ['a record that is a list', (k) => (k.yaml.records[0][3] = [])],
    ['totals without their file', (k) => k.yaml.totals.push(['proposals', { received: 1 }])],
    ['a sitting that is text', (k) => (k.yaml.sitting = [0, '2024-01-10'])],
    ['a refused id that is a number', (k) => k.yaml.refused.push(7)],
    ['a problem without its code', (k) => k.yaml.diagnostics.push({ severity: 'warning', message: '…' })],
  ];
  it.each(damages)('is refused with %s', (_what, damage) => {
    const data = kept();
    damage(data);
    expect(isKeptRecords(data, folder.yaml.length)).toBe(false);
  });

  const checkDamages: Array<[string, (k: Record<string, any>) => void]> = [
    ['a found problem of an unknown severity', (k) => k.found.push({ code: 'RPT311', severity: 'notice', message: '…' })],
    ['no found problems', (k) => delete k.found],
    ['a header row numbered 0', (k) => (k.headerRows[0][1] = 0)],
    ['a list written empty in a file the folder has not', (k) => k.emptyLists.push(['meetings', 99])],
    ['a sitting file that is a name', (k) => k.sittingFiles.push('sitting.yaml')],
    ['an absent column without its sheet', (k) => delete k.absent.proposals.leadUnits.sheet],
  ];
  it.each(checkDamages)('has its checks refused with %s', (_what, damage) => {
    const data = checks();
    damage(data);
    expect(isKeptChecks(data, folder.yaml.length)).toBe(false);
  });
});
