/**
 * `build`: the pipeline plus the write stage. Every output is produced in memory first; only
 * when all of them exist are they written, each atomically, so a failed build leaves the
 * previous outputs as they were.
 */
import path from 'node:path';
import { diagnostic } from './diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { displayPath } from './load/project.js';
import { render, type PipelineOptions, type PipelineResult } from './pipeline.js';
import { OutputLockedError, writeOutputSet, type OutputFile } from './write/atomic.js';

export type OutputFormat = 'md' | 'docx' | 'html';
/** The formats written when none are asked for (html only on request). */
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['md', 'docx'];

export interface BuildOptions extends PipelineOptions {
  /** Output root; files go to `<outDir>/<year>/report.<ext>`. */
  outDir: string;
  formats?: readonly OutputFormat[];
  /** Produce everything but write nothing. */
  dryRun?: boolean;
}

export interface BuildResult extends PipelineResult {
  files: OutputFile[];
  /** True when the failure is the environment's (an unwritable folder), not the data's. */
  writeFailed?: boolean;
}

export async function produce(options: BuildOptions): Promise<BuildResult> {
  const result = await render(options);
  if (result.markdown === undefined || result.year === undefined || hasErrors(result.diagnostics)) {
    return { ...result, files: [] };
  }
  const cwd = options.cwd ?? process.cwd();
  // <out>/2023/report.*, summary.*, compilation.*; <out>/2018-2022/report.* (outputOf in pipeline.ts).
  const output = result.output ?? { folder: String(result.year), name: 'report' };
  const folder = path.resolve(cwd, options.outDir, output.folder);
  const formats = options.formats ?? OUTPUT_FORMATS;
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [...result.diagnostics];
  if (formats.includes('md')) files.push({ path: path.join(folder, `${output.name}.md`), content: result.markdown });
  if (formats.includes('html')) {
    const { renderHtml } = await import('./write/html.js');
    const author = result.properties?.author ?? result.context?.organization.fullName;
    const lang = options.script === 'hant' ? 'zh-Hant' : 'zh-CN';
    files.push({ path: path.join(folder, `${output.name}.html`), content: renderHtml(result.markdown, { lang, ...(author ? { author } : {}) }) });
  }
  if (formats.includes('docx')) {
    const { docxFor } = await import('./write/docx-output.js');
    const docx = await docxFor(result);
    diagnostics.push(...docx.diagnostics);
    if (!docx.content) return { ...result, diagnostics, files: [] };
    files.push({ path: path.join(folder, `${output.name}.docx`), content: docx.content });
  }
  return { ...result, diagnostics, files };
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const result = await produce(options);
  if (options.dryRun || result.files.length === 0) return result;
  try {
    // All outputs of a build are one set in one folder (produce puts them there).
    const folder = path.dirname(result.files[0]!.path);
    await writeOutputSet(folder, result.files.map((f) => ({ name: path.basename(f.path), content: f.content })));
    return result;
  } catch (error) {
    const cwd = options.cwd ?? process.cwd();
    if (error instanceof OutputLockedError) {
      const holder = error.holder ? `进程 ${error.holder.pid}${error.holder.host ? `，${error.holder.host}` : ''}` : '进程未知';
      const locked = diagnostic('outputLocked', { folder: displayPath(cwd, error.path), holder, seconds: Math.round(error.waitedMs / 1000), lock: displayPath(cwd, error.lockFile) });
      return { ...result, writeFailed: true, diagnostics: [...result.diagnostics, locked] };
    }
    const failed = (error as NodeJS.ErrnoException).path ?? result.files[0]!.path;
    const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      ...result,
      writeFailed: true,
      diagnostics: [...result.diagnostics, diagnostic('writeFailed', { file: displayPath(cwd, failed), detail: String(detail) })],
    };
  }
}
