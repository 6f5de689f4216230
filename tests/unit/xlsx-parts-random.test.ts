/**
 * The fast .xlsx reader against the spreadsheet library on random sheets: cells of every type in
 * every shape Excel and other programs write them (attributes in any order, with or without `r`,
 * entities and Excel escapes, formulas with and without results, styles with and without a
 * handled format), rows with and without numbers. For each, the fast reader gives what the
 * library gives, or declines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LibrarySheets, readWithLibrary } from '../../src/load/spreadsheet/library.js';
import { withChineseDateFormats } from '../../src/load/spreadsheet/locale-formats.js';
import { DEFAULT_LIMITS } from '../../src/load/spreadsheet/types.js';
import { readParts } from '../../src/load/spreadsheet/xlsx-parts.js';
import { openZip, repack } from '../../src/load/spreadsheet/zip-guard.js';
import { xlsx } from '../fixtures/spreadsheets/make.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** Styles 0–9: General, 14, 年月日, date-time, '000', '0.0', '@', yyyy-mm-dd, Chinese Excel's 31 and 57; one past the list is General too. */
const STYLES = `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"><numFmts count="5"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="166" formatCode="000"/><numFmt numFmtId="167" formatCode="0.0"/><numFmt numFmtId="168" formatCode="yyyy-mm-dd"/></numFmts><cellXfs count="10"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="49"/><xf numFmtId="168"/><xf numFmtId="31"/><xf numFmtId="57"/></cellXfs></styleSheet>`;

const text = fc.oneof(
  fc.constantFrom('', ' ', '提案', 'a&amp;b', '&lt;x&gt;', '&#x4E2D;&#20013;', '_x000D_', '_x005F_x0041_', 'a&#13;&#10;b', '&quot;&apos;', '&AMP;', '1', 'true', '#N/A', '#DIV/0!', 'TRUE', '0'),
  fc.string({ unit: fc.constantFrom('a', '中', ' ', '_', 'x', '0', 'A', '\n', '-', '.', 'e') , maxLength: 8 }),
);
const number = fc.oneof(
  fc.integer({ min: -2e9, max: 3e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('44990', '44990.5', '0', '-0', '1e21', '1E-7', '60', '2958466', '.5', '5.', '1e400', '0x10', ' 3', '12abc'),
);
const attribute = (name: string, value: fc.Arbitrary<string>) => fc.option(value.map((v) => [name, v] as const), { nil: undefined });

/** Cells of any shape; `common`: of the shapes ledgers have, which the fast reader should read. */
const cellOf = (common: boolean) => fc
  .record({
    r: fc.option(fc.tuple(fc.constantFrom('A', 'B', 'C', 'AA', ...(common ? [] : ['a'])), fc.integer({ min: 1, max: 4 })).map(([c, r]) => `${c}${r}`), { nil: undefined }),
    s: attribute('s', common ? fc.constantFrom('0', '1', '2', '6', '7', '8', '10') : fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '01')),
    t: attribute('t', common ? fc.constantFrom('s', 'inlineStr', 'b', 'str') : fc.constantFrom('n', 's', 'str', 'inlineStr', 'b', 'e', 'd')),
    order: fc.boolean(),
    quote: fc.constantFrom('"', "'"),
    f: fc.option(fc.oneof(fc.constantFrom('SUM(A1:A2)', '"a"&amp;"b"', '', 'A1&lt;2', ...(common ? [] : ['_xlfn.CONCAT(A1)'])), text), { nil: undefined, freq: common ? 2 : 5 }),
    v: fc.option(common ? fc.integer({ min: 0, max: 4 }).map(String) : fc.oneof(number, text, fc.integer({ min: 0, max: 4 }).map(String)), { nil: undefined }),
    is: fc.option(fc.oneof(text.map((t) => `<t>${t}</t>`), text.map((t) => `<r><t>${t}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${t} </t></r><rPh sb="0" eb="1"><t>ふ</t></rPh>`)), { nil: undefined }),
    selfClosing: fc.boolean(),
  })
  .map((c) => {
    const attrs = [c.r === undefined ? undefined : (['r', c.r] as const), c.s, c.t].filter((a) => a !== undefined);
    if (c.order) attrs.reverse();
    const head = `<c${attrs.map(([k, v]) => ` ${k}=${c.quote}${v}${c.quote}`).join('')}`;
    const body = `${c.f === undefined ? '' : `<f>${c.f}</f>`}${c.v === undefined ? '' : `<v>${c.v}</v>`}${c.is === undefined ? '' : `<is>${c.is}</is>`}`;
    return c.selfClosing && body === '' ? `${head}/>` : `${head}>${body}</c>`;
  });

const sheetRow = (common: boolean) => fc.record({ r: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), cells: fc.array(cellOf(common), { maxLength: 5 }), gap: fc.constantFrom('', '\n  ') });
const sheetOf = (common: boolean) =>
  fc.array(sheetRow(common), { maxLength: 5 }).map((rows) => rows.map((r) => `${r.gap}<row${r.r === undefined ? '' : ` r="${r.r}"`}${r.cells.length === 0 && r.r !== undefined ? '/>' : `>${r.cells.join(r.gap)}</row>`}`).join(''));
/** Shared strings as Excel, WPS and other programs write them: plain, rich, with phonetic guides. */
const stringItemOf = (common: boolean) => fc.oneof(
  text.map((t) => `<si><t>${t}</t></si>`),
  text.map((t) => `<si><t xml:space="preserve">${t}</t><rPh sb="0" eb="1"><t>ふ</t></rPh><phoneticPr fontId="1"/></si>`),
  fc.tuple(text, text).map(([a, b]) => `<si><r><rPr><b/><sz val="11"/></rPr><t>${a}</t></r><r><t xml:space="preserve">${b}</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>`),
  fc.constantFrom('<si><t/></si>', '<si></si>', '<si><rPh sb="0" eb="1"><t>ふ</t></rPh><t>后</t></si>', '<si>\n  <t>换行</t>\n</si>', ...(common ? [] : ['<si><r><t>未闭合</t></r><rPh><t>x</t></si>'])),
);
const stringsOf = (common: boolean) => fc.array(stringItemOf(common), { minLength: 5, maxLength: 6 }).map((items) => `<?xml version="1.0"?><sst xmlns="${MAIN}">${items.join('')}</sst>`);
const mergesOf = (common: boolean) => fc.array(fc.constantFrom('A1:B1', 'C2:C4', 'AA3:AB3', ...(common ? [] : ['A1', 'B2:A1'])), { maxLength: 3 }).map((m) => (m.length ? `<mergeCells count="${m.length}">${m.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>` : ''));

function compare(bytes: Uint8Array): 'read' | 'declined' {
  const opened = openZip(bytes, DEFAULT_LIMITS);
  if ('kind' in opened) throw new Error(opened.kind);
  const fast = readParts(opened.parts, DEFAULT_LIMITS.maxRows);
  let library: LibrarySheets | Error;
  try {
    library = readWithLibrary(repack(withChineseDateFormats(opened.parts)), 'xlsx', DEFAULT_LIMITS.maxRows);
  } catch (error) {
    library = error as Error;
  }
  if (fast === undefined) return 'declined';
  expect(fast).toStrictEqual(library);
  return 'read';
}

describe('readParts on random sheets', () => {
  it.each([
    ['cells of any shape', false],
    ['cells of the shapes ledgers have', true],
  ])('%s: gives what the library gives, or declines', (_name, common) => {
    const outcomes = { read: 0, declined: 0 };
    fc.assert(
      fc.property(sheetOf(common), stringsOf(common), mergesOf(common), fc.boolean(), (data, sst, after, date1904) => {
        const extra = { 'xl/styles.xml': STYLES, 'xl/sharedStrings.xml': sst };
        outcomes[compare(xlsx({ date1904, sheets: [{ name: '随机', data, after }], extra }))]++;
      }),
      { numRuns: 300, seed: 2024 },
    );
    // The property is not vacuous: most random sheets are read by the fast reader.
    expect(outcomes.read).toBeGreaterThan(common ? outcomes.declined * 5 : outcomes.declined / 10);
  });
});
