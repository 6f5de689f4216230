/** The parts of a DOCX as text, and the text of its document, for checking what Word will show. */
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

export function docxPart(bytes: Uint8Array, name: string): string {
  const part = docxParts(bytes)[name];
  if (part === undefined) throw new Error(`no ${name} in the package`);
  return part;
}

/** The text runs of word/document.xml joined: what a reader sees, without paragraph breaks. */
export function docxText(bytes: Uint8Array): string {
  return [...docxPart(bytes, 'word/document.xml').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
