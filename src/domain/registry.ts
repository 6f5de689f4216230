/**
 * The record kinds of a year, in the order offices and docs list them. Everything that depends
 * on what records there are (the year schema, the checks, the figures, the scaffold, the JSON
 * Schema, the README's field tables, the spreadsheet columns) reads this list: adding a kind is
 * adding a file under records/ and a line here.
 */
import type * as z from 'zod/v4';
import { quickRecord, recordSchema, type Field } from './fields.js';
import type { QuickCheck } from './quick-check.js';
import type { Organization } from './organization.js';
import type { RecordKind } from './record-kind.js';
import { activities } from './records/activities.js';
import { information } from './records/information.js';
import { INSTRUCTABLE, instructions } from './records/instructions.js';
import { meetings } from './records/meetings.js';
import { proposals } from './records/proposals.js';
import { research } from './records/research.js';
import type { Vocabulary } from './vocabulary.js';
import type { Shape } from './shape.js';
import { MembersShape, SittingShape, totalsShape } from './year-parts.js';
import { zod } from './zod.js';
import { appendAll } from '../append.js';

export const RECORD_KINDS: readonly RecordKind[] = [proposals, meetings, research, instructions, information, activities];

appendAll(INSTRUCTABLE, RECORD_KINDS.filter((k) => k.instructable).map((k) => k.key));

export const recordKind = (key: string): RecordKind | undefined => RECORD_KINDS.find((k) => k.key === key);

const RECORD_KIND_KEYS: ReadonlySet<unknown> = new Set(RECORD_KINDS.map((k) => k.key));
/** Whether `v` is a record kind's key (proposals, meetings…): what a kept check of the parse cache may name. */
export const isRecordKindKey = (v: unknown): v is string => RECORD_KIND_KEYS.has(v);

/**
 * The fields and schema of one kind's records for an organisation's word lists, built once per
 * list: building a zod schema (and its compiled fast path) costs more than checking a small year.
 */
const built = new Map<string, { fields: Record<string, Field>; schema: z.ZodType<Record<string, unknown>>; quick: QuickCheck | undefined }>();

export function recordFields(kind: RecordKind, vocabulary: Vocabulary, organization: Organization | undefined) {
  const key = JSON.stringify([kind.key, vocabulary, organization?.proposalResults ?? null]);
  let entry = built.get(key);
  if (!entry) {
    const f = kind.fields(vocabulary, organization);
    // The schema is built when first asked for: records that pass their quick check never need it.
    let schema: z.ZodType<Record<string, unknown>> | undefined;
    entry = {
      fields: f,
      get schema() {
        return (schema ??= recordSchema(f, `${kind.label}（${kind.office}）：${kind.description}`));
      },
      quick: quickRecord(f),
    };
    // A watch session meets a handful of word lists; a bound keeps a long one from growing.
    if (built.size > 64) built.clear();
    built.set(key, entry);
  }
  return entry;
}

/** Keys a year file may hold, besides the record lists. */
export const YEAR_SINGLE_KEYS = ['sitting', 'members', 'totals'] as const;
export type YearSingleKey = (typeof YEAR_SINGLE_KEYS)[number];

const TotalsShape = totalsShape(RECORD_KINDS);

export function singlePartShape(key: YearSingleKey): Shape<z.ZodType> {
  if (key === 'sitting') return SittingShape;
  if (key === 'members') return MembersShape;
  return TotalsShape;
}

/** The schema of a whole year file (for the JSON Schema an editor reads): any of the keys, each optional. */
export function yearFileSchema(vocabulary: Vocabulary, organization?: Organization): z.ZodType {
  const z = zod();
  const lists = RECORD_KINDS.map((k) => [k.key, z.array(recordFields(k, vocabulary, organization).schema).optional().meta({ description: `${k.label}（${k.office}）：${k.description}` })]);
  const singles = YEAR_SINGLE_KEYS.map((k) => [k, singlePartShape(k).schema.optional()]);
  return z.strictObject(Object.fromEntries([...lists, ...singles])).meta({ description: '年度数据文件：可包含下列任意部分，各科室可各用一个文件' });
}

export const KNOWN_YEAR_KEYS: readonly string[] = [...RECORD_KINDS.map((k) => k.key), ...YEAR_SINGLE_KEYS];
