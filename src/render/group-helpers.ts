/**
 * Helpers that print a whole group of figures (`proposals.byCategory`, `proposals.byResult`):
 * a share that sums to 100% with the others printed beside it, a list of counts, a list of
 * counts with shares, and a statistics table. A share printed with its group is balanced by the
 * largest remainder at the precision printed, so 10/6/5 of 21 prints 48%/28%/24% (plain
 * rounding would give 101%). Groups whose records may fall in several keys (tags) have no such
 * shares and are refused.
 */
import { isExclusive } from '../domain/groups.js';
import { balancedShares } from '../domain/numbers.js';
import { formatPercent } from '../domain/figures-format.js';

/** A helper's refusal, with the argument it concerns (index) and whether the data cannot supply it. */
export class GroupHelperError extends Error {
  constructor(
    readonly detail: string,
    readonly argIndex: number,
    readonly unavailable = false,
  ) {
    super(detail);
  }
}

interface Entry {
  key: string;
  count: number;
  values: Record<string, unknown>;
}

/** The entries of a group: `{key: {count, …}}` or a tally `{key: count}`. */
function entriesOf(group: unknown, index: number): Entry[] {
  if (group === null || typeof group !== 'object' || Array.isArray(group)) throw new GroupHelperError('应为一组数字（如 proposals.byCategory）', index);
  return Object.entries(group as Record<string, unknown>).map(([key, v]) => {
    if (typeof v === 'number') return { key, count: v, values: { count: v } };
    if (v !== null && typeof v === 'object' && typeof (v as { count?: unknown }).count === 'number') {
      return { key, count: (v as { count: number }).count, values: v as Record<string, unknown> };
    }
    throw new GroupHelperError(`“${key}”不是件数，这一组不能这样列举`, index);
  });
}

function digitsOf(value: unknown, index: number, fallback = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 3) throw new GroupHelperError('小数位数应为 0～3 的整数', index);
  return value;
}

/** Percent strings of each entry, balanced over the group at `digits`. */
function balanced(group: unknown, entries: Entry[], index: number, digits: number): string[] {
  if (!isExclusive(group as object)) throw new GroupHelperError('这一组的记录可能同时属于几项（如标签），各项的比例相加不是 100%，不能平衡；单独一项的比例用 percent …share', index);
  const shares = balancedShares(
    entries.map((e) => e.count),
    digits,
  );
  if (shares.some((s) => s === null)) throw new GroupHelperError('这一组合计为 0，算不出比例', index, true);
  return shares.map((s) => formatPercent(s!, digits));
}

/** `{{share proposals.byResult "A" 0}}` → 48%: one entry's share, balanced with its group. */
export function share(group: unknown, key: unknown, digitsArg: unknown): string {
  const entries = entriesOf(group, 0);
  if (typeof key !== 'string') throw new GroupHelperError('第 2 个参数应为这一组中的一项，如 "A"', 1);
  const at = entries.findIndex((e) => e.key === key);
  if (at < 0) throw new GroupHelperError(`这一组中没有“${key}”；有：${entries.map((e) => e.key).join('、')}`, 1);
  return balanced(group, entries, 0, digitsOf(digitsArg, 2))[at]!;
}

function fill(pattern: string, fields: Record<string, string>): string {
  // {area}: the key as a field of work, “经济建设方面”, but “经济类” as it is (not “经济类方面”).
  const area = fields.key === undefined ? undefined : /(?:类|方面|领域)$/.test(fields.key) ? fields.key : `${fields.key}方面`;
  const all: Record<string, string | undefined> = { ...fields, area };
  return pattern.replace(/\{(\w+)\}/g, (m, name: string) => all[name] ?? m);
}

function labelOf(labels: unknown, key: string): string {
  if (labels !== null && typeof labels === 'object' && typeof (labels as Record<string, unknown>)[key] === 'string') return (labels as Record<string, string>)[key]!;
  return key;
}

/**
 * `{{counts proposals.bySubmitterKind "{key}提案{count}件"}}` → 委员提案160件、联名提案18件…:
 * the entries with records, in the group's order. `{label}` is the entry's label from `labels`.
 */
export function counts(group: unknown, pattern: unknown, separator: unknown, labels: unknown): string {
  const entries = entriesOf(group, 0).filter((e) => e.count > 0);
  if (typeof pattern !== 'string') throw new GroupHelperError('第 2 个参数应为句式，如 "{key}{count}件"', 1);
  if (entries.length === 0) throw new GroupHelperError('这一组没有任何记录，没有可列举的内容', 0, true);
  return entries.map((e) => fill(pattern, { key: e.key, label: labelOf(labels, e.key), count: String(e.count) })).join(typeof separator === 'string' ? separator : '、');
}

/**
 * `{{shares proposals.byCategory "{key}方面{count}件，占{share}" 1 "；"}}`: the entries with
 * records, each with its share balanced over the whole group at the precision given.
 */
export function shares(group: unknown, pattern: unknown, digitsArg: unknown, separator: unknown, labels: unknown): string {
  const all = entriesOf(group, 0);
  if (typeof pattern !== 'string') throw new GroupHelperError('第 2 个参数应为句式，如 "{key}{count}件，占{share}"', 1);
  const percents = balanced(group, all, 0, digitsOf(digitsArg, 2));
  const parts = all.flatMap((e, i) => (e.count > 0 ? [fill(pattern, { key: e.key, label: labelOf(labels, e.key), count: String(e.count), share: percents[i]! })] : []));
  return parts.join(typeof separator === 'string' ? separator : '；');
}

/**
 * `{{table proposals.byCategory "类别" "件数:count" "占比:share" total="合计"}}`: a Markdown table,
 * one row per entry with records, the columns given as "表头:字段" (`share` balanced over the group,
 * at one decimal), and a total row when `total` names it (counts summed, shares 100%).
 */
export function table(group: unknown, keyHeader: unknown, columns: unknown[], total: unknown, digits = 1): string {
  const all = entriesOf(group, 0);
  if (typeof keyHeader !== 'string') throw new GroupHelperError('第 2 个参数应为第一列的表头，如 "类别"', 1);
  const specs = columns.map((c, i) => {
    if (typeof c !== 'string' || !/^[^:：]+[:：]\w+$/.test(c)) throw new GroupHelperError('列应写成“表头:字段”，如 "件数:count"', i + 2);
    const [header, field] = c.split(/[:：]/) as [string, string];
    return { header, field };
  });
  const wantsShare = specs.some((s) => s.field === 'share');
  const percents = wantsShare ? balanced(group, all, 0, digits) : [];
  const rows = all.flatMap((e, i) => {
    if (e.count === 0) return [];
    return [[e.key, ...specs.map((s, c) => cellOf(e, s.field, percents[i], c + 2, digits))]];
  });
  if (rows.length === 0) throw new GroupHelperError('这一组没有任何记录，表格是空的', 0, true);
  const lines = [`| ${keyHeader} | ${specs.map((s) => s.header).join(' | ')} |`, `|---|${specs.map(() => '--:').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
  if (typeof total === 'string') {
    const sums = specs.map((s) => {
      // The printed shares added up: 100% unless equal counts kept equal shares (numbers.ts).
      if (s.field === 'share') return formatPercent(percents.filter((_, i) => all[i]!.count > 0).reduce((a, p) => a + Number.parseFloat(p), 0) / 100, digits);
      const values = all.filter((e) => e.count > 0).map((e) => e.values[s.field]);
      return values.every((v) => typeof v === 'number') ? String(values.reduce<number>((a, v) => a + (v as number), 0)) : '';
    });
    lines.push(`| ${total} | ${sums.join(' | ')} |`);
  }
  return lines.join('\n');
}

function cellOf(e: Entry, field: string, percent: string | undefined, index: number, digits: number): string {
  if (field === 'share') return percent!;
  const v = e.values[field];
  if (typeof v === 'number') return /Rate$/.test(field) ? formatPercent(v, digits) : String(v);
  if (v === null) return '—';
  throw new GroupHelperError(`“${e.key}”没有字段“${field}”；可用：${Object.keys(e.values).join('、')}`, index);
}
