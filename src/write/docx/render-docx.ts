// renderDocx: the report document → the bytes of a Word document laid out to GB/T 9704.
// Pure: no disk, no clock; the same input gives the same bytes.
import type { ReportDocument } from '../blocks.js';
import { breakDisplayLines } from '../display-lines.js';
import { bodyXml } from './blocks.js';
import { fontTableXml, withSettings, withTypographyDefaults, withZeroTracking } from './font-table.js';
import { chineseLanguage, layoutForScript } from './fonts.js';
import { footersXml } from './footer.js';
import { documentGrid, type DocumentGrid } from './document-grid.js';
import { DEFAULT_LAYOUT, type Layout } from '../../domain/layout.js';
import { coreXml, parseIsoDate, zipPackage } from './package.js';
import type { MadeBefore } from '../made-before.js';
import { withProseMarks } from './marks.js';
import type { ProseMark } from '../../render/prose-marks.js';
import { PARAGRAPH_STYLE_IDS, stylesXml, TABLE_HEADER_STYLE, TABLE_TEXT_STYLE } from './styles.js';
import { mmToTwips } from './units.js';
import { el, escape, unsigned, whole } from './wordml.js';
import {
  APP_XML,
  CONTENT_TYPES,
  CUSTOM_XML,
  DOCUMENT_OPEN,
  DOCUMENT_RELS,
  EMPTY_RELS,
  ENDNOTES_XML,
  FOOTNOTES_XML,
  NUMBERING_XML,
  PACKAGE_RELS,
  SETTINGS_XML,
  themeXml,
} from './package-parts.js';

/** The theme's fonts: Word and WPS fall back to them, and report them missing when they name a
 * font the machine lacks (Office's theme names 等线 for Chinese). */
const themeFonts = (f: { eastAsiaFont: string; latinFont: string }) => ({ latin: escape(f.latinFont), eastAsia: escape(f.eastAsiaFont) });

const docGridXml = (g: DocumentGrid): string =>
  el('w:docGrid', [
    ['w:type', g.type],
    ['w:linePitch', whole(g.linePitch)],
    ['w:charSpace', g.type === 'linesAndChars' && g.charSpace ? whole(g.charSpace) : undefined],
  ]);

/** w:sectPr: the footers (odd and even pages), the layout's page and margins, pages numbered from 1. */
function sectionXml(layout: Layout): string {
  const { page } = layout;
  const m = page.marginsMm;
  return (
    '<w:sectPr><w:footerReference w:type="default" r:id="rId6"/><w:footerReference w:type="even" r:id="rId7"/>' +
    el('w:pgSz', [['w:w', unsigned(mmToTwips(page.widthMm))], ['w:h', unsigned(mmToTwips(page.heightMm))], ['w:orient', 'portrait']]) +
    el('w:pgMar', [
      ['w:top', whole(mmToTwips(m.top))],
      ['w:right', unsigned(mmToTwips(m.right))],
      ['w:bottom', whole(mmToTwips(m.bottom))],
      ['w:left', unsigned(mmToTwips(m.left))],
      ['w:header', 708],
      ['w:footer', unsigned(mmToTwips(page.footerMm))],
      ['w:gutter', 0],
    ]) +
    '<w:pgNumType w:start="1" w:fmt="decimal"/>' +
    // 页面设置 › 文档网格: 每行 28 字、每页 22 行 in Word's and WPS's dialog (document-grid.ts).
    docGridXml(documentGrid(layout)) +
    '</w:sectPr>'
  );
}

/** The package's parts as written from the document, before finishParts. */
function documentParts(doc: ReportDocument, layout: Layout): Map<string, string> {
  const body = bodyXml(breakDisplayLines(doc, layout).blocks, layout);
  const footers = footersXml(layout);
  return new Map([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', PACKAGE_RELS],
    ['docProps/app.xml', APP_XML],
    ['docProps/custom.xml', CUSTOM_XML],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS],
    ...['endnotes', 'fontTable', 'footer1', 'footer2', 'footnotes'].map((part): [string, string] => [`word/_rels/${part}.xml.rels`, EMPTY_RELS]),
    ['word/document.xml', `${DOCUMENT_OPEN}<w:body>${body}${sectionXml(layout)}</w:body></w:document>`],
    ['word/endnotes.xml', ENDNOTES_XML],
    ['word/footer1.xml', footers.default],
    ['word/footer2.xml', footers.even],
    ['word/footnotes.xml', FOOTNOTES_XML],
    ['word/numbering.xml', NUMBERING_XML],
    ['word/settings.xml', SETTINGS_XML],
    ['word/styles.xml', stylesXml(layout, doc.meta.script)],
    ['word/theme/theme1.xml', themeXml(themeFonts(layout.paragraphs.heading1), themeFonts(layout.paragraphs.body))],
  ]);
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
export function finishParts(parts: Map<string, string | Uint8Array>, doc: ReportDocument, layout: Layout, marks: readonly ProseMark[]): Map<string, string | Uint8Array> {
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

/** `marks`: where the prose's blocks and figures stand, kept in the document as bookmarks (see marks.ts); `madeBefore`: the parts an earlier build deflated (package.ts). */
export async function renderDocx(doc: ReportDocument, layout: Layout = DEFAULT_LAYOUT, marks: readonly ProseMark[] = [], madeBefore?: MadeBefore): Promise<Uint8Array> {
  parseIsoDate(doc.meta.date); // fail before doing the work
  const scripted = layoutForScript(layout, doc.meta.script);
  return zipPackage(finishParts(documentParts(doc, scripted), doc, scripted, marks), doc.meta.date, madeBefore);
}

/**
 * The last document this process rendered, by its inputs: a save in a watch session that leaves
 * the report as it was (a comment, a record the report does not cite) gives the same document,
 * layout and marks, and the same bytes without rendering and zipping them again.
 */
let last: { key: string; bytes: Uint8Array } | undefined;

/**
 * renderDocx, reusing the previous result when the inputs are the same (compared as JSON: plain
 * data only); `key`, their JSON when the caller has made it already.
 */
export async function renderDocxReusing(doc: ReportDocument, layout: Layout = DEFAULT_LAYOUT, marks: readonly ProseMark[] = [], key = JSON.stringify([doc, layout, marks]), madeBefore?: MadeBefore): Promise<Uint8Array> {
  if (last?.key === key) return last.bytes.slice();
  const bytes = await renderDocx(doc, layout, marks, madeBefore);
  last = { key, bytes: bytes.slice() };
  return bytes;
}
