/**
 * 领导批示: one record per instruction (件次), on any record of the year that may receive one
 * (a research report, a proposal, a 社情民意 item, a meeting's results), with the leader's level
 * and whether a principal leader gave it: "省领导批示68件次，其中省委、省政府、省政协主要领导批示28件次".
 */
import { groups, tally } from '../groups.js';
import { fields, type RecordOf } from '../fields.js';
import { defineRecordKind, recordsOf, type FigureLabel, type YearRecords } from '../record-kind.js';
import type { Vocabulary } from '../vocabulary.js';

/** A leader's instruction as its fields declare it. */
export type Instruction = RecordOf<ReturnType<typeof instructionFields>>;

/** The kinds whose records may receive instructions (set by the registry from `instructable`). */
export const INSTRUCTABLE: string[] = [];

/** Each year's instructions by record id, by its list of instructions: every instructable kind's figures ask. */
const byRecordOf = new WeakMap<readonly object[], ReadonlyMap<string, Instruction[]>>();

/** The instructions given on each record id of a year (read only: the kinds' figures share it). */
export function instructionsByRecord(year: Pick<YearRecords, 'records'>): ReadonlyMap<string, Instruction[]> {
  const list = recordsOf(year, instructions);
  const known = byRecordOf.get(list);
  if (known) return known;
  const byRecord = new Map<string, Instruction[]>();
  byRecordOf.set(list, byRecord);
  for (const i of list) {
    const given = byRecord.get(i.record);
    if (given) given.push(i);
    else byRecord.set(i.record, [i]);
  }
  return byRecord;
}

/** Counts of a list of instructions: 件次 in all, by principal leaders, by level. */
function instructionCounts(list: readonly Instruction[], levels: readonly string[]) {
  return {
    total: list.length,
    principal: list.filter((i) => i.principal).length,
    byLevel: tally(list, (i) => i.level, levels),
    principalByLevel: tally(
      list.filter((i) => i.principal),
      (i) => i.level,
      levels,
    ),
  };
}

/** The instruction figures of an instructable kind: how many of its records got one, and the counts. */
export function instructionFiguresOf(records: ReadonlyArray<{ id: string }>, year: YearRecords) {
  const byRecord = instructionsByRecord(year);
  // The instructions on these records, in the records' order.
  const on: Instruction[] = [];
  let instructed = 0;
  if (byRecord.size > 0) {
    for (const r of records) {
      const list = byRecord.get(r.id);
      if (!list) continue;
      instructed++;
      for (const i of list) on.push(i);
    }
  }
  const counts = instructionCounts(on, year.vocabulary.instructionLevels);
  return {
    instructed,
    instructions: {
      ...counts,
      // For the wording: “5件提案获得领导批示8件次”, but “1件提案获得主要领导批示”, not “…批示1件次，其中主要领导批示1件次”.
      onePerRecord: instructed > 0 && counts.total === instructed,
      allPrincipal: counts.total > 0 && counts.principal === counts.total,
    },
  };
}

export const INSTRUCTION_LABELS = {
  instructed: { label: '获领导批示的{kind}', unit: '{unit}' },
  'instructions.onePerRecord': { label: '每件获批示的{kind}都只获一次批示（用于措辞）' },
  'instructions.allPrincipal': { label: '{kind}获得的批示都是主要领导批示（用于措辞）' },
  'instructions.total': { label: '{kind}获领导批示', unit: '件次' },
  'instructions.principal': { label: '{kind}获主要领导批示', unit: '件次' },
  'instructions.byLevel.*': { label: '{kind}获{1}领导批示', unit: '件次' },
  'instructions.principalByLevel.*': { label: '{kind}获{1}主要领导批示', unit: '件次' },
} satisfies Record<string, FigureLabel>;

function instructionFields(v: Vocabulary) {
  return {
    id: fields.id('批示编号', '这条批示的编号', { headers: ['编号', '序号'] }),
    record: fields.id('批示对象', '获批示的记录的编号（调研报告、提案、社情民意信息或会议的编号）', {
      headers: ['记录编号', '报告编号', '对象编号', '所批记录'],
    }),
    leader: fields.text('批示领导', '作出批示的领导，如：市委主要领导、王某某', { headers: ['领导', '批示人'] }),
    level: fields.choice(v.instructionLevels, '领导层级', '批示领导所在的层级（市：市委、市政府、市人大、市政协的领导）', {
      headers: ['层级', '级别', '批示层级'],
      list: 'instructionLevels',
      aliases: { 省级: '省', 市级: '市', 县级: '县', 中央领导: '中央' },
    }),
    principal: fields.flag('主要领导', '是否为党委、政府、政协主要领导的批示', { headers: ['是否主要领导'], fallback: false }),
    date: fields.date('批示日期', '批示的日期', { headers: ['日期'], optional: true }),
  };
}

export const instructions = defineRecordKind({
  key: 'instructions',
  label: '领导批示',
  office: '研究室',
  description: '领导对调研报告、提案、社情民意信息、会议成果等作出的批示，每条记录计 1 件次',
  unit: '件次',
  sheetWords: ['批示'],
  dateFields: [],
  references: [{ field: 'record', kinds: INSTRUCTABLE }],
  fields: instructionFields,

  figures(records, year) {
    const list = records;
    return {
      ...instructionCounts(list, year.vocabulary.instructionLevels),
      records: new Set(list.map((i) => i.record)).size,
      byRecordKind: Object.fromEntries(
        INSTRUCTABLE.map((kind) => {
          // The records instructed that are of this kind: a few ids, looked for among many records.
          const named = new Set(list.map((i) => i.record));
          const ids = new Set<string>();
          if (named.size > 0) for (const r of year.records[kind] ?? []) if (named.has(r.id as string)) ids.add(r.id as string);
          return [kind, list.filter((i) => ids.has(i.record)).length];
        }),
      ),
      byLeader: groups(list, (i) => i.leader, [], () => ({})),
    };
  },
  labels: {
    total: { label: '领导批示', unit: '件次', explain: '全部批示记录的条数' },
    principal: { label: '主要领导批示', unit: '件次' },
    'byLevel.*': { label: '{1}领导批示', unit: '件次' },
    'principalByLevel.*': { label: '{1}主要领导批示', unit: '件次' },
    records: { label: '获批示的记录', unit: '件', explain: '至少获一次批示的报告、提案、信息等的件数' },
    'byRecordKind.*': { label: '对{1}的批示', unit: '件次' },
    'byLeader.*.count': { label: '{1}的批示', unit: '件次' },
    'byLeader.*.share': { label: '{1}的批示所占比例' },
  },
  example: { id: 'I-01', record: 'R-01', leader: '市委主要领导', level: '市', principal: true, date: '2023-05-08' },
});
