/**
 * Every figure a piece of prose cites that the context does not have, found before it runs, so
 * that two misspelt names in one paragraph are both reported in one run (rendering stops at the
 * first). Only names in the piece's own scope are looked up: inside `{{#each}}` and `{{#with}}`
 * names are the items' own, and are checked when the piece runs.
 */
import type Handlebars from 'handlebars';
import { HELPER_NAMES } from './helpers.js';
import type { TemplateProblem } from './template-problem.js';

type Node = { type: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

const HELPERS = new Set([...HELPER_NAMES, 'if', 'unless', 'each', 'with', 'lookup']);
/** Blocks whose body is still the piece's scope. */
const SAME_SCOPE = new Set(['if', 'unless']);

function resolves(context: unknown, parts: readonly string[]): boolean {
  let node: unknown = context;
  for (const part of parts) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

export function missingFigures(ast: hbs.AST.Program, context: unknown, source: string): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const checkPath = (expr: Node) => {
    if (expr.type !== 'PathExpression') return;
    const path = expr as unknown as hbs.AST.PathExpression;
    if (path.data || path.depth > 0 || path.parts.length === 0 || path.original === 'this' || path.original.startsWith('this.')) return;
    if (path.parts.length === 1 && HELPERS.has(path.parts[0]!)) return;
    if (resolves(context, path.parts)) return;
    const at = expr.loc ? { line: expr.loc.start.line, column: expr.loc.start.column + 1 } : {};
    out.push({ kind: 'missing-field', subject: path.original, detail: '字段不存在', source, ...at });
  };
  const expressions = (node: Node) => {
    for (const p of (node.params as Node[] | undefined) ?? []) {
      if (p.type === 'SubExpression') expressions(p);
      else checkPath(p);
    }
    for (const pair of ((node.hash as { pairs?: Array<{ value: Node }> } | undefined)?.pairs ?? [])) checkPath(pair.value);
  };
  const program = (p: hbs.AST.Program | undefined) => {
    for (const statement of (p?.body ?? []) as unknown as Node[]) {
      if (statement.type === 'MustacheStatement') {
        const path = statement.path as Node;
        const isCall = ((statement.params as unknown[]).length > 0) || (path.type === 'PathExpression' && HELPERS.has((path as unknown as hbs.AST.PathExpression).original));
        if (isCall) expressions(statement);
        else checkPath(path);
      } else if (statement.type === 'BlockStatement') {
        expressions(statement);
        const name = (statement.path as unknown as hbs.AST.PathExpression).original;
        if (SAME_SCOPE.has(name)) {
          program(statement.program as hbs.AST.Program);
          program(statement.inverse as hbs.AST.Program | undefined);
        }
      }
    }
  };
  program(ast);
  return out;
}

export type { Handlebars };
