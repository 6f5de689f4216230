/**
 * A year's checks made by an earlier run, kept in the parse cache (load/parse-cache.ts), found by
 * the year's files (each by its entry's name) and the organisation's settings, on which nothing
 * else the checks do depends: the year's problems, its sitting, the lists written empty. A run
 * whose files are as they were takes them instead of checking the year again, and reads none of
 * the files' values (load/yaml.ts, heldValue); its records are made only when a stage asks for
 * one, from each file's check, kept by the file (validate/yaml-file.ts, and a ledger's rows:
 * year.ts, sheetRecordsOnce). A clean year's validate asks for none, as its figures are kept too.
 * Origins are made again from the places.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isRecordKindKey } from '../domain/registry.js';
import type { Organization } from '../domain/organization.js';
import type { YearRecords } from '../domain/record-kind.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { LoadedFolder } from '../load/data-folder.js';
import { everyOf, isCount, isDiagnostic, isObject, isString } from '../load/kept-shape.js';
import { crossCheck } from './cross-check.js';
import { onePerProblemInSheets } from './sheet-problems.js';
import { checkYamlFiles, yearFromParts, yearParts, type CheckedYear, type YamlPart } from './year.js';

/**
 * What the parse cache keeps of a checked year's checks, apart from its records: a run reads this
 * first, and the records only when something asks for them (a clean year's report asks for none:
 * its figures are kept too, compute/figures.ts).
 */
interface KeptChecks extends Pick<YamlPart, 'sitting' | 'emptyLists' | 'sittingFiles'> {
  /** The year's problems, as checkSource reports them (validate/source.ts). */
  found: Diagnostic[];
  /** The problems of the year's files and rows, before the cross-record checks (CheckedYear.diagnostics). */
  diagnostics: Diagnostic[];
  headerRows: Array<[string, number]>;
  /** The columns no ledger of the year has (YearRecords.absent): the proposal report asks for them. */
  absent: NonNullable<YearRecords['absent']>;
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
  const files = folder.yaml.length;
  const checks = before?.find('checks', inputs);
  if (before && isKeptChecks(checks, files)) {
    // The records as the checks found them, made by the first stage that asks for them: each
    // file's kept by the file (validate/yaml-file.ts, sheetRecordsOnce).
    const records = heldRecords(year, organization, vocabulary, checks.absent, () => yearFromParts(checkYamlFiles(folder, organization, vocabulary), folder, year, organization, vocabulary).records);
    const checked: CheckedYear = { records, ...yearParts(checks, folder), headerRows: new Map(checks.headerRows), diagnostics: checks.diagnostics };
    return { checked: withFigures(checked), found: checks.found };
  }
  const yaml = checkYamlFiles(folder, organization, vocabulary);
  const checked = yearFromParts(yaml, folder, year, organization, vocabulary);
  const found = onePerProblemInSheets([...checked.diagnostics, ...crossCheck(checked.records)], checked.headerRows);
  if (!before || hasErrors(found) || folder.yaml.some((f) => f.diagnostics.length > 0)) return { checked, found };
  const { sitting, emptyLists, sittingFiles } = yaml;
  const absent = checked.records.absent ?? {};
  before.keep('checks', inputs, { found, diagnostics: checked.diagnostics, sitting, emptyLists, sittingFiles, headerRows: [...checked.headerRows], absent } satisfies KeptChecks);
  return { checked: withFigures(checked), found };
}

/**
 * A year's records made when first asked for (`make`): the year, organisation, vocabulary and
 * absent columns at once, every other part from what `make` gives, once.
 */
function heldRecords(year: number, organization: Organization | undefined, vocabulary: Vocabulary, absent: YearRecords['absent'], make: () => YearRecords): YearRecords {
  let made: YearRecords | undefined;
  const records = () => (made ??= make());
  return {
    year,
    organization,
    vocabulary,
    get records() {
      return records().records;
    },
    get totals() {
      return records().totals;
    },
    get members() {
      return records().members;
    },
    get origins() {
      return records().origins;
    },
    get refusedIds() {
      return records().refusedIds;
    },
    absent,
  } as YearRecords;
}

/** An index into the folder's YAML files. */
const fileIndex = (files: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < files;
const isTuple = (v: unknown, length: number): v is unknown[] => Array.isArray(v) && v.length === length;

/** Whether what the cache gave back has the shape of a kept year's checks, for a folder of `files` YAML files. */
export function isKeptChecks(data: unknown, files: number): data is KeptChecks {
  return (
    isObject(data) &&
    everyOf(data.found, isDiagnostic) &&
    everyOf(data.diagnostics, isDiagnostic) &&
    everyOf(data.headerRows, (h) => isTuple(h, 2) && isString(h[0]) && isCount(h[1])) &&
    isObject(data.absent) &&
    Object.values(data.absent).every((fields) => isObject(fields) && Object.values(fields).every((a) => isObject(a) && isString(a.column) && isString(a.file) && isString(a.sheet))) &&
    isKeptParts(data, files)
  );
}

/** The parts of a year besides its records: the sitting, the lists written empty, the files that write a sitting. */
function isKeptParts(data: Record<string, unknown>, files: number): boolean {
  const inFolder = fileIndex(files);
  const sitting = data.sitting;
  return (
    (sitting === null || (isTuple(sitting, 2) && inFolder(sitting[0]) && isObject(sitting[1]))) &&
    everyOf(data.emptyLists, (e) => isTuple(e, 2) && isRecordKindKey(e[0]) && inFolder(e[1])) &&
    everyOf(data.sittingFiles, inFolder)
  );
}
