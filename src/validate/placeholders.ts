/**
 * What `report init` leaves to be done, and how validation finds it again: text still to be
 * written (【待填写】) and text carried over from last year still to be reviewed (【待审改】).
 * Both are warnings, which fail only under `--strict`, so a scaffold validates and builds at
 * once; a paragraph so marked is a draft, and a figure it cites that the records cannot supply
 * yet is a warning too (printed 【数据待补】), never a blank.
 */
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UNFILLED } from '../domain/year-parts.js';

/** Marks text still to be written. Full-width brackets, so that it reads as Chinese and is easy to search for. */
export const PLACEHOLDER = UNFILLED;
/** Marks text carried over from the year before, to be reviewed. */
export const REVIEW_MARK = '【待审改】';
/** Printed where a draft paragraph cites a figure the records cannot supply yet. */
export const PENDING_FIGURE = '【数据待补】';

export const isDraft = (text: string): boolean => text.includes(PLACEHOLDER) || text.includes(REVIEW_MARK);

/** A warning for a text that still holds a mark, or nothing. */
export function draftWarning(text: string, at: (offset: number) => Location): Diagnostic | undefined {
  const snippet = (from: number) => {
    const s = text.slice(from);
    return s.length > 24 ? `${s.slice(0, 24)}…` : s;
  };
  const todo = text.indexOf(PLACEHOLDER);
  if (todo >= 0) return diagnostic('placeholderText', { snippet: snippet(todo) }, at(todo));
  const review = text.indexOf(REVIEW_MARK);
  if (review >= 0) return diagnostic('reviewText', { snippet: snippet(review) }, at(review));
  return undefined;
}

/** Every string under `value` that holds a mark, with where it is. */
export function draftStrings(value: unknown, path: ReadonlyArray<string | number> = []): Array<{ path: ReadonlyArray<string | number>; text: string }> {
  if (typeof value === 'string') return isDraft(value) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => draftStrings(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => draftStrings(v, [...path, k]));
  return [];
}
