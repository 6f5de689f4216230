/**
 * `build`: the pipeline, then the files of the rendered report in memory (render), then their
 * writing. Only when every file exists in memory are they written, as a set, so a failed build
 * leaves the previous outputs as they were.
 */
import path from 'node:path';
import { diagnostic } from './diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { displayPath } from './load/data-folder.js';
import { renderReportRun, type RenderedReport, type ReportRequest, type ReportRun } from './pipeline.js';
import { OutputLockedError, writeOutputSet, type OutputFile } from './write/atomic.js';

/** check: the verification workbook (核对表.xlsx) beside the report. */
export type OutputFormat = 'md' | 'docx' | 'html' | 'pdf' | 'check';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['md', 'docx', 'html', 'pdf', 'check'];
/** The formats written when none are asked for. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['md', 'docx'];

export interface BuildRequest extends ReportRequest {
  /** Output root; files go to `<outDir>/<year>/report.<ext>`. */
  outDir: string;
  formats?: readonly OutputFormat[];
  /** Produce everything but write nothing. */
  dryRun?: boolean;
}

export interface BuildResult extends ReportRun {
  files: OutputFile[];
  /** True when the failure is the environment's (an unwritable folder), not the data's. */
  writeFailed?: boolean;
}

/**
 * The files of a rendered report, in memory: clean Markdown for report.md (pasteable anywhere),
 * and the Word document, the web page and the PDF laid out from the same document.
 */
export async function renderFiles(report: RenderedReport, formats: readonly OutputFormat[], folder: string): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const { document, output, layout } = report;
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const file = (ext: string) => path.join(folder, `${output.name}.${ext}`);
  if (formats.includes('md')) {
    const { toMarkdown } = await import('./write/document.js');
    files.push({ path: file('md'), content: toMarkdown(document) });
  }
  if (formats.includes('html')) {
    const { renderHtml } = await import('./write/html.js');
    files.push({ path: file('html'), content: renderHtml(document, { layout }) });
  }
  if (formats.includes('docx')) {
    const { renderDocx } = await import('./write/docx/index.js');
    files.push({ path: file('docx'), content: await renderDocx(document, layout) });
  }
  if (formats.includes('pdf')) {
    const { pdfFor } = await import('./write/pdf/output.js');
    const pdf = await pdfFor(document, layout);
    diagnostics.push(...pdf.diagnostics);
    if (pdf.content) files.push({ path: file('pdf'), content: pdf.content });
  }
  if (formats.includes('check')) {
    const { checkFileName, checkWorkbook } = await import('./check/workbook.js');
    files.push({ path: path.join(folder, checkFileName(output.name)), content: checkWorkbook(report) });
  }
  return { files, diagnostics };
}

export async function produce(request: BuildRequest): Promise<BuildResult> {
  const run = await renderReportRun(request);
  if (!run.report || hasErrors(run.diagnostics)) return { ...run, files: [] };
  const folder = path.resolve(request.cwd, request.outDir, run.report.output.folder);
  const rendered = await renderFiles(run.report, request.formats ?? DEFAULT_FORMATS, folder);
  const diagnostics = [...run.diagnostics, ...rendered.diagnostics];
  return { ...run, diagnostics, files: hasErrors(diagnostics) ? [] : rendered.files };
}

export async function build(request: BuildRequest): Promise<BuildResult> {
  const result = await produce(request);
  if (request.dryRun || result.files.length === 0) return result;
  try {
    // All outputs of a build are one set in one folder, which appears with all of them at once.
    const folder = path.dirname(result.files[0]!.path);
    await writeOutputSet(folder, result.files.map((f) => ({ name: path.basename(f.path), content: f.content })));
    return result;
  } catch (error) {
    const show = (p: string) => displayPath(request.cwd, p);
    if (error instanceof OutputLockedError) {
      const holder = error.holder ? `进程 ${error.holder.pid}${error.holder.host ? `，${error.holder.host}` : ''}` : '进程未知';
      const locked = diagnostic('outputLocked', { folder: show(error.path), holder, seconds: Math.round(error.waitedMs / 1000), lock: show(error.lockFile) }, { file: show(error.path) });
      return { ...result, writeFailed: true, diagnostics: [...result.diagnostics, locked] };
    }
    const failed = (error as NodeJS.ErrnoException).path ?? result.files[0]!.path;
    const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      ...result,
      writeFailed: true,
      diagnostics: [...result.diagnostics, diagnostic('writeFailed', { file: show(failed), detail: String(detail) }, { file: show(failed) })],
    };
  }
}
