/** The IO of `report export`: read the year's records, write the sheet (never over a file unless asked). */
import path from 'node:path';
import { diagnostic } from '../diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RecordKind } from '../domain/record-kind.js';
import { chooseYear } from '../kinds/year-report.js';
import { displayPath, loadData, yearFolders } from '../load/data-folder.js';
import { entryKind } from '../load/files.js';
import { DEFAULT_LIMITS } from '../load/spreadsheet/index.js';
import { writeWorkbook } from '../write/spreadsheet/write.js';
import { checkOrganization } from '../validate/organization.js';
import { checkYear } from '../validate/year.js';
import { writeAll } from '../write/atomic.js';
import { ledgerTable } from './export.js';
import { appendAll } from '../append.js';

export interface ExportRequest {
  kind: RecordKind;
  dataDir: string;
  cwd: string;
  year?: number;
  format: 'xlsx' | 'csv';
  encoding: 'utf-8' | 'gbk';
  blank: boolean;
  force: boolean;
  out?: string;
  /** The reader's cell limit the sheet is checked against (DEFAULT_LIMITS unless a test says). */
  maxCells?: number;
}

export async function exportLedger(request: ExportRequest): Promise<{ file?: string; count: number; diagnostics: Diagnostic[]; writeFailed?: boolean }> {
  const show = (p: string) => displayPath(request.cwd, p);
  const dataDir = path.resolve(request.cwd, request.dataDir);
  let year = request.year;
  if (year === undefined) {
    const chosen = chooseYear({ kind: 'annual', dataDirs: [dataDir], cwd: request.cwd }, dataDir, (d) => yearFolders(d, show).years);
    if (typeof chosen !== 'number') return { count: 0, diagnostics: [chosen] };
    year = chosen;
  }
  const data = loadData({ dataDir, cwd: request.cwd, years: request.blank ? [] : [year] });
  const org = checkOrganization(data.organization);
  const diagnostics: Diagnostic[] = [...data.diagnostics.filter((d) => d.code !== 'RPT108'), ...org.diagnostics];
  let records: ReturnType<typeof checkYear>['records']['records'][string] = [];
  if (!request.blank) {
    const folder = data.years.get(year);
    if (!folder) {
      diagnostics.push(diagnostic('yearFolderMissing', { folder: show(path.join(dataDir, String(year))), year: String(year), available: data.availableYears.join('、') }, { file: show(dataDir) }));
      return { count: 0, diagnostics };
    }
    const checked = checkYear(folder, year, org.organization, org.vocabulary);
    appendAll(diagnostics, checked.diagnostics);
    records = checked.records.records[request.kind.key] ?? [];
  }
  // Records the schema refused would be lost in the sheet: export only clean data.
  if (hasErrors(diagnostics)) return { count: 0, diagnostics };
  const table = ledgerTable(request.kind, records, org.vocabulary, org.organization);
  // A sheet that validate would refuse is worth knowing about before it is put in a year folder.
  const bytes = writeWorkbook(table, request.format, { encoding: request.encoding });
  const out = path.resolve(request.cwd, request.out ?? `${request.kind.label}台账-${year}.${request.format}`);
  // A sheet that validate would refuse is worth knowing about before it is put in a year folder.
  const cells = filledCells(table.headers, table.rows);
  const maxCells = request.maxCells ?? DEFAULT_LIMITS.maxCells;
  if (cells > maxCells) diagnostics.push(diagnostic('exportOverCellLimit', { cells, max: maxCells }, { file: show(out) }));
  if (!request.force && entryKind(out) !== 'missing') {
    return { count: 0, diagnostics: [...diagnostics, diagnostic('outputExists', { file: show(out) }, { file: show(out) })] };
  }
  try {
    // A temporary file beside it, then a rename: a full disk or a kill leaves the old file whole,
    // and a link at `out` is replaced itself, never the file it points to.
    await writeAll([{ path: out, content: bytes }]);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { count: 0, writeFailed: true, diagnostics: [...diagnostics, diagnostic('writeFailed', { file: show(out), detail: String(e.code ?? e.message) }, { file: show(out) })] };
  }
  return { file: show(out), count: records.length, diagnostics };
}

/** Cells a reader makes of the sheet: the header's and every value's (blanks are no cells). */
function filledCells(headers: readonly string[], rows: ReadonlyArray<readonly unknown[]>): number {
  let cells = headers.length;
  for (const row of rows) for (const value of row) if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) cells++;
  return cells;
}
