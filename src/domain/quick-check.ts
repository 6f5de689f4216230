/**
 * Quick checks: what a zod schema of the records gives back for a value that is plainly valid,
 * computed without zod, which costs most of a year's checking (zod keeps every issue, path and
 * input in case the value is wrong). Each check accepts only values its schema accepts, and gives
 * exactly what the schema gives (the same keys in the same order, the same copies); for anything
 * else it answers UNSURE, and zod checks the value and says what is wrong with it.
 */
/** A quick check's answer for a value it does not vouch for: the schema decides. */
export const UNSURE: unique symbol = Symbol('unsure');

/** `schema`'s output for a plainly valid value, or UNSURE (see Field.quick). */
export type QuickCheck = (value: unknown) => unknown;

/**
 * The date form zod's ISO date accepts (a day that exists): zod's own pattern (`z.regexes.date`),
 * written out so that a quick check needs no zod; a test holds the two equal.
 */
export const ISO_DATE = /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;

/** Quick checks of the field types below: each accepts only what its schema accepts, and gives what it gives. */
export const quickText = (v: unknown) => (typeof v === 'string' && v.length >= 1 ? v : UNSURE);
export const quickNote = (v: unknown) => (typeof v === 'string' ? v : UNSURE);
export const quickCount = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : UNSURE);
export const quickDecimal = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : UNSURE);
/** An ISO date only: the other written forms are zod's to convert. */
export const quickDate = (v: unknown) => (typeof v === 'string' && ISO_DATE.test(v) ? v : UNSURE);
export const quickFlag = (v: unknown) => (typeof v === 'boolean' ? v : v === '是' ? true : v === '否' ? false : UNSURE);

/** What a quick check of an object needs of each of its fields. */
export interface QuickField {
  quick: QuickCheck;
  required: boolean;
  fallback?: unknown;
}

/** The quick check of a strict object (z.strictObject) of these fields, in this order. */
export function quickObject(fieldsOf: Record<string, QuickField>): QuickCheck | undefined {
  const checks = Object.entries(fieldsOf).map(([name, f]) => ({ name, ...f }));
  // A name on Object.prototype would be read from it by zod (`input[key]`, `key in input`).
  if (checks.some(({ name }) => name in Object.prototype)) return undefined;
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return UNSURE;
    const record = input as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    // The fields the record has: every key it has must be one of them (counted, not looked up).
    let found = 0;
    for (const { name, quick, required, fallback } of checks) {
      const v = record[name];
      if (v === undefined) {
        if (required || name in record) return UNSURE;
        if (fallback !== undefined) out[name] = shallowCopy(fallback);
        continue;
      }
      found++;
      const checked = quick(v);
      if (checked === UNSURE) return UNSURE;
      out[name] = checked;
    }
    let keys = 0;
    for (const _key in record) keys++;
    return keys === found ? out : UNSURE;
  };
}

/** A default as zod gives it: a copy of a list or an object, every time. */
function shallowCopy(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])];
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return { ...value };
  return value;
}
