/**
 * Characters no document may hold: NUL and the other C0 controls (tab and line breaks aside),
 * U+FFFE/U+FFFF and unpaired surrogates. XML forbids them, so a DOCX holding one is a file Word
 * refuses; in Markdown they are invisible garbage. They are refused where they are written.
 */
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataPath } from '../load/data-path.js';

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** The first forbidden character of a text, and where. */
export function forbiddenIn(text: string): { index: number; code: string } | undefined {
  // Almost every text is clean: two native scans say so several times faster than the pattern with its lookarounds.
  if (!CONTROL.test(text) && (text as unknown as { isWellFormed(): boolean }).isWellFormed()) return undefined;
  const m = FORBIDDEN.exec(text);
  return m ? { index: m.index, code: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` } : undefined;
}

/** Whether a string under `value` (a key or a value) holds a forbidden character: a walk that builds nothing, for the clean values nearly all are. */
function holdsForbidden(value: unknown): boolean {
  if (typeof value === 'string') return forbiddenIn(value) !== undefined;
  if (Array.isArray(value)) return value.some(holdsForbidden);
  if (value !== null && typeof value === 'object') {
    for (const key in value) if (Object.hasOwn(value, key) && (forbiddenIn(key) !== undefined || holdsForbidden((value as Record<string, unknown>)[key]))) return true;
  }
  return false;
}

/** A diagnostic for each string under `value` that holds a forbidden character, at its path. */
export function forbiddenCharacters(value: unknown, at: (path: DataPath) => Location, path: DataPath = []): Diagnostic[] {
  if (path.length === 0 && !holdsForbidden(value)) return [];
  if (typeof value === 'string') {
    const found = forbiddenIn(value);
    return found ? [diagnostic('forbiddenCharacter', { code: found.code }, at(path))] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenCharacters(v, at, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(forbiddenIn(k) ? [diagnostic('forbiddenCharacter', { code: forbiddenIn(k)!.code }, at([...path, k]))] : []),
      ...forbiddenCharacters(v, at, [...path, k]),
    ]);
  }
  return [];
}
