/**
 * What one build may execute and produce, over all its templates and prose: nested loops over
 * the data, or partials that include each other several times, multiply; four nested {{#each}}
 * wrote a 643 MB report.md before. The engine counts against these as it renders.
 */

/** The limits, for one engine (one build). */
export const RENDER_LIMITS = {
  /**
   * Block bodies, partials and prose strings executed. The bundled reports, national scale
   * included, take about 100; a partial costs about 10 µs, so a template can spend at most 2 s.
   */
  steps: 200_000,
  /** Characters produced (prose counts twice: rendered, then placed in the report). The bundled reports produce about 25,000. */
  output: 4_000_000,
  /** Partials inside partials. The built-in report goes 3 deep. */
  partialDepth: 20,
} as const;

/** Marks a HelperError thrown by the budget rather than by a helper's arguments. */
export const OVER = { steps: 'too-many-steps', output: 'too-much-output' } as const;
export type Over = keyof typeof OVER;

/** The budget ran out as a partial was entered: its caller knows where the `{{> name}}` is. */
export class OverInPartial extends Error {
  constructor(
    readonly over: Over,
    readonly partial: string,
  ) {
    super(over);
  }
}

/**
 * Counts steps and characters. Each block body or partial is a frame: what it returns is
 * counted less what its inner frames and values were already counted for, so each character is
 * counted once however deep it was made.
 */
export class Budget {
  private steps = 0;
  private chars = 0;
  private readonly frames: number[] = [];

  get depth(): number {
    return this.frames.length;
  }

  /** A new build: nothing spent yet (an engine kept between builds of a watch session). */
  reset(): void {
    this.steps = 0;
    this.chars = 0;
    this.frames.length = 0;
  }

  run(produce: () => string, over: (what: Over) => never): string {
    if (++this.steps > RENDER_LIMITS.steps) over('steps');
    this.frames.push(0);
    let inner = 0;
    let out: string;
    try {
      out = produce();
    } finally {
      inner = this.frames.pop()!;
    }
    this.add(out.length - inner, over);
    return out;
  }

  /** A value or helper result placed in the current frame. */
  add(chars: number, over: (what: Over) => never): void {
    this.chars += chars;
    if (this.frames.length > 0) this.frames[this.frames.length - 1]! += chars;
    if (this.chars > RENDER_LIMITS.output) over('output');
  }
}
