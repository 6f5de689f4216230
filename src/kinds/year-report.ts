/**
 * What the kinds about one year share (annual report, summary, proposal report): the plan (the
 * year asked for or the latest, and the year before for comparisons), and the year's context
 * from its checked records and sitting.
 */
import path from 'node:path';
import { yearFigures } from '../compute/figures.js';
import { plausibility } from '../compute/plausibility.js';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/data-folder.js';
import { entryKind } from '../load/files.js';
import { yearContext, type CitableContext, type RenderedNarrative, type YearContext } from '../compute/context.js';
import type { NarrativeDoc, NarrativeSpec } from '../validate/narrative.js';
import type { CheckedSource, Plan, Prepared, ProseJob, ReportRequest } from './kind.js';
import { appendAll } from '../append.js';

/** `<out>/2023/<name>.*`, `.hant` before the extension in traditional script. */
export function outputName(name: string, request: ReportRequest): string {
  return request.script === 'hant' ? `${name}.hant` : name;
}

/** The year asked for, or the data folder's latest; a problem when there is none. */
export function chooseYear(request: ReportRequest, dataDir: string, availableYears: (dataDir: string) => number[]): number | Diagnostic {
  const years = availableYears(dataDir);
  const year = request.year ?? years[years.length - 1];
  const folder = displayPath(request.cwd, path.resolve(request.cwd, dataDir));
  if (year === undefined) return diagnostic('yearFolderMissing', { folder, year: '', available: '' }, { file: folder });
  if (!years.includes(year)) {
    return diagnostic(
      'yearFolderMissing',
      { folder: displayPath(request.cwd, path.resolve(request.cwd, dataDir, String(year))), year: String(year), available: years.join('、') },
      { file: folder },
    );
  }
  return year;
}

export function planYearReport(request: ReportRequest, availableYears: (dataDir: string) => number[], name: string): Plan | Diagnostic[] {
  const dataDir = request.dataDirs[0]!;
  const year = chooseYear(request, dataDir, availableYears);
  if (typeof year !== 'number') return [year];
  return { sources: [{ dataDir, year, years: [year - 1, year], folders: [] }], year, output: { folder: String(year), name: outputName(name, request) } };
}

/** The year's context, or the problems that prevent it (no organisation, no sitting). */
function prepareYear(source: CheckedSource): { context?: YearContext; diagnostics: Diagnostic[] } {
  const { year } = source.plan;
  const checked = source.years.get(year);
  if (!source.organization || !checked) return { diagnostics: [] };
  if (!checked.sitting) {
    // Unless the sitting is there but invalid (already reported where it is).
    const written = [...(source.data.years.get(year)?.yaml ?? [])].some((f) => f.value !== null && typeof f.value === 'object' && 'sitting' in (f.value as object));
    return { diagnostics: written ? [] : [diagnostic('missingPart', { key: 'sitting', year }, { file: source.data.years.get(year)?.display ?? source.data.display })] };
  }
  const previous = source.years.get(year - 1);
  const figures = yearFigures(checked.records);
  const before = previous && source.data.years.has(year - 1) ? yearFigures(previous.records) : null;
  // Records refused for their errors would make every figure look implausible: those are reported already.
  return { context: yearContext(figures, before, source.organization, checked.sitting), diagnostics: source.dataHasErrors ? [] : plausibility(checked.records, figures, before) };
}

/** The narrative `spec.file` of `folder`, or a problem saying it is missing. */
export function requireNarrative(source: CheckedSource, folder: string, spec: NarrativeSpec, what: string): { doc?: NarrativeDoc; diagnostics: Diagnostic[] } {
  const doc = source.narratives.get(`${folder}/${spec.file}`);
  if (doc) return { doc, diagnostics: [] };
  const loaded = source.data.years.get(Number(folder)) ?? source.data.folders.get(folder);
  // A linked folder was refused unread (RPT116): that is the one message about it.
  if (!loaded && entryKind(path.join(source.data.dataDir, folder)) === 'link') return { diagnostics: [] };
  const file = loaded?.display ?? `${source.data.display}/${folder}`;
  return { diagnostics: [diagnostic('narrativeMissing', { file: spec.file, label: spec.label, year: what }, { file })] };
}

/**
 * The year's context and its narrative `spec` (narrative.md, proposals.md), or the problems that
 * prevent them: what every kind about one year starts from.
 */
export function prepareYearNarrative(source: CheckedSource, plan: Plan, spec: NarrativeSpec): { context?: YearContext; doc?: NarrativeDoc; diagnostics: Diagnostic[] } {
  const { context, diagnostics } = prepareYear(source);
  const narrative = requireNarrative(source, String(plan.year), spec, `${plan.year} 年`);
  appendAll(diagnostics, narrative.diagnostics);
  return { ...(context ? { context } : {}), ...(narrative.doc ? { doc: narrative.doc } : {}), diagnostics };
}

/** More prose of a year's report, and the context the templates read from the year's and its narratives. */
export interface MoreProse {
  prose: ProseJob[];
  complete(context: YearContext, narratives: readonly RenderedNarrative[]): CitableContext;
}

/** A year's report: its narrative rendered into `context.narrative`, dated by the sitting. */
export function yearPrepared(context: YearContext, doc: NarrativeDoc, more?: MoreProse): Prepared {
  return {
    context,
    prose: [{ doc, context }, ...(more?.prose ?? [])],
    complete: ([narrative, ...rest]) => {
      const withNarrative: YearContext = { ...context, ...(narrative ? { narrative } : {}) };
      return more ? more.complete(withNarrative, rest) : withNarrative;
    },
    properties: { author: context.organization.fullName, date: context.sitting.date },
  };
}
