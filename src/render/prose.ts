/**
 * Renders a narrative's prose: each heading and paragraph is a small template that cites
 * figures by name. A problem is placed at its line and column in the narrative file.
 */
import type { Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { lineColumn, type ProseParagraph, type ProseText } from '../load/markdown-prose.js';
import type { NarrativeDoc } from '../validate/narrative.js';
import type { CitableContext, RenderedNarrative, RenderedParagraph, RenderedPart } from '../compute/context.js';
import { TemplateError, type Engine, type TemplateProblem } from './engine.js';
import { problemToDiagnostic } from './problems.js';
import { absentColumnWhy } from '../compute/absent.js';
import { diagnostic } from '../diagnostics/catalogue.js';
import { isDraft, PENDING_FIGURE } from '../validate/placeholders.js';
import { toFullWidth } from './punctuation.js';

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef“”‘’《》';
const IS_CJK = new RegExp(`[${CJK}]`);
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'g');

/**
 * One paragraph's lines joined: a line break between Chinese characters disappears (Chinese has
 * no spaces between words), between Latin words it is a space.
 */
export function joinLines(text: string): string {
  const joined = text.trim().replace(/[ \t]*\r?\n\s*/g, (m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + m.length] ?? '';
    return IS_CJK.test(before) || IS_CJK.test(after) ? '' : ' ';
  });
  return joined.replace(SPACE_BETWEEN_CJK, '');
}

/**
 * Headings and titles keep the spaces between their phrases (守正创新 勤勉履职), as full-width
 * spaces, one for any run: a news headline is set that way.
 */
export function ideographicSpaces(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, '\u3000');
}

/** Maps keyed by record ids, tags or registers: their keys come and go with the records. */
const RECORD_KEYED = new Set(['byId', 'byTag', 'byCategory', 'bySector', 'byLeader', 'byAdoptionLevel', 'bySupervisor', 'parts', 'activities']);

/**
 * When some records were refused, figures are computed from the rest; a citation may then miss
 * only because its record was refused. Such a citation is not reported until the data is clean:
 * the problem is the record's, and it is reported there.
 */
function dependsOnRefusedRecords(problem: TemplateProblem, context: CitableContext): boolean {
  if (problem.kind === 'unavailable') return true;
  if (problem.kind !== 'missing-field') return false;
  let node: unknown = context;
  let parent = '';
  for (const part of problem.subject.split('.')) {
    if (node === null || node === undefined) return true;
    if (typeof node !== 'object' || !Object.hasOwn(node, part)) return RECORD_KEYED.has(parent);
    node = (node as Record<string, unknown>)[part];
    parent = part;
  }
  return false;
}

/** The offset in the file of (line, column) inside a piece that starts at `start`. */
function offsetIn(piece: ProseText, line: number, column: number): number {
  const lines = piece.text.split('\n');
  let offset = piece.start;
  for (let i = 0; i < Math.min(line - 1, lines.length - 1); i++) offset += lines[i]!.length + 1;
  const here = lines[Math.min(line - 1, lines.length - 1)] ?? '';
  return offset + Math.max(0, Math.min(column - 1, here.length));
}

export function renderNarrative(
  doc: NarrativeDoc,
  context: CitableContext,
  engine: Engine,
  options: { dataHasErrors?: boolean } = {},
): { narrative: RenderedNarrative | undefined; diagnostics: Diagnostic[] } {
  let failed = false;
  const diagnostics: Diagnostic[] = [];
  const file = doc.file;
  const render = (piece: ProseText, heading = false, draft = isDraft(piece.text)): string => {
    // Prose cites figures; the report's pieces ({{> opening}}) are the templates' to place.
    const partial = /\{\{~?\s*>/.exec(piece.text);
    if (partial) {
      failed = true;
      diagnostics.push(diagnostic('proseTemplate', { detail: '报告的文字中不能插入模板片段（{{> …}}）：片段由模板编排' }, { file: file.display, ...lineColumn(file.text, piece.start + partial.index) }));
      return '';
    }
    try {
      const text = heading ? ideographicSpaces(piece.text) : piece.text;
      // Most sentences cite nothing; compiling them as templates would only cost time.
      const rendered = text.includes('{{') ? engine.compile(text, file.display)(context) : text;
      const joined = joinLines(toFullWidth(rendered));
      return heading ? joined.replace(/\u3000+/g, '\u3000') : joined;
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      // Every unknown name of the piece at once, when it has more than one: rendering stopped at the
      // first. Looked for only when the piece failed: a piece that renders cites nothing missing
      // where it runs (a name in a branch not taken is checked when the branch is).
      if (!draft) {
        const missing = engine.missing(piece.text, context, file.display).filter((m) => !(options.dataHasErrors && dependsOnRefusedRecords(m, context)));
        if (missing.length > 1) {
          failed = true;
          for (const m of missing) diagnostics.push(problemToDiagnostic(m, { file: file.display, ...lineColumn(file.text, offsetIn(piece, m.line ?? 1, m.column ?? 1)) }, context, true));
          return '';
        }
      }
      const p = error.problem;
      const offset = offsetIn(piece, p.line ?? 1, p.column ?? 1);
      const at: Location = { file: file.display, ...lineColumn(file.text, offset) };
      // A draft (still marked 【待填写】/【待审改】) may cite what the records do not give yet.
      if (draft && (p.kind === 'unavailable' || p.kind === 'missing-field')) {
        diagnostics.push(diagnostic('draftFigure', { name: p.subject, why: p.kind === 'unavailable' ? (absentColumnWhy(context, p.subject) ?? p.detail) : '没有这个名称' }, at));
        return joinLines(toFullWidth(piece.text.replace(/\{\{[\s\S]*?\}\}/g, PENDING_FIGURE)));
      }
      failed = true;
      if (options.dataHasErrors && dependsOnRefusedRecords(p, context)) return '';
      diagnostics.push(problemToDiagnostic(p, at, context, true, (r) => lineColumn(file.text, offsetIn(piece, r.line, r.column))));
      return '';
    }
  };
  const paragraph = (p: ProseParagraph): RenderedParagraph => {
    // A mark in the lead sentence makes the whole paragraph a draft.
    const draft = isDraft(p.text.text) || (p.lead !== undefined && isDraft(p.lead.text));
    return p.lead ? { lead: render(p.lead, false, draft), text: render(p.text, false, draft) } : { text: render(p.text, false, draft) };
  };
  const narrative: RenderedNarrative = {};
  if (doc.title) narrative.title = render(doc.title, true);
  for (const [key, part] of doc.parts) {
    const rendered: RenderedPart = {
      paragraphs: part.paragraphs.map(paragraph),
      sections: part.sections.map((s) => ({ heading: render(s.heading, true), paragraphs: s.paragraphs.map(paragraph) })),
    };
    narrative[key] = rendered;
  }
  // Parts a report may leave out are there, empty, so a template can test them with {{#if}}.
  for (const spec of doc.spec.parts) if (!(spec.key in narrative)) narrative[spec.key] = { paragraphs: [], sections: [] };
  return { narrative: failed ? undefined : narrative, diagnostics };
}
