/**
 * The named figures of a year, or of a term: every number a report prints is one of these,
 * computed from the records by their kinds (domain/records/*), or taken from totals an office
 * wrote by hand when it keeps no records. Templates and prose cite them by name:
 * `proposals.byCategory.民生和社会事业.count`.
 */
import type { Figures, RecordKind, RecordValue, YearRecords } from '../domain/record-kind.js';
import { RECORD_KINDS } from '../domain/registry.js';
import { conventionsOf } from '../domain/conventions.js';
import { absentReasons, markAbsent, withoutAbsentColumns, type AbsentColumn } from './absent.js';
import { exclusive, isExclusive, settleShares, sum } from '../domain/groups.js';
import { everyOf, isObject, isString } from '../load/kept-shape.js';

export interface YearFigures {
  year: number;
  members: { total: number; standing: number | null; inCommittees: number | null } | null;
  [kind: string]: unknown;
}

/**
 * A kind's figures with every number made unavailable (null): what a year that keeps only
 * totals can say about anything its totals do not give. Citing such a figure is an error that
 * names it, never a 0 that would be wrong.
 */
function unavailable(value: unknown): unknown {
  if (typeof value === 'number') return null;
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unavailable(v)]));
  return value;
}

function kindFigures(kind: RecordKind, year: YearRecords, scope: 'year' | 'term'): Figures {
  const records = year.records[kind.key] ?? [];
  const totals = year.totals[kind.key];
  if (records.length === 0 && totals && kind.totals) {
    return { ...(unavailable(kind.figures([], year, scope)) as Figures), ...kind.totals.figures(totals) };
  }
  return withoutAbsentColumns(kind.key, kind.figures(records, year, scope), year.absent?.[kind.key]);
}

/**
 * Figures by the year's checked records, for the pipeline: the reports of one year (validate
 * checks all of them in one session) share the records, so they share the figures instead of
 * counting again. Shared, so read only; computeYear gives a caller its own.
 */
const computed = new WeakMap<YearRecords, YearFigures>();

export function yearFigures(year: YearRecords): YearFigures {
  let figures = computed.get(year);
  if (!figures) computed.set(year, (figures = keptFigures(year) ?? computeYear(year)));
  return figures;
}

/**
 * The figures an earlier run counted from the same records, from the parse cache (see
 * YearRecords.figuresBefore), when what it gives has their shape; else undefined, and the figures
 * counted now are kept for the next run. Two marks beside the figures, not in them, are kept as
 * the paths of the objects they mark: which groupings are exclusive (their shares balance to 100%:
 * domain/groups.ts), and why figures are missing where a ledger has no column for them
 * (compute/absent.ts: a message then names the column to add, with the cache as without it).
 */
function keptFigures(year: YearRecords): YearFigures | undefined {
  const before = year.figuresBefore;
  if (!before) return undefined;
  const found = before.find();
  if (isKeptFigures(found, year.year)) {
    const marked = markedAgain(found);
    if (marked) return marked;
  }
  const figures = computeYear(year);
  const exclusivePaths: string[][] = [];
  const absent: KeptFigures['absent'] = [];
  // Groupings are objects under objects (proposals.byCategory): lists (of titles…) are not looked into.
  const at: string[] = [];
  const walk = (node: Record<string, unknown>) => {
    if (isExclusive(node)) exclusivePaths.push([...at]);
    const reasons = absentReasons(node);
    if (reasons) absent.push([[...at], [...reasons]]);
    for (const key in node) {
      const value = node[key];
      if (!isObject(value)) continue;
      at.push(key);
      walk(value);
      at.pop();
    }
  };
  walk(figures);
  before.keep({ figures, exclusive: exclusivePaths, absent } satisfies KeptFigures);
  return figures;
}

interface KeptFigures {
  figures: YearFigures;
  /** The paths of the exclusive groupings. */
  exclusive: string[][];
  /** The paths of the objects whose missing figures have a reason, with the reasons (figure → absent column). */
  absent: Array<[path: string[], reasons: Array<[figure: string, column: AbsentColumn]>]>;
}

const isPath = (p: unknown): p is string[] => everyOf(p, isString);
const isPair = (v: unknown, first: (v: unknown) => boolean, second: (v: unknown) => boolean): boolean => Array.isArray(v) && v.length === 2 && first(v[0]) && second(v[1]);
const isAbsentColumn = (a: unknown): boolean => isObject(a) && isString(a.column) && isString(a.file) && isString(a.sheet);
/** An object's path with its reasons, each a figure's name and its absent column (KeptFigures.absent). */
const isAbsentMark = (m: unknown): boolean => isPair(m, isPath, (reasons) => everyOf(reasons, (r) => isPair(r, isString, isAbsentColumn)));

/** The shape of kept figures: the year's, its members or null, an object for every kind of record, and the marks' paths. */
function isKeptFigures(data: unknown, year: number): data is KeptFigures {
  if (!isObject(data) || !isObject(data.figures)) return false;
  const f = data.figures;
  return (
    f.year === year &&
    (f.members === null || isObject(f.members)) &&
    RECORD_KINDS.every((k) => isObject(f[k.key])) &&
    everyOf(data.exclusive, isPath) &&
    everyOf(data.absent, isAbsentMark)
  );
}

/** The kept figures with their marks made again; undefined when a path leads to no object. */
function markedAgain(kept: KeptFigures): YearFigures | undefined {
  const at = (path: readonly string[]) => path.reduce<unknown>((n, key) => (isObject(n) && Object.hasOwn(n, key) ? n[key] : undefined), kept.figures);
  for (const path of kept.exclusive) {
    const node = at(path);
    if (!isObject(node)) return undefined;
    exclusive(node);
  }
  for (const [path, reasons] of kept.absent) {
    const node = at(path);
    if (!isObject(node)) return undefined;
    markAbsent(node, reasons);
  }
  return kept.figures;
}

export function computeYear(year: YearRecords): YearFigures {
  const m = year.members;
  const kinds = Object.fromEntries(RECORD_KINDS.map((kind) => [kind.key, kindFigures(kind, year, 'year')]));
  settleShares(kinds, conventionsOf(year.organization).percentDigits);
  return {
    year: year.year,
    ...kinds,
    members: m ? { total: m.total, standing: m.standing ?? null, inCommittees: m.inCommittees ?? null } : null,
  };
}

/** Ids are unique within a year: over a term each is prefixed with its year, and so are the references to it. */
function termRecords(kind: RecordKind, year: YearRecords): RecordValue[] {
  const refs = (kind.references ?? []).map((r) => r.field);
  // Records nothing refers to by id (activities) keep their ids: the same activity recurs every year and adds up.
  if (!kind.instructable && refs.length === 0) return year.records[kind.key] ?? [];
  return (year.records[kind.key] ?? []).map((r) => {
    const out: RecordValue = { ...r, id: `${year.year}:${String(r.id)}` };
    for (const field of refs) if (typeof r[field] === 'string') out[field] = `${year.year}:${String(r[field])}`;
    return out;
  });
}

export interface TermFigures {
  from: number;
  to: number;
  yearCount: number;
  /** The years, ascending (for `{{join term.years}}`). */
  years: number[];
  [kind: string]: unknown;
}

/**
 * The figures of consecutive years (given ascending) counted together: counts add up, and every
 * rate and share is recomputed from the summed counts (立案率 = Σ立案 ÷ Σ收到), never averaged, so
 * a term's rate printed beside its counts agrees with them. Where a year keeps only totals, the
 * term's figures of that kind are its totals summed, and the rest unavailable.
 */
export function computeTerm(years: readonly YearRecords[]): TermFigures {
  if (years.length === 0) throw new RangeError('computeTerm: no years');
  const last = years[years.length - 1]!;
  const union: YearRecords = {
    ...last,
    records: Object.fromEntries(RECORD_KINDS.map((k) => [k.key, years.flatMap((y) => termRecords(k, y))])),
    totals: {},
    members: undefined,
  };
  const figures: Record<string, unknown> = {};
  for (const kind of RECORD_KINDS) {
    const totalsOnly = years.filter((y) => (y.records[kind.key] ?? []).length === 0 && y.totals[kind.key] !== undefined);
    const computed = kind.figures(union.records[kind.key]!, union, 'term');
    if (totalsOnly.length === 0 || !kind.totals) {
      figures[kind.key] = computed;
      continue;
    }
    const t = kind.totals;
    const perYear = years.map((y) => ((y.records[kind.key] ?? []).length > 0 ? t.counted(y.records[kind.key]!) : (y.totals[kind.key] as Record<string, number | undefined> | undefined) ?? {}));
    const summed = Object.fromEntries(
      Object.keys(t.fields).flatMap((f) => (perYear.every((p) => typeof p[f] === 'number') ? [[f, sum(perYear.map((p) => p[f] as number))]] : [])),
    );
    figures[kind.key] = { ...(unavailable(computed) as Figures), ...t.figures(summed) };
  }
  settleShares(figures, conventionsOf(last.organization).percentDigits);
  return { from: years[0]!.year, to: last.year, yearCount: years.length, years: years.map((y) => y.year), ...figures };
}
