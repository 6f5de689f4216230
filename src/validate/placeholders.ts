/**
 * What `report init` leaves to be filled in, and how validation finds it again. A scaffolded
 * year is valid data, so it builds and validates; what is still empty shows as warnings, which
 * fail only under `--strict`:
 *   - prose is a visible placeholder that starts with PLACEHOLDER (never a blank gap: a report
 *     built from it says 【待填写】 where the text is missing);
 *   - record lists are written as `meetings: []`, and an explicit empty list is reported while
 *     no file of the year adds records to it.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type DataPath } from '../load/source.js';
import type { YearData } from './dataset.js';

/** Marks text still to be written. Full-width brackets, so that it reads as Chinese and is easy to search for. */
export const PLACEHOLDER = '【待填写】';

/** Every string under `value` that still holds the placeholder, with its data path. */
export function findPlaceholders(value: unknown, path: DataPath = []): Array<{ path: DataPath; text: string }> {
  if (typeof value === 'string') return value.includes(PLACEHOLDER) ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findPlaceholders(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => findPlaceholders(v, [...path, k]));
  }
  return [];
}

/** Warnings for the year being reported on: placeholders in the narrative, record lists left empty. */
export function unfinishedParts(year: YearData): Diagnostic[] {
  const out: Diagnostic[] = [];
  const narrativeRef = year.narrative ? year.refs.get(year.narrative) : undefined;
  if (year.narrative && narrativeRef) {
    for (const { path, text } of findPlaceholders(year.narrative)) {
      const snippet = text.length > 24 ? `${text.slice(0, 24)}…` : text;
      out.push(diagnostic('placeholderText', { snippet }, locate(narrativeRef.file, [...narrativeRef.path, ...path])));
    }
  }
  for (const empty of year.emptyLists ?? []) {
    if (year[empty.key].length === 0) {
      out.push(diagnostic('noRecords', { key: empty.key, year: year.year }, locate(empty.ref.file, empty.ref.path, true)));
    }
  }
  const info = year.information;
  const infoRef = info ? year.refs.get(info) : undefined;
  if (info && infoRef && info.items.length === 0 && !info.counts) {
    out.push(diagnostic('noRecords', { key: 'information', year: year.year }, locate(infoRef.file, infoRef.path, true)));
  }
  return out;
}
