// renderDocx: the report document → the bytes of a Word document laid out to GB/T 9704.
// Pure: no disk, no clock; the same input gives the same bytes.
import { Document, NumberFormat, Packer, type IThemeOptions } from 'docx';
import { breakDisplayLines, type ReportDocument } from '../document.js';
import { buildBody } from './blocks.js';
import { fontTableXml, withSettings, withTypographyDefaults } from './font-table.js';
import { layoutForScript } from './fonts.js';
import { buildFooters } from './footer.js';
import { DEFAULT_LAYOUT, type Layout } from '../../domain/layout.js';
import { coreXml, parseIsoDate, zipPackage } from './package.js';
import { withProseMarks } from './marks.js';
import type { ProseMark } from '../../render/prose-marks.js';
import { buildStyles } from './styles.js';
import { mmToTwips } from './units.js';

/** The theme's fonts: Word and WPS fall back to them, and report them missing when they name a
 * font the machine lacks (Office's theme names 等线 for Chinese). */
function buildTheme(layout: Layout): IThemeOptions {
  const font = (f: { eastAsiaFont: string; latinFont: string }) => ({
    latin: f.latinFont,
    eastAsia: f.eastAsiaFont,
    scripts: { Hans: f.eastAsiaFont, Hant: f.eastAsiaFont },
  });
  return { fonts: { headings: font(layout.paragraphs.heading1), body: font(layout.paragraphs.body) } };
}

function buildDocument(doc: ReportDocument, layout: Layout): Document {
  const { page } = layout;
  const { meta } = doc;
  return new Document({
    title: meta.title,
    creator: meta.author,
    lastModifiedBy: meta.author,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: buildStyles(layout, meta.script),
    theme: buildTheme(layout),
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwips(page.widthMm), height: mmToTwips(page.heightMm) },
            margin: {
              top: mmToTwips(page.marginsMm.top),
              bottom: mmToTwips(page.marginsMm.bottom),
              left: mmToTwips(page.marginsMm.left),
              right: mmToTwips(page.marginsMm.right),
              footer: mmToTwips(page.footerMm),
            },
            pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL },
          },
        },
        footers: buildFooters(layout),
        children: buildBody(breakDisplayLines(doc, layout).blocks, layout),
      },
    ],
  });
}

/** The parts docx writes, with the ones this writer owns replaced: core properties from the
 * report's date, a font table naming each font's fallbacks, and the typographic settings. */
function finishParts(parts: Map<string, string | Uint8Array>, doc: ReportDocument, layout: Layout, marks: readonly ProseMark[]): Map<string, string | Uint8Array> {
  const text = (path: string) => {
    const part = parts.get(path);
    return typeof part === 'string' ? part : part ? new TextDecoder().decode(part) : undefined;
  };
  const settings = text('word/settings.xml');
  const styles = text('word/styles.xml');
  parts.set('docProps/core.xml', coreXml(doc.meta));
  parts.set('word/fontTable.xml', fontTableXml(layout));
  if (settings !== undefined) parts.set('word/settings.xml', withSettings(settings));
  if (styles !== undefined) parts.set('word/styles.xml', withTypographyDefaults(styles, layout));
  const body = text('word/document.xml');
  if (body !== undefined && marks.length > 0) parts.set('word/document.xml', withProseMarks(body, marks));
  return parts;
}

/** `marks`: where the prose's blocks and figures stand, kept in the document as bookmarks (see marks.ts). */
export async function renderDocx(doc: ReportDocument, layout: Layout = DEFAULT_LAYOUT, marks: readonly ProseMark[] = []): Promise<Uint8Array> {
  parseIsoDate(doc.meta.date); // fail before doing the work
  const scripted = layoutForScript(layout, doc.meta.script);
  const document = buildDocument(doc, scripted);
  // Packer.pack zips the parts, which are then unzipped to be zipped again deterministically:
  // the parts straight from Packer's compiler save both (80 ms of a 0.5 s build). The compiler is
  // not in docx's typings; should it change, the public way still gives the same bytes.
  const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;
  if (typeof compiler?.compile === 'function') {
    const parts = compiler.compile(document, undefined, []);
    if (parts instanceof Map) return zipPackage(finishParts(parts, doc, scripted, marks), doc.meta.date);
  }
  const packed = await Packer.pack(document, 'uint8array', false, []);
  const { unzipSync } = await import('fflate');
  return zipPackage(finishParts(new Map(Object.entries(unzipSync(packed))), doc, scripted, marks), doc.meta.date);
}

interface PartsCompiler {
  compile(doc: Document, prettify: undefined, overrides: ReadonlyArray<{ path: string; data: string }>): unknown;
}
