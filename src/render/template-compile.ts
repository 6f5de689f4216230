/**
 * Handlebars' parser, as the engine uses it: its English errors put into Chinese at the
 * position they concern.
 */
import { createRequire } from 'node:module';
import type * as HandlebarsParser from 'handlebars/dist/cjs/handlebars/compiler/base.js';
import { lineColumn } from '../load/markdown-prose.js';
import { parseSimple } from './simple-template.js';

type Program = hbs.AST.Program;

let loaded: typeof HandlebarsParser | undefined;
/**
 * The parser, required on first use (parsing is synchronous): simple texts and the built-in
 * templates need none, so a run on them never loads its code (an esbuild external).
 */
const handlebarsParser = (): typeof HandlebarsParser => (loaded ??= createRequire(import.meta.url)('handlebars/dist/cjs/handlebars/compiler/base.js') as typeof HandlebarsParser);

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

/**
 * Handlebars' parser, with its English errors put into Chinese at the position they concern. A
 * simple text (words and plain tags, as prose mostly is) gets the same tree without it.
 */
export function parse(text: string): Program {
  const known = parseSimple(text);
  if (known) return known;
  try {
    return handlebarsParser().parse(text);
  } catch (error) {
    const { detail, line, column } = parseError(text, error);
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

function parseError(text: string, error: unknown): { detail: string; line: number; column: number } {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  if (e.lineNumber !== undefined) {
    // Handlebars' own checks, with a node position (0-based column).
    const path = /^Invalid path: (\S+)/.exec(message)?.[1];
    const detail = path ? `名称“${path}”写法有误：this、..、. 只能写在名称的开头` : '这里的写法无法识别';
    return { detail, line: e.lineNumber, column: (e.column ?? 0) + 1 };
  }
  const lexer: Lexer | undefined = handlebarsParser().parser.lexer;
  const token = /got '([A-Z_]+)'/.exec(message)?.[1] ?? (message.startsWith('Lexical error') ? 'INVALID' : '');
  const found = lexer?.match ?? '';
  const offset = lexer ? Math.min(text.length, lexer.matched.length - found.length) : 0;
  const word = TOKEN_WORDS[token];
  const shown = found.trim() && token !== 'EOF' ? `“${found.trim().slice(0, 20)}”` : '';
  const detail = word ? (token === 'INVALID' ? `${word}${shown || `“${text.slice(offset, offset + 1)}”`}` : word) : `这里的${shown || '内容'}写法无法识别`;
  return { detail, ...lineColumn(text, offset) };
}
