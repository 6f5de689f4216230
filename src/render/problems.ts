/** Turns template problems into catalogue diagnostics, for template files and prose alike. */
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CitableContext } from '../compute/context.js';
import { nearest } from '../diagnostics/nearest.js';
import { absentColumnWhy } from '../compute/absent.js';
import { KNOWN_HELPERS, RENDER_LIMITS, type TemplateProblem } from './engine.js';
import { RELATED, TEMPLATE_LIMITS } from './template-scan.js';

type Place = { line: number; column: number };

/**
 * `place` turns a position inside the compiled text into one in its file (prose is compiled a
 * paragraph at a time; a template file is its own text).
 */
export function problemToDiagnostic(p: TemplateProblem, at: Location, context: CitableContext, prose: boolean, place: (inText: Place) => Place = (x) => x): Diagnostic {
  const what = prose ? '这段文字' : '模板片段';
  switch (p.kind) {
    case 'syntax': {
      const related = p.related ? place(p.related) : undefined;
      const detail = related ? p.detail.replace(RELATED, `第 ${related.line} 行第 ${related.column} 列`) : p.detail;
      return prose ? diagnostic('proseTemplate', { detail }, at) : diagnostic('templateSyntax', { detail }, at);
    }
    case 'missing-field':
      if (p.subject.startsWith('previous.') && 'previous' in context && context.previous === null) {
        return diagnostic('previousYearMissing', { year: context.year - 1 }, at);
      }
      return prose
        ? diagnostic('unknownFigure', { name: p.subject, ...nearNames(context, p.subject) }, at)
        : diagnostic('templateMissingField', { field: p.subject }, at);
    case 'unavailable':
      return diagnostic('figureUnavailable', { name: p.subject, why: absentColumnWhy(context, p.subject) ?? p.detail }, at);
    case 'unknown-helper':
      return diagnostic('templateUnknownHelper', { name: p.subject, known: KNOWN_HELPERS.join('、') }, at);
    case 'misspelt-helper':
      return diagnostic('templateHelperMisspelt', { name: p.subject, near: p.detail, known: KNOWN_HELPERS.join('、') }, at);
    case 'blank':
      return diagnostic('blankInOutput', { snippet: p.detail }, at);
    case 'too-large':
      return diagnostic('templateTooLarge', { what, size: Number(p.detail), max: TEMPLATE_LIMITS.chars }, at);
    case 'too-many-tags':
      return diagnostic('templateTooManyTags', { what, max: TEMPLATE_LIMITS.tags }, at);
    case 'too-deep':
      return diagnostic('templateTooDeep', { max: TEMPLATE_LIMITS.nesting }, at);
    case 'too-much-output':
      return diagnostic('templateTooMuchOutput', { max: RENDER_LIMITS.output }, at);
    case 'too-many-steps':
      return diagnostic('templateTooManySteps', { max: RENDER_LIMITS.steps }, at);
    case 'partial-cycle':
      return diagnostic('templatePartialCycle', { chain: p.detail }, at);
    case 'partials-too-deep':
      return diagnostic('templatePartialsTooDeep', { name: p.subject, max: RENDER_LIMITS.partialDepth }, at);
    case 'missing-partial':
      return diagnostic('templateMissingPartial', { name: p.subject, tried: p.detail }, at);
    case 'helper':
      return diagnostic('templateHelperArgument', { helper: p.subject, detail: p.detail }, at);
    default:
      return diagnostic('templateRender', { detail: p.detail }, at);
  }
}

/** Names that exist beside the deepest existing part of a cited name, and the closest of them, to suggest a fix. */
function nearNames(context: CitableContext, name: string): { near: string; guess?: string } {
  const parts = name.split('.');
  let node: unknown = context;
  const found: string[] = [];
  for (const part of parts) {
    if (node && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, part)) {
      node = (node as Record<string, unknown>)[part];
      found.push(part);
    } else break;
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) return { near: '' };
  const prefix = found.length ? `${found.join('.')}.` : '';
  const keys = Object.keys(node).filter((k) => k !== 'narrative');
  const shown = keys.slice(0, 12).map((k) => prefix + k);
  const closest = nearest(parts[found.length] ?? '', keys, 1)[0];
  const rest = parts.slice(found.length + 1);
  return {
    near: shown.join('、') + (keys.length > 12 ? ' 等' : ''),
    ...(closest === undefined ? {} : { guess: [prefix + closest, ...rest].join('.') }),
  };
}
