/**
 * First check of a year folder: each file against the schema of what it holds. Records are
 * checked one by one, so one bad record does not hide the problems of the others, and the valid
 * ones go on to the cross-record checks in the same run. Spreadsheet rows become records here
 * too (validate/sheet-records.ts), checked by the same schemas.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Organization } from '../domain/organization.js';
import type { Origin, Origins, RecordValue, YearRecords } from '../domain/record-kind.js';
import { RECORD_KINDS, recordFields, type YearSingleKey } from '../domain/registry.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { Sitting } from '../domain/year-parts.js';
import type { LoadedFolder } from '../load/data-folder.js';
import { locate, type ParsedYaml, type SourceFile } from '../load/yaml.js';
import { filePartOnce, refusedId, settingsInputs } from './yaml-file.js';
import { ListItemOrigin, yamlOrigin } from './yaml-origin.js';
import { isKeptSheetRows, keptSheetRows, sheetRecords, sheetRowsFromKept, type SheetRows } from './sheet-records.js';
import { appendAll } from '../append.js';

export interface CheckedYear {
  records: YearRecords;
  sitting: Sitting | undefined;
  /** Where the sitting came from, for messages about it. */
  sittingOrigin: Origin | undefined;
  /** Record lists written explicitly empty (`meetings: []`, as `report init` scaffolds them). */
  emptyLists: Array<{ key: string; origin: Origin }>;
  /** The files that write a sitting (their draft marks are reported for the year reported on). */
  sittingFiles: ParsedYaml[];
  /** Each spreadsheet table's header row, by file and sheet (`file\u0000sheet`): where a problem of many rows is placed. */
  headerRows: Map<string, number>;
  diagnostics: Diagnostic[];
}

function emptyYearRecords(year: number, organization: Organization | undefined, vocabulary: Vocabulary, origins: Origins = new Map()): YearRecords {
  return {
    year,
    organization,
    vocabulary,
    records: Object.fromEntries(RECORD_KINDS.map((k) => [k.key, []])),
    totals: {},
    members: undefined,
    origins,
    refusedIds: new Set(),
  };
}

/**
 * What a year's YAML files gave, checked, as plain data: each record taken with its place (the
 * file's index in the folder, the list's key, the item's index), the parts written once, and the
 * problems. The year's records are made from it with their origins (yearFromParts); it is made
 * from each file's check (validate/yaml-file.ts), which the parse cache keeps by the file.
 */
export interface YamlPart {
  records: Array<[key: string, file: number, index: number, record: RecordValue]>;
  totals: Array<[kind: string, file: number, value: RecordValue]>;
  members: [file: number, value: RecordValue] | null;
  sitting: [file: number, value: RecordValue] | null;
  emptyLists: Array<[key: string, file: number]>;
  /** The files that write a sitting: their draft marks are looked for (validate/source.ts). */
  sittingFiles: number[];
  /** Ids of the records the schema refused. */
  refused: string[];
  diagnostics: Diagnostic[];
}

export function checkYear(folder: LoadedFolder | undefined, year: number, organization: Organization | undefined, vocabulary: Vocabulary): CheckedYear {
  if (!folder) {
    return { records: emptyYearRecords(year, organization, vocabulary), sitting: undefined, sittingOrigin: undefined, emptyLists: [], sittingFiles: [], headerRows: new Map(), diagnostics: [] };
  }
  return yearFromParts(checkYamlFiles(folder, organization, vocabulary), folder, year, organization, vocabulary);
}

/**
 * Each YAML file of a year folder against the schema of what it holds (validate/yaml-file.ts, each
 * kept by the file), joined: a part written once a year (sitting, members, each kind's totals) is
 * taken from the first file that writes it, and each later one is a problem in its place.
 */
export function checkYamlFiles(folder: LoadedFolder, organization: Organization | undefined, vocabulary: Vocabulary): YamlPart {
  const part: YamlPart = { records: [], totals: [], members: null, sitting: null, emptyLists: [], sittingFiles: [], refused: [], diagnostics: [] };
  const out = part.diagnostics;
  const singleFrom = new Map<YearSingleKey, string>();
  const totalsFrom = new Map<string, string>();
  const inputs = settingsInputs(organization, vocabulary);
  folder.yaml.forEach((parsed, fileIndex) => {
    const { file } = parsed;
    const checked = filePartOnce(parsed, organization, vocabulary, inputs);
    if (checked.writesSitting) part.sittingFiles.push(fileIndex);
    appendAll(part.refused, checked.refused);
    for (const entry of checked.keys) {
      if ('list' in entry) {
        const key = entry.list;
        if (entry.empty) part.emptyLists.push([key, fileIndex]);
        const { records, indexes } = entry;
        for (let i = 0; i < records.length; i++) part.records.push([key, fileIndex, indexes[i]!, records[i]!]);
        appendAll(out, entry.diagnostics);
      } else if ('single' in entry) {
        const key = entry.single;
        // Each office writes its own totals (totals.proposals in the proposal file…): only each entry is once.
        const first = key === 'totals' ? undefined : singleFrom.get(key);
        if (first !== undefined) {
          out.push(diagnostic('defineOnce', { key, first }, locate(file, [key], true)));
          continue;
        }
        singleFrom.set(key, file.display);
        appendAll(out, entry.diagnostics);
        const data = entry.value;
        if (data === null) continue;
        if (key === 'sitting') part.sitting = [fileIndex, data];
        else if (key === 'members') part.members = [fileIndex, data];
        else {
          for (const [kindKey, totals] of Object.entries(data)) {
            if (totals === undefined) continue;
            const earlier = totalsFrom.get(kindKey);
            if (earlier !== undefined) {
              out.push(diagnostic('defineOnce', { key: `totals.${kindKey}`, first: earlier }, locate(file, [key, kindKey], true)));
              continue;
            }
            totalsFrom.set(kindKey, file.display);
            part.totals.push([kindKey, fileIndex, totals as RecordValue]);
          }
        }
      } else {
        appendAll(out, entry.diagnostics);
      }
    }
  });
  return part;
}

/** What a year's YAML files said besides its records: the sitting, the lists written empty, the files that write a sitting. */
export function yearParts(
  part: Pick<YamlPart, 'sitting' | 'emptyLists' | 'sittingFiles'>,
  folder: LoadedFolder,
): Pick<CheckedYear, 'sitting' | 'sittingOrigin' | 'emptyLists' | 'sittingFiles'> {
  const fileAt = (index: number) => folder.yaml[index]!.file;
  return {
    sitting: part.sitting ? (part.sitting[1] as unknown as Sitting) : undefined,
    sittingOrigin: part.sitting ? yamlOrigin(fileAt(part.sitting[0]), ['sitting']) : undefined,
    emptyLists: part.emptyLists.map(([key, file]) => ({ key, origin: yamlOrigin(fileAt(file), [key]) })),
    sittingFiles: part.sittingFiles.map((index) => folder.yaml[index]!),
  };
}

/** The year's records from what its YAML files gave (checked now, or kept), each with its origin, and its ledgers' rows. */
export function yearFromParts(part: YamlPart, folder: LoadedFolder, year: number, organization: Organization | undefined, vocabulary: Vocabulary): CheckedYear {
  const fileAt = (index: number) => folder.yaml[index]!.file;
  const records = emptyYearRecords(year, organization, vocabulary, new YearOrigins(part.records, fileAt));
  const checked: CheckedYear = { records, ...yearParts(part, folder), headerRows: new Map(), diagnostics: [...part.diagnostics] };
  const out = checked.diagnostics;
  const accept = (key: string, record: RecordValue, origin: Origin) => {
    records.records[key]!.push(record);
    records.origins.set(record, origin);
  };
  for (const [key, , , record] of part.records) records.records[key]!.push(record);
  for (const id of part.refused) records.refusedIds.add(id);
  if (part.members) {
    records.members = part.members[1] as YearRecords['members'];
    records.origins.set(part.members[1], yamlOrigin(fileAt(part.members[0]), ['members']));
  }
  for (const [kindKey, file, totals] of part.totals) {
    records.totals[kindKey] = totals;
    records.origins.set(totals, yamlOrigin(fileAt(file), ['totals', kindKey]));
  }
  const fromYaml = new Set(RECORD_KINDS.filter((k) => records.records[k.key]!.length > 0).map((k) => k.key));
  const coverage: Array<{ kind: string; fields: Set<string>; file: string; sheet: string }> = [];
  const inputs = settingsInputs(organization, vocabulary);
  for (const workbook of folder.workbooks) {
    const rows = sheetRecordsOnce(workbook, vocabulary, organization, inputs);
    for (const c of rows.coverage) coverage.push({ ...c, file: workbook.display });
    appendAll(out, rows.diagnostics);
    for (const [sheet, row] of rows.headerRows) checked.headerRows.set(`${workbook.display}\u0000${sheet}`, row);
    for (const { kind, record, origin } of rows.records) accept(kind, record, origin);
    for (const item of rows.refused) {
      const id = refusedId(item);
      if (id !== undefined) records.refusedIds.add(id);
    }
  }
  records.absent = absentColumns(coverage, fromYaml, vocabulary, organization);
  return checked;
}

/**
 * The origins of a year's records: those of its YAML records (a national year has 60,000) made
 * when a place is first asked for, as a clean run asks for none; the others set as they are made.
 */
class YearOrigins implements Origins {
  private readonly known = new Map<object, Origin>();

  constructor(
    /** The YAML records whose origins are still to be made: none once the first is asked for. */
    private yaml: YamlPart['records'] | undefined,
    private readonly fileAt: (index: number) => SourceFile,
  ) {}

  get(record: object): Origin | undefined {
    if (this.yaml !== undefined) {
      for (const [key, file, index, r] of this.yaml) if (!this.known.has(r)) this.known.set(r, new ListItemOrigin(this.fileAt(file), key, index));
      this.yaml = undefined;
    }
    return this.known.get(record);
  }

  set(record: object, origin: Origin): this {
    this.known.set(record, origin);
    return this;
  }
}

/**
 * A ledger's rows checked once while neither it nor the organisation's settings change: a watch
 * session keeps each parsed workbook (LoadedWorkbook.identity, the same while its bytes are), and a
 * save of another file checked every row of every ledger again. Records and problems are only read
 * after this stage.
 */
const checkedSheets = new WeakMap<object, { key: string; rows: SheetRows }>();

function sheetRecordsOnce(workbook: LoadedFolder['workbooks'][number], vocabulary: Vocabulary, organization: Organization | undefined, inputs: string): SheetRows {
  const key = `${workbook.display}\0${inputs}`;
  const known = checkedSheets.get(workbook.identity);
  if (known?.key === key) return known.rows;
  let rows = keptRows(workbook, inputs);
  if (!rows) {
    rows = sheetRecords(workbook, vocabulary, organization);
    if (!hasErrors(rows.diagnostics)) workbook.checkedBefore?.keep(inputs, keptSheetRows(rows));
  }
  checkedSheets.set(workbook.identity, { key, rows });
  return rows;
}

/**
 * The rows an earlier run checked, from the parse cache, when the ledger's bytes and the
 * organisation's settings are the same (the rows depend on nothing else) and what the cache gave
 * has their shape; else undefined, and the rows checked now are kept for the next run unless they
 * had errors (a file with an error is checked every time, as the parse cache keeps only clean files).
 */
function keptRows(workbook: LoadedFolder['workbooks'][number], inputs: string): SheetRows | undefined {
  const found = workbook.checkedBefore?.find(inputs);
  return isKeptSheetRows(found) ? sheetRowsFromKept(found, workbook.display) : undefined;
}

/** Per kind kept only in ledgers: the fields no ledger has a column for (YAML records can hold every field). */
function absentColumns(
  coverage: ReadonlyArray<{ kind: string; fields: Set<string>; file: string; sheet: string }>,
  fromYaml: ReadonlySet<string>,
  vocabulary: Vocabulary,
  organization: Organization | undefined,
): NonNullable<YearRecords['absent']> {
  const absent: NonNullable<YearRecords['absent']> = {};
  for (const kind of RECORD_KINDS) {
    const tables = coverage.filter((c) => c.kind === kind.key);
    if (tables.length === 0 || fromYaml.has(kind.key)) continue;
    const { fields } = recordFields(kind, vocabulary, organization);
    for (const [name, field] of Object.entries(fields)) {
      if (!field.cell || tables.some((t) => t.fields.has(name))) continue;
      (absent[kind.key] ??= {})[name] = { column: field.label, file: tables[0]!.file, sheet: tables[0]!.sheet };
    }
  }
  return absent;
}
