/**
 * Reads a Word document's body as the drafting cycle needs it: paragraphs in order, each as text
 * with the tracked changes still pending (who, when), the bookmarks and comments in it, and
 * whether its style is a heading. Written for what Word, WPS and LibreOffice save: runs split
 * anywhere, rsid attributes, proofing marks, smart tags, content controls, hyperlinks and fields
 * (their result is read, not their code), text boxes and alternate content skipped.
 */
import { openZip } from '../load/spreadsheet/zip-guard.js';
import { unescapeXml } from '../xml.js';
export type Piece =
  | {
      kind: 'text';
      text: string;
      change?: Change;
      /** Bold, or in the lead sentence's character style. */
      bold?: true;
      /** The run's properties as written (`<w:rPr>…</w:rPr>`, '' for none): what compare writes its runs with. */
      rPr: string;
    }
  | { kind: 'bookmarkStart'; id: string; name: string }
  | { kind: 'bookmarkEnd'; id: string }
  | { kind: 'comment'; id: string };

export interface Change {
  type: 'ins' | 'del';
  author: string;
  date: string;
}

export interface DraftParagraph {
  styleId: string;
  heading: boolean;
  inTable: boolean;
  pieces: Piece[];
  /** The paragraph's XML as saved (compare rewrites it). */
  xml: string;
  start: number;
  end: number;
}

export interface DraftComment {
  id: string;
  author: string;
  date: string;
  text: string;
}

export interface Draft {
  paragraphs: DraftParagraph[];
  comments: Map<string, DraftComment>;
  documentXml: string;
  parts: Record<string, Uint8Array>;
}

const TOKEN = /<(\/?)([A-Za-z][\w.-]*:?[\w.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|([^<]+)/g;


function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** Elements whose content is not the paragraph's text. */
const SKIP = new Set(['w:instrText', 'w:delInstrText', 'w:txbxContent', 'mc:Fallback', 'w:fldData', 'w:footnoteReference', 'w:endnoteReference', 'w:object', 'w:pict', 'w:drawing']);

/** Reads the body of word/document.xml. `styles` maps style ids to names (from styles.xml). */
export function readBody(xml: string, styles: ReadonlyMap<string, string>): DraftParagraph[] {
  const paragraphs: DraftParagraph[] = [];
  let p: DraftParagraph | undefined;
  let skip = 0;
  let tables = 0;
  let inPPr = false;
  let fieldCode = 0; // inside a field's code (between begin and separate)
  const fields: ('code' | 'result')[] = [];
  const changes: Change[] = [];
  const stack: string[] = [];
  let inText = false;
  let inRPr = false;
  // The current run's properties as written; rPrChange holds an rPr of its own, hence the depth.
  let runProps = '';
  let rPrDepth = 0;
  let rPrStart = 0;
  const between: Piece[] = [];
  let bold = false;
  const push = (text: string) => {
    if (!p || skip > 0 || fieldCode > 0 || text === '') return;
    const change = changes[changes.length - 1];
    const last = p.pieces[p.pieces.length - 1];
    if (last?.kind === 'text' && last.change === change && (last.bold === true) === bold && last.rPr === runProps) last.text += text;
    else p.pieces.push({ kind: 'text', text, ...(change ? { change } : {}), ...(bold ? { bold: true as const } : {}), rPr: runProps });
  };
  for (const m of xml.matchAll(TOKEN)) {
    const [whole, closing, name, attrs = '', selfClosing, text] = m;
    if (text !== undefined) {
      if (inText) push(unescapeXml(text));
      continue;
    }
    if (!name) continue;
    if (closing) {
      // Close up to the matching element (tolerates an unbalanced stack).
      const at = stack.lastIndexOf(name);
      if (at < 0) continue;
      stack.length = at;
      if (SKIP.has(name)) skip--;
      else if (skip > 0) continue;
      else if (name === 'w:t' || name === 'w:delText') inText = false;
      else if (name === 'w:pPr') inPPr = false;
      else if (name === 'w:rPr') {
        inRPr = false;
        if (!inPPr && --rPrDepth === 0) runProps = xml.slice(rPrStart, m.index + whole.length);
      }
      else if (name === 'w:ins' || name === 'w:del' || name === 'w:moveFrom' || name === 'w:moveTo') changes.pop();
      else if (name === 'w:tbl') tables--;
      else if (name === 'w:p' && p && skip === 0) {
        p.end = m.index + whole.length;
        p.xml = xml.slice(p.start, p.end);
        paragraphs.push(p);
        p = undefined;
      }
      continue;
    }
    if (!selfClosing) stack.push(name);
    if (SKIP.has(name)) {
      if (!selfClosing) skip++;
      continue;
    }
    if (skip > 0) continue;
    // A run's properties: only whether it is bold matters (a lead sentence typed in Word).
    if (inRPr) {
      if (!inPPr && name === 'w:rPr' && !selfClosing) rPrDepth++;
      if (!inPPr && name === 'w:b') bold = !/w:val="(?:0|false|off)"/.test(attrs);
      if (!inPPr && name === 'w:rStyle') bold ||= /Lead|导语|Strong/i.test(attribute(attrs, 'w:val') ?? '');
      continue;
    }
    switch (name) {
      case 'w:r':
        bold = false;
        runProps = '';
        break;
      case 'w:rPr':
        inRPr = !selfClosing;
        if (inPPr) break;
        if (selfClosing) runProps = whole;
        else {
          rPrDepth = 1;
          rPrStart = m.index;
        }
        break;
      case 'w:p':
        if (selfClosing) break;
        // Word sometimes writes a bookmark's start between paragraphs: it belongs to the next one.
        p = { styleId: '', heading: false, inTable: tables > 0, pieces: between.splice(0), xml: '', start: m.index, end: m.index };
        fieldCode = 0;
        fields.length = 0;
        break;
      case 'w:tbl':
        if (!selfClosing) tables++;
        break;
      case 'w:pPr':
        inPPr = !selfClosing;
        break;
      case 'w:pStyle':
        if (p && inPPr) {
          p.styleId = attribute(attrs, 'w:val') ?? '';
          const styleName = styles.get(p.styleId) ?? p.styleId;
          p.heading = /^heading\s*\d$/i.test(styleName) || /^Heading\d$/.test(p.styleId) || /标题\s*\d/.test(styleName);
        }
        break;
      case 'w:ins':
      case 'w:moveTo':
      case 'w:del':
      case 'w:moveFrom':
        if (!selfClosing) changes.push({ type: name === 'w:ins' || name === 'w:moveTo' ? 'ins' : 'del', author: attribute(attrs, 'w:author') ?? '', date: attribute(attrs, 'w:date') ?? '' });
        break;
      case 'w:t':
      case 'w:delText':
        inText = !selfClosing;
        break;
      case 'w:tab':
        if (!inPPr) push('\t');
        break;
      case 'w:noBreakHyphen':
        push('-');
        break;
      case 'w:fldChar': {
        // begin … code … separate … result … end: the result is what the page shows.
        const type = attribute(attrs, 'w:fldCharType');
        if (type === 'begin') fields.push('code');
        else if (type === 'separate' && fields.length > 0) fields[fields.length - 1] = 'result';
        else if (type === 'end') fields.pop();
        fieldCode = fields.filter((f) => f === 'code').length;
        break;
      }
      case 'w:bookmarkStart':
        (p?.pieces ?? between).push({ kind: 'bookmarkStart', id: attribute(attrs, 'w:id') ?? '', name: attribute(attrs, 'w:name') ?? '' });
        break;
      case 'w:bookmarkEnd':
        p?.pieces.push({ kind: 'bookmarkEnd', id: attribute(attrs, 'w:id') ?? '' });
        break;
      case 'w:commentRangeStart':
        p?.pieces.push({ kind: 'comment', id: attribute(attrs, 'w:id') ?? '' });
        break;
      default:
        break;
    }
  }
  return paragraphs;
}

/** The paragraph's text as it reads with the pending changes rejected (as built) or accepted, and where its bookmarks and comments fall. */
export function paragraphView(p: DraftParagraph, accept: boolean): { text: string; bookmarks: Map<string, [number, number]>; comments: Map<string, number>; boldPrefix: number } {
  let text = '';
  let boldPrefix = 0;
  const open = new Map<string, { name: string; at: number }>();
  const bookmarks = new Map<string, [number, number]>();
  const comments = new Map<string, number>();
  for (const piece of p.pieces) {
    if (piece.kind === 'text') {
      if (!piece.change || (piece.change.type === 'ins') === accept) {
        if (piece.bold && boldPrefix === text.length) boldPrefix += piece.text.length;
        text += piece.text;
      }
    } else if (piece.kind === 'bookmarkStart') open.set(piece.id, { name: piece.name, at: text.length });
    else if (piece.kind === 'bookmarkEnd') {
      const start = open.get(piece.id);
      if (start) bookmarks.set(start.name, [start.at, text.length]);
      open.delete(piece.id);
    } else comments.set(piece.id, text.length);
  }
  // A bookmark whose end is in a later paragraph (or was lost with a deleted paragraph mark) runs to this paragraph's end.
  for (const { name, at } of open.values()) bookmarks.set(name, [at, text.length]);
  return { text, bookmarks, comments, boldPrefix };
}

function styleNames(xml: string | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of (xml ?? '').matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attribute(m[1]!, 'w:styleId');
    const name = /<w:name\b([^>]*)\/>/.exec(m[2]!);
    if (id && name) names.set(id, attribute(name[1]!, 'w:val') ?? id);
  }
  return names;
}

function readComments(xml: string | undefined): Map<string, DraftComment> {
  const comments = new Map<string, DraftComment>();
  for (const m of (xml ?? '').matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const id = attribute(m[1]!, 'w:id') ?? '';
    const text = readBody(`<w:body>${m[2]}</w:body>`, new Map())
      .map((p) => paragraphView(p, true).text)
      .join('\n');
    comments.set(id, { id, author: attribute(m[1]!, 'w:author') ?? '', date: attribute(m[1]!, 'w:date') ?? '', text });
  }
  return comments;
}

/** Thrown when the bytes are not a Word document (.docx); `detail` says what they are instead, in words. */
export class NotADocxError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** A draft is read with bounds: a crafted zip cannot make it inflate gigabytes. */
const DRAFT_LIMITS = { maxPartBytes: 128 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024, maxZipEntries: 20_000 };

/** What a file that is not a .docx is, as far as its first bytes tell. */
function whatItIs(bytes: Uint8Array): string {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return '这是 Word 97-2003（.doc）或 WPS（.wps）格式的文件';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return '这是 RTF 格式的文件';
  if (starts(0x25, 0x50, 0x44, 0x46)) return '这是 PDF 文件';
  return '文件的内容不是 Word 文档的格式（可能已损坏，或只是改了扩展名）';
}

export async function readDraft(bytes: Uint8Array): Promise<Draft> {
  const opened = openZip(bytes, DRAFT_LIMITS, () => true);
  if ('kind' in opened) {
    if (opened.kind === 'encrypted') throw new NotADocxError('文档设了打开密码');
    if (opened.kind === 'inflates-too-large' || opened.kind === 'too-many-entries') throw new NotADocxError('其中的内容解压后过大，不像是一份报告');
    throw new NotADocxError(bytes[0] === 0x50 && bytes[1] === 0x4b ? `压缩包无法读取：${opened.detail}` : whatItIs(bytes));
  }
  const parts: Record<string, Uint8Array> = Object.fromEntries(opened.parts);
  const decode = (name: string) => (parts[name] ? new TextDecoder().decode(parts[name]) : undefined);
  const documentXml = decode('word/document.xml');
  if (documentXml === undefined) throw new NotADocxError('这是一个压缩包，但其中没有 Word 的正文（可能是 Excel 或其他文件改了扩展名）');
  try {
    return { paragraphs: readBody(documentXml, styleNames(decode('word/styles.xml'))), comments: readComments(decode('word/comments.xml')), documentXml, parts };
  } catch {
    // What Word and WPS write reads; a part it cannot (a character reference past U+10FFFF…) is damage.
    throw new NotADocxError('文档的内容已损坏（正文或批注中有无法识别的内容）');
  }
}
