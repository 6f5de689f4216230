/**
 * Handlebars' parser and compiler, as the engine uses them: their English errors put into
 * Chinese at the position they concern, and the template compiled at once from the checked AST
 * (no code is kept between runs or read back).
 */
import type Handlebars from 'handlebars';
import { lineColumn } from '../load/markdown-prose.js';

type HB = typeof Handlebars;
type Program = hbs.AST.Program;

const COMPILE_OPTIONS = { noEscape: true, preventIndent: true, data: true } as const;

/** A syntax problem of Handlebars' own, in Chinese, at its position; the library's error is the cause. */
export class CompileFailure extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly column: number,
    cause: unknown,
  ) {
    super(detail, { cause });
  }
}

/** Handlebars' parser, with its English errors put into Chinese at the position they concern. */
export function parse(hb: HB, text: string): Program {
  try {
    return hb.parse(text);
  } catch (error) {
    const { detail, line, column } = parseError(hb, text, error);
    throw new CompileFailure(detail, line, column, error);
  }
}

/** The jison lexer behind Handlebars' parser: after a failed parse it still holds where it stopped. */
interface Lexer {
  matched: string;
  match: string;
}

const TOKEN_WORDS: Record<string, string> = {
  EOF: '模板在这里意外结束，前面有没写完的 {{ 或块',
  CLOSE: '“}}”之前缺少内容',
  CLOSE_UNESCAPED: '多了一个“}”：{{ 用 }} 闭合（只有 {{{ 才用 }}}）',
  OPEN_SEXPR: '这里不能写“(”',
  CLOSE_SEXPR: '多了一个“)”',
  EQUALS: '这里不能写“=”',
  SEP: '名称中的“.”或“/”位置不对',
  OPEN_BLOCK_PARAMS: '这里不能写 as |…|',
  INVALID: '无法识别的字符',
};

function parseError(hb: HB, text: string, error: unknown): { detail: string; line: number; column: number } {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  if (e.lineNumber !== undefined) {
    // Handlebars' own checks, with a node position (0-based column).
    const path = /^Invalid path: (\S+)/.exec(message)?.[1];
    const detail = path ? `名称“${path}”写法有误：this、..、. 只能写在名称的开头` : '这里的写法无法识别';
    return { detail, line: e.lineNumber, column: (e.column ?? 0) + 1 };
  }
  const lexer = (hb as unknown as { Parser: { lexer?: Lexer } }).Parser.lexer;
  const token = /got '([A-Z_]+)'/.exec(message)?.[1] ?? (message.startsWith('Lexical error') ? 'INVALID' : '');
  const found = lexer?.match ?? '';
  const offset = lexer ? Math.min(text.length, lexer.matched.length - found.length) : 0;
  const word = TOKEN_WORDS[token];
  const shown = found.trim() && token !== 'EOF' ? `“${found.trim().slice(0, 20)}”` : '';
  const detail = word ? (token === 'INVALID' ? `${word}${shown || `“${text.slice(offset, offset + 1)}”`}` : word) : `这里的${shown || '内容'}写法无法识别`;
  return { detail, ...lineColumn(text, offset) };
}

/**
 * Compiles now, as Handlebars.compile would on the first call: its compile-time checks then
 * come up with the others, before anything runs.
 */
export function compileAst(hb: HB, ast: Program): Handlebars.TemplateDelegate {
  const env = hb as unknown as {
    Compiler: new () => { compile(ast: Program, options: object): unknown };
    JavaScriptCompiler: new () => { compile(environment: unknown, options: object, context: undefined, asObject: true): unknown };
  };
  const options = { ...COMPILE_OPTIONS };
  try {
    const environment = new env.Compiler().compile(ast, options);
    const spec = new env.JavaScriptCompiler().compile(environment, options, undefined, true);
    return hb.template(spec as Parameters<HB['template']>[0]);
  } catch (error) {
    const e = error as { lineNumber?: number; column?: number };
    throw new CompileFailure('这里的写法无法识别', e.lineNumber ?? 1, e.lineNumber !== undefined ? (e.column ?? 0) + 1 : 1, error);
  }
}
