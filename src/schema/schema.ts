/**
 * zod schemas of the data files: the single source of truth for what a file may contain.
 * Every year file may hold any of the year keys, so each office can keep its own file
 * (proposals.yaml, meetings.yaml…) or several offices can share one.
 */
import { z } from 'zod';
import {
  FILING_DECISIONS,
  LEAD_KINDS,
  LEVELS,
  MEETING_KINDS,
  REPORT_KINDS,
  SATISFACTION_LEVELS,
  SUBMITTER_KINDS,
} from './vocabulary.js';

const text = (description: string) => z.string().min(1).meta({ description });
const count = (description: string) => z.int().nonnegative().meta({ description });
const date = (description: string) => z.iso.date().meta({ description });
const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
  .meta({ description: '记录编号：字母、数字、- 或 _，在同一年度内唯一' });
const tags = z.array(z.string().min(1)).meta({ description: '自定义标签，用于分组统计（如“民生”）' });

/** One paragraph of prose, or several. Prose may cite figures: {{proposals.total}}. */
export const ProseSchema = z
  .union([z.string(), z.array(z.string())])
  .meta({ description: '一段或多段文字；可用 {{名称}} 引用计算出的数字' });

export const OrganizationSchema = z
  .strictObject({
    fullName: text('全称，如：中国人民政治协商会议江北省云州市委员会'),
    shortName: text('简称，如：云州市政协'),
    province: z.string().meta({ description: '所在省（自治区、直辖市），如：江北省；省级政协留空' }).default(''),
    name: text('地名，如：云州市'),
    level: z.enum(LEVELS).meta({ description: '层级：省、市、区、县…' }),
    partyCommittee: text('同级党委简称，如：市委'),
    government: text('同级政府简称，如：市政府'),
    congress: text('同级人大简称，如：市人大'),
    proposalCategories: z.array(z.string().min(1)).min(1).meta({ description: '提案分类（领域）清单' }),
    sectors: z.array(z.string().min(1)).default([]).meta({ description: '界别清单' }),
  })
  .meta({ description: '政协组织信息（各年度共用）' });

export const SittingSchema = z
  .strictObject({
    term: count('届次，如 9 表示第九届').min(1),
    session: count('第几次会议，如 2 表示第二次会议').min(1),
    reportingTerm: count('作报告的常委会的届次；换届大会（第一次会议）上由上一届常委会报告，省略时与 term 相同')
      .min(1)
      .optional(),
    date: date('听取报告的全体会议日期，YYYY-MM-DD'),
    speaker: text('报告人姓名'),
    salutation: z.string().min(1).default('各位委员：').meta({ description: '称呼语，默认“各位委员：”' }),
  })
  .meta({ description: '听取本报告的会议' });

export const MeetingSchema = z
  .strictObject({
    id,
    kind: z.enum(MEETING_KINDS).meta({ description: '会议类型' }),
    date: date('会议日期'),
    topic: z.string().default('').meta({ description: '议题' }),
    suggestions: count('提出的建议条数').default(0),
    adopted: z.boolean().default(false).meta({ description: '建议是否得到党委政府采纳' }),
    tags: tags.default([]),
  })
  .meta({ description: '会议（办公室）' });

export const ProposalSchema = z
  .strictObject({
    id,
    title: text('提案标题'),
    submitter: z.enum(SUBMITTER_KINDS).meta({ description: '提案者类别' }),
    by: z.string().default('').meta({ description: '提案者名称或姓名' }),
    sector: z.string().optional().meta({ description: '界别（须在 organization.sectors 中登记）' }),
    category: text('提案分类（须在 organization.proposalCategories 中登记）'),
    date: date('提交日期').optional(),
    filing: z.enum(FILING_DECISIONS).meta({ description: '审查结果' }),
    mergedInto: id.optional().meta({ description: '并案时并入的提案编号' }),
    key: z.boolean().default(false).meta({ description: '是否重点提案' }),
    handled: z.boolean().default(false).meta({ description: '是否已办结（办复）' }),
    satisfaction: z.enum(SATISFACTION_LEVELS).optional().meta({ description: '提案者对办理的评价' }),
    tags: tags.default([]),
  })
  .meta({ description: '提案（提案委）' });

/** Hand-written proposal totals, kept by some offices; checked against the records. */
export const ProposalCountsSchema = z
  .strictObject({
    received: count('收到提案件数').optional(),
    filed: count('立案件数').optional(),
    handled: count('办结件数').optional(),
  })
  .meta({ description: '手填的提案总数（可选），与逐件记录核对' });

export const ResearchReportSchema = z
  .strictObject({
    id,
    kind: z.enum(REPORT_KINDS).meta({ description: '类别：调研、视察、督查、民主监督' }),
    title: text('报告标题'),
    lead: text('牵头单位'),
    leadKind: z.enum(LEAD_KINDS).meta({ description: '牵头单位类别' }),
    date: date('完成或报送日期'),
    suggestions: count('提出的建议条数').default(0),
    tags: tags.default([]),
  })
  .meta({ description: '调研、视察、督查报告（研究室、各专委会）' });

export const ApprovalSchema = z
  .strictObject({
    id,
    report: id.meta({ description: '获批示的报告编号（reports 中的 id）' }),
    by: text('批示领导，如：市委主要领导'),
    date: date('批示日期').optional(),
  })
  .meta({ description: '领导批示，每条记录计 1 件次' });

export const InformationItemSchema = z
  .strictObject({
    id,
    title: text('信息标题'),
    date: date('收集日期'),
    submitted: z.boolean().default(false).meta({ description: '是否已报送' }),
    adopted: z.boolean().default(false).meta({ description: '是否被采用' }),
    adoptedBy: z.string().optional().meta({ description: '采用单位，如：全国政协' }),
    tags: tags.default([]),
  })
  .meta({ description: '一条社情民意信息' });

export const InformationSchema = z
  .strictObject({
    counts: z
      .strictObject({
        collected: count('收集条数'),
        submitted: count('报送条数'),
        adopted: count('被采用条数'),
      })
      .optional()
      .meta({ description: '只有总数时手填；与逐条记录同时存在时必须一致' }),
    items: z.array(InformationItemSchema).default([]).meta({ description: '逐条记录' }),
  })
  .meta({ description: '社情民意信息（信息科）' });

export const ActivityPartSchema = z.strictObject({
  name: text('分项名称'),
  count: count('分项数量'),
});

export const ActivitySchema = z
  .strictObject({
    id,
    name: text('活动名称，如：向市委专题报告'),
    unit: text('计量单位，如：次、件次、人次、名、篇'),
    count: count('总数（有逐项记录时可省略）').optional(),
    parts: z.array(ActivityPartSchema).default([]).meta({ description: '分项统计' }),
    items: z
      .array(z.strictObject({ date: date('日期'), title: text('内容') }))
      .default([])
      .meta({ description: '逐项记录' }),
  })
  .meta({ description: '其他计数的活动（学习、培训、走访、宣传…）' });

export const MembersSchema = z
  .strictObject({
    total: count('委员总数'),
    standing: count('常委人数').optional(),
    inCommittees: count('编入专委会的委员人数').optional(),
  })
  .meta({ description: '委员队伍' });

export const ParagraphSchema = z.union([
  z.string(),
  z.strictObject({
    lead: z.string().min(1).meta({ description: '段首的导语句，排版时加粗，如：强化理论武装。' }),
    text: z.string().meta({ description: '导语之后的正文' }),
  }),
]);

/**
 * The few texts of the news-style year summary (工作综述, `--kind summary`) that the annual
 * report does not have. Everything else comes from the annual narrative: sections without
 * paragraphs take the paragraphs of the review section at the same position.
 */
export const SummarySchema = z
  .strictObject({
    title: text('综述的标题，如：笃行不怠 勤勉履职 奋力谱写新时代政协事业新篇章（词组间的空格排成全角空格）'),
    lead: ProseSchema.meta({ description: '导语：标题之后、第一个小标题之前的几段' }),
    sections: z
      .array(
        z.strictObject({
          headline: text('小标题，如：强化政治引领 筑牢思想根基'),
          paragraphs: z
            .array(ParagraphSchema)
            .min(1)
            .optional()
            .meta({ description: '正文段落；省略时沿用工作回顾中同一位置那一部分的段落' }),
        }),
      )
      .min(1)
      .optional()
      .meta({ description: '各部分；省略时沿用工作回顾的各部分，小标题即回顾的小标题' }),
    closing: ProseSchema.optional().meta({ description: '结尾段落（可选）' }),
  })
  .meta({ description: '工作综述（--kind summary）专用的文字：标题、导语、各部分小标题' });

export const NarrativeSchema = z
  .strictObject({
    review: z.strictObject({
      overview: ProseSchema.meta({ description: '工作回顾的总述段落' }),
      sections: z
        .array(
          z.strictObject({
            heading: text('小标题，不含序号，如：坚持和加强党的全面领导'),
            paragraphs: z.array(ParagraphSchema).min(1),
          }),
        )
        .min(1),
    }),
    thanks: ProseSchema.meta({ description: '致谢段落' }),
    shortcomings: ProseSchema.meta({ description: '不足段落' }),
    plan: z.strictObject({
      requirements: ProseSchema.meta({ description: '来年工作的总体要求' }),
      items: z
        .array(
          z.strictObject({
            heading: text('工作安排的标题句，不含序号，如：毫不动摇坚持和加强党的全面领导。'),
            text: z.string().meta({ description: '与标题同段的正文' }),
          }),
        )
        .min(1),
    }),
    closing: ProseSchema.meta({ description: '结束语' }),
    summary: SummarySchema.optional(),
  })
  .meta({ description: '报告的文字部分（各部分标题、段落、致谢、不足、安排、结束语）' });

/** 回顾…我们深切体会到：只有坚持…才能…；— the term report's lessons, one per paragraph. */
export const LessonsSchema = z
  .strictObject({
    intro: text('引出体会的话，如：回顾五年来的工作实践，我们深切体会到：'),
    items: z
      .array(z.string().min(1))
      .min(1)
      .meta({ description: '体会，一条一段，如：只有坚持党的领导，……才能确保政协工作的正确方向；第一条与引出的话同段' }),
  })
  .meta({ description: '五年工作的体会' });

/**
 * The narrative of a term report (届末五年工作报告): the annual narrative's parts (the review
 * of five years, thanks, shortcomings, the next five years' suggestions as `plan`, closing)
 * plus the lessons. Lives in the term folder (term-2018-2022/), not in a year folder.
 */
export const TermNarrativeSchema = NarrativeSchema.omit({ summary: true })
  .extend({ lessons: LessonsSchema })
  .meta({ description: '届末五年工作报告的文字部分：五年工作回顾、致谢、体会（lessons）、不足、今后五年工作建议（plan）、结束语' });

/** Keys a year file may hold: list keys collect records across files, the others appear once. */
export const YEAR_LIST_KEYS = {
  meetings: MeetingSchema,
  proposals: ProposalSchema,
  reports: ResearchReportSchema,
  approvals: ApprovalSchema,
  activities: ActivitySchema,
} as const;

export const YEAR_SINGLE_KEYS = {
  sitting: SittingSchema,
  proposalCounts: ProposalCountsSchema,
  information: InformationSchema,
  members: MembersSchema,
  narrative: NarrativeSchema,
} as const;

export type YearListKey = keyof typeof YEAR_LIST_KEYS;
export type YearSingleKey = keyof typeof YEAR_SINGLE_KEYS;

export const YearFileSchema = z
  .strictObject({
    ...Object.fromEntries(Object.entries(YEAR_LIST_KEYS).map(([k, s]) => [k, z.array(s).optional()])),
    ...Object.fromEntries(Object.entries(YEAR_SINGLE_KEYS).map(([k, s]) => [k, s.optional()])),
  })
  .meta({ description: '年度数据文件：可包含下列任意部分' });

export const RootFileSchema = z.strictObject({ organization: OrganizationSchema });

/** Keys of a term folder's files (term-2018-2022/sitting.yaml, narrative.yaml), each once. */
export const TERM_SINGLE_KEYS = {
  sitting: SittingSchema,
  narrative: TermNarrativeSchema,
} as const;

export type TermSingleKey = keyof typeof TERM_SINGLE_KEYS;

export const TermFileSchema = z
  .strictObject({
    sitting: SittingSchema.optional(),
    narrative: TermNarrativeSchema.optional(),
  })
  .meta({ description: '届末报告文件夹（如 term-2018-2022/）中的数据文件：听取报告的会议和报告的文字' });

export type Organization = z.output<typeof OrganizationSchema>;
export type Sitting = z.output<typeof SittingSchema>;
export type Meeting = z.output<typeof MeetingSchema>;
export type Proposal = z.output<typeof ProposalSchema>;
export type ProposalCounts = z.output<typeof ProposalCountsSchema>;
export type ResearchReport = z.output<typeof ResearchReportSchema>;
export type Approval = z.output<typeof ApprovalSchema>;
export type Information = z.output<typeof InformationSchema>;
export type InformationItem = z.output<typeof InformationItemSchema>;
export type Activity = z.output<typeof ActivitySchema>;
export type Members = z.output<typeof MembersSchema>;
export type Narrative = z.output<typeof NarrativeSchema>;
export type Paragraph = z.output<typeof ParagraphSchema>;
export type Prose = z.output<typeof ProseSchema>;
export type Summary = z.output<typeof SummarySchema>;
export type Lessons = z.output<typeof LessonsSchema>;
export type TermNarrative = z.output<typeof TermNarrativeSchema>;
