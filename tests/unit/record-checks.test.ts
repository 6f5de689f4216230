/**
 * A record at odds with itself: each contradiction has its own code (they once shared RPT309 with
 * free text), placed on the field that contradicts.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { RecordValue, YearRecords } from '../../src/domain/record-kind.js';
import { recordFields, recordKind } from '../../src/domain/registry.js';
import { DEFAULT_VOCABULARY } from '../../src/domain/vocabulary.js';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyFixture, DATA } from '../helpers/fixture.js';
import { runAnnual } from '../helpers/library.js';

function check(kind: string, raw: Record<string, unknown>): Array<Pick<Diagnostic, 'code' | 'message' | 'path'>> {
  const k = recordKind(kind)!;
  const record: RecordValue = recordFields(k, DEFAULT_VOCABULARY, undefined).schema.parse(raw);
  const year: YearRecords = { year: 2023, organization: undefined, vocabulary: DEFAULT_VOCABULARY, records: { [kind]: [record] }, totals: {}, members: undefined, origins: new WeakMap(), refusedIds: new Set() };
  const found: Diagnostic[] = [];
  k.check?.([record], { year, at: (_r, field) => (field ? { path: field } : {}), report: (d) => found.push(d) });
  return found.map((d) => ({ code: d.code, message: d.message, ...(d.path ? { path: d.path } : {}) }));
}

const proposal = (more: Record<string, unknown>) => ({ id: 'P1', title: '关于', submitterKind: '委员', proposer: '某', category: '经济', review: '立案', ...more });

describe('record checks: one code per contradiction', () => {
  it.each([
    ['RPT325', 'answered', proposal({ review: '不立案', answered: true })],
    ['RPT326', 'result', proposal({ review: '撤案', result: 'A' })],
    ['RPT327', 'mergedInto', proposal({ mergedInto: 'P2' })],
    ['RPT328', 'rejectionReason', proposal({ rejectionReason: '不属于提案范围' })],
    ['RPT329', 'answered', proposal({ answeredOn: '2023-05-01' })],
    ['RPT330', 'answeredOn', proposal({ assignedOn: '2023-05-01', answered: true, answeredOn: '2023-04-01' })],
  ])('proposals: %s on %s', (code, path, raw) => {
    expect(check('proposals', raw)).toEqual([expect.objectContaining({ code, path })]);
  });

  it('the dates out of order are named in the message', () => {
    expect(check('proposals', proposal({ assignedOn: '2023-05-01', answered: true, answeredOn: '2023-04-01' }))[0]!.message).toBe('提案“P1”的办复日期（2023-04-01）早于交办日期（2023-05-01）');
  });

  it('each date is compared with the latest one written before it', () => {
    // No 交办日期: the reply is compared with the submission.
    expect(check('proposals', proposal({ submittedOn: '2023-05-01', answered: true, answeredOn: '2023-04-01' })).map((d) => d.message)).toEqual(['提案“P1”的办复日期（2023-04-01）早于提交日期（2023-05-01）']);
    // 交办 before 提交 is said once; the reply, after 交办, is not compared with the submission.
    expect(check('proposals', proposal({ submittedOn: '2023-06-01', assignedOn: '2023-05-01', answered: true, answeredOn: '2023-05-15' })).map((d) => d.path)).toEqual(['assignedOn']);
    expect(check('proposals', proposal({ submittedOn: '2023-06-01', assignedOn: '2023-05-01', answered: true, answeredOn: '2023-04-15' })).map((d) => d.path)).toEqual(['assignedOn', 'answeredOn']);
  });

  it('information: adopted but not submitted (RPT331), a form without adoption (RPT332)', () => {
    expect(check('information', { id: 'S1', title: '甲', date: '2023-02-01', adoptedBy: ['市委'] })).toEqual([expect.objectContaining({ code: 'RPT331', path: 'submitted' })]);
    expect(check('information', { id: 'S1', title: '甲', date: '2023-02-01', adoptionForm: '单篇' })).toEqual([expect.objectContaining({ code: 'RPT332', path: 'adoptionForm' })]);
  });

  it('meetings: a sector named twice (RPT333)', () => {
    expect(check('meetings', { id: 'M1', kind: '常委会议', date: '2023-03-01', topic: '议题', sectors: ['经济界', '经济界'] })).toEqual([expect.objectContaining({ code: 'RPT333', path: 'sectors' })]);
  });

  it('activities: no count, items or parts (RPT746, not the missing-field RPT202)', () => {
    expect(check('activities', { id: 'study', name: '学习', unit: '次' })).toEqual([expect.objectContaining({ code: 'RPT746' })]);
  });
});

describe('problems once reported as a missing field, each its own code', () => {
  it('a proposal report without its speaker: RPT212 at the sitting, not RPT202', async () => {
    const data = await copyFixture(DATA);
    const sitting = path.join(data, '2023', 'sitting.yaml');
    await writeFile(sitting, (await readFile(sitting, 'utf8')).replace(/^\s*proposalsSpeaker:.*\n/m, ''));
    const run = await runAnnual(data, { kind: 'proposals' });
    expect(run.report).toBeUndefined();
    const found = run.diagnostics.filter((d) => d.code === 'RPT212');
    expect(found).toEqual([expect.objectContaining({ file: '2023/sitting.yaml', severity: 'error' })]);
    expect(run.diagnostics.some((d) => d.code === 'RPT202')).toBe(false);
  });
});

describe('ids unique in the year', () => {
  it('names the first record of an id at each record that repeats it, across kinds', async () => {
    const { crossCheck } = await import('../../src/validate/cross-check.js');
    const origins = new Map<object, { locate: () => { file: string; line: number } }>();
    const at = (file: string, line: number, r: RecordValue) => (origins.set(r, { locate: () => ({ file, line }) }), r);
    const p = (id: string, line: number) => at('proposals.yaml', line, recordFields(recordKind('proposals')!, DEFAULT_VOCABULARY, undefined).schema.parse(proposal({ id })));
    const m = (id: string, line: number) => at('meetings.yaml', line, recordFields(recordKind('meetings')!, DEFAULT_VOCABULARY, undefined).schema.parse({ id, kind: '专题协商会', date: '2023-05-01' }));
    const year: YearRecords = { year: 2023, organization: undefined, vocabulary: DEFAULT_VOCABULARY, records: { proposals: [p('A', 2), p('B', 3), p('A', 4)], meetings: [m('A', 7), m('C', 8), m('B', 9)] }, totals: {}, members: undefined, origins, refusedIds: new Set() };
    const found = crossCheck(year).filter((d) => d.code === 'RPT301');
    expect(found.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([
      expect.stringMatching(/^proposals\.yaml:4 .*“A”.*proposals\.yaml:2/),
      expect.stringMatching(/^meetings\.yaml:7 .*“A”.*proposals\.yaml:2/),
      expect.stringMatching(/^meetings\.yaml:9 .*“B”.*proposals\.yaml:3/),
    ]);
  });
});
