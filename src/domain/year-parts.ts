/**
 * The parts of a year that appear once: the sitting that hears the report (办公室), the members
 * at the end of the year, and the totals an office writes by hand (`totals.proposals` …, one
 * entry per record kind that has totals).
 */
import type * as z from 'zod/v4';
import { DateShape } from './fields.js';
import type { Field } from './fields.js';
import type { RecordKind } from './record-kind.js';
import { declare, fieldIn, nested, type Shape } from './shape.js';

type Zod = typeof z;
const count = (z: Zod, description: string) => z.int().nonnegative().meta({ description });

/**
 * Written by `report init` where only the secretariat knows the number (届次, 第几次会议): a draft
 * mark that validation warns about and the report prints as it is, never a guessed 1. The same
 * mark as validate/placeholders.ts's PLACEHOLDER.
 */
export const UNFILLED = '【待填写】';
/** A term or session number, or the mark that it is still to be filled in. */
const ordinal = (z: Zod, description: string) => z.union([count(z, description).min(1), z.literal(UNFILLED)]).meta({ description: `${description}；未定时写 ${UNFILLED}（生成时照印并警告）` });
export type Ordinal = number | typeof UNFILLED;

export const SittingShape = declare((z) =>
  z
    .strictObject({
      term: ordinal(z, '届次，如 10 表示第十届'),
      session: ordinal(z, '第几次会议，如 2 表示第二次会议'),
      reportingTerm: count(z, '作报告的常委会的届次；换届大会（第一次会议）上由上一届常委会报告，省略时与 term 相同').min(1).optional(),
      date: nested(z, DateShape).meta({ description: '听取报告的全体会议日期，YYYY-MM-DD（也可写 2025-1-15、2025年1月15日）' }),
      speaker: z.string().min(1).meta({ description: '常委会工作报告的报告人姓名' }),
      proposalsSpeaker: z.string().min(1).optional().meta({ description: '提案工作情况报告的报告人姓名（通常是一位副主席；生成提案工作情况报告时必填）' }),
      salutation: z.string().min(1).default('各位委员：').meta({ description: '称呼语，默认“各位委员：”' }),
    })
    .meta({ description: '听取报告的全体会议（办公室）' }),
);

export type Sitting = z.output<typeof SittingShape.schema>;

export const MembersShape = declare((z) =>
  z
    .strictObject({
      total: count(z, '委员总数'),
      standing: count(z, '常委人数').optional(),
      inCommittees: count(z, '编入专委会的委员人数').optional(),
    })
    .meta({ description: '年末的委员队伍（办公室）' }),
);

export type Members = z.output<typeof MembersShape.schema>;

/** `totals:` — each record kind with hand-written totals has its entry. */
export function totalsShape(kinds: readonly RecordKind[]): Shape<z.ZodType> {
  return declare((z) => {
    const entries = kinds.flatMap((k) =>
      k.totals ? [[k.key, z.strictObject(fieldsIn(z, k.totals.fields)).optional().meta({ description: `${k.label}的手填总数（只有总数、没有逐条记录时填写；两者都有时必须一致）` })]] : [],
    );
    return z.strictObject(Object.fromEntries(entries)).meta({ description: '各科室手填的总数' });
  });
}

function fieldsIn(z: Zod, fieldsOf: Record<string, Field>): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(fieldsOf).map(([k, f]) => [k, fieldIn(z, f)]));
}
