/**
 * Checks the term folder (`term-2018-2022/`) of a five-year report: its files may hold
 * `sitting` and `narrative` (the term narrative, with `lessons`), each once, against the zod
 * schema. The records of the five years are checked year by year as usual.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type ParsedFile } from '../load/source.js';
import { TERM_SINGLE_KEYS, type Sitting, type TermNarrative, type TermSingleKey } from '../schema/schema.js';
import type { Ref } from './dataset.js';
import { checkSinglePart } from './schema-check.js';
import { describeValue } from './zod-issues.js';

export interface TermData {
  from: number;
  to: number;
  sitting?: Sitting;
  narrative?: TermNarrative;
  /** Where each part came from. */
  refs: WeakMap<object, Ref>;
}

const KNOWN_KEYS = Object.keys(TERM_SINGLE_KEYS);

export function checkTermFolder(
  loaded: { folder: string; files: ParsedFile[] },
  range: { from: number; to: number },
): { term: TermData; diagnostics: Diagnostic[] } {
  const term: TermData = { ...range, refs: new WeakMap() };
  const diagnostics: Diagnostic[] = [];
  const firstFrom = new Map<TermSingleKey, string>();
  for (const { file, value } of loaded.files) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.push(diagnostic('wrongType', { field: file.display, expected: '键值对（如“narrative:”开头）', received: describeValue(value) }, locate(file, [])));
      continue;
    }
    for (const [key, content] of Object.entries(value)) {
      if (!Object.hasOwn(TERM_SINGLE_KEYS, key)) {
        diagnostics.push(diagnostic('unknownField', { field: key, known: KNOWN_KEYS.join('、') }, locate(file, [key], true)));
        continue;
      }
      const k = key as TermSingleKey;
      const data = checkSinglePart(file, k, content, TERM_SINGLE_KEYS[k], firstFrom, diagnostics);
      if (data === undefined) continue;
      (term as unknown as Record<string, unknown>)[k] = data;
      term.refs.set(data, { file, path: [key] });
    }
  }
  for (const key of KNOWN_KEYS) {
    if (!firstFrom.has(key as TermSingleKey)) diagnostics.push(diagnostic('missingTermPart', { key, ...range }, { file: loaded.folder }));
  }
  return { term, diagnostics };
}
