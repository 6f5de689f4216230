/**
 * The README's reference tables, generated from the record kinds' declarations so they cannot
 * drift from what the tool reads: every file part and field (with its spreadsheet headers), and
 * every figure name with its Chinese label. `npm run docs` writes them between the README's
 * markers; a test checks the README holds what this generates.
 */
import { RECORD_KINDS, recordFields } from '../domain/registry.js';
import { DEFAULT_VOCABULARY, VOCABULARY_LISTS } from '../domain/vocabulary.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One table per record kind: field, 中文名, required, what it holds, spreadsheet headers. */
function fieldReference(): string {
  const out: string[] = [];
  for (const kind of RECORD_KINDS) {
    const { fields } = recordFields(kind, DEFAULT_VOCABULARY, undefined);
    out.push(`#### ${kind.label}（\`${kind.key}\`，${kind.office}）`, '', `${kind.description}。表格台账的文件名或工作表名含“${kind.sheetWords.join('”或“')}”。`, '');
    out.push('| 字段 | 中文名 | 必填 | 说明 | 表格中可用的列名 |', '|---|---|---|---|---|');
    for (const [name, f] of Object.entries(fields)) {
      const headers = f.cell ? f.headers.join('、') : '（只能写在 YAML 中）';
      const required = f.required ? '是' : f.fallback !== undefined ? `否（默认 ${JSON.stringify(f.fallback)}）` : '否';
      out.push(`| \`${name}\` | ${cell(f.label)} | ${cell(required)} | ${cell(f.description)} | ${cell(headers)} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

/** The word lists and their defaults, each extended in organization.yaml under its key. */
function vocabularyReference(): string {
  const rows = VOCABULARY_LISTS.map((l) => `| \`${l.key}\` | ${l.label} | ${l.defaults.join('、')} |`);
  return ['| organization.yaml 中的键 | 清单 | 默认内容 |', '|---|---|---|', ...rows].join('\n') + '\n';
}

/** Every figure pattern of the record kinds, with its Chinese label (`*` stands for a group key or an id). */
function figureReference(): string {
  const out: string[] = [];
  for (const kind of RECORD_KINDS) {
    out.push(`#### ${kind.label}（\`${kind.key}.…\`）`, '', '| 名称 | 说明 | 单位 |', '|---|---|---|');
    for (const [pattern, l] of Object.entries(kind.labels)) {
      const label = l.label.replace('{kind}', kind.label).replace(/\{(\d)\}/g, (_m, i: string) => (i === '1' ? '＊' : `＊${i}`));
      const explain = l.explain ? `（${l.explain}）` : '';
      out.push(`| \`${kind.key}.${pattern}\` | ${cell(label + explain)} | ${l.unit?.replace('{unit}', kind.unit) ?? ''} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

export const README_SECTIONS = {
  fields: fieldReference,
  vocabularies: vocabularyReference,
  figures: figureReference,
} as const;

/** The README with each generated section between its markers replaced by what is generated now. */
export function withReference(readme: string): string {
  let out = readme;
  for (const [name, generate] of Object.entries(README_SECTIONS)) {
    const start = `<!-- 自动生成：${name} -->`;
    const end = `<!-- 自动生成结束：${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) continue;
    out = `${out.slice(0, from + start.length)}\n${generate()}${out.slice(to)}`;
  }
  return out;
}
