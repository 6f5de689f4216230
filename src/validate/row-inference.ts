/**
 * Per record kind: how a row's wordings are read and what it leaves out is inferred before the
 * row is checked (domain/records/proposal-inference.ts), for ledgers and YAML alike; and which
 * columns imply which fields. Each rule applied is counted and said in one info line.
 */
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Organization } from '../domain/organization.js';
import { PROPOSAL_COVERED_BY } from '../domain/records/proposal-columns.js';
import { INFERRED_FIELDS, prepareProposal, type AppliedRule } from '../domain/records/proposal-inference.js';
import { rowList } from './sheet-problems.js';

/** Per kind: how a row's wordings are read and its missing fields inferred, and which fields may be left to that. */
export const PREPARE: Partial<
  Record<string, { prepare: (value: Record<string, unknown>, organization: Organization | undefined, options?: { submitterKind?: boolean }) => AppliedRule[]; inferred: ReadonlySet<string>; coveredBy: Record<string, readonly string[]> }>
> = {
  proposals: { prepare: prepareProposal, inferred: INFERRED_FIELDS, coveredBy: PROPOSAL_COVERED_BY },
};

/** The fields a table's columns give: their own, and those inferred from them. */
export function coveredFields(columns: readonly string[], coveredBy: Record<string, readonly string[]>): Set<string> {
  const fields = new Set(columns);
  for (const [field, from] of Object.entries(coveredBy)) if (from.some((c) => fields.has(c))) fields.add(field);
  return fields;
}

/** The rules applied to the rows of one table or file, and where: one info line per rule. */
export class RuleTally {
  private readonly applied = new Map<string, { rule: AppliedRule; rows: Array<number | (() => number)> }>();
  /** `row`: a sheet's row, or (a YAML record) a function giving its line, since placing a record can mean parsing its file again. */
  add(rules: readonly AppliedRule[], row: number | (() => number)): void {
    for (const rule of rules) {
      const key = `${rule.field}\u0000${rule.rule}`;
      const entry = this.applied.get(key) ?? { rule, rows: [] };
      entry.rows.push(row);
      this.applied.set(key, entry);
    }
  }
  /** `at`: where the line goes, given the first row (asked for only if needed). */
  diagnostics(at: (firstRow: () => number) => Location): Diagnostic[] {
    return [...this.applied.values()].map(({ rule, rows }) => {
      const first = rows[0]!;
      return diagnostic('valuesInferred', { field: rule.field, rule: rule.rule, count: rows.length, rows: rowList(rows) }, at(() => (typeof first === 'number' ? first : first())));
    });
  }
}
