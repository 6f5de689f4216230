/**
 * The two parts of Handlebars the engine loads: the runtime (helpers, partials, the built-in
 * blocks) and the parser. Its compiler to JavaScript is never loaded: templates are walked
 * (template-run.ts).
 */
declare module 'handlebars/runtime.js' {
  import Handlebars from 'handlebars';
  const runtime: Pick<typeof Handlebars, 'helpers' | 'partials' | 'decorators' | 'registerHelper' | 'unregisterHelper' | 'registerPartial' | 'unregisterDecorator' | 'VERSION'> & {
    create(): typeof runtime;
  };
  export default runtime;
}

declare module 'handlebars/dist/cjs/handlebars/compiler/base.js' {
  /** Parses and applies whitespace control (`~`, standalone lines), as Handlebars.parse does. */
  export function parse(input: string): hbs.AST.Program;
  /** The jison parser; after a failed parse its lexer still holds where it stopped. */
  export const parser: { lexer?: { matched: string; match: string } };
}
