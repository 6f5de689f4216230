/**
 * Reads an .xlsx from its parts (as zip-guard.ts inflated them) without the spreadsheet library:
 * the library costs more to load than the common ledger costs to read. The result is what
 * readWithLibrary (library.ts) gives for the same parts, the same cells, texts, dates, formulas,
 * merges and the same hidden, refused and unreadable sheets; the differential tests
 * (tests/unit/xlsx-parts.test.ts) hold the two side by side on every workbook the project has.
 * Anything outside the common shape of a ledger — see xlsx-sheet.ts, and below: another layout
 * of the package, comments or CDATA in the XML, bytes that are not UTF-8 — gives undefined, and
 * the library reads the workbook as before.
 */
import type { LibrarySheets } from './library.js';
import { CHINESE_DATE_FORMATS } from './locale-formats.js';
import type { Sheet } from './types.js';
import { type BookParts, Decline, readSheetXml } from './xlsx-sheet.js';
import { firstElement, sharedStrings, TAG, tagAttributes, xmlText } from './xlsx-text.js';

const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
/** The namespaces the library accepts for a workbook. */
const MAIN = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main', 'http://schemas.microsoft.com/office/excel/2006/main', 'http://schemas.microsoft.com/office/excel/2006/2'];
const WORKSHEET = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', 'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet'];
const WORKBOOK_TYPES = new Set(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'application/vnd.ms-excel.sheet.binary.macroEnabled.main', 'application/vnd.ms-excel.addin.macroEnabled.main+xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml']);
const STRINGS_TYPES = new Set(['application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml', 'application/vnd.ms-excel.sharedStrings']);
const STYLES_TYPES = new Set(['application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml', 'application/vnd.ms-excel.styles']);
/** Formats by number: General, the short date, text (the library's names), and Chinese Excel's dates (locale-formats.ts). */
const BUILTIN = new Map([[0, 'General'], [14, 'm/d/yy'], [49, '@'], ...CHINESE_DATE_FORMATS]);

/** The workbook's sheets as readWithLibrary would give them, or undefined where only the library can tell. */
export function readParts(parts: ReadonlyMap<string, Uint8Array>, maxRows: number): LibrarySheets | undefined {
  try {
    return readBook(new Package(parts), maxRows);
  } catch {
    // Declined, or a part this reader does not understand: the library reads it, with its own errors.
    return undefined;
  }
}

class Package {
  private readonly byName = new Map<string, Uint8Array>();
  constructor(parts: ReadonlyMap<string, Uint8Array>) {
    // Part names are compared without case, as the library does.
    for (const [name, data] of parts) this.byName.set(name.toLowerCase(), data);
  }
  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }
  /** A part's text; throws on what the library would decode otherwise (UTF-16, bad UTF-8) or skip (comments). */
  text(name: string): string | undefined {
    const bytes = this.byName.get(name.toLowerCase());
    if (!bytes) return undefined;
    if (bytes[0] === 0xff || bytes[0] === 0xfe || bytes[1] === 0xfe) throw new Decline('encoding');
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text.includes('<!--') || text.includes('<![CDATA[') || text.includes('<!DOCTYPE')) throw new Decline('markup');
    return text;
  }
}

function readBook(pkg: Package, maxRows: number): LibrarySheets {
  if (pkg.has('META-INF/manifest.xml') || pkg.has('objectdata.xml')) throw new Decline('not an .xlsx');
  const types = pkg.text('[Content_Types].xml');
  if (types === undefined) throw new Decline('no content types');
  const declared = { workbook: [] as string[], strings: [] as string[], styles: [] as string[] };
  let typesNamespace: string | undefined;
  for (const tag of types.match(TAG) ?? []) {
    const name = tagName(tag);
    const a = tagAttributes(tag);
    if (name === '<Types') typesNamespace = a.xmlns;
    else if (name === '<Override') {
      const type = a.ContentType ?? '';
      const list = WORKBOOK_TYPES.has(type) ? declared.workbook : STRINGS_TYPES.has(type) ? declared.strings : STYLES_TYPES.has(type) ? declared.styles : undefined;
      list?.push(a.PartName!);
    }
  }
  if (typesNamespace !== CONTENT_TYPES) throw new Decline('content types');
  const workbookPath = declared.workbook[0] ?? (pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : '');
  if (workbookPath.replace(/^\//, '') !== 'xl/workbook.xml') throw new Decline('workbook path');
  const book: BookParts = { strings: [], formats: undefined, date1904: false };
  if (declared.strings[0]) {
    const path = declared.strings[0].replace(/^\//, '');
    if (!path.endsWith('.xml')) throw new Decline('strings');
    const text = pkg.text(path);
    if (text !== undefined) book.strings = sharedStrings(text);
  }
  if (declared.styles[0]) {
    const text = pkg.text(declared.styles[0].replace(/^\//, ''));
    if (text === undefined || !declared.styles[0].endsWith('.xml')) throw new Decline('styles');
    book.formats = numberFormats(text);
  }
  const sheets = workbookSheets(pkg.text('xl/workbook.xml')!, book);
  const targets = relationships(pkg.text('xl/_rels/workbook.xml.rels'));
  const result: LibrarySheets = { sheets: [], overfull: [], refusedNames: [], unreadable: [], hidden: [] };
  if (new Set(sheets.map((s) => s.name)).size !== sheets.length) throw new Decline('two sheets of one name');
  for (const sheet of sheets) {
    const target = targets.get(sheet.id);
    if (!target || !WORKSHEET.includes(target.type) || target.external) throw new Decline('sheet relationship');
    if (sheet.hidden) {
      result.hidden.push(sheet.name);
      continue;
    }
    if (sheet.name === '__proto__') {
      result.refusedNames.push(sheet.name);
      continue;
    }
    // Where the library looks for the part, in its order.
    const path = [`xl/${target.target.replace(/[/]?xl\//, '')}`, target.target, `xl/${target.target}`].find((p) => pkg.has(p));
    const xml = path === undefined ? undefined : pkg.text(path);
    if (xml === undefined || !path!.toLowerCase().endsWith('.xml')) {
      if (path !== undefined) throw new Decline('sheet part');
      result.unreadable.push(sheet.name);
      continue;
    }
    const read = readSheetXml(xml, book);
    if (read.rows.length > maxRows) {
      result.overfull.push(sheet.name);
      continue;
    }
    const out: Sheet = { name: sheet.name, rows: read.rows, merges: read.merges };
    result.sheets.push(out);
  }
  return result;
}

interface BookSheet {
  name: string;
  id: string;
  hidden: boolean;
}

function workbookSheets(xml: string, book: BookParts): BookSheet[] {
  const sheets: BookSheet[] = [];
  let namespace: string | undefined;
  for (const tag of xml.match(TAG) ?? []) {
    const name = tagName(tag);
    if (name === '<workbook') {
      if (!/^<workbook[\s>]/.test(tag)) throw new Decline('workbook');
      namespace = tagAttributes(tag).xmlns;
    } else if (name === '<workbookPr' || name === '<workbookPr/>') {
      const a = tagAttributes(tag);
      if (a.date1904 !== undefined) book.date1904 = a.date1904 === '1' || a.date1904 === 'true';
    } else if (name === '<sheet') {
      const a = tagAttributes(tag);
      if (a.name === undefined || !a.id) throw new Decline('sheet');
      sheets.push({ name: xmlText(a.name), id: a.id, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
    }
  }
  if (!namespace || !MAIN.includes(namespace)) throw new Decline('workbook namespace');
  return sheets;
}

function relationships(xml: string | undefined): Map<string, { type: string; target: string; external: boolean }> {
  if (xml === undefined) throw new Decline('no workbook relationships');
  const out = new Map<string, { type: string; target: string; external: boolean }>();
  for (const tag of xml.match(TAG) ?? []) {
    // Without a namespace prefix: the library does not take `<x:Relationship>` for one.
    if (tag.split(/[ \n\r]/, 1)[0] !== '<Relationship') continue;
    const a = tagAttributes(tag);
    if (a.Id === undefined || a.Target === undefined) throw new Decline('relationship');
    out.set(a.Id, { type: a.Type ?? '', target: xmlText(a.Target), external: a.TargetMode === 'External' });
  }
  return out;
}

/** Style index → number format code, as the library's table has it (undefined: a format not read here). */
function numberFormats(xml: string): (string | undefined)[] | undefined {
  const custom = new Map<number, string>();
  const numFmts = firstElement(xml, 'numFmts');
  for (const tag of numFmts?.[0].match(TAG) ?? []) {
    if (tagName(tag) !== '<numFmt') continue;
    const a = tagAttributes(tag);
    if (a.formatCode === undefined || !/^\d+$/.test(a.numFmtId ?? '')) throw new Decline('number format');
    const id = Number(a.numFmtId);
    // Below 164 a workbook would redefine a built-in format; above 392 the library renumbers it.
    if (id === 0) continue;
    if (id < 164 || id > 0x188) throw new Decline('number format id');
    custom.set(id, xmlText(a.formatCode));
  }
  const cellXfs = firstElement(xml, 'cellXfs');
  if (!cellXfs) return undefined;
  const formats: (string | undefined)[] = [];
  for (const tag of cellXfs[0].match(TAG) ?? []) {
    const name = tagName(tag);
    if (name !== '<xf' && name !== '<xf/>' && name !== '<xf>') continue;
    const id = tagAttributes(tag).numFmtId;
    if (id !== undefined && !/^\d+$/.test(id)) throw new Decline('style');
    const n = id === undefined ? 0 : Number(id);
    if (n > 0x188) throw new Decline('style');
    formats.push(custom.get(n) ?? BUILTIN.get(n));
  }
  return formats;
}

/** A tag's name as the library switches on it: up to the first space or line break, namespace prefix dropped. */
function tagName(tag: string): string {
  const end = tag.search(/[ \n\r]/);
  return (end < 0 ? tag : tag.slice(0, end)).replace(/^<(\/?)\w+:/, '<$1');
}
