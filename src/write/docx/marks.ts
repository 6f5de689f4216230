/**
 * Bookmarks in the Word document that tie it back to the prose files: one pair around each
 * printed block of prose (rp<file>_<block>) and one around each figure in it (rf<file>_<block>_<k>).
 * Word, WPS and LibreOffice keep bookmarks through editing and saving (LibreOffice drops content
 * controls' tags), and a bookmark neither prints nor moves anything on the page. The bookmarks are
 * put into word/document.xml after docx wrote it, by finding each block's rendered text in the
 * paragraphs; a run is cut in two where a figure starts or ends inside it, with the same formatting.
 */
import { unescapeXml } from '../../xml.js';
import type { ProseMark } from '../../render/prose-marks.js';

/** Run text escaped as the docx library writes it (quotes left as they are, so the marked document keeps its bytes). */
const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run with one text element, as the writer makes them; anything else in a paragraph is kept as it is. */
const TEXT_RUN = /^<w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>$/;
const PARAGRAPH = /<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/g;
const CHILD = /<w:pPr>[\s\S]*?<\/w:pPr>|<w:r>[\s\S]*?<\/w:r>|<[^>]+\/>|<[^>]+>/g;

type Item = { run: true; rPr: string; text: string } | { run: false; xml: string };

interface Paragraph {
  open: string;
  items: Item[];
  text: string;
}

function readParagraph(xml: string): Paragraph | undefined {
  const open = /^<w:p(?:\s[^>]*)?>/.exec(xml)?.[0];
  if (!open || xml.endsWith('/>')) return undefined;
  const inner = xml.slice(open.length, -'</w:p>'.length);
  const items: Item[] = [];
  for (const m of inner.matchAll(CHILD)) {
    const run = TEXT_RUN.exec(m[0]);
    items.push(run ? { run: true, rPr: run[1] ?? '', text: unescapeXml(run[2]!) } : { run: false, xml: m[0] });
  }
  return { open, items, text: items.map((i) => (i.run ? i.text : '')).join('') };
}

interface Insert {
  at: number;
  xml: string;
  /** Order among inserts at one place: ends (inner first) before starts (outer first). */
  rank: number;
}

function writeParagraph(p: Paragraph, inserts: Insert[]): string {
  inserts.sort((a, b) => a.at - b.at || a.rank - b.rank);
  let out = p.open;
  let offset = 0;
  let next = 0;
  const flush = (upTo: number, inclusive: boolean) => {
    while (next < inserts.length && (inserts[next]!.at < upTo || (inclusive && inserts[next]!.at === upTo))) out += inserts[next++]!.xml;
  };
  const run = (rPr: string, text: string) => `<w:r>${rPr}<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`;
  for (const item of p.items) {
    if (!item.run) {
      // Paragraph properties come first whatever is inserted at offset 0.
      if (!item.xml.startsWith('<w:pPr>')) flush(offset, true);
      out += item.xml;
      continue;
    }
    flush(offset, true);
    let from = 0;
    while (next < inserts.length && inserts[next]!.at < offset + item.text.length) {
      const cut = inserts[next]!.at - offset;
      out += run(item.rPr, item.text.slice(from, cut));
      from = cut;
      flush(offset + cut, true);
    }
    out += run(item.rPr, item.text.slice(from));
    offset += item.text.length;
  }
  flush(Number.POSITIVE_INFINITY, true);
  return out + '</w:p>';
}

/** word/document.xml with the prose marks put in as bookmarks. Marks whose text is not found are left out. */
export function withProseMarks(documentXml: string, marks: readonly ProseMark[]): string {
  const found = [...documentXml.matchAll(PARAGRAPH)].map((m) => ({ index: m.index, xml: m[0], p: readParagraph(m[0]) }));
  const placed = new Map<number, { mark: ProseMark; at: number }[]>();
  const claimed = new Map<number, [number, number][]>();
  const free = (i: number, s: number, e: number) => !(claimed.get(i) ?? []).some(([a, b]) => s < b && a < e);
  let cursor = 0;
  const locate = (mark: ProseMark, from: number, to: number): boolean => {
    for (let i = from; i < to; i++) {
      const text = found[i]!.p?.text;
      if (!text) continue;
      for (let at = text.indexOf(mark.text); at >= 0; at = text.indexOf(mark.text, at + 1)) {
        if (!free(i, at, at + mark.text.length)) continue;
        claimed.set(i, [...(claimed.get(i) ?? []), [at, at + mark.text.length]]);
        placed.set(i, [...(placed.get(i) ?? []), { mark, at }]);
        cursor = i;
        return true;
      }
    }
    return false;
  };
  // The templates print the prose in file order, mostly: look ahead first, then from the top.
  for (const mark of marks) if (!locate(mark, cursor, found.length)) locate(mark, 0, cursor);
  let id = 0;
  let out = '';
  let last = 0;
  found.forEach((f, i) => {
    const here = placed.get(i);
    if (!here || !f.p) return;
    const inserts: Insert[] = [];
    here.sort((a, b) => a.at - b.at);
    for (const { mark, at } of here) {
      const pair = (name: string, start: number, end: number, depth: number) => {
        const n = id++;
        inserts.push({ at: start, xml: `<w:bookmarkStart w:id="${n}" w:name="${name}"/>`, rank: 10 + depth });
        inserts.push({ at: end, xml: `<w:bookmarkEnd w:id="${n}"/>`, rank: 5 - depth });
      };
      pair(mark.name, at, at + mark.text.length, 0);
      for (const fig of mark.figures) if (fig.end > fig.start) pair(fig.name, at + fig.start, at + fig.end, 1);
    }
    out += documentXml.slice(last, f.index) + writeParagraph(f.p, inserts);
    last = f.index + f.xml.length;
  });
  return out + documentXml.slice(last);
}
