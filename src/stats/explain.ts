/**
 * `report explain <figure>`: one figure as a 秘书长 defends it — its value as the report prints
 * it and exactly, its definition in words (numerator ÷ base, by the declared conventions), last
 * year's value, and every record behind it with the place it is written. Pure: the CLI prints
 * what this returns.
 */
import { placeOf, recordsBehind } from '../compute/behind.js';
import type { RecordValue, YearRecords } from '../domain/record-kind.js';
import { computeStats, formatValue, type Stats } from './stats.js';
import type { FiguresOfRecords } from './figures.js';

export interface ExplainedRecord {
  id: string;
  /** 案由, 议题…: the record's own words, for a reader to recognise it. */
  title?: string;
  /** `data/2023/meetings.yaml:38`, `data/2023/提案台账.xlsx［提案］第12行`. */
  place: string;
  file?: string;
  line?: number;
  sheet?: string;
}

export interface Explanation {
  name: string;
  label: string;
  unit?: string;
  definition?: string;
  explain?: string;
  /** As the reports print it (the report's percent precision). */
  printed: string;
  exact: unknown;
  previous?: unknown;
  previousPrinted?: string;
  /** The records the figure counts (a rate's numerator). */
  records?: ExplainedRecord[];
  /** A rate's or share's base. */
  base?: ExplainedRecord[];
}

const TITLE_FIELDS = ['title', 'topic', 'name', 'content'];

function described(record: RecordValue, year: YearRecords): ExplainedRecord {
  const { location, place } = placeOf(record, year);
  const title = TITLE_FIELDS.map((f) => record[f]).find((v) => typeof v === 'string') as string | undefined;
  return {
    id: String(record.id ?? ''),
    ...(title ? { title } : {}),
    place,
    ...(location.file !== undefined ? { file: location.file } : {}),
    ...(location.line !== undefined ? { line: location.line } : {}),
    ...(location.sheet !== undefined ? { sheet: location.sheet } : {}),
  };
}

/** The figure `name` explained, or undefined when the year has no figure of that name. */
export function explainFigure(of: FiguresOfRecords, name: string, stats: Stats = computeStats(of)): Explanation | undefined {
  const row = stats.rows.find((r) => r.name === name);
  if (!row) return undefined;
  const behind = of.records ? recordsBehind(name, of.records) : undefined;
  return {
    name,
    label: row.label,
    ...(row.unit ? { unit: row.unit } : {}),
    ...(row.definition ? { definition: row.definition } : {}),
    ...(row.explain ? { explain: row.explain } : {}),
    printed: formatValue(row.kind, row.value, stats.digits),
    exact: row.value,
    ...(row.previous !== undefined ? { previous: row.previous, previousPrinted: formatValue(row.kind, row.previous, stats.digits) } : {}),
    ...(behind && of.records ? { records: behind.records.map((r) => described(r, of.records!)) } : {}),
    ...(behind?.base && of.records ? { base: behind.base.map((r) => described(r, of.records!)) } : {}),
  };
}

function recordLines(list: readonly ExplainedRecord[]): string[] {
  return list.map((r) => `    ${r.place}  ${r.id}${r.title ? `  ${r.title}` : ''}`);
}

/** The explanation as text, one fact a line. */
export function formatExplanation(e: Explanation): string {
  const exact = typeof e.exact === 'number' && !Number.isInteger(e.exact) ? String(e.exact) : e.printed;
  const ratio = e.base && e.records ? `（${e.records.length} ÷ ${e.base.length}）` : '';
  const lines = [
    `${e.name}  ${e.label}${e.unit ? `（${e.unit}）` : ''}`,
    `  印作：${e.printed}${e.unit && /^\d+$/.test(e.printed) ? e.unit : ''}`,
    `  精确值：${exact}${ratio}`,
    `  定义：${e.definition ?? e.explain ?? e.label}`,
    `  上年：${e.previousPrinted ?? '（无上年数据）'}`,
  ];
  if (e.records) {
    lines.push(`  所据记录：${e.records.length} 条${e.base ? `（分母 ${e.base.length} 条，列在后面）` : ''}`, ...recordLines(e.records));
    if (e.base) lines.push(`  分母的记录：${e.base.length} 条`, ...recordLines(e.base));
  } else {
    lines.push('  所据记录：这个数字不是逐条记录计数得出的（名称、日期、手填合计或由其他数字算出）');
  }
  return lines.join('\n') + '\n';
}
