/**
 * Second check: the records of a year against each other and against the organisation's
 * registers. The rules every kind shares come from its declaration (ids unique in the year,
 * dates within the year, references to records that exist, hand-written totals that agree with
 * the records); each kind adds its own (kind.check). Runs on the records that passed the
 * schema, so one run reports everything it can.
 */
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckContext, RecordKind, YearRecords } from '../domain/record-kind.js';
import { RECORD_KINDS } from '../domain/registry.js';

function locator(year: YearRecords): CheckContext['at'] {
  return (record, field, asKey = false) => year.origins.get(record)?.locate(field, asKey) ?? {};
}

export function crossCheck(year: YearRecords): Diagnostic[] {
  const out: Diagnostic[] = [];
  const context: CheckContext = { year, at: locator(year), report: (d) => out.push(d) };
  checkIds(year, context);
  for (const kind of RECORD_KINDS) {
    const records = year.records[kind.key] ?? [];
    checkDates(kind, year, context);
    checkReferences(kind, year, context);
    checkTotals(kind, year, context);
    kind.check?.(records, context);
  }
  checkMembers(year, context);
  return out;
}

/** Ids are unique across all the records of a year: a 批示 names its record by id alone. */
function checkIds(year: YearRecords, { at, report }: CheckContext): void {
  // Each id's first record (one entry per record of the year: nothing more is kept).
  const seen = new Map<string, object>();
  for (const kind of RECORD_KINDS) {
    for (const record of year.records[kind.key] ?? []) {
      const id = record.id as string;
      const first = seen.get(id);
      if (!first) {
        seen.set(id, record);
        continue;
      }
      const where = at(first, 'id');
      report(diagnostic('duplicateId', { id, kind: kind.label, first: describeLocation(where) }, at(record, 'id')));
    }
  }
}

function describeLocation(where: Location): string {
  if (where.sheet !== undefined) return `${where.file ?? ''}［${where.sheet}］${where.cell ?? `第${where.line ?? 0}行`}`;
  return `${where.file ?? ''}:${where.line ?? 0}`;
}

function checkDates(kind: RecordKind, year: YearRecords, { at, report }: CheckContext): void {
  const prefix = `${year.year}-`;
  for (const record of year.records[kind.key] ?? []) {
    for (const field of kind.dateFields) {
      const date = record[field];
      if (typeof date === 'string' && !date.startsWith(prefix)) report(diagnostic('dateOutsideYear', { field, date, year: year.year }, at(record, field)));
    }
  }
}

function checkReferences(kind: RecordKind, year: YearRecords, { at, report }: CheckContext): void {
  for (const { field, kinds } of kind.references ?? []) {
    const records = year.records[kind.key] ?? [];
    // The ids referred to that exist: found among the kinds' records (a few ids, looked for in many records).
    const named = new Set<string>();
    for (const record of records) if (typeof record[field] === 'string') named.add(record[field]);
    if (named.size === 0) continue;
    const found = new Set<string>();
    for (const k of kinds) for (const r of year.records[k] ?? []) if (named.has(r.id as string)) found.add(r.id as string);
    const what = kinds.length === 1 ? (RECORD_KINDS.find((k) => k.key === kinds[0])?.label ?? '记录') : '记录';
    for (const record of records) {
      const id = record[field];
      if (typeof id === 'string' && !found.has(id) && !year.refusedIds.has(id)) report(diagnostic('danglingReference', { field, id, kind: what }, at(record, field)));
    }
  }
}

/** Hand-written totals: parts no larger than wholes, and equal to the records when there are records. */
function checkTotals(kind: RecordKind, year: YearRecords, { at, report }: CheckContext): void {
  const totals = year.totals[kind.key];
  if (!kind.totals || !totals) return;
  for (const [part, whole] of kind.totals.parts) {
    const a = totals[part];
    const b = totals[whole];
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      report(diagnostic('partExceedsWhole', { part: kind.totals.fields[part]!.label, partValue: a, whole: kind.totals.fields[whole]!.label, wholeValue: b }, at(totals, part)));
    }
  }
  const records = year.records[kind.key] ?? [];
  if (records.length === 0) return;
  const counted = kind.totals.counted(records);
  for (const [field, value] of Object.entries(totals)) {
    if (typeof value === 'number' && counted[field] !== undefined && counted[field] !== value) {
      report(diagnostic('countConflict', { field: `totals.${kind.key}.${field}`, written: value, counted: counted[field]!, what: kind.totals.fields[field]!.label }, at(totals, field)));
    }
  }
}

function checkMembers(year: YearRecords, { at, report }: CheckContext): void {
  const m = year.members;
  if (!m) return;
  for (const [part, word] of [
    ['standing', '常委人数'],
    ['inCommittees', '编入专委会的委员人数'],
  ] as const) {
    const v = m[part];
    if (v !== undefined && v > m.total) report(diagnostic('partExceedsWhole', { part: word, partValue: v, whole: '委员总数', wholeValue: m.total }, at(m, part)));
  }
}
