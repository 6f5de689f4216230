// Turns the contents of layout.yaml (already parsed from YAML, so `unknown`) into a complete Layout:
// the valid parts of the override are deep-merged over DEFAULT_LAYOUT, and every invalid part is
// reported and left at its default, so one typo does not discard the rest of the file.
import type * as z from 'zod/v4';
import { DEFAULT_LAYOUT, type Layout } from '../domain/layout.js';
import { LayoutShape } from '../domain/layout-schema.js';
import { UNSURE } from '../domain/quick-check.js';
import { zod } from '../domain/zod.js';

export interface LayoutProblem {
  /** Where the problem is inside layout.yaml, e.g. ['paragraphs', 'body', 'sizePt']. */
  path: (string | number)[];
  message: string;
}

export interface ResolvedLayout {
  layout: Layout;
  problems: LayoutProblem[];
}

/** What a layout value should be, in words a house-style editor reads (zod's own zh-CN text names types in English). */
const KINDS: Record<string, string> = { number: '数字', string: '文字', boolean: '是或否（true/false）', object: '“键: 值”形式的设置', array: '列表' };

function layoutError(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      return `应${issue.inclusive ? '不小于' : '大于'} ${String(issue.minimum)}`;
    case 'too_big':
      return `应${issue.inclusive ? '不大于' : '小于'} ${String(issue.maximum)}`;
    case 'invalid_type':
      return `应为${KINDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map(String).join('、')}`;
    default:
      return zod().locales.zhCN().localeError(issue) as string | undefined;
  }
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlain(base) || !isPlain(override)) return (override === undefined ? base : override) as T;
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined) out[key] = deepMerge(out[key], value);
  }
  return out as T;
}

const toPath = (path: readonly PropertyKey[]): (string | number)[] =>
  path.map((k) => (typeof k === 'number' ? k : String(k)));

/** Removes the value at `path` from a plain-object tree; an empty path empties the root. */
function removeAt(root: Plain, path: readonly (string | number)[]): void {
  if (path.length === 0) {
    for (const key of Object.keys(root)) delete root[key];
    return;
  }
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = isPlain(node) ? node[String(key)] : undefined;
  if (isPlain(node)) delete node[String(path[path.length - 1])];
}

function checkPage(layout: Layout): LayoutProblem[] {
  const { widthMm, heightMm, marginsMm: m, footerMm } = layout.page;
  const problems: LayoutProblem[] = [];
  if (m.left + m.right >= widthMm) {
    problems.push({ path: ['page', 'marginsMm'], message: `左右边距之和（${m.left + m.right} 毫米）不小于纸张宽度（${widthMm} 毫米）` });
  }
  if (m.top + m.bottom >= heightMm) {
    problems.push({ path: ['page', 'marginsMm'], message: `上下边距之和（${m.top + m.bottom} 毫米）不小于纸张高度（${heightMm} 毫米）` });
  }
  if (footerMm >= m.bottom) {
    problems.push({ path: ['page', 'footerMm'], message: `页脚位置（${footerMm} 毫米）须小于下边距（${m.bottom} 毫米），否则页码压入正文` });
  }
  return problems;
}

export function resolveLayout(override: unknown): ResolvedLayout {
  if (override === undefined || override === null) return { layout: structuredClone(DEFAULT_LAYOUT), problems: [] };

  const problems: LayoutProblem[] = [];
  const seen = new Set<string>();
  const report = (p: LayoutProblem) => {
    const key = JSON.stringify(p);
    if (!seen.has(key)) (seen.add(key), problems.push(p));
  };

  // Drop each invalid part and parse again until what is left is valid. Each round removes at
  // least one key, so the loop ends; the bound is only a guard.
  const candidate: Plain = isPlain(override) ? structuredClone(override) : {};
  if (!isPlain(override)) report({ path: [], message: '版式设置须为“键: 值”形式的映射' });
  // A plainly valid override needs no zod (domain/shape.ts); zod checks the rest, part by part.
  const quick = LayoutShape.quick(candidate);
  let accepted: unknown = quick === UNSURE ? {} : quick;
  for (let round = 0; quick === UNSURE && round < 100; round++) {
    const result = LayoutShape.schema.safeParse(candidate, { error: layoutError });
    if (result.success) {
      accepted = result.data;
      break;
    }
    for (const issue of result.error.issues) {
      const path = toPath(issue.path);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          report({ path: [...path, key], message: `未知的设置项“${key}”` });
          removeAt(candidate, [...path, key]);
        }
      } else {
        report({ path, message: issue.message });
        removeAt(candidate, path);
      }
    }
  }

  let layout = deepMerge(structuredClone(DEFAULT_LAYOUT), accepted);
  const pageProblems = checkPage(layout);
  if (pageProblems.length > 0) {
    pageProblems.forEach(report);
    layout = { ...layout, page: structuredClone(DEFAULT_LAYOUT.page) };
  }
  return { layout, problems };
}
