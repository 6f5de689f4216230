/**
 * Each shape is written once and the compiler holds the rest to it. The `@ts-expect-error` lines
 * below are checked by `npm run typecheck` (part of `npm test`): if one of them stopped being an
 * error (a record type no longer derived from its fields, a figure without a label accepted), the
 * type check fails. The runtime tests check the same declarations from the other side.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fields, type RecordOf } from '../../src/domain/fields.js';
import { defineRecordKind, type YearRecords } from '../../src/domain/record-kind.js';
import type { Activity } from '../../src/domain/records/activities.js';
import type { Meeting } from '../../src/domain/records/meetings.js';
import type { Proposal } from '../../src/domain/records/proposals.js';
import { RECORD_KINDS, recordFields } from '../../src/domain/registry.js';
import { DEFAULT_VOCABULARY } from '../../src/domain/vocabulary.js';

/** Type-level cases: compiled, never run. */
export function typeCases(p: Proposal, m: Meeting, a: Activity) {
  // Declared fields have their declared types: a list, a flag, an optional date.
  const units: string[] = p.leadUnits;
  const answered: boolean = p.answered;
  const answeredOn: string | undefined = p.answeredOn;
  // @ts-expect-error an optional field may be absent: it is not a plain string
  const mustBeThere: string = p.answeredOn;
  // @ts-expect-error a figure reading a field the proposal declaration does not have
  const undeclared = p.deadline;
  // @ts-expect-error nor a meeting's
  const place = m.venue;
  const parts: number[] = a.parts.map((x) => x.count);

  const field = { id: fields.id('编号', '编号'), hours: fields.count('时长', '小时数', { optional: true }) };
  type Record = RecordOf<typeof field>;
  const r: Record = { id: 'x' };
  // @ts-expect-error a record type has only its declared members: one cannot be added beside the declaration
  const extra: Record = { id: 'x', minutes: 3 };

  const base = {
    key: 'trainings',
    label: '培训',
    office: '办公室',
    description: '培训',
    unit: '次' as const,
    sheetWords: [],
    dateFields: [],
    fields: () => field,
    example: { id: 't1' },
  };
  const labelled = defineRecordKind({
    ...base,
    figures: (records) => ({ count: records.length, hours: records.reduce((s, t) => s + (t.hours ?? 0), 0) }),
    labels: { count: { label: '培训', unit: '次' }, hours: { label: '培训时长' } },
  });
  defineRecordKind({
    ...base,
    figures: (records) => ({ count: records.length, unnamed: 1 }),
    // @ts-expect-error a figure without a label (`unnamed`) does not compile
    labels: { count: { label: '培训', unit: '次' } },
  });
  defineRecordKind({
    ...base,
    // @ts-expect-error a figure reading an undeclared field of the new kind
    figures: (records) => ({ count: records.length, late: records.filter((t) => t.late).length }),
    labels: { count: { label: '培训', unit: '次' }, late: { label: '迟到' } },
  });
  defineRecordKind({
    ...base,
    figures: (records) => ({ count: records.length }),
    // @ts-expect-error a unit outside the declared measure words
    labels: { count: { label: '培训', unit: 'times' } },
  });
  return [units, answered, answeredOn, mustBeThere, undeclared, place, parts, r, extra, labelled];
}

describe('record kinds: one declaration', () => {
  const year: YearRecords = {
    year: 2023,
    organization: undefined,
    vocabulary: DEFAULT_VOCABULARY,
    records: {},
    totals: {},
    members: undefined,
    origins: new WeakMap(),
    refusedIds: new Set(),
  };

  it.each(RECORD_KINDS.map((k) => [k.key, k] as const))('%s: its example is a record its schema accepts, and its figures all have labels', (_key, kind) => {
    const { schema, fields: declared } = recordFields(kind, DEFAULT_VOCABULARY, undefined);
    const parsed = schema.parse(kind.example);
    expect(Object.keys(parsed).every((name) => name in declared)).toBe(true);
    const figures = kind.figures([parsed], year, 'year');
    const patterns = Object.keys(kind.labels);
    const unlabelled = Object.keys(figures).filter((name) => !patterns.some((p) => p === name || p.startsWith(`${name}.`) || p.startsWith('*')));
    expect(unlabelled).toEqual([]);
  });

  it('a record type refuses what its schema refuses: an undeclared member', () => {
    const { schema } = recordFields(RECORD_KINDS[0]!, DEFAULT_VOCABULARY, undefined);
    const result = schema.safeParse({ ...RECORD_KINDS[0]!.example, deadline: '2023-01-01' });
    expect(result.success).toBe(false);
    expect(z.prettifyError(result.error!)).toContain('deadline');
  });
});
