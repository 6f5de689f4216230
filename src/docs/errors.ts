/**
 * The error reference (docs/errors.md), generated from the catalogue so that it lists every code
 * the tool gives, with its message, cause, fix and an example. `npm run docs` writes it; a test
 * checks the file holds what this generates.
 */
import { RETIRED_CODES } from '../diagnostics/catalogue.js';
import { catalogue } from '../diagnostics/entries.js';

/** What each hundred of codes is about. */
const AREAS: Record<string, string> = {
  '1': '读取数据',
  '2': '记录的字段',
  '3': '记录之间和年度数据',
  '4': '数字和引用',
  '5': '模板',
  '6': '输出',
  '7': '表格台账',
  '8': 'Word 文档的往返',
};

const SEVERITY_WORDS: Record<string, string> = { error: '错误', warning: '警告', info: '说明' };

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
      const e = raw as { code: string; severity: string; message(a: unknown): string; hint?(a: unknown): string; cause: string; example: unknown };
      return {
        code: e.code,
        severity: SEVERITY_WORDS[e.severity] ?? e.severity,
        message: String(e.message(PLACEHOLDERS)),
        cause: e.cause,
        fix: e.hint ? String(e.hint(PLACEHOLDERS)) : '',
        example: String(e.message(e.example)),
      };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function errorReference(): string {
  const out = [
    '# 问题代码一览',
    '',
    '<!-- 由 npm run docs 从 src/diagnostics/entries.ts 生成，请勿手改。 -->',
    '',
    '`report` 报告的每个问题都有一个固定的代码（RPTnnn），代码的含义永远不变。下表按代码排列；',
    '‹…› 是运行时填入的内容（字段名、文件名、数值等）。错误使生成失败（退出码 1），警告只提醒（--strict 时也使检查失败），说明告诉你工具代为做了什么。',
    '',
  ];
  const all = rows();
  for (const [digit, area] of Object.entries(AREAS)) {
    const group = all.filter((r) => r.code.charAt(3) === digit);
    if (group.length === 0) continue;
    out.push(`## RPT${digit}xx ${area}`, '', '| 代码 | 级别 | 说明 | 原因 | 怎样修改 | 示例 |', '|---|---|---|---|---|---|');
    for (const r of group) out.push(`| ${r.code} | ${r.severity} | ${cell(r.message)} | ${cell(r.cause)} | ${cell(r.fix)} | ${cell(r.example)} |`);
    out.push('');
  }
  out.push('## 停用的代码', '', '这些代码不再出现，也不会用于别的问题。', '', '| 代码 | 原来的含义 |', '|---|---|');
  for (const [code, meaning] of Object.entries(RETIRED_CODES)) out.push(`| ${code} | ${cell(meaning)} |`);
  return out.join('\n') + '\n';
}
