/**
 * What the engine does to a parsed template before compiling it, and the lookups it needs
 * when a problem comes back from rendering.
 *
 * Only the documented helpers exist: the genre's (helpers.ts), and of Handlebars' own the
 * blocks if, unless, each, with and the inline lookup. Everything else (log, which wrote to
 * stderr during a build; decorators; raw blocks; `{{#name}}` sections; a value called with
 * arguments) is refused here, before anything runs, at the tag that uses it.
 *
 * Missing values reach a helper that refuses them: a plain `{{path}}` becomes
 * `{{__value path}}`; every path given to a helper, to each/with or to a partial becomes
 * `(__defined path)`, so `{{percent rate typo}}` names `typo` instead of printing as if it were
 * not there. The tests of if/unless stay as written: there a missing value means false.
 */
import { arityProblem, HELPER_NAMES, helperSignature, type SourceLoc } from './helpers.js';
import { nearest } from './template-scan.js';

type Program = hbs.AST.Program;
type Node = hbs.AST.Node & { loc: SourceLoc };
export type Call = hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;

export const VALUE = '__value';
export const DEFINED = '__defined';

/** Handlebars' own helpers that templates may use, as blocks. */
export const BLOCK_HELPERS: readonly string[] = ['each', 'if', 'unless', 'with'];
/** Every helper a template may call: the genre's, the blocks above, and lookup. */
export const KNOWN_HELPERS: readonly string[] = [...HELPER_NAMES, ...BLOCK_HELPERS, 'lookup'].sort();

/** Blocks whose value must exist (each over nothing, with nothing). */
const GUARDED_BLOCKS = new Set(['each', 'with']);

export interface AstProblem {
  kind: 'unknown-helper' | 'misspelt-helper' | 'helper' | 'syntax' | 'blank';
  /** The helper, or the text found. */
  subject: string;
  detail: string;
  loc: SourceLoc;
}

class Refusal extends Error {
  constructor(readonly problem: AstProblem) {
    super(problem.detail);
  }
}

/** A name written alone (`each`, `percent`), as Handlebars looks helpers up; not `a.b`, `this`, `@x`. */
function simpleName(expr: hbs.AST.Expression): string | undefined {
  if (expr.type !== 'PathExpression') return undefined;
  const p = expr as hbs.AST.PathExpression;
  return !p.data && p.depth === 0 && p.parts.length === 1 && p.original === p.parts[0] ? p.parts[0] : undefined;
}

function helperPath(name: string, loc: SourceLoc): hbs.AST.PathExpression {
  return { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc } as unknown as hbs.AST.PathExpression;
}

function subExpression(name: string, params: hbs.AST.Expression[], loc: SourceLoc): hbs.AST.SubExpression {
  return { type: 'SubExpression', path: helperPath(name, loc), params, hash: { type: 'Hash', pairs: [], loc }, loc } as unknown as hbs.AST.SubExpression;
}

/** `(__defined path)` for a path; literals and sub-expressions stay (a sub-expression is checked inside). */
function defined(expr: hbs.AST.Expression): hbs.AST.Expression {
  return expr.type === 'PathExpression' ? subExpression(DEFINED, [expr], expr.loc as SourceLoc) : expr;
}

function unknown(name: string, loc: SourceLoc): Refusal {
  const near = nearest(name, KNOWN_HELPERS);
  return near
    ? new Refusal({ kind: 'misspelt-helper', subject: name, detail: near, loc })
    : new Refusal({ kind: 'unknown-helper', subject: name, detail: name, loc });
}

/** A helper called with arguments (or any sub-expression): a known inline helper, with the right count. */
function checkCall(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression): void {
  const loc = node.loc as SourceLoc;
  const name = simpleName(node.path as hbs.AST.Expression);
  const written = (node.path as { original?: unknown }).original;
  if (name === VALUE || name === DEFINED) return;
  if (name === undefined) {
    // {{proposals.total 3}} would call a value; {{"name"}} would look a field up by a string.
    if (node.path.type === 'PathExpression') throw unknown(String(written), loc);
    throw new Refusal({ kind: 'syntax', subject: String(written), detail: '{{ }} 中应先写数字的名称或函数名，不能是带引号的文字或数字', loc });
  }
  if (BLOCK_HELPERS.includes(name)) {
    throw new Refusal({ kind: 'helper', subject: name, detail: `${name} 只能写成块：{{#${name} …}} … {{/${name}}}`, loc });
  }
  if (node.hash && node.hash.pairs.length > 0) {
    throw new Refusal({ kind: 'helper', subject: name, detail: '不接受“名称=值”形式的参数', loc: node.hash.loc as SourceLoc });
  }
  const signature = name === 'lookup' ? { min: 2, max: 2, usage: 'lookup 一组数据 名称' } : helperSignature(name);
  if (!signature) throw unknown(name, loc);
  const count = node.params.length;
  if (count < signature.min || count > signature.max) {
    // Helpers come before fields of the same name, as in Handlebars: {{date}} inside a meeting calls the helper.
    const field = count === 0 && node.type === 'MustacheStatement' ? `；要引用名为“${name}”的字段，写成 {{this.${name}}}` : '';
    throw new Refusal({ kind: 'helper', subject: name, detail: `${arityProblem(signature, count)}${field}`, loc });
  }
  node.params = node.params.map(defined);
}

/** Rewrites and checks one node; its children are visited after. */
function prepareNode(node: Node): void {
  switch (node.type) {
    case 'MustacheStatement': {
      const m = node as unknown as hbs.AST.MustacheStatement;
      const name = simpleName(m.path as hbs.AST.Expression);
      const isCall = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 || (name !== undefined && KNOWN_HELPERS.includes(name));
      if (!isCall && m.path.type === 'PathExpression') {
        m.params = [m.path as hbs.AST.Expression];
        m.path = helperPath(VALUE, m.loc as SourceLoc);
      } else if (name === 'lookup') {
        // The built-in lookup yields undefined for a missing field (or a prototype's): refuse it like {{a.b}}.
        checkCall(m);
        m.params = [subExpression('lookup', m.params, m.loc as SourceLoc)];
        m.path = helperPath(VALUE, m.loc as SourceLoc);
      } else {
        checkCall(m);
      }
      return;
    }
    case 'SubExpression':
      checkCall(node as unknown as hbs.AST.SubExpression);
      return;
    case 'BlockStatement': {
      const b = node as unknown as hbs.AST.BlockStatement;
      const name = simpleName(b.path as hbs.AST.Expression);
      const loc = b.loc as SourceLoc;
      if (name === undefined || !BLOCK_HELPERS.includes(name)) {
        if (name !== undefined && KNOWN_HELPERS.includes(name)) {
          throw new Refusal({ kind: 'helper', subject: name, detail: `${name} 不能写成块，直接写 {{${name} …}}`, loc });
        }
        throw unknown(String((b.path as { original?: unknown }).original), loc);
      }
      if (b.params.length !== 1) {
        throw new Refusal({ kind: 'helper', subject: name, detail: `{{#${name}}} 需要 1 个参数，实际是 ${b.params.length} 个`, loc });
      }
      if (b.hash && b.hash.pairs.length > 0) {
        throw new Refusal({ kind: 'helper', subject: name, detail: '不接受“名称=值”形式的参数', loc: b.hash.loc as SourceLoc });
      }
      // Handlebars would take {{date x}} inside `as |date|` for the parameter, not the helper.
      for (const param of b.program?.blockParams ?? []) {
        if (KNOWN_HELPERS.includes(param) || param === VALUE || param === DEFINED) {
          throw new Refusal({ kind: 'syntax', subject: param, detail: `块参数不能叫“${param}”：这是函数的名称，请换一个名称（如 item）`, loc });
        }
      }
      if (GUARDED_BLOCKS.has(name)) b.params[0] = subExpression(DEFINED, [b.params[0]!], b.params[0]!.loc as SourceLoc);
      return;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement': {
      const p = node as unknown as hbs.AST.PartialStatement;
      p.params = p.params.map(defined);
      for (const pair of p.hash?.pairs ?? []) pair.value = defined(pair.value);
      return;
    }
    case 'Decorator':
    case 'DecoratorBlock':
      throw new Refusal({ kind: 'syntax', subject: '', detail: '不能使用修饰器 {{* …}}（如 {{#*inline}}）；要复用一段模板，把它写成单独的片段，用 {{> 片段名}} 引用', loc: node.loc });
    case 'ContentStatement': {
      // Text of the template itself that would print as a blank (the output check's words).
      const original = String((node as unknown as hbs.AST.ContentStatement).original);
      const found = BLANK.exec(original);
      if (found) {
        const before = original.slice(0, found.index);
        const lines = before.split('\n');
        const line = node.loc.start.line + lines.length - 1;
        const column = lines.length > 1 ? lines[lines.length - 1]!.length : node.loc.start.column + before.length;
        const snippet = original.slice(Math.max(0, found.index - 12), found.index + found[0].length + 12);
        throw new Refusal({ kind: 'blank', subject: found[0], detail: snippet, loc: { start: { line, column }, end: { line, column } } });
      }
      return;
    }
    default:
  }
}

/** What the output check (render/report.ts) takes for a blank; refused where it is written. */
export const BLANK = /undefined|NaN|\[object Object\]/;

/** A tree rewritten by prepareIndexed: its partials and helper calls, as found after the rewrite. */
export interface Indexed {
  partials: PartialReference[];
  calls: Map<string, Call>;
  /**
   * The first `{{> name a b}}` (a partial given more than one argument): Handlebars' parser takes
   * it and its compiler refuses it. Said after the partials' names are checked (engine.ts), as
   * Handlebars would.
   */
  unrunnable?: SourceLoc;
}

/**
 * Rewrites `ast` in place and finds its partials and helper calls, in one walk (walking the tree
 * costs more than any of the three); the first problem found, or what was found.
 */
export function prepareIndexed(ast: Program): { refused: AstProblem } | Indexed {
  const found: Indexed = { partials: [], calls: new Map() };
  try {
    // A node is rewritten before its children are visited, and nothing rewrites a node visited
    // before it: what is found here is what a walk of the finished tree finds.
    walk(ast, (node) => {
      prepareNode(node);
      addPartialReference(node, found.partials);
      addCall(node, found.calls);
      if (found.unrunnable === undefined && (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') && (node as unknown as hbs.AST.PartialStatement).params.length > 1) {
        found.unrunnable = node.loc as SourceLoc;
      }
    });
    return found;
  } catch (error) {
    if (error instanceof Refusal) return { refused: error.problem };
    throw error;
  }
}

/**
 * Visits every node with a position, parents before children (so that a node rewritten by
 * `visit` has its new children visited). Depth is bounded by the scan's nesting limit.
 */
export function walk(node: unknown, visit: (node: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (typeof n.type === 'string' && n.loc) visit(n);
  // for…in, not Object.values: the same keys in the same order for these plain objects, without
  // a list made for every node.
  for (const key in node) {
    const value = (node as Record<string, unknown>)[key];
    if (value === null || typeof value !== 'object' || value === n.loc) continue;
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) walk(value[i], visit);
    else walk(value, visit);
  }
}

/** A `{{> name}}` in a template, where it is written. */
export interface PartialReference {
  name: string;
  line: number;
  column: number;
  /** Written as an expression (`{{> (name)}}`), which is refused. */
  computed?: true;
}

function addPartialReference(node: Node, found: PartialReference[]): void {
  if (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement') return;
  const name = (node as unknown as hbs.AST.PartialStatement).name as hbs.AST.Expression;
  const at = { line: node.loc.start.line, column: node.loc.start.column + 1 };
  if (name.type === 'SubExpression') found.push({ name: '', ...at, computed: true });
  // `{{> "name"}}` is the same piece as `{{> name}}`.
  else found.push({ name: String((name as hbs.AST.PathExpression | hbs.AST.StringLiteral).original), ...at });
}

/** The helper calls of a tree prepared earlier (a stored built-in template), as prepareIndexed finds them. */
export function callsOf(ast: Program): Map<string, Call> {
  const calls = new Map<string, Call>();
  walk(ast, (node) => addCall(node, calls));
  return calls;
}

/** Each helper call by helper name and position, to find the argument a helper complains about. */
function addCall(node: Node, index: Map<string, Call>): void {
  if (node.type !== 'MustacheStatement' && node.type !== 'SubExpression' && node.type !== 'BlockStatement') return;
  const call = node as unknown as Call;
  const name = (call.path as { original?: unknown }).original;
  index.set(callKey(String(name), node.loc), call);
}

export function callKey(helper: string, loc: SourceLoc): string {
  return `${helper}@${loc.start.line}:${loc.start.column}`;
}

/** An argument as written: the path, `(helper args)`, or the literal. */
export function describe(expr: hbs.AST.Expression): string {
  if (expr.type === 'PathExpression') return (expr as hbs.AST.PathExpression).original;
  if (expr.type === 'SubExpression') {
    const sub = expr as hbs.AST.SubExpression;
    const inner = sub.params.map(describe).join(' ');
    const head = (sub.path as hbs.AST.PathExpression).original;
    return head === DEFINED ? inner : `(${head} ${inner})`;
  }
  if (expr.type === 'StringLiteral') return `"${(expr as hbs.AST.StringLiteral).original}"`;
  return String((expr as unknown as { original?: unknown }).original ?? '');
}
