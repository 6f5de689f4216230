/**
 * Flattens the render context into the dotted names templates and prose cite
 * (`proposals.byCategory.民生和社会事业.count`), one leaf value per name.
 */

/** A value a name can stand for: a number, a text, a yes/no, a list of texts, or nothing. */
export type Leaf = number | string | boolean | null | readonly unknown[];

export interface FlatEntry {
  name: string;
  value: Leaf;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Depth-first, in the object's own key order (the order the figures are computed in). Arrays
 * are leaves (templates cite them whole: `quoteEach meetings.byTag.民生.topics`); an empty
 * object yields no entry; `undefined` values are skipped, as templates cannot cite them.
 */
export function flatten(value: unknown, prefix = ''): FlatEntry[] {
  const out: FlatEntry[] = [];
  const walk = (v: unknown, name: string) => {
    if (v === undefined) return;
    if (isPlainObject(v)) {
      for (const [key, child] of Object.entries(v)) walk(child, name ? `${name}.${key}` : key);
      return;
    }
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || Array.isArray(v)) {
      out.push({ name, value: v as Leaf });
    }
  };
  walk(value, prefix);
  return out;
}
