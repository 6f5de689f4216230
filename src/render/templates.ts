/**
 * Template pieces compiled before any figure is computed, so that `report validate` finds a
 * syntax error, a misspelt helper or a missing partial in a template whether or not the data is
 * clean, exactly as `report build` would.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/data-folder.js';
import { ignoredLinks, ROOT_PIECE, type TemplateSet } from '../load/templates.js';
import { createEngine, TemplateError, type CompiledTemplate, type Engine } from './engine.js';
import { problemToDiagnostic } from './problems.js';

export interface CompiledTemplates {
  engine: Engine;
  root: CompiledTemplate | undefined;
  /** Where each piece came from, as shown to users. */
  fileOf: Map<string, string>;
  /** The working folder paths are shown from. */
  cwd: string;
  templates: TemplateSet;
}

export function compileTemplates(templates: TemplateSet, cwd: string): { compiled: CompiledTemplates; diagnostics: Diagnostic[] } {
  const engine = createEngine(() => [...templates.pieces.keys()]);
  const diagnostics: Diagnostic[] = [...templates.diagnostics, ...ignoredLinks(templates, cwd)];
  const fileOf = new Map<string, string>();
  const pieces = new Map<string, CompiledTemplate>();
  for (const piece of templates.pieces.values()) {
    const file = displayPath(cwd, piece.file);
    fileOf.set(piece.name, file);
    try {
      pieces.set(piece.name, engine.compile(piece.text, piece.name));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push(templateDiagnostic(error, fileOf, templates, cwd));
    }
  }
  for (const [name, template] of pieces) {
    if (name !== ROOT_PIECE) engine.hb.registerPartial(name, template as unknown as Handlebars.Template);
  }
  if (!templates.pieces.has(ROOT_PIECE)) {
    diagnostics.push(diagnostic('templateMissingPartial', { name: ROOT_PIECE, tried: templates.searched(ROOT_PIECE).map((p) => displayPath(cwd, p)).join('、') }));
  }
  return { compiled: { engine, root: pieces.get(ROOT_PIECE), fileOf, cwd, templates }, diagnostics };
}

export function templateDiagnostic(error: TemplateError, fileOf: Map<string, string>, templates: TemplateSet, cwd: string): Diagnostic {
  const p = error.problem;
  const at: { file?: string; line?: number; column?: number } = {};
  const file = fileOf.get(p.source);
  if (file !== undefined) at.file = file;
  if (p.line !== undefined) at.line = p.line;
  if (p.column !== undefined) at.column = p.column;
  if (p.kind === 'missing-partial') {
    return diagnostic('templateMissingPartial', { name: p.subject, tried: templates.searched(p.subject).map((f) => displayPath(cwd, f)).join('、') }, at);
  }
  return problemToDiagnostic(p, at, { year: 0, organizations: [] }, false);
}
