/**
 * A ledger as a spreadsheet (`report export proposals 2022 --format xlsx --out 提案台账.xlsx`):
 * the year's records of one kind, from whatever files hold them, with the default headers (each
 * field's Chinese name), so an office can move its YAML records to Excel; or a blank ledger with
 * the headers only, to start a year in Excel. Read back, the sheet gives the same records.
 */
import type { Organization } from '../domain/organization.js';
import type { RecordKind, RecordValue } from '../domain/record-kind.js';
import { recordFields } from '../domain/registry.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { OutTable } from '../write/spreadsheet/write.js';

/** The sheet of a ledger: a column per field a cell can hold, a row per record. */
export function ledgerTable(kind: RecordKind, records: readonly RecordValue[], vocabulary: Vocabulary, organization: Organization | undefined): OutTable {
  const { fields } = recordFields(kind, vocabulary, organization);
  const columns = Object.entries(fields).filter(([, f]) => f.cell !== undefined);
  // A blank ledger has every column; a filled one leaves out the columns no record uses.
  const used = records.length === 0 ? columns : columns.filter(([name, f]) => f.required || records.some((r) => present(r[name], f.fallback)));
  return {
    sheet: kind.label,
    headers: used.map(([, f]) => f.label),
    rows: records.map((r) => used.map(([name, f]) => (present(r[name], f.fallback) ? r[name] : f.cell?.kind === 'boolean' ? r[name] : ''))),
  };
}

/** Whether a value says anything beyond the field's default (an empty list, false, 0 when that is the default). */
function present(value: unknown, fallback: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  return fallback === undefined || JSON.stringify(value) !== JSON.stringify(fallback);
}
