/**
 * The structure of a narrative file, checked against what its report needs. A writer's file
 * reads like the report: each part under a `#` heading (工作回顾, 致谢, 不足, 工作安排, 结束语),
 * sections under `##` headings, lead sentences in bold. Part headings are recognised by name,
 * with their numbering and year left out (“# 一、2023年工作回顾” is 工作回顾), so a writer may
 * copy headings from last year's report as they are.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/nearest.js';
import { lineColumn, type ProseFile, type ProseParagraph, type ProseText } from '../load/markdown-prose.js';
import { forbiddenIn } from './text-safety.js';

export interface PartSpec {
  /** Name in the template context: narrative.<key>. */
  key: string;
  /** Names a heading may give (after numbering and year are left out), the first one shown in messages. */
  names: readonly string[];
  /** Whether the part has `##` sections (工作回顾's themes, 工作安排's items). */
  sections?: boolean;
  /** Its sections print run-in, the heading opening the first paragraph (（一）标题。正文…), so the heading may end in 。. */
  runIn?: boolean;
  required?: boolean;
}

export interface NarrativeSpec {
  /** File name in the folder: narrative.md. */
  file: string;
  /** What the file is, for messages: 年度工作报告的文字. */
  label: string;
  parts: readonly PartSpec[];
  /** The first `#` heading is the document's title, its paragraphs the lead, its `##` the sections (a news summary). */
  titled?: boolean;
}

export interface NarrativeSection {
  heading: ProseText;
  paragraphs: ProseParagraph[];
}

export interface NarrativePart {
  key: string;
  heading: ProseText;
  paragraphs: ProseParagraph[];
  sections: NarrativeSection[];
}

export interface NarrativeDoc {
  file: ProseFile;
  spec: NarrativeSpec;
  title?: ProseText;
  parts: Map<string, NarrativePart>;
}

/** A heading without its numbering and years: “一、2023年工作回顾” → 工作回顾. */
export function partName(heading: string): string {
  return heading
    .replace(/^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])\s*/, '')
    .replace(/(?:过去|今后|未来)?(?:\d{4}|[一二三四五六七八九十\d]+)年(?:来)?/g, '')
    .replace(/[\s：:。]/g, '');
}

export function structureNarrative(file: ProseFile, spec: NarrativeSpec): { doc: NarrativeDoc; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => ({ file: file.display, ...lineColumn(file.text, offset) });
  const doc: NarrativeDoc = { file, spec, parts: new Map() };
  const forbidden = forbiddenIn(file.text);
  if (forbidden) diagnostics.push(diagnostic('forbiddenCharacter', { code: forbidden.code }, at(forbidden.index)));
  let part: NarrativePart | undefined;
  let section: NarrativeSection | undefined;
  let strayReported = false;
  const names = spec.parts.map((p) => p.names[0]!);
  for (const block of file.blocks) {
    if (block.type === 'heading') {
      const { level, text } = block;
      if (level === 1) {
        section = undefined;
        if (spec.titled && doc.title === undefined && doc.parts.size === 0) {
          doc.title = text;
          part = { key: 'lead', heading: text, paragraphs: [], sections: [] };
          doc.parts.set('lead', part);
          continue;
        }
        const name = partName(text.text);
        const found = spec.parts.find((p) => p.names.some((n) => name === n || name.endsWith(n)));
        if (!found) {
          diagnostics.push(
            diagnostic('unknownPart', { heading: text.text, file: spec.label, near: didYouMean(name, spec.parts.flatMap((p) => p.names)), parts: names.join('、') }, at(text.start)),
          );
          part = undefined;
          continue;
        }
        if (doc.parts.has(found.key)) {
          diagnostics.push(diagnostic('partTwice', { part: found.names[0]! }, at(text.start)));
          part = undefined;
          continue;
        }
        part = { key: found.key, heading: text, paragraphs: [], sections: [] };
        doc.parts.set(found.key, part);
      } else if (level === 2) {
        const allows = part && (part.key === 'lead' || spec.parts.find((p) => p.key === part!.key)?.sections);
        if (!part || !allows) {
          diagnostics.push(diagnostic('misplacedHeading', { heading: text.text, where: part ? `“${part.heading.text}”部分` : '文件开头' }, at(text.start)));
          section = undefined;
          continue;
        }
        section = { heading: text, paragraphs: [] };
        part.sections.push(section);
        // A heading on a line of its own reads as a title, with no full stop (（一）坚持党的领导，把稳履职方向).
        const runIn = spec.parts.find((p) => p.key === part!.key)?.runIn;
        if (!runIn && /[。.]\s*$/.test(text.text)) diagnostics.push(diagnostic('headingFullStop', { heading: text.text.trim() }, at(text.start + text.text.trimEnd().length - 1)));
      } else {
        diagnostics.push(diagnostic('deepHeading', { level }, at(text.start)));
      }
    } else if (section) {
      section.paragraphs.push(block.paragraph);
    } else if (part) {
      part.paragraphs.push(block.paragraph);
    } else if (!strayReported) {
      strayReported = true;
      diagnostics.push(diagnostic('strayParagraph', { parts: names.join('、') }, at(block.paragraph.lead?.start ?? block.paragraph.text.start)));
    }
  }
  for (const p of spec.parts) {
    if (p.required && !doc.parts.has(p.key)) {
      diagnostics.push(diagnostic('missingNarrativePart', { part: p.names[0]!, file: spec.label }, { file: file.display }));
    }
  }
  return { doc, diagnostics };
}

/** Every piece of prose of a narrative, in order (placeholders and figures are looked for in them). */
export function prosePieces(doc: NarrativeDoc): ProseText[] {
  const pieces: ProseText[] = [];
  const paragraph = (p: ProseParagraph) => {
    if (p.lead) pieces.push(p.lead);
    pieces.push(p.text);
  };
  if (doc.title) pieces.push(doc.title);
  for (const part of doc.parts.values()) {
    part.paragraphs.forEach(paragraph);
    for (const s of part.sections) {
      pieces.push(s.heading);
      s.paragraphs.forEach(paragraph);
    }
  }
  return pieces;
}
