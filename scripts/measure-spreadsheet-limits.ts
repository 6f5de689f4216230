/**
 * Measures what hostile spreadsheets cost readWorkbook: time here, peak memory with
 * /usr/bin/time -v around the `read` step, one case per process so that each peak is its own.
 *
 *   npx tsx scripts/measure-spreadsheet-limits.ts make <case> <file>   # writes the input
 *   /usr/bin/time -v npx tsx scripts/measure-spreadsheet-limits.ts read <file> [limits as JSON]
 *
 * Cases: tiny, ledger (a national year: 6,000 rows × 40 columns), ledger-xls, bomb, rows-200k,
 * cells, strings, merges, wide, csv-50mb-line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { readWorkbook } from '../src/load/spreadsheet/index.js';
import { writeWorkbook } from '../src/write/spreadsheet/write.js';
import { deflateBomb, rawZip, row, xls, xlsx, xlsxParts } from '../tests/fixtures/spreadsheets/make.js';

/** 6,000 proposals × 40 columns: numbers, dates, titles, 是/否, units. */
function ledgerRows(): { headers: string[]; rows: unknown[][] } {
  const headers = Array.from({ length: 40 }, (_, i) => `列${i}`);
  const value = (r: number, c: number) => [r * 100 + c, '2023-03-05', `关于第${r}件提案的建议${c}`, r % 2 === 0, '市民政局'][c % 5];
  return { headers, rows: Array.from({ length: 6000 }, (_, r) => headers.map((_, c) => value(r, c))) };
}

const CASES: Record<string, () => Uint8Array> = {
  ledger: () => writeWorkbook({ sheet: '提案台账', ...ledgerRows() }, 'xlsx'),
  'ledger-xls': () => {
    const { headers, rows } = ledgerRows();
    return xls({ 提案台账: [headers, ...rows.map((r) => r.map((v) => (typeof v === 'boolean' ? (v ? '是' : '否') : v)))] });
  },
  tiny: () => xlsx({ sheets: [{ name: 'S', data: row(1, ['提案号', '案由']) + row(2, ['P1', '关于']) }] }),
  bomb: () =>
    rawZip(
      Object.entries(xlsxParts({ sheets: [{ name: 'S', data: '' }] })).map(([name, data]) =>
        name.endsWith('sheet1.xml') ? { name, data: deflateBomb(4_000_000), method: 8 as const, declaredSize: 1000 } : { name, data: data as Uint8Array, method: 0 as const },
      ),
    ),
  'rows-200k': () => {
    const rows: string[] = [];
    for (let r = 1; r <= 200_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>关于第${r}件</t></is></c></row>`);
    return zipSync(xlsxParts({ sheets: [{ name: 'S', data: rows.join('') }] }), { level: 1 });
  },
  cells: () => zipSync(xlsxParts({ sheets: [{ name: 'S', data: `<row r="1">${'<c r="A1"/>'.repeat(1_100_000)}</row>` }] }), { level: 1 }),
  strings: () => zipSync(xlsxParts({ strings: new Array<string>(1_100_000).fill('a'), sheets: [{ name: 'S', data: '' }] }), { level: 1 }),
  merges: () => zipSync(xlsxParts({ sheets: [{ name: 'S', data: '', after: `<mergeCells>${'<mergeCell ref="A1:B2"/>'.repeat(1_100_000)}</mergeCells>` }] }), { level: 1 }),
  wide: () => {
    const data = Array.from({ length: 50 }, (_, r) => `<row r="${r + 1}">${Array.from({ length: 16_384 }, (_, c) => `<c r="${XLSX.utils.encode_col(c)}${r + 1}"><v>${c}</v></c>`).join('')}</row>`).join('');
    return zipSync(xlsxParts({ sheets: [{ name: 'S', data }] }), { level: 1 });
  },
  'csv-50mb-line': () => Buffer.concat([Buffer.from('提案号,案由\r\nP1,"'), Buffer.alloc(50 * 1024 * 1024, 'a'), Buffer.from('"\r\n')]),
};

const [mode, a, b] = process.argv.slice(2);
if (mode === 'make') {
  const make = CASES[a!];
  if (!make) throw new Error(`cases: ${Object.keys(CASES).join(', ')}`);
  writeFileSync(b!, make());
} else {
  const bytes = readFileSync(a!);
  const limits = b ? (JSON.parse(b) as object) : {};
  const start = performance.now();
  const book = readWorkbook(bytes, a!, limits);
  const ms = Math.round(performance.now() - start);
  const rows = book.sheets.reduce((n, s) => n + s.rows.length, 0);
  console.log(JSON.stringify({ file: a, bytes: bytes.length, ms, rows, codes: book.diagnostics.map((d) => d.code) }));
}
