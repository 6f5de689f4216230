/**
 * Mutations of the ledgers kept in Excel (提案台账.xlsx, 提案批示.xlsx, or CSV): what people do to
 * a sheet — a cell typed wrong or left blank, a header renamed, a column deleted, rows swapped or
 * copied, a title row put above the header, the file saved as CSV under its old name — and what
 * copying does to the bytes (cut short, stray bytes, emptied). The sheet is read with the
 * project's reader and written back with its writer, so every case is a file Excel could make.
 */
import fc from 'fast-check';
import { readWorkbook } from '../../../src/load/spreadsheet/read.js';
import { writeWorkbook } from '../../../src/write/spreadsheet/write.js';
import { applyByteMutation, BYTE_MUTATIONS, nat, unicodeText } from './text.js';
import { unchanged, type Files, type InputGenerator, type Mutation, type Outcome } from './types.js';

/** What a cell gets typed instead of its value: slips, values of the wrong kind, formulas, ids. */
const CELL_TEXT = fc.oneof(
  { arbitrary: unicodeText, weight: 3 },
  fc.constantFrom('', ' ', '2023-02-30', '2023年13月1日', '是否', '对', '-1', '1e400', '0x10', '=1+1', '#N/A', '立项', 'E', '很不满意', 'P2023-001', 'P2099-999', '大会期间', '市不存在局', '无'),
);

/** Headers a column gets renamed to: near misses, another column's name, nothing. */
const HEADER_TEXT = fc.constantFrom('', '提案编号', '案由', '标题', '提案名称', '提 案 编 号', '审查', '类别 ', '备注', '__proto__', 'constructor', '编号（必填）');

const spreadsheetMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('setCell'), row: nat, column: nat, text: CELL_TEXT }), weight: 5 },
  fc.record({ op: fc.constant('blankColumn'), column: nat }),
  fc.record({ op: fc.constant('renameHeader'), column: nat, name: HEADER_TEXT }),
  fc.record({ op: fc.constant('dropColumn'), column: nat }),
  fc.record({ op: fc.constant('swapRows'), row: nat, other: nat }),
  fc.record({ op: fc.constant('duplicateRow'), row: nat }),
  fc.record({ op: fc.constant('titleRow'), text: fc.constantFrom('2023年提案台账', '', '制表日期：2023年12月31日') }),
  fc.constant({ op: 'asCsv' }),
  BYTE_MUTATIONS.truncate,
  BYTE_MUTATIONS.injectBytes,
  BYTE_MUTATIONS.empty,
);

/** XML 1.0 cannot hold these: no spreadsheet has them in a cell. */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface Grid {
  sheet: string;
  headers: string[];
  rows: string[][];
}

/** The first sheet as text (dates as 2023-01-03), header row first; undefined when it cannot be read. */
export function gridOf(bytes: Buffer, file: string): Grid | undefined {
  const workbook = readWorkbook(new Uint8Array(bytes), file);
  const sheet = workbook.sheets[0];
  if (!sheet || sheet.rows.length === 0) return undefined;
  let width = 0;
  for (const r of sheet.rows) for (const c of r.cells) width = Math.max(width, c.column);
  const line = (cells: (typeof sheet.rows)[number]['cells']) => {
    const out = Array.from({ length: width }, () => '');
    for (const c of cells) {
      const v = c.value as unknown;
      out[c.column - 1] = v && typeof v === 'object' && 'date' in v ? String((v as { date: string }).date) : c.text;
    }
    return out;
  };
  const [header, ...rows] = sheet.rows;
  return { sheet: sheet.name, headers: line(header!.cells), rows: rows.map((r) => line(r.cells)) };
}

function written(grid: Grid, format: 'xlsx' | 'csv', breaks = false): Outcome {
  const clean = (s: string) => s.replace(NOT_IN_XML, '');
  const bytes = writeWorkbook({ sheet: grid.sheet, headers: grid.headers.map(clean), rows: grid.rows.map((r) => r.map(clean)) }, format);
  return { bytes: Buffer.from(bytes), applied: true, breaks };
}

export const spreadsheetGenerator: InputGenerator = {
  name: 'spreadsheet',
  files: (files: Files) => [...files.keys()].filter((f) => /\.(xlsx|xls|csv)$/i.test(f) && !f.startsWith('../')).sort(),
  mutation: spreadsheetMutation,
  apply(bytes, m, where): Outcome {
    const byByte = applyByteMutation(bytes, m);
    if (byByte) return byByte;
    const n = (key: string) => m[key] as number;
    const grid = gridOf(bytes, where.file);
    if (!grid) return unchanged(bytes);
    const format = /\.csv$/i.test(where.file) ? 'csv' : 'xlsx';
    const width = grid.headers.length;
    const rows = grid.rows;
    switch (m.op) {
      case 'setCell': {
        if (rows.length === 0) return unchanged(bytes);
        rows[n('row') % rows.length]![n('column') % width] = m.text as string;
        return written(grid, format);
      }
      case 'blankColumn': {
        const c = n('column') % width;
        for (const r of rows) r[c] = '';
        return written(grid, format);
      }
      case 'renameHeader':
        grid.headers[n('column') % width] = m.name as string;
        return written(grid, format);
      case 'dropColumn': {
        const c = n('column') % width;
        grid.headers.splice(c, 1);
        for (const r of rows) r.splice(c, 1);
        return grid.headers.length === 0 ? unchanged(bytes) : written(grid, format);
      }
      case 'swapRows': {
        if (rows.length < 2) return unchanged(bytes);
        const a = n('row') % rows.length;
        const b = n('other') % rows.length;
        [rows[a], rows[b]] = [rows[b]!, rows[a]!];
        return written(grid, format);
      }
      case 'duplicateRow': {
        if (rows.length === 0) return unchanged(bytes);
        const row = rows[n('row') % rows.length]!;
        rows.push([...row]);
        // The same record twice: its id twice, when the first column is still the id column.
        const ids = ['提案编号', '批示编号', '编号'].includes(grid.headers[0] ?? '');
        return written(grid, format, ids && row[0] !== undefined && row[0].trim() !== '');
      }
      case 'titleRow':
        // The header moves down a row, under a title like an export's.
        grid.rows.unshift(grid.headers);
        grid.headers = [m.text as string, ...grid.headers.slice(1).map(() => '')];
        return written(grid, format);
      case 'asCsv':
        return format === 'csv' ? unchanged(bytes) : written(grid, 'csv');
      default:
        return unchanged(bytes);
    }
  },
};
