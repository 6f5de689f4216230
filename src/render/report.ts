/**
 * Renders a report kind's compiled template pieces against its context into the report's
 * Markdown (with the layout marks the writers read: `{.subtitle}`, `**…**{.run-in}`). Pure: the
 * pieces arrive compiled, the Markdown leaves as a string.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { templateDiagnostic, type CompiledTemplates } from './templates.js';
import type { CitableContext } from '../compute/context.js';
import { TemplateError } from './engine.js';
import { problemToDiagnostic } from './problems.js';
import { absentColumnOf } from '../compute/absent.js';

export function renderReport(compiled: CompiledTemplates, context: CitableContext): { markdown: string | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (!compiled.root) return { markdown: undefined, diagnostics };
  try {
    const markdown = tidy(compiled.root(context));
    // Belt and braces: the engine refuses missing values, so these can only come from data text.
    const blank = /undefined|NaN|\[object Object\]/.exec(markdown);
    if (blank) {
      const start = Math.max(0, blank.index - 12);
      diagnostics.push(diagnostic('blankInOutput', { snippet: markdown.slice(start, blank.index + 12) }));
      return { markdown: undefined, diagnostics };
    }
    return { markdown, diagnostics };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const d = templateDiagnostic(error, compiled.fileOf, compiled.templates, compiled.cwd);
    // A built-in sentence citing a figure an absent column withholds: said at the ledger, never in a file the user did not write.
    const absent = error.problem.kind === 'unavailable' && compiled.templates.pieces.get(error.problem.source)?.layer === 'built-in' ? absentColumnOf(context, error.problem.subject) : undefined;
    if (absent) {
      diagnostics.push(diagnostic('columnAbsentForFigure', { figure: error.problem.subject, column: absent.column, piece: error.problem.source, kind: compiled.templates.kind }, { file: absent.file, sheet: absent.sheet }));
      return { markdown: undefined, diagnostics };
    }
    diagnostics.push(error.problem.kind === 'missing-partial' ? d : problemToDiagnostic(error.problem, { ...(d.file ? { file: d.file } : {}), ...(d.line ? { line: d.line } : {}), ...(d.column ? { column: d.column } : {}) }, context, false));
    return { markdown: undefined, diagnostics };
  }
}

/** One blank line between blocks, none at the ends, a final newline. */
function tidy(markdown: string): string {
  return (
    markdown
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
