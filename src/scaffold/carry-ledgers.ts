/**
 * What a new year takes over from last year's ledgers and activities, beyond the YAML files:
 * each spreadsheet ledger as an empty sheet with the same header (so the office fills in the
 * same columns, and the same export keeps being read), and each activity's definition (编号,
 * 名称, 单位) without last year's numbers.
 */
import path from 'node:path';
import type { LoadedFolder } from '../load/data-folder.js';
import { writeWorkbook } from '../write/spreadsheet/write.js';
import { headerTexts } from '../load/spreadsheet/header.js';

/**
 * Last year's ledgers as empty ones in `target`: the same file names, one sheet each with the
 * header row as it was. `headerRows` maps `file\u0000sheet` to a table's header row.
 */
export function emptyLedgers(folder: LoadedFolder, headerRows: ReadonlyMap<string, number>, target: string): Array<{ path: string; content: Uint8Array }> {
  const out: Array<{ path: string; content: Uint8Array }> = [];
  for (const workbook of folder.workbooks) {
    const name = path.basename(workbook.display);
    const format = /\.csv$/i.test(name) ? 'csv' : 'xlsx';
    const sheet = workbook.sheets.find((s) => headerRows.has(`${workbook.display}\u0000${s.name}`));
    if (!sheet) continue;
    const headers = headerTexts(sheet, headerRows.get(`${workbook.display}\u0000${sheet.name}`)!);
    // An .xls is written as .xlsx: the same columns, in the format Excel saves today.
    const file = format === 'xlsx' ? name.replace(/\.xls$/i, '.xlsx') : name;
    out.push({ path: path.join(target, file), content: writeWorkbook({ sheet: sheet.name, headers, rows: [] }, format) });
  }
  return out;
}

/** An activity's definition for the new year: what it is, not how many there were. */
export function activityDefinition(value: unknown): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { id, name, unit } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string') return undefined;
  return { id, name, ...(typeof unit === 'string' ? { unit } : {}) };
}
