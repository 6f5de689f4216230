import { strFromU8, unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type ColumnSpec, readTable, readWorkbook } from '../../src/load/spreadsheet/index.js';
import { writeWorkbook } from '../../src/write/spreadsheet/write.js';

const SPEC: ColumnSpec[] = [
  { field: 'id', headers: ['提案号'], type: { kind: 'id' } },
  { field: 'title', headers: ['案由'], type: { kind: 'text' } },
  { field: 'date', headers: ['提交日期'], type: { kind: 'date' } },
  { field: 'key', headers: ['重点提案'], type: { kind: 'boolean' } },
  { field: 'signers', headers: ['联名人数'], type: { kind: 'count' } },
  { field: 'money', headers: ['金额（万元）'], type: { kind: 'decimal' } },
  { field: 'units', headers: ['承办单位'], type: { kind: 'list' } },
  { field: 'filing', headers: ['审查意见'], type: { kind: 'choice', values: { 立案: '立案' } } },
];

const RECORDS: Record<string, unknown>[] = [
  { id: 'P2023-001', title: '关于加快老旧小区改造的建议', date: '2023-01-06', key: true, signers: 3, money: 12.5, units: ['市住建局', '市财政局'], filing: '立案' },
  { id: '12', title: '=HYPERLINK("http://x")', date: '2023-12-31', key: false, signers: 0, money: -0.25, units: ['市民政局'], filing: '转来信' },
  { id: 'P3', title: '含"引号",逗号\n和换行', date: '1904-01-01' },
  { id: '007', title: '零开头的编号', units: [] },
];

function table() {
  return { sheet: '提案台账', headers: SPEC.map((s) => s.headers[0]!), rows: RECORDS.map((r) => SPEC.map((s) => r[s.field])) };
}

/** What a record is once blanks are dropped, as readTable gives it back. */
function expected(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

describe('writeWorkbook', () => {
  for (const [format, options] of [
    ['xlsx', {}],
    ['xlsx', { dateFormat: 'chinese' }],
    ['csv', {}],
    ['csv', { encoding: 'gbk' }],
    ['csv', { dateFormat: 'chinese' }],
  ] as const) {
    it(`round-trips records through ${format} ${JSON.stringify(options)}: write → read gives the same values`, () => {
      const bytes = writeWorkbook(table(), format, options);
      const book = readWorkbook(bytes, `out.${format}`);
      expect(book.diagnostics).toEqual([]);
      const { records, diagnostics } = readTable(book.sheets[0]!, SPEC, { file: `out.${format}` });
      expect(diagnostics).toEqual([]);
      expect(records.map((r) => r.value)).toEqual(RECORDS.map(expected));
    });
  }

  it('writes the same bytes every time, whatever the clock says', async () => {
    const first = writeWorkbook(table(), 'xlsx');
    await new Promise((r) => setTimeout(r, 1100));
    expect(Buffer.from(writeWorkbook(table(), 'xlsx')).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(writeWorkbook(table(), 'csv')).equals(Buffer.from(writeWorkbook(table(), 'csv')))).toBe(true);
    // Nor the time zone: zip dates are local times, and 1980-01-01 must not become 1979 anywhere.
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz;
        expect(Buffer.from(writeWorkbook(table(), 'xlsx')).equals(Buffer.from(first))).toBe(true);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    // No part carries a date, and zip entries are dated 1980-01-01 (DOS time 0x0000, date 0x0021).
    const parts = unzipSync(first);
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const view = new DataView(first.buffer, first.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([0, 0x21]);
  });

  it('writes a bold, frozen header, real dates, 是/否, lists joined with 、 and sensible widths', () => {
    const parts = unzipSync(writeWorkbook(table(), 'xlsx', { dateFormat: 'chinese' }));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const styles = strFromU8(parts['xl/styles.xml']!);
    const strings = strFromU8(parts['xl/sharedStrings.xml']!);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    // Header cells use style 1, whose font is bold.
    expect(sheet).toMatch(/<c r="A1" s="1" t="s">/);
    expect(styles).toMatch(/<fonts count="2">.*<font><b\/>/);
    // 2023-01-06 is Excel day 44932, styled with the 年月日 format.
    expect(sheet).toContain('<c r="C2" s="3"><v>44932</v></c>');
    expect(styles).toContain('numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"');
    expect(strings).toContain('<t xml:space="preserve">是</t>');
    expect(strings).toContain('市住建局、市财政局');
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) => Number(m[2]));
    expect(widths).toHaveLength(8);
    // 案由 holds 13 Chinese characters (26 units); 重点提案 only 4 (8 units).
    expect(widths[1]).toBe(28);
    expect(widths[3]).toBe(10);
    expect(Math.max(...widths)).toBeLessThanOrEqual(60);
  });

  it('writes CSV as UTF-8 with a byte-order mark or as GBK, quoting by RFC 4180 and guarding formulas', () => {
    const utf8 = Buffer.from(writeWorkbook(table(), 'csv'));
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = utf8.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('提案号,案由,提交日期,重点提案,联名人数,金额（万元）,承办单位,审查意见');
    expect(text).toContain(`12,"'=HYPERLINK(""http://x"")",2023-12-31,否,0,-0.25,市民政局,转来信`);
    expect(text).toContain('"含""引号"",逗号\n和换行"');
    const gbk = writeWorkbook(table(), 'csv', { encoding: 'gbk' });
    expect(iconv.decode(Buffer.from(gbk), 'gbk')).toBe(text);
  });

  it('refuses values no record holds, instead of writing [object Object]', () => {
    expect(() => writeWorkbook({ sheet: 'S', headers: ['a'], rows: [[{ a: 1 }]] }, 'xlsx')).toThrow(TypeError);
    expect(() => writeWorkbook({ sheet: 'S', headers: ['a'], rows: [[Number.NaN]] }, 'csv')).toThrow(TypeError);
  });
});
