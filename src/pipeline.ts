/**
 * The pipeline every report kind runs through:
 *   load (data, layout, templates: all reading here) → validate (schema, cross-record, layout,
 *   templates, narrative) → compute (the kind's context of figures) → render (prose, templates,
 *   script) — and `build` (build.ts) adds the files and their writing.
 * `report validate` runs exactly this, so it fails exactly when `report build` would.
 */
import path from 'node:path';
import { dedupe, sortDiagnostics, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { diagnostic } from './diagnostics/catalogue.js';
import { reportKind } from './kinds/index.js';
import type { CheckedSource, Plan, Prepared, ReportKind, ReportRequest } from './kinds/kind.js';
import { displayPath, loadData, yearFolders, type LoadedData } from './load/data-folder.js';
import { entryKind } from './load/files.js';
import { loadTemplates } from './load/templates.js';
import type { RenderedNarrative } from './compute/context.js';
import { renderNarrative } from './render/prose.js';
import { proseMarks } from './render/prose-marks.js';
import { renderReport } from './render/report.js';
import { toScript } from './render/script.js';
import { sessionMemo } from './session.js';
import { checkLayout } from './validate/layout.js';
import { checkSource } from './validate/source.js';
import { compileTemplates } from './render/templates.js';
import { documentTitle, type Block, type ReportDocument } from './write/blocks.js';
import { blocksFromKept, isKeptBlocks, keptBlocks, patchedBlocks } from './write/kept-blocks.js';
import type { RenderedReport } from './write/rendered-report.js';
import type { Layout } from './domain/layout.js';

/** Templates compiled by earlier builds of a session, by their text. */
const templatesMemo = sessionMemo<ReturnType<typeof compileTemplates>>();
import type { YearRecords } from './domain/record-kind.js';
import { appendAll } from './append.js';

export type { ReportRequest } from './kinds/kind.js';
export type { RenderedReport } from './write/rendered-report.js';


export interface ReportRun {
  kind: ReportKind;
  plan?: Plan;
  /** Sorted by file, line and column. */
  diagnostics: Diagnostic[];
  /** The rendered report, when nothing stopped it. */
  report?: RenderedReport;
}

/** Load and check a report's inputs, and compute its context; stops before rendering. */
export function prepareReport(request: ReportRequest): { kind: ReportKind; plan?: Plan; sources: CheckedSource[]; prepared?: Prepared; layout?: Layout; templates?: ReturnType<typeof compileTemplates>['compiled']; diagnostics: Diagnostic[] } {
  const kind = reportKind(request.kind);
  if (!kind) throw new RangeError(`unknown report kind ${request.kind}`);
  const diagnostics: Diagnostic[] = [];
  const show = (p: string) => displayPath(request.cwd, p);
  // ── load ──
  const plan = kind.plan(request, (dataDir) => yearFolders(path.resolve(request.cwd, dataDir), show).years);
  if (Array.isArray(plan)) {
    // No year to report on: what the data folders say about themselves is the rest of the story.
    for (const dataDir of request.dataDirs) {
      const data = loadData({ dataDir, cwd: request.cwd, years: [] });
      appendAll(diagnostics, data.diagnostics, yearFolders(data.dataDir, show).diagnostics);
    }
    if (!diagnostics.some((d) => d.code === 'RPT101')) appendAll(diagnostics, plan);
    return { kind, sources: [], diagnostics: sortDiagnostics(dedupe(diagnostics)) };
  }
  const prose = kind.narratives.map((n) => n.file);
  const session = request.session;
  const loaded: LoadedData[] = plan.sources.map((s) => loadData({ dataDir: s.dataDir, cwd: request.cwd, years: s.years, folders: s.folders, prose, ...(session ? { session } : {}), ...(request.cache ? { cache: request.cache } : {}) }));
  const templatesDir = request.templatesDir === undefined ? undefined : path.resolve(request.cwd, request.templatesDir);
  if (templatesDir !== undefined && entryKind(templatesDir) !== 'folder') {
    diagnostics.push(diagnostic('templatesFolderMissing', { folder: show(templatesDir) }, { file: show(templatesDir) }));
  }
  const templates = loadTemplates(kind.templates, templatesDir, request.cwd);
  // ── validate ──
  const sources: CheckedSource[] = [];
  loaded.forEach((data, i) => {
    const checked = checkSource(data, plan.sources[i]!, kind.narratives);
    appendAll(diagnostics, checked.diagnostics);
    sources.push(checked.source);
  });
  const layout = checkLayout(loaded[0]!.layout);
  appendAll(diagnostics, layout.diagnostics);
  // The PDF's fonts folder is named relative to the data folder.
  if (layout.layout.pdfFontFolder) layout.layout.pdfFontFolder = path.resolve(loaded[0]!.dataDir, layout.layout.pdfFontFolder);
  // The same pieces compile to the same templates: a watch session compiles them once.
  const piecesKey = JSON.stringify([kind.templates, ...[...templates.pieces.values()].map((p) => [p.name, p.file, p.text]), templates.links, templates.diagnostics]);
  const compiled = session
    ? templatesMemo(session).get(piecesKey, () => compileTemplates(templates, request.cwd))
    : compileTemplates(templates, request.cwd);
  compiled.compiled.engine.reset();
  appendAll(diagnostics, compiled.diagnostics);
  // ── compute ──
  const prepared = kind.prepare(sources, plan);
  appendAll(diagnostics, prepared.diagnostics);
  return {
    kind,
    plan,
    sources,
    ...(prepared.prepared ? { prepared: prepared.prepared } : {}),
    layout: layout.layout,
    templates: compiled.compiled,
    diagnostics: sortDiagnostics(dedupe(diagnostics)),
  };
}

/** A report's Markdown from its checked inputs, or the problems that stop it (validate stops here). */
function renderMarkdown(request: ReportRequest) {
  const stage = prepareReport(request);
  const { kind, plan, prepared, templates, layout } = stage;
  const diagnostics = [...stage.diagnostics];
  const stopped = { kind, plan, diagnostics, stage };
  if (!plan || !prepared || !templates || !layout) return stopped;
  // ── render ──
  const dataHasErrors = stage.sources.some((s) => s.dataHasErrors);
  let proseFailed = false;
  const narratives: RenderedNarrative[] = [];
  for (const job of prepared.prose) {
    const rendered = renderNarrative(job.doc, job.context, templates.engine, { dataHasErrors });
    appendAll(diagnostics, rendered.diagnostics);
    if (rendered.narrative) narratives.push(rendered.narrative);
    else proseFailed = true;
  }
  if (proseFailed || hasErrors(diagnostics)) return stopped;
  const context = prepared.complete(narratives);
  const rendered = renderReport(templates, context);
  appendAll(diagnostics, rendered.diagnostics);
  if (rendered.markdown === undefined || hasErrors(diagnostics)) return stopped;
  return { ...stopped, plan, prepared, templates, layout, context, markdown: rendered.markdown };
}

/** What `report validate` learns of one report: its problems, and whether it would be made. */
export interface ReportCheck {
  kind: ReportKind;
  plan?: Plan;
  /** Sorted by file, line and column. */
  diagnostics: Diagnostic[];
  rendered: boolean;
}

/** Everything a build does before its script conversion and files: the checks `report validate` runs. */
export function checkReportRun(request: ReportRequest): ReportCheck {
  const { kind, plan, diagnostics, ...run } = renderMarkdown(request);
  return { kind, ...(plan ? { plan } : {}), diagnostics: sortDiagnostics(diagnostics), rendered: 'markdown' in run };
}

/**
 * The report document's blocks: parsed from the Markdown (the parser is loaded for a build only:
 * validate stops before it), or, from what the parse cache kept of this report's last Markdown
 * (write/kept-blocks.ts), without loading the parser: the same Markdown's blocks, or those of one
 * that differs from it only inside paragraphs whose new text is plain, those paragraphs read anew.
 * `report` names the report the Markdown is of (kind, year, script): the entry kept for it.
 */
async function documentBlocks(markdown: string, cache: ReportRequest['cache'], report: string): Promise<Block[]> {
  const kept = cache?.find('markdown-blocks', report, isKeptBlocks);
  if (kept?.markdown === markdown) return blocksFromKept(kept);
  const parsed = (kept && patchedBlocks(kept, markdown)) ?? (await import('./write/document.js')).parseReportMarkdownLines(markdown);
  cache?.keep('markdown-blocks', report, keptBlocks(markdown, parsed));
  return parsed.blocks;
}

/** Everything but the files: the rendered report, or the problems that stop it. */
export async function renderReportRun(request: ReportRequest): Promise<ReportRun> {
  const run = renderMarkdown(request);
  const { kind, plan, diagnostics, stage } = run;
  const done = (report?: RenderedReport): ReportRun => ({ kind, ...(plan ? { plan } : {}), diagnostics: sortDiagnostics(diagnostics), ...(report ? { report } : {}) });
  if (!('markdown' in run)) return done();
  const { prepared, templates, layout, context } = run;
  const script = request.script ?? 'hans';
  const markdown = await toScript(run.markdown, script);
  const properties = { author: await toScript(prepared.properties.author, script), date: prepared.properties.date };
  const blocks = await documentBlocks(markdown, request.cache, JSON.stringify([kind.name, run.plan.year, script]));
  const document: ReportDocument = { blocks, meta: { title: documentTitle(blocks) ?? properties.author, ...properties, script } };
  const marks = () => proseMarks(prepared.prose, templates.engine);
  const records = stage.sources[0]?.years.get(run.plan.year)?.records;
  return done({ markdown, document, context, layout, properties, output: run.plan.output, proseMarks: marks, prose: { jobs: prepared.prose, engine: templates.engine }, pieces: templates.templates, ...(records ? { records } : {}) });
}
