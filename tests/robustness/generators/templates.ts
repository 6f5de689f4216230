/**
 * Mutations of an editor's template folder (a copy of the built-in templates, given with
 * --templates): the text mutations, and what editing Handlebars goes wrong with — a closing tag
 * deleted or misspelt, a helper misspelt, a field renamed, a partial named that does not exist,
 * template syntax pasted in. The folder sits beside `data/` (its files are `../templates/…`).
 */
import fc from 'fast-check';
import { applyTextMutation, nat, TEMPLATE_BITS, textMutation } from './text.js';
import { unchanged, type Files, type InputGenerator, type Mutation, type Outcome } from './types.js';

/** Where the template folder's files are, relative to the data folder. */
export const TEMPLATES_PREFIX = '../templates/';

const templateMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: textMutation, weight: 4 },
  fc.record({ op: fc.constant('dropClosing'), pick: nat }),
  fc.record({ op: fc.constant('misspellBlock'), pick: nat }),
  fc.record({ op: fc.constant('renameField'), pick: nat, suffix: fc.constantFrom('x', '_', '.count', '.constructor', '.__proto__') }),
  fc.record({ op: fc.constant('insertTag'), pick: nat, tag: fc.constantFrom(...TEMPLATE_BITS, '{{> nosuch}}', '{{#each organization}}{{/each}}', '{{lookup organization}}', '{{log 1}}', '{{sum (sum (sum 1 2) 3) 4}}') }),
);

export const templateGenerator: InputGenerator = {
  name: 'templates',
  // The annual report's pieces: those the oracle's build compiles.
  files: (files: Files) => [...files.keys()].filter((f) => f.startsWith(`${TEMPLATES_PREFIX}annual/`) && f.endsWith('.hbs')).sort(),
  mutation: templateMutation,
  apply: (bytes, m) => applyTextMutation(bytes, m) ?? mutateTags(bytes.toString('utf8'), m) ?? unchanged(bytes),
};

function mutateTags(text: string, m: Mutation): Outcome | undefined {
  const pick = <T>(list: readonly T[]) => list[(m.pick as number) % Math.max(1, list.length)];
  const out = (t: string, breaks = false): Outcome => ({ bytes: Buffer.from(t, 'utf8'), applied: true, breaks });
  const splice = (at: number, length: number, put: string) => text.slice(0, at) + put + text.slice(at + length);
  switch (m.op) {
    case 'dropClosing': {
      // Every template is compiled before anything runs, so a block left open is always an error there.
      const c = pick([...text.matchAll(/\{\{\/(each|if|unless|with)\}\}/g)]);
      return c ? out(splice(c.index!, c[0].length, ''), true) : undefined;
    }
    case 'misspellBlock': {
      const c = pick([...text.matchAll(/\{\{#(each|if|unless|with)\b/g)]);
      return c ? out(splice(c.index! + 3, c[1]!.length, `${c[1]!.slice(1)}${c[1]![0]}`), true) : undefined;
    }
    case 'renameField': {
      // Not certain to be an error: the name may stand in a branch the data never takes.
      const c = pick([...text.matchAll(/\{\{(?![#/!>^]|else\b)[^{}\s]*?([A-Za-z_][\w.]*)\}\}/g)]);
      return c ? out(splice(c.index! + c[0].length - 2, 0, m.suffix as string)) : undefined;
    }
    case 'insertTag': {
      const tags = [...text.matchAll(/\{\{[^{}]*\}\}/g)];
      const c = pick(tags);
      const at = c ? c.index! + c[0].length : 0;
      return out(splice(at, 0, m.tag as string));
    }
    default:
      return undefined;
  }
}
