/**
 * The .xlsx reader that does without the spreadsheet library (xlsx-parts.ts) against the library
 * itself (library.ts), on the same parts: on every workbook the project holds or writes, and on
 * small workbooks made for what ledgers contain, the two give the same sheets — or the fast
 * reader declines and the library reads the workbook as before. A silently different value is
 * the one outcome not allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type LibrarySheets, readWithLibrary } from '../../src/load/spreadsheet/library.js';
import { readWorkbook } from '../../src/load/spreadsheet/read.js';
import { withChineseDateFormats } from '../../src/load/spreadsheet/locale-formats.js';
import { DEFAULT_LIMITS } from '../../src/load/spreadsheet/types.js';
import { readParts } from '../../src/load/spreadsheet/xlsx-parts.js';
import { openZip, repack } from '../../src/load/spreadsheet/zip-guard.js';
import { writeWorkbook } from '../../src/write/spreadsheet/write.js';
import { spreadsheetGenerator } from '../robustness/generators/spreadsheet.js';
import { row, xlsx } from '../fixtures/spreadsheets/make.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Both readers on one workbook; the fast one's answer (undefined: declined) after checking it equals the library's. */
function bothReaders(bytes: Uint8Array, maxRows = DEFAULT_LIMITS.maxRows): LibrarySheets | undefined {
  const opened = openZip(bytes, DEFAULT_LIMITS);
  if ('kind' in opened) throw new Error(`not a readable zip: ${opened.kind}`);
  const fast = readParts(opened.parts, maxRows);
  let library: LibrarySheets | Error;
  try {
    library = readWithLibrary(repack(withChineseDateFormats(opened.parts)), 'xlsx', maxRows);
  } catch (error) {
    library = error as Error;
  }
  if (fast !== undefined) expect(fast).toStrictEqual(library);
  return fast;
}

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.toLowerCase().endsWith('.xlsx'))
    .map((f) => path.join(dir, f));
}

function edit(parts: Map<string, Uint8Array>, name: string, find: string | RegExp, replace: string): void {
  parts.set(name, strToU8(new TextDecoder().decode(parts.get(name)!).replace(find, replace)));
}

const strings = (items: string) => `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${items}</sst>`;

describe('readParts: the same sheets as the library, or none', () => {
  const files = ['data', 'examples', 'tests/fixtures'].flatMap(filesUnder);

  it.each(files)('%s', (file) => {
    const fast = bothReaders(new Uint8Array(readFileSync(path.join(ROOT, file))));
    // The bundled ledgers, the county example and the exports of other programs are what the fast reader is for.
    expect(fast).toBeDefined();
  });

  it('finds the bundled ledgers and the example among the workbooks', () => {
    expect(files).toEqual(expect.arrayContaining(['data/2023/提案台账.xlsx', 'data/2023/提案批示.xlsx', 'examples/county-2023/2023/提案办理台账.xlsx']));
  });

  it('reads what the report writes (writeWorkbook), in both date styles', () => {
    const rows = [
      ['P2023-001', '关于“一老一小”的建议 & <其他>', 12, -3, 3.14159, 0.1 + 0.2, 1e-7, 123456789012, 1e21, '2023-03-05', true, ['甲', '乙'], 'a_x0041_b\r\nc'],
      ['', undefined, 0, 45000.5, -0.000123, 2 ** 31, 99999999999, '2023-02-30', false, '  前后空格 ', '=1+1', '#N/A', '1900-02-28'],
    ];
    for (const dateFormat of ['iso', 'chinese'] as const) {
      const bytes = writeWorkbook({ sheet: '提案', headers: rows[0]!.map((_, i) => `列${i + 1}`), rows }, 'xlsx', { dateFormat });
      expect(bothReaders(bytes)).toBeDefined();
    }
  });

  it('reads the mutated ledgers of the robustness tests the same way', () => {
    const ledger = readFileSync(path.join(ROOT, 'data/2023/提案台账.xlsx'));
    const mutations = fc.sample(spreadsheetGenerator.mutation, { numRuns: 25, seed: 24 });
    for (const m of mutations) {
      const out = spreadsheetGenerator.apply(ledger, m, { file: 'data/2023/提案台账.xlsx' } as never);
      const bytes = new Uint8Array(out.bytes);
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) continue;
      const opened = openZip(bytes, DEFAULT_LIMITS);
      if ('kind' in opened) continue;
      bothReaders(bytes);
    }
  });

  it('reads rich text without its phonetic guide, entities, Excel escapes, inline strings, booleans and errors', () => {
    const bytes = xlsx({
      sheets: [
        {
          name: '提案 &amp; 办理',
          data:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>行内</t></is></c><c r="B2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r></is></c>' +
            '<c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="e"><v>#DIV/0!</v></c><c r="G2" t="str"><v>公式结果</v></c></row>',
        },
      ],
      extra: {
        'xl/sharedStrings.xml': strings(
          '<si><r><rPr><b/></rPr><t>提</t></r><r><t xml:space="preserve">案 </t></r><rPh sb="0" eb="1"><t>ティ</t></rPh><phoneticPr fontId="1"/></si>' +
            '<si><t>中</t><rPh sb="0" eb="1"><t>ちゅう</t></rPh></si>' +
            '<si><t>a_x000D_b&amp;c&lt;&#x4E2D;&#20013;&#x1F600;&quot;&apos;</t></si>' +
            '<si><t>第一行&#13;&#10;第二行_x005F_x0041_</t></si>',
        ),
      },
    });
    const fast = bothReaders(bytes)!;
    expect(fast.sheets[0]!.rows[0]!.cells.map((c) => c.value)).toEqual(['提案 ', '中', expect.stringContaining('a\rb&c<中中'), '第一行\n第二行_x0041_']);
  });

  it('reads formulas with and without their saved results', () => {
    const bytes = xlsx({
      strings: ['甲'],
      sheets: [
        {
          name: '公式',
          data:
            '<row r="1"><c r="A1"><f>SUM(B1:C1)</f><v>3</v></c><c r="B1"><v>1</v></c><c r="C1"><v>2</v></c><c r="D1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E1" t="s"><f>B1</f><v>0</v></c></row>' +
            '<row r="2"><c r="A2"><f>SUM(B2:C2)</f></c><c r="B2"><f>1+1</f><v></v></c><c r="C2" t="n"><f>NOW()</f></c><c r="D2" t="s"><f>X1</f></c><c r="E2" t="str"><f>Y1</f></c><c r="F2" s="1"/></row>',
        },
      ],
    });
    const fast = bothReaders(bytes)!;
    expect(fast.sheets[0]!.rows[1]!.cells.filter((c) => c.unusable === 'formula-without-value').map((c) => c.ref)).toEqual(['A2', 'B2', 'C2', 'D2']);
  });

  it('leaves out hidden and very hidden sheets, refuses __proto__, reports a sheet whose part is missing', () => {
    const files = xlsx({ sheets: [{ name: '显示', data: row(1, ['甲']) }, { name: '隐藏', data: row(1, ['乙']) }, { name: '深藏', data: row(1, ['丙']) }, { name: '__proto__', data: row(1, ['丁']) }, { name: '丢失', data: row(1, ['戊']) }] });
    const opened = openZip(files, DEFAULT_LIMITS);
    if ('kind' in opened) throw new Error(opened.kind);
    const workbook = new TextDecoder().decode(opened.parts.get('xl/workbook.xml')!).replace('name="隐藏"', 'name="隐藏" state="hidden"').replace('name="深藏"', 'name="深藏" state="veryHidden"');
    opened.parts.set('xl/workbook.xml', strToU8(workbook));
    opened.parts.delete('xl/worksheets/sheet5.xml');
    const fast = readParts(opened.parts, 100)!;
    expect(fast).toStrictEqual(readWithLibrary(repack(withChineseDateFormats(opened.parts)), 'xlsx', 100));
    expect(fast).toMatchObject({ hidden: ['隐藏', '深藏'], refusedNames: ['__proto__'], unreadable: ['丢失'] });
    expect(fast.sheets.map((s) => s.name)).toEqual(['显示']);
  });

  it('reads dates in format 14, 年月日 and yyyy-mm-dd, in the 1900 and 1904 systems', () => {
    const data = '<row r="1"><c r="A1" s="1"><v>44990</v></c><c r="B1" s="2"><v>44990</v></c><c r="C1" s="6"><v>44990.75</v></c><c r="D1" s="6" t="s"><v>0</v></c></row>';
    const styles = `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="170" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="49"/><xf numFmtId="170"/></cellXfs></styleSheet>`;
    for (const date1904 of [false, true]) {
      const fast = bothReaders(xlsx({ date1904, strings: ['文字'], sheets: [{ name: '日期', data }], extra: { 'xl/styles.xml': styles } }))!;
      expect(fast.sheets[0]!.rows[0]!.cells.map((c) => c.text)).toEqual(date1904 ? ['2027/3/6', '2027年3月6日', '2027-03-06', '文字'] : ['2023/3/5', '2023年3月5日', '2023-03-05', '文字']);
    }
  });

  it('reads Chinese Excel\'s built-in date formats as dates from the first cell on, by either reader', () => {
    const data = '<row r="1"><c r="A1" s="1"><v>44990</v></c><c r="B1" s="1"><v>44991</v></c></row>';
    const styles = (id: number, numFmts = '') => `<?xml version="1.0"?><styleSheet xmlns="${MAIN}">${numFmts}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${id}"/></cellXfs></styleSheet>`;
    const fast = bothReaders(xlsx({ sheets: [{ name: 'S', data }], extra: { 'xl/styles.xml': styles(31) } }))!;
    expect(fast.sheets[0]!.rows[0]!.cells.map((c) => [c.value, c.text])).toEqual([
      [{ kind: 'date', date: '2023-03-05', serial: 44990 }, '2023年3月5日'],
      [{ kind: 'date', date: '2023-03-06', serial: 44991 }, '2023年3月6日'],
    ]);
    // 2023年3月 (57): the library reads it, with the format written into the styles (an empty numFmts list or none).
    for (const numFmts of ['', '<numFmts count="0"/>', '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>']) {
      const bytes = xlsx({ sheets: [{ name: 'S', data }], extra: { 'xl/styles.xml': styles(57, numFmts) } });
      expect(bothReaders(bytes)).toBeUndefined();
      const book = readWorkbook(bytes, '提案台账.xlsx');
      expect(book.sheets[0]!.rows[0]!.cells.map((c) => [c.value, c.text])).toEqual([
        [{ kind: 'date', date: '2023-03-05', serial: 44990 }, '2023年3月'],
        [{ kind: 'date', date: '2023-03-06', serial: 44991 }, '2023年3月'],
      ]);
    }
  });

  it('reads cells and rows without references, merged cells, and numbers shown as General or text', () => {
    const data = '<row><c t="inlineStr"><is><t>甲</t></is></c><c><v>7</v></c><c r="E1"><v>8</v></c><c><v>9.5</v></c><c t="n" s="0" r="H1" xr:uid="x"><v>5</v></c></row><row><c s="1"><v>12</v></c><c s="1"><v>0.1</v></c><c s="1" t="s"><v>0</v></c></row><row r="5" spans="1:3"><c r="C5"><v>-1.5E-3</v></c></row>';
    const styles = `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="49"/></cellXfs></styleSheet>`;
    const after = '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C5:D7"/></mergeCells>';
    const fast = bothReaders(xlsx({ strings: ['文本格式'], sheets: [{ name: '无引用', data, after }], extra: { 'xl/styles.xml': styles } }))!;
    expect(fast.sheets[0]!.rows.map((r) => r.cells.map((c) => c.ref))).toEqual([['A1', 'B1', 'E1', 'F1', 'H1'], ['A2', 'B2', 'C2'], ['C5']]);
    expect(fast.sheets[0]!.merges.map((m) => m.ref)).toEqual(['A1:B1', 'C5:D7']);
  });

  it('declines what only the library reads: shared and array formulas, other number formats, t="d"', () => {
    const cases = [
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f><v>1</v></c><c r="A2"><f t="shared" si="0"/><v>2</v></c></row>',
      '<row r="1"><c r="A1"><f t="array" ref="A1">SUM(B1:B2)</f><v>1</v></c></row>',
      '<row r="1"><c r="A1" s="5"><v>12</v></c></row>',
      '<row r="1"><c r="A1" s="3"><v>44990.5</v></c></row>',
      '<row r="1"><c r="A1" t="d"><v>2023-03-05</v></c></row>',
      '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row>',
    ];
    for (const data of cases) expect(bothReaders(xlsx({ sheets: [{ name: 'S', data }] })), data).toBeUndefined();
  });

  it('declines rather than differs on damaged parts', () => {
    const cases = ['<row r="1"><c r="A1" t="s"><v>5</v></c></row>', '<row r="1"><c r="a1"><v>1</v></c></row>', '<row r="1"><c r="A1" t="x"><v>1</v></c></row>'];
    for (const data of cases) expect(bothReaders(xlsx({ strings: ['甲'], sheets: [{ name: 'S', data }] })), data).toBeUndefined();
  });

  it('reads the package as the library finds its parts, or declines', () => {
    const base = xlsx({ strings: ['甲'], sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>' }] });
    const edits: [string, (parts: Map<string, Uint8Array>) => void, 'read' | 'declined'][] = [
      ['as written', () => undefined, 'read'],
      ['an absolute target', (p) => edit(p, 'xl/_rels/workbook.xml.rels', 'Target="worksheets/', 'Target="/xl/worksheets/'), 'read'],
      ['a target in another case', (p) => edit(p, 'xl/_rels/workbook.xml.rels', 'Target="worksheets/sheet1.xml', 'Target="Worksheets/Sheet1.XML'), 'read'],
      ['no styles', (p) => edit(p, '[Content_Types].xml', /<Override PartName="\/xl\/styles.xml"[^>]*>/, ''), 'read'],
      ['no workbook override', (p) => edit(p, '[Content_Types].xml', /<Override PartName="\/xl\/workbook.xml"[^>]*>/, ''), 'read'],
      ['a missing sheet part', (p) => p.delete('xl/worksheets/sheet1.xml'), 'read'],
      ['a prefixed relationship', (p) => edit(p, 'xl/_rels/workbook.xml.rels', /<Relationship /g, '<x:Relationship '), 'declined'],
      ['a chart sheet', (p) => edit(p, 'xl/_rels/workbook.xml.rels', '/worksheet"', '/chartsheet"'), 'declined'],
      ['no workbook relationships', (p) => p.delete('xl/_rels/workbook.xml.rels'), 'declined'],
      ['no shared strings', (p) => edit(p, '[Content_Types].xml', /<Override PartName="\/xl\/sharedStrings.xml"[^>]*>/, ''), 'declined'],
      ['a workbook elsewhere', (p) => edit(p, '[Content_Types].xml', 'PartName="/xl/workbook.xml"', 'PartName="/xl/book.xml"'), 'declined'],
      ['a comment in the sheet', (p) => edit(p, 'xl/worksheets/sheet1.xml', '<sheetData>', '<!-- x --><sheetData>'), 'declined'],
      ['UTF-16', (p) => p.set('xl/workbook.xml', new Uint8Array([0xff, 0xfe, ...p.get('xl/workbook.xml')!])), 'declined'],
      ['another namespace', (p) => edit(p, '[Content_Types].xml', 'package/2006/content-types', 'package/2007/content-types'), 'declined'],
    ];
    for (const [name, change, expected] of edits) {
      const opened = openZip(base, DEFAULT_LIMITS);
      if ('kind' in opened) throw new Error(opened.kind);
      change(opened.parts);
      const fast = readParts(opened.parts, 100);
      if (fast) expect(fast, name).toStrictEqual(readWithLibrary(repack(withChineseDateFormats(opened.parts)), 'xlsx', 100));
      expect(fast === undefined ? 'declined' : 'read', name).toBe(expected);
    }
  });

  it('counts rows past the limit as the library does', () => {
    const data = [1, 2, 3].map((r) => row(r, [r])).join('');
    expect(bothReaders(xlsx({ sheets: [{ name: '多', data }, { name: '少', data: row(1, [1]) }] }), 2)).toMatchObject({ overfull: ['多'] });
  });
});
