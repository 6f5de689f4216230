/**
 * The library API: load → validate → compute → render, each a small stage; `build` adds the
 * write stage. The CLI and the tests call these functions directly.
 */
import path from 'node:path';
import { computeYear } from './compute/figures.js';
import { diagnostic } from './diagnostics/catalogue.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { availableYears, displayPath, loadProject, type LoadedProject } from './load/project.js';
import { buildContext, type RenderContext } from './render/context.js';
import { renderNarrative } from './render/prose.js';
import { createReportEngine, renderReport } from './render/report.js';
import { loadTemplates } from './render/templates.js';
import { crossCheck, requiredParts } from './validate/cross-check.js';
import type { Dataset } from './validate/dataset.js';
import { checkSchema } from './validate/schema-check.js';

export interface PipelineOptions {
  /** Data folder (organization.yaml and one folder per year). */
  dataDir: string;
  /** The year under review; defaults to the latest year folder. */
  year?: number;
  /** A folder of template pieces overriding the built-in ones. */
  templatesDir?: string;
  /** Report kind, the folder name under templates/. */
  kind?: string;
  cwd?: string;
}

export interface PipelineResult {
  year: number | undefined;
  diagnostics: Diagnostic[];
  project?: LoadedProject;
  dataset?: Dataset;
  context?: RenderContext;
  markdown?: string;
}

/** Load, check and compute; stops before rendering. Used by `validate`, `build` and `stats`. */
export async function check(options: PipelineOptions): Promise<PipelineResult> {
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
  const project = await loadProject({ dataDir, years: [year - 1, year], cwd });
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
  const result = await check(options);
  const { context, dataset } = result;
  if (!context || !dataset?.year.narrative) return result;
  const diagnostics = [...result.diagnostics];
  const cwd = options.cwd ?? process.cwd();
  const templatesDir = options.templatesDir ? path.resolve(cwd, options.templatesDir) : undefined;
  const templates = await loadTemplates(options.kind ?? 'annual', templatesDir);
  if (templatesDir && templates.pieces.size > 0 && ![...templates.pieces.values()].some((p) => p.layer === 'user')) {
    const { stat } = await import('node:fs/promises');
    const exists = await stat(templatesDir).then((s) => s.isDirectory(), () => false);
    if (!exists) {
      diagnostics.push(diagnostic('templatesFolderMissing', { folder: displayPath(cwd, templatesDir) }));
      return { ...result, diagnostics: sortDiagnostics(diagnostics) };
    }
  }
  const engine = createReportEngine(templates);
  const narrativeRef = dataset.year.refs.get(dataset.year.narrative)!;
  const prose = renderNarrative(dataset.year.narrative, narrativeRef, context, engine, { dataHasErrors: hasErrors(diagnostics) });
  diagnostics.push(...prose.diagnostics);
  if (!prose.narrative || hasErrors(diagnostics)) return { ...result, diagnostics: sortDiagnostics(diagnostics) };
  const withNarrative: RenderContext = { ...context, narrative: prose.narrative };
  const rendered = renderReport(templates, withNarrative, engine, { cwd });
  diagnostics.push(...rendered.diagnostics);
  const out: PipelineResult = { ...result, context: withNarrative, diagnostics: sortDiagnostics(diagnostics) };
  if (rendered.markdown !== undefined && !hasErrors(diagnostics)) out.markdown = rendered.markdown;
  return out;
}
