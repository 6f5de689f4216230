/**
 * Handlebars templates run the strict way this genre needs: every `{{figure}}` that the data cannot
 * supply (missing, or a rate with a zero denominator) stops the build with the template's line
 * and the figure's name, instead of printing an empty gap.
 *
 * A template goes through three checks before it runs: a scan of its text (template-scan.ts:
 * size, number of tags, nesting, unclosed and mismatched tags), Handlebars' parser (its errors
 * put into Chinese at their position), and a pass over the parsed template (template-ast.ts:
 * only the documented helpers, with the right number of arguments; missing values refused).
 * It then runs by walking its parsed form (template-run.ts): no code is generated, kept or read back.
 *
 * While it runs, one budget per engine (one build) counts the block bodies and partials
 * executed and the characters produced, so that nested loops over the data cannot write
 * hundreds of megabytes; a partial that includes itself is refused before anything runs.
 */
import Handlebars from 'handlebars/runtime.js';
import type { HelperOptions } from 'handlebars';
import { HelperError, registerHelpers, type SourceLoc } from './helpers.js';
import { Budget, OVER, OverInPartial, RENDER_LIMITS, type Over } from './budget.js';
import { BLANK, BLOCK_HELPERS, DEFINED, VALUE, callKey, callsOf, describe, prepareIndexed, walk, type Call, type PartialReference } from './template-ast.js';
import { storedTemplate } from '../load/template-trees.js';
import { CompileFailure, parse } from './template-compile.js';
import { parseSimple } from './simple-template.js';
import { runnable, type TemplateRun } from './template-run.js';
import { lineColumn } from '../load/markdown-prose.js';
import { scanTemplate } from './template-scan.js';
import { TemplateError, type TemplateProblem } from './template-problem.js';

export { RENDER_LIMITS } from './budget.js';
import { missingFigures } from './missing-figures.js';

export { KNOWN_HELPERS } from './template-ast.js';

type HB = typeof Handlebars;
type Program = hbs.AST.Program;

export { TemplateError, type TemplateProblem } from './template-problem.js';

export type CompiledTemplate = TemplateRun;

export interface Engine {
  hb: HB;
  /** Compiles `text` as piece `source`; throws TemplateError on any problem found before running it. */
  compile(text: string, source: string): CompiledTemplate;
  /** Every figure `text` cites in its own scope that `context` does not have (see missing-figures.ts). */
  missing(text: string, context: unknown, source: string): TemplateProblem[];
  /** Starts a new build's budget: for an engine kept between the builds of a watch session. */
  reset(): void;
}



/**
 * Texts parsed, as the parser gave them (its tree is never changed: compiling rewrites a copy).
 * Shared by the engines of one process: the reports validate checks share their built-in pieces,
 * and prose is parsed once for its missing figures and once to run; the parser is the costly part.
 */
const parsedTexts = new Map<string, { ast: Program } | { error: unknown }>();

function parseOnce(text: string): { ast: Program } | { error: unknown } {
  let parsed = parsedTexts.get(text);
  if (parsed === undefined) {
    try {
      parsed = { ast: parse(text) };
    } catch (error) {
      parsed = { error };
    }
    if (parsedTexts.size > 10_000) parsedTexts.clear();
    parsedTexts.set(text, parsed);
  }
  return parsed;
}

export function createEngine(partialNames: () => readonly string[] = () => []): Engine {
  const hb = Handlebars.create();
  const budget = new Budget();
  /** Texts compiled by this engine, by source and text. */
  const compiledTexts = new Map<string, CompiledTemplate>();
  /** The `{{> name}}` statements of each compiled piece, to refuse a partial that includes itself. */
  const references = new Map<string, PartialReference[]>();

  // Only the documented helpers: log wrote to stderr from prose; inline defined partials inside a piece.
  for (const name of Object.keys(hb.helpers)) if (!BLOCK_HELPERS.includes(name) && name !== 'lookup') hb.unregisterHelper(name);
  for (const name of Object.keys(hb.decorators)) hb.unregisterDecorator(name);

  const overAt = (helper: string, loc: SourceLoc | undefined) => (what: Over): never => {
    throw new HelperError(helper, OVER[what], loc, undefined);
  };
  registerHelpers((name, fn) =>
    hb.registerHelper(name, (...raw: unknown[]) => {
      // The value itself goes back: inc and sum give numbers, which another helper may take.
      const out: unknown = fn(...raw);
      const loc = (raw[raw.length - 1] as { loc?: SourceLoc }).loc;
      refuseBlank(name, String(out), loc);
      budget.add(String(out).length, overAt(name, loc));
      return out;
    }),
  );
  for (const name of BLOCK_HELPERS) {
    const builtin = hb.helpers[name] as (...args: unknown[]) => unknown;
    hb.registerHelper(name, function (this: unknown, ...raw: unknown[]) {
      const options = raw[raw.length - 1] as HelperOptions & { loc?: SourceLoc };
      const over = overAt(name, options.loc);
      const counted = (body: HelperOptions['fn']) =>
        function (this: unknown, ...args: Parameters<HelperOptions['fn']>) {
          return budget.run(() => body.apply(this, args), over);
        };
      return builtin.apply(this, [...raw.slice(0, -1), { ...options, fn: counted(options.fn), inverse: counted(options.inverse) }]);
    });
  }
  const refuseMissing = (helper: string, raw: unknown[]) => {
    const options = raw[raw.length - 1] as { loc?: SourceLoc };
    const value = raw[0];
    if (value === undefined || value === null) {
      throw new HelperError(helper, value === null ? '数据无法提供这个数字' : '字段不存在', options.loc, 0, value === null);
    }
    return value;
  };
  hb.registerHelper(VALUE, (...raw: unknown[]) => {
    const value = refuseMissing(VALUE, raw);
    const loc = (raw[raw.length - 1] as { loc?: SourceLoc }).loc;
    if (typeof value === 'object') {
      throw new HelperError(VALUE, '这是一组数据而不是单个数字或文字，请写到具体的字段（如 .count）', loc, 0);
    }
    const out = String(value);
    refuseBlank(VALUE, out, loc);
    budget.add(out.length, overAt(VALUE, loc));
    return out;
  });
  hb.registerHelper(DEFINED, (...raw: unknown[]) => refuseMissing(DEFINED, raw));
  for (const name of ['helperMissing', 'blockHelperMissing']) {
    hb.registerHelper(name, (...raw: unknown[]) => {
      const options = raw[raw.length - 1] as { name: string; loc?: SourceLoc };
      throw new HelperError(options.name, 'unknown-helper', options.loc, undefined);
    });
  }

  /** Refuses a partial that includes itself, or partials nested too deep, at the `{{> name}}` that does it. */
  const checkPartials = (start: string): void => {
    const height = new Map<string, number>();
    const path: string[] = [];
    const visit = (name: string): number => {
      path.push(name);
      let tallest = 0;
      for (const ref of references.get(name) ?? []) {
        // Only pieces registered as partials are entered: including another (the report itself, a piece from
        // prose) is refused by Handlebars as a partial not found, placed at the statement.
        if (!Object.hasOwn(hb.partials, ref.name)) continue;
        const at = { source: name, line: ref.line, column: ref.column };
        if (path.includes(ref.name)) {
          const chain = [...path.slice(path.indexOf(ref.name)), ref.name].join(' → ');
          throw new TemplateError({ kind: 'partial-cycle', subject: ref.name, detail: chain, ...at });
        }
        const below = height.get(ref.name) ?? visit(ref.name);
        if (path.length + below > RENDER_LIMITS.partialDepth) {
          throw new TemplateError({ kind: 'partials-too-deep', subject: ref.name, detail: String(RENDER_LIMITS.partialDepth), ...at });
        }
        tallest = Math.max(tallest, below);
      }
      path.pop();
      height.set(name, tallest + 1);
      return tallest + 1;
    };
    visit(start);
  };

  return {
    hb,
    reset() {
      budget.reset();
    },
    missing(text, context, source) {
      // A piece that does not scan or parse is reported by compile.
      if (scanTemplate(text, BLOCK_HELPERS)) return [];
      const parsed = parseOnce(text);
      return 'ast' in parsed ? missingFigures(parsed.ast, context, source) : [];
    },
    compile(text, source) {
      // Prose is compiled once per text while the engine lives (a watch session keeps it).
      const key = `${source}\0${text}`;
      const known = compiledTexts.get(key);
      if (known) return known;
      const made = compileText(text, source);
      if (compiledTexts.size > 10_000) compiledTexts.clear();
      compiledTexts.set(key, made);
      return made;
    },
  };
  function compileText(text: string, source: string): CompiledTemplate {
    const { ast, partials, calls, unrunnable } = preparedText(text, source);
    checkPartialReferences(partials, source, partialNames());
    // The one form Handlebars' parser takes and its compiler refuses (found when the text was prepared).
    if (unrunnable) throw new TemplateError({ kind: 'syntax', subject: '', detail: '{{> 片段名}} 之后最多写一个参数（片段使用的数据）', source, line: unrunnable.start.line, column: unrunnable.start.column + 1 });
    const template = runnable(ast, hb);
    references.set(source, partials);
    return (context, options) => {
      const outermost = budget.depth === 0;
      try {
        if (outermost) checkPartials(source);
        return budget.run(
          () => template(context, options),
          (what) => {
            if (outermost) throw new TemplateError({ kind: OVER[what], subject: '', detail: '', source, line: 1, column: 1 });
            throw new OverInPartial(what, source);
          },
        );
      } catch (error) {
        if (error instanceof OverInPartial && error.partial === source) throw error;
        throw toTemplateError(error, ast, calls, source);
      }
    };
  }
}

/** A text as it runs: scanned, parsed and rewritten (template-ast.ts), with its partials and calls found. */
interface PreparedText {
  ast: Program;
  partials: PartialReference[];
  /** Wanted only to place a problem: a stored template's are found when first asked for. */
  calls: () => ReadonlyMap<string, Call>;
  /** Where the text gives a partial more than one argument (template-ast.ts); never in a stored template. */
  unrunnable?: SourceLoc;
}

/**
 * Texts prepared, shared by the engines of one process like the parsed ones: what preparing
 * gives depends on the text alone, and the reports validate checks share their pieces and prose
 * (the summary prints the annual report's). Never changed once made: each engine runs it as it is.
 */
const preparedTexts = new Map<string, PreparedText>();

function preparedText(text: string, source: string): PreparedText {
  const known = preparedTexts.get(text);
  if (known) return known;
  // A built-in template, prepared when the package was bundled (it scanned and prepared cleanly then).
  const stored = storedTemplate(text);
  if (stored) {
    let calls: Map<string, Call> | undefined;
    return remember(text, { ...stored, calls: () => (calls ??= callsOf(stored.ast)) });
  }
  const scanned = scanTemplate(text, BLOCK_HELPERS);
  if (scanned) {
    const related = scanned.related === undefined ? {} : { related: lineColumn(text, scanned.related) };
    throw new TemplateError({ kind: scanned.kind, subject: '', detail: scanned.detail, source, ...lineColumn(text, scanned.offset), ...related });
  }
  // prepare() rewrites the tree in place, so it gets a tree of its own: a simple text is parsed
  // anew (cheaper than a copy), any other text's shared parse is copied.
  let ast = parseSimple(text);
  if (!ast) {
    const parsed = parseOnce(text);
    if ('error' in parsed) throw syntaxError(parsed.error, source);
    ast = structuredClone(parsed.ast);
  }
  const indexed = prepareIndexed(ast);
  if ('refused' in indexed) {
    const { loc, ...problem } = indexed.refused;
    throw new TemplateError({ ...problem, source, line: loc.start.line, column: loc.start.column + 1 });
  }
  const { partials, calls, unrunnable } = indexed;
  return remember(text, { ast, partials, calls: () => calls, ...(unrunnable ? { unrunnable } : {}) });
}

function remember(text: string, made: PreparedText): PreparedText {
  if (preparedTexts.size > 10_000) preparedTexts.clear();
  preparedTexts.set(text, made);
  return made;
}

function syntaxError(error: unknown, source: string): unknown {
  if (!(error instanceof CompileFailure)) return error;
  return new TemplateError({ kind: 'syntax', subject: '', detail: error.detail, source, line: error.line, column: error.column }, { cause: error.cause });
}

function checkPartialReferences(references: readonly PartialReference[], source: string, known: readonly string[]): void {
  for (const { name, line, column, computed } of references) {
    // Only the pieces found in the template folders: a name computed at render time could not be checked here.
    if (computed) throw new TemplateError({ kind: 'syntax', subject: '', detail: '片段名要直接写出（如 {{> opening}}），不能由表达式得出', source, line, column });
    if (!known.includes(name)) throw new TemplateError({ kind: 'missing-partial', subject: name, detail: name, source, line, column });
  }
}

/** A value that would print as a blank ("undefined", "NaN"), with the text around it. */
class BlankValue extends HelperError {
  constructor(
    helper: string,
    readonly snippet: string,
    loc: SourceLoc | undefined,
  ) {
    super(helper, 'blank', loc, 0);
  }
}

/** A text of the data holding "undefined" would be taken for a blank by the output check: say where it is printed. */
function refuseBlank(helper: string, out: string, loc: SourceLoc | undefined): void {
  const blank = BLANK.exec(out);
  if (blank) throw new BlankValue(helper, out.slice(Math.max(0, blank.index - 12), blank.index + blank[0].length + 12), loc);
}

function toTemplateError(error: unknown, ast: Program, calls: () => ReadonlyMap<string, Call>, source: string): TemplateError {
  if (error instanceof TemplateError) return error;
  const at = (loc: SourceLoc | undefined) => (loc ? { line: loc.start.line, column: loc.start.column + 1 } : { line: 1, column: 1 });
  if (error instanceof OverInPartial) {
    // Thrown as the partial was entered: placed at the `{{> name}}` of this piece that entered it.
    let statement: SourceLoc | undefined;
    walk(ast, (node) => {
      if (statement || (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement')) return;
      if (String((node as unknown as { name: { original?: unknown } }).name.original) === error.partial) statement = node.loc;
    });
    return new TemplateError({ kind: OVER[error.over], subject: error.partial, detail: '', source, ...at(statement) });
  }
  if (error instanceof HelperError) {
    if (error.detail === OVER.steps || error.detail === OVER.output) {
      return new TemplateError({ kind: error.detail, subject: error.helper, detail: '', source, ...at(error.loc) });
    }
    if (error.detail === 'unknown-helper') {
      return new TemplateError({ kind: 'unknown-helper', subject: error.helper, detail: error.helper, source, ...at(error.loc) });
    }
    const call = error.loc ? calls().get(callKey(error.helper, error.loc)) : undefined;
    const argument = error.argIndex !== undefined ? call?.params[error.argIndex] : undefined;
    const subject = argument ? describe(argument) : undefined;
    // __value speaks of the whole {{…}}; a helper, of the argument it refuses.
    const where = error.helper === VALUE || !argument ? at(error.loc) : at(argument.loc as SourceLoc);
    if (error instanceof BlankValue) return new TemplateError({ kind: 'blank', subject: subject ?? '?', detail: error.snippet, source, ...where });
    if (error.helper === VALUE && !error.unavailable && error.detail !== '字段不存在') {
      return new TemplateError({ kind: 'render', subject: subject ?? '?', detail: `“${subject ?? '?'}”${error.detail}`, source, ...where });
    }
    if (error.helper === VALUE || error.helper === DEFINED) {
      const kind = error.unavailable ? 'unavailable' : 'missing-field';
      return new TemplateError({ kind, subject: subject ?? '?', detail: error.detail, source, ...where });
    }
    if (error.unavailable) {
      return new TemplateError({ kind: 'unavailable', subject: subject ?? error.helper, detail: error.detail, source, ...where });
    }
    // A figure's name tells where the refused value came from; a literal is in the message already.
    const from = argument && argument.type !== 'StringLiteral' && argument.type !== 'NumberLiteral' && argument.type !== 'BooleanLiteral' ? `（来自 ${subject}）` : '';
    return new TemplateError({ kind: 'helper', subject: error.helper, detail: `${error.detail}${from}`, source, ...where });
  }
  const message = error instanceof Error ? error.message : String(error);
  // A piece that exists but is not a partial where it is used ({{> report}}, or any piece in
  // narrative prose): Handlebars says so without a position; the statement naming it has one.
  const partial = /^The partial (.+) could not be found/.exec(message)?.[1];
  if (partial !== undefined) {
    let statement: SourceLoc | undefined;
    walk(ast, (node) => {
      if (statement || (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement')) return;
      if (String((node as unknown as { name: { original?: unknown } }).name.original) === partial) statement = node.loc;
    });
    if (statement) return new TemplateError({ kind: 'missing-partial', subject: partial, detail: partial, source, ...at(statement) });
  }
  // Not expected after the checks above; the library's words stay out of the message, kept as the cause.
  const e = error as { lineNumber?: number; column?: number };
  const where = e.lineNumber !== undefined ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : { line: 1, column: 1 };
  const detail = error instanceof RangeError ? '模板嵌套或片段互相引用太深，超出了处理能力' : '模板在这里运行出错';
  return new TemplateError({ kind: 'render', subject: '', detail, source, ...where }, { cause: error });
}
