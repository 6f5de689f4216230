/**
 * The closed vocabularies of the domain. Kept in one place so that schema, figures and
 * templates agree on spelling.
 */

/** 会议类型 */
export const MEETING_KINDS = [
  '全体会议',
  '常委会议',
  '专题议政性常委会议',
  '主席会议',
  '秘书长会议',
  '党组会议',
  '双月协商座谈会',
  '专题协商会',
  '对口协商会',
  '界别协商会',
  '提案办理协商会',
  '其他会议',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** 提案者类别 */
export const SUBMITTER_KINDS = ['委员', '联名', '党派', '团体', '界别', '专委会'] as const;
export type SubmitterKind = (typeof SUBMITTER_KINDS)[number];

/** 提案审查结果 (filing decision) */
export const FILING_DECISIONS = ['立案', '并案', '不立案', '撤案', '转来信'] as const;
export type FilingDecision = (typeof FILING_DECISIONS)[number];

/** 提案者对办理的评价 */
export const SATISFACTION_LEVELS = ['满意', '基本满意', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** 调研视察类别 */
export const REPORT_KINDS = ['调研', '视察', '督查', '民主监督'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** 牵头单位类别 (lead body of a research or inspection report) */
export const LEAD_KINDS = ['主席会议', '专委会', '党派', '团体', '界别', '委员', '机关'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];

/** 组织层级 */
export const LEVELS = ['省', '市', '区', '县', '旗', '州', '盟'] as const;
export type Level = (typeof LEVELS)[number];
