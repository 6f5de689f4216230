/**
 * Checks everything one data folder holds for a report: the organisation, each year folder
 * read (schema, then records against each other), the term folders, and the narratives.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Organization } from '../domain/organization.js';
import type { Origin } from '../domain/record-kind.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import { SittingShape, type Sitting } from '../domain/year-parts.js';
import type { LoadedData, LoadedFolder } from '../load/data-folder.js';
import { lineColumn } from '../load/markdown-prose.js';
import { locate } from '../load/yaml.js';
import { checkedYear } from './kept-year.js';
import { prosePieces, structureNarrative, type NarrativeDoc, type NarrativeSpec } from './narrative.js';
import { checkOrganization } from './organization.js';
import { draftStrings, draftWarning } from './placeholders.js';
import { forbiddenCharacters } from './text-safety.js';
import type { CheckedYear } from './year.js';
import { yamlOrigin } from './yaml-origin.js';
import { describeValue, issuesToDiagnostics, parseRecord } from './zod-issues.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { appendAll } from '../append.js';

/** What to read from one data folder. */
export interface SourcePlan {
  dataDir: string;
  /** The year the report is about, for this data folder. */
  year: number;
  years: number[];
  /** Other folders of the data folder (term-2018-2022). */
  folders: string[];
}

/** A term folder's own files, checked: the sitting that hears the report. */
export interface CheckedFolder {
  sitting: Sitting | undefined;
  sittingOrigin: Origin | undefined;
}

/** One data folder, loaded and checked. */
export interface CheckedSource {
  plan: SourcePlan;
  data: LoadedData;
  organization: Organization | undefined;
  vocabulary: Vocabulary;
  years: Map<number, CheckedYear>;
  folders: Map<string, CheckedFolder>;
  /** Narratives present, by `<folder>/<file>` (2023/narrative.md). */
  narratives: Map<string, NarrativeDoc>;
  /** Whether its data (records, organisation) had errors: figures are then from the valid records only. */
  dataHasErrors: boolean;
}

/**
 * A year's records checked once while its files and the organisation's settings stay the same.
 * A watch session keeps each parsed file (the same objects while a file is unchanged), and a save
 * of narrative.md, or of the current year's file, checked every record of both years again; a
 * checked year is only read after this stage, so its figures are counted once too (yearFigures).
 */
const checkedYears = new WeakMap<object, { parts: readonly object[]; key: string; checked: CheckedYear; found: Diagnostic[] }>();

function checkYearOnce(folder: LoadedFolder, year: number, organization: Organization | undefined, vocabulary: Vocabulary): { checked: CheckedYear; found: Diagnostic[] } {
  const parts: object[] = [...folder.yaml, ...folder.workbooks.map((w) => w.identity)];
  const key = JSON.stringify([year, organization ?? null, vocabulary, folder.workbooks.map((w) => w.display)]);
  const anchor = parts[0];
  const known = anchor ? checkedYears.get(anchor) : undefined;
  if (known && known.key === key && known.parts.length === parts.length && known.parts.every((p, i) => p === parts[i])) return known;
  const made = { parts, key, ...checkedYear(folder, year, organization, vocabulary) };
  if (anchor) checkedYears.set(anchor, made);
  return made;
}

export function checkSource(data: LoadedData, plan: SourcePlan, narratives: readonly NarrativeSpec[]): { source: CheckedSource; diagnostics: Diagnostic[] } {
  // What loading an earlier year's files said (a GBK ledger…) is not repeated either, errors aside.
  const earlier = [...data.years].filter(([y]) => y !== plan.year).map(([, f]) => `${f.display}/`);
  const diagnostics: Diagnostic[] = data.diagnostics.filter((d) => d.severity === 'error' || !earlier.some((prefix) => d.file?.startsWith(prefix)));
  const org = checkOrganization(data.organization);
  appendAll(diagnostics, org.diagnostics, yamlPlaceholders(data.organization));
  const years = new Map<number, CheckedYear>();
  for (const year of plan.years) {
    const folder = data.years.get(year);
    if (!folder) continue;
    const { checked, found } = checkYearOnce(folder, year, org.organization, org.vocabulary);
    // An earlier year read for comparison: its errors stop the figures, its warnings were said when it was reported on.
    for (const d of found) if (year === plan.year || d.severity === 'error') diagnostics.push(d);
    if (year === plan.year) {
      appendAll(diagnostics, unfinished(checked));
      for (const f of checked.sittingFiles) appendAll(diagnostics, yamlPlaceholders(f));
    }
    years.set(year, checked);
  }
  const folders = new Map<string, CheckedFolder>();
  for (const name of plan.folders) {
    const folder = data.folders.get(name);
    if (!folder) continue;
    const checked = checkOwnFolder(folder);
    appendAll(diagnostics, checked.diagnostics);
    folders.set(name, checked.folder);
  }
  const dataHasErrors = hasErrors(diagnostics);
  const docs = new Map<string, NarrativeDoc>();
  const read: Array<[string, LoadedFolder]> = [
    ...[...data.years].filter(([y]) => y === plan.year).map(([y, f]) => [String(y), f] as [string, LoadedFolder]),
    ...[...data.folders],
  ];
  for (const [name, folder] of read) {
    for (const spec of narratives) {
      const file = folder.prose.get(spec.file);
      if (!file) continue;
      const structured = structureNarrative(file, spec);
      appendAll(diagnostics, structured.diagnostics, placeholders(structured.doc));
      docs.set(`${name}/${spec.file}`, structured.doc);
    }
  }
  const sittingWarnings = [...years].flatMap(([year, c]) => (year === plan.year && plan.folders.length === 0 ? sittingDate(c, year) : []));
  appendAll(diagnostics, sittingWarnings);
  return {
    source: { plan, data, organization: org.organization, vocabulary: org.vocabulary, years, folders, narratives: docs, dataHasErrors },
    diagnostics,
  };
}

/** A term folder's YAML: the sitting that hears the report, once. */
function checkOwnFolder(folder: LoadedFolder): { folder: CheckedFolder; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let sitting: Sitting | undefined;
  let sittingOrigin: CheckedFolder['sittingOrigin'];
  let first: string | undefined;
  for (const { file, value } of folder.yaml) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.push(diagnostic('wrongType', { field: file.display, expected: '键值对（如“sitting:”开头）', received: describeValue(value) }, locate(file, [])));
      continue;
    }
    for (const [key, content] of Object.entries(value)) {
      if (key !== 'sitting') {
        diagnostics.push(diagnostic('unknownField', { field: key, hint: '届末报告文件夹的 YAML 文件只写 sitting（听取报告的会议）；报告的文字写在 narrative.md 中。' }, locate(file, [key], true)));
        continue;
      }
      if (first !== undefined) {
        diagnostics.push(diagnostic('defineOnce', { key, first }, locate(file, [key], true)));
        continue;
      }
      first = file.display;
      const at = (p: ReadonlyArray<string | number>, asKey?: boolean) => locate(file, [key, ...p], asKey);
      const unsafe = forbiddenCharacters(content, at);
      const result = parseRecord(SittingShape, content);
      if (unsafe.length > 0 || !result.success) {
        appendAll(diagnostics, unsafe, (result.success ? [] : issuesToDiagnostics(result.error.issues, { at })));
        continue;
      }
      sitting = result.data;
      sittingOrigin = yamlOrigin(file, [key]);
    }
  }
  return { folder: { sitting, sittingOrigin }, diagnostics };
}

/** Warnings for what is still to be done in the year reported on: empty record lists. */
function unfinished(checked: CheckedYear): Diagnostic[] {
  return checked.emptyLists
    .filter(({ key }) => (checked.records.records[key] ?? []).length === 0 && checked.records.totals[key] === undefined)
    .map(({ key, origin }) => diagnostic('noRecords', { key, year: checked.records.year }, origin.locate(undefined, true)));
}

function sittingDate(checked: CheckedYear, year: number): Diagnostic[] {
  const s = checked.sitting;
  // Some plenaries meet in December of the year itself (12月19日): as usual as the January one.
  if (!s || s.date.startsWith(`${year + 1}-`) || s.date.startsWith(`${year}-12-`)) return [];
  return [diagnostic('sittingDate', { date: s.date, year }, checked.sittingOrigin?.locate('date') ?? {})];
}

/** Prose still holding the scaffold's marks. */
function placeholders(doc: NarrativeDoc): Diagnostic[] {
  return prosePieces(doc).flatMap((p) => draftWarning(p.text, (offset) => ({ file: doc.file.display, ...lineColumn(doc.file.text, p.start + offset) })) ?? []);
}

/** Marks left in organization.yaml and the sitting (a new organisation's names, the speaker). */
function yamlPlaceholders(parsed: { file: Parameters<typeof locate>[0]; value: unknown } | undefined): Diagnostic[] {
  if (!parsed) return [];
  return draftStrings(parsed.value).flatMap(({ path, text }) => draftWarning(text, () => locate(parsed.file, path)) ?? []);
}
