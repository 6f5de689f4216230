/**
 * Figures a reader would stop at: a rate of 0% that the records could have made otherwise (a
 * 100% is left alone: on real ledgers, Panjin's 189 proposals all 立案 and a county's 50 all
 * answered, it is true far more often than a slip), a column of a statistics table that is all zeros, a count or rate
 * that moved beyond a sane factor since last year (办复率 from 99% to 0%). Each is a warning, not
 * an error: the figure may be right, but someone must look at the records behind it, which the
 * warning names with their places.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { YearRecords } from '../domain/record-kind.js';
import { conventionsOf } from '../domain/conventions.js';
import { formatPercent } from '../domain/figures-format.js';
import { recordsBehind, placeOf } from './behind.js';
import type { YearFigures } from './figures.js';
import { labelOf } from './labels.js';

/** The rates worth a warning at 0%: each has a base of records that could say otherwise. */
const RATES = ['proposals.filingRate', 'proposals.answeredRate', 'proposals.satisfactionRate', 'information.adoptionRate'];
/** At 0% a base this large is worth a look (one or two proposals may well be unanswered yet). */
const MIN_BASE_ZERO = 3;
/** A count that grew or shrank more than this factor, from at least MIN_COUNT, is worth a look. */
const FACTOR = 5;
const MIN_COUNT = 10;
/** A rate that moved more than this many percentage points. */
const POINTS = 50;
/** Groups printed as statistics tables by the built-in templates, and their number columns. */
const TABLES: Record<string, string[]> = {
  'proposals.byCategory': ['filed', 'answered'],
  'proposals.byLeadUnit': ['answered', 'satisfied'],
};
const COLUMN_WORDS: Record<string, string> = { filed: '立案', answered: '已办复', satisfied: '满意和基本满意' };
const SHOWN = 3;

function value(figures: unknown, name: string): unknown {
  return name.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), figures);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The numbers directly under each kind's figures (`proposals.total`, `members.total`), in their order: flatten's names of two parts. */
function kindNumbers(figures: YearFigures): Array<{ name: string; kind: string; value: number }> {
  const out: Array<{ name: string; kind: string; value: number }> = [];
  for (const [kind, part] of Object.entries(figures)) {
    if (!isPlainObject(part)) continue;
    for (const [key, value] of Object.entries(part)) if (typeof value === 'number' && !key.includes('.')) out.push({ name: `${kind}.${key}`, kind, value });
  }
  return out;
}

/** `figures.<kind>.<key>` when it is a number. */
function kindNumber(figures: YearFigures, kind: string, key: string): number | undefined {
  const part = figures[kind];
  const value = isPlainObject(part) ? part[key] : undefined;
  return typeof value === 'number' ? value : undefined;
}

/** “立案的提案220件（data/2023/提案台账.xlsx［提案］第2行、第3行……）” */
function describeRecords(name: string, year: YearRecords): { words: string; location: ReturnType<typeof placeOf>['location'] } {
  const behind = recordsBehind(name, year);
  const list = behind ? (behind.base ?? behind.records) : [];
  if (list.length === 0) return { words: '没有记录', location: {} };
  const places = list.slice(0, SHOWN).map((r) => placeOf(r, year).place);
  return { words: `${list.length}条记录（${places.join('、')}${list.length > SHOWN ? '等' : ''}）`, location: placeOf(list[0]!, year).location };
}

/** A value as the report prints it: rates and shares at the organisation's percent precision. */
const shownAt = (digits: number) => (name: string, v: unknown) => (typeof v !== 'number' ? '无' : /Rate$|share$/.test(name) ? formatPercent(v, digits) : String(v));

/**
 * The warnings of a year's figures, by its figures: the reports of one year share them (yearFigures),
 * so `validate`, which checks each report of the year, looks at them once.
 */
const found = new WeakMap<YearFigures, { year: YearRecords; previous: YearFigures | null; diagnostics: Diagnostic[] }>();

/**
 * A warning points at the first record behind the figure; with none behind it (a count fallen to
 * 0), at the first record of its kind this year (the ledger that lacks the column), else of any kind.
 */
export function plausibility(year: YearRecords, figures: YearFigures, previous: YearFigures | null): Diagnostic[] {
  const known = found.get(figures);
  if (known?.year === year && known.previous === previous) return [...known.diagnostics];
  const diagnostics = warnings(year, figures, previous);
  found.set(figures, { year, previous, diagnostics });
  return [...diagnostics];
}

function warnings(year: YearRecords, figures: YearFigures, previous: YearFigures | null): Diagnostic[] {
  const shown = shownAt(conventionsOf(year.organization).percentDigits);
  const out: Diagnostic[] = [];
  const recordsWords = (name: string, y: YearRecords) => {
    const found = describeRecords(name, y);
    if (found.location.file !== undefined) return found;
    const kind = name.split('.')[0]!;
    const first = y.records[kind]?.[0] ?? Object.values(y.records).find((list) => list.length > 0)?.[0];
    return { ...found, location: first ? placeOf(first, y).location : {} };
  };
  const label = (name: string) => labelOf(name)?.label ?? name;
  const warned = new Set<string>();
  for (const name of RATES) {
    const v = value(figures, name);
    if (v !== 0) continue;
    const base = recordsBehind(name, year)?.base?.length ?? 0;
    if (base < MIN_BASE_ZERO) continue;
    const { words, location } = recordsWords(name, year);
    warned.add(name);
    out.push(diagnostic('implausibleRate', { name, label: label(name), value: shown(name, v), previous: shown(name, value(previous, name)), records: words }, location));
  }
  for (const [group, columns] of Object.entries(TABLES)) {
    const entries = Object.values((value(figures, group) ?? {}) as Record<string, Record<string, unknown>>).filter((e) => typeof e.count === 'number' && e.count > 0);
    if (entries.length === 0) continue;
    for (const column of columns) {
      if (!entries.every((e) => e[column] === 0)) continue;
      const name = `${group}.*.${column}`;
      const { words, location } = recordsWords(`${group.split('.')[0]}.total`, year);
      out.push(diagnostic('zeroColumn', { name, label: COLUMN_WORDS[column] ?? column, records: words }, location));
    }
  }
  if (previous) {
    // Top-level counts and rates of a kind only (`proposals.total`): groups and single records move for their own reasons.
    for (const { name, kind, value: now } of kindNumbers(figures)) {
      if (warned.has(name)) continue;
      const then = kindNumber(previous, kind, name.slice(kind.length + 1));
      if (then === undefined) continue;
      const rate = /Rate$/.test(name);
      // From 0 there is no factor: last year may simply not have kept the field.
      const jump = rate ? Math.abs(now - then) * 100 > POINTS : then >= MIN_COUNT && (now === 0 || now / then > FACTOR || then / now > FACTOR);
      if (!jump) continue;
      // A kind with no records this year yet (a new year, a totals-only office) is not a change in its
      // figures. Asked last: a year whose figures were kept reads its records only for a warning.
      if ((year.records[kind] ?? []).length === 0) continue;
      const { words, location } = recordsWords(name, year);
      out.push(diagnostic('implausibleChange', { name, label: label(name), value: shown(name, now), previous: shown(name, then), records: words }, location));
    }
  }
  // Nothing in the year to point at: the year's missing records are reported on their own (RPT313).
  return out.filter((d) => d.file !== undefined);
}
