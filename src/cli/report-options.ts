/**
 * What a command needs to know about which report to make: the year or a term's year range,
 * the report kind, one data folder or several (a compilation), the script. The combinations
 * are checked here so a command gets one consistent set of pipeline options or a usage error.
 *
 *   report build 2023                          annual report (年度工作报告)
 *   report build 2023 --kind summary           year summary (工作综述)
 *   report build 2018-2022 [--kind term]       term report (届末五年工作报告)
 *   report build 2023 --data a --data b        compilation (汇编), one section per organisation
 *   … --script hant                            in traditional characters
 */
import { parseYear, resolveDataDir, UsageError, type Io } from './shared.js';

export const SCRIPT_CHOICES = ['hans', 'hant'] as const;

export interface ReportArgs {
  /** `--data`, as often as given. */
  data?: string[];
  kind?: string;
  script?: string;
}

export interface ReportOptions {
  dataDir: string;
  dataDirs?: string[];
  year?: number;
  range?: { from: number; to: number };
  kind?: string;
  script?: (typeof SCRIPT_CHOICES)[number];
}

/** Commander collector for an option that may be given several times. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `2023`, or a term's years `2018-2022` (also written 2018—2022). */
export function parseYears(value: string | undefined): { year?: number; range?: { from: number; to: number } } {
  const m = value === undefined ? null : /^(\d{4})\s*[-—–－~～]\s*(\d{4})$/.exec(value);
  if (!m) return parseYear(value);
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (to <= from) throw new UsageError(`年份范围应从早到晚，如 2018-2022，而不是“${value}”`);
  return { range: { from, to } };
}

export function reportOptions(yearArg: string | undefined, args: ReportArgs, io: Io): ReportOptions {
  const years = parseYears(yearArg);
  const data = args.data ?? [];
  const { kind, script } = args;
  if (script !== undefined && !(SCRIPT_CHOICES as readonly string[]).includes(script)) {
    throw new UsageError(`--script 只能是 hans（简体，默认）或 hant（繁体），而不是“${script}”`);
  }
  if (years.range && kind !== undefined && kind !== 'term') {
    throw new UsageError(`年份范围（${yearArg}）只用于届末五年工作报告（--kind term），不能与 --kind ${kind} 同用`);
  }
  if (kind === 'term' && !years.range) {
    throw new UsageError('届末五年工作报告要写年份范围，如：report build 2018-2022 --kind term');
  }
  if (data.length > 1 && (years.range || (kind !== undefined && kind !== 'compilation'))) {
    throw new UsageError('给出多个 --data 时生成各组织的综述汇编（--kind compilation），要写一个年份，不能用年份范围或其他类型');
  }
  if (kind === 'compilation' && data.length < 2) {
    throw new UsageError('汇编要用 --data 列出至少两个组织的数据文件夹，如：report build 2023 --data 甲区 --data 乙区');
  }
  const out: ReportOptions = { dataDir: resolveDataDir(data[0], io), ...years };
  if (data.length > 1) out.dataDirs = data;
  if (kind !== undefined) out.kind = kind;
  if (script !== undefined) out.script = script as ReportOptions['script'];
  return out;
}
