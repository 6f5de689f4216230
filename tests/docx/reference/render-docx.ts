// The Word writer as it was built on the docx library, kept as the reference the writer in
// src/write/docx/ is compared with (differential.test.ts): the same parts, the same bytes.
import { unzipSync } from 'fflate';
import { Document, DocumentGridType, NumberFormat, Packer, type IThemeOptions } from 'docx';
import type { ReportDocument } from '../../../src/write/document.js';
import { breakDisplayLines } from '../../../src/write/display-lines.js';
import { buildBody } from './blocks.js';
import { layoutForScript } from '../../../src/write/docx/fonts.js';
import { buildFooters } from './footer.js';
import { documentGrid, type DocumentGrid } from '../../../src/write/docx/document-grid.js';
import { DEFAULT_LAYOUT, type Layout } from '../../../src/domain/layout.js';
import { parseIsoDate, zipPackage } from '../../../src/write/docx/package.js';
import type { ProseMark } from '../../../src/render/prose-marks.js';
import { buildStyles } from './styles.js';
import { mmToTwips } from '../../../src/write/docx/units.js';
import { finishParts } from '../../../src/write/docx/render-docx.js';

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

const docxGrid = (g: DocumentGrid) =>
  g.type === 'linesAndChars'
    ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: g.linePitch, charSpace: g.charSpace }
    : { type: DocumentGridType.LINES, linePitch: g.linePitch };

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
          // 页面设置 › 文档网格: 每行 28 字、每页 22 行 in Word's and WPS's dialog (document-grid.ts).
          grid: docxGrid(documentGrid(layout)),
        },
        footers: buildFooters(layout),
        children: buildBody(breakDisplayLines(doc, layout).blocks, layout),
      },
    ],
  });
}

/** The finished parts, through docx's public Packer.pack (unzipped). */
export async function referenceParts(doc: ReportDocument, layout: Layout = DEFAULT_LAYOUT, marks: readonly ProseMark[] = []): Promise<Map<string, string | Uint8Array>> {
  parseIsoDate(doc.meta.date);
  const scripted = layoutForScript(layout, doc.meta.script);
  const packed = await Packer.pack(buildDocument(doc, scripted), 'uint8array', false, []);
  return finishParts(new Map(Object.entries(unzipSync(packed))), doc, scripted, marks);
}

export async function referenceDocx(doc: ReportDocument, layout: Layout = DEFAULT_LAYOUT, marks: readonly ProseMark[] = []): Promise<Uint8Array> {
  return zipPackage(await referenceParts(doc, layout, marks), doc.meta.date);
}
