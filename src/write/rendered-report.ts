/** What the pipeline hands the writers: the rendered report, in the layer that writes it (write/formats.ts reads it). */
import type { CitableContext } from '../compute/context.js';
import type { Layout } from '../domain/layout.js';
import type { YearRecords } from '../domain/record-kind.js';
import type { TemplateSet } from '../load/templates.js';
import type { Engine } from '../render/engine.js';
import type { ProseMark } from '../render/prose-marks.js';
import type { NarrativeDoc } from '../validate/narrative.js';
import type { ReportDocument } from './document.js';

export interface RenderedReport {
  /** The report's Markdown as the templates wrote it, layout marks included, in the output's script. */
  markdown: string;
  /** The report as the writers read it: blocks with their roles (title, subtitle, lead sentences, tables…). */
  document: ReportDocument;
  context: CitableContext;
  layout: Layout;
  /** Document properties, in the output's script. */
  properties: { author: string; date: string };
  /** `<out>/<folder>/<name>.<ext>` */
  output: { folder: string; name: string };
  /** Where each block of prose and each figure in it stands (bookmarks in the DOCX), worked out when asked. */
  proseMarks?: () => ProseMark[];
  /** The prose files rendered, with what they cite from: what `absorb` writes edits back into. */
  prose?: { jobs: readonly { doc: NarrativeDoc; context: CitableContext }[]; engine: Engine };
  /** The year's checked records (a report about one year): what the verification workbook lists behind each figure. */
  records?: YearRecords;
  /** The template pieces the report was rendered from: the verification workbook renders them again, marked. */
  pieces?: TemplateSet;
}
