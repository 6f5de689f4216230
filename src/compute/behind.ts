/**
 * The records behind a figure, and where each one is written: what `report explain`, the
 * plausibility warnings and the verification workbook (核对表) list, so that a 秘书长 can put a
 * finger on every record a number counts. A rate has two lists: its base, and the part of it
 * its numerator counts.
 */
import type { Location } from '../diagnostics/catalogue.js';
import { conventionsOf } from '../domain/conventions.js';
import type { RecordValue, YearRecords } from '../domain/record-kind.js';
import { LEAD_UNIT_TESTS, proposalTestsOf } from '../domain/records/proposals.js';

export interface Behind {
  /** The kind of record (proposals…). */
  kind: string;
  /** The records the figure counts (for a rate: its numerator's). */
  records: RecordValue[];
  /** For a rate or share: the records of its base. */
  base?: RecordValue[];
}

type Test = (r: RecordValue) => boolean;

/** The field a group `byX` groups by: byCategory → category, byLeadUnit → leadUnits, byKind → kind. */
const GROUP_FIELDS: Record<string, string> = { byLeadUnit: 'leadUnits', byTag: 'tags' };
const fieldOfGroup = (group: string) => GROUP_FIELDS[group] ?? group.charAt(2).toLowerCase() + group.slice(3);

function has(record: RecordValue, field: string, key: string): boolean {
  const v = record[field];
  return Array.isArray(v) ? v.includes(key) : v === key;
}

/** The proposal tests of the figures named by one word: the ones their figures count with. */
function proposalTests(year: YearRecords): Record<string, { part: Test; base?: Test }> {
  const t = proposalTestsOf(conventionsOf(year.organization)) as unknown as Record<keyof ReturnType<typeof proposalTestsOf>, Test>;
  return {
    total: { part: () => true },
    filed: { part: t.filed },
    merged: { part: t.merged },
    filingRate: { part: t.filed, base: () => true },
    answered: { part: t.answered },
    answeredRate: { part: t.answered, base: t.answerBase },
    responded: { part: t.responded },
    satisfied: { part: t.satisfied },
    satisfactionRate: { part: t.satisfied, base: t.responded },
    keyProposals: { part: t.keyProposal },
    supervised: { part: t.supervised },
    resulted: { part: t.resulted },
    collective: { part: t.collective },
    filed_: { part: t.filed },
    answered_: { part: t.answered },
    answerBase_: { part: t.answerBase },
  };
}

/**
 * The records behind `name` in `year` (`proposals.answeredRate`, `proposals.byCategory.经济建设.count`,
 * `meetings.byKind.常委会议.count`, `research.count`), or undefined for a figure not counted from
 * records one by one (a name, a date, a hand-written total).
 */
export function recordsBehind(name: string, year: YearRecords): Behind | undefined {
  const [kind, ...rest] = name.split('.');
  if (!kind || rest.length === 0) return undefined;
  const all = year.records[kind];
  if (!all || all.length === 0) return undefined;
  const pick = (test: Test) => all.filter(test);
  const tests = kind === 'proposals' ? proposalTests(year) : {};
  if (rest.length === 1) {
    const own = tests[rest[0]!];
    if (own) return { kind, records: pick(own.part), ...(own.base ? { base: pick(own.base) } : {}) };
    if (rest[0] === 'count' || rest[0] === 'total') return { kind, records: all };
    return undefined;
  }
  if (rest.length === 2 && rest[0] === 'byReview') return { kind, records: pick((r) => r.review === rest[1]) };
  if (rest.length === 3 && rest[0]!.startsWith('by')) {
    const [group, key, figure] = rest as [string, string, string];
    const field = fieldOfGroup(group);
    if (!all.some((r) => r[field] !== undefined)) return undefined;
    const inGroup: Test = (r) => has(r, field, key);
    if (figure === 'count') return { kind, records: pick(inGroup) };
    if (figure === 'share') {
      const single = all.every((r) => !Array.isArray(r[field]));
      return { kind, records: pick(inGroup), base: single ? pick((r) => r[field] !== undefined) : all };
    }
    // A handling unit's row counts by its own tests (its cells are not rates over a base).
    const lead = group === 'byLeadUnit' ? (LEAD_UNIT_TESTS as unknown as Record<string, Test | undefined>)[figure] : undefined;
    if (lead) return { kind, records: pick((r) => inGroup(r) && lead(r)) };
    const t = tests[`${figure}_`] ?? (figure === 'answeredRate' ? undefined : tests[figure]);
    if (t) return { kind, records: pick((r) => inGroup(r) && t.part(r)) };
    if (figure === 'answeredRate' && tests.answered_ && tests.answerBase_) {
      return { kind, records: pick((r) => inGroup(r) && tests.answered_!.part(r)), base: pick((r) => inGroup(r) && tests.answerBase_!.part(r)) };
    }
  }
  return undefined;
}

/** Where a record is: its location, and the place as a person reads it (`data/2023/meetings.yaml:38`, `data/2023/提案台账.xlsx［提案］第12行`). */
export function placeOf(record: RecordValue, year: YearRecords): { location: Location; place: string } {
  const location = year.origins.get(record)?.locate() ?? {};
  const place =
    location.sheet !== undefined
      ? `${location.file ?? ''}［${location.sheet}］第${location.line ?? 0}行`
      : `${location.file ?? ''}${location.line !== undefined ? `:${location.line}` : ''}`;
  return { location, place };
}
