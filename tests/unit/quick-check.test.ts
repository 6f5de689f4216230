/**
 * The quick checks of records (domain/quick-check.ts) against zod, on the same values: on every
 * record the bundled data and examples hold, and on records made of the values ledgers and
 * slips contain, a quick check either declines (UNSURE, and zod checks the record as before) or
 * gives exactly what zod gives — the same values, keys in the same order, the same copies. A
 * record that zod refuses and the quick check accepts is the one outcome not allowed.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../src/domain/organization.js';
import { UNSURE } from '../../src/domain/quick-check.js';
import { RECORD_KINDS, recordFields } from '../../src/domain/registry.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../../src/domain/vocabulary.js';
import { loadData } from '../../src/load/data-folder.js';
import { checkOrganization } from '../../src/validate/organization.js';
import { parseRecord } from '../../src/validate/zod-issues.js';
import { shared, written, type Tally } from '../helpers/quick-compare.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The quick check of `kind` on `value`, against zod's; counts which decided. */
function compare(kind: (typeof RECORD_KINDS)[number], vocabulary: Vocabulary, organization: Organization | undefined, value: unknown, tally: Tally): void {
  const checker = recordFields(kind, vocabulary, organization);
  expect(checker.quick, kind.key).toBeTypeOf('function');
  const quick = checker.quick!(value);
  if (quick === UNSURE) {
    tally.zod++;
    return;
  }
  tally.quick++;
  const zod = checker.schema.safeParse(value);
  expect(zod.success, `${kind.key}: ${written(value)} is refused by zod`).toBe(true);
  expect(written(quick)).toBe(written(zod.data));
  expect(shared(quick, value)).toEqual(shared(zod.data, value));
  // Nor does one record share a list with another (a default list is copied for each).
  expect(shared(checker.quick!(value), quick)).toEqual(shared(checker.schema.safeParse(value).data, zod.data));
  // And what validation uses gives the same.
  const parsed = parseRecord(checker, value);
  expect(parsed.success && written(parsed.data)).toBe(written(zod.data));
}

function organizationOf(dataDir: string) {
  const data = loadData({ dataDir, cwd: dataDir, years: [] });
  return checkOrganization(data.organization);
}

describe('quick checks of records, against zod', () => {
  it('vouch for the records of the bundled data and the examples, as zod gives them', () => {
    const folders = [path.join(ROOT, 'data'), ...readdirSync(path.join(ROOT, 'examples')).map((e) => path.join(ROOT, 'examples', e))];
    const tally: Tally = { quick: 0, zod: 0 };
    for (const dataDir of folders) {
      const data = loadData({ dataDir, cwd: dataDir, years: [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024] });
      const { organization, vocabulary } = checkOrganization(data.organization);
      for (const folder of data.years.values()) {
        for (const { value } of folder.yaml) {
          if (value === null || typeof value !== 'object') continue;
          for (const kind of RECORD_KINDS) {
            const list = (value as Record<string, unknown>)[kind.key];
            if (Array.isArray(list)) for (const record of list) compare(kind, vocabulary, organization, record, tally);
          }
        }
      }
    }
    // The quick check decides the plain records of real data: zod is left what needs explaining.
    expect(tally.quick).toBeGreaterThan(500);
    expect(tally.zod).toBeLessThan(tally.quick / 20);
  });

  it('decline or agree with zod on records of ledger values and slips', () => {
    const dataDir = path.join(ROOT, 'data');
    const data = loadData({ dataDir, cwd: dataDir, years: [2023] });
    const { organization, vocabulary } = checkOrganization(data.organization);
    // Real records to change a field or two of, as data is written; a kind the YAML lacks starts from a made-up one.
    const bases = new Map<string, Array<Record<string, unknown>>>();
    for (const { value } of data.years.get(2023)!.yaml) {
      for (const [key, list] of Object.entries((value ?? {}) as Record<string, unknown>)) if (Array.isArray(list)) bases.set(key, [...(bases.get(key) ?? []), ...list.slice(0, 20)]);
    }
    for (const [org, vocab] of [
      [organization, vocabulary],
      [undefined, DEFAULT_VOCABULARY],
    ] as const) {
      const tally: Tally = { quick: 0, zod: 0 };
      for (const kind of RECORD_KINDS) {
        const fields = recordFields(kind, vocab, org).fields;
        const names = Object.keys(fields);
        // For a field: its own kind of values (choices with their aliases), what else is found in data, or nothing.
        const valueOf = (name: string) => {
          const f = fields[name]!;
          const own = f.cell?.kind === 'choice' ? [...(f.values ?? []), ...Object.keys(f.cell.values)] : (PLAIN[f.cell?.kind ?? 'list'] ?? PLAIN.list!);
          return fc.oneof(
            { weight: 10, arbitrary: fc.constantFrom(...own) },
            { weight: 2, arbitrary: fc.constantFrom(...SLIPS) },
            { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
            { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...SLIPS), fc.record(NESTED, { requiredKeys: [] })), { maxLength: 3 }) },
          );
        };
        const change = fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name), fc.option(valueOf(name), { nil: DELETE })));
        const base = fc.constantFrom(...(bases.get(kind.key) ?? [plainRecord(kind.key)]));
        const extra = fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom('note', '备注', 'id：', '', '__proto__', 'constructor', 'toString'), fc.constantFrom('x', 1)) });
        fc.assert(
          fc.property(base, fc.array(change, { maxLength: 2 }), extra, fc.nat(3), (b, changes, more, json) => {
            const r: Record<string, unknown> = { ...b };
            for (const [name, v] of changes) {
              if (v === DELETE) delete r[name];
              else r[name] = v;
            }
            if (more) Object.defineProperty(r, more[0], { value: more[1], enumerable: true, configurable: true, writable: true });
            // As a parse cache gives it back (JSON): no undefined, no Date, a __proto__ key as data.
            const value = json === 0 ? JSON.parse(JSON.stringify(r)) : r;
            compare(kind, vocab, org, value, tally);
          }),
          { numRuns: 1500, seed: 24 },
        );
      }
      // The property is not empty: both paths were taken often.
      expect(tally.quick).toBeGreaterThan(1500);
      expect(tally.zod).toBeGreaterThan(1500);
    }
  });

  it('give zod every record of a kind whose fields have no quick check', () => {
    const kind = RECORD_KINDS.find((k) => k.key === 'proposals')!;
    const checker = recordFields(kind, DEFAULT_VOCABULARY, undefined);
    const withoutQuick = { schema: checker.schema, quick: undefined };
    const result = parseRecord(withoutQuick, { id: 'P 1' });
    expect(result.success).toBe(false);
    // With the input recorded, for the messages (parseReporting).
    expect(result.error!.issues.some((i) => 'input' in i)).toBe(true);
  });
});

const DELETE = Symbol('delete');

/** The items of the nested lists (activities' parts and items), plain or not. */
const NESTED = {
  name: fc.constantFrom('学习', ''),
  count: fc.constantFrom(1, -1, 2.5),
  date: fc.constantFrom('2023-03-01', '2023-3-1', '2023-02-30'),
  title: fc.constantFrom('走访', ''),
};

/** Values of each field type, as written plainly. */
const PLAIN: Record<string, readonly unknown[]> = {
  id: ['P2023-001', '2023001', '信息-12'],
  text: ['关于加强社区养老服务的提案', '某某某'],
  count: [0, 12],
  decimal: [0, 2.5],
  date: ['2023-03-01', '2024-02-29'],
  boolean: [true, false, '是', '否'],
  list: [[], ['市民政局'], ['市民政局', '市财政局'], '市民政局、市财政局'],
};

/** What ledgers and slips put in a field instead. */
const SLIPS: readonly unknown[] = [
  null,
  undefined,
  '',
  ' ',
  'P 2023.1',
  'a"b',
  0,
  -0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  '12',
  '2023-02-29',
  '2023-2-3',
  '2023.2.3',
  '2023/2/3',
  '2023年2月3日',
  '2023-13-01',
  '2023-02-03T00:00:00Z',
  new Date(Date.UTC(2023, 1, 3)),
  '是',
  '否',
  'true',
  'yes',
  [],
  [''],
  ['a', 1],
  ['a', undefined],
  // A sparse list: zod reads the hole as undefined.
  // eslint-disable-next-line no-sparse-arrays
  ['a', , 'b'],
  '、',
  '甲；乙,丙',
  {},
  { a: 1 },
  '立案',
  '予以立案',
  'A',
  'A类',
  '会间',
];

/** A plain, valid record of each kind, for records that change only a field or two. */
function plainRecord(kind: string): Record<string, unknown> {
  const records: Record<string, Record<string, unknown>> = {
    proposals: { id: 'P1', title: '关于', submitterKind: '委员', proposer: '某', category: '经济建设', review: '立案', leadUnits: ['市民政局'] },
    meetings: { id: 'M1', kind: '常委会议', date: '2023-03-01', topic: '议题' },
    research: { id: 'R1', title: '调研', kind: '调研', leadBody: '经济委员会', date: '2023-05-01' },
    instructions: { id: 'I1', record: 'R1', leader: '市委书记', level: '市委', date: '2023-06-01' },
    information: { id: 'X1', title: '信息', date: '2023-03-01', adoptedBy: ['省政协'] },
    activities: { id: 'A1', name: '学习', unit: '次', count: 2 },
  };
  return records[kind] ?? {};
}
