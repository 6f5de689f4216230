/**
 * A workbook as the parse cache keeps it: every workbook read comes back through JSON as it was,
 * cell for cell; every damaged shape is a miss.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKeptWorkbook, keptWorkbook, workbookFromKept } from '../../src/load/cached-workbook.js';
import { readWorkbook, type Workbook } from '../../src/load/spreadsheet/index.js';
import { DATA } from '../helpers/fixture.js';

const read = (name: string): Workbook => readWorkbook(readFileSync(path.join(DATA, '2023', name)), name);
/** A bundled ledger as the cache holds it: kept, then through JSON. */
const ledger = (): Record<string, any> => JSON.parse(JSON.stringify(keptWorkbook(read('提案台账.xlsx'))));

describe('the kept workbook', () => {
  it('gives back the workbooks the reader gives, through JSON, each cell in the same shape', () => {
    for (const name of ['提案台账.xlsx', '提案批示.xlsx']) {
      const workbook = read(name);
      expect(workbook.sheets.length).toBeGreaterThan(0);
      const kept = JSON.parse(JSON.stringify(keptWorkbook(workbook)));
      expect(isKeptWorkbook(kept)).toBe(true);
      const back = workbookFromKept(kept);
      expect(back).toEqual(workbook);
      // The same keys in the same order: what serializes a cell later sees no difference.
      expect(JSON.stringify(back)).toBe(JSON.stringify(workbook));
      // A fraction of the JSON of the cells themselves.
      expect(JSON.stringify(kept).length).toBeLessThan(JSON.stringify(workbook).length / 2);
    }
  });

  it('keeps a date, a number shown otherwise, a formula and an unusable cell', () => {
    const workbook: Workbook = {
      sheets: [
        {
          name: '提案',
          rows: [
            {
              number: 2,
              cells: [
                { column: 1, letter: 'A', ref: 'A2', value: { kind: 'date', date: '2023-01-05', serial: 44931 }, text: '2023-01-05', formula: 'TODAY()' },
                { column: 2, letter: 'B', ref: 'B2', value: 1234, text: '1,234' },
                { column: 3, letter: 'C', ref: 'C2', value: '#N/A', text: '#N/A', unusable: 'error' },
                { column: 28, letter: 'AB', ref: 'AB2', value: '', text: '', formula: 'SUM(A1:A2)', unusable: 'formula-without-value' },
                { column: 29, letter: 'AC', ref: 'AC2', value: true, text: 'TRUE' },
              ],
            },
          ],
          merges: [{ ref: 'A1:B1', first: { row: 1, column: 1 }, last: { row: 1, column: 2 } }],
        },
      ],
      diagnostics: [],
      format: 'xlsx',
    };
    const kept = JSON.parse(JSON.stringify(keptWorkbook(workbook)));
    expect(isKeptWorkbook(kept)).toBe(true);
    expect(JSON.stringify(workbookFromKept(kept))).toBe(JSON.stringify(workbook));
  });

  const damages: Array<[string, (w: Record<string, any>) => void]> = [
    ['no sheets', (w) => delete w.sheets],
    ['sheets not a list', (w) => (w.sheets = {})],
    ['a sheet without a name', (w) => delete w.sheets[0].name],
    ['a row number of 0', (w) => (w.sheets[0].rows[0][0] = 0)],
    ['a row number as text', (w) => (w.sheets[0].rows[0][0] = '1')],
    ['a row without its cells', (w) => w.sheets[0].rows[0].pop()],
    ['a cell that is a number', (w) => w.sheets[0].rows[0][1].unshift(7)],
    ['a cell without its value', (w) => (w.sheets[0].rows[0][1][0] = [1])],
    ['a number without its text', (w) => (w.sheets[0].rows[0][1][0] = [1, 7])],
    ['a cell whose value is a list', (w) => (w.sheets[0].rows[0][1][0][1] = [1])],
    ['a cell whose value is null', (w) => (w.sheets[0].rows[0][1][0][1] = null)],
    ['a date without its serial', (w) => (w.sheets[0].rows[0][1][0] = [1, { kind: 'date', date: '2023-01-05' }, '2023-01-05'])],
    ['an unusable of another kind', (w) => (w.sheets[0].rows[0][1][0] = [1, 'x', null, null, 'broken'])],
    ['a cell of six fields', (w) => (w.sheets[0].rows[0][1][0] = [1, 'x', null, null, 'error', 1])],
    ['a fractional column', (w) => (w.sheets[0].rows[0][1][0][0] = 1.5)],
    ['merges missing', (w) => delete w.sheets[0].merges],
    ['a merge without its last cell', (w) => w.sheets[0].merges.push({ ref: 'A1:B1', first: { row: 1, column: 1 } })],
    ['a message of severity info', (w) => w.diagnostics.push({ code: 'RPT000', severity: 'info', message: 'x' })],
    ['a format that is a number', (w) => (w.format = 1)],
  ];
  it.each(damages)('refuses %s', (_what, damage) => {
    const w = ledger();
    expect(isKeptWorkbook(w)).toBe(true);
    damage(w);
    expect(isKeptWorkbook(w)).toBe(false);
  });

  it('refuses what is not a kept workbook at all, a workbook as the reader gives it among them', () => {
    for (const other of [null, 7, 'x', [ledger()], { sheets: [], diagnostics: [], format: null }, JSON.parse(JSON.stringify(read('提案台账.xlsx')))]) expect(isKeptWorkbook(other)).toBe(false);
  });
});
