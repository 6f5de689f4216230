/**
 * The term report (届末五年工作报告), check stage: the years of the range are each loaded and
 * checked as for an annual report, the term folder (`term-2018-2022/`: sitting and the term
 * narrative) is checked against its schema, and the figures are computed per year and summed.
 * A year missing from the range is an error that names the year.
 */
import path from 'node:path';
import { computeYear, type YearFigures } from '../compute/figures.js';
import { computeTerm } from '../compute/term.js';
import { diagnostic } from '../diagnostics/catalogue.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath, loadFolder, loadProject } from '../load/project.js';
import type { PipelineOptions, PipelineResult } from '../pipeline.js';
import type { TermContext } from '../render/context.js';
import { crossCheck } from '../validate/cross-check.js';
import { checkOrganization, checkYear } from '../validate/schema-check.js';
import { checkTermFolder } from '../validate/term-check.js';

export interface YearRange {
  from: number;
  to: number;
}

/** The folder of a term's own files, inside the data folder: `term-2018-2022`. */
export function termFolderName(range: YearRange): string {
  return `term-${range.from}-${range.to}`;
}

export function yearsOf(range: YearRange): number[] {
  return Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
}

export async function checkTerm(options: PipelineOptions, range: YearRange): Promise<PipelineResult> {
  const cwd = options.cwd ?? process.cwd();
  const dataDir = path.resolve(cwd, options.dataDir);
  const years = yearsOf(range);
  const project = await loadProject({ dataDir, years, cwd, ...(options.memo ? { memo: options.memo } : {}) });
  const diagnostics: Diagnostic[] = [...project.diagnostics];
  const done = (extra: Partial<PipelineResult> = {}): PipelineResult => ({ year: range.to, range, diagnostics: sortDiagnostics(diagnostics), project, ...extra });
  // No data folder at all: the loader has said so, and every year would repeat it.
  if (diagnostics.some((d) => d.code === 'RPT101')) return done();

  const termDir = path.join(dataDir, termFolderName(range));
  const termFolder = await loadFolder(termDir, cwd, diagnostics, options.memo);
  const term = termFolder ? checkTermFolder(termFolder, range) : undefined;
  if (term) diagnostics.push(...term.diagnostics);
  else diagnostics.push(diagnostic('termFolderMissing', { folder: displayPath(cwd, termDir), ...range }));

  const org = checkOrganization(project.organization);
  diagnostics.push(...org.diagnostics);
  const figures: YearFigures[] = [];
  for (const year of years) {
    const loaded = project.years.get(year);
    if (!loaded) {
      diagnostics.push(diagnostic('termYearMissing', { folder: displayPath(cwd, path.join(dataDir, String(year))), year, ...range }));
      continue;
    }
    const checked = checkYear(loaded);
    diagnostics.push(...checked.diagnostics);
    // The year's records only: its sitting and narrative, if any, belong to its annual report.
    diagnostics.push(...crossCheck({ ...(org.organization ? { organization: org.organization } : {}), year: checked.year }, { current: false }));
    figures.push(computeYear(checked.year));
  }
  const extra: Partial<PipelineResult> = term ? { term: term.term } : {};
  const sitting = term?.term.sitting;
  if (!org.organization || !sitting || figures.length !== years.length) return done(extra);
  const termContext: TermContext = {
    term: computeTerm(figures),
    years: Object.fromEntries(figures.map((f) => [String(f.year), f])),
    organization: org.organization,
    sitting: { ...sitting, reportingTerm: sitting.reportingTerm ?? sitting.term },
  };
  return done({ ...extra, termContext });
}
