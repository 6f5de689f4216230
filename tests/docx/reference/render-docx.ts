// The Word writer as it was built on the docx library, kept as the reference the writer in
// src/write/docx/ is compared with (differential.test.ts): the same parts, the same bytes.
import { unzipSync } from 'fflate';
import { Document, DocumentGridType, NumberFormat, Packer, type IThemeOptions } from 'docx';
import { breakDisplayLines, type ReportDocument } from '../../../src/write/document.js';
import { buildBody } from './blocks.js';
import { fontTableXml, withSettings, withTypographyDefaults, withZeroTracking } from '../../../src/write/docx/font-table.js';
import { chineseLanguage, layoutForScript } from '../../../src/write/docx/fonts.js';
import { buildFooters } from './footer.js';
import { documentGrid, type DocumentGrid } from '../../../src/write/docx/document-grid.js';
import { DEFAULT_LAYOUT, type Layout } from '../../../src/domain/layout.js';
import { coreXml, parseIsoDate, zipPackage } from '../../../src/write/docx/package.js';
import { withProseMarks } from '../../../src/write/docx/marks.js';
import type { ProseMark } from '../../../src/render/prose-marks.js';
import { buildStyles, PARAGRAPH_STYLE_IDS, TABLE_HEADER_STYLE, TABLE_TEXT_STYLE } from './styles.js';
import { mmToTwips } from '../../../src/write/docx/units.js';

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

/**
 * Closing quotes (”’) of the traditional-script report tagged zh-CN: LibreOffice takes its
 * line-start rule from the character's language, and its zh-TW rule (and the document's own
 * w:noLineBreaksBefore, which it does not read) lets a line start with ”. Only these runs, which
 * already carry their own font (blocks.ts, CONTEXT_PUNCTUATION); Word's layout is unchanged.
 */
function closingQuotesLineRule(documentXml: string): string {
  return documentXml.replace(
    /(<w:r><w:rPr>(?:(?!<\/w:rPr>).)*?)(<\/w:rPr><w:t(?: xml:space="preserve")?>[^<]*[”’][^<]*<\/w:t><\/w:r>)/gs,
    (_, head: string, tail: string) => (head.includes('<w:lang ') ? head + tail : `${head}<w:lang w:eastAsia="zh-CN"/>${tail}`),
  );
}

/** The paragraph styles whose type has no tracking while Normal's has. */
function zeroTrackingStyles(layout: Layout): string[] {
  if (layout.paragraphs.body.trackingPt === 0) return [];
  const ids: Record<string, string> = { ...PARAGRAPH_STYLE_IDS, table: TABLE_TEXT_STYLE, tableHeader: TABLE_HEADER_STYLE };
  return Object.entries(layout.paragraphs).flatMap(([kind, p]) => (p.trackingPt === 0 && ids[kind] && ids[kind] !== 'Normal' ? [ids[kind]!] : []));
}

/** Each footer part and the page it first shows on (the odd pages' footer 1, the even pages' 2). */
function footerPages(documentXml: string, rels: string): [string, number][] {
  return [...documentXml.matchAll(/<w:footerReference w:type="(default|even)" r:id="([^"]+)"\/>/g)].flatMap(([, type, id]) => {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    return target ? [[`word/${target}`, type === 'even' ? 2 : 1] as [string, number]] : [];
  });
}

/**
 * The PAGE field with a result between its separate and end marks, as Word saves it: WPS and
 * previewers that do not compute fields show this instead of nothing (or the field code).
 */
function withCachedPageNumber(footerXml: string, page: number): string {
  return footerXml.replace(
    /(<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r>)(<w:r><w:fldChar w:fldCharType="end"\/>)/g,
    `$1<w:r><w:t>${page}</w:t></w:r>$2`,
  );
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
  let body = text('word/document.xml');
  for (const [path, page] of footerPages(body ?? '', text('word/_rels/document.xml.rels') ?? '')) {
    const footer = text(path);
    if (footer !== undefined) parts.set(path, withCachedPageNumber(footer, page));
  }
  if (body !== undefined && marks.length > 0) body = withProseMarks(body, marks);
  if (body !== undefined && doc.meta.script === 'hant') body = closingQuotesLineRule(body);
  if (body !== undefined) parts.set('word/document.xml', body);
  parts.set('docProps/core.xml', coreXml(doc.meta));
  parts.set('word/fontTable.xml', fontTableXml(layout));
  if (settings !== undefined) parts.set('word/settings.xml', withSettings(settings, chineseLanguage(doc.meta.script)));
  if (styles !== undefined) parts.set('word/styles.xml', withZeroTracking(withTypographyDefaults(styles, layout), zeroTrackingStyles(layout)));
  return parts;
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
