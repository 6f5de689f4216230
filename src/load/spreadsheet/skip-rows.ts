/**
 * Rows below a header that are not records, as proposal systems export them: a 合计 / 小计 /
 * 总计 line, a note (注：本表由…导出), a blank row between records. Each is skipped and named
 * in one line, so that no total is counted as a proposal and no note is refused as one.
 */
import { isBlank } from './cell-types.js';
import { squash } from './normalize.js';
import type { Cell } from './types.js';

export type SkipReason = '合计行' | '说明文字' | '空行';

const TOTALS = /^(?:合计|小计|总计|共计|累计|总数)(?:[:：(（]|$|共|\d)/;
const NOTE = /^(?:注|备注|说明|附注|填表说明|制表|制表人|审核|导出时间|统计时间|打印时间)(?:\d*[:：.、]|$)/;

/** Why the row is not a record, or undefined when it is one. `columns` are the table's columns. */
export function skipReason(cells: readonly Cell[], wanted: ReadonlySet<number>): SkipReason | undefined {
  // The row's first text, in whatever column (合计 often sits in the 序号 column, which is no field).
  const filled = cells.filter((c) => !isBlank(c)).sort((a, b) => a.column - b.column);
  if (filled.length === 0) return '空行';
  const first = squash(filled[0]!.text);
  if (TOTALS.test(first)) return '合计行';
  // A note is one text, alone on its row (often merged across the table).
  if (filled.length === 1 && NOTE.test(first)) return '说明文字';
  // Nothing in the table's columns (a 序号 alone): no record.
  if (!filled.some((c) => wanted.has(c.column))) return '空行';
  return undefined;
}

/** 第66行（合计行）、第67行（说明文字）…, the first `shown` of them. */
export function describeSkipped(skipped: ReadonlyArray<{ row: number; why: SkipReason }>, shown = 6): string {
  const listed = skipped.slice(0, shown).map((s) => `第${s.row}行（${s.why}）`);
  return listed.join('、') + (skipped.length > shown ? `等` : '');
}
