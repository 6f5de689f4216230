/**
 * A year's records checked by an earlier run, kept in the parse cache (load/parse-cache.ts): what
 * the year's YAML files gave, checked (year.ts, YamlPart: each record with its place), and the
 * problems of the year's checks, found by the year's files (each by its entry's name) and the
 * organisation's settings, on which nothing else the checks do depends. A run whose files are as
 * they were takes them instead of checking every record again, and reads none of the files' values
 * (load/yaml.ts, heldValue). Origins are made again from the places.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { RECORD_KINDS } from '../domain/registry.js';
import type { Organization } from '../domain/organization.js';
import type { YearRecords } from '../domain/record-kind.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { LoadedFolder } from '../load/data-folder.js';
import { everyOf, isMessageOf, isObject, isString } from '../load/kept-shape.js';
import { crossCheck } from './cross-check.js';
import { onePerProblemInSheets } from './sheet-problems.js';
import { checkYamlFiles, yearFromParts, type CheckedYear, type YamlPart } from './year.js';

/** What the parse cache keeps of a checked year. */
interface KeptYear {
  yaml: YamlPart;
  /** The year's problems, as checkSource reports them (validate/source.ts). */
  found: Diagnostic[];
}

/**
 * A year folder's records, checked, and its problems: taken from the parse cache when an earlier
 * run checked the same files with the same settings, else checked now and kept for the next run
 * (unless a file or the checks had an error: a year with an error is checked every time, as the
 * parse cache keeps only clean files).
 */
export function checkedYear(folder: LoadedFolder, year: number, organization: Organization | undefined, vocabulary: Vocabulary): { checked: CheckedYear; found: Diagnostic[] } {
  const inputs = JSON.stringify([year, organization ?? null, vocabulary]);
  const before = folder.checkedBefore;
  // The figures counted from records that are kept are kept with them, by the same files and
  // settings. Not enumerable: records made from these by spreading them (a term's) are others.
  const withFigures = (checked: CheckedYear): CheckedYear => {
    const figuresBefore: YearRecords['figuresBefore'] = before && { find: () => before.find('figures', inputs), keep: (figures) => before.keep('figures', inputs, figures) };
    Object.defineProperty(checked.records, 'figuresBefore', { value: figuresBefore, enumerable: false });
    return checked;
  };
  const kept = before?.find('records', inputs);
  if (isKeptYear(kept, folder.yaml.length)) return { checked: withFigures(yearFromParts(kept.yaml, folder, year, organization, vocabulary)), found: kept.found };
  const yaml = checkYamlFiles(folder, organization, vocabulary);
  const checked = yearFromParts(yaml, folder, year, organization, vocabulary);
  const found = onePerProblemInSheets([...checked.diagnostics, ...crossCheck(checked.records)], checked.headerRows);
  if (!before || hasErrors(found) || folder.yaml.some((f) => f.diagnostics.length > 0)) return { checked, found };
  before.keep('records', inputs, { yaml, found } satisfies KeptYear);
  return { checked: withFigures(checked), found };
}

const KIND_KEYS = new Set(RECORD_KINDS.map((k) => k.key));
const isMessage = isMessageOf(['error', 'warning', 'info']);
/** An index into the folder's YAML files. */
const fileIndex = (files: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < files;
const isTuple = (v: unknown, length: number): v is unknown[] => Array.isArray(v) && v.length === length;

/** Whether what the cache gave back has a kept year's shape, for a folder of `files` YAML files; anything else is a miss, and the year is checked again. */
export function isKeptYear(data: unknown, files: number): data is KeptYear {
  if (!isObject(data) || !isObject(data.yaml) || !everyOf(data.found, isMessage)) return false;
  const y = data.yaml;
  const inFolder = fileIndex(files);
  const single = (v: unknown) => v === null || (isTuple(v, 2) && inFolder(v[0]) && isObject(v[1]));
  return (
    everyOf(y.records, (r) => isTuple(r, 4) && isString(r[0]) && KIND_KEYS.has(r[0]) && inFolder(r[1]) && Number.isInteger(r[2]) && (r[2] as number) >= 0 && isObject(r[3])) &&
    everyOf(y.totals, (t) => isTuple(t, 3) && isString(t[0]) && inFolder(t[1]) && isObject(t[2])) &&
    single(y.members) &&
    single(y.sitting) &&
    everyOf(y.emptyLists, (e) => isTuple(e, 2) && isString(e[0]) && KIND_KEYS.has(e[0]) && inFolder(e[1])) &&
    everyOf(y.sittingFiles, inFolder) &&
    everyOf(y.refused, isString) &&
    everyOf(y.diagnostics, isMessage)
  );
}
