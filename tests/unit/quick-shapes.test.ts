/**
 * The quick checks of the declared shapes (domain/shape.ts) against zod, on the same values:
 * organization.yaml, the year's single parts (sitting, members, totals), report.yaml and the
 * layout file. On every such file the bundled data, the examples and the fixtures hold, and on
 * thousands of values made from them by mutation, a quick check either declines (UNSURE, and zod
 * checks the value as before) or gives exactly what zod gives: the same values, keys in the same
 * order, defaults filled in, copies where zod copies. Accepting what zod refuses, or giving
 * anything else, is the outcome not allowed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/v4';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { LayoutShape } from '../../src/domain/layout-schema.js';
import { ConventionsShape } from '../../src/domain/conventions.js';
import { DateShape } from '../../src/domain/fields.js';
import { OrganizationFileShape, OrganizationShape } from '../../src/domain/organization.js';
import { ISO_DATE, UNSURE } from '../../src/domain/quick-check.js';
import { singlePartShape, YEAR_SINGLE_KEYS } from '../../src/domain/registry.js';
import { declare, type Shape } from '../../src/domain/shape.js';
import { MembersShape, SittingShape } from '../../src/domain/year-parts.js';
import { parseYaml } from '../../src/load/yaml.js';
import { SettingsShape } from '../../src/settings.js';
import { resolveLayout } from '../../src/validate/resolve-layout.js';
import { shared, written, type Tally } from '../helpers/quick-compare.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The quick check of `shape` on `value`, against zod's; counts which decided. */
function compare(name: string, shape: Shape<z.ZodType>, value: unknown, tally: Tally): void {
  const quick = shape.quick(value);
  if (quick === UNSURE) {
    tally.zod++;
    return;
  }
  tally.quick++;
  const zod = shape.schema.safeParse(value);
  expect(zod.success, `${name}: ${written(value)} is refused by zod`).toBe(true);
  expect(written(quick), `${name}: ${written(value)}`).toBe(written(zod.data));
  expect(shared(quick, value)).toEqual(shared(zod.data, value));
  // A default list is a fresh copy each time, as zod's.
  expect(shared(shape.quick(value), quick)).toEqual(shared(shape.schema.safeParse(value).data, zod.data));
}

/** Every .yaml file under `dir`. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return entry.endsWith('.yaml') ? [full] : [];
  });
}

/** The values of the repository's files, by the shape that checks them. */
function repositoryValues(): Array<{ name: string; shape: Shape<z.ZodType>; value: unknown }> {
  const files = [path.join(ROOT, 'data'), path.join(ROOT, 'examples'), path.join(ROOT, 'tests', 'fixtures')].flatMap(yamlFiles);
  return files.flatMap((file) => {
    const { value } = parseYaml(file, readFileSync(file, 'utf8'));
    const name = path.relative(ROOT, file);
    if (path.basename(file) === 'organization.yaml') return [{ name, shape: OrganizationFileShape, value }];
    if (value === null || typeof value !== 'object') return [];
    return YEAR_SINGLE_KEYS.filter((k) => k in value).map((k) => ({ name: `${name}: ${k}`, shape: singlePartShape(k), value: (value as Record<string, unknown>)[k] }));
  });
}

/** A small deterministic random source, so that a failure is the same failure on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

/** Values found in slips, at the edges of the shapes' checks, or of another type. */
const POOL: readonly unknown[] = [
  undefined, null, '', ' ', 'x', ' 宋体 ', '宋体', '\t', 'A', 'ABCDEFGHI', '是', '否', 'true', '【待填写】', '年底', '12-20', '1-2', '立案', '立案和并案', '反馈', '办复',
  'left', 'center', 'justify', 'middle', 'md', 'docx', 'pdf', 'rtf', '— {page} —', '{page}{page}', 'page', '2024-09-26', '2024-9-26', '2024年9月26日', '2023-02-29', '2024-02-29',
  '__proto__', 'constructor', '全国', '市', 'A', 0, -0, 1, 2, 3, -1, 0.5, 1.25, 16, 22, 28.5, 200, 200.5, 201, -5, -6, 20, 21, 6, 7, 50, 51, NaN, Infinity, 2 ** 53, true, false,
  [], [''], ['甲'], ['甲', '乙'], ['甲', 1], [{ name: '月度协商会', group: 'consultation' }], ['月度协商会', { name: '座谈会' }], [{ class: 'A', label: '已解决' }], [{ class: '', label: 'x' }],
  {}, { a: 'b' }, { ' 宋体 ': ' 仿宋 ' }, { 宋体: ['仿宋', '黑体'] }, { '': 'x' }, { proposals: { 答复形式: 'result' } }, { proposals: { review: { 转办: '转来信' } } }, { 党派: ['民盟'] },
  { mergedInFiled: false }, { percentDigits: 0, cutoff: '12-20' }, { top: 37, bottom: 35 }, { sizePt: 16, bold: true }, { eastAsiaFont: '黑体' }, { lead: { bold: true } }, { body: { trackingPt: -0.25 } },
];

const KEYS = ['x', '__proto__', 'toString', 'constructor', 'fullName', 'term', 'total', 'page', 'data', 'formats', 'organization', 'proposals', 'sizePt', 'conventions', 'meetingKinds', ' 宋体'];

/** A copy of `value` with one change at a random place: a value from the pool, a key left out, or a key added. */
function mutate(value: unknown, rng: ReturnType<typeof random>): unknown {
  if (value === null || typeof value !== 'object' || rng.next() < 0.15) return rng.pick(POOL);
  if (Array.isArray(value)) {
    if (value.length === 0 || rng.next() < 0.2) return rng.next() < 0.5 ? [...value, rng.pick(POOL)] : value.slice(1);
    const i = Math.floor(rng.next() * value.length);
    return value.map((v, j) => (j === i ? mutate(v, rng) : v));
  }
  const entries = Object.entries(value);
  const roll = rng.next();
  if (entries.length === 0 || roll < 0.1) return Object.fromEntries([...entries, [rng.pick(KEYS), rng.pick(POOL)]]);
  const i = Math.floor(rng.next() * entries.length);
  if (roll < 0.25) return Object.fromEntries(entries.filter((_, j) => j !== i));
  return Object.fromEntries(entries.map(([k, v], j) => [k, j === i ? mutate(v, rng) : v]));
}

/** Values made from `bases` by one to three mutations each, `count` in all. */
function mutations(bases: readonly unknown[], count: number, seed: number): unknown[] {
  const rng = random(seed);
  return Array.from({ length: count }, () => {
    let value = rng.pick(bases);
    const times = 1 + Math.floor(rng.next() * 3);
    for (let i = 0; i < times; i++) value = mutate(value, rng);
    return value;
  });
}

/** Every value, as far as can be, and with strings and numbers everywhere: the whole of DEFAULT_LAYOUT, and its parts. */
const LAYOUTS: readonly unknown[] = [
  structuredClone(DEFAULT_LAYOUT),
  { page: structuredClone(DEFAULT_LAYOUT.page) },
  { paragraphs: { body: structuredClone(DEFAULT_LAYOUT.paragraphs.body), title: structuredClone(DEFAULT_LAYOUT.paragraphs.title) } },
  { traditionalFonts: { ' 宋体 ': ' 細明體 ', 仿宋: '仿宋' }, fontFallbacks: { 仿宋_GB2312: ['仿宋', ' FangSong '] }, pdfFontFolder: ' 字体 ' },
  { pageNumber: { format: '— {page} —', sizePt: 14, oddAlignment: 'right', evenAlignment: 'left', edgeIndentChars: 1 }, table: { borderPt: 0.5, numberAlignment: 'center' } },
  { runs: { lead: { bold: true, eastAsiaFont: '黑体' }, runIn: { latinFont: 'Times New Roman' } }, autoSpace: false, widowControl: true, lineSpacingPt: 28.95 },
];

const SETTINGS: readonly unknown[] = [{}, { data: 'data', out: 'out' }, { templates: '模板', formats: ['md', 'docx'] }, { data: '数据', out: '输出', templates: 't', formats: ['pdf'] }];

const SITTINGS: readonly unknown[] = [
  { term: 10, session: 2, date: '2024-01-15', speaker: '张三' },
  { term: '【待填写】', session: '【待填写】', reportingTerm: 9, date: '2024年1月15日', speaker: '李四', proposalsSpeaker: '王五', salutation: '各位委员、同志们：' },
];

describe('quick checks of the declared shapes, against zod', () => {
  const values = repositoryValues();

  it('vouch for every organization.yaml, sitting, members and totals in the data, the examples and the fixtures, as zod gives them', () => {
    const tally: Tally = { quick: 0, zod: 0 };
    for (const { name, shape, value } of values) {
      compare(name, shape, value, tally);
      // These files are valid: each is vouched for, so a clean run makes no zod parse.
      expect(shape.quick(value), name).not.toBe(UNSURE);
    }
    expect(values.filter((v) => v.shape === OrganizationFileShape).length).toBeGreaterThanOrEqual(5);
    expect(values.filter((v) => v.shape === SittingShape).length).toBeGreaterThanOrEqual(5);
    expect(values.filter((v) => v.shape === MembersShape).length).toBeGreaterThanOrEqual(5);
    expect(tally.zod).toBe(0);
  });

  it('give zod’s output or decline, on values made from those files by mutation', () => {
    const shapes = [OrganizationFileShape, SittingShape, MembersShape, singlePartShape('totals')];
    for (const shape of shapes) {
      const bases = values.filter((v) => v.shape === shape).map((v) => v.value);
      const extra = shape === SittingShape ? SITTINGS : shape === OrganizationFileShape ? [{ organization: { fullName: 'x', shortName: 'y', level: '市', partyCommittee: '市委', government: '市政府', congress: '市人大', proposalCategories: ['经济'] } }] : [];
      const tally: Tally = { quick: 0, zod: 0 };
      for (const value of mutations([...bases, ...extra], 3000, 24)) compare(String(shape.keys), shape, value, tally);
      // Both ways are taken often: the mutations reach valid values and invalid ones.
      expect(tally.quick, String(shape.keys)).toBeGreaterThan(150);
      expect(tally.zod, String(shape.keys)).toBeGreaterThan(300);
    }
  });

  it('give zod’s output or decline for organisations’ conventions, in every combination and mutated', () => {
    const all: unknown[] = [{}];
    for (const mergedInFiled of [true, false, undefined]) {
      for (const answeredRateBase of ['立案', '立案和并案', undefined]) {
        for (const percentDigits of [0, 1, 2, 3, undefined]) {
          for (const cutoff of ['年底', '12-20', '1220', undefined]) all.push(JSON.parse(JSON.stringify({ mergedInFiled, answeredRateBase, satisfactionRateBase: '办复', percentDigits, cutoff })));
        }
      }
    }
    const tally: Tally = { quick: 0, zod: 0 };
    for (const value of [...all, ...mutations(all, 2000, 7)]) compare('conventions', ConventionsShape, value, tally);
    expect(tally.quick).toBeGreaterThan(100);
    expect(tally.zod).toBeGreaterThan(100);
  });

  it('give zod’s output or decline for dates in every written form', () => {
    const tally: Tally = { quick: 0, zod: 0 };
    for (const value of ['2024-09-26', '2024-9-26', '2024.9.26', '2024/9/26', '2024年9月26日', '2023-02-29', '2024-02-29', '2024-13-01', '', 20240926, null, ' 2024-09-26']) compare('date', DateShape, value, tally);
    expect(tally.quick).toBeGreaterThan(0);
  });

  it('give zod’s output or decline for layout files, and a layout vouched for resolves as zod’s would', () => {
    const tally: Tally = { quick: 0, zod: 0 };
    for (const value of [...LAYOUTS, ...mutations(LAYOUTS, 4000, 11)]) {
      compare('layout', LayoutShape, value, tally);
      const quick = LayoutShape.quick(value);
      if (quick !== UNSURE) expect(written(resolveLayout(value))).toBe(written(resolveLayout(LayoutShape.schema.parse(value))));
    }
    for (const value of LAYOUTS) expect(LayoutShape.quick(value), written(value)).not.toBe(UNSURE);
    expect(tally.quick).toBeGreaterThan(500);
    expect(tally.zod).toBeGreaterThan(500);
  });

  it('give zod’s output or decline for report.yaml', () => {
    const tally: Tally = { quick: 0, zod: 0 };
    for (const value of [...SETTINGS, ...mutations(SETTINGS, 2000, 3)]) compare('report.yaml', SettingsShape, value, tally);
    for (const value of SETTINGS) expect(SettingsShape.quick(value)).not.toBe(UNSURE);
    expect(tally.quick).toBeGreaterThan(200);
    expect(tally.zod).toBeGreaterThan(200);
  });

  it('name the keys of an object shape as its schema does', () => {
    for (const shape of [OrganizationShape, OrganizationFileShape, SittingShape, MembersShape, SettingsShape, LayoutShape, ConventionsShape, singlePartShape('totals')]) {
      expect(shape.keys).toEqual(Object.keys((shape.schema as unknown as z.ZodObject).shape));
    }
  });

  it('decline where zod would take an earlier branch of a union, or drop a key a record’s key schema turns into __proto__', () => {
    // Shapes at the edge of what the stand-ins know, which the files' shapes do not reach today.
    const cases: Array<[Shape<z.ZodType>, unknown]> = [
      [declare((z) => z.union([z.string().transform((s) => `${s}!`), z.string()])), 'a'],
      [declare((z) => z.union([z.strictObject({ a: z.string() }), z.record(z.string(), z.string())])), { b: 'x' }],
      [declare((z) => z.record(z.string().trim(), z.string())), { ' __proto__ ': 'x', a: 'y' }],
    ];
    for (const [shape, value] of cases) {
      const tally: Tally = { quick: 0, zod: 0 };
      compare('edge', shape, value, tally);
      expect(tally.zod).toBe(1);
    }
  });

  it('date with zod’s own pattern for an ISO date', () => {
    expect(ISO_DATE.source).toBe(z.regexes.date.source);
    expect(ISO_DATE.flags).toBe(z.regexes.date.flags);
  });
});
