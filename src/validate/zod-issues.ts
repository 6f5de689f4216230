/**
 * Turns zod issues into catalogue diagnostics placed on the YAML node they concern.
 */
import type { z } from 'zod';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type DataPath, type SourceFile } from '../load/source.js';

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  // Quoted, so that the English words stand apart from the Chinese around them: 应为“true”或“false”.
  boolean: '“true”或“false”',
  array: '列表（每项以“- ”开头）',
  object: '键值对（“字段: 值”）',
  date: '日期',
  undefined: '空',
  null: '空值',
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

export function fieldName(path: DataPath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return '（根）';
}

export function issuesToDiagnostics(file: SourceFile, issues: readonly Issue[], prefix: DataPath): Diagnostic[] {
  return issues.flatMap((issue) => issueToDiagnostics(file, issue, prefix));
}

function issueToDiagnostics(file: SourceFile, issue: Issue, prefix: DataPath): Diagnostic[] {
  const path: DataPath = [...prefix, ...(issue.path as (string | number)[])];
  const field = fieldName(path);
  const at = locate(file, path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (input === undefined) return [diagnostic('requiredField', { field, expected }, at)];
      return [diagnostic('wrongType', { field, expected, received: describeValue(input) }, at)];
    }
    case 'invalid_value':
      // A missing field with a fixed list of values (filing, submitter…) is missing, not “undefined”.
      if (input === undefined) return [diagnostic('requiredField', { field, expected: issue.values.map((v) => String(v)).join('、') }, at)];
      return [
        diagnostic(
          'notAllowedValue',
          { field, value: String(input), allowed: issue.values.map((v) => String(v)).join('、') },
          at,
        ),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        diagnostic('unknownField', { field: key, known: '' }, locate(file, [...path, key], true)),
      );
    case 'invalid_format':
      if (issue.format === 'date') return [diagnostic('badDate', { field, value: String(input) }, at)];
      if (issue.format === 'regex') {
        return [diagnostic('invalidValue', { field, detail: `“${String(input)}”只能包含字母、数字、- 和 _，并以字母或数字开头` }, at)];
      }
      return [diagnostic('invalidValue', { field, detail: issue.message }, at)];
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'number' || issue.origin === 'int') {
        const bound = 'minimum' in issue ? `不小于 ${String(issue.minimum)}` : `不大于 ${String((issue as { maximum: unknown }).maximum)}`;
        return [diagnostic('badNumber', { field, value: String(input), rule: bound }, at)];
      }
      const detail = issue.code === 'too_small' ? '不能为空' : '内容过多';
      return [diagnostic('invalidValue', { field, detail }, at)];
    }
    case 'invalid_union': {
      // Report the branch the author evidently meant: the one that got past the type check.
      const branches = issue.errors.filter((b) => !(b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0));
      const best = branches.sort((a, b) => a.length - b.length)[0];
      if (best) return issuesToDiagnostics(file, best, path);
      return [diagnostic('wrongType', { field, expected: '文字或文字列表', received: describeValue(input) }, at)];
    }
    default:
      return [diagnostic('invalidValue', { field, detail: issue.message }, at)];
  }
}
