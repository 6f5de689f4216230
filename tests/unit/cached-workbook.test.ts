/** The shape check of a workbook the parse cache gives back: every workbook read passes; every damaged shape is a miss. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCachedWorkbook } from '../../src/load/cached-workbook.js';
import { readWorkbook } from '../../src/load/spreadsheet/index.js';
import { DATA } from '../helpers/fixture.js';

/** A bundled ledger as the cache holds it: read, then through JSON. */
const ledger = (): Record<string, any> => JSON.parse(JSON.stringify(readWorkbook(readFileSync(path.join(DATA, '2023', '提案台账.xlsx')), '提案台账.xlsx')));

describe('isCachedWorkbook', () => {
  it('accepts the workbooks the reader gives, through JSON', () => {
    for (const name of ['提案台账.xlsx', '提案批示.xlsx']) {
      const read = readWorkbook(readFileSync(path.join(DATA, '2023', name)), name);
      expect(read.sheets.length).toBeGreaterThan(0);
      expect(isCachedWorkbook(JSON.parse(JSON.stringify(read)))).toBe(true);
    }
    // A date cell and a formula are shapes the reader gives too.
    const w = ledger();
    w.sheets[0].rows[1].cells[0] = { column: 1, letter: 'A', ref: 'A2', value: { kind: 'date', date: '2023-01-05', serial: 44931 }, text: '2023-01-05', formula: 'TODAY()' };
    expect(isCachedWorkbook(w)).toBe(true);
  });

  const damages: Array<[string, (w: Record<string, any>) => void]> = [
    ['no sheets', (w) => delete w.sheets],
    ['sheets not a list', (w) => (w.sheets = {})],
    ['a sheet without a name', (w) => delete w.sheets[0].name],
    ['a row number of 0', (w) => (w.sheets[0].rows[0].number = 0)],
    ['a row number as text', (w) => (w.sheets[0].rows[0].number = '1')],
    ['a cell that is a number', (w) => w.sheets[0].rows[0].cells.unshift(7)],
    ['a cell without its text', (w) => delete w.sheets[0].rows[0].cells[0].text],
    ['a cell whose value is a list', (w) => (w.sheets[0].rows[0].cells[0].value = [1])],
    ['a cell whose value is null', (w) => (w.sheets[0].rows[0].cells[0].value = null)],
    ['a date without its serial', (w) => (w.sheets[0].rows[0].cells[0].value = { kind: 'date', date: '2023-01-05' })],
    ['an unusable of another kind', (w) => (w.sheets[0].rows[0].cells[0].unusable = 'broken')],
    ['a fractional column', (w) => (w.sheets[0].rows[0].cells[0].column = 1.5)],
    ['merges missing', (w) => delete w.sheets[0].merges],
    ['a merge without its last cell', (w) => w.sheets[0].merges.push({ ref: 'A1:B1', first: { row: 1, column: 1 } })],
    ['a message of severity info', (w) => w.diagnostics.push({ code: 'RPT000', severity: 'info', message: 'x' })],
    ['a format that is a number', (w) => (w.format = 1)],
  ];
  it.each(damages)('refuses %s', (_what, damage) => {
    const w = ledger();
    damage(w);
    expect(isCachedWorkbook(w)).toBe(false);
  });

  it('refuses what is not a workbook at all', () => {
    for (const other of [null, 7, 'x', [ledger()], { sheets: [], diagnostics: [], format: null }]) expect(isCachedWorkbook(other)).toBe(false);
  });
});
