// renderDocx: the rendered report Markdown → the bytes of a Word document laid out to GB/T 9704.
// Pure: no disk, no clock; the same input gives the same bytes.
import { Document, NumberFormat, Packer, type IThemeOptions } from 'docx';
import { buildBody } from './blocks.js';
import { buildFooters } from './footer.js';
import { DEFAULT_LAYOUT, type Layout } from './layout.js';
import { coreXml, normaliseZip, parseIsoDate, zipPackage } from './package.js';
import { parseReportMarkdown } from './parse-markdown.js';
import { buildStyles } from './styles.js';
import { mmToTwips } from './units.js';

export interface DocxMeta {
  /** Document title (document properties). */
  title: string;
  /** The organisation issuing the report; becomes the document's creator. */
  author: string;
  /** YYYY-MM-DD; dates the document properties and the package's entries. */
  date: string;
}

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

function buildDocument(markdown: string, meta: DocxMeta, layout: Layout): Document {
  const { page } = layout;
  return new Document({
    title: meta.title,
    creator: meta.author,
    lastModifiedBy: meta.author,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: buildStyles(layout),
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
        children: buildBody(parseReportMarkdown(markdown), layout),
      },
    ],
  });
}

export async function renderDocx(markdown: string, meta: DocxMeta, layout: Layout = DEFAULT_LAYOUT): Promise<Uint8Array> {
  parseIsoDate(meta.date); // fail before doing the work
  const doc = buildDocument(markdown, meta, layout);
  const overrides = [{ path: 'docProps/core.xml', data: coreXml(meta) }];
  // Packer.pack zips the parts, which are then unzipped to be zipped again deterministically:
  // the parts straight from Packer's compiler save both (80 ms of a 0.5 s build). The compiler is
  // not in docx's typings; should it change, the public way still gives the same bytes.
  const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;
  if (typeof compiler?.compile === 'function') {
    const parts = compiler.compile(doc, undefined, overrides);
    if (parts instanceof Map) return zipPackage(parts, meta.date);
  }
  return normaliseZip(await Packer.pack(doc, 'uint8array', false, overrides), meta.date);
}

interface PartsCompiler {
  compile(doc: Document, prettify: undefined, overrides: ReadonlyArray<{ path: string; data: string }>): unknown;
}
