/**
 * `report compare`: the newer draft with what differs from the older one as tracked changes, as
 * Word's own 比较 would show it: words inserted and deleted inside a paragraph, paragraphs
 * inserted and deleted whole; one author and the newer draft's date, so the same two drafts
 * always give the same file. A number that changed inside a figure's bookmark changed because the
 * records did: a comment says so.
 */
import { zipPackage } from '../write/docx/package.js';
import { alignParagraphs } from './align.js';
import { diffText, wholeNumbers, type Hunk } from './diff.js';
import { escapeXml } from '../xml.js';
import { paragraphView, type Draft, type DraftParagraph } from './read-docx.js';

const COMPARE_AUTHOR = 'report';


interface Chars {
  pPr: string;
  /** Each character with its run properties. */
  chars: { ch: string; rPr: string }[];
}

function charsOf(p: DraftParagraph): Chars {
  const pPr = /^<w:p\b[^>]*>\s*(<w:pPr>[\s\S]*?<\/w:pPr>|<w:pPr\/>)?/.exec(p.xml)?.[1] ?? '';
  // The text as it reads with earlier revisions accepted (what the diff compares), as the draft reader reads it.
  const chars: Chars['chars'] = [];
  for (const piece of p.pieces) if (piece.kind === 'text' && piece.change?.type !== 'del') for (const ch of piece.text) chars.push({ ch, rPr: piece.rPr });
  return { pPr, chars };
}

interface Stamp {
  author: string;
  date: string;
  next: () => number;
}

function runs(chars: Chars['chars'], del: boolean): string {
  let out = '';
  for (let i = 0; i < chars.length; ) {
    let j = i;
    while (j < chars.length && chars[j]!.rPr === chars[i]!.rPr) j++;
    const text = escapeXml(chars.slice(i, j).map((c) => c.ch).join(''));
    out += `<w:r>${chars[i]!.rPr}${del ? `<w:delText xml:space="preserve">${text}</w:delText>` : `<w:t xml:space="preserve">${text}</w:t>`}</w:r>`;
    i = j;
  }
  return out;
}

const change = (tag: 'ins' | 'del', s: Stamp, inner: string) => (inner ? `<w:${tag} w:id="${s.next()}" w:author="${s.author}" w:date="${s.date}">${inner}</w:${tag}>` : '');

/** The paragraph mark inserted or deleted with the paragraph. */
function markedPPr(pPr: string, tag: 'ins' | 'del', s: Stamp): string {
  const mark = `<w:${tag} w:id="${s.next()}" w:author="${s.author}" w:date="${s.date}"/>`;
  if (!pPr || pPr === '<w:pPr/>') return `<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>`;
  if (pPr.includes('<w:rPr>')) return pPr.replace('<w:rPr>', `<w:rPr>${mark}`);
  return pPr.replace('</w:pPr>', `<w:rPr>${mark}</w:rPr></w:pPr>`);
}

export interface FigureNote {
  id: number;
  before: string;
  after: string;
}

function changedParagraph(older: Chars, newer: Chars, hunks: Hunk[], figures: [number, number][], s: Stamp, notes: FigureNote[]): string {
  let out = `<w:p>${newer.pPr}`;
  let b = 0;
  for (const h of hunks) {
    out += runs(newer.chars.slice(b, h.bStart), false);
    const inFigure = figures.some(([fs, fe]) => h.bStart < fe && h.bEnd > fs) || figures.some(([fs, fe]) => h.bStart === h.bEnd && h.bStart > fs && h.bStart < fe);
    const before = older.chars.slice(h.aStart, h.aEnd);
    const after = newer.chars.slice(h.bStart, h.bEnd);
    const edit = change('del', s, runs(before, true)) + change('ins', s, runs(after, false));
    if (inFigure) {
      const id = notes.length;
      notes.push({ id, before: before.map((c) => c.ch).join(''), after: after.map((c) => c.ch).join('') });
      out += `<w:commentRangeStart w:id="${id}"/>${edit}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    } else out += edit;
    b = h.bEnd;
  }
  return out + runs(newer.chars.slice(b), false) + '</w:p>';
}

function commentsXml(notes: FigureNote[], s: Stamp): string {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = notes
    .map((n) => `<w:comment w:id="${n.id}" w:author="${s.author}" w:date="${s.date}" w:initials="R"><w:p><w:r><w:t xml:space="preserve">${escapeXml(`由记录算出的数字：记录改变了，数字随之由 ${n.before || '（无）'} 变为 ${n.after || '（无）'}。`)}</w:t></w:r></w:p></w:comment>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments ${ns}>${body}</w:comments>`;
}

/** The date the newer draft carries (its core properties), as YYYY-MM-DD; the build writes the report's date there. */
function draftDate(draft: Draft): string {
  const core = draft.parts['docProps/core.xml'] ? new TextDecoder().decode(draft.parts['docProps/core.xml']) : '';
  const m = /<dcterms:(?:modified|created)\b[^>]*>(\d{4}-\d{2}-\d{2})/.exec(core);
  return m ? m[1]! : '1980-01-01';
}

export function compareDrafts(older: Draft, newer: Draft): { bytes: Uint8Array; insertions: number; deletions: number; figures: number } {
  const date = draftDate(newer);
  let id = 1000;
  const stamp: Stamp = { author: COMPARE_AUTHOR, date: `${date}T00:00:00Z`, next: () => id++ };
  const view = (p: DraftParagraph) => {
    const v = paragraphView(p, true);
    return { text: v.text, marks: [...v.bookmarks.keys()].filter((n) => n.startsWith('rp')), figures: [...v.bookmarks].filter(([n]) => n.startsWith('rf')).map(([, r]) => r) };
  };
  const A = older.paragraphs.map(view);
  const B = newer.paragraphs.map(view);
  const aligned = alignParagraphs(A, B);
  const notes: FigureNote[] = [];
  const replaced = new Map<number, string>();
  const before = new Map<number, string[]>();
  let insertions = 0;
  let deletions = 0;
  for (const [i, j] of aligned.pairs) {
    if (A[i]!.text === B[j]!.text) continue;
    const hunks = wholeNumbers(diffText(A[i]!.text, B[j]!.text), A[i]!.text, B[j]!.text);
    insertions += hunks.filter((h) => h.bEnd > h.bStart).length;
    deletions += hunks.filter((h) => h.aEnd > h.aStart).length;
    replaced.set(j, changedParagraph(charsOf(older.paragraphs[i]!), charsOf(newer.paragraphs[j]!), hunks, B[j]!.figures, stamp, notes));
  }
  for (const j of aligned.added) {
    const c = charsOf(newer.paragraphs[j]!);
    replaced.set(j, `<w:p>${markedPPr(c.pPr, 'ins', stamp)}${change('ins', stamp, runs(c.chars, false))}</w:p>`);
    insertions++;
  }
  for (const i of aligned.deleted) {
    // Before the newer paragraph that follows the older one's last paired neighbour.
    const next = aligned.pairs.find((p) => p[0] > i);
    const at = next ? next[1] : B.length;
    const c = charsOf(older.paragraphs[i]!);
    before.set(at, [...(before.get(at) ?? []), `<w:p>${markedPPr(c.pPr, 'del', stamp)}${change('del', stamp, runs(c.chars, true))}</w:p>`]);
    deletions++;
  }
  let xml = '';
  let last = 0;
  const src = newer.documentXml;
  newer.paragraphs.forEach((p, j) => {
    xml += src.slice(last, p.start) + (before.get(j) ?? []).join('') + (replaced.get(j) ?? p.xml);
    last = p.end;
  });
  const tail = src.slice(last);
  const bodyEnd = tail.lastIndexOf('<w:sectPr');
  xml += bodyEnd >= 0 ? tail.slice(0, bodyEnd) + (before.get(B.length) ?? []).join('') + tail.slice(bodyEnd) : tail;
  const parts = new Map<string, string | Uint8Array>(Object.entries(newer.parts));
  parts.set('word/document.xml', xml);
  if (notes.length > 0) addComments(parts, commentsXml(notes, stamp));
  return { bytes: zipPackage(parts, date), insertions, deletions, figures: notes.length };
}

function addComments(parts: Map<string, string | Uint8Array>, xml: string): void {
  const text = (name: string) => {
    const v = parts.get(name);
    return typeof v === 'string' ? v : v ? new TextDecoder().decode(v) : '';
  };
  parts.set('word/comments.xml', xml);
  const types = text('[Content_Types].xml');
  if (!types.includes('/word/comments.xml')) {
    parts.set('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'));
  }
  const rels = text('word/_rels/document.xml.rels');
  if (!rels.includes('comments.xml')) {
    parts.set('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdReportComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
  }
}
