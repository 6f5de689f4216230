/**
 * A ledger's checked rows as the parse cache keeps them (validate/sheet-records.ts): back through
 * JSON they are the same records, problems and places, and each record's origin points at the same
 * cell; a damaged shape is a miss.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY } from '../../src/domain/vocabulary.js';
import { readWorkbook } from '../../src/load/spreadsheet/index.js';
import { isKeptSheetRows, keptSheetRows, sheetRecords, sheetRowsFromKept } from '../../src/validate/sheet-records.js';
import { DATA } from '../helpers/fixture.js';

const display = 'data/2023/提案台账.xlsx';
const rows = () => sheetRecords({ display, sheets: readWorkbook(readFileSync(path.join(DATA, '2023', '提案台账.xlsx')), display).sheets }, DEFAULT_VOCABULARY, undefined);
const kept = (): Record<string, any> => JSON.parse(JSON.stringify(keptSheetRows(rows())));

describe('kept sheet rows', () => {
  it('come back through JSON as the rows checked, each origin at the same cell', () => {
    const checked = rows();
    expect(checked.records.length).toBeGreaterThan(100);
    const data = kept();
    expect(isKeptSheetRows(data)).toBe(true);
    // The columns of a table are kept once, not with every record.
    expect(data.columns.length).toBeLessThan(5);
    const back = sheetRowsFromKept(data as never, display);
    expect(back.records.map((r) => [r.kind, r.record])).toEqual(checked.records.map((r) => [r.kind, r.record]));
    for (const field of [undefined, 'id', 'title', 'handled']) {
      expect(back.records.map((r) => r.origin.locate(field))).toEqual(checked.records.map((r) => r.origin.locate(field)));
    }
    expect(back.diagnostics).toEqual(checked.diagnostics);
    expect(back.refused).toEqual(checked.refused);
    expect(back.headerRows).toEqual(checked.headerRows);
    expect(back.coverage).toEqual(checked.coverage);
  });

  const damages: Array<[string, (k: Record<string, any>) => void]> = [
    ['no records', (k) => delete k.records],
    ['a record of an unknown kind', (k) => (k.records[0].kind = 'petitions')],
    ['a record that is a list', (k) => (k.records[0].record = [])],
    ['a record without its sheet', (k) => delete k.records[0].sheet],
    ['a record at row 0', (k) => (k.records[0].row = 0)],
    ['a record whose columns are not there', (k) => (k.records[0].columns = k.columns.length)],
    ['a column without its letter', (k) => delete Object.values(k.columns[0] as Record<string, any>)[0].letter],
    ['a message of another severity', (k) => k.diagnostics.push({ code: 'RPT000', severity: 'note', message: 'x' })],
    ['a header row as text', (k) => k.headerRows.push(['提案', '1'])],
    ['coverage of no sheet', (k) => delete k.coverage[0].sheet],
  ];
  it.each(damages)('refuses %s', (_what, damage) => {
    const data = kept();
    expect(isKeptSheetRows(data)).toBe(true);
    damage(data);
    expect(isKeptSheetRows(data)).toBe(false);
  });
});
