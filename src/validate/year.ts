/**
 * First check of a year folder: each file against the schema of what it holds. Records are
 * checked one by one, so one bad record does not hide the problems of the others, and the valid
 * ones go on to the cross-record checks in the same run. Spreadsheet rows become records here
 * too (validate/sheet-records.ts), checked by the same schemas.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/nearest.js';
import type { Organization } from '../domain/organization.js';
import type { Origin, Origins, RecordValue, YearRecords } from '../domain/record-kind.js';
import { KNOWN_YEAR_KEYS, RECORD_KINDS, recordFields, recordKind, singlePartShape, YEAR_SINGLE_KEYS, type YearSingleKey } from '../domain/registry.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { Sitting } from '../domain/year-parts.js';
import type { DataPath } from '../load/data-path.js';
import type { LoadedFolder } from '../load/data-folder.js';
import { locate, type ParsedYaml, type SourceFile } from '../load/yaml.js';
import { ListItemOrigin, yamlOrigin } from './yaml-origin.js';
import { PREPARE, RuleTally } from './row-inference.js';
import { isKeptSheetRows, keptSheetRows, sheetRecords, sheetRowsFromKept, type SheetRows } from './sheet-records.js';
import { forbiddenCharacters, forbiddenIn } from './text-safety.js';
import { describeValue, issuesToDiagnostics, parseRecord, parseReporting } from './zod-issues.js';
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

/** Hints for keys that are not data: old names, and the Chinese names of the parts. */
const KEY_HINTS: Record<string, string> = {
  narrative: '报告的文字已改为写在同一文件夹的 narrative.md 中（Markdown），不再写在 YAML 里。',
  reports: '调研视察报告的键名是 research。',
  approvals: '领导批示的键名是 instructions，每条写明所批记录的编号（record）。',
  proposalCounts: '手填的总数写在 totals 下，如 totals: {proposals: {received: 232}}。',
};

/**
 * What a year's YAML files gave, checked, as plain data: each record taken with its place (the
 * file's index in the folder, the list's key, the item's index), the parts written once, and the
 * problems. The year's records are made from it with their origins (yearFromParts), and the parse
 * cache keeps it (validate/kept-year.ts).
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

/** Each YAML file of a year folder against the schema of what it holds. */
export function checkYamlFiles(folder: LoadedFolder, organization: Organization | undefined, vocabulary: Vocabulary): YamlPart {
  const part: YamlPart = { records: [], totals: [], members: null, sitting: null, emptyLists: [], sittingFiles: [], refused: [], diagnostics: [] };
  const out = part.diagnostics;
  const singleFrom = new Map<YearSingleKey, string>();
  const totalsFrom = new Map<string, string>();
  const refuse = (item: unknown) => {
    const id = refusedId(item);
    if (id !== undefined) part.refused.push(id);
  };
  folder.yaml.forEach((parsed, fileIndex) => {
    const { file, value } = parsed;
    if (value === undefined || value === null) return;
    if (typeof value !== 'object' || Array.isArray(value)) {
      out.push(diagnostic('wrongType', { field: file.display, expected: '键值对（如“proposals:”开头）', received: describeValue(value) }, locate(file, [])));
      return;
    }
    if ('sitting' in value) part.sittingFiles.push(fileIndex);
    // Values can hold a forbidden character only if the text does, or writes one as an escape (\0, \uFFFF).
    const mayBeUnsafe = !file.plainText && (forbiddenIn(file.text) !== undefined || file.text.includes('\\'));
    for (const [key, content] of Object.entries(value)) {
      const kind = recordKind(key);
      if (kind) {
        if (content === null) continue;
        if (!Array.isArray(content)) {
          out.push(diagnostic('wrongType', { field: key, expected: '列表（每项以“- ”开头）', received: describeValue(content) }, locate(file, [key])));
          continue;
        }
        if (content.length === 0) part.emptyLists.push([key, fileIndex]);
        const checker = recordFields(kind, vocabulary, organization);
        const { fields } = checker;
        const prepare = PREPARE[kind.key];
        const applied = new RuleTally();
        for (let index = 0; index < content.length; index++) {
          const raw: unknown = content[index];
          const at = (p: DataPath, asKey?: boolean) => locate(file, [key, index, ...p], asKey);
          if (mayBeUnsafe) {
            const unsafe = forbiddenCharacters(raw, at);
            if (unsafe.length > 0) {
              appendAll(out, unsafe);
              refuse(raw);
              continue;
            }
          }
          // What the record implies (已办复 from a 办理结果…), on a copy: the parsed file stays as written.
          let item: unknown = raw;
          if (prepare && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
            const copy = { ...(raw as Record<string, unknown>) };
            const rules = prepare.prepare(copy, organization, { submitterKind: false });
            if (rules.length > 0) applied.add(rules, () => at([]).line ?? 1);
            item = copy;
          }
          const result = parseRecord(checker, item);
          if (!result.success) {
            appendAll(out, issuesToDiagnostics(result.error.issues, { at, fields }));
            refuse(item);
            continue;
          }
          part.records.push([key, fileIndex, index, result.data]);
        }
        appendAll(out, applied.diagnostics(() => locate(file, [key], true)));
      } else if ((YEAR_SINGLE_KEYS as readonly string[]).includes(key)) {
        const k = key as YearSingleKey;
        // Each office writes its own totals (totals.proposals in the proposal file…): only each entry is once.
        const first = k === 'totals' ? undefined : singleFrom.get(k);
        if (first !== undefined) {
          out.push(diagnostic('defineOnce', { key, first }, locate(file, [key], true)));
          continue;
        }
        singleFrom.set(k, file.display);
        const at = (p: DataPath, asKey?: boolean) => locate(file, [key, ...p], asKey);
        const unsafe = mayBeUnsafe ? forbiddenCharacters(content, at) : [];
        if (unsafe.length > 0) {
          appendAll(out, unsafe);
          continue;
        }
        const result = parseRecord(singlePartShape(k), content);
        if (!result.success) {
          appendAll(out, issuesToDiagnostics(result.error.issues, { at, whole: key }));
          continue;
        }
        const data = result.data as RecordValue;
        if (k === 'sitting') part.sitting = [fileIndex, data];
        else if (k === 'members') part.members = [fileIndex, data];
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
        out.push(unknownKey(key, file));
      }
    }
  });
  return part;
}

/** The id a refused record was written with, if it has one: a reference to it is not reported a second time. */
function refusedId(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
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
  for (const workbook of folder.workbooks) {
    const rows = sheetRecordsOnce(workbook, vocabulary, organization);
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

function sheetRecordsOnce(workbook: LoadedFolder['workbooks'][number], vocabulary: Vocabulary, organization: Organization | undefined): SheetRows {
  const inputs = JSON.stringify([organization ?? null, vocabulary]);
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

function unknownKey(key: string, file: SourceFile) {
  const byLabel = RECORD_KINDS.find((k) => k.label === key || key.includes(k.label));
  const hint =
    (Object.hasOwn(KEY_HINTS, key) ? KEY_HINTS[key] : undefined) ??
    (byLabel ? `${byLabel.label}的键名是 ${byLabel.key}。` : `${didYouMean(key, KNOWN_YEAR_KEYS)}年度文件可以有的部分：${KNOWN_YEAR_KEYS.join('、')}。`);
  const colon = key.search(/[：:]/);
  const slip = colon > 0 ? `字段名和值之间用了全角冒号“：”：改为半角冒号加空格，如“${key.slice(0, colon)}: …”。` : undefined;
  return diagnostic('unknownField', { field: key, hint: slip ?? hint }, locate(file, [key], true));
}
