/**
 * Bridges the rendered report to the DOCX writer: document properties from the data, the
 * layout from the data folder's optional layout.yaml.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate } from '../load/source.js';
import type { PipelineResult } from '../pipeline.js';
import { documentTitle, parseReportMarkdown } from './document.js';
import { renderDocx, resolveLayout } from './docx/index.js';

export async function docxFor(result: PipelineResult, script: 'hans' | 'hant' = 'hans'): Promise<{ content?: Uint8Array; diagnostics: Diagnostic[] }> {
  const { context, markdown, project } = result;
  // Every kind gives its properties; a result from elsewhere falls back on the year's context.
  const properties = result.properties ?? (context ? { author: context.organization.fullName, date: context.sitting.date } : undefined);
  if (!properties || markdown === undefined) return { diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const layoutFile = project?.layout;
  const { layout, problems } = resolveLayout(layoutFile?.value ?? {});
  for (const problem of problems) {
    const at = layoutFile ? locate(layoutFile.file, problem.path) : {};
    diagnostics.push(diagnostic('invalidValue', { field: problem.path.join('.') || 'layout', detail: problem.message }, at));
  }
  if (diagnostics.length > 0) return { diagnostics };
  const blocks = parseReportMarkdown(markdown);
  const title = documentTitle(blocks) ?? properties.author;
  const content = await renderDocx({ blocks, meta: { title, ...properties, script } }, layout);
  return { content, diagnostics };
}
