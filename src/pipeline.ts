/**
 * The library API: load → validate → compute → render, each a small stage; `build` adds the
 * write stage. The CLI and the tests call these functions directly.
 */
import path from 'node:path';
import { statInput } from './cache/journal.js';
import type { Memo } from './cache/memo.js';
import { computeYear } from './compute/figures.js';
import { diagnostic } from './diagnostics/catalogue.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { availableYears, displayPath, loadProject, type LoadedProject } from './load/project.js';
import { checkTerm, type YearRange } from './kinds/term.js';
import { summaryProblems, summaryView } from './kinds/summary.js';
import { buildContext, type RenderContext, type TermContext } from './render/context.js';
import { renderNarrative } from './render/prose.js';
import { createReportEngine, renderReport } from './render/report.js';
import { ignoredLinks, loadTemplates } from './render/templates.js';
import { crossCheck, requiredParts } from './validate/cross-check.js';
import type { Narrative, TermNarrative } from './schema/schema.js';
import type { Dataset, Ref } from './validate/dataset.js';
import type { TermData } from './validate/term-check.js';
import { toScript, type Script } from './render/script.js';
import { checkSchema } from './validate/schema-check.js';

export interface PipelineOptions {
  /** Data folder (organization.yaml and one folder per year). */
  dataDir: string;
  /** The year under review; defaults to the latest year folder. */
  year?: number;
  /** A folder of template pieces overriding the built-in ones. */
  templatesDir?: string;
  /** Report kind, the folder name under templates/: annual (default), summary, term, compilation. */
  kind?: string;
  /** The years of a term report (届末五年工作报告), e.g. 2018–2022; the kind is then `term`. */
  range?: YearRange;
  /** Several organisations' data folders, for a compilation; `dataDir` is then ignored. */
  dataDirs?: string[];
  /** `hant`: the report in traditional characters (figures untouched). */
  script?: Script;
  cwd?: string;
  /** Remembers YAML values and compiled templates between runs (see cache/memo.ts); outputs are the same without it. */
  memo?: Memo;
}

export interface PipelineResult {
  year: number | undefined;
  diagnostics: Diagnostic[];
  project?: LoadedProject;
  dataset?: Dataset;
  context?: RenderContext;
  markdown?: string;
  /** A term report's years, its checked term folder and its context (instead of `context`). */
  range?: YearRange;
  term?: TermData;
  termContext?: TermContext;
  /** Where `build` writes: `<out>/<folder>/<name>.<ext>`. */
  output?: { folder: string; name: string };
  /** Document properties of the outputs, in the output's script. */
  properties?: { author: string; date: string };
}

/** The kind asked for: a year range means a term report, several data folders a compilation. */
export function kindOf(options: PipelineOptions): string {
  return options.kind ?? (options.range ? 'term' : (options.dataDirs?.length ?? 0) > 1 ? 'compilation' : 'annual');
}

/**
 * Output names: `<out>/2023/report.*` (annual), `summary.*`, `compilation.*`, and
 * `<out>/2018-2022/report.*` for a term; `.hant` before the extension in traditional script.
 */
export function outputOf(options: PipelineOptions, year: number): { folder: string; name: string } {
  const kind = kindOf(options);
  const folder = options.range ? `${options.range.from}-${options.range.to}` : String(year);
  const name = kind === 'annual' || kind === 'term' ? 'report' : kind;
  return { folder, name: options.script === 'hant' ? `${name}.hant` : name };
}

/** Load, check and compute; stops before rendering. Used by `validate`, `build` and `stats`. */
export async function check(options: PipelineOptions): Promise<PipelineResult> {
  if (options.range) return checkTerm(options, options.range);
  const cwd = options.cwd ?? process.cwd();
  const dataDir = path.resolve(cwd, options.dataDir);
  const years = await availableYears(dataDir);
  const year = options.year ?? years[years.length - 1];
  if (year === undefined) {
    const project = await loadProject({ dataDir, years: [], cwd });
    const diagnostics = project.diagnostics.length
      ? project.diagnostics
      : [diagnostic('yearFolderMissing', { folder: displayPath(cwd, dataDir), year: '任何', available: '' })];
    return { year, diagnostics: sortDiagnostics(diagnostics) };
  }
  const project = await loadProject({ dataDir, years: [year - 1, year], cwd, ...(options.memo ? { memo: options.memo } : {}) });
  const diagnostics = [...project.diagnostics];
  const loaded = project.years.get(year);
  if (!loaded) {
    if (!diagnostics.some((d) => d.code === 'RPT101')) {
      diagnostics.push(
        diagnostic('yearFolderMissing', { folder: displayPath(cwd, path.join(dataDir, String(year))), year: String(year), available: years.join('、') }),
      );
    }
    return { year, diagnostics: sortDiagnostics(diagnostics), project };
  }
  const { dataset, diagnostics: schemaProblems } = checkSchema(project, year);
  diagnostics.push(...schemaProblems);
  diagnostics.push(...crossCheck(dataset));
  if (dataset.previous) diagnostics.push(...crossCheck(dataset, { current: false }));
  diagnostics.push(...requiredParts(dataset, loaded.folder));
  const result: PipelineResult = { year, diagnostics, project, dataset };
  // Figures are computed even when some records were refused (from the valid ones), so that
  // prose citations are checked in the same run; `render` writes nothing in that case.
  if (!dataset.organization || !dataset.year.sitting) {
    result.diagnostics = sortDiagnostics(diagnostics);
    return result;
  }
  const figures = computeYear(dataset.year);
  const previous = dataset.previous ? computeYear(dataset.previous) : null;
  result.context = buildContext(figures, previous, dataset.organization, dataset.year.sitting);
  result.diagnostics = sortDiagnostics(diagnostics);
  return result;
}

/** Everything but writing: the rendered Markdown of the report, or the problems that stop it. */
export async function render(options: PipelineOptions): Promise<PipelineResult> {
  const kind = kindOf(options);
  if (kind === 'compilation') {
    const { renderCompilation } = await import('./kinds/compilation.js');
    return renderCompilation(options, render);
  }
  const result = await check(options);
  const { dataset, term } = result;
  const context: RenderContext | TermContext | undefined = result.termContext ?? result.context;
  const source = narrativeOf(term ?? dataset?.year);
  if (!context || !source) return result;
  const diagnostics = [...result.diagnostics];
  const cwd = options.cwd ?? process.cwd();
  const templatesDir = options.templatesDir ? path.resolve(cwd, options.templatesDir) : undefined;
  const templates = await loadTemplates(kind, templatesDir);
  diagnostics.push(...ignoredLinks(templates, cwd));
  if (templatesDir && templates.pieces.size > 0 && ![...templates.pieces.values()].some((p) => p.layer === 'user')) {
    if (statInput(templatesDir).kind !== 'folder') {
      diagnostics.push(diagnostic('templatesFolderMissing', { folder: displayPath(cwd, templatesDir) }));
      return { ...result, diagnostics: sortDiagnostics(diagnostics) };
    }
  }
  const engine = createReportEngine(templates);
  if (kind === 'summary' && 'summary' in source.narrative) diagnostics.push(...summaryProblems(source.narrative, source.ref));
  const prose = renderNarrative(source.narrative, source.ref, context, engine, { dataHasErrors: hasErrors(diagnostics) });
  diagnostics.push(...prose.diagnostics);
  if (!prose.narrative || hasErrors(diagnostics)) return { ...result, diagnostics: sortDiagnostics(diagnostics) };
  const narrative = kind === 'summary' ? { ...prose.narrative, summary: summaryView(prose.narrative) } : prose.narrative;
  const withNarrative = { ...context, narrative };
  const rendered = renderReport(templates, withNarrative, engine, { cwd });
  diagnostics.push(...rendered.diagnostics);
  const out: PipelineResult = { ...result, diagnostics: sortDiagnostics(diagnostics), output: outputOf(options, result.year ?? 0) };
  if ('term' in withNarrative) out.termContext = withNarrative;
  else if ('proposals' in withNarrative) out.context = withNarrative;
  if (rendered.markdown === undefined || hasErrors(diagnostics)) return out;
  const script = options.script ?? 'hans';
  out.markdown = await toScript(rendered.markdown, script);
  out.properties = { author: await toScript(context.organization.fullName, script), date: context.sitting.date };
  return out;
}

/** The narrative a report is written from (a year's, or the term folder's), with its source. */
function narrativeOf(part: { narrative?: Narrative | TermNarrative; refs: WeakMap<object, Ref> } | undefined) {
  const narrative = part?.narrative;
  return narrative ? { narrative, ref: part.refs.get(narrative)! } : undefined;
}
