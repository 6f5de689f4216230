/** Reading the parts of a rendered DOCX in tests: unzip, then pick elements out of the XML that
 * docx writes (compact, attributes in double quotes, no nesting of like elements we look for). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { parseReportMarkdown, type DocumentMeta, type ReportDocument } from '../../src/write/document.js';

export const FIXTURE = readFileSync(
  fileURLToPath(new URL('../fixtures/docx/annual-report.md', import.meta.url)),
  'utf8',
);
export const META: DocumentMeta = { title: '政协云州市第十届委员会常务委员会工作报告', author: '政协云州市委员会', date: '2024-01-08', script: 'hans' };

/** The report document of marked Markdown. */
export const doc = (markdown: string, meta: Partial<DocumentMeta> = {}): ReportDocument => ({
  blocks: parseReportMarkdown(markdown),
  meta: { ...META, ...meta },
});

export type Parts = Record<string, string>;

export function unzipParts(bytes: Uint8Array): Parts {
  const parts: Parts = {};
  for (const [path, data] of Object.entries(unzipSync(bytes))) parts[path] = strFromU8(data);
  return parts;
}

export function part(parts: Parts, path: string): string {
  const xml = parts[path];
  if (xml === undefined) throw new Error(`no ${path} in the package; it has ${Object.keys(parts).join(', ')}`);
  return xml;
}

/** Every element `<tag …>…</tag>` (or `<tag …/>`) in `xml`, as text. */
export function elements(xml: string, tag: string): string[] {
  const found: string[] = [];
  const open = new RegExp(`<${tag}(?=[ />])`, 'g');
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const startEnd = xml.indexOf('>', m.index);
    if (xml[startEnd - 1] === '/') {
      found.push(xml.slice(m.index, startEnd + 1));
      continue;
    }
    const close = xml.indexOf(`</${tag}>`, startEnd);
    found.push(xml.slice(m.index, close + tag.length + 3));
  }
  return found;
}

export function element(xml: string, tag: string): string {
  const [first] = elements(xml, tag);
  if (first === undefined) throw new Error(`no <${tag}> in ${xml.slice(0, 200)}…`);
  return first;
}

/** The value of attribute `name` on the first `<tag>` in `xml`. */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const start = element(xml, tag);
  const head = start.slice(0, start.indexOf('>') + 1);
  return new RegExp(`\\s${name}="([^"]*)"`).exec(head)?.[1];
}

/** The attributes of the first `<tag>` as an object. */
export function attrs(xml: string, tag: string): Record<string, string> {
  const start = element(xml, tag);
  const head = start.slice(0, start.indexOf('>') + 1);
  return Object.fromEntries([...head.matchAll(/\s([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

export function style(stylesXml: string, styleId: string): string {
  const found = elements(stylesXml, 'w:style').find((s) => s.includes(`w:styleId="${styleId}"`));
  if (!found) throw new Error(`no style ${styleId}`);
  return found;
}

/** Concatenated text of the `<w:t>` elements in `xml`. */
export function text(xml: string): string {
  return elements(xml, 'w:t')
    .map((t) => t.replace(/^<w:t[^>]*>/, '').replace(/<\/w:t>$/, ''))
    .join('');
}

/** The first paragraph whose text starts with `start`. */
export function paragraphStarting(documentXml: string, start: string): string {
  const found = elements(documentXml, 'w:p').find((p) => text(p).startsWith(start));
  if (!found) throw new Error(`no paragraph starting “${start}”`);
  return found;
}

/** The first run whose text is exactly `runText`. */
export function runWithText(xml: string, runText: string): string {
  const found = elements(xml, 'w:r').find((r) => text(r) === runText);
  if (!found) throw new Error(`no run “${runText}”`);
  return found;
}

/** Bold as Word reads it: <w:b/> or <w:b w:val="true|1|on"/>. */
export function isBold(rPr: string): boolean {
  const b = /<w:b(?: w:val="([^"]*)")?\/>/.exec(rPr);
  return b !== null && (b[1] === undefined || ['true', '1', 'on'].includes(b[1]));
}
