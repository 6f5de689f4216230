/**
 * Edits a built report's DOCX the way Word saves an edited document: runs split at odd places,
 * rsid attributes on every paragraph and run, proofing marks, a smart tag and a hyperlink around
 * runs, a tracked insertion left pending, a comment; and the edits a reader makes.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export type Parts = Record<string, string>;

export function openDocx(bytes: Uint8Array): Parts {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([n, d]) => [n, strFromU8(d)]));
}

export function saveDocx(parts: Parts): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([n, t]) => [n, strToU8(t)])));
}

/** [start, end) of the paragraph holding the bookmark `name`. */
export function paragraphOf(xml: string, name: string): [number, number] {
  const at = xml.indexOf(`w:name="${name}"`);
  if (at < 0) throw new Error(`no bookmark ${name}`);
  const start = xml.lastIndexOf('<w:p>', at);
  return [start, xml.indexOf('</w:p>', at) + '</w:p>'.length];
}

/** Replaces `from` with `to` inside the paragraph holding bookmark `name` (first occurrence). */
export function replaceIn(xml: string, name: string, from: string, to: string): string {
  const [s, e] = paragraphOf(xml, name);
  const p = xml.slice(s, e);
  if (!p.includes(from)) throw new Error(`"${from}" not in ${name}`);
  return xml.slice(0, s) + p.replace(from, to) + xml.slice(e);
}

export const plainParagraph = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

export function insertAfter(xml: string, name: string, paragraphXml: string): string {
  const [, e] = paragraphOf(xml, name);
  return xml.slice(0, e) + paragraphXml + xml.slice(e);
}

export function removeParagraph(xml: string, name: string): string {
  const [s, e] = paragraphOf(xml, name);
  return xml.slice(0, s) + xml.slice(e);
}

/** A pending tracked insertion at the end of the paragraph holding `name`. */
export function pendingInsertion(xml: string, name: string, text: string, author: string): string {
  const [, e] = paragraphOf(xml, name);
  const end = e - '</w:p>'.length;
  return xml.slice(0, end) + `<w:ins w:id="901" w:author="${author}" w:date="2024-01-10T09:00:00Z"><w:r><w:t>${text}</w:t></w:r></w:ins>` + xml.slice(end);
}

/** A comment on the first run of the paragraph holding `name`. */
export function addComment(parts: Parts, name: string, author: string, text: string): void {
  const xml = parts['word/document.xml']!;
  const [s, e] = paragraphOf(xml, name);
  const p = xml.slice(s, e);
  const r = p.indexOf('<w:r>');
  const rEnd = p.indexOf('</w:r>', r) + '</w:r>'.length;
  const commented = p.slice(0, r) + '<w:commentRangeStart w:id="0"/>' + p.slice(r, rEnd) + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' + p.slice(rEnd);
  parts['word/document.xml'] = xml.slice(0, s) + commented + xml.slice(e);
  parts['word/comments.xml'] =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:comment w:id="0" w:author="${author}" w:date="2024-01-11T08:00:00Z" w:initials="L"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:comment></w:comments>`;
  parts['[Content_Types].xml'] = parts['[Content_Types].xml']!.replace(
    '</Types>',
    '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
  );
  parts['word/_rels/document.xml.rels'] = parts['word/_rels/document.xml.rels']!.replace(
    '</Relationships>',
    '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
  );
}

/** A small fixed-seed generator, so the split points are the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** What Word does on saving: every text run cut into pieces of 1–6 characters with rsids, proofing marks between, a smart tag and a hyperlink around some. */
export function likeWord(xml: string, seed = 7): string {
  const next = random(seed);
  const rsid = () => `00${Math.floor(next() * 0xffffff).toString(16).toUpperCase().padStart(6, '0')}`;
  let out = xml.replace(/<w:p>/g, () => `<w:p w:rsidR="${rsid()}" w:rsidRDefault="${rsid()}" w:rsidP="${rsid()}">`);
  let n = 0;
  out = out.replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g, (_m, rPr: string | undefined, text: string) => {
    const chars = [...text];
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; ) {
      const len = 1 + Math.floor(next() * 6);
      pieces.push(chars.slice(i, i + len).join(''));
      i += len;
    }
    const runs = pieces.map((t) => `<w:r w:rsidR="${rsid()}" w:rsidRPr="${rsid()}">${rPr ?? ''}<w:t xml:space="preserve">${t}</w:t></w:r>`);
    n++;
    const joined = runs.join(next() < 0.3 ? '<w:proofErr w:type="gramStart"/>' : '');
    if (n % 17 === 0) return `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName">${joined}</w:smartTag>`;
    if (n % 23 === 0) return `<w:hyperlink w:anchor="_Toc1" w:history="1">${joined}</w:hyperlink>`;
    return joined;
  });
  return out;
}
