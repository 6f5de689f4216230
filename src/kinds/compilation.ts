/**
 * A compilation (汇编) of several organisations' year summaries in one document, one section
 * per organisation, as a newspaper page compiles district CPPCCs (seed 002):
 *   report build 2023 --data 甲区 --data 乙区
 * Each organisation is checked and rendered on its own, from its own data folder, as its
 * summary (`--kind summary`); its diagnostics name its own files. Only when every one is clean
 * are the sections put together by the `compilation` templates.
 */
import path from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PipelineOptions, PipelineResult } from '../pipeline.js';
import { outputOf } from '../pipeline.js';
import type { CompilationContext, RenderContext } from '../render/context.js';
import { createReportEngine, renderReport } from '../render/report.js';
import { toScript } from '../render/script.js';
import { ignoredLinks, loadTemplates } from '../render/templates.js';

export async function renderCompilation(
  options: PipelineOptions,
  renderOne: (options: PipelineOptions) => Promise<PipelineResult>,
): Promise<PipelineResult> {
  const { dataDirs, script, ...rest } = options;
  const folders = dataDirs && dataDirs.length > 0 ? dataDirs : [options.dataDir];
  const diagnostics: Diagnostic[] = [];
  const contexts: RenderContext[] = [];
  let year = options.year;
  let first: PipelineResult | undefined;
  for (const dataDir of folders) {
    // Every organisation for the same year: the one asked for, or the first one's latest.
    const one = await renderOne({ ...rest, dataDir, kind: 'summary', ...(year !== undefined ? { year } : {}) });
    first ??= one;
    year ??= one.year;
    diagnostics.push(...one.diagnostics);
    if (one.context && one.markdown !== undefined) contexts.push(one.context);
  }
  const result: PipelineResult = { year, diagnostics: sortDiagnostics(diagnostics), ...(first?.project ? { project: first.project } : {}) };
  if (year === undefined || contexts.length !== folders.length || hasErrors(diagnostics)) return result;

  const cwd = options.cwd ?? process.cwd();
  const templates = await loadTemplates('compilation', options.templatesDir ? path.resolve(cwd, options.templatesDir) : undefined);
  diagnostics.push(...ignoredLinks(templates, cwd));
  const context: CompilationContext = { year, organizations: contexts };
  const rendered = renderReport(templates, context, createReportEngine(templates), { cwd });
  diagnostics.push(...rendered.diagnostics);
  const out: PipelineResult = { ...result, diagnostics: sortDiagnostics(diagnostics), output: outputOf({ ...options, kind: 'compilation' }, year) };
  if (rendered.markdown === undefined || hasErrors(diagnostics)) return out;
  const to = script ?? 'hans';
  out.markdown = await toScript(rendered.markdown, to);
  const dates = contexts.map((c) => c.sitting.date).sort();
  out.properties = { author: await toScript(contexts.map((c) => c.organization.shortName).join('、'), to), date: dates[dates.length - 1]! };
  return out;
}
