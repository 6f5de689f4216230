/**
 * Shapes declared once, for zod and for a quick check. A shape is written as a function of zod's
 * builders, `declare((z) => z.strictObject({ … }))`. Called with zod, it gives the schema, which
 * checks a value and says what is wrong with it (and gives the JSON Schema an editor reads); called
 * with the stand-ins below, it gives the shape's quick check (see quick-check.ts): zod's output
 * for a plainly valid value, without zod, and UNSURE for anything else. The stand-ins know the
 * builders these shapes use; one they do not know fails when the quick check is first built,
 * which the tests do for every shape.
 */
import type * as Z from 'zod/v4';
import { ISO_DATE, quickObject, UNSURE, type QuickCheck } from './quick-check.js';
import { zod } from './zod.js';

type Zod = typeof Z;

export interface Shape<S extends Z.ZodType> {
  /** The zod schema, built when first asked for. */
  readonly schema: S;
  /** The quick check, derived from the same declaration when first asked for. */
  readonly quick: QuickCheck;
  /** An object shape's keys, in their declared order. */
  readonly keys: readonly string[];
}

/** What a value is, as far as a union's choice of branch goes. */
type Tag = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'other';
function tagOf(v: unknown): Tag {
  if (Array.isArray(v)) return 'array';
  const type = v === null ? 'other' : typeof v;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object' ? type : 'other';
}
const ALL_TAGS: ReadonlySet<Tag> = new Set(['string', 'number', 'boolean', 'object', 'array', 'other']);

type Kind = 'string' | 'number' | 'array' | 'object' | 'other';
type Step = (v: unknown) => unknown;

/**
 * The stand-in of a zod schema: the steps zod takes for a valid value, in zod's order (the type,
 * then each check or rewrite in turn). `exact` when UNSURE means zod refuses the value as well,
 * which a union needs to know before it tries the next branch.
 */
class Stand {
  readonly check: QuickCheck;
  constructor(
    readonly kind: Kind,
    readonly steps: readonly Step[],
    readonly tags: ReadonlySet<Tag>,
    readonly exact: boolean,
    readonly presence: 'required' | 'optional' | 'default' = 'required',
    readonly fallback?: unknown,
    readonly shape?: Readonly<Record<string, Stand>>,
  ) {
    this.check = (v) => {
      let out = v;
      for (const step of steps) if ((out = step(out)) === UNSURE) return UNSURE;
      return out;
    };
  }

  private with(step: Step, exact = this.exact): Stand {
    return new Stand(this.kind, [...this.steps, step], this.tags, exact, this.presence, this.fallback, this.shape);
  }
  private measure(v: unknown): number {
    return this.kind === 'number' ? (v as number) : (v as { length: number }).length;
  }
  min(n: number) {
    return this.with((v) => (this.measure(v) >= n ? v : UNSURE));
  }
  max(n: number) {
    return this.with((v) => (this.measure(v) <= n ? v : UNSURE));
  }
  positive() {
    return this.with((v) => ((v as number) > 0 ? v : UNSURE));
  }
  nonnegative() {
    return this.with((v) => ((v as number) >= 0 ? v : UNSURE));
  }
  regex(pattern: RegExp) {
    return this.with((v) => ((pattern.lastIndex = 0), pattern.test(v as string) ? v : UNSURE));
  }
  trim() {
    return this.with((v) => (v as string).trim());
  }
  refine(test: (v: unknown) => unknown) {
    return this.with((v) => (test(v) ? v : UNSURE));
  }
  /** A rewrite may also refuse (through its context): never vouched for. */
  transform() {
    return this.with(() => UNSURE, false);
  }
  pipe(next: Stand) {
    return this.with(next.check, false);
  }
  meta() {
    return this;
  }
  describe() {
    return this;
  }
  optional() {
    return new Stand(this.kind, this.steps, this.tags, this.exact, 'optional', undefined, this.shape);
  }
  default(fallback: unknown) {
    return new Stand(this.kind, this.steps, this.tags, this.exact, 'default', fallback, this.shape);
  }
  partial() {
    const fieldsOf = Object.fromEntries(
      Object.entries(this.shape ?? {}).map(([name, s]) => {
        if (s.presence === 'default') throw new Error(`partial() of a field with a default (${name}) has no quick check`);
        return [name, s.optional()];
      }),
    );
    return objectStand(fieldsOf);
  }
}

const base = (kind: Kind, tag: Tag, test: (v: unknown) => boolean) => new Stand(kind, [(v) => (test(v) ? v : UNSURE)], new Set([tag]), true);

function objectStand(fieldsOf: Record<string, Stand>): Stand {
  const quick = quickObject(Object.fromEntries(Object.entries(fieldsOf).map(([name, s]) => [name, { quick: s.check, required: s.presence === 'required', fallback: s.presence === 'default' ? s.fallback : undefined }])));
  return new Stand('object', [quick ?? (() => UNSURE)], new Set(['object']), false, 'required', undefined, fieldsOf);
}

function choiceStand(values: readonly unknown[]): Stand {
  const known = new Set(values);
  return new Stand('other', [(v) => (known.has(v) ? v : UNSURE)], new Set(values.map(tagOf)), true);
}

/** zod's builders as stand-ins: those the declared shapes use. */
const STANDS = {
  string: () => base('string', 'string', (v) => typeof v === 'string'),
  number: () => base('number', 'number', (v) => typeof v === 'number' && Number.isFinite(v)),
  int: () => base('number', 'number', (v) => typeof v === 'number' && Number.isSafeInteger(v)),
  boolean: () => base('other', 'boolean', (v) => typeof v === 'boolean'),
  enum: (values: readonly string[]) => {
    if (!Array.isArray(values)) throw new Error('z.enum of an object has no quick check');
    return choiceStand(values);
  },
  literal: (value: unknown) => choiceStand(Array.isArray(value) ? value : [value]),
  iso: { date: () => STANDS.string().regex(ISO_DATE) },
  /** zod takes the first branch that accepts the value; a branch that is unsure of it stops the search, unless it takes no value of its kind. */
  union: (options: readonly Stand[]) => {
    const tags = new Set(options.flatMap((o) => [...o.tags]));
    const step: Step = (v) => {
      const tag = tagOf(v);
      for (const option of options) {
        const out = option.check(v);
        if (out !== UNSURE) return out;
        if (!option.exact && option.tags.has(tag)) return UNSURE;
      }
      return UNSURE;
    };
    return new Stand('other', [step], tags, options.every((o) => o.exact));
  },
  array: (item: Stand) =>
    new Stand('array', [(v) => {
      if (!Array.isArray(v)) return UNSURE;
      const out: unknown[] = new Array(v.length);
      for (let i = 0; i < v.length; i++) if ((out[i] = item.check(v[i])) === UNSURE) return UNSURE;
      return out;
    }], new Set(['array']), false),
  strictObject: (fieldsOf: Record<string, Stand>) => objectStand(fieldsOf),
  /** A record keyed by text: each key as its schema gives it (trimmed …), in the input's order, into a new object. */
  record: (key: Stand, value: Stand) => {
    if (key.kind !== 'string') throw new Error('z.record keyed by other than text has no quick check');
    return new Stand('object', [(v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return UNSURE;
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return UNSURE;
      const out: Record<string, unknown> = {};
      for (const name of Reflect.ownKeys(v)) {
        if (typeof name !== 'string' || name === '__proto__' || !Object.prototype.propertyIsEnumerable.call(v, name)) return UNSURE;
        const outName = key.check(name);
        if (outName === UNSURE || outName === '__proto__') return UNSURE;
        const outValue = value.check((v as Record<string, unknown>)[name]);
        if (outValue === UNSURE) return UNSURE;
        out[outName as string] = outValue;
      }
      return out;
    }], new Set(['object']), false);
  },
};

/** A declared shape's stand-in, for the shapes that nest it. */
const STAND = Symbol('stand');

/** A shape declared once (see above): its schema and its quick check are built from `build` when first asked for. */
export function declare<S extends Z.ZodType>(build: (z: Zod) => S): Shape<S> {
  let schema: S | undefined;
  let stand: Stand | undefined;
  const standNow = () => (stand ??= build(STANDS as unknown as Zod) as unknown as Stand);
  const shape: Shape<S> & { [STAND]: () => Stand } = {
    [STAND]: standNow,
    get schema() {
      return (schema ??= build(zod()));
    },
    get quick() {
      return standNow().check;
    },
    get keys() {
      return Object.keys(standNow().shape ?? {});
    },
  };
  return shape;
}

/** Another declared shape, inside a declaration: its schema for zod, its stand-in for the quick check. */
export function nested<S extends Z.ZodType>(z: Zod, shape: Shape<S>): S {
  if ((z as unknown) !== STANDS) return shape.schema;
  return (shape as Shape<S> & { [STAND]: () => Stand })[STAND]() as unknown as S;
}

/** What fieldIn needs of a record field (fields.ts's Field). */
interface FieldLike {
  readonly schema: Z.ZodType;
  readonly quick?: QuickCheck;
  readonly required: boolean;
  readonly fallback?: unknown;
}

/** A record field, inside a declaration: its schema for zod; for the quick check, its own (Field.quick). */
export function fieldIn(z: Zod, field: FieldLike): Z.ZodType {
  if ((z as unknown) !== STANDS) return field.schema;
  const presence = field.required ? 'required' : field.fallback !== undefined ? 'default' : 'optional';
  return new Stand('other', [field.quick ?? (() => UNSURE)], ALL_TAGS, false, presence, field.fallback) as unknown as Z.ZodType;
}
