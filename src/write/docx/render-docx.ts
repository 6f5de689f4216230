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
import { isObject, isString } from '../../load/kept-shape.js';
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

/** The parts the layout and script alone decide, as written, before finishLayoutParts: all but the document's text and core properties. */
function layoutPartsWritten(layout: Layout, script: Script): Map<string, string | Uint8Array> {
  const footers = footersXml(layout);
  return new Map([
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', PACKAGE_RELS],
    ['docProps/app.xml', APP_XML],
    ['docProps/custom.xml', CUSTOM_XML],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS],
    ...['endnotes', 'fontTable', 'footer1', 'footer2', 'footnotes'].map((part): [string, string] => [`word/_rels/${part}.xml.rels`, EMPTY_RELS]),
    ['word/endnotes.xml', ENDNOTES_XML],
    ['word/footer1.xml', footers.default],
    ['word/footer2.xml', footers.even],
    ['word/footnotes.xml', FOOTNOTES_XML],
    ['word/numbering.xml', NUMBERING_XML],
    ['word/settings.xml', SETTINGS_XML],
    ['word/styles.xml', stylesXml(layout, script)],
    ['word/theme/theme1.xml', themeXml(themeFonts(layout.paragraphs.heading1), themeFonts(layout.paragraphs.body))],
  ]);
}

type Script = ReportDocument['meta']['script'];

/**
 * What the package holds that the layout and the script alone decide: every part but the
 * document's text and its core properties, finished (finishLayoutParts), and the section
 * properties that end the text. An edit of the data changes only the text: these are made once
 * for a layout and kept (keptLayoutParts).
 */
interface LayoutParts {
  parts: Array<[name: string, xml: string]>;
  section: string;
}

/** The names of LayoutParts, in their order: what a kept one must hold. */
const LAYOUT_PART_NAMES = [
  '[Content_Types].xml',
  '_rels/.rels',
  'docProps/app.xml',
  'docProps/custom.xml',
  ...['document', 'endnotes', 'fontTable', 'footer1', 'footer2', 'footnotes'].map((part) => `word/_rels/${part}.xml.rels`),
  ...['endnotes', 'fontTable', 'footer1', 'footer2', 'footnotes', 'numbering', 'settings', 'styles', 'theme/theme1'].map((part) => `word/${part}.xml`),
];

function layoutParts(layout: Layout, script: Script): LayoutParts {
  const section = sectionXml(layout);
  const finished = finishLayoutParts(layoutPartsWritten(layout, script), layout, script, section);
  if (finished.size !== LAYOUT_PART_NAMES.length) throw new Error(`renderDocx: the layout's parts are ${[...finished.keys()].join(', ')}`);
  const parts = LAYOUT_PART_NAMES.map((name): [string, string] => {
    const xml = finished.get(name);
    if (typeof xml !== 'string') throw new Error(`renderDocx: no layout part ${name}`);
    return [name, xml];
  });
  return { parts, section };
}

/** Whether what the cache gave back has the shape of LayoutParts: the parts this writer makes, by name, in its order. */
function isLayoutParts(data: unknown): data is LayoutParts {
  return (
    isObject(data) &&
    isString(data.section) &&
    Array.isArray(data.parts) &&
    data.parts.length === LAYOUT_PART_NAMES.length &&
    data.parts.every((p, i) => Array.isArray(p) && p.length === 2 && p[0] === LAYOUT_PART_NAMES[i] && isString(p[1]))
  );
}

/**
 * LayoutParts for a layout and script: as an earlier build made them (`madeBefore`, found by the
 * layout and script as JSON), else made now and kept. Making them took a build after an edit
 * about 2% of its instructions (callgrind), code run for the first time (the section's document
 * grid, the styles, the settings), for parts that are the same on every build of the report.
 */
function keptLayoutParts(layout: Layout, script: Script, madeBefore?: MadeBefore): LayoutParts {
  const key = JSON.stringify([layout, script]);
  const kept = madeBefore?.find('docx-layout-parts', key, isLayoutParts);
  if (kept) return kept;
  const made = layoutParts(layout, script);
  madeBefore?.keep('docx-layout-parts', key, made);
  return made;
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

/** A part's XML as text, whether written as text or as bytes; undefined when there is no such part. */
function partText(parts: Map<string, string | Uint8Array>, path: string): string | undefined {
  const part = parts.get(path);
  return typeof part === 'string' ? part : part ? new TextDecoder().decode(part) : undefined;
}

/**
 * The parts the layout decides, with the ones this writer owns replaced: a font table naming
 * each font's fallbacks, the typographic settings and styles, and each footer the section
 * properties (`section`, or the document that holds them) refer to, with its page number shown.
 */
function finishLayoutParts(parts: Map<string, string | Uint8Array>, layout: Layout, script: Script, section: string): Map<string, string | Uint8Array> {
  const text = (path: string) => partText(parts, path);
  const settings = text('word/settings.xml');
  const styles = text('word/styles.xml');
  for (const [path, page] of footerPages(section, text('word/_rels/document.xml.rels') ?? '')) {
    const footer = text(path);
    if (footer !== undefined) parts.set(path, withCachedPageNumber(footer, page));
  }
  parts.set('word/fontTable.xml', fontTableXml(layout));
  if (settings !== undefined) parts.set('word/settings.xml', withSettings(settings, chineseLanguage(script)));
  if (styles !== undefined) parts.set('word/styles.xml', withZeroTracking(withTypographyDefaults(styles, layout), zeroTrackingStyles(layout)));
  return parts;
}

/** The document's text as this writer finishes it: the prose's marks as bookmarks, and the traditional script's closing quotes. */
function finishedBody(body: string, marks: readonly ProseMark[], script: Script): string {
  let finished = body;
  if (marks.length > 0) finished = withProseMarks(finished, marks);
  if (script === 'hant') finished = closingQuotesLineRule(finished);
  return finished;
}

/** The parts docx writes, with the ones this writer owns replaced (finishLayoutParts, finishedBody) and core properties from the report's date. */
export function finishParts(parts: Map<string, string | Uint8Array>, doc: ReportDocument, layout: Layout, marks: readonly ProseMark[]): Map<string, string | Uint8Array> {
  const text = partText(parts, 'word/document.xml');
  finishLayoutParts(parts, layout, doc.meta.script, text ?? '');
  if (text !== undefined) parts.set('word/document.xml', finishedBody(text, marks, doc.meta.script));
  parts.set('docProps/core.xml', coreXml(doc.meta));
  return parts;
}

/**
 * `marks`: where the prose's blocks and figures stand, kept in the document as bookmarks (see
 * marks.ts); `madeBefore`: what earlier builds made, the layout's parts (keptLayoutParts) and the
 * deflated pieces (package.ts).
 */
export async function renderDocx(doc: ReportDocument, layout: Layout = DEFAULT_LAYOUT, marks: readonly ProseMark[] = [], madeBefore?: MadeBefore): Promise<Uint8Array> {
  parseIsoDate(doc.meta.date); // fail before doing the work
  const { script } = doc.meta;
  const scripted = layoutForScript(layout, script);
  const fixed = keptLayoutParts(scripted, script, madeBefore);
  const parts = new Map<string, string>(fixed.parts);
  const body = `${DOCUMENT_OPEN}<w:body>${bodyXml(breakDisplayLines(doc, scripted).blocks, scripted)}${fixed.section}</w:body></w:document>`;
  parts.set('word/document.xml', finishedBody(body, marks, script));
  parts.set('docProps/core.xml', coreXml(doc.meta));
  return zipPackage(parts, doc.meta.date, madeBefore);
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
