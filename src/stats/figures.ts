/**
 * The figures of a year (or a term) from the records alone, for `report stats` and the preview's
 * figure list: what a writer can cite, before a word of the narrative is written. No sitting or
 * narrative is needed; the organisation's and the sitting's names are included when present.
 */
import path from 'node:path';
import { computeTerm, yearFigures, type YearFigures } from '../compute/figures.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { YearRecords } from '../domain/record-kind.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { ReportRequest } from '../kinds/kind.js';
import { termFolderName, yearsOf } from '../kinds/term.js';
import { chooseYear } from '../kinds/year-report.js';
import { displayPath, loadData, yearFolders } from '../load/data-folder.js';
import { sittingContext } from '../compute/context.js';
import { checkSource } from '../validate/source.js';

export interface FiguresOfRecords {
  /** Everything citable, as the report's context has it (without narrative). */
  figures: Record<string, unknown>;
  /** The year before, for comparison (null when its folder is absent); undefined for a term. */
  previous?: YearFigures | null;
  year: number;
  label?: string;
  /** The year's checked records (a year's figures only): what `explain` lists behind a figure. */
  records?: YearRecords;
  diagnostics: Diagnostic[];
}

export function figuresOfRecords(request: Pick<ReportRequest, 'dataDirs' | 'year' | 'range' | 'cwd'>): FiguresOfRecords | { diagnostics: Diagnostic[] } {
  const dataDir = request.dataDirs[0]!;
  const show = (p: string) => displayPath(request.cwd, p);
  if (request.range) {
    const range = request.range;
    const years = yearsOf(range);
    const data = loadData({ dataDir, cwd: request.cwd, years, folders: [termFolderName(range)] });
    const { source, diagnostics } = checkSource(data, { dataDir, year: range.to, years, folders: [termFolderName(range)] }, []);
    const missing = years.filter((y) => !source.years.has(y));
    if (missing.length > 0 || !source.organization) return { diagnostics: sortDiagnostics(diagnostics) };
    const term = computeTerm(years.map((y) => source.years.get(y)!.records));
    const sitting = source.folders.get(termFolderName(range))?.sitting;
    const figures = {
      term,
      years: Object.fromEntries(years.map((y) => [String(y), yearFigures(source.years.get(y)!.records)])),
      organization: source.organization,
      ...(sitting ? { sitting: sittingContext(sitting, source.organization) } : {}),
    };
    return { figures, year: range.to, label: `${range.from}—${range.to}年`, diagnostics: sortDiagnostics(diagnostics) };
  }
  const year = chooseYear({ ...request, kind: 'annual' }, dataDir, (d) => yearFolders(path.resolve(request.cwd, d), show).years);
  if (typeof year !== 'number') return { diagnostics: [year] };
  const data = loadData({ dataDir, cwd: request.cwd, years: [year - 1, year] });
  const { source, diagnostics } = checkSource(data, { dataDir, year, years: [year - 1, year], folders: [] }, []);
  const checked = source.years.get(year);
  if (!checked) return { diagnostics: sortDiagnostics(diagnostics) };
  const { year: _year, ...own } = yearFigures(checked.records);
  const previous = source.years.get(year - 1);
  const sitting = checked.sitting;
  const figures = {
    year,
    planYear: year + 1,
    ...own,
    ...(source.organization ? { organization: source.organization } : {}),
    ...(sitting && source.organization ? { sitting: sittingContext(sitting, source.organization) } : {}),
  };
  return { figures, previous: previous && data.years.has(year - 1) ? yearFigures(previous.records) : null, year, records: checked.records, diagnostics: sortDiagnostics(diagnostics) };
}
