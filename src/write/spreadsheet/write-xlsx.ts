/**
 * A minimal .xlsx written by hand (SpreadsheetML parts zipped with fflate): the library we read
 * with cannot write bold or frozen rows in its community edition, and writing the parts
 * ourselves keeps the bytes the same on every run: no document properties, no timestamps, zip
 * entries dated 1980-01-01, parts in a fixed order.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { columnLetter } from '../../load/spreadsheet/address.js';
import type { OutCell } from './write-values.js';

export interface XlsxSheet {
  name: string;
  headers: string[];
  rows: OutCell[][];
  dateFormat: 'iso' | 'chinese';
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes in styles.xml: 0 normal, 1 bold header, 2 date yyyy-mm-dd, 3 date yyyy年m月d日. */
const HEADER_STYLE = 1;
const DATE_STYLES = { iso: 2, chinese: 3 } as const;

/** One sheet, or several in the order given (the first selected). */
export function writeXlsx(sheetOrSheets: XlsxSheet | readonly XlsxSheet[]): Uint8Array {
  const sheets = Array.isArray(sheetOrSheets) ? (sheetOrSheets as readonly XlsxSheet[]) : [sheetOrSheets as XlsxSheet];
  const strings = new SharedStrings();
  const bodies = sheets.map((sheet, i) => sheetXml(sheet, strings, i === 0));
  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
    '_rels/.rels': strToU8(`${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets
        .map((sheet, i) => `<sheet name="${escapeXml(sheetName(sheet.name))}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>${sheets
        .map((_, i) => `<Relationship Id="rId${i + 3}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
    ...Object.fromEntries(bodies.map((body, i) => [`xl/worksheets/sheet${i + 1}.xml`, body])),
    'xl/styles.xml': strToU8(STYLES),
    'xl/sharedStrings.xml': strToU8(strings.xml()),
  };
  return zipSync(files, { level: 6, mtime: new Date(1980, 0, 1) });
}

/** The sheet's XML as bytes, row by row: at 60,000 rows one joined string would cost its size three times over. */
function sheetXml(sheet: XlsxSheet, strings: SharedStrings, selected = true): Uint8Array {
  // A loop, not Math.max(...rows): spread into a call, 150,000 rows overflow the stack.
  let columns = Math.max(sheet.headers.length, 1);
  for (const row of sheet.rows) columns = Math.max(columns, row.length);
  const widths = new Array<number>(columns).fill(0);
  const rowsXml: Uint8Array[] = [];
  const all: OutCell[][] = [sheet.headers.map((h) => ({ kind: 'text', text: h })), ...sheet.rows];
  all.forEach((cells, r) => {
    const out: string[] = [];
    cells.forEach((cell, c) => {
      const ref = `${columnLetter(c + 1)}${r + 1}`;
      widths[c] = Math.max(widths[c]!, displayWidth(cell, sheet.dateFormat));
      const style = r === 0 ? ` s="${HEADER_STYLE}"` : cell.kind === 'date' ? ` s="${DATE_STYLES[sheet.dateFormat]}"` : '';
      if (cell.kind === 'text') out.push(`<c r="${ref}"${style} t="s"><v>${strings.index(cell.text)}</v></c>`);
      else if (cell.kind === 'number') out.push(`<c r="${ref}"${style}><v>${cell.value}</v></c>`);
      else if (cell.kind === 'date') out.push(`<c r="${ref}"${style}><v>${cell.serial}</v></c>`);
    });
    rowsXml.push(strToU8(`<row r="${r + 1}">${out.join('')}</row>`));
  });
  const cols = widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${Math.min(60, Math.max(8, w + 2))}" customWidth="1"/>`).join('');
  const last = `${columnLetter(columns)}${all.length}`;
  // The header stays in view while scrolling: a pane frozen below row 1.
  const view = `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`;
  const head = strToU8(`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:${last}"/>${view}<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`);
  const tail = strToU8('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return concat([head, ...rowsXml, tail]);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Width in Excel's units (one per Latin character): a Chinese character takes two. */
function displayWidth(cell: OutCell, dateFormat: XlsxSheet['dateFormat']): number {
  // 2023-12-31 is 10 wide; 2023年12月31日 is 17.
  if (cell.kind === 'date') return dateFormat === 'iso' ? 10 : 17;
  if (cell.kind === 'blank') return 0;
  const text = cell.kind === 'text' ? (cell.text.split('\n')[0] ?? '') : String(cell.value);
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return width;
}

class SharedStrings {
  private readonly order: string[] = [];
  private readonly indexes = new Map<string, number>();
  index(text: string): number {
    let i = this.indexes.get(text);
    if (i === undefined) {
      i = this.order.length;
      this.order.push(text);
      this.indexes.set(text, i);
    }
    return i;
  }
  xml(): string {
    const items = this.order.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join('');
    return `${XML}<sst xmlns="${MAIN}" count="${this.order.length}" uniqueCount="${this.order.length}">${items}</sst>`;
  }
}

function contentTypes(sheetCount: number): string {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
    Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`).join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/></Types>`
  );
}

const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'|'$/g, '').slice(0, 31);
  return clean || 'Sheet1';
}

/**
 * XML text. Characters XML cannot hold (control characters) are written as Excel writes them,
 * `_x0001_`; a literal `_x0041_` in the text is guarded as `_x005F_x0041_` so it reads back as written.
 */
function escapeXml(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
