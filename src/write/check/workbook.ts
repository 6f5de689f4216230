/**
 * 核对表.xlsx: the verification workbook of a built report (`--format check`). Sheet 1 has a row
 * per number the prose and the templates print, in reading order; sheet 2 every record behind each figure, with
 * its place. Written like the exported ledgers: the same bytes on every run.
 */
import { writeXlsx } from '../spreadsheet/write-xlsx.js';
import type { OutCell } from '../spreadsheet/write-values.js';
import type { RenderedReport } from '../rendered-report.js';
import { conventionsOf } from '../../domain/conventions.js';
import { checkRecords, checkRows } from './rows.js';
import { templateRows } from './template-rows.js';

const text = (t: string): OutCell => (t === '' ? { kind: 'blank' } : { kind: 'text', text: t });
const value = (v: number | string | null): OutCell => (v === null ? { kind: 'blank' } : typeof v === 'number' ? { kind: 'number', value: v } : text(v));

export function checkWorkbook(report: RenderedReport): Uint8Array {
  const conventions = conventionsOf((report.context as { organization?: Parameters<typeof conventionsOf>[0] }).organization);
  const fromTemplates = report.pieces ? templateRows(report.pieces, report.context, conventions, report.records).map((t) => t.row) : [];
  const rows = report.prose ? checkRows(report.prose.jobs, report.prose.engine, report.markdown, report.records, fromTemplates) : [];
  const records = checkRecords(rows, report.records);
  return writeXlsx([
    {
      name: '数字',
      headers: ['序号', '部分', '句子', '印作', '名称', '精确值', '定义', '上年', '记录数', '写在'],
      rows: rows.map((r, i) => [
        { kind: 'number', value: i + 1 },
        text(r.section),
        text(r.sentence),
        text(r.printed),
        text(r.names.join('、')),
        value(r.exact),
        text(r.definition),
        value(r.previous),
        value(r.records),
        text(r.source),
      ]),
      dateFormat: 'iso',
    },
    {
      name: '记录',
      headers: ['名称', '记录编号', '案由或议题', '位置'],
      rows: records.map((r) => [text(r.name), text(r.id), text(r.title), text(r.place)]),
      dateFormat: 'iso',
    },
  ]);
}
