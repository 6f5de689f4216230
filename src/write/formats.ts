/**
 * The output formats (输出格式), one entry each: its name on the command line and in report.yaml,
 * the file it writes, what it needs, and its writer, imported only when the format is asked for
 * (a format's library — docx, the PDF engine — costs start-up time on every other command).
 * Option parsing, help, the settings schema and the build all read this one table, so a new
 * format is a writer file and one entry here.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MadeBefore } from './made-before.js';
import type { RenderedReport } from './rendered-report.js';

export type { MadeBefore } from './made-before.js';

/** What a writer makes of a rendered report: the file's content, or the problems that kept it from being made. */
export interface Written {
  content?: string | Uint8Array;
  diagnostics?: Diagnostic[];
}

export type Writer = (report: RenderedReport, madeBefore?: MadeBefore) => Promise<Written> | Written;

export interface FormatEntry {
  /** The file's name for a report named `name` (report, proposals, summary.hant …). */
  file: (name: string) => string;
  /** In help and the settings schema: what the file is, and what it needs beyond the report's data. */
  description: string;
  /** Loads the writer; called only when the format is built. */
  load: () => Promise<Writer>;
}

const named = (ext: string) => (name: string) => `${name}.${ext}`;

/** A kept Word document: base64 of a zip (its first bytes the zip's local header, PK\x03\x04). */
function isKeptDocx(data: unknown): data is { docx: string } {
  // Checked here, not with load/kept-shape.ts: this table is read by --help and --version, which load nothing more.
  const docx = (data as { docx?: unknown } | null)?.docx;
  return typeof docx === 'string' && docx.startsWith('UEsDB') && /^[A-Za-z0-9+/]+={0,2}$/.test(docx);
}

export const FORMATS = {
  md: {
    file: named('md'),
    description: 'Markdown 文本（可粘贴到任何地方）',
    load: async () => {
      const { toMarkdown } = await import('./clean-markdown.js');
      return (report) => ({ content: toMarkdown(report.document) });
    },
  },
  docx: {
    file: named('docx'),
    description: 'Word 文档，按公文版式排好',
    load: async () => {
      const { marksInScript } = await import('../render/prose-marks.js');
      // Bookmarks tying the prose's blocks and figures to their sources, for `report absorb`.
      const marks = async (report: RenderedReport) => (report.proseMarks ? marksInScript(report.proseMarks(), report.document.meta.script) : []);
      return async (report, madeBefore) => {
        const made = await marks(report);
        // The document is a function of these alone (plain data): a build whose report reads as the
        // last one's (run again, or after an edit the report does not show) takes the document that
        // build made, without loading the Word writer.
        const inputs = JSON.stringify([report.document, report.layout, made]);
        const found = madeBefore?.find('docx', inputs, isKeptDocx);
        if (found) return { content: Buffer.from(found.docx, 'base64') };
        const { renderDocxReusing } = await import('./docx/render-docx.js');
        const content = await renderDocxReusing(report.document, report.layout, made, inputs, madeBefore);
        madeBefore?.keep('docx', inputs, { docx: Buffer.from(content).toString('base64') });
        return { content };
      };
    },
  },
  html: {
    file: named('html'),
    description: '网页，可发布到网站',
    load: async () => {
      const { renderHtml } = await import('./html.js');
      return (report) => ({ content: renderHtml(report.document, { layout: report.layout }) });
    },
  },
  pdf: {
    file: named('pdf'),
    description: 'PDF，需要排版引擎（可选依赖）和中文字体',
    load: async () => {
      const { pdfFor } = await import('./pdf/output.js');
      return (report) => pdfFor(report.document, report.layout);
    },
  },
  check: {
    file: (name) => (name === 'report' ? '核对表.xlsx' : `${name}.核对表.xlsx`),
    description: '核对表.xlsx：报告文字中每个数字一行（所在部分和句子、印作、精确值、定义、上年值、记录数），第二页是每个数字所据的记录及其位置',
    load: async () => {
      const { checkWorkbook } = await import('./check/workbook.js');
      return (report) => ({ content: checkWorkbook(report) });
    },
  },
} as const satisfies Record<string, FormatEntry>;

export type OutputFormat = keyof typeof FORMATS;
export const OUTPUT_FORMATS = Object.keys(FORMATS) as [OutputFormat, ...OutputFormat[]];
/** The formats written when none are asked for (neither on the command line nor in report.yaml). */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['md', 'docx'];

export function isOutputFormat(name: string): name is OutputFormat {
  return Object.hasOwn(FORMATS, name);
}

/** The formats listed as help and messages show them: `md、docx、html、pdf`. */
export function formatList(separator = '、'): string {
  return OUTPUT_FORMATS.join(separator);
}
