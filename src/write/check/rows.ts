/**
 * The verification table (核对表) of a built report: one row per number its prose prints, in
 * reading order — the section, the sentence, the value as printed, the exact value, the
 * definition, last year's value and how many records are behind it — and the records behind each
 * figure with their places. What a secretariat hands to the 主席会议 with a draft: every number
 * comes from the records, not from matching text by hand.
 */
import { placeOf, recordsBehind } from '../../compute/behind.js';
import { definitionOf } from '../../compute/definitions.js';
import { labelOf } from '../../compute/labels.js';
import { conventionsOf, type Conventions } from '../../domain/conventions.js';
import type { YearRecords } from '../../domain/record-kind.js';
import type { ProseText } from '../../load/markdown-prose.js';
import type { CitableContext } from '../../compute/context.js';
import type { Engine } from '../../render/engine.js';
import { HELPER_NAMES } from '../../render/helpers.js';
import { FIGURE_TAG, renderPiece } from '../../render/prose-marks.js';
import type { NarrativeDoc } from '../../validate/narrative.js';

export interface CheckRow {
  section: string;
  sentence: string;
  printed: string;
  /** The figures the number is made of: proposals.answeredRate. */
  names: string[];
  exact: number | string | null;
  definition: string;
  previous: number | string | null;
  records: number | null;
  /** Where the number is written: narrative.md:74. */
  source: string;
}

export interface CheckRecord {
  name: string;
  id: string;
  title: string;
  place: string;
}

const NAME = /^[A-Za-z_][\w-]*(?:\.[^\s().]+)+$|^[A-Za-z_][\w-]*$/;

function valueAt(context: unknown, name: string): unknown {
  return name.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), context);
}

/** The figures an expression names: `percent proposals.answeredRate` → proposals.answeredRate. */
function namesIn(expression: string, context: unknown): string[] {
  return expression
    .split(/[\s()]+/)
    .filter((t) => NAME.test(t) && !HELPER_NAMES.includes(t) && t !== 'lookup')
    .filter((t) => valueAt(context, t) !== undefined);
}

/** Every piece of prose of a narrative, in the order written. */
function pieces(doc: NarrativeDoc): ProseText[] {
  const out: ProseText[] = [];
  if (doc.title) out.push(doc.title);
  for (const part of doc.parts.values()) {
    const paragraphs = [...part.paragraphs, ...part.sections.flatMap((s) => [{ text: s.heading }, ...s.paragraphs])];
    for (const p of paragraphs) out.push(...('lead' in p && p.lead ? [p.lead] : []), p.text);
  }
  return out;
}

function sentenceAround(text: string, at: number): string {
  const stops = /[。；！？\n]/g;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(stops)) {
    if (m.index! < at) start = m.index! + 1;
    else {
      end = m.index! + 1;
      break;
    }
  }
  // Layout marks ({.subtitle}, **…**{.run-in}) are the writers' business, not the sentence's.
  return text.slice(start, end).replace(/\s*\{\.[\w-]+\}/g, '').replace(/\*\*/g, '').trim();
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const plain = (v: unknown): number | string | null => (typeof v === 'number' || typeof v === 'string' ? v : null);

/** The row of one printed value: undefined when it names no figure of the context or prints no digit. */
export function rowOf(
  expression: string,
  printed: string,
  text: string,
  at: number,
  context: CitableContext,
  conventions: Conventions,
  records: YearRecords | undefined,
  source: string,
): CheckRow | undefined {
  const names = namesIn(expression, context);
  if (names.length === 0 || !/\d/.test(printed)) return undefined;
  const previous = (context as { previous?: unknown }).previous ?? null;
  const first = names[0]!;
  const behind = records && names.length === 1 ? recordsBehind(first, records) : undefined;
  return {
    section: '',
    sentence: sentenceAround(text, at),
    printed,
    names,
    exact: names.length === 1 ? plain(valueAt(context, first)) : printed,
    definition: names.map((n) => definitionOf(n, conventions) ?? labelOf(n)?.label ?? n).join('；'),
    previous: names.length === 1 && previous ? plain(valueAt(previous, first)) : null,
    records: behind ? behind.records.length : null,
    source,
  };
}

/** The rows of one narrative's figures, in the order written (the caller orders them by the report). */
function proseRows(doc: NarrativeDoc, context: CitableContext, engine: Engine, records: YearRecords | undefined): CheckRow[] {
  const rows: CheckRow[] = [];
  const conventions = conventionsOf((context as { organization?: Parameters<typeof conventionsOf>[0] }).organization);
  for (const piece of pieces(doc)) {
    const tags = [...piece.text.matchAll(FIGURE_TAG)];
    if (tags.length === 0) continue;
    // Placed as the Word document's marks place them; a piece whose figures cannot be placed gives no rows.
    const rendered = renderPiece(piece.text, context, engine, doc.file.display);
    if (!rendered || rendered.figures.length !== tags.length) continue;
    rendered.figures.forEach((figure, k) => {
      const source = `${doc.file.display}:${lineOf(doc.file.text, piece.start + tags[k]!.index!)}`;
      const row = rowOf(figure.expression, rendered.text.slice(figure.start, figure.end), rendered.text, figure.start, context, conventions, records, source);
      if (row) rows.push(row);
    });
  }
  return rows;
}

/**
 * The rows of a report's prose in reading order, each with the section it stands in: the pieces
 * are found in the built Markdown by their sentence (a sentence not found keeps its written order).
 */
export function checkRows(
  jobs: readonly { doc: NarrativeDoc; context: CitableContext }[],
  engine: Engine,
  markdown: string,
  records: YearRecords | undefined,
  /** The rows of the numbers the templates print (template-rows.ts), placed among the prose's. */
  templateRows: readonly CheckRow[] = [],
): CheckRow[] {
  const rows = [...jobs.flatMap((j) => proseRows(j.doc, j.context, engine, records)), ...templateRows];
  const flat = markdown.replace(/\*\*/g, '');
  const placed = rows.map((row, i) => {
    const probe = row.sentence.replace(/\*\*/g, '').slice(0, 40);
    const at = probe ? flat.indexOf(probe) : -1;
    const heading = at >= 0 ? [...flat.slice(0, at).matchAll(/^#{1,6} +(.+)$/gm)].pop()?.[1] ?? '' : '';
    return { row: { ...row, section: heading.replace(/\s*\{[^}]*\}\s*$/, '') }, at: at >= 0 ? at : Number.MAX_SAFE_INTEGER, i };
  });
  return placed.sort((a, b) => a.at - b.at || a.i - b.i).map((p) => p.row);
}

/** Every record behind every figure of the rows, with its place. */
export function checkRecords(rows: readonly CheckRow[], records: YearRecords | undefined): CheckRecord[] {
  if (!records) return [];
  const out: CheckRecord[] = [];
  for (const name of [...new Set(rows.flatMap((r) => (r.names.length === 1 ? r.names : [])))]) {
    const behind = recordsBehind(name, records);
    for (const record of behind?.records ?? []) {
      const title = ['title', 'topic', 'name', 'content'].map((f) => record[f]).find((v) => typeof v === 'string');
      out.push({ name, id: String(record.id ?? ''), title: (title as string | undefined) ?? '', place: placeOf(record, records).place });
    }
  }
  return out;
}
