/**
 * Renders the narrative's prose. Each string is a small template that cites figures by name;
 * problems are placed at the exact line and column inside the YAML file.
 */
import type { Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPath, locateInScalar, type DataPath } from '../load/source.js';
import type { Narrative, Paragraph, TermNarrative } from '../schema/schema.js';
import type { Ref } from '../validate/dataset.js';
import { problemToDiagnostic } from './problems.js';
import { TemplateError, type Engine, type TemplateProblem } from './engine.js';
import type { CitableContext, RenderedNarrative, RenderedParagraph } from './context.js';
import { toFullWidth } from './punctuation.js';

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef“”‘’《》';
const IS_CJK = new RegExp(`[${CJK}]`);
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'g');

/**
 * One string is one paragraph: line breaks join without a space, as Chinese text does, and a
 * folded scalar's spaces between Chinese characters go too.
 */
export function joinLines(text: string): string {
  const joined = text.trim().replace(/[ \t]*\n\s*/g, (_m, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _m.length] ?? '';
    return IS_CJK.test(before) || IS_CJK.test(after) ? '' : ' ';
  });
  return joined.replace(SPACE_BETWEEN_CJK, '');
}

/** Spaces between Chinese characters become full-width spaces, one for one (columns stay put). */
function ideographicSpaces(text: string): string {
  return text.replace(new RegExp(`(?<=[${CJK}])[ \\t]+(?=[${CJK}])`, 'g'), (m) => '\u3000'.repeat(m.length));
}

/** Maps keyed by record ids, tags or registers: their keys come and go with the records. */
const RECORD_KEYED = new Set(['byId', 'byTag', 'byCategory', 'bySector', 'byLeader', 'byAdoptedBy', 'parts', 'activities']);

/**
 * When some records were refused, figures are computed from the rest; a citation may then miss
 * only because its record was refused. Such citations are not reported until the data is clean.
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

export function renderNarrative(
  narrative: Narrative | TermNarrative,
  ref: Ref,
  context: CitableContext,
  engine: Engine,
  options: { dataHasErrors?: boolean } = {},
): { narrative: RenderedNarrative | undefined; diagnostics: Diagnostic[] } {
  let failed = false;
  const diagnostics: Diagnostic[] = [];
  const render = (text: string, path: DataPath): string => {
    const full = [...ref.path, ...path];
    try {
      // Most strings cite nothing; compiling them as templates would only cost time.
      const rendered = text.includes('{{') ? engine.compile(text, formatPath(full))(context) : text;
      return joinLines(toFullWidth(rendered));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const p = error.problem;
      failed = true;
      if (options.dataHasErrors && dependsOnRefusedRecords(p, context)) return '';
      const at: Location =
        p.line !== undefined ? locateInScalar(ref.file, full, p.line, (p.column ?? 1) - 1) : { file: ref.file.display, path: formatPath(full) };
      diagnostics.push(problemToDiagnostic(p, at, context, true));
      return '';
    }
  };
  const prose = (value: string | string[], path: DataPath): string[] =>
    (Array.isArray(value) ? value : [value]).map((s, i) => render(s, Array.isArray(value) ? [...path, i] : path));
  const paragraph = (p: Paragraph, path: DataPath): RenderedParagraph =>
    typeof p === 'string' ? { text: render(p, path) } : { lead: render(p.lead, [...path, 'lead']), text: render(p.text, [...path, 'text']) };

  const rendered: RenderedNarrative = {
    review: {
      overview: prose(narrative.review.overview, ['review', 'overview']),
      sections: narrative.review.sections.map((s, i) => ({
        heading: render(s.heading, ['review', 'sections', i, 'heading']),
        paragraphs: s.paragraphs.map((p, j) => paragraph(p, ['review', 'sections', i, 'paragraphs', j])),
      })),
    },
    thanks: prose(narrative.thanks, ['thanks']),
    shortcomings: prose(narrative.shortcomings, ['shortcomings']),
    plan: {
      requirements: prose(narrative.plan.requirements, ['plan', 'requirements']),
      items: narrative.plan.items.map((item, i) => ({
        heading: render(item.heading, ['plan', 'items', i, 'heading']),
        text: render(item.text, ['plan', 'items', i, 'text']),
      })),
    },
    closing: prose(narrative.closing, ['closing']),
  };
  if ('lessons' in narrative) {
    const { intro, items } = narrative.lessons;
    rendered.lessons = { intro: render(intro, ['lessons', 'intro']), items: items.map((item, i) => render(item, ['lessons', 'items', i])) };
  }
  if ('summary' in narrative && narrative.summary) {
    const s = narrative.summary;
    // News headlines keep the spaces between their phrases, as full-width spaces.
    const headline = (text: string, path: DataPath) => render(ideographicSpaces(text), path).replace(/\u3000+/g, '\u3000');
    rendered.summary = { title: headline(s.title, ['summary', 'title']), lead: prose(s.lead, ['summary', 'lead']) };
    if (s.sections) {
      rendered.summary.sections = s.sections.map((section, i) => {
        const path = ['summary', 'sections', i];
        const out: { headline: string; paragraphs?: RenderedParagraph[] } = { headline: headline(section.headline, [...path, 'headline']) };
        if (section.paragraphs) out.paragraphs = section.paragraphs.map((p, j) => paragraph(p, [...path, 'paragraphs', j]));
        return out;
      });
    }
    if (s.closing !== undefined) rendered.summary.closing = prose(s.closing, ['summary', 'closing']);
  }
  return { narrative: failed ? undefined : rendered, diagnostics };
}
