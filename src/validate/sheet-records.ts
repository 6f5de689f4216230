/**
 * Spreadsheet rows as records. Each sheet of a workbook in a year folder holds one record kind,
 * told by the sheet's name (a sheet 提案, a sheet 批示), else by the file's (提案台账.xlsx), else by
 * the columns its header names. Columns are found by their Chinese headers: the field's own
 * (declared with the record kind), and those the organisation adds in organization.yaml
 * (sheetHeaders). Each row is then checked by the same schema as a YAML record, every problem
 * placed at its cell.
 */
import path from 'node:path';
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Field } from '../domain/fields.js';
import type { Organization } from '../domain/organization.js';
import type { Origin, RecordKind, RecordValue } from '../domain/record-kind.js';
import { isRecordKindKey, RECORD_KINDS, recordFields } from '../domain/registry.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { DataPath } from '../load/data-path.js';
import type { LoadedWorkbook } from '../load/sheets.js';
import { bestSheet, cellRef, readTable, type ColumnSpec, type Sheet, type TableRecord } from '../load/spreadsheet/index.js';
import { coveredFields, PREPARE, RuleTally } from './row-inference.js';
import { forbiddenCharacters } from './text-safety.js';
import { issuesToDiagnostics, parseRecord } from './zod-issues.js';
import { appendAll } from '../append.js';
import { everyOf, isCount, isDiagnostic, isObject, isString } from '../load/kept-shape.js';

/** The kinds a spreadsheet can hold, the most specific words first (a 提案批示 sheet holds instructions). */
const SHEET_KINDS = [...RECORD_KINDS].sort((a, b) => Number(b.key === 'instructions') - Number(a.key === 'instructions'));

/**
 * The columns of a kind's table: every field a cell can hold, with its headers and the
 * organisation's own (sheetHeaders), and a choice's values with the organisation's wordings (sheetValues).
 */
function columnSpecs(kind: RecordKind, fields: Record<string, Field>, organization: Organization | undefined): ColumnSpec[] {
  const own = organization?.sheetHeaders?.[kind.key] ?? {};
  const values = organization?.sheetValues?.[kind.key] ?? {};
  const inferred = PREPARE[kind.key]?.inferred;
  return Object.entries(fields).flatMap(([name, f]) => {
    if (!f.cell) return [];
    const extra = Object.entries(own).flatMap(([header, field]) => (field === name ? [header] : []));
    const type = f.cell.kind === 'choice' && values[name] ? { kind: 'choice' as const, values: { ...f.cell.values, ...values[name] } } : f.cell;
    return [{ field: name, headers: [...f.headers, ...extra], type, required: f.required && !inferred?.has(name), description: f.label }];
  });
}

function kindByName(name: string): RecordKind | undefined {
  return SHEET_KINDS.find((k) => k.sheetWords.some((w) => name.includes(w)));
}

/** The kind a sheet holds: by its name, by its file's (a lone or unnamed sheet), or by its header. */
function kindOf(sheet: Sheet, workbook: Pick<LoadedWorkbook, 'display' | 'sheets'>, specs: Map<RecordKind, ColumnSpec[]>): RecordKind | undefined {
  const byName = kindByName(sheet.name);
  if (byName) return byName;
  const generic = workbook.sheets.length === 1 || /^(?:sheet|工作表)\s*\d*$/i.test(sheet.name.trim());
  const byFile = generic ? kindByName(path.basename(workbook.display)) : undefined;
  if (byFile) return byFile;
  const matches = [...specs].filter(([, spec]) => bestSheet([sheet], spec) !== undefined);
  return matches.length === 1 ? matches[0]![0] : undefined;
}

/** Where a record's row is: its sheet, its number, and the column of each of its fields (what its origin is made of). */
interface RowPlace {
  sheet: string;
  row: number;
  columns: TableRecord['columns'];
}

/** A workbook's rows as records, and what checking them found. */
export interface SheetRows {
  records: Array<{ kind: string; record: RecordValue; origin: Origin; place: RowPlace }>;
  refused: unknown[];
  diagnostics: Diagnostic[];
  headerRows: Map<string, number>;
  /** Per table: the fields its columns give (directly or by inference). */
  coverage: Array<{ kind: string; fields: Set<string>; sheet: string }>;
}

export function sheetRecords(workbook: Pick<LoadedWorkbook, 'display' | 'sheets'>, vocabulary: Vocabulary, organization: Organization | undefined): SheetRows {
  const headerRows = new Map<string, number>();
  const coverage: Array<{ kind: string; fields: Set<string>; sheet: string }> = [];
  const records: SheetRows['records'] = [];
  const refused: unknown[] = [];
  const diagnostics: Diagnostic[] = [];
  const built = new Map(SHEET_KINDS.map((k) => [k, recordFields(k, vocabulary, organization)] as const));
  const specs = new Map([...built].map(([k, { fields }]) => [k, columnSpecs(k, fields, organization)] as const));
  for (const sheet of workbook.sheets) {
    if (sheet.rows.length === 0) continue;
    const kind = kindOf(sheet, workbook, specs);
    if (!kind) {
      diagnostics.push(
        diagnostic('sheetKindUnknown', { sheet: sheet.name, kinds: SHEET_KINDS.map((k) => `${k.label}（${k.sheetWords.join('、')}）`).join('、') }, { file: workbook.display, sheet: sheet.name }),
      );
      continue;
    }
    const checker = built.get(kind)!;
    const { fields } = checker;
    const table = readTable(sheet, specs.get(kind)!, { file: workbook.display, kind: kind.key }, { maxPerCode: Number.POSITIVE_INFINITY });
    const found: Diagnostic[] = [...table.diagnostics];
    // A cell already reported (a bad date) is not reported again as a missing field.
    const reported = new Set(table.diagnostics.flatMap((d) => (d.line !== undefined && d.path !== undefined ? [`${d.line}:${d.path}`] : [])));
    const prepare = PREPARE[kind.key];
    const applied = new RuleTally();
    for (const row of table.records) {
      const place: RowPlace = { sheet: sheet.name, row: row.row, columns: row.columns };
      const origin = cellOrigin(workbook.display, place);
      const at = (p: DataPath) => origin.locate(typeof p[0] === 'string' ? p[0] : undefined);
      const unsafe = forbiddenCharacters(row.value, at);
      if (unsafe.length > 0) {
        appendAll(found, unsafe);
        refused.push(row.value);
        continue;
      }
      // A wording the organisation maps to "" (sheetValues) means nothing was recorded.
      for (const [field, v] of Object.entries(row.value)) if (v === '') delete row.value[field];
      applied.add(prepare?.prepare(row.value, organization) ?? [], row.row);
      const result = parseRecord(checker, row.value);
      if (!result.success) {
        // A required column the header lacks was said once (RPT722), not again in every row.
        const issues = result.error.issues.filter((i) => !reported.has(`${row.row}:${String(i.path[0])}`) && (row.columns[String(i.path[0])] !== undefined || row.value[String(i.path[0])] !== undefined));
        appendAll(found, withSheetValuesHint(issuesToDiagnostics(issues, { at, fields }), row, kind.key, fields));
        refused.push(row.value);
        continue;
      }
      records.push({ kind: kind.key, record: result.data, origin, place });
    }
    const where = { file: workbook.display, sheet: sheet.name };
    found.push(
      ...applied.diagnostics((first) => {
        const line = table.headerRow ?? first();
        return { ...where, line, column: 1, cell: cellRef(line, 1) };
      }),
    );
    // Problems of many rows are merged with the cross-record checks' in validate/source.ts (sheet-problems.ts).
    appendAll(diagnostics, found);
    if (table.headerRow !== undefined) headerRows.set(sheet.name, table.headerRow);
    const columns = Object.keys(table.records[0]?.columns ?? {});
    if (columns.length > 0) coverage.push({ kind: kind.key, fields: coveredFields(columns, prepare?.coveredBy ?? {}), sheet: sheet.name });
  }
  return { records, refused, diagnostics, headerRows, coverage };
}

/** A sheet's value not allowed: the hint adds how to map the organisation's own wording once, in organization.yaml. */
function withSheetValuesHint(found: Diagnostic[], row: TableRecord, kind: string, fields: Record<string, Field>): Diagnostic[] {
  return found.map((d) => {
    const field = d.path?.split('.')[0];
    const written = field !== undefined ? row.value[field] : undefined;
    if (d.code !== 'RPT203' || field === undefined || typeof written !== 'string' || !fields[field]?.values) return d;
    const value = fields[field]!.values![0];
    const yaml = `  sheetValues: {${kind}: {${field}: {${yamlKey(written)}: ${value}}}}`;
    return { ...d, hint: `${d.hint ?? ''}这是本组织台账的固定写法时，在 organization.yaml 的“organization:”下加一行（行首空两格，标准值换成它的意思，写 "" 表示当作没有填写；已有 sheetValues 时并入其中）：${yaml}` };
  });
}

/** A written value as a YAML key: plain when it can be, quoted when it holds YAML's marks. */
function yamlKey(text: string): string {
  return /^[\p{L}\p{N}_（）()\u3000-\u303f\uff00-\uffef-]+$/u.test(text) && !/^[-\d]/.test(text) ? text : JSON.stringify(text);
}

/** Where a row's fields are: the cell of the field's column, or the row's first cell. */
function cellOrigin(file: string, { sheet, row, columns }: RowPlace): Origin {
  return {
    locate(field?: string): Location {
      const column = field !== undefined ? columns[field.split('.')[0]!] : undefined;
      const number = column?.column ?? Math.min(...Object.values(columns).map((c) => c.column), 1);
      return { file, sheet, line: row, column: number, cell: cellRef(row, number), ...(field !== undefined ? { path: field } : {}) };
    },
  };
}

// ── The rows as the parse cache keeps them ──────────────────────────────────────────────────

/**
 * A workbook's checked rows as plain data, for the parse cache: a run whose ledger and
 * organisation are as they were takes them instead of checking every row again (validate/year.ts).
 * Each record keeps the place of its row; its origin is made from that again.
 */
export interface KeptSheetRows {
  /** The columns of the records' fields, each set once (every row of a table has the same). */
  columns: Array<RowPlace['columns']>;
  /** Each record with its place: its sheet, its row, and which of the sets of columns above. */
  records: Array<{ kind: string; record: RecordValue; sheet: string; row: number; columns: number }>;
  refused: unknown[];
  diagnostics: Diagnostic[];
  headerRows: Array<[string, number]>;
  coverage: Array<{ kind: string; fields: string[]; sheet: string }>;
}

export function keptSheetRows(rows: SheetRows): KeptSheetRows {
  const columns: Array<RowPlace['columns']> = [];
  const index = new Map<string, number>();
  const columnsOf = (place: RowPlace) => {
    const key = JSON.stringify(place.columns);
    let at = index.get(key);
    if (at === undefined) index.set(key, (at = columns.push(place.columns) - 1));
    return at;
  };
  return {
    columns,
    records: rows.records.map(({ kind, record, place }) => ({ kind, record, sheet: place.sheet, row: place.row, columns: columnsOf(place) })),
    refused: rows.refused,
    diagnostics: rows.diagnostics,
    headerRows: [...rows.headerRows],
    coverage: rows.coverage.map(({ kind, fields, sheet }) => ({ kind, fields: [...fields], sheet })),
  };
}

export function sheetRowsFromKept(kept: KeptSheetRows, file: string): SheetRows {
  return {
    records: kept.records.map(({ kind, record, sheet, row, columns }) => {
      const place = { sheet, row, columns: kept.columns[columns]! };
      return { kind, record, origin: cellOrigin(file, place), place };
    }),
    refused: kept.refused,
    diagnostics: kept.diagnostics,
    headerRows: new Map(kept.headerRows),
    coverage: kept.coverage.map(({ kind, fields, sheet }) => ({ kind, fields: new Set(fields), sheet })),
  };
}

const isColumn = (c: unknown): boolean => isObject(c) && isCount(c.column) && isString(c.letter);
const isColumns = (c: unknown): boolean => isObject(c) && Object.values(c).every(isColumn);
const isKeptRecord = (sets: number) => (r: unknown): boolean =>
  isObject(r) && isRecordKindKey(r.kind) && isObject(r.record) && isString(r.sheet) && isCount(r.row) && Number.isInteger(r.columns) && (r.columns as number) >= 0 && (r.columns as number) < sets;

/** Whether what the cache gave back has the kept rows' shape; anything else is a miss, and the rows are checked again. */
export function isKeptSheetRows(data: unknown): data is KeptSheetRows {
  return (
    isObject(data) &&
    everyOf(data.columns, isColumns) &&
    everyOf(data.records, isKeptRecord((data.columns as unknown[]).length)) &&
    Array.isArray(data.refused) &&
    everyOf(data.diagnostics, isDiagnostic) &&
    everyOf(data.headerRows, (h) => Array.isArray(h) && h.length === 2 && isString(h[0]) && isCount(h[1])) &&
    everyOf(data.coverage, (c) => isObject(c) && isString(c.kind) && isString(c.sheet) && everyOf(c.fields, isString))
  );
}
