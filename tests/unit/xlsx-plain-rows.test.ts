/**
 * Rows of the plain shape ledgers are written in are read by one pattern a cell (xlsx-sheet.ts's
 * readPlainRow); every row is also readable the general way. The two must give the same rows and
 * merges, or both decline, on every workbook of the project and on random sheets mixing plain
 * rows with rows just outside the shape: attributes the library would read as `r`, missing `r`,
 * other cell types, formulas, spaces between cells, a later cell at the same place, references
 * past the sheet's last row or column.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/spreadsheet/types.js';
import { type BookParts, Decline, readSheetXml } from '../../src/load/spreadsheet/xlsx-sheet.js';
import { openZip } from '../../src/load/spreadsheet/zip-guard.js';
import { ROOT } from '../helpers/fixture.js';

/** Style 0 General, 1 a date format, 2 `000` (not handled: declines a number), 3 text. */
const BOOK: BookParts = { strings: ['提案', '', undefined, '委员', '1'], formats: ['General', 'yyyy-mm-dd', '000', '@'], date1904: false };

type Outcome = { read: ReturnType<typeof readSheetXml> } | 'declined';

function outcome(xml: string, book: BookParts, plainRows: boolean): Outcome {
  try {
    return { read: readSheetXml(xml, book, { plainRows }) };
  } catch (error) {
    if (error instanceof Decline) return 'declined';
    throw error;
  }
}

/** Both ways on one sheet; whether the plain way read any row (it returns the same either way). */
function compare(xml: string, book: BookParts): Outcome {
  const plain = outcome(xml, book, true);
  expect(plain, xml.slice(0, 300)).toStrictEqual(outcome(xml, book, false));
  return plain;
}

const plainCell = fc
  .record({
    column: fc.constantFrom('A', 'B', 'C', 'Z', 'AA', 'XFD', 'XFE', 'ZZZ'),
    row: fc.constantFrom(1, 2, 3, 9, 1048576, 1048577),
    s: fc.option(fc.constantFrom('0', '1', '2', '3', '4', '01'), { nil: undefined }),
    t: fc.option(fc.constantFrom('s', 'n'), { nil: undefined }),
    v: fc.option(fc.constantFrom('0', '1', '3', '4', '5', '44990', '-2.5', '1e3', '', 'x', 'inf', '07'), { nil: undefined }),
    selfClosing: fc.boolean(),
  })
  .map((c) => {
    const head = `<c r="${c.column}${c.row}"${c.s === undefined ? '' : ` s="${c.s}"`}${c.t === undefined ? '' : ` t="${c.t}"`}`;
    if (c.selfClosing && c.v === undefined) return head + '/>';
    return `${head}>${c.v === undefined ? '' : `<v>${c.v}</v>`}</c>`;
  });
/** Cells just outside the plain shape. */
const otherCell = fc.constantFrom(
  '<c t="s"><v>0</v></c>',
  '<c r="B2" t="str"><v>文字</v></c>',
  '<c r="B2" t="b"><v>1</v></c>',
  '<c r="B2"><f>1+1</f><v>2</v></c>',
  '<c r="B2" t="inlineStr"><is><t>行内</t></is></c>',
  '<c t="s" r="B2"><v>0</v></c>',
  "<c r='B2'><v>1</v></c>",
  '<c r="b2"><v>1</v></c>',
  '<c r="B2" s="1" t="s" ><v>0</v></c>',
  ' <c r="B2"><v>1</v></c>',
  '<c r="B2"><v>1</v><v>2</v></c>',
);
const rowTag = fc.constantFrom('<row r="2">', '<row r="2" spans="1:3">', '<row r="7" ht="20" customHeight="1" x14ac:dyDescent="0.25">', '<row>', '<row r="2" x:r="5">', '<row r="2" r_a="5">', '<row R="4" r="2">', '<row r="02">', '<row r="3"/><row r="4">');
const sheetRow = fc.record({ tag: rowTag, cells: fc.array(fc.oneof({ weight: 4, arbitrary: plainCell }, { weight: 1, arbitrary: otherCell }), { maxLength: 5 }) }).map((r) => `${r.tag}${r.cells.join('')}</row>`);
const sheet = fc.array(sheetRow, { maxLength: 5 }).map((rows) => `<worksheet><sheetData>${rows.join('')}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`);

describe('plain rows', () => {
  it('read as the general steps read them, on random sheets', () => {
    const outcomes = { read: 0, declined: 0 };
    fc.assert(
      fc.property(sheet, fc.boolean(), (xml, noFormats) => {
        outcomes[compare(xml, noFormats ? { ...BOOK, formats: undefined } : BOOK) === 'declined' ? 'declined' : 'read']++;
      }),
      { numRuns: 3000, seed: 7 },
    );
    // Not vacuous: both outcomes are common.
    expect(outcomes.read).toBeGreaterThan(300);
    expect(outcomes.declined).toBeGreaterThan(300);
  });

  it('count on from the row the library reads, when a later row has cells without `r`', () => {
    // The library reads x:r, r_a and R as `r` too: such a row is not plain, and the next row, whose
    // cell has no reference, is numbered from what the library read.
    for (const tag of ['<row r="2" x:r="5">', '<row r="2" r_a="5">', '<row r="2" R="5">', '<row r="2" spans="1:2">']) {
      const xml = `<worksheet><sheetData>${tag}<c r="A2"><v>1</v></c></row><row><c><v>2</v></c></row></sheetData></worksheet>`;
      const read = compare(xml, BOOK);
      expect(read === 'declined' ? [] : read.read.rows.map((r) => r.number), tag).toEqual(tag.includes('spans') ? [2, 3] : [2, 6]);
    }
  });

  it('read as the general steps read them, on every workbook of the project', () => {
    const workbooks = readdirSync(ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xlsx') && !f.startsWith('node_modules') && !f.includes('/node_modules/'));
    expect(workbooks.length).toBeGreaterThan(3);
    let rows = 0;
    for (const file of workbooks) {
      const opened = openZip(new Uint8Array(readFileSync(path.join(ROOT, file))), DEFAULT_LIMITS);
      if ('kind' in opened) continue;
      for (const [name, bytes] of opened.parts) {
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
        const read = compare(new TextDecoder().decode(bytes), BOOK);
        if (read !== 'declined') rows += read.read.rows.length;
      }
    }
    expect(rows).toBeGreaterThan(100);
  });
});
