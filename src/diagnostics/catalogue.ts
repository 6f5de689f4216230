/**
 * Builds the diagnostics every stage reports, from the catalogue of every user-facing problem
 * (entries.ts), and the codes retired from it. Codes never change meaning; a retired problem keeps
 * its code reserved. Message says what is wrong, hint says what to do.
 */
import type { Diagnostic, Location } from './diagnostic.js';
import type { catalogue, Entry } from './entries.js';
import { entries } from './entries-when-told.js';

/** Where a diagnostic points; the stages that make diagnostics import it with `diagnostic`. */
export type { Location } from './diagnostic.js';

export type CatalogueKey = keyof typeof catalogue;

/** Codes no longer given, reserved so that they never come to mean something else, with what they meant. */
export const RETIRED_CODES: Readonly<Record<string, string>> = {
  RPT111: '没有更早的年度文件夹可作 report init 的模板（init 现在为第一年生成框架，不再报错）',
  RPT309: '一条记录前后矛盾（各种矛盾现在各有代码：RPT325–RPT333）',
  RPT312: '中文文字中有半角标点（半角标点在生成时改为全角，从未作为警告报出）',
};
type ArgsOf<K extends CatalogueKey> = (typeof catalogue)[K] extends Entry<infer A> ? A : never;

/** Longest value quoted in a message: a 10 MB value in the data must not make a 10 MB message. */
const MAX_QUOTED = 500;

/** Control characters in a quoted value, shown as escapes: a carriage return would garble the terminal line. */
const CONTROL = /[\u0000-\u001f\u007f]/g;
const HAS_CONTROL = /[\u0000-\u001f\u007f]/;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function clipArgs<A>(args: A): A {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(args as Record<string, unknown>)) {
    if (typeof v !== 'string' || (v.length <= MAX_QUOTED && !HAS_CONTROL.test(v))) continue;
    out ??= { ...(args as Record<string, unknown>) };
    const cut = v.length > MAX_QUOTED ? `${v.slice(0, MAX_QUOTED).replace(/[\ud800-\udbff]$/, '')}…` : v;
    out[k] = cut.replace(CONTROL, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return (out ?? args) as A;
}

/** Builds a diagnostic from the catalogue; the only way stages create user-facing problems. */
export function diagnostic<K extends CatalogueKey>(key: K, rawArgs: ArgsOf<K>, location: Location = {}): Diagnostic {
  const e = entries()[key] as unknown as Entry<ArgsOf<K>>;
  const args = clipArgs(rawArgs);
  // Text, whatever an argument turned out to be: a message is printed, never evaluated.
  const d: Diagnostic = { code: e.code, severity: e.severity, message: String(e.message(args)) };
  const hint = e.hint?.(args);
  if (hint) d.hint = String(hint);
  if (location.file !== undefined) d.file = location.file;
  if (location.line !== undefined) d.line = location.line;
  if (location.column !== undefined) d.column = location.column;
  if (location.path !== undefined) d.path = location.path;
  if (location.sheet !== undefined) d.sheet = location.sheet;
  if (location.cell !== undefined) d.cell = location.cell;
  return d;
}
