/**
 * Handlebars compiled the strict way this genre needs: every `{{figure}}` that the data cannot
 * supply (missing, or a rate with a zero denominator) stops the build with the template's line
 * and the figure's name, instead of printing an empty gap.
 *
 * How: before compiling, each plain `{{path}}` becomes `{{__value path}}`, and the list given
 * to `{{#each}}`/`{{#with}}` becomes `(__defined path)`; both helpers refuse undefined and null.
 * Helpers get the template position (`options.loc`), and the position leads back to the path
 * as written in the template, so the message names the figure exactly.
 */
import Handlebars from 'handlebars';
/** (Removed with the cache; kept as a type until the engine drops the parameter.) */
type Memo = { get(kind: 'template', text: string): string | undefined; set(kind: 'template', text: string, value: string): void };
import type { SourceLoc } from './helpers.js';
import { HELPER_NAMES, HelperError, registerHelpers } from './helpers.js';

type HB = typeof Handlebars;
type AstNode = hbs.AST.Node & { loc: SourceLoc };
type Program = hbs.AST.Program;

/** A problem found while compiling or rendering, with a position inside the template text. */
export interface TemplateProblem {
  kind: 'syntax' | 'missing-field' | 'unavailable' | 'unknown-helper' | 'missing-partial' | 'helper' | 'render';
  /** The figure or field as written, the helper or partial name, or the detail. */
  subject: string;
  detail: string;
  line?: number;
  column?: number;
  /** Name of the template piece (or prose) in which it occurred. */
  source: string;
}

export class TemplateError extends Error {
  constructor(readonly problem: TemplateProblem) {
    super(problem.detail);
  }
}

export type CompiledTemplate = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

export interface Engine {
  hb: HB;
  /** Compiles `text` as piece `source`; throws TemplateError on syntax problems. */
  compile(text: string, source: string): CompiledTemplate;
}

const VALUE = '__value';
const DEFINED = '__defined';
const GUARDED_BLOCKS = new Set(['each', 'with']);

export function createEngine(partialNames: () => readonly string[] = () => [], memo?: Memo): Engine {
  const hb = Handlebars.create();
  registerHelpers((name, fn) => hb.registerHelper(name, fn));
  const refuseMissing = (...raw: unknown[]) => {
    const options = raw[raw.length - 1] as { loc?: SourceLoc };
    const value = raw[0];
    if (value === undefined || value === null) {
      throw new HelperError(VALUE, value === null ? '数据无法提供这个数字' : '字段不存在', options.loc, 0, value === null);
    }
    return value;
  };
  hb.registerHelper(VALUE, (...raw: unknown[]) => {
    const value = refuseMissing(...raw);
    if (typeof value === 'object') {
      const options = raw[raw.length - 1] as { loc?: SourceLoc };
      throw new HelperError(VALUE, '这是一组数据而不是单个数字或文字，请写到具体的字段（如 .count）', options.loc, 0);
    }
    return value;
  });
  hb.registerHelper(DEFINED, refuseMissing);
  hb.registerHelper('helperMissing', (...raw: unknown[]) => {
    const options = raw[raw.length - 1] as { name: string; loc?: SourceLoc };
    throw new HelperError(options.name, 'unknown-helper', options.loc, undefined);
  });

  /** The guarded AST; parse problems are syntax errors at their position. */
  const guardedAst = (text: string, source: string): Program => {
    let ast: Program;
    try {
      ast = hb.parse(text);
    } catch (error) {
      throw new TemplateError({ kind: 'syntax', subject: '', source, ...parseErrorPosition(error) });
    }
    guard(ast);
    return ast;
  };

  /**
   * The template function, with the partials it names (checked against the pieces there are on
   * every run, since an override may add or remove one). Handlebars compiles a template to
   * JavaScript source, which a memo keeps for the next run: with or without one, the template is
   * made from that source, so a remembered template is the one compiled.
   */
  const templateOf = (text: string, source: string): { template: Handlebars.TemplateDelegate; ast?: Program } => {
    const remembered = memo?.get('template', text);
    if (remembered !== undefined) {
      try {
        const { spec, partials } = JSON.parse(remembered) as { spec: string; partials: PartialReference[] };
        checkPartialReferences(partials, source, partialNames());
        return { template: hb.template(evaluateSpec(spec)) };
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        // A damaged entry: compile as if there were none.
      }
    }
    const ast = guardedAst(text, source);
    const partials = partialReferences(ast);
    checkPartialReferences(partials, source, partialNames());
    const spec = hb.precompile(ast as unknown as string, COMPILE_OPTIONS) as unknown as string;
    memo?.set('template', text, JSON.stringify({ spec, partials }));
    return { template: hb.template(evaluateSpec(spec)), ast };
  };

  return {
    hb,
    compile(text, source) {
      const compiled = templateOf(text, source);
      // Only a problem needs the AST (to name the figure at the helper's position).
      let ast = compiled.ast;
      return (context, options) => {
        try {
          return compiled.template(context, { ...options, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
        } catch (error) {
          throw toTemplateError(error, (ast ??= guardedAst(text, source)), source);
        }
      };
    },
  };
}

const COMPILE_OPTIONS = { noEscape: true, preventIndent: true } as const;

/** Precompiled template source (from Handlebars.precompile) back into a template spec. */
function evaluateSpec(spec: string): TemplateSpecification {
  return new Function(`return ${spec};`)() as TemplateSpecification;
}

type TemplateSpecification = Parameters<HB['template']>[0];

function parseErrorPosition(error: unknown): { detail: string; line?: number; column?: number } {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n');
  const lineMatch = /line (\d+)/.exec(lines[0] ?? '');
  const caret = lines.find((l) => /^-*\^$/.test(l));
  const expecting = lines.find((l) => l.startsWith('Expecting') || l.startsWith("Expected"));
  const detail = `${lines[0] ?? message}${expecting ? `；${expecting.replace(/, got .*/, '')}` : ''}`.trim();
  const out: { detail: string; line?: number; column?: number } = { detail };
  if (lineMatch) out.line = Number(lineMatch[1]);
  if (caret) out.column = caret.length; // 1-based: the caret sits under the offending character
  return out;
}

/** Rewrites the AST in place so that missing values reach a helper that refuses them. */
function guard(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown> & { type?: string };
  if (n.type === 'MustacheStatement') {
    const m = node as hbs.AST.MustacheStatement;
    const isPlain = m.params.length === 0 && (!m.hash || m.hash.pairs.length === 0);
    const path = m.path as hbs.AST.PathExpression;
    if (isPlain && path.type === 'PathExpression' && !HELPER_NAMES.includes(path.original)) {
      m.params = [m.path as hbs.AST.Expression];
      m.path = helperPath(VALUE, m.loc as SourceLoc);
    } else if (path.type === 'PathExpression' && path.original === 'lookup') {
      // The built-in lookup yields undefined for a missing field (or a prototype's): refuse it like {{a.b}}.
      m.params = [{ type: 'SubExpression', path: m.path, params: m.params, hash: m.hash, loc: m.loc } as unknown as hbs.AST.Expression];
      m.hash = { type: 'Hash', pairs: [], loc: m.loc } as unknown as hbs.AST.Hash;
      m.path = helperPath(VALUE, m.loc as SourceLoc);
    }
  }
  if (n.type === 'BlockStatement') {
    const b = node as hbs.AST.BlockStatement;
    const path = b.path as hbs.AST.PathExpression;
    if (GUARDED_BLOCKS.has(path.original) && b.params[0]) {
      const param = b.params[0];
      b.params[0] = {
        type: 'SubExpression',
        path: helperPath(DEFINED, param.loc as SourceLoc),
        params: [param],
        hash: { type: 'Hash', pairs: [], loc: param.loc },
        loc: param.loc,
      } as unknown as hbs.AST.Expression;
    }
  }
  for (const value of Object.values(n)) {
    if (Array.isArray(value)) value.forEach(guard);
    else if (value && typeof value === 'object' && 'type' in value) guard(value);
  }
}

function helperPath(name: string, loc: SourceLoc): hbs.AST.PathExpression {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc } as unknown as hbs.AST.PathExpression;
}

/** A `{{> name}}` in a template, where it is written. */
interface PartialReference {
  name: string;
  line: number;
  column: number;
  /** Written as an expression (`{{> (name)}}`), which is refused. */
  computed?: true;
}

function partialReferences(ast: Program): PartialReference[] {
  const found: PartialReference[] = [];
  walk(ast, (node) => {
    if (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement') return;
    const name = (node as unknown as hbs.AST.PartialStatement).name as hbs.AST.Expression;
    const at = { line: node.loc.start.line, column: node.loc.start.column + 1 };
    if (name.type === 'SubExpression') found.push({ name: '', ...at, computed: true });
    // `{{> "name"}}` is the same piece as `{{> name}}`.
    else found.push({ name: String((name as hbs.AST.PathExpression | hbs.AST.StringLiteral).original), ...at });
  });
  return found;
}

function checkPartialReferences(references: readonly PartialReference[], source: string, known: readonly string[]): void {
  for (const { name, line, column, computed } of references) {
    // Only the pieces found in the template folders: a name computed at render time could not be checked here.
    if (computed) throw new TemplateError({ kind: 'syntax', subject: '', detail: '片段名要直接写出（如 {{> opening}}），不能由表达式得出', source, line, column });
    if (!known.includes(name)) throw new TemplateError({ kind: 'missing-partial', subject: name, detail: name, source, line, column });
  }
}

function walk(node: unknown, visit: (node: AstNode) => void): void {
  if (!node || typeof node !== 'object') return;
  const n = node as AstNode;
  if (typeof n.type === 'string' && n.loc) visit(n);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
    else if (value && typeof value === 'object') walk(value, visit);
  }
}

/** The expression written at `loc` (a mustache or sub-expression), and its argument `index`. */
function argumentAt(ast: Program, loc: SourceLoc, index: number): string | undefined {
  let found: string | undefined;
  walk(ast, (node) => {
    if (found !== undefined) return;
    if (node.type !== 'MustacheStatement' && node.type !== 'SubExpression' && node.type !== 'BlockStatement') return;
    if (node.loc.start.line !== loc.start.line || node.loc.start.column !== loc.start.column) return;
    const expr = node as unknown as hbs.AST.MustacheStatement;
    const param = expr.params[index];
    if (!param) return;
    found = describe(param);
  });
  return found;
}

function describe(expr: hbs.AST.Expression): string {
  if (expr.type === 'PathExpression') return (expr as hbs.AST.PathExpression).original;
  if (expr.type === 'SubExpression') {
    const sub = expr as hbs.AST.SubExpression;
    const inner = sub.params.map(describe).join(' ');
    const head = (sub.path as hbs.AST.PathExpression).original;
    return head === DEFINED ? inner : `(${head} ${inner})`;
  }
  return String((expr as hbs.AST.StringLiteral).original ?? '');
}

function toTemplateError(error: unknown, ast: Program, source: string): TemplateError {
  if (error instanceof TemplateError) return error;
  if (error instanceof HelperError) {
    const at = error.loc ? { line: error.loc.start.line, column: error.loc.start.column + 1 } : {};
    if (error.detail === 'unknown-helper') {
      return new TemplateError({ kind: 'unknown-helper', subject: error.helper, detail: error.helper, source, ...at });
    }
    const subject = error.loc && error.argIndex !== undefined ? argumentAt(ast, error.loc, error.argIndex) : undefined;
    if (error.helper === VALUE && !error.unavailable && error.detail !== '字段不存在') {
      return new TemplateError({ kind: 'render', subject: subject ?? '?', detail: `“${subject ?? '?'}”${error.detail}`, source, ...at });
    }
    if (error.helper === VALUE || error.helper === DEFINED) {
      const kind = error.unavailable ? 'unavailable' : 'missing-field';
      return new TemplateError({ kind, subject: subject ?? '?', detail: error.detail, source, ...at });
    }
    if (error.unavailable) {
      return new TemplateError({ kind: 'unavailable', subject: subject ?? error.helper, detail: error.detail, source, ...at });
    }
    if (subject !== undefined && /实际是空$/.test(error.detail)) {
      return new TemplateError({ kind: 'missing-field', subject, detail: error.detail, source, ...at });
    }
    return new TemplateError({ kind: 'helper', subject: error.helper, detail: subject ? `${error.detail}（${subject}）` : error.detail, source, ...at });
  }
  const message = error instanceof Error ? error.message : String(error);
  // A piece that exists but is not a partial where it is used ({{> report}}, or any piece in
  // narrative prose): Handlebars says so without a position; the statement naming it has one.
  const partial = /^The partial (.+) could not be found/.exec(message)?.[1];
  if (partial !== undefined) {
    let at: AstNode | undefined;
    walk(ast, (node) => {
      if (at || (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement')) return;
      const name = (node as unknown as hbs.AST.PartialStatement).name as unknown as { original?: unknown };
      if (String(name.original) === partial) at = node;
    });
    if (at) return new TemplateError({ kind: 'missing-partial', subject: partial, detail: partial, source, line: at.loc.start.line, column: at.loc.start.column + 1 });
  }
  const e = error as { lineNumber?: number; column?: number };
  const problem: TemplateProblem = { kind: 'render', subject: '', detail: message, source };
  if (e.lineNumber !== undefined) problem.line = e.lineNumber;
  if (e.column !== undefined) problem.column = e.column + 1;
  return new TemplateError(problem);
}

export const KNOWN_HELPERS = HELPER_NAMES;
