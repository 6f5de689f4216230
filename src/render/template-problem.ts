/** What goes wrong in a template or a paragraph of prose, and where: shared by the engine and the checks that run before it. */

/** A problem found while compiling or rendering, with a position inside the template text. */
export interface TemplateProblem {
  kind:
    | 'syntax'
    | 'missing-field'
    | 'unavailable'
    | 'unknown-helper'
    | 'misspelt-helper'
    | 'missing-partial'
    | 'helper'
    | 'render'
    | 'blank'
    | 'too-large'
    | 'too-many-tags'
    | 'too-deep'
    | 'too-much-output'
    | 'too-many-steps'
    | 'partial-cycle'
    | 'partials-too-deep';
  /** The figure or field as written, the helper or partial name, or the detail. */
  subject: string;
  detail: string;
  line?: number;
  column?: number;
  /** A second place `detail` names (as RELATED), in the same text: the other tag of a mismatched pair. */
  related?: { line: number; column: number };
  /** Name of the template piece (or prose) in which it occurred. */
  source: string;
}

export class TemplateError extends Error {
  constructor(
    readonly problem: TemplateProblem,
    options?: { cause?: unknown },
  ) {
    super(problem.detail, options);
  }
}
