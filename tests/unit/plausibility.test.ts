/**
 * The year-on-year warnings (RPT352) look at each kind's own counts and rates (`proposals.total`,
 * `proposals.answeredRate`), never at groups or single records, and at a kind only when it has
 * records this year; the reports of one year that share its figures get the same warnings.
 */
import { describe, expect, it } from 'vitest';
import { plausibility } from '../../src/compute/plausibility.js';
import type { YearFigures } from '../../src/compute/figures.js';
import type { Origin, RecordValue, YearRecords } from '../../src/domain/record-kind.js';
import { DEFAULT_VOCABULARY } from '../../src/domain/vocabulary.js';

function yearOf(records: Record<string, RecordValue[]>): YearRecords {
  const origins = new Map<object, Origin>();
  let line = 0;
  for (const [kind, list] of Object.entries(records)) {
    for (const r of list) {
      const at = ++line;
      origins.set(r, { locate: (field) => ({ file: `${kind}.yaml`, line: at, ...(field ? { path: field } : {}) }) });
    }
  }
  return { year: 2023, organization: undefined, vocabulary: DEFAULT_VOCABULARY, records, totals: {}, members: undefined, origins, refusedIds: new Set() };
}

const proposal = (id: string) => ({ id, review: '立案', answered: true, leadUnits: [], jointUnits: [], tags: [], coProposers: [] });

describe('plausibility: year-on-year changes', () => {
  const year = yearOf({ proposals: Array.from({ length: 3 }, (_, i) => proposal(`P${i}`)), meetings: [] });
  const now = {
    year: 2023,
    proposals: { total: 100, answeredRate: 0.9, filed: 12, byCategory: { 经济: { count: 90 } }, 'odd.key': 500, keyProposalTitles: ['甲'] },
    meetings: { count: 100 },
    members: { total: 300, standing: null, inCommittees: null },
  } as unknown as YearFigures;
  const before = {
    year: 2022,
    proposals: { total: 10, answeredRate: 0.2, filed: 11, byCategory: { 经济: { count: 1 } }, 'odd.key': 1, keyProposalTitles: [] },
    meetings: { count: 10 },
    members: { total: 30, standing: null, inCommittees: null },
  } as unknown as YearFigures;

  it('warns on a kind’s own counts and rates that moved, in the order of the figures', () => {
    const found = plausibility(year, now, before).filter((d) => d.code === 'RPT352');
    // Not the group (byCategory), not a kind without records this year (meetings), nor the members.
    expect(found.map((d) => d.message.slice(0, 40))).toEqual([expect.stringContaining('proposals.total'), expect.stringContaining('proposals.answeredRate')]);
    expect(found.map((d) => d.file)).toEqual(['proposals.yaml', 'proposals.yaml']);
  });

  it('gives the reports sharing the figures the same warnings, each its own list', () => {
    const first = plausibility(year, now, before);
    const again = plausibility(year, now, before);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    // Another year before is another question.
    expect(plausibility(year, now, null).filter((d) => d.code === 'RPT352')).toEqual([]);
  });
});
