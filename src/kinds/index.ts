/** The report kinds, by name. */
import { annual } from './annual.js';
import { compilation } from './compilation.js';
import type { KindInput, ReportKind } from './kind.js';
import { proposals } from './proposals.js';
import { summary } from './summary.js';
import { term } from './term.js';

export const REPORT_KINDS: readonly ReportKind[] = [annual, summary, term, compilation, proposals];

export function reportKind(name: string): ReportKind | undefined {
  return REPORT_KINDS.find((k) => k.name === name);
}

/** The kind for a request that names none: by its years and data folders (the first kind that fits: annual for one year and folder). */
export function defaultKind(years: KindInput['years'], dataFolders: KindInput['dataFolders']): ReportKind {
  return REPORT_KINDS.find((k) => k.input.years === years && k.input.dataFolders === dataFolders) ?? REPORT_KINDS[0]!;
}
