/**
 * Runs a checked template by walking its parsed form, as Handlebars' compiled code would run it
 * with the engine's options (noEscape, preventIndent, data). Compiling a template to JavaScript
 * cost more than running it: a build compiles every piece and every prose paragraph that cites
 * a figure, and runs most of them once. Walking the tree also means no code is generated at all.
 *
 * Only what the checks in template-ast.ts let through is met here: text, `{{helper …}}` (a plain
 * `{{path}}` has become `{{__value path}}`), the blocks if/unless/each/with, `{{> piece}}` with
 * an optional context and hash, sub-expressions, paths (`this`, `../`, `@data`, block params)
 * and literals. The helpers and partials are the engine's own (its Handlebars instance), called
 * with the options object Handlebars gives them, so that a helper cannot tell the difference.
 */
import type { SourceLoc } from './helpers.js';

type Program = hbs.AST.Program;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
type Hash = hbs.AST.Hash;
type Call = hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;
type Statement = hbs.AST.Statement;

/** Handlebars' data frame: `@root`, `@index`…, and the frame it was made from. */
type Data = Record<string, unknown> & { _parent?: Data };

type Fn = (context: unknown, options?: { data?: Data; blockParams?: unknown[] }) => string;

/** What a running template reads of its engine: the registered helpers and partials. */
export interface Registry {
  helpers: Record<string, unknown>;
  partials: Record<string, unknown>;
}

export type RunOptions = { data?: Data; partial?: boolean } & Record<string, unknown>;
export type TemplateRun = (context: unknown, options?: RunOptions) => string;

/** The block parameters (`as |item index|`) of the programs enclosing a statement, innermost first. */
interface Scope {
  names: readonly string[] | undefined;
  values: readonly unknown[] | undefined;
  outer: Scope | undefined;
}

interface Env {
  context: unknown;
  data: Data;
  scope: Scope | undefined;
  /** The contexts of the enclosing blocks, innermost first (what `../` walks). */
  depths: readonly unknown[];
}

const noop: Fn = () => '';

/** Handlebars' property lookup with prototype access denied: only a value's own properties. */
function lookupProperty(parent: unknown, name: string): unknown {
  const result = (parent as Record<string, unknown>)[name];
  if (result === null || result === undefined) return result;
  if (Object.prototype.hasOwnProperty.call(parent, name) && !(name === 'constructor' && typeof result === 'function' && parent === result.prototype)) return result;
  return undefined;
}

function createFrame(data: Data): Data {
  const frame: Data = {};
  for (const key in data) if (Object.hasOwn(data, key)) frame[key] = data[key];
  frame._parent = data;
  return frame;
}

/** `this`, `.`, `./x`, `this.x`: a name that is not looked up among block parameters. */
const scoped = (path: PathExpression) => /^\.|this\b/.test(path.original);

export function runnable(ast: Program, registry: Registry): TemplateRun {
  // Each template has its own stand-in for a missing context, as Handlebars' container does.
  const nullContext = Object.seal({});

  const self = (env: Env) => (env.context !== null && env.context !== undefined ? env.context : nullContext);

  function program(node: Program | undefined, env: Env): Fn {
    if (!node) return noop;
    return (context, options = {}) => {
      const depths = env.depths.length > 0 && context != env.depths[0] && !(context === nullContext && env.depths[0] === null) ? [context, ...env.depths] : env.depths;
      const inner: Env = { context, data: options.data ?? env.data, depths, scope: { names: node.blockParams, values: options.blockParams, outer: env.scope } };
      return body(node, inner);
    };
  }

  function body(node: Program, env: Env): string {
    let out = '';
    // Indexed, as in walk() and the stored trees' positions: a run of the CLI is over before V8
    // optimizes this code, and the interpreter makes an iterator result for every step of a for…of
    // or a destructuring (0.7% of a validate's instructions, counted by callgrind).
    for (let i = 0; i < node.body.length; i++) out += run(node.body[i]!, env);
    return out;
  }

  function run(node: Statement, env: Env): string {
    switch (node.type) {
      case 'ContentStatement':
        return (node as hbs.AST.ContentStatement).value;
      case 'MustacheStatement':
        return text(call(node as hbs.AST.MustacheStatement, env));
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        return text(call(block, env, program(block.program, env), program(block.inverse, env)));
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return partial(node as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, env);
      default:
        // Comments; decorators were refused before.
        return '';
    }
  }

  function call(node: Call, env: Env, fn?: Fn, inverse?: Fn): unknown {
    const name = (node.path as PathExpression).original;
    const helper = (lookupProperty(registry.helpers, name) ?? registry.helpers['helperMissing']) as (...args: unknown[]) => unknown;
    const params = node.params.map((p) => value(p, env));
    const options: Record<string, unknown> = { lookupProperty, name, hash: node.hash ? hash(node.hash, env) : {} };
    if (fn || inverse) {
      options['fn'] = fn ?? noop;
      options['inverse'] = inverse ?? noop;
    }
    options['data'] = env.data;
    options['loc'] = { start: node.loc.start, end: node.loc.end };
    params.push(options);
    return helper.apply(self(env), params);
  }

  function partial(node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, env: Env): string {
    const name = String((node.name as PathExpression | hbs.AST.StringLiteral).original);
    let context = node.params.length > 0 ? value(node.params[0]!, env) : env.context;
    const pairs = node.hash ? hash(node.hash, env) : undefined;
    const options: RunOptions = { name, hash: pairs, data: env.data, partial: true };
    if (pairs) {
      const merged: Record<string, unknown> = {};
      for (const from of [context, pairs] as Record<string, unknown>[]) for (const key in from) if (Object.hasOwn(from, key)) merged[key] = from[key];
      context = merged;
    }
    if (node.type === 'PartialBlockStatement') {
      // The block is what `{{> @partial-block}}` prints inside the piece.
      const fn = program((node as hbs.AST.PartialBlockStatement).program, env);
      const outer = env.data['partial-block'];
      const data = createFrame(env.data);
      data['partial-block'] = (blockContext: unknown, blockOptions: { data?: Data } = {}) => {
        const inner = createFrame(blockOptions.data ?? data);
        inner['partial-block'] = outer;
        return fn(blockContext, { ...blockOptions, data: inner });
      };
      options.data = data;
    }
    const registered = Object.hasOwn(registry.partials, name) ? registry.partials[name] : undefined;
    // A partial block naming a piece that is not a partial prints its own block instead.
    const piece = typeof registered === 'function' ? registered : options.data?.['partial-block'];
    if (typeof piece !== 'function') throw new Error(`The partial ${name} could not be found`);
    const result = (piece as TemplateRun)(context, options);
    if (result === null || result === undefined) throw new Error(`The partial ${name} returned no output`);
    // preventIndent: the indentation of a partial on its own line is printed once, before it.
    return ((node as hbs.AST.PartialStatement).indent ?? '') + result;
  }

  function hash(node: Hash, env: Env): Record<string, unknown> {
    // As Handlebars' code does it: the pairs from last to first, so the first of a repeated name wins.
    const out: Record<string, unknown> = {};
    for (let i = node.pairs.length - 1; i >= 0; i--) out[node.pairs[i]!.key] = value(node.pairs[i]!.value, env);
    return out;
  }

  function value(node: Expression, env: Env): unknown {
    switch (node.type) {
      case 'SubExpression':
        return call(node as hbs.AST.SubExpression, env);
      case 'PathExpression':
        return path(node as PathExpression, env);
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return (node as hbs.AST.StringLiteral).value;
      case 'NullLiteral':
        return null;
      default:
        return undefined;
    }
  }

  function path(node: PathExpression, env: Env): unknown {
    const parts = node.parts;
    if (!node.depth && !scoped(node)) {
      for (let scope = env.scope; scope; scope = scope.outer) {
        const index = scope.names?.indexOf(parts[0]!) ?? -1;
        if (index < 0) continue;
        // Handlebars indexes the values as given: a block whose helper gave none cannot be read.
        if (!scope.values) throw new TypeError(`block parameter ${parts[0]} has no value`);
        return resolve(scope.values[index], parts, 1);
      }
    }
    if (node.data) {
      let data: Data | undefined = env.data;
      for (let depth = node.depth; data && depth > 0; depth--) data = data._parent;
      // Data paths stop at the first falsy part, not only at null.
      let current: unknown = data;
      for (const part of parts) current = current && lookupProperty(current, part);
      return current;
    }
    const base = node.depth ? env.depths[node.depth] : env.context;
    return resolve(base, parts, 0);
  }

  return (context, options = {}) => {
    let data = options.data ?? ({} as Data);
    if (!options.partial && !('root' in data)) {
      data = options.data ? createFrame(options.data) : {};
      data.root = context;
    }
    return body(ast, { context, data, depths: [context], scope: { names: ast.blockParams, values: undefined, outer: undefined } });
  };
}

function resolve(base: unknown, parts: readonly string[], from: number): unknown {
  let current = base;
  for (let i = from; i < parts.length; i++) current = current !== null && current !== undefined ? lookupProperty(current, parts[i]!) : current;
  return current;
}

/** What Handlebars appends for a value: nothing for null and undefined. */
function text(value: unknown): string {
  return value === null || value === undefined ? '' : '' + (value as string);
}

