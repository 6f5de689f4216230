/** The IO of `report export`: read the year's records, write the sheet (never over a file unless asked). */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic } from '../diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RecordKind } from '../domain/record-kind.js';
import { chooseYear } from '../kinds/year-report.js';
import { displayPath, loadData, yearFolders } from '../load/data-folder.js';
import { entryKind } from '../load/files.js';
import { writeWorkbook } from '../write/spreadsheet/write.js';
import { checkOrganization } from '../validate/organization.js';
import { checkYear } from '../validate/year.js';
import { ledgerTable } from './export.js';

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
    diagnostics.push(...checked.diagnostics);
    records = checked.records.records[request.kind.key] ?? [];
  }
  // Records the schema refused would be lost in the sheet: export only clean data.
  if (hasErrors(diagnostics)) return { count: 0, diagnostics };
  const table = ledgerTable(request.kind, records, org.vocabulary, org.organization);
  const bytes = writeWorkbook(table, request.format, { encoding: request.encoding });
  const out = path.resolve(request.cwd, request.out ?? `${request.kind.label}台账-${year}.${request.format}`);
  if (!request.force && entryKind(out) !== 'missing') {
    return { count: 0, diagnostics: [...diagnostics, diagnostic('outputExists', { file: show(out) }, { file: show(out) })] };
  }
  try {
    await writeFile(out, bytes, request.force ? {} : { flag: 'wx' });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { count: 0, writeFailed: true, diagnostics: [...diagnostics, diagnostic('writeFailed', { file: show(out), detail: String(e.code ?? e.message) }, { file: show(out) })] };
  }
  return { file: show(out), count: records.length, diagnostics };
}
