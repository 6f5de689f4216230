/**
 * Turns zod's findings into catalogue diagnostics, in the words of the field concerned (its
 * Chinese label), placed on the value (or the key) they concern, with a hint for the slips data
 * authors commonly make: a number where an id must be text, a blank value, a key typed with a
 * full-width colon, a Chinese column name used as a key, a near miss of a field or a value.
 */
import type * as z from 'zod/v4';
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/nearest.js';
import type { Field } from '../domain/fields.js';
import { UNSURE, type QuickCheck } from '../domain/quick-check.js';
import type { DataPath } from '../load/data-path.js';

type Issue = z.core.$ZodIssue;

/** Where a path inside the checked value is (relative to it); `asKey` places it on the key. */
export type Locator = (path: DataPath, asKey?: boolean) => Location;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '“true”（是）或“false”（否）',
  array: '列表（每项以“- ”开头）',
  object: '键值对（“字段: 值”）',
  date: '日期',
};

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '空值';
  if (Array.isArray(value)) return '列表';
  if (typeof value === 'object') return '键值对';
  if (typeof value === 'string') return `文字“${value.length > 30 ? value.slice(0, 30) + '…' : value}”`;
  if (typeof value === 'number') return Number.isInteger(value) ? `整数 ${value}` : `数字 ${value}`;
  if (typeof value === 'boolean') return `“${value}”`;
  return typeof value;
}

/** The name a message uses for the field at `path`: its Chinese label and key, or the key. */
function nameOf(path: DataPath, fieldsOf: Record<string, Field> | undefined, whole = '（整条记录）'): { key: string; label: string; field?: Field } {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment !== 'string') continue;
    const field = i === 0 ? fieldsOf?.[segment] : undefined;
    return field ? { key: segment, label: `${field.label}（${segment}）`, field } : { key: segment, label: segment };
  }
  return { key: '', label: whole };
}

export interface IssueContext {
  at: Locator;
  /** The record's fields, when the value checked is a record. */
  fields?: Record<string, Field>;
  /** What the value checked is called, for a problem with all of it (an empty `totals:`). */
  whole?: string;
}

export function issuesToDiagnostics(issues: readonly Issue[], context: IssueContext, prefix: DataPath = []): Diagnostic[] {
  return issues.flatMap((issue) => issueToDiagnostics(issue, context, prefix));
}

function issueToDiagnostics(issue: Issue, context: IssueContext, prefix: DataPath): Diagnostic[] {
  const path: DataPath = [...prefix, ...(issue.path as Array<string | number>)];
  const { key, label, field } = nameOf(path, context.fields, context.whole);
  const at = context.at(path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return [diagnostic('requiredField', { field: label, expected: field?.description ?? TYPE_NAMES[issue.expected] ?? issue.expected }, at)];
      if (input === null) return [diagnostic('blankValue', { field: label }, at)];
      if (field?.cell?.kind === 'id' && typeof input === 'number') return [diagnostic('idNotText', { field: label, value: String(input) }, at)];
      return [diagnostic('wrongType', { field: label, expected: TYPE_NAMES[issue.expected] ?? issue.expected, received: describeValue(input) }, at)];
    }
    case 'invalid_value': {
      if (input === undefined) return [diagnostic('requiredField', { field: label, expected: (field?.values ?? issue.values).map(String).join('、') }, at)];
      if (input === null) return [diagnostic('blankValue', { field: label }, at)];
      const allowed = (field?.values ?? issue.values).map(String);
      const near = didYouMean(String(input), allowed);
      const extend = field?.list ? `如确需新增，在 organization.yaml 的 ${field.list} 中加入“${String(input)}”。` : '';
      return [diagnostic('notAllowedValue', { field: label, value: String(input), allowed: allowed.join('、'), near: `${near}${extend}` }, at)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((unknown) => unknownField(unknown, path, context));
    case 'invalid_format':
      if (issue.format === 'date') return [diagnostic('badDate', { field: label, value: String(input) }, at)];
      if (issue.format === 'regex') {
        return [diagnostic('invalidValue', { field: label, detail: `“${String(input)}”含有空格、“.”、引号或括号；编号只用字母、数字、汉字和 - _` }, at)];
      }
      return [diagnostic('invalidValue', { field: label, detail: '格式不对' }, at)];
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'number' || issue.origin === 'int') {
        const bound = 'minimum' in issue ? `不小于 ${String(issue.minimum)}` : `不大于 ${String((issue as { maximum: unknown }).maximum)}`;
        return [diagnostic('badNumber', { field: label, value: String(input), rule: bound }, at)];
      }
      return [diagnostic('invalidValue', { field: label, detail: issue.code === 'too_small' ? '不能为空' : '内容过多' }, at)];
    }
    case 'invalid_union': {
      if (input === null) return [diagnostic('blankValue', { field: label }, at)];
      if (field?.cell?.kind === 'boolean') return [diagnostic('wrongType', { field: label, expected: TYPE_NAMES.boolean!, received: describeValue(input) }, at)];
      if (field?.cell?.kind === 'date' && typeof input !== 'string') return [diagnostic('badDate', { field: label, value: String(input) }, at)];
      if (field?.cell?.kind === 'list') return [diagnostic('wrongType', { field: label, expected: '列表，或用“、”隔开的一行文字', received: describeValue(input) }, at)];
      // Report the branch the author evidently meant: the one that got past the type check.
      const branches = issue.errors.filter((b) => !(b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0));
      const best = [...branches].sort((a, b) => a.length - b.length)[0];
      if (best) return issuesToDiagnostics(best, context, path);
      return [diagnostic('wrongType', { field: label, expected: '文字或文字列表', received: describeValue(input) }, at)];
    }
    default:
      return [diagnostic('invalidValue', { field: label || key, detail: '值不符合要求' }, at)];
  }
}

/** An unknown key: a full-width colon, a Chinese column name, or a near miss of a field. */
function unknownField(unknown: string, path: DataPath, context: IssueContext): Diagnostic {
  const at = context.at([...path, unknown], true);
  const known = path.length === 0 && context.fields ? Object.keys(context.fields) : [];
  const colon = unknown.search(/[：:]/);
  if (colon > 0) {
    const key = unknown.slice(0, colon).trim();
    return diagnostic('unknownField', { field: unknown, hint: `字段名和值之间用了全角冒号“：”或漏了空格：改为半角冒号加空格，如“${key}: …”。` }, at);
  }
  const byLabel = context.fields && Object.entries(context.fields).find(([, f]) => f.headers.includes(unknown));
  if (byLabel) return diagnostic('unknownField', { field: unknown, hint: `YAML 中“${unknown}”写作 ${byLabel[0]}。` }, at);
  const near = didYouMean(unknown, known);
  const list = known.length > 0 ? `这里可用的字段有：${known.join('、')}。` : '';
  return diagnostic('unknownField', { field: unknown, hint: `${near}${list || '检查拼写或缩进（是否写到了别的条目下）。'}` }, at);
}

/**
 * `schema.safeParse(value)`, with the input recorded in the issues when it fails. Recording the
 * input slows every parse about threefold (measured: 50,000 records, 287 ms against 107 ms), so a
 * value is parsed plainly first and again only when it is wrong.
 */
function parseReporting<S extends { safeParse: (value: unknown, params?: { reportInput?: boolean }) => unknown }>(schema: S, value: unknown): ReturnType<S['safeParse']> {
  const plain = schema.safeParse(value) as { success: boolean };
  return (plain.success ? plain : schema.safeParse(value, { reportInput: true })) as ReturnType<S['safeParse']>;
}

/**
 * A record checked by its kind's schema, or a value by its declared shape (domain/shape.ts): by
 * its quick check (domain/quick-check.ts) when it vouches for the value, which zod would give back
 * the same; by zod otherwise, which says why.
 */
export function parseRecord<T>(kind: { schema: z.ZodType<T>; quick: QuickCheck | undefined }, value: unknown): z.ZodSafeParseResult<T> {
  const quick = kind.quick ? kind.quick(value) : UNSURE;
  if (quick !== UNSURE) return { success: true, data: quick as T };
  return parseReporting(kind.schema, value);
}
