/**
 * organization.yaml: the organisation's names and registers, shared by every year, and its
 * extensions of the word lists (see vocabulary.ts). The names of the committee printed in a
 * report's title, subtitle and opening are derived here from `fullName`, so a national, a
 * provincial and a county 政协 are each named as their own reports name them.
 */
import type * as z from 'zod/v4';
import { chineseNumeral } from './chinese.js';
import { ConventionsShape } from './conventions.js';
import { declare, nested } from './shape.js';
import { MEETING_GROUPS, VOCABULARY_LISTS, vocabularyOf, type MeetingGroup, type Vocabulary } from './vocabulary.js';

type Zod = typeof z;
const text = (z: Zod, description: string) => z.string().min(1).meta({ description });
const names = (z: Zod, description: string) => z.array(z.string().min(1)).meta({ description });

/** 办理结果 classes: A 已解决或基本解决… Each organisation defines its own (some use A–D). */
const resultClass = (z: Zod) =>
  z.strictObject({
    class: z.string().min(1).max(8).meta({ description: '类别代号，如 A' }),
    label: text(z, '这一类的说法，如：已解决或基本解决'),
  });

export const DEFAULT_RESULT_CLASSES = [
  { class: 'A', label: '已解决或基本解决' },
  { class: 'B', label: '正在解决或列入计划解决' },
  { class: 'C', label: '留作参考' },
] as const;

const meetingKindExtension = (z: Zod) =>
  z.union([
    z.string().min(1),
    z.strictObject({
      name: text(z, '会议类型名称，如：月度协商会'),
      group: z.enum(Object.keys(MEETING_GROUPS) as [MeetingGroup, ...MeetingGroup[]]).optional().meta({
        description: `计入哪一类会议的合计：${Object.entries(MEETING_GROUPS).map(([k, g]) => `${k}（${g.label}）`).join('、')}`,
      }),
    }),
  ]);

const vocabularyExtensions = (z: Zod) =>
  Object.fromEntries(
    VOCABULARY_LISTS.map((list) => [
      list.key,
      (list.key === 'meetingKinds' ? z.array(meetingKindExtension(z)) : names(z, ''))
        .optional()
        .meta({ description: `在默认的${list.label}（${list.defaults.join('、')}）之外，本组织另有的${list.label}` }),
    ]),
  );

export const OrganizationShape = declare((z) =>
  z
    .strictObject({
      fullName: text(z, '全称，如：中国人民政治协商会议江北省云州市委员会；全国政协为：中国人民政治协商会议全国委员会'),
      shortName: text(z, '简称，如：云州市政协'),
      province: z.string().default('').meta({ description: '所在省（自治区、直辖市），如：江北省；省级和全国政协留空' }),
      name: z.string().default('').meta({ description: '地名，如：云州市；全国政协留空' }),
      level: z.string().min(1).meta({ description: '层级：全国、省、市、区、县……（可在 levels 中增加）' }),
      partyCommittee: text(z, '同级党委简称，如：市委；全国政协写：党中央'),
      government: text(z, '同级政府简称，如：市政府；全国政协写：国务院'),
      congress: text(z, '同级人大简称，如：市人大'),
      proposalCategories: names(z, '提案分类（领域）清单；提案的“类别”须取自这里').min(1),
      sectors: names(z, '界别清单；填写后，提案的“界别”须取自这里').default([]),
      handlingUnits: names(z, '承办单位名录；填写后，提案的主办、会办单位须取自这里').default([]),
      proposalResults: z
        .array(resultClass(z))
        .min(1)
        .default([...DEFAULT_RESULT_CLASSES])
        .meta({ description: '提案办理结果的分类及说法，默认 A 已解决或基本解决、B 正在解决或列入计划解决、C 留作参考' }),
      conventions: nested(z, ConventionsShape).optional(),
      sheetHeaders: z
        .record(z.string(), z.record(z.string().min(1), z.string().min(1)))
        .optional()
        .meta({
          description: '表格台账中本组织自己的列名，按记录类别写“列名: 字段”，如 proposals: {答复形式: result, 主办: leadUnits}；默认能识别的列名见 README',
        }),
      sheetValues: z
        .record(z.string(), z.record(z.string(), z.record(z.string().min(1), z.string())))
        .optional()
        .meta({
          description:
            '表格台账中本组织自己的写法，按记录类别、字段写“写法: 标准值”，如 proposals: {review: {转办: 转来信}, satisfaction: {未评价: ""}}；标准值写 "" 表示当作没有填写',
        }),
      proposerLists: z
        .record(z.string().min(1), names(z, ''))
        .optional()
        .meta({
          description: '提案者名录：按提案者类别列出党派、团体、专委会的名称，如 {党派: [民盟某某委员会], 团体: [某某工商联]}；台账没有“提案者类别”列时据此推断',
        }),
      ...vocabularyExtensions(z),
    })
    .meta({ description: '政协组织信息（各年度共用）' }),
);

export type Organization = z.output<typeof OrganizationShape.schema>;

export const OrganizationFileShape = declare((z) => z.strictObject({ organization: nested(z, OrganizationShape) }));

/** The organisation's word lists: the defaults with its own additions. */
export function organizationVocabulary(org: Organization | undefined): Vocabulary {
  if (!org) return vocabularyOf();
  const extensions = Object.fromEntries(VOCABULARY_LISTS.map((l) => [l.key, (org as Record<string, unknown>)[l.key] ?? []]));
  return vocabularyOf(extensions as Parameters<typeof vocabularyOf>[0]);
}

const NATIONAL = '全国委员会';

/**
 * The committee's names with a term number, as reports print them:
 *   full:  中国人民政治协商会议江北省云州市第十届委员会 / 中国人民政治协商会议第十一届全国委员会
 *   short: 政协云州市第十届委员会 / 政协第十一届全国委员会
 */
export function committeeNames(org: Organization, term: number | string): { full: string; short: string } {
  // A term still to be filled in (【待填写】) prints as the mark, so the draft shows where it is.
  const th = `第${typeof term === 'number' ? chineseNumeral(term) : term}届`;
  const national = org.fullName.endsWith(NATIONAL) || org.level === '全国';
  if (national) {
    const stem = org.fullName.endsWith(NATIONAL) ? org.fullName.slice(0, -NATIONAL.length) : '中国人民政治协商会议';
    return { full: `${stem}${th}${NATIONAL}`, short: `政协${th}${NATIONAL}` };
  }
  const stem = org.fullName.endsWith('委员会') ? org.fullName.slice(0, -3) : org.fullName;
  return { full: `${stem}${th}委员会`, short: `政协${org.name}${th}委员会` };
}
