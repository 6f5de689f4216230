/**
 * What a command needs to know about which report to make: the year or a term's year range, the
 * report kind, one data folder or several (a compilation), the script — from the command line,
 * then the project file (report.yaml), then the defaults. The combinations are checked here,
 * so a command gets one consistent request or a usage error.
 *
 *   report build 2023                          annual report (年度工作报告)
 *   report build 2023 --kind summary           year summary (工作综述)
 *   report build 2023 --kind proposals         proposal work report (提案工作情况报告)
 *   report build 2018-2022 [--kind term]       term report (届末五年工作报告)
 *   report build 2023 --data a --data b        compilation (汇编), one section per organisation
 *   … --script hant                            in traditional characters
 */
import path from 'node:path';
import { defaultKind, KIND_DECLARATIONS, type KindDeclaration } from '../kinds/names.js';
import { SCRIPTS, type KindName, type ReportRequest, type Script } from '../kinds/kind.js';
import { entryKind } from '../load/files.js';
import type { Settings } from '../settings.js';
import { parseYear, PACKAGE_ROOT, UsageError, type Io } from './shared.js';

export interface ReportArgs {
  /** `--data`, as often as given. */
  data?: string[];
  kind?: string;
  script?: string;
  templates?: string;
}

/** Commander collector for an option that may be given several times. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function kindHelp(): string {
  return KIND_DECLARATIONS.map((k) => `${k.name}（${k.label}）`).join('、');
}

/** `--kind`: one of the kinds by name; anything else (a path, a typo) is a usage error. */
export function parseKind(value: string | undefined): KindName | undefined {
  if (value === undefined) return undefined;
  const kind = KIND_DECLARATIONS.find((k) => k.name === value);
  if (!kind) throw new UsageError(`--kind 只能是 ${kindHelp()}，而不是“${value}”`);
  return kind.name;
}

/** The kind that reads `what` (a term's years, several data folders), named for a message: 届末五年工作报告（--kind term）. */
function kindReading(what: (k: KindDeclaration) => boolean): string {
  return KIND_DECLARATIONS.filter(what).map((k) => `${k.label}（--kind ${k.name}）`).join('、');
}

/** `2023`, or a term's years `2018-2022` (also written 2018—2022). */
export function parseYears(value: string | undefined): { year?: number; range?: { from: number; to: number } } {
  const m = value === undefined ? null : /^(\d{4})\s*[-—–－~～]\s*(\d{4})$/.exec(value);
  if (!m) return parseYear(value);
  const from = parseYear(m[1]).year!;
  const to = parseYear(m[2]).year!;
  if (to <= from) throw new UsageError(`年份范围应从早到晚，如 2018-2022，而不是“${value}”`);
  return { range: { from, to } };
}

/** The data folder: as given, else report.yaml's, else data/ in the working folder, else the bundled sample. */
export function dataFolders(given: readonly string[] | undefined, settings: Settings, io: Io): string[] {
  if (given && given.length > 0) return [...given];
  if (settings.data !== undefined) return [settings.data];
  const local = path.join(io.cwd, 'data');
  if (entryKind(local) !== 'missing') return [local];
  const bundled = path.join(PACKAGE_ROOT, 'data');
  io.stderr(`当前文件夹下没有 data/，使用内置示例数据：${bundled}\n`);
  return [bundled];
}

export function reportRequest(yearArg: string | undefined, args: ReportArgs, settings: Settings, io: Io): ReportRequest {
  const years = parseYears(yearArg);
  const data = args.data ?? [];
  const named = parseKind(args.kind);
  const kind = named === undefined ? undefined : KIND_DECLARATIONS.find((k) => k.name === named)!;
  const script = args.script;
  if (script !== undefined && !(SCRIPTS as readonly string[]).includes(script)) {
    throw new UsageError(`--script 只能是 hans（简体，默认）或 hant（繁体），而不是“${script}”`);
  }
  // What each kind reads is its own declaration (kind.input); the messages name the kinds that fit.
  if (years.range && kind !== undefined && kind.input.years !== 'range') {
    throw new UsageError(`年份范围（${yearArg}）只用于${kindReading((k) => k.input.years === 'range')}，不能与 --kind ${kind.name} 同用`);
  }
  if (kind?.input.years === 'range' && !years.range) throw new UsageError(`${kind.label}要写年份范围，如：${kind.input.example}`);
  if (data.length > 1 && (years.range || (kind !== undefined && kind.input.dataFolders !== 'several'))) {
    throw new UsageError(`给出多个 --data 时生成${kindReading((k) => k.input.dataFolders === 'several')}，要写一个年份，不能用年份范围或其他类型`);
  }
  if (kind?.input.dataFolders === 'several' && data.length < 2) {
    throw new UsageError(`${kind.label}要用 --data 列出至少两个组织的数据文件夹，如：${kind.input.example}`);
  }
  const templates = args.templates ?? settings.templates;
  return {
    kind: (kind ?? defaultKind(years.range ? 'range' : 'one', data.length > 1 ? 'several' : 'one')).name,
    dataDirs: dataFolders(data, settings, io),
    ...years,
    ...(templates !== undefined ? { templatesDir: templates } : {}),
    ...(script !== undefined ? { script: script as Script } : {}),
    cwd: io.cwd,
  };
}
