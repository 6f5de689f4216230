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
import { MOUNT_POINT, OutputLockedError, writeOutputSet, type OutputFile } from './write/atomic.js';
import { DEFAULT_FORMATS, FORMATS, OUTPUT_FORMATS, type FormatEntry, type MadeBefore, type OutputFormat } from './write/formats.js';
import { appendAll } from './append.js';

export { OUTPUT_FORMATS, DEFAULT_FORMATS, type OutputFormat } from './write/formats.js';

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
  /** Outputs of the same report from an earlier build in other formats, removed: they no longer match. */
  removed?: string[];
}

/**
 * The files of a rendered report, in memory, one per format asked for, each made by its writer
 * in the format table (write/formats.ts): clean Markdown for report.md (pasteable anywhere), and
 * the Word document, the web page and the PDF laid out from the same document.
 */
export async function renderFiles(report: RenderedReport, formats: readonly OutputFormat[], folder: string, madeBefore?: MadeBefore): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[] }> {
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  // In the table's order, whatever the order asked: the set of files is the same either way.
  for (const format of OUTPUT_FORMATS.filter((f) => formats.includes(f))) {
    const entry: FormatEntry = FORMATS[format];
    const written = await (await entry.load())(report, madeBefore);
    appendAll(diagnostics, written.diagnostics ?? []);
    if (written.content !== undefined) files.push({ path: path.join(folder, entry.file(report.output.name)), content: written.content });
  }
  return { files, diagnostics };
}

export async function produce(request: BuildRequest): Promise<BuildResult> {
  const run = await renderReportRun(request);
  if (!run.report || hasErrors(run.diagnostics)) return { ...run, files: [] };
  const folder = path.resolve(request.cwd, request.outDir, run.report.output.folder);
  const rendered = await renderFiles(run.report, request.formats ?? DEFAULT_FORMATS, folder, request.cache);
  const diagnostics = [...run.diagnostics, ...rendered.diagnostics];
  return { ...run, diagnostics, files: hasErrors(diagnostics) ? [] : rendered.files };
}

export async function build(request: BuildRequest): Promise<BuildResult> {
  const result = await produce(request);
  if (request.dryRun || result.files.length === 0) return result;
  try {
    // All outputs of a build are one set in one folder, which appears with all of them at once.
    const folder = path.dirname(result.files[0]!.path);
    // Named as renderFiles named them (a file name such as 核对表.xlsx does not give the report's name back).
    const name = result.report!.output.name;
    const supersedes = OUTPUT_FORMATS.map((format) => FORMATS[format].file(name));
    const removed = await writeOutputSet(folder, result.files.map((f) => ({ name: path.basename(f.path), content: f.content })), { supersedes });
    // What this build parsed is kept only once its outputs are written: a failed build writes nothing.
    request.cache?.save();
    return removed.length > 0 ? { ...result, removed } : result;
  } catch (error) {
    const show = (p: string) => displayPath(request.cwd, p);
    if (error instanceof OutputLockedError) {
      const holder = error.holder ? `进程 ${error.holder.pid}${error.holder.host ? `，${error.holder.host}` : ''}` : '进程未知';
      const locked = diagnostic('outputLocked', { folder: show(error.path), holder, seconds: Math.round(error.waitedMs / 1000), lock: show(error.lockFile) }, { file: show(error.path) });
      return { ...result, writeFailed: true, diagnostics: [...result.diagnostics, locked] };
    }
    const failed = (error as NodeJS.ErrnoException).path ?? result.files[0]!.path;
    if ((error as NodeJS.ErrnoException).code === MOUNT_POINT) {
      return { ...result, writeFailed: true, diagnostics: [...result.diagnostics, diagnostic('outputFolderMountPoint', { folder: show(failed) }, { file: show(failed) })] };
    }
    const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      ...result,
      writeFailed: true,
      diagnostics: [...result.diagnostics, diagnostic('writeFailed', { file: show(failed), detail: String(detail) }, { file: show(failed) })],
    };
  }
}
