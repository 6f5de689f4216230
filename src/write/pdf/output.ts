// Bridges the PDF writer to the pipeline's diagnostics: the document and layout in, the PDF's
// bytes and the problems out (RPT610–RPT613), never an exception.
import { diagnostic } from '../../diagnostics/catalogue.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ReportDocument } from '../document.js';
import type { Layout } from '../../domain/layout.js';
import type { PdfOptions } from './index.js';

export async function pdfFor(doc: ReportDocument, layout: Layout, options: PdfOptions = {}): Promise<{ content?: Uint8Array; diagnostics: Diagnostic[] }> {
  const { renderPdf, PdfError } = await import('./index.js');
  const { systemFontDirs } = await import('./font-index.js');
  const { isDirectory } = (await import('./font-files.js')).diskFontFiles;
  const folder = layout.pdfFontFolder;
  const folderProblem = folder && !isDirectory(folder) ? [diagnostic('pdfFontFolderMissing', { folder })] : [];
  // The project's own fonts first: a face found there wins over the machine's of the same name.
  const fontDirs = options.fontDirs ?? [...(folder ? [folder] : []), ...systemFontDirs()];
  try {
    const { bytes, missingFonts, uncovered } = await renderPdf(doc, layout, { ...options, fontDirs });
    const blanks = uncovered.map((u) => diagnostic('pdfCharacterUncovered', { char: u.char, code: u.code, count: u.count, context: u.context }));
    return { content: bytes, diagnostics: [...folderProblem, ...missingFonts.map((m) => diagnostic('pdfFontMissing', m)), ...blanks] };
  } catch (error) {
    if (!(error instanceof PdfError)) return { diagnostics: [diagnostic('pdfFailed', { detail: error instanceof Error ? error.message : String(error) })] };
    const d =
      error.reason === 'engine-unavailable'
        ? diagnostic('pdfEngineUnavailable', { detail: error.detail })
        : error.reason === 'no-cjk-font'
          ? diagnostic('pdfNoChineseFont', { font: error.detail })
          : diagnostic('pdfFailed', { detail: error.detail });
    return { diagnostics: [d] };
  }
}
