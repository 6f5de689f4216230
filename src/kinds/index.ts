/** The report kinds, by name. */
import { annual } from './annual.js';
import { compilation } from './compilation.js';
import type { ReportKind } from './kind.js';
import { proposals } from './proposals.js';
import { summary } from './summary.js';
import { term } from './term.js';

/** In the order of their declarations (names.ts). */
export const REPORT_KINDS: readonly ReportKind[] = [annual, summary, term, compilation, proposals];

export function reportKind(name: string): ReportKind | undefined {
  return REPORT_KINDS.find((k) => k.name === name);
}
