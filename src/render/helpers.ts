/**
 * Template helpers of the genre. Every argument has a domain, written out below in the words
 * the messages use (应为…): a value outside it stops the build at that argument, never prints
 * as garbage ("240余" from a negative step, "0余" from a large count, "下降600%" from a negative
 * year). A figure the data cannot supply (null) is its own problem: the data, not the template,
 * has to change.
 */
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { conventionsOf } from '../domain/conventions.js';
import { chineseNumeral, partNumber, sectionNumber, spacedName } from '../domain/chinese.js';
import { formatApprox, formatApproxWord, formatPercent, formatYoy } from '../domain/figures-format.js';
import { counts as groupCounts, GroupHelperError, share as groupShare, shares as groupShares, table as groupTable } from './group-helpers.js';

export interface SourceLoc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** Thrown by a helper; the render stage turns it into a diagnostic at the template position. */
export class HelperError extends Error {
  constructor(
    readonly helper: string,
    readonly detail: string,
    readonly loc: SourceLoc | undefined,
    /** Index of the offending argument, to name the figure it came from and place the problem there. */
    readonly argIndex: number | undefined,
    /** True when the argument is a figure the data cannot supply (a null rate). */
    readonly unavailable = false,
  ) {
    super(`${helper}: ${detail}`);
  }
}

/** One argument: its name and what it must be, for messages, and a reading that refuses anything else (undefined). */
interface Param<T> {
  name: string;
  what: string;
  read: (v: unknown) => T | undefined;
  optional?: true;
}

/** Thrown inside a helper's body about one of its arguments. */
class ArgumentProblem extends Error {
  constructor(
    readonly index: number,
    readonly detail: string,
    readonly unavailable = false,
  ) {
    super(detail);
  }
}

interface Helper {
  /** How it is written, shown when the number of arguments is wrong. */
  usage: string;
  params: readonly Param<unknown>[];
  /** A helper taking any number (at least `min`) of arguments of one kind. */
  rest?: { param: Param<unknown>; min: number; max: number };
  /** `digits`: the report's percent precision (conventions.percentDigits), for a helper that prints percents without being told how. */
  run: (values: unknown[], digits: number) => string | number;
}

type Values<P extends readonly Param<unknown>[]> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

function define<const P extends readonly Param<unknown>[]>(usage: string, params: P, run: (...values: Values<P>) => string | number): Helper {
  return { usage, params, run: (values) => run(...(values as unknown as Values<P>)) };
}

function optional<T>(p: Param<T>): Param<T | undefined> {
  return { ...p, optional: true };
}

// ── Domains ─────────────────────────────────────────────────────────

/** Counts and sums of money in the reports stay far below this; beyond it a float no longer prints exactly. */
const LARGEST = 1e12;

function numberIn(name: string, what: string, test: (n: number) => boolean): Param<number> {
  return { name, what, read: (v) => (typeof v === 'number' && Number.isFinite(v) && test(v) ? v : undefined) };
}

const amount = (name: string) => numberIn(name, '不小于 0、不大于 1 万亿的数', (n) => n >= 0 && n <= LARGEST);
const signed = (name: string) => numberIn(name, '绝对值不大于 1 万亿的数', (n) => Math.abs(n) <= LARGEST);
const RATIO = numberIn('比例', '0 到 1 之间的比例（0.614 即 61.4%）', (n) => n >= 0 && n <= 1);
const DIGITS = numberIn('小数位数', '0 到 3 的整数', (n) => Number.isInteger(n) && n >= 0 && n <= 3);
const INDEX = numberIn('序号', '不小于 0 的整数', (n) => Number.isInteger(n) && n >= 0 && n <= LARGEST);
const NUMERAL = numberIn('数', '0 到 99999999 的整数', (n) => Number.isInteger(n) && n >= 0 && n <= 99_999_999);
const ORDINAL = numberIn('序号', '1 到 99 的整数', (n) => Number.isInteger(n) && n >= 1 && n <= 99);
const STEP = numberIn('取整单位', '10、100、1000 这样的 10 的整数次幂', (n) => n >= 10 && n <= LARGEST && /^10*$/.test(String(n)));
const SUFFIXES = ['余', '多'];
const SUFFIX: Param<string> = { name: '后缀', what: '“余”或“多”', read: (v) => (typeof v === 'string' && SUFFIXES.includes(v) ? v : undefined) };
const STEP_OR_SUFFIX: Param<number | string> = {
  name: '取整单位或后缀',
  what: `${STEP.what}，或${SUFFIX.what}`,
  read: (v) => STEP.read(v) ?? SUFFIX.read(v),
};

function text(name: string): Param<string> {
  return { name, what: '不空的文字', read: (v) => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined) };
}

const SEPARATOR: Param<string> = {
  name: '分隔符',
  what: '1 到 4 个字的文字（如“、”）',
  read: (v) => (typeof v === 'string' && [...v].length >= 1 && [...v].length <= 4 && !/[\u0000-\u001f\u007f]/.test(v) ? v : undefined),
};

/** A list to enumerate: empty is a figure the data cannot supply; items are words or numbers, never groups. */
const LIST: Param<string[]> = {
  name: '列表',
  what: '文字或数字组成的列表',
  read: (v) => (Array.isArray(v) && v.every((x) => (typeof x === 'string' && x.trim() !== '') || (typeof x === 'number' && Number.isFinite(x))) ? v.map(String) : undefined),
};

/** A calendar day written YYYY-MM-DD, between 1900 and 2100 (year 0000 printed as 0001年 before). */
const DAY: Param<{ y: number; m: number; d: number }> = {
  name: '日期',
  what: '1900—2100 年间的日期（写成 YYYY-MM-DD）',
  read: (v) => {
    const match = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
    if (!match) return undefined;
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // Date.UTC rolls 02-30 over to March: a day that does not exist comes back different.
    const day = new Date(Date.UTC(y, m - 1, d));
    const real = day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
    return real && y >= 1900 && y <= 2100 ? { y, m, d } : undefined;
  },
};

/** “…”, with double quotes already inside turned to single ones: “加快‘专精特新’企业培育”. */
function quote(s: string): string {
  return `“${s.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}

const NAME_OR_COUNT: Param<string | number> = {
  name: '名称或数',
  what: '交替写出的名称和不小于 0 的整数',
  read: (v) => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= LARGEST ? v : undefined),
};

/**
 * `{{items "次" "常委会议" a "主席会议" b}}`: “常委会议3次、主席会议2次”; equal counts read
 * “常委会议、主席会议各3次”; a name with 0 is left out (“召开主席会议0次” is not a sentence).
 */
function listItems(unit: string, pairs: ReadonlyArray<string | number>): string {
  if (pairs.length % 2 !== 0) throw new ArgumentProblem(pairs.length, '名称和数应成对写出：名称 数 名称 数 …');
  const items: Array<{ name: string; n: number }> = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const [name, n] = [pairs[i], pairs[i + 1]];
    if (typeof name !== 'string') throw new ArgumentProblem(i + 1, `第 ${i + 2} 个参数应为名称，实际是“${String(name)}”`);
    if (typeof n !== 'number') throw new ArgumentProblem(i + 2, `第 ${i + 3} 个参数应为数，实际是“${n}”`);
    if (n > 0) items.push({ name, n });
  }
  if (items.length === 0) throw new ArgumentProblem(2, '各项都是 0，没有可列举的内容', true);
  if (items.length > 1 && items.every((x) => x.n === items[0]!.n)) return `${items.map((x) => x.name).join('、')}各${items[0]!.n}${unit}`;
  return items.map((x) => `${x.name}${x.n}${unit}`).join('、');
}

/** A group of figures: `proposals.byCategory`, `proposals.byResult`. */
const GROUP: Param<object> = {
  name: '一组数字',
  what: '一组数字（如 proposals.byCategory）',
  read: (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined),
};
/** How each entry of a group is written: "{key}提案{count}件". */
const PATTERN: Param<string> = {
  name: '句式',
  what: '含 {key}、{area}、{label}、{count} 或 {share} 的文字',
  read: (v) => (typeof v === 'string' && /\{(?:key|area|label|count|share)\}/.test(v) ? v : undefined),
};
const LABELS: Param<object> = { name: '说法', what: '各项的说法（如 proposals.resultLabels）', read: GROUP.read };
const DIGITS_OR_SEPARATOR: Param<number | string> = { name: '小数位数或分隔符', what: `${DIGITS.what}，或${SEPARATOR.what}`, read: (v) => DIGITS.read(v) ?? SEPARATOR.read(v) };
const SEPARATOR_OR_LABELS: Param<string | object> = { name: '分隔符或说法', what: `${SEPARATOR.what}，或${LABELS.what}`, read: (v) => SEPARATOR.read(v) ?? LABELS.read(v) };
const COLUMN: Param<string> = { name: '列', what: '“表头:字段”（如 "件数:count"）', read: (v) => (typeof v === 'string' && /^[^:：]+[:：]\w+$/.test(v) ? v : undefined) };

/** A group helper's refusal, about one of its arguments. */
function grouped<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof GroupHelperError) throw new ArgumentProblem(error.argIndex, error.detail, error.unavailable);
    throw error;
  }
}

// ── The helpers ─────────────────────────────────────────────────────

const HELPERS: Record<string, Helper> = {
  percent: define('percent 比例 [小数位数]', [RATIO, optional(DIGITS)], (ratio, digits) => formatPercent(ratio, digits ?? 1)),
  approx: define('approx 数 [取整单位] [“余”或“多”]', [amount('数'), optional(STEP_OR_SUFFIX), optional(SUFFIX)], (n, second, suffix) => {
    // The step may be left out: approx n "多".
    if (typeof second === 'string') {
      if (suffix !== undefined) throw new ArgumentProblem(2, '第 2 个参数已经是后缀，不能再写第 3 个参数');
      return formatApprox(n, undefined, second);
    }
    return formatApprox(n, second, suffix);
  }),
  approxWord: define('approxWord 数', [amount('数')], (n) => formatApproxWord(n)),
  cn: define('cn 数', [NUMERAL], (n) => chineseNumeral(n)),
  partNumber: define('partNumber 序号', [ORDINAL], (n) => partNumber(n)),
  sectionNumber: define('sectionNumber 序号', [ORDINAL], (n) => sectionNumber(n)),
  inc: define('inc 序号', [INDEX], (n) => n + 1),
  sum: { usage: 'sum 数 数 …', params: [], rest: { param: signed('数'), min: 2, max: 20 }, run: (values) => (values as number[]).reduce((s, n) => s + n, 0) },
  diff: define('diff 数 数', [signed('数'), signed('数')], (a, b) => a - b),
  yoy: define('yoy 本年 上年 [小数位数]', [amount('本年'), amount('上年'), optional(DIGITS)], (current, previous, digits) => {
    if (previous === 0) throw new ArgumentProblem(1, '上一年的数字为 0，无法计算增长率', true);
    return formatYoy(current, previous, digits ?? 1);
  }),
  date: define('date 日期', [DAY], ({ y, m, d }) => `${y}年${m}月${d}日`),
  monthDay: define('monthDay 日期', [DAY], ({ m, d }) => `${m}月${d}日`),
  month: define('month 日期', [DAY], ({ m }) => `${m}月`),
  quote: define('quote 文字', [text('文字')], (s) => quote(s)),
  quoteEach: define('quoteEach 列表', [LIST], (list) => list.map(quote).join('')),
  join: define('join 列表 [分隔符]', [LIST, optional(SEPARATOR)], (list, separator) => list.join(separator ?? '、')),
  spaced: define('spaced 姓名', [text('姓名')], (name) => spacedName(name)),
  wan: define('wan 元', [amount('元')], (yuan) => String(Math.round(yuan / 100) / 100)),
  share: define('share 一组 项 [小数位数]', [GROUP, text('项'), optional(DIGITS)], (group, key, digits) => grouped(() => groupShare(group, key, digits))),
  counts: define('counts 一组 句式 [分隔符] [说法]', [GROUP, PATTERN, optional(SEPARATOR), optional(LABELS)], (group, pattern, separator, labels) =>
    grouped(() => groupCounts(group, pattern, separator, labels)),
  ),
  // The decimals may be left out (the report's precision), the separator and labels still given: shares 一组 句式 "；".
  shares: {
    usage: 'shares 一组 句式 [小数位数] [分隔符] [说法]',
    params: [GROUP, PATTERN, optional(DIGITS_OR_SEPARATOR), optional(SEPARATOR_OR_LABELS), optional(LABELS)],
    run: ([group, pattern, a, b, c], digits) => {
      const [d, separator, labels] = typeof a === 'string' ? [digits, a, b] : [a ?? digits, typeof b === 'string' ? b : undefined, typeof b === 'object' ? b : c];
      return grouped(() => groupShares(group, pattern, d, separator, labels));
    },
  },
  items: {
    usage: 'items 量词 名称 数 [名称 数 …]',
    params: [text('量词')],
    rest: { param: NAME_OR_COUNT, min: 2, max: 20 },
    run: ([unit, ...pairs]) => listItems(unit as string, pairs as Array<string | number>),
  },
  table: {
    usage: 'table 一组 首列表头 "表头:字段" …',
    params: [GROUP, text('首列表头')],
    rest: { param: COLUMN, min: 1, max: 10 },
    run: ([group, header, ...columns], digits) => grouped(() => groupTable(group, header, columns, '合计', digits)),
  },
};

export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS).sort();

export interface HelperSignature {
  usage: string;
  /** Fewest and most arguments. */
  min: number;
  max: number;
}

/** How many arguments a helper takes, to check a template before it runs. */
export function helperSignature(name: string): HelperSignature | undefined {
  const h = Object.hasOwn(HELPERS, name) ? HELPERS[name] : undefined;
  if (!h) return undefined;
  const fixed = h.params.filter((p) => !p.optional).length;
  if (h.rest) return { usage: h.usage, min: fixed + h.rest.min, max: h.params.length + h.rest.max };
  return { usage: h.usage, min: fixed, max: h.params.length };
}

/** The value as a message quotes it: 实际是“-10”, 实际是空. */
function describeValue(v: unknown): string {
  if (v === undefined || v === null) return '空';
  if (typeof v === 'string') return `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
  if (typeof v === 'number' || typeof v === 'boolean') return `“${String(v)}”`;
  if (Array.isArray(v)) return v.length === 0 ? '空列表' : `一个有 ${v.length} 项的列表`;
  return '一组数据';
}

/** A space between Chinese and a leading digit, as the other messages write “应为 0 到 3 的整数”. */
const spaceBefore = (s: string) => (/^\d/.test(s) ? ` ${s}` : s);

/** “需要 1 到 2 个参数，实际是 3 个（写法：…）”, for a call with the wrong number of arguments. */
export function arityProblem(signature: HelperSignature, count: number): string {
  const { min, max, usage } = signature;
  const wanted = min === max ? ` ${min} 个` : max > min + 5 ? `至少 ${min} 个` : ` ${min} 到 ${max} 个`;
  return `需要${wanted}参数，实际是 ${count} 个（写法：{{${usage}}}）`;
}

function precisionProblem(index: number, given: number, digits: number): string {
  const words = (d: number) => (d === 0 ? '整数' : `${d} 位小数`);
  return `第 ${index + 1} 个参数要求百分数写${words(given)}，而本报告的百分数一律写${words(digits)}（organization.yaml 的 conventions.percentDigits）；去掉这个参数即可，要改位数请改 percentDigits`;
}

/** Checks the arguments against the helper's domains, then runs it. */
function call(name: string, helper: Helper, args: readonly unknown[], loc: SourceLoc | undefined, digits: number): string | number {
  const signature = helperSignature(name)!;
  if (args.length < signature.min || args.length > signature.max) throw new HelperError(name, arityProblem(signature, args.length), loc, undefined);
  const values = args.map((v, i) => {
    // Fixed parameters first, then as many of the rest as given.
    const param = i < helper.params.length ? helper.params[i]! : helper.rest!.param;
    if (v === null) throw new HelperError(name, `第 ${i + 1} 个参数（${param.name}）无法由数据算出（如分母为 0）`, loc, i, true);
    if (Array.isArray(v) && v.length === 0 && param === LIST) {
      throw new HelperError(name, `第 ${i + 1} 个参数是空列表，没有可列举的内容`, loc, i, true);
    }
    const value = param.read(v);
    if (value === undefined) throw new HelperError(name, `第 ${i + 1} 个参数（${param.name}）应为${spaceBefore(param.what)}，实际是${describeValue(v)}`, loc, i);
    return value;
  });
  // One precision per report: a percent takes the report's decimals; written out, they must be the same
  // (“6%” beside “16.4%”, or 67% in the text for 66.7% in the table, was the defect).
  helper.params.forEach((p, i) => {
    if (p !== DIGITS && p !== DIGITS_OR_SEPARATOR) return;
    if (values[i] === undefined) {
      if (p === DIGITS) values[i] = digits;
    } else if (typeof values[i] === 'number' && values[i] !== digits) {
      throw new HelperError(name, precisionProblem(i, values[i] as number, digits), loc, i);
    }
  });
  try {
    return helper.run(values, digits);
  } catch (error) {
    if (error instanceof ArgumentProblem) throw new HelperError(name, error.detail, loc, error.index, error.unavailable);
    throw error;
  }
}

/** The report's percent precision: its organisation's conventions (a compilation's first organisation's), else one decimal. */
function percentDigitsOf(root: unknown): number {
  const r = root as { organization?: { conventions?: { percentDigits?: number } }; organizations?: Array<{ organization?: { conventions?: { percentDigits?: number } } }> } | undefined;
  const org = r?.organization ?? r?.organizations?.[0]?.organization;
  return conventionsOf(org as Parameters<typeof conventionsOf>[0]).percentDigits;
}

export function registerHelpers(register: (name: string, fn: HelperDelegate) => void): void {
  for (const [name, helper] of Object.entries(HELPERS)) {
    register(name, (...raw: unknown[]) => {
      const options = raw[raw.length - 1] as HelperOptions & { loc?: SourceLoc };
      return call(name, helper, raw.slice(0, -1), options.loc, percentDigitsOf(options.data?.root));
    });
  }
}
