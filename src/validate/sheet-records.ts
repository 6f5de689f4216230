/**
 * Spreadsheet rows as records: each sheet of a workbook in a year folder holds one record kind
 * (told by the sheet's or the file's name: 提案台账.xlsx), its columns found by their headers.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Organization } from '../domain/organization.js';
import type { Origin, RecordValue } from '../domain/record-kind.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { LoadedWorkbook } from '../load/sheets.js';

export function sheetRecords(
  workbook: LoadedWorkbook,
  vocabulary: Vocabulary,
  organization: Organization | undefined,
): { records: Array<{ kind: string; record: RecordValue; origin: Origin }>; diagnostics: Diagnostic[] } {
  void workbook;
  void vocabulary;
  void organization;
  return { records: [], diagnostics: [] };
}
