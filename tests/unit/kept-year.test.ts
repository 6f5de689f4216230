/**
 * A year's checks as the parse cache keeps them (validate/kept-year.ts), and each YAML file's
 * check, kept by the file (validate/yaml-file.ts): back through JSON they make the same records,
 * problems and origins as checking the files again; a damaged shape is a miss.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/load/data-folder.js';
import type { ParsedYaml } from '../../src/load/yaml.js';
import { checkOrganization } from '../../src/validate/organization.js';
import { isKeptChecks } from '../../src/validate/kept-year.js';
import { checkYamlFile, isKeptFilePart } from '../../src/validate/yaml-file.js';
import { checkYamlFiles, checkYear, yearFromParts } from '../../src/validate/year.js';
import { DATA } from '../helpers/fixture.js';

const data = loadData({ dataDir: DATA, cwd: path.dirname(DATA), years: [2023] });
const folder = data.years.get(2023)!;
const { organization, vocabulary } = checkOrganization(data.organization);
/** Each file's check as the parse cache gives it back. */
const kept = (): Array<Record<string, any>> => folder.yaml.map((f) => JSON.parse(JSON.stringify(checkYamlFile(f, organization, vocabulary))));
const checks = (): Record<string, any> => {
  const { sitting, emptyLists, sittingFiles } = checkYamlFiles(folder, organization, vocabulary);
  return JSON.parse(JSON.stringify({ found: [], diagnostics: [], sitting, emptyLists, sittingFiles, headerRows: [['data/2023/提案台账.xlsx\u0000提案', 1]], absent: { proposals: { leadUnits: { column: '主办单位', file: 'data/2023/提案台账.xlsx', sheet: '提案' } } } }));
};
/** The folder with each YAML file's check served by `parts` (as the parse cache serves it), and what was kept again. */
const servedBy = (parts: Array<Record<string, any>>) => {
  const keptAgain: unknown[] = [];
  const yaml = folder.yaml.map((f, i): ParsedYaml => ({ ...f, checkedBefore: { find: () => parts[i], keep: (_inputs, part) => keptAgain.push(part) } }));
  return { folder: { ...folder, yaml }, keptAgain };
};

describe('a kept year', () => {
  it('comes back through JSON, file by file, as the records checked, each origin at the same place', () => {
    const checked = checkYear(folder, 2023, organization, vocabulary);
    const parts = kept();
    expect(parts.every(isKeptFilePart)).toBe(true);
    expect(isKeptChecks(checks(), folder.yaml.length)).toBe(true);
    const served = servedBy(parts);
    const back = yearFromParts(checkYamlFiles(served.folder, organization, vocabulary), served.folder, 2023, organization, vocabulary);
    expect(served.keptAgain).toEqual([]);
    expect(Object.values(back.records.records).flat().length).toBeGreaterThan(50);
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

  it('takes each file as it was kept, not checked again', () => {
    const parts = kept();
    const meetings = folder.yaml.findIndex((f) => f.file.display.endsWith('meetings.yaml'));
    const list = parts[meetings]!.keys.find((k: Record<string, unknown>) => k.list === 'meetings');
    list.records[0].topic = '由缓存给出';
    const served = servedBy(parts);
    const back = checkYamlFiles(served.folder, organization, vocabulary);
    expect(back.records.find(([key, file, index]) => key === 'meetings' && file === meetings && index === list.indexes[0])?.[3].topic).toBe('由缓存给出');
  });

  it('checks again, and keeps, a file whose kept check is damaged', () => {
    const parts = kept();
    const meetings = folder.yaml.findIndex((f) => f.file.display.endsWith('meetings.yaml'));
    parts[meetings]!.keys.find((k: Record<string, unknown>) => k.list === 'meetings').records = 'damaged';
    const served = servedBy(parts);
    expect(checkYamlFiles(served.folder, organization, vocabulary)).toEqual(checkYamlFiles(folder, organization, vocabulary));
    expect(served.keptAgain).toEqual([kept()[meetings]]);
  });

  it("checks a file once while it and the settings are the same (a watch session's save checks the file saved)", () => {
    const first = checkYamlFiles(folder, organization, vocabulary);
    const again = checkYamlFiles(folder, organization, vocabulary);
    expect(again.records.length).toBeGreaterThan(50);
    again.records.forEach(([, , , record], i) => expect(record).toBe(first.records[i]![3]));
    // Other settings: every file checked again, to records of their own.
    const other = checkYamlFiles(folder, organization, { ...vocabulary, meetingKinds: [...vocabulary.meetingKinds, '读书会'] });
    expect(other.records).toEqual(first.records);
    other.records.forEach(([, , , record], i) => expect(record).not.toBe(first.records[i]![3]));
  });

  const damages: Array<[string, (k: Record<string, any>) => void]> = [
    ['no keys', (k) => delete k.keys],
    ['a list of an unknown kind', (k) => (k.keys.find((e: any) => 'list' in e).list = 'petitions')],
    ['a record at a negative index', (k) => (k.keys.find((e: any) => 'list' in e).indexes[0] = -1)],
    ['a record that is a list', (k) => (k.keys.find((e: any) => 'list' in e).records[0] = [])],
    ['a record without its index', (k) => k.keys.find((e: any) => 'list' in e).indexes.pop()],
    ['a list without its emptiness', (k) => delete k.keys.find((e: any) => 'list' in e).empty],
    ['a part written once of an unknown name', (k) => k.keys.push({ single: 'chair', value: null, diagnostics: [] })],
    ['a part written once that is text', (k) => k.keys.push({ single: 'sitting', value: '2024-01-10', diagnostics: [] })],
    ['an entry with more than its problems', (k) => k.keys.push({ diagnostics: [], key: 'x' })],
    ['a refused id that is a number', (k) => k.refused.push(7)],
    ['a problem without its code', (k) => k.keys[0].diagnostics.push({ severity: 'warning', message: '…' })],
    ['whether it writes a sitting, as text', (k) => (k.writesSitting = 'no')],
  ];
  it.each(damages)('is refused with %s', (_what, damage) => {
    const parts = kept();
    const withRecords = parts.find((p) => p.keys.some((e: any) => 'list' in e && e.records.length > 0))!;
    expect(isKeptFilePart(withRecords)).toBe(true);
    damage(withRecords);
    expect(isKeptFilePart(withRecords)).toBe(false);
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
