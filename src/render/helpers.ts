/**
 * Template helpers of the genre. Each checks its arguments: a missing figure must stop the
 * build with a message, never print as an empty gap or "NaN%".
 */
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { chineseNumeral, partNumber, sectionNumber, spacedName } from './chinese.js';
import { formatApprox, formatApproxWord, formatPercent, formatYoy } from './figures-format.js';

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
    /** Index of the offending argument, to name the figure it came from. */
    readonly argIndex: number | undefined,
    /** True when the argument is a figure the data cannot supply (a null rate). */
    readonly unavailable = false,
  ) {
    super(`${helper}: ${detail}`);
  }
}

type Args = unknown[];

/** “…”, with double quotes already inside turned to single ones: “加快‘专精特新’企业培育”. */
function quote(s: string): string {
  return `“${s.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}

function split(raw: unknown[]): { args: Args; options: HelperOptions & { loc?: SourceLoc } } {
  const options = raw[raw.length - 1] as HelperOptions & { loc?: SourceLoc };
  return { args: raw.slice(0, -1), options };
}

function number(name: string, args: Args, i: number, loc: SourceLoc | undefined): number {
  const v = args[i];
  if (v === null) throw new HelperError(name, `第 ${i + 1} 个参数无法由数据算出（如分母为 0）`, loc, i, true);
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new HelperError(name, `第 ${i + 1} 个参数应为数字，实际是${v === undefined ? '空' : JSON.stringify(v)}`, loc, i);
  }
  return v;
}

function optionalNumber(name: string, args: Args, i: number, loc: SourceLoc | undefined): number | undefined {
  return args[i] === undefined ? undefined : number(name, args, i, loc);
}

function string(name: string, args: Args, i: number, loc: SourceLoc | undefined): string {
  const v = args[i];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw new HelperError(name, `第 ${i + 1} 个参数应为文字，实际是${v === undefined || v === null ? '空' : typeof v}`, loc, i, v === null);
}

function list(name: string, args: Args, i: number, loc: SourceLoc | undefined): string[] {
  const v = args[i];
  if (!Array.isArray(v)) throw new HelperError(name, `第 ${i + 1} 个参数应为列表`, loc, i);
  if (v.length === 0) throw new HelperError(name, `第 ${i + 1} 个参数是空列表，没有可列举的内容`, loc, i, true);
  return v.map(String);
}

function day(name: string, args: Args, loc: SourceLoc | undefined): Date {
  const s = string(name, args, 0, loc);
  // Parsed as a calendar day in local time and formatted the same way: no time zone can shift it.
  const d = parseISO(s);
  if (!isValid(d)) throw new HelperError(name, `“${s}”不是日期（应为 YYYY-MM-DD）`, loc, 0);
  return d;
}

/** name → implementation taking (args, loc). */
const HELPERS: Record<string, (args: Args, loc: SourceLoc | undefined) => unknown> = {
  percent: (a, l) => formatPercent(number('percent', a, 0, l), optionalNumber('percent', a, 1, l) ?? 1),
  approx: (a, l) => {
    // approx n [step] [suffix]; the step may be left out: approx n "多".
    const n = number('approx', a, 0, l);
    if (typeof a[1] === 'string') return formatApprox(n, undefined, a[1]);
    const step = optionalNumber('approx', a, 1, l);
    const suffix = a[2] === undefined ? undefined : string('approx', a, 2, l);
    return formatApprox(n, step, suffix);
  },
  approxWord: (a, l) => formatApproxWord(number('approxWord', a, 0, l)),
  cn: (a, l) => chineseNumeral(number('cn', a, 0, l)),
  partNumber: (a, l) => partNumber(number('partNumber', a, 0, l)),
  sectionNumber: (a, l) => sectionNumber(number('sectionNumber', a, 0, l)),
  inc: (a, l) => number('inc', a, 0, l) + 1,
  sum: (a, l) => a.reduce<number>((s, _, i) => s + number('sum', a, i, l), 0),
  diff: (a, l) => number('diff', a, 0, l) - number('diff', a, 1, l),
  yoy: (a, l) => {
    const current = number('yoy', a, 0, l);
    const previous = number('yoy', a, 1, l);
    if (previous === 0) throw new HelperError('yoy', '上一年的数字为 0，无法计算增长率', l, 1, true);
    return formatYoy(current, previous, optionalNumber('yoy', a, 2, l) ?? 1);
  },
  date: (a, l) => format(day('date', a, l), 'yyyy年M月d日'),
  monthDay: (a, l) => format(day('monthDay', a, l), 'M月d日'),
  month: (a, l) => format(day('month', a, l), 'M月'),
  quote: (a, l) => quote(string('quote', a, 0, l)),
  quoteEach: (a, l) => list('quoteEach', a, 0, l).map(quote).join(''),
  join: (a, l) => list('join', a, 0, l).join(a[1] === undefined ? '、' : string('join', a, 1, l)),
  spaced: (a, l) => spacedName(string('spaced', a, 0, l)),
  wan: (a, l) => {
    const yuan = number('wan', a, 0, l);
    return String(Math.round(yuan / 100) / 100);
  },
};

export const HELPER_NAMES = Object.keys(HELPERS).sort();

export function registerHelpers(register: (name: string, fn: HelperDelegate) => void): void {
  for (const [name, impl] of Object.entries(HELPERS)) {
    register(name, (...raw: unknown[]) => {
      const { args, options } = split(raw);
      return impl(args, options.loc);
    });
  }
}
