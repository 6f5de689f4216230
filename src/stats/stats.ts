/**
 * `report stats`: the computed figures of a year, each beside the previous year's value and
 * the change, so that staff can check the numbers before a report is written. Names are the
 * ones templates and prose cite. Pure: the CLI prints what these functions return.
 */
import { labelOf } from '../compute/labels.js';
import { definitionOf } from '../compute/definitions.js';
import { roundTo } from '../domain/numbers.js';
import { conventionsOf, type Conventions } from '../domain/conventions.js';
import type { YearFigures } from '../compute/figures.js';
import { formatPercent, formatYoy } from '../domain/figures-format.js';
import { displayWidth } from '../text-width.js';
import { flatten, type Leaf } from '../compute/flatten.js';
import type { FiguresOfRecords } from './figures.js';

/**
 * - `count`: a number comparable with the year before (change and growth are shown);
 * - `rate`: a ratio printed as a percentage (change in percentage points);
 * - `record`: a field of one record (`meetings.byId.digital.topic`): ids are per year, so no comparison;
 * - `text`: anything else (names, dates, lists, the sitting and the organisation).
 */
export type StatKind = 'count' | 'rate' | 'record' | 'text';

export interface StatRow {
  name: string;
  /** 中文说明, from the figure catalogue (compute/labels.ts). */
  label: string;
  /** Measure word: 件, 次, 条… */
  unit?: string;
  explain?: string;
  /** For a rate: its numerator and base in words, by the organisation's conventions (已办复 ÷ 立案（含并案）). */
  definition?: string;
  kind: StatKind;
  value: Leaf;
  /** The same name in the previous year's figures; undefined when it has none. */
  previous?: Leaf;
  /** value − previous, for counts and rates with both numbers. */
  change?: number;
  /** (value − previous) / previous, for counts with a non-zero previous value. */
  growth?: number;
}

export interface Stats {
  year: number;
  /** The year compared against, or null when its data folder is absent. */
  previousYear: number | null;
  /** The column heading when it is not “<year>年”: “2018—2022年” for a term. */
  label?: string;
  /** Decimals of the percents, as the reports print them (conventions.percentDigits). */
  digits: number;
  rows: StatRow[];
}

const RATE = /(?:Rate|^share)$/;
/** Numbers that are labels, not tallies: comparing them with last year means nothing. */
const NOT_COUNTS = new Set(['year', 'planYear']);

function kindOf(name: string, value: Leaf): StatKind {
  const segments = name.split('.');
  if (segments.includes('byId')) return 'record';
  if (segments[0] === 'organization' || segments[0] === 'sitting' || NOT_COUNTS.has(name)) return 'text';
  if (RATE.test(segments[segments.length - 1]!)) return 'rate';
  return typeof value === 'number' || value === null ? 'count' : 'text';
}

function described(name: string): Pick<StatRow, 'label' | 'unit' | 'explain'> {
  const l = labelOf(name);
  return { label: l?.label ?? '', ...(l?.unit ? { unit: l.unit } : {}), ...(l?.explain ? { explain: l.explain } : {}) };
}

/** The rows of a year's figures, each beside last year's, or of a term's (nothing to compare). */
export function computeStats(of: FiguresOfRecords): Stats {
  const { previous } = of;
  const conventions: Conventions = conventionsOf((of.figures as { organization?: Parameters<typeof conventionsOf>[0] }).organization);
  const before = previous ? new Map(flatten(previous as YearFigures).map((e) => [e.name, e.value])) : undefined;
  const rows = flatten(of.figures).map(({ name, value }): StatRow => {
    const kind = kindOf(name, value);
    const definition = kind === 'rate' ? definitionOf(name, conventions) : undefined;
    const row: StatRow = { name, ...described(name), ...(definition ? { definition } : {}), kind, value };
    if (!before || (kind !== 'count' && kind !== 'rate')) return row;
    // A group missing last year (a new category or tag) had no records then: it compares with 0.
    const inGroup = name.split('.').some((s) => /^by[A-Z]/.test(s));
    const prev = before.has(name) ? before.get(name)! : kind === 'count' && inGroup ? 0 : undefined;
    if (prev === undefined) return row;
    row.previous = prev;
    if (typeof value === 'number' && typeof prev === 'number') {
      row.change = roundTo(value - prev, 10);
      if (kind === 'count' && prev !== 0) row.growth = roundTo((value - prev) / prev, 10);
    }
    return row;
  });
  return { year: of.year, previousYear: previous ? previous.year : null, ...(of.label ? { label: of.label } : {}), digits: conventions.percentDigits, rows };
}

/**
 * Keeps the rows a writer looks for: named by a prefix (`proposals` keeps `proposals.total`…),
 * or whose name or 中文说明 contains the word (`满意`, `协商会`, `byCategory`).
 */
export function filterStats(stats: Stats, terms: readonly string[]): Stats {
  if (terms.length === 0) return stats;
  const keep = (r: StatRow) => terms.some((t) => r.name === t || r.name.startsWith(`${t}.`) || r.name.includes(t) || r.label.includes(t));
  return { ...stats, rows: stats.rows.filter(keep) };
}

// ── Text ─────────────────────────────────────────────────────────────

const MAX_CELL = 48;

function truncate(text: string, width = MAX_CELL): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** A value as the table shows it: rates as percentages, lists joined, nothing spelt out. */
export function formatValue(kind: StatKind, value: Leaf | undefined, digits = 1): string {
  if (value === undefined) return '';
  if (value === null) return kind === 'rate' ? '无法算出' : '无';
  if (typeof value === 'number') return kind === 'rate' ? formatPercent(value, digits) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length === 0 ? '（空）' : truncate(`${value.map(String).join('、')}（${value.length}项）`);
  return truncate(String(value));
}

export function formatChange(row: StatRow, digits = 1): string {
  if (row.change === undefined) return '';
  if (row.kind === 'rate') {
    // From the percentages as printed, so that the column agrees with the two beside it.
    const points = roundTo(roundTo((row.value as number) * 100, digits) - roundTo((row.previous as number) * 100, digits), digits);
    if (points === 0) return '持平';
    return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(digits)}个百分点`;
  }
  if (row.change === 0) return '持平';
  const sign = row.change > 0 ? '+' : '−';
  const yoy = typeof row.previous === 'number' && row.previous !== 0 && typeof row.value === 'number' ? `（${formatYoy(row.value, row.previous, digits)}）` : '';
  return `${sign}${Math.abs(row.change)}${yoy}`;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * A plain-text table aligned for CJK terminals: 名称, this year, last year, change. Numbers are
 * right-aligned among themselves; a blank line separates the top-level groups.
 */
export function formatStatsTable(stats: Stats): string {
  const compare = stats.previousYear !== null;
  const header = ['名称', '说明', stats.label ?? `${stats.year}年`, ...(compare ? [`${stats.previousYear}年`, '变化'] : [])];
  const body = stats.rows.map((r) => [
    r.name,
    r.definition ? truncate(`${r.label}＝${r.definition}`, 64) : truncate(`${r.label}${r.unit ? `（${r.unit}）` : ''}`, 40),
    formatValue(r.kind, r.value, stats.digits),
    ...(compare ? [formatValue(r.kind, r.previous, stats.digits), formatChange(r, stats.digits)] : []),
  ]);
  const numeric = stats.rows.map((r) => r.kind === 'count' || r.kind === 'rate');
  // Columns fit the numbers; a text (a name, a list of titles) runs on past them, as it has
  // nothing to compare and would otherwise push every number far to the right.
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...body.map((cells, r) => (i <= 1 || numeric[r] ? displayWidth(cells[i]!) : 0))),
  );
  const line = (cells: string[], isNumber: boolean) =>
    cells
      .map((c, i) => (i <= 1 ? pad(c, widths[i]!) : isNumber ? pad(c, widths[i]!, i < 4) : c))
      .join('  ')
      .trimEnd();
  const out = [line(header, true), widths.map((w) => '─'.repeat(w)).join('  ')];
  let group: string | undefined;
  body.forEach((cells, i) => {
    const name = stats.rows[i]!.name;
    const top = name.includes('.') ? name.split('.')[0] : '';
    if (group !== undefined && top !== group) out.push('');
    group = top;
    out.push(line(cells, numeric[i]!));
  });
  return out.join('\n') + '\n';
}

// ── JSON ─────────────────────────────────────────────────────────────

export interface StatsJson {
  year: number;
  previousYear: number | null;
  figures: Record<string, { label: string; unit: string | null; definition?: string; printed: string; value: Leaf; previous: Leaf; change: number | null; growth: number | null }>;
}

/** One object: name → value, previous value, change and growth (null where they do not apply). */
export function statsToJson(stats: Stats): StatsJson {
  const figures: StatsJson['figures'] = {};
  for (const r of stats.rows) {
    figures[r.name] = { label: r.label, unit: r.unit ?? null, ...(r.definition ? { definition: r.definition } : {}), printed: formatValue(r.kind, r.value, stats.digits), value: r.value, previous: r.previous ?? null, change: r.change ?? null, growth: r.growth ?? null };
  }
  return { year: stats.year, previousYear: stats.previousYear, figures };
}
