/**
 * Hostile and broken workbooks end in diagnostics, within bounded time, never in a crash or in
 * code running. Large inputs are made here, not committed. Peak memory of the large cases is
 * measured by scripts/measure-spreadsheet-limits.ts (one case per process).
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it, vi } from 'vitest';
import { type ColumnSpec, readTable, readWorkbook } from '../../src/load/spreadsheet/index.js';
import { openZip } from '../../src/load/spreadsheet/zip-guard.js';
import { DEFAULT_LIMITS } from '../../src/load/spreadsheet/types.js';
import { deflateBomb, rawZip, row, xls, xlsx, xlsxParts } from '../fixtures/spreadsheets/make.js';

const codes = (book: { diagnostics: { code: string }[] }) => book.diagnostics.map((d) => d.code);

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('hostile workbooks', () => {
  it('refuses a zip bomb (1 MB inflating to 1 GB, declaring 1 kB) after inflating no more than the limit', () => {
    const parts = xlsxParts({ sheets: [{ name: 'S', data: '' }] });
    const entries = Object.entries(parts).map(([name, content]) => {
      const data = content as Uint8Array;
      return name === 'xl/worksheets/sheet1.xml' ? { name, data: deflateBomb(4_000_000), method: 8 as const, declaredSize: 1000 } : { name, data, method: 0 as const };
    });
    const bomb = rawZip(entries);
    expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
    const { result, ms } = timed(() => readWorkbook(bomb, 'bomb.xlsx'));
    expect(codes(result)).toEqual(['RPT706']);
    expect(result.diagnostics[0]!.message).toBe('表格文件中的“xl/worksheets/sheet1.xml”解压后超过 64 MB，文件没有读取');
    expect(ms).toBeLessThan(5000);
    // Many parts each under the part limit meet the total limit.
    const spread = rawZip([
      ...entries.filter((e) => e.name !== 'xl/worksheets/sheet1.xml'),
      ...[1, 2, 3].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: deflateBomb(200_000), method: 8 as const })),
    ]);
    expect(codes(readWorkbook(spread, 'bomb.xlsx', { maxPartBytes: 60 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024 }))).toEqual(['RPT706']);
  });

  it('refuses a sheet of 200,000 rows within bounded time, and reads one under the limit', () => {
    const rows: string[] = [];
    for (let r = 1; r <= 200_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>关于第${r}件</t></is></c></row>`);
    const big = zipSync(xlsxParts({ sheets: [{ name: 'S', data: rows.join('') }] }), { level: 1 });
    const { result, ms } = timed(() => readWorkbook(big, 'big.xlsx'));
    expect(codes(result)).toEqual(['RPT707']);
    expect(result.diagnostics[0]).toMatchObject({ sheet: 'S' });
    expect(ms).toBeLessThan(30_000);
    const fits = readWorkbook(big, 'big.xlsx', { maxRows: 250_000 });
    expect(fits.diagnostics).toEqual([]);
    expect(fits.sheets[0]!.rows).toHaveLength(200_000);
    expect(fits.sheets[0]!.rows[199_999]!.cells[1]!.value).toBe('关于第200000件');
  }, 60_000);

  it('never drops a row past the limit silently, however sparse the sheet', () => {
    const sparse = xlsx({ sheets: [{ name: '台账', data: row(1, ['提案号']) + row(10, ['P1']) }] });
    expect(readWorkbook(sparse, 's.xlsx').sheets[0]!.rows.map((r) => r.number)).toEqual([1, 10]);
    // The limit is on rows that hold values: row 10 is the second of them, within a limit of 5.
    expect(readWorkbook(sparse, 's.xlsx', { maxRows: 5 }).sheets[0]!.rows.map((r) => r.number)).toEqual([1, 10]);
    const book = readWorkbook(sparse, 's.xlsx', { maxRows: 1 });
    expect(book.sheets).toEqual([]);
    expect(book.diagnostics).toMatchObject([{ code: 'RPT707', sheet: '台账' }]);
  });

  it('refuses millions of tiny cells, shared strings or merged ranges before the library makes objects of them', () => {
    const cells = zipSync(xlsxParts({ sheets: [{ name: 'S', data: `<row r="1">${'<c r="A1"/>'.repeat(1_100_000)}</row>` }] }), { level: 1 });
    expect(codes(readWorkbook(cells, 'c.xlsx'))).toEqual(['RPT708']);
    const strings = zipSync(xlsxParts({ strings: new Array<string>(1_100_000).fill('a'), sheets: [{ name: 'S', data: '' }] }), { level: 1 });
    expect(codes(readWorkbook(strings, 's.xlsx'))).toEqual(['RPT708']);
    const merges = zipSync(xlsxParts({ sheets: [{ name: 'S', data: '', after: `<mergeCells>${'<mergeCell ref="A1:B2"/>'.repeat(1_100_000)}</mergeCells>` }] }), { level: 1 });
    expect(codes(readWorkbook(merges, 'm.xlsx'))).toEqual(['RPT708']);
  }, 60_000);

  it('never evaluates a formula: it reads the result Excel saved, even of WEBSERVICE or a DDE call', () => {
    const data =
      row(1, ['提案号', '案由']) +
      '<row r="2"><c r="A2" t="str"><f>WEBSERVICE("http://127.0.0.1:9/steal")</f><v>P1</v></c><c r="B2" t="str"><f>cmd|\' /C calc\'!A0</f><v>saved</v></c></row>';
    const book = readWorkbook(xlsx({ sheets: [{ name: 'S', data }] }), 'f.xlsx');
    expect(book.diagnostics).toEqual([]);
    const spec: ColumnSpec[] = [
      { field: 'id', headers: ['提案号'], type: { kind: 'id' } },
      { field: 'title', headers: ['案由'], type: { kind: 'text' } },
    ];
    expect(readTable(book.sheets[0]!, spec, { file: 'f.xlsx' }).records[0]!.value).toEqual({ id: 'P1', title: 'saved' });
  });

  it('warns of external links and macros, and never hands their parts to the library', () => {
    const bytes = xlsx({
      sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><f>[1]Sheet1!A1</f><v>42</v></c></row>' }],
      extra: {
        'xl/externalLinks/externalLink1.xml': '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></externalLink>',
        'xl/externalLinks/_rels/externalLink1.xml.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="http://127.0.0.1:9/secret.xlsx" TargetMode="External"/></Relationships>',
        'xl/vbaProject.bin': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
      },
    });
    const book = readWorkbook(bytes, 'links.xlsm');
    expect(codes(book)).toEqual(['RPT709', 'RPT710']);
    expect(book.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(book.sheets[0]!.rows[0]!.cells[0]!.value).toBe(42);
    const opened = openZip(bytes, DEFAULT_LIMITS);
    expect('parts' in opened && [...opened.parts.keys()].filter((n) => /external|vba/i.test(n))).toEqual([]);
  });

  it('reads a sheet that uses all 16,384 columns', () => {
    const wide = Array.from({ length: 16_384 }, (_, c) => `<c r="${XLSX.utils.encode_col(c)}1"><v>${c}</v></c>`).join('');
    const data = `<row r="1">${wide}</row><row r="2"><c r="XFD2" t="inlineStr"><is><t>最后一列</t></is></c></row>`;
    const { result, ms } = timed(() => readWorkbook(xlsx({ sheets: [{ name: 'S', data }] }), 'wide.xlsx'));
    expect(result.diagnostics).toEqual([]);
    expect(result.sheets[0]!.rows[0]!.cells).toHaveLength(16_384);
    expect(result.sheets[0]!.rows[1]!.cells).toEqual([{ column: 16_384, letter: 'XFD', ref: 'XFD2', value: '最后一列', text: '最后一列' }]);
    expect(ms).toBeLessThan(5000);
  });

  it('refuses a CSV with a 50 MB line: too large a file, or, with a larger file limit, too long a row', () => {
    const line = Buffer.alloc(50 * 1024 * 1024, 'a');
    const csv = Buffer.concat([Buffer.from('提案号,案由\r\nP1,"'), line, Buffer.from('"\r\n')]);
    expect(codes(readWorkbook(csv, 'long.csv'))).toEqual(['RPT705']);
    const { result, ms } = timed(() => readWorkbook(csv, 'long.csv', { maxFileBytes: 64 * 1024 * 1024 }));
    expect(codes(result)).toEqual(['RPT713']);
    expect(result.diagnostics[0]).toMatchObject({ sheet: 'long', line: 2 });
    expect(ms).toBeLessThan(10_000);
  }, 30_000);

  it('ends every truncation and corruption of an .xlsx and an .xls in sheets or diagnostics, never an exception', () => {
    const good = xlsx({ strings: ['提案号'], sheets: [{ name: '台账', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + row(2, ['P1', 12]) }] });
    const goodXls = xls({ 台账: [['提案号', '日期'], ['P1', 12]] });
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const start = performance.now();
    for (const original of [good, goodXls]) {
      for (let cut = 0; cut < original.length; cut += 37) {
        const book = readWorkbook(original.subarray(0, cut), 'cut.xlsx');
        expect(book.sheets.length + book.diagnostics.length).toBeGreaterThan(0);
        if (cut > 0 && cut < original.length / 2) expect(book.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }
      for (let i = 0; i < 300; i++) {
        const bytes = original.slice();
        for (let k = 0; k < 4; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        const book = readWorkbook(bytes, 'bad.xlsx');
        for (const d of book.diagnostics) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(performance.now() - start).toBeLessThan(30_000);
    const truncated = readWorkbook(good.subarray(0, good.length - 30), 'cut.xlsx');
    expect(truncated.diagnostics).toMatchObject([{ code: 'RPT701', severity: 'error', file: 'cut.xlsx' }]);
    expect(truncated.diagnostics[0]!.message).toContain('截断');
  }, 60_000);

  it('lets no English remark of the library reach the console from a damaged .xls', () => {
    const container = XLSX.CFB.read(xls({ 台账: [['提案号'], ['P1']] }), { type: 'array' });
    const stream = XLSX.CFB.find(container, 'Workbook')!.content as Uint8Array;
    // The record after BOF (type 0x0809, 16 bytes) gets a type no BIFF version has.
    expect([stream[0], stream[1]]).toEqual([0x09, 0x08]);
    stream[20] = 0x32;
    stream[21] = 0x36;
    const damaged = new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as number[]);
    const spies = (['error', 'warn', 'log', 'info'] as const).map((m) => vi.spyOn(console, m));
    try {
      const book = readWorkbook(damaged, 'damaged.xls');
      expect(book.sheets.length + book.diagnostics.length).toBeGreaterThan(0);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
    // The console works again afterwards.
    expect(typeof console.error).toBe('function');
    expect(console.error).not.toBe(console.log);
  });

  it('refuses encrypted workbooks, too many zip entries, and two zip entries of one name', () => {
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, 'EncryptionInfo', new Uint8Array(16));
    XLSX.CFB.utils.cfb_add(container, 'EncryptedPackage', new Uint8Array(64));
    const encrypted = new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as number[]);
    expect(codes(readWorkbook(encrypted, 'secret.xlsx'))).toEqual(['RPT703']);
    const zipEncrypted = rawZip([{ name: 'xl/workbook.xml', data: new Uint8Array(10), method: 0, flags: 1 }]);
    expect(codes(readWorkbook(zipEncrypted, 'secret.xlsx'))).toEqual(['RPT703']);
    const many = rawZip(Array.from({ length: 2001 }, (_, i) => ({ name: `x${i}.xml`, data: new Uint8Array(1), method: 0 as const })));
    expect(codes(readWorkbook(many, 'many.xlsx'))).toEqual(['RPT701']);
    const parts = xlsxParts({ sheets: [{ name: 'S', data: row(1, ['a']) }] });
    const entries = Object.entries(parts).map(([name, data]) => ({ name, data: data as Uint8Array, method: 0 as const }));
    const twice = rawZip([...entries, { name: 'xl/worksheets/sheet1.xml', data: strToU8('<worksheet/>'), method: 0 }]);
    expect(readWorkbook(twice, 'twice.xlsx').diagnostics[0]!.message).toContain('同名');
  });

  it('does not expand XML entities (“billion laughs”)', () => {
    const laughs = '<!DOCTYPE w [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
    const parts = xlsxParts({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>&d;&d;&d;</t></is></c></row>' }] });
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml'] as Uint8Array).replace('?>', `?>${laughs}`);
    parts['xl/worksheets/sheet1.xml'] = strToU8(sheet);
    const book = readWorkbook(zipSync(parts), 'laughs.xlsx');
    const text = book.sheets[0]?.rows[0]?.cells[0]?.text ?? '';
    expect(text.length).toBeLessThan(100);
  });

  it('keeps __proto__ and constructor as data: no prototype is polluted, a __proto__ sheet is refused', () => {
    const header = row(1, ['__proto__', 'constructor', '提案号', 'prototype']);
    const data = row(2, ['{"polluted":1}', 'x', '__proto__', 'y']);
    const bytes = xlsx({ sheets: [{ name: '__proto__', data: header + data }, { name: 'constructor', data: header + data }, { name: 'hasOwnProperty', data: header + data }] });
    const book = readWorkbook(bytes, 'proto.xlsx');
    expect(codes(book)).toEqual(['RPT711']);
    expect(book.sheets.map((s) => s.name)).toEqual(['constructor', 'hasOwnProperty']);
    const spec: ColumnSpec[] = [{ field: 'id', headers: ['提案号'], type: { kind: 'choice', values: { P1: 'P1' } } }];
    for (const sheet of book.sheets) {
      const { records, diagnostics } = readTable(sheet, spec, { file: 'proto.xlsx' });
      expect(diagnostics.map((d) => d.code)).toEqual(['RPT721', 'RPT721', 'RPT721']);
      expect(records[0]!.value).toEqual({ id: '__proto__' });
      expect(Object.getPrototypeOf(records[0]!.value)).toBe(Object.prototype);
    }
    const csv = readWorkbook(Buffer.from('__proto__,提案号\r\n{"polluted":1},constructor\r\n'), '__proto__.csv');
    expect(readTable(csv.sheets[0]!, spec, { file: '__proto__.csv' }).records[0]!.value).toEqual({ id: 'constructor' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(() => readTable(book.sheets[0]!, [{ field: '__proto__', headers: ['提案号'], type: { kind: 'text' } }], { file: 'x' })).toThrow();
  });

  it('names a sheet whose part is missing from the file as unreadable (RPT734), not as a refused name', () => {
    const book = readWorkbook(xlsx({ sheets: [{ name: '提案批示', data: row(1, ['批示编号']) }, { name: '提案', data: row(1, ['提案编号']) }] }), 'damaged.xlsx');
    expect(codes(book)).toEqual([]);
    const parts = unzipSync(xlsx({ sheets: [{ name: '提案批示', data: row(1, ['批示编号']) }, { name: '提案', data: row(1, ['提案编号']) }] }));
    delete parts['xl/worksheets/sheet1.xml'];
    const damaged = readWorkbook(zipSync(parts), 'damaged.xlsx');
    expect(damaged.diagnostics.map((d) => [d.code, d.sheet])).toEqual([['RPT734', '提案批示']]);
    expect(damaged.sheets.map((s) => s.name)).toEqual(['提案']);
  });
});
