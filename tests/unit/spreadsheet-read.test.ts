import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readWorkbook, type Sheet } from '../../src/load/spreadsheet/index.js';
import { row, xls, xlsx } from '../fixtures/spreadsheets/make.js';

/** Row number → column letter → value, for compact expectations. */
function grid(sheet: Sheet): Record<number, Record<string, unknown>> {
  return Object.fromEntries(sheet.rows.map((r) => [r.number, Object.fromEntries(r.cells.map((c) => [c.letter, c.value]))]));
}

describe('readWorkbook: .xlsx', () => {
  it('reads rows as Excel numbers them, with the values and texts Excel saved', () => {
    const bytes = xlsx({
      strings: ['提案号', '案由'],
      sheets: [
        {
          name: '提案台账',
          data: `${row(1, ['2023年提案台账'])}<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c></row>${row(4, [12, '关于养老服务的建议'])}<row r="6"><c r="C6" t="b"><v>1</v></c><c r="D6" t="e"><v>#N/A</v></c></row>`,
          after: '<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>',
        },
      ],
    });
    const book = readWorkbook(bytes, 'data/2023/提案台账.xlsx');
    expect(book.diagnostics).toEqual([]);
    expect(book.format).toBe('xlsx');
    const sheet = book.sheets[0]!;
    expect(sheet.name).toBe('提案台账');
    expect(grid(sheet)).toEqual({
      1: { A: '2023年提案台账' },
      3: { A: '提案号', B: '案由' },
      4: { A: 12, B: '关于养老服务的建议' },
      6: { C: true, D: '#N/A' },
    });
    expect(sheet.rows[2]!.cells[0]).toEqual({ column: 1, letter: 'A', ref: 'A4', value: 12, text: '12' });
    expect(sheet.rows[3]!.cells[1]).toMatchObject({ ref: 'D6', unusable: 'error', text: '#N/A' });
    expect(sheet.merges).toEqual([{ ref: 'A1:D1', first: { row: 1, column: 1 }, last: { row: 1, column: 4 } }]);
  });

  it('reads dates as calendar days in the 1900 and 1904 systems, whatever the time zone', () => {
    // 44990 is 2023-03-05 in the 1900 system; the same day is 43528 in the 1904 system.
    const cells = (serial: number) => `<row r="1"><c r="A1" s="1"><v>${serial}</v></c><c r="B1" s="2"><v>${serial}</v></c><c r="C1" s="3"><v>${serial}.75</v></c><c r="D1"><v>${serial}</v></c></row>`;
    const in1900 = readWorkbook(xlsx({ sheets: [{ name: 'S', data: cells(44990) }] }), 'a.xlsx').sheets[0]!.rows[0]!.cells;
    const in1904 = readWorkbook(xlsx({ date1904: true, sheets: [{ name: 'S', data: cells(43528) }] }), 'a.xlsx').sheets[0]!.rows[0]!.cells;
    for (const c of [in1900, in1904]) {
      expect(c[0]!.value).toMatchObject({ kind: 'date', date: '2023-03-05' });
      expect(c[0]!.text).toBe('2023/3/5');
      expect(c[1]!.text).toBe('2023年3月5日');
      expect(c[2]!.value).toMatchObject({ kind: 'date', date: '2023-03-05', time: '18:00:00' });
      // Without a date format it is a plain number.
      expect(typeof c[3]!.value).toBe('number');
    }
    expect(in1904[0]!.value).toMatchObject({ serial: 43528 });
  });

  it('keeps a formula’s saved result and marks a formula saved without one', () => {
    const bytes = xlsx({ sheets: [{ name: 'S', data: '<row r="2"><c r="A2"><f>SUM(1,2)</f><v>3</v></c><c r="B2"><f>NOW()</f></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>' }] });
    const cells = readWorkbook(bytes, 'f.xlsx').sheets[0]!.rows[0]!.cells;
    expect(cells[0]).toMatchObject({ ref: 'A2', value: 3, formula: 'SUM(1,2)' });
    expect(cells[1]).toMatchObject({ ref: 'B2', value: '', unusable: 'formula-without-value', formula: 'NOW()' });
    expect(cells[2]).toMatchObject({ ref: 'C2', value: 'ab' });
  });

  it('reads every sheet, skips empty cells and rows, and warns of an empty workbook', () => {
    const bytes = xlsx({ sheets: [{ name: '一', data: row(2, ['a', undefined, 'c']) }, { name: '二', data: '<row r="1"><c r="A1" s="1"/></row>' }] });
    const book = readWorkbook(bytes, 'x.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(['一', '二']);
    expect(grid(book.sheets[0]!)).toEqual({ 2: { A: 'a', C: 'c' } });
    expect(book.sheets[1]!.rows).toEqual([]);
    const empty = readWorkbook(xlsx({ sheets: [{ name: 'S', data: '' }] }), 'x.xlsx');
    expect(empty.diagnostics.map((d) => d.code)).toEqual(['RPT715']);
    expect(readWorkbook(new Uint8Array(0), 'empty.xlsx').diagnostics.map((d) => d.code)).toEqual(['RPT715']);
  });
});

describe('readWorkbook: .xls (Excel 97–2003)', () => {
  it('reads values and dates of a BIFF8 file', () => {
    const bytes = xls({ 台账: [['提案号', '日期', '重点'], ['P1', new Date(Date.UTC(2023, 2, 5)), true], [12, 3.5, '否']] });
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const book = readWorkbook(bytes, '台账.xls');
    expect(book.diagnostics).toEqual([]);
    expect(book.format).toBe('xls');
    const g = grid(book.sheets[0]!);
    expect(g[2]).toMatchObject({ A: 'P1', B: { kind: 'date', date: '2023-03-05' }, C: true });
    expect(g[3]).toEqual({ A: 12, B: 3.5, C: '否' });
  });
  it('refuses Excel 5.0/95 and older files, whose Chinese text cannot be read with certainty', () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a']]), 'S');
    for (const bookType of ['biff5', 'biff2'] as const) {
      const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
      const read = readWorkbook(bytes, 'old.xls');
      expect(read.sheets).toEqual([]);
      expect(read.diagnostics).toMatchObject([{ code: 'RPT702' }]);
      expect(read.diagnostics[0]!.message).toMatch(/Excel (5\.0\/95|4\.0)/);
    }
  });
  it('reads dates of a workbook in the 1904 date system', () => {
    // 43528 days after 1904-01-01 is 2023-03-05.
    const bytes = xls({ 台账: [['日期'], [43528]] }, { date1904: true, formats: { A2: 'yyyy-mm-dd' } });
    expect(readWorkbook(bytes, '台账.xls').sheets[0]!.rows[1]!.cells[0]!.value).toEqual({ kind: 'date', date: '2023-03-05', serial: 43528 });
  });
});

describe('readWorkbook: .csv', () => {
  const text = '提案号,案由,承办单位\r\nP1,"关于""一老一小""的建议",市民政局\r\n\r\nP2,"跨两行\n的案由",  \r\n';
  it('reads UTF-8 with or without a byte-order mark, RFC 4180 quotes and CRLF, as a sheet named after the file', () => {
    for (const bytes of [Buffer.from(text, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])]) {
      const book = readWorkbook(bytes, 'data/2023/提案台账.csv');
      expect(book.diagnostics).toEqual([]);
      expect(book.format).toBe('csv');
      expect(book.sheets[0]!.name).toBe('提案台账');
      expect(grid(book.sheets[0]!)).toEqual({
        1: { A: '提案号', B: '案由', C: '承办单位' },
        2: { A: 'P1', B: '关于"一老一小"的建议', C: '市民政局' },
        4: { A: 'P2', B: '跨两行\n的案由', C: '  ' },
      });
    }
  });
  it('reads GBK, as Excel on Chinese Windows saves CSV', () => {
    const book = readWorkbook(iconv.encode(text, 'gbk'), '台账.csv');
    expect(book.diagnostics).toEqual([]);
    expect(grid(book.sheets[0]!)[2]).toMatchObject({ B: '关于"一老一小"的建议' });
  });
  it('refuses Big5 with a diagnostic that names it', () => {
    const book = readWorkbook(iconv.encode('提案號,案由\r\nP1,關於加快老舊小區改造的建議\r\nP2,關於推進鄉村振興產業發展的建議\r\n', 'big5'), '台账.csv');
    expect(book.sheets).toEqual([]);
    expect(book.diagnostics).toMatchObject([{ code: 'RPT714', severity: 'error', file: '台账.csv' }]);
    expect(book.diagnostics[0]!.message).toContain('Big5');
    expect(book.diagnostics[0]!.hint).toContain('UTF-8');
  });
  it('names an unclosed quote at its row', () => {
    const book = readWorkbook(Buffer.from('a,b\r\n1,2\r\n3,"unclosed\r\n4,5\r\n'), 'q.csv');
    expect(book.diagnostics).toMatchObject([{ code: 'RPT712', sheet: 'q', line: 3 }]);
    expect(book.diagnostics[0]!.message).toContain('引号');
  });
  it('reads tab-separated text', () => {
    expect(grid(readWorkbook(Buffer.from('a\tb\n1\t2\n'), 't.txt').sheets[0]!)).toEqual({ 1: { A: 'a', B: 'b' }, 2: { A: '1', B: '2' } });
  });
});

describe('readWorkbook: what a file really is', () => {
  const realXlsx = xlsx({ sheets: [{ name: 'S', data: row(1, ['a']) }] });
  it('reads a file for what it is and warns when its extension says otherwise', () => {
    const cases: [Uint8Array, string, string][] = [
      [realXlsx, 'a.xls', 'xlsx'],
      [xls({ S: [['a']] }), 'a.xlsx', 'xls'],
      [Buffer.from('a,b\n1,2\n'), 'a.xlsx', 'csv'],
    ];
    for (const [bytes, file, format] of cases) {
      const book = readWorkbook(bytes, file);
      expect(book.format).toBe(format);
      expect(book.sheets[0]!.rows[0]!.cells[0]!.value).toBe('a');
      expect(book.diagnostics).toMatchObject([{ code: 'RPT704', severity: 'warning' }]);
    }
    expect(readWorkbook(realXlsx, 'a.xlsx').diagnostics).toEqual([]);
  });
  it('refuses clearly what is no spreadsheet', () => {
    const cases: [string | Uint8Array, string][] = [
      ['<html><body><table><tr><td>提案号</td></tr></table></body></html>', '网页'],
      ['<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', '2003 XML'],
      ['%PDF-1.4 ...', 'PDF'],
      [new Uint8Array([1, 2, 0, 0, 3, 0, 0, 0, 7]), '不是文本'],
    ];
    for (const [content, says] of cases) {
      const book = readWorkbook(typeof content === 'string' ? Buffer.from(content) : content, 'export.xls');
      expect(book.sheets).toEqual([]);
      expect(book.diagnostics).toHaveLength(1);
      expect(book.diagnostics[0]).toMatchObject({ code: 'RPT702', severity: 'error', file: 'export.xls' });
      expect(book.diagnostics[0]!.message).toContain(says);
      expect(book.diagnostics[0]!.hint).toBeTruthy();
    }
  });
});
