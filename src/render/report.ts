/**
 * Renders a report kind's template pieces against the context into Markdown. Pure: the pieces
 * arrive already read, the Markdown leaves as a string.
 */
import path from 'node:path';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CitableContext } from './context.js';
import { createEngine, TemplateError, type CompiledTemplate, type Engine } from './engine.js';
import { problemToDiagnostic } from './problems.js';
import { ROOT_PIECE, type TemplateSet } from './templates.js';

export interface RenderOptions {
  /** Shows template paths relative to this folder. */
  cwd?: string;
}

export function createReportEngine(templates: TemplateSet): Engine {
  return createEngine(() => [...templates.pieces.keys()]);
}

export function renderReport(
  templates: TemplateSet,
  context: CitableContext,
  engine: Engine,
  options: RenderOptions = {},
): { markdown: string | undefined; diagnostics: Diagnostic[] } {
  const cwd = options.cwd ?? process.cwd();
  const show = (file: string) => {
    const rel = path.relative(cwd, file);
    return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
  };
  const diagnostics: Diagnostic[] = [];
  const compiled = new Map<string, CompiledTemplate>();
  const fileOf = new Map<string, string>();
  for (const piece of templates.pieces.values()) {
    fileOf.set(piece.name, show(piece.file));
    try {
      compiled.set(piece.name, engine.compile(piece.text, piece.name));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push(toDiagnostic(error, fileOf, context, templates));
    }
  }
  const root = compiled.get(ROOT_PIECE);
  if (!root) {
    if (!templates.pieces.has(ROOT_PIECE)) {
      diagnostics.push(diagnostic('templateMissingPartial', { name: ROOT_PIECE, tried: templates.searched(ROOT_PIECE).map(show).join('、') }));
    }
    return { markdown: undefined, diagnostics };
  }
  if (diagnostics.length > 0) return { markdown: undefined, diagnostics };
  for (const [name, template] of compiled) {
    if (name !== ROOT_PIECE) engine.hb.registerPartial(name, template as unknown as Handlebars.Template);
  }
  try {
    const markdown = tidy(root(context));
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
    diagnostics.push(toDiagnostic(error, fileOf, context, templates));
    return { markdown: undefined, diagnostics };
  }
}

function toDiagnostic(error: TemplateError, fileOf: Map<string, string>, context: CitableContext, templates: TemplateSet): Diagnostic {
  const p = error.problem;
  const at: { file?: string; line?: number; column?: number } = {};
  const file = fileOf.get(p.source);
  if (file !== undefined) at.file = file;
  if (p.line !== undefined) at.line = p.line;
  if (p.column !== undefined) at.column = p.column;
  if (p.kind === 'missing-partial') {
    return diagnostic('templateMissingPartial', { name: p.subject, tried: templates.searched(p.subject).join('、') }, at);
  }
  return problemToDiagnostic(p, at, context, false);
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
