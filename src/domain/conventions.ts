/**
 * 统计口径: how an organisation counts, declared once in organization.yaml (`conventions`) and
 * used by every figure, every template sentence, the annex tables and `stats` alike, so one word
 * means one thing in all of them. Organisations differ: some count 并案 within 立案 and in the
 * filing rate, some do not; some take 办复率 over 立案 alone.
 */
import type * as z from 'zod/v4';
import { declare } from './shape.js';

export const CONVENTION_DEFAULTS = {
  mergedInFiled: true,
  answeredRateBase: '立案',
  satisfactionRateBase: '反馈',
  percentDigits: 1,
  cutoff: '年底',
} as const;

export const ConventionsShape = declare((z) =>
  z
    .strictObject({
      mergedInFiled: z.boolean().default(CONVENTION_DEFAULTS.mergedInFiled).meta({
        description: '并案是否计入立案：true（默认）时立案数、立案率和附件的“立案”列都含并案，报告写“立案220件（含并案16件）”；false 时都不含，写“立案204件，并案16件”',
      }),
      answeredRateBase: z.enum(['立案', '立案和并案']).default(CONVENTION_DEFAULTS.answeredRateBase).meta({
        description: '办复率的分母：立案（默认，按 mergedInFiled 的口径）；或立案和并案（不论 mergedInFiled）',
      }),
      satisfactionRateBase: z.enum(['反馈', '办复']).default(CONVENTION_DEFAULTS.satisfactionRateBase).meta({
        description: '满意和基本满意率的分母：反馈（默认，反馈了满意度的提案）；或办复（已办复的提案）',
      }),
      percentDigits: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(CONVENTION_DEFAULTS.percentDigits).meta({
        description: '报告中百分数的小数位数：1（默认，如 27.0%）；0 为整数（如 27%）；一份报告只用一种',
      }),
      cutoff: z
        .string()
        .regex(/^(年底|\d{2}-\d{2})$/)
        .default(CONVENTION_DEFAULTS.cutoff)
        .meta({ description: '提案办复等数字的统计截止日：年底（默认，写“截至2023年底”）；或月-日，如 12-20（写“截至2023年12月20日”）' }),
    })
    .meta({ description: '统计口径：并案是否计入立案，办复率、满意率的分母，百分数的位数，统计截止日' }),
);

export type Conventions = z.output<typeof ConventionsShape.schema>;

/** The conventions of an organisation, or the defaults when it declares none (or has no organization.yaml). */
export function conventionsOf(org: { conventions?: Conventions } | undefined): Conventions {
  return { ...CONVENTION_DEFAULTS, ...(org?.conventions ?? {}) };
}

/** 立案 as this organisation counts it, for labels and definitions: 立案（含并案） or 立案（不含并案）. */
function filedWord(c: Conventions): string {
  return c.mergedInFiled ? '立案（含并案）' : '立案（不含并案）';
}

/**
 * Each rate's numerator and base in words, as `stats`, `explain` and the preview name them:
 * “已办复 ÷ 立案（含并案）”.
 */
export function rateDefinitions(c: Conventions): Record<string, string> {
  const filed = filedWord(c);
  const answeredBase = c.answeredRateBase === '立案和并案' ? '立案和并案' : filed;
  const satisfactionBase = c.satisfactionRateBase === '办复' ? '已办复的提案' : '反馈了满意度的提案';
  return {
    filingRate: `${filed} ÷ 收到提案`,
    answeredRate: `${answeredBase}中已办复的 ÷ ${answeredBase}`,
    satisfactionRate: `满意和基本满意 ÷ ${satisfactionBase}`,
  };
}
