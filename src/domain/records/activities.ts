/**
 * 其他履职活动: whatever else a report counts (学习、培训、走访、宣传、编报简报…), one record per
 * activity, with a total written by hand, its parts, or an item per occurrence.
 */
import type * as z from 'zod/v4';
import { diagnostic } from '../../diagnostics/catalogue.js';
import { sum } from '../groups.js';
import { DateShape, fields, type Field, type RecordOf } from '../fields.js';
import { declare, nested as nestedShape, type Shape } from '../shape.js';
import { defineRecordKind } from '../record-kind.js';

/** An activity as its fields declare it. */
export type Activity = RecordOf<ReturnType<typeof activityFields>>;

/** A field that only YAML can hold (a nested list): no spreadsheet column. */
function nested<T>(shape: Shape<z.ZodType<T[]>>, label: string, description: string): Field<T[]> {
  let built: z.ZodType<T[]> | undefined;
  return {
    // Built when first asked for, as fields.ts builds every field's.
    get schema() {
      return (built ??= shape.schema.meta({ title: label, description: `${label}：${description}` }).default([]));
    },
    label,
    description,
    headers: [label],
    cell: undefined,
    required: false,
    fallback: [],
    get quick() {
      return shape.quick;
    },
  };
}

const Parts = declare((z) => z.array(z.strictObject({ name: z.string().min(1).meta({ description: '分项名称' }), count: z.int().nonnegative().meta({ description: '分项数量' }) })));
const Items = declare((z) => z.array(z.strictObject({ date: nestedShape(z, DateShape).meta({ description: '日期' }), title: z.string().min(1).meta({ description: '内容' }) })));

function activityCount(a: Activity): number | undefined {
  if (a.items.length > 0) return a.items.length;
  if (a.count !== undefined) return a.count;
  return a.parts.length > 0 ? sum(a.parts.map((p) => p.count)) : undefined;
}

function activityFields() {
  return {
    id: fields.id('活动编号', '这项活动的编号，在文字中引用它时用（activities.<编号>.count）', { headers: ['编号'] }),
    name: fields.text('名称', '活动的名称，如：向市委专题报告', { headers: ['活动名称'] }),
    unit: fields.text('单位', '计量单位，如：次、件次、人次、名、篇、期', { headers: ['计量单位'] }),
    count: fields.count('数量', '总数（有逐项记录时可不写）', { headers: ['总数', '次数'], optional: true }),
    parts: nested(Parts, '分项', '分项统计，每项写 name 和 count'),
    items: nested(Items, '逐项记录', '每次活动一项，写 date 和 title'),
  };
}

export const activities = defineRecordKind({
  key: 'activities',
  label: '其他履职活动',
  office: '办公室',
  description: '学习、培训、走访、宣传、编报简报等其他计数的活动，一项活动一条记录',
  unit: '项',
  sheetWords: ['活动'],
  dateFields: [],
  fields: activityFields,
  check(records, { at, report, year }) {
    for (const record of records) {
      const a = record;
      if (a.count !== undefined && a.items.length > 0 && a.count !== a.items.length) {
        report(diagnostic('countConflict', { field: 'count', written: a.count, counted: a.items.length, what: '逐项记录条数' }, at(record, 'count')));
      }
      const total = activityCount(a);
      // A definition carried into a new year, its number not yet in: said, and its count is missing (never 0).
      if (total === undefined) report(diagnostic('activityNotFilled', { name: a.name, id: a.id }, at(record)));
      const partsSum = sum(a.parts.map((p) => p.count));
      const whole = a.count ?? (a.items.length > 0 ? a.items.length : undefined);
      if (whole !== undefined && partsSum > whole) {
        report(diagnostic('partExceedsWhole', { part: 'parts 合计', partValue: partsSum, whole: 'count', wholeValue: whole }, at(record, a.count !== undefined ? 'count' : 'parts')));
      }
      a.items.forEach((item, i) => {
        if (!item.date.startsWith(`${year.year}-`)) {
          report(diagnostic('dateOutsideYear', { field: 'date', date: item.date, year: year.year }, at(record, `items.${i}.date`)));
        }
      });
    }
  },
  figures(records, _year, scope) {
    // Over a term the same activity comes once a year: its counts and parts add up, its name
    // and unit are the latest year's (records arrive in year order).
    const byId = new Map<string, Activity[]>();
    for (const a of records) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
    return Object.fromEntries(
      [...byId].map(([id, list]) => {
        const latest = list[list.length - 1]!;
        const parts: Record<string, number> = {};
        for (const a of list) for (const p of a.parts) parts[p.name] = (parts[p.name] ?? 0) + p.count;
        const known = list.flatMap((a) => activityCount(a) ?? []);
        const count = known.length > 0 ? sum(known) : null;
        return [id, { name: latest.name, unit: latest.unit, count, parts, ...(scope === 'term' ? { years: list.length } : {}) }];
      }),
    );
  },
  labels: {
    '*.name': { label: '活动“{1}”的名称' },
    '*.unit': { label: '活动“{1}”的计量单位' },
    '*.count': { label: '活动“{1}”的数量' },
    '*.parts.*': { label: '活动“{1}”中“{2}”的数量' },
    '*.years': { label: '活动“{1}”有记录的年数' },
  },
  example: { id: 'study', name: '理论学习', unit: '次', parts: [{ name: '党组理论学习中心组专题学习会', count: 6 }] },
});
