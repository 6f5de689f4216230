/**
 * One message per problem, not per row: the same problem in the same column of many rows (a
 * value the sheet uses throughout, a column missing for every row) is one diagnostic, placed at
 * the column's header cell, with the count and the first rows: “（第3、4、7行等120行）”.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cellRef } from '../load/spreadsheet/index.js';

/** Rows named before “等”. */
const SHOWN_ROWS = 3;
/** Distinct problems of one code listed in a sheet before the rest are only counted. */
const MAX_PER_CODE = 20;

/** “第3、4、7行等120行” (or “第3、4行” when those are all); a row given as a function is asked for only when it is named. */
export function rowList(rows: ReadonlyArray<number | (() => number)>): string {
  const first = rows.slice(0, SHOWN_ROWS).map((r) => (typeof r === 'number' ? r : r())).join('、');
  return rows.length > SHOWN_ROWS ? `第${first}行等${rows.length}行` : `第${first}行`;
}

/**
 * The diagnostics of one sheet, those of rows below `headerRow` that repeat (same code, column,
 * message and hint) merged into one at the header; then each code capped at MAX_PER_CODE.
 */
function onePerProblem(diagnostics: readonly Diagnostic[], headerRow: number | undefined, where: { file: string; sheet: string }): Diagnostic[] {
  if (headerRow === undefined) return [...diagnostics];
  const groups = new Map<string, Diagnostic[]>();
  const out: Array<Diagnostic | Diagnostic[]> = [];
  for (const d of diagnostics) {
    if (d.sheet === undefined || d.line === undefined || d.line <= headerRow) {
      out.push(d);
      continue;
    }
    const key = [d.code, d.column ?? '', d.message, d.hint ?? ''].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = [];
      groups.set(key, group);
      out.push(group);
    }
    group.push(d);
  }
  const merged = out.map((item) => {
    if (!Array.isArray(item)) return item;
    const first = item[0]!;
    if (item.length === 1) return first;
    const rows: number[] = [];
    for (const d of item) rows.push(d.line!);
    const column = first.column ?? 1;
    const at: Diagnostic = { ...first, message: `${first.message}（${rowList(rows)}）`, line: headerRow, column, cell: cellRef(headerRow, column) };
    return at;
  });
  return capped(merged, where);
}

function capped(diagnostics: readonly Diagnostic[], where: { file: string; sheet: string }): Diagnostic[] {
  const counts = new Map<string, number>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.severity === 'info') {
      kept.push(d);
      continue;
    }
    const n = (counts.get(d.code) ?? 0) + 1;
    counts.set(d.code, n);
    if (n <= MAX_PER_CODE) kept.push(d);
  }
  for (const [code, n] of counts) if (n > MAX_PER_CODE) kept.push(diagnostic('moreProblems', { count: n - MAX_PER_CODE, code }, where));
  return kept;
}

/**
 * All of a year's diagnostics, those of each spreadsheet table merged per problem (onePerProblem)
 * and the rest as they are. `headerRows` maps `file\u0000sheet` to the table's header row.
 */
export function onePerProblemInSheets(diagnostics: readonly Diagnostic[], headerRows: ReadonlyMap<string, number>): Diagnostic[] {
  const bySheet = new Map<string, Diagnostic[]>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = d.sheet !== undefined && d.file !== undefined ? `${d.file}\u0000${d.sheet}` : undefined;
    if (key === undefined || !headerRows.has(key)) {
      out.push(d);
      continue;
    }
    const list = bySheet.get(key) ?? [];
    list.push(d);
    bySheet.set(key, list);
  }
  for (const [key, list] of bySheet) {
    const [file, sheet] = key.split('\u0000') as [string, string];
    for (const d of onePerProblem(list, headerRows.get(key), { file, sheet })) out.push(d);
  }
  return out;
}
