/**
 * The error reference (docs/errors.md), generated from the catalogue so that it lists every code
 * the tool gives, with its message, cause, fix and an example. `npm run docs` writes it; a test
 * checks the file holds what this generates.
 */
import { catalogue, RETIRED_CODES } from '../diagnostics/catalogue.js';

/** What each hundred of codes is about: the stage that finds the problem. */
const AREAS: Record<string, { title: string; cause: string }> = {
  '1': { title: '读取数据', cause: '读取数据文件夹和其中的文件时发现' },
  '2': { title: '记录的字段', cause: '按记录类别的字段说明检查每条记录时发现' },
  '3': { title: '记录之间和年度数据', cause: '检查记录之间、记录与组织信息和年度各部分是否一致时发现' },
  '4': { title: '数字和引用', cause: '计算数字、检查文字和模板引用的数字时发现' },
  '5': { title: '模板', cause: '检查和渲染模板片段时发现' },
  '6': { title: '输出', cause: '生成和写出文件时发现' },
  '7': { title: '表格台账', cause: '读取 Excel、WPS 或 CSV 台账时发现' },
  '8': { title: 'Word 文档的往返', cause: '读回编辑过的 Word 文档时发现' },
};

/** An argument shown as its name: `‹field›`. */
const PLACEHOLDERS = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `‹${key}›` : undefined) });

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

interface Row {
  code: string;
  severity: string;
  message: string;
  cause: string;
  fix: string;
  example: string;
}

function rows(): Row[] {
  return Object.values(catalogue)
    .map((raw) => {
      // Entries differ in their arguments; here they are only called with placeholders or their own example.
      const e = raw as { code: string; severity: string; message(a: unknown): string; hint?(a: unknown): string; cause?: string; example?: unknown };
      const area = AREAS[e.code.charAt(3)];
      return {
        code: e.code,
        severity: e.severity === 'error' ? '错误' : '警告',
        message: String(e.message(PLACEHOLDERS)),
        cause: e.cause ?? `${area?.cause ?? '运行时发现'}。`,
        fix: e.hint ? String(e.hint(PLACEHOLDERS)) : '',
        example: e.example === undefined ? '' : String(e.message(e.example)),
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function errorReference(): string {
  const out = [
    '# 问题代码一览',
    '',
    '<!-- 由 npm run docs 从 src/diagnostics/catalogue.ts 生成，请勿手改。 -->',
    '',
    '`report` 报告的每个问题都有一个固定的代码（RPTnnn），代码的含义永远不变。下表按代码排列；',
    '‹…› 是运行时填入的内容（字段名、文件名、数值等）。错误使生成失败（退出码 1），警告只提醒。',
    '',
  ];
  const all = rows();
  for (const [digit, area] of Object.entries(AREAS)) {
    const group = all.filter((r) => r.code.charAt(3) === digit);
    if (group.length === 0) continue;
    out.push(`## RPT${digit}xx ${area.title}`, '', '| 代码 | 级别 | 说明 | 原因 | 怎样修改 | 示例 |', '|---|---|---|---|---|---|');
    for (const r of group) out.push(`| ${r.code} | ${r.severity} | ${cell(r.message)} | ${cell(r.cause)} | ${cell(r.fix)} | ${cell(r.example)} |`);
    out.push('');
  }
  out.push('## 停用的代码', '', '这些代码不再出现，也不会用于别的问题。', '', '| 代码 | 原来的含义 |', '|---|---|');
  for (const [code, meaning] of Object.entries(RETIRED_CODES)) out.push(`| ${code} | ${cell(meaning)} |`);
  return out.join('\n') + '\n';
}
