/**
 * The field types of records, declared once: each field is a zod schema (what the YAML may hold,
 * and the JSON Schema an editor completes from), a Chinese label and description (messages,
 * docs, the scaffold's comments), the spreadsheet headers it is found under, and how a cell is
 * read. A record kind lists its fields; everything else is derived from that list.
 */
import type * as z from 'zod/v4';
import type { CellType } from '../load/spreadsheet/cell-types.js';
import { quickCount, quickDate, quickDecimal, quickFlag, quickNote, quickObject, quickText, UNSURE, type QuickCheck } from './quick-check.js';
import { declare, nested } from './shape.js';
import { zod } from './zod.js';

type Zod = typeof z;

/** How a spreadsheet cell becomes a value: the spreadsheet reader's own types. */
export type { CellType };

/**
 * A field whose checked value is a `T`. The record types are derived from their fields
 * (`RecordOf`), so a record has exactly the members its declaration gives it.
 */
export interface Field<T = unknown> {
  schema: z.ZodType<T>;
  /** For a choice: the values it stands for (aliases aside), named in messages. */
  values?: readonly string[];
  /** For a choice from a list the organisation can extend: its key in organization.yaml. */
  list?: string;
  /** 中文名, the first spreadsheet header: 提案编号. */
  label: string;
  description: string;
  /** Headers a spreadsheet column may have for this field, the label first. */
  headers: readonly string[];
  /** How a spreadsheet cell is read; absent for a field only YAML can hold (a nested list). */
  cell: CellType | undefined;
  required: boolean;
  /** A value every record has when the author leaves the field out. */
  fallback?: unknown;
  /**
   * The value `schema` gives back for a value plainly valid, without zod; UNSURE for anything
   * else, which zod then checks (and explains when wrong). Absent: zod checks every value.
   */
  quick?: QuickCheck;
}

export interface FieldOptions {
  /** Other spreadsheet headers for the field (the label is always one). */
  headers?: readonly string[];
  optional?: boolean;
  /** Default value when the field is left out (implies optional). */
  fallback?: unknown;
}

/** The value of a field built with options `O`: absent when it is optional and has no fallback. */
type Valued<T, O> = O extends { optional: true } ? (O extends { fallback: {} } ? T : T | undefined) : T;

/** The value a checked record holds in a field (`z.output` of its schema). */
export type ValueOf<F> = F extends Field<infer T> ? T : never;

/**
 * The record a set of fields describes: a member per field, optional where the field may be left
 * out. Figures and checks read records of this type, so a field the declaration lacks cannot be read.
 */
export type RecordOf<F extends Record<string, Field<any>>> = Flat<
  { [K in keyof F as undefined extends ValueOf<F[K]> ? never : K]: ValueOf<F[K]> } & {
    [K in keyof F as undefined extends ValueOf<F[K]> ? K : never]?: ValueOf<F[K]>;
  }
>;
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * A field. Its zod schema is built when first asked for: records that pass their quick check
 * never need it, and building a kind's schemas cost more than checking a small year.
 */
function field<T, O extends FieldOptions>(make: (zod: typeof z) => z.ZodType<T>, label: string, description: string, cell: CellType, options: O | undefined, quick: QuickCheck): Field<Valued<T, O>> {
  const fallback = options?.fallback;
  const required = !options?.optional && fallback === undefined;
  let built: z.ZodType | undefined;
  const build = () => {
    let s: z.ZodType = make(zod()).meta({ title: label, description: `${label}：${description}` });
    if (fallback !== undefined) s = s.default(fallback as never);
    else if (!required) s = s.optional();
    return s;
  };
  return {
    get schema() {
      return (built ??= build()) as z.ZodType<Valued<T, O>>;
    },
    label,
    description,
    headers: [label, ...(options?.headers ?? [])],
    cell,
    required,
    ...(fallback !== undefined ? { fallback } : {}),
    quick,
  };
}

/** A list field's quick check: a list of texts (copied, as zod gives it), or one text split as a cell is. */
function quickList(v: unknown): unknown {
  if (typeof v === 'string') return splitList(v);
  if (!Array.isArray(v)) return UNSURE;
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i];
    if (typeof item !== 'string' || item.length === 0) return UNSURE;
  }
  return [...(v as string[])];
}

/**
 * A date as people type it in YAML, as in cells: 2024-09-26, and also 2024-9-26, 2024.9.26,
 * 2024/9/26 and 2024年9月26日, each read as 2024-09-26. A day that does not exist is refused.
 */
export const DateShape = declare((z) =>
  z.union([
    z.iso.date(),
    z
      .string()
      // Never YYYY-MM-DD itself: that form is the ISO branch's, so the JSON Schema refuses 2023-02-30 as the tool does.
      .regex(/^\d{4}(?:-(?:\d-\d{1,2}|\d{1,2}-\d)|([./])\d{1,2}\1\d{1,2}|年\d{1,2}月\d{1,2}日?)$/)
      .transform((text) => {
        const [y, m, d] = text.match(/\d+/g)!.map(Number) as [number, number, number];
        return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      })
      .pipe(z.iso.date()),
  ]),
);

/** Characters an id may not hold: it is cited in figure names (`meetings.byId.<id>.topic`). */
const ID_PATTERN = /^[^\s.\/\\[\]{}'"`，。、]+$/u;

export const fields = {
  id<O extends FieldOptions>(label: string, description: string, options?: O) {
    const schema = (z: Zod) => z.string().regex(ID_PATTERN, { message: 'id' });
    const quick = (v: unknown) => (typeof v === 'string' && ID_PATTERN.test(v) ? v : UNSURE);
    return field(schema, label, `${description}；在同一年度的全部记录中唯一，不含空格和“.”`, { kind: 'id' }, options, quick);
  },
  text<O extends FieldOptions>(label: string, description: string, options?: O) {
    return field((z) => z.string().min(1), label, description, { kind: 'text' }, options, quickText);
  },
  /** Text that may be empty (a topic not yet known). */
  note<O extends FieldOptions>(label: string, description: string, options?: O) {
    return field((z) => z.string(), label, description, { kind: 'text' }, options, quickNote);
  },
  count<O extends FieldOptions>(label: string, description: string, options?: O) {
    return field((z) => z.int().nonnegative(), label, description, { kind: 'count' }, options, quickCount);
  },
  decimal<O extends FieldOptions>(label: string, description: string, options?: O) {
    return field((z) => z.number().nonnegative(), label, description, { kind: 'decimal' }, options, quickDecimal);
  },
  date<O extends FieldOptions>(label: string, description: string, options?: O) {
    return field((z) => nested(z, DateShape), label, `${description}（YYYY-MM-DD，也可写 2024-9-26、2024.9.26、2024年9月26日）`, { kind: 'date' }, options, quickDate);
  },
  /** Yes or no; 是/否 are read as true/false, in YAML as in spreadsheets. */
  flag<O extends FieldOptions>(label: string, description: string, options?: O) {
    const schema = (z: Zod) => z.union([z.boolean(), z.enum(['是', '否']).transform((v) => v === '是')]);
    return field(schema, label, `${description}（true/是 或 false/否）`, { kind: 'boolean' }, options, quickFlag);
  },
  /** Several names; a single text is split at 、，,；; as a spreadsheet cell is. */
  list<O extends FieldOptions>(label: string, description: string, options?: O) {
    const schema = (z: Zod) => z.union([z.array(z.string().min(1)), z.string().transform(splitList)]);
    return field(schema, label, `${description}（列表，或用“、”隔开的一行文字）`, { kind: 'list' }, options, quickList);
  },
  /**
   * One of a list of values; `aliases` are other spellings found in ledgers (会间 → 大会), read
   * as the value they stand for in YAML and spreadsheets alike.
   */
  choice<O extends FieldOptions & { aliases?: Record<string, string>; list?: string }>(values: readonly string[], label: string, description: string, options?: O) {
    const aliases = options?.aliases ?? {};
    // The aliases are in the enum, so that an editor offers them and the JSON Schema accepts them.
    const accepted = [...new Set([...values, ...Object.keys(aliases)])] as [string, ...string[]];
    const schema = (z: Zod): z.ZodType<string> => z.enum(accepted).transform((v): string => aliases[v] ?? v);
    const cellValues = Object.fromEntries([...values.map((v) => [v, v] as const), ...Object.entries(aliases)]);
    const known = new Set<unknown>(accepted);
    const quick = (v: unknown) => (known.has(v) ? (aliases[v as string] ?? v) : UNSURE);
    // Assigned, not spread: a spread would build the schema (a getter) at once.
    return Object.assign(field(schema, label, `${description}，取值：${values.join('、')}`, { kind: 'choice', values: cellValues }, options, quick), { values }, options?.list ? { list: options.list } : {});
  },
};

const LIST_SEPARATORS = /[、，,；;／/\n\r]+/;

function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A record's quick check (see Field.quick): the record `recordSchema(fieldsOf)` gives back, built
 * as zod builds it (the fields in their declared order, a left-out field absent or its fallback),
 * when every field is plainly valid and there is no other key; UNSURE otherwise. Undefined when
 * a field has no quick check.
 */
export function quickRecord(fieldsOf: Record<string, Field>): QuickCheck | undefined {
  const entries = Object.entries(fieldsOf);
  if (entries.some(([, f]) => !f.quick)) return undefined;
  return quickObject(Object.fromEntries(entries.map(([name, f]) => [name, { quick: f.quick!, required: f.required, fallback: f.fallback }])));
}

/** The zod object schema of a record made of `fieldsOf`; unknown fields are refused. */
export function recordSchema(fieldsOf: Record<string, Field>, description: string): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = Object.fromEntries(Object.entries(fieldsOf).map(([name, f]) => [name, f.schema]));
  return zod().strictObject(shape).meta({ description });
}
