/**
 * What each sample year holds: the hand-picked records the narrative names (meetings, reports,
 * approvals, key proposals), and the target counts the generator fills up to. Everything here
 * is fictional. Numbers live here and in the generated files — never in narrative.yaml.
 */

import type { LeadKind, MeetingRecord, ReportKind, ReportRecord, SubmitterKind } from './records.js';

export type { LeadKind, ReportKind, SubmitterKind } from './records.js';

export type CuratedMeeting = MeetingRecord;

export type CuratedReport = ReportRecord;

export interface ActivityPlan {
  id: string;
  name: string;
  unit: string;
  count?: number;
  parts?: Array<[string, number]>;
  /** Itemised: this many items are generated (see generator). */
  items?: number;
}

export interface YearPlan {
  year: number;
  /** Days the annual session took proposals (inclusive), and the share submitted later in the year. */
  session: { from: string; to: string; laterShare: number };
  proposals: {
    submitters: Record<SubmitterKind, number>;
    categories: Record<string, number>;
    merged: number;
    unfiled: { 不立案: number; 转来信: number; 撤案: number };
    handledRate: number;
    keyPhrases: string[];
    key: number;
    dissatisfied: number;
    noFeedback: number;
  };
  meetings: CuratedMeeting[];
  routineMeetings: Record<string, number>;
  /** Extra consultative meetings drawn from pools (large scales only). */
  extraConsultations: number;
  reports: CuratedReport[];
  reportFill: { leadKinds: Partial<Record<LeadKind, number>>; kinds: Record<ReportKind, number> };
  approvals: { curated: Array<[string, string]>; total: number };
  information:
    | { kind: 'items'; collected: number; submitted: number; adoptedBy: Record<string, number> }
    | { kind: 'counts'; collected: number; submitted: number; adopted: number };
  activities: ActivityPlan[];
  members: { total: number; standing: number; inCommittees: number };
  /** Slice of the member roster that sat this year. */
  roster: { from: number; size: number };
}

const yes = true;

export const PLAN_2023: YearPlan = {
  year: 2023,
  session: { from: '2023-01-03', to: '2023-01-08', laterShare: 0.12 },
  proposals: {
    submitters: { 委员: 108, 联名: 18, 党派: 70, 团体: 22, 界别: 9, 专委会: 5 },
    categories: { 民生和社会事业: 86, 经济建设: 38, 城乡建设: 22, 社会治理: 20, 农业农村: 18, 生态环境: 15, 科技创新: 14, 文化旅游: 12, 其他: 7 },
    merged: 16,
    unfiled: { 不立案: 6, 转来信: 5, 撤案: 1 },
    handledRate: 0.927,
    keyPhrases: [
      '加快推进老旧小区改造',
      '完善居家社区养老服务体系',
      '推进紧密型县域医共体建设',
      '持续优化营商环境',
      '推进数字经济与实体经济深度融合',
      '加快乡村特色产业发展',
      '加强云江湿地保护修复',
      '推进智慧停车场建设',
      '提升中小学课后服务质量',
      '加快科技成果转化',
    ],
    key: 10,
    dissatisfied: 1,
    noFeedback: 4,
  },
  meetings: [
    { id: 'session-opening', kind: '全体会议', date: '2023-01-05', topic: '十届一次会议开幕大会，听取和审议常委会工作报告和提案工作情况报告' },
    { id: 'session-closing', kind: '全体会议', date: '2023-01-08', topic: '十届一次会议闭幕大会，选举产生十届政协主席、副主席、秘书长和常务委员' },
    { id: 'standing-01', kind: '常委会议', date: '2023-01-08', topic: '十届一次常委会议，协商通过各专门委员会组成人员名单' },
    { id: 'standing-02', kind: '常委会议', date: '2023-03-30', topic: '学习贯彻全国两会精神，审议通过年度协商工作计划' },
    { id: 'standing-03', kind: '常委会议', date: '2023-06-28', topic: '听取市政府关于上半年全市经济运行情况的通报' },
    { id: 'standing-04', kind: '常委会议', date: '2023-11-23', topic: '审议通过《政协云州市委员会委员履职管理办法》' },
    { id: 'standing-05', kind: '常委会议', date: '2023-12-21', topic: '听取重点提案办理情况通报，审议十届二次会议有关事项' },
    { id: 'digital-economy', kind: '专题议政性常委会议', date: '2023-07-27', topic: '推动数字经济和实体经济深度融合', suggestions: 17, adopted: yes },
    { id: 'river-economic-belt', kind: '专题议政性常委会议', date: '2023-09-21', topic: '提升云州港枢纽能级、打造沿江物流通道', suggestions: 6, adopted: yes },
    { id: 'urban-rural-integration', kind: '双月协商座谈会', date: '2023-04-25', topic: '推进城乡基本公共服务均等化', suggestions: 11, adopted: yes, tags: ['民生'] },
    { id: 'waste-sorting', kind: '双月协商座谈会', date: '2023-06-20', topic: '健全生活垃圾分类收运处理体系', suggestions: 8, adopted: yes, tags: ['民生'] },
    { id: 'old-communities', kind: '双月协商座谈会', date: '2023-08-24', topic: '老旧小区改造中的停车和加装电梯难题', suggestions: 9, adopted: yes, tags: ['民生'] },
    { id: 'private-economy', kind: '双月协商座谈会', date: '2023-10-19', topic: '促进民营经济发展壮大', suggestions: 7, adopted: yes },
    { id: 'fine-management', kind: '双月协商座谈会', date: '2023-12-14', topic: '提升城市精细化管理水平', suggestions: 6 },
    { id: 'spatial-planning', kind: '专题协商会', date: '2023-05-16', topic: '统筹城市更新与历史街区保护', suggestions: 7, adopted: yes },
    { id: 'idle-assets', kind: '专题协商会', date: '2023-07-11', topic: '盘活低效用地和存量厂房', suggestions: 8, adopted: yes },
    { id: 'talent', kind: '专题协商会', date: '2023-10-31', topic: '产业工人技能提升', suggestions: 6, adopted: yes },
    { id: 'business-environment', kind: '对口协商会', date: '2023-04-13', topic: '优化营商环境、提升政务服务效能', suggestions: 6, adopted: yes },
    { id: 'after-school', kind: '对口协商会', date: '2023-05-25', topic: '中小学课后服务提质增效', suggestions: 5, adopted: yes },
    { id: 'river-ecology', kind: '对口协商会', date: '2023-09-07', topic: '云江流域水生态保护修复', suggestions: 5, adopted: yes },
    { id: 'rental-housing', kind: '对口协商会', date: '2023-11-09', topic: '加快发展保障性租赁住房', suggestions: 4 },
    { id: 'rural-revitalization', kind: '界别协商会', date: '2023-06-08', topic: '发展乡村特色产业、促进农民增收', suggestions: 6, adopted: yes },
    { id: 'tcm-health', kind: '界别协商会', date: '2023-08-10', topic: '推动中医药服务进基层', suggestions: 9, adopted: yes },
    { id: 'youth-entrepreneurship', kind: '界别协商会', date: '2023-09-26', topic: '促进青年创新创业', suggestions: 5, adopted: yes },
    { id: 'minors-online', kind: '界别协商会', date: '2023-11-16', topic: '加强未成年人网络保护', suggestions: 4, adopted: yes },
    { id: 'kp-old-communities', kind: '提案办理协商会', date: '2023-05-30', topic: '重点提案“加快推进老旧小区改造”办理协商', suggestions: 4, adopted: yes },
    { id: 'kp-elderly-care', kind: '提案办理协商会', date: '2023-07-18', topic: '重点提案“完善居家社区养老服务体系”办理协商', suggestions: 3, adopted: yes },
    { id: 'kp-county-medical', kind: '提案办理协商会', date: '2023-10-12', topic: '重点提案“推进紧密型县域医共体建设”办理协商', suggestions: 3, adopted: yes },
  ],
  routineMeetings: { 主席会议: 12, 党组会议: 13, 秘书长会议: 6, 其他会议: 3 },
  extraConsultations: 0,
  reports: [
    { id: 'digital-economy-research', kind: '调研', title: '关于推进数字经济与实体经济深度融合的调研报告', lead: '经济委员会', leadKind: '专委会', date: '2023-06-30', suggestions: 12, tags: ['数字经济'] },
    { id: 'river-belt-research', kind: '调研', title: '关于提升云州港枢纽能级的调研报告', lead: '市政协主席会议', leadKind: '主席会议', date: '2023-08-31', suggestions: 6 },
    { id: 'idle-resources', kind: '调研', title: '关于盘活低效用地和存量厂房的调研报告', lead: '经济委员会', leadKind: '专委会', date: '2023-07-20', suggestions: 8 },
    { id: 'wetland-supervision', kind: '民主监督', title: '关于云江湿地保护情况的民主监督报告', lead: '人口资源环境委员会', leadKind: '专委会', date: '2023-09-28', suggestions: 7, tags: ['生态'] },
    { id: 'court-appearance', kind: '视察', title: '关于法治政府建设情况的视察报告', lead: '社会和法制委员会', leadKind: '专委会', date: '2023-06-15', suggestions: 5 },
    { id: 'key-proposals-inspection', kind: '督查', title: '关于重点提案办理情况的督查报告', lead: '提案委员会', leadKind: '专委会', date: '2023-11-10', suggestions: 6 },
    { id: 'tcm-research', kind: '调研', title: '关于推动中医药服务进基层的调研报告', lead: '教科卫体委员会', leadKind: '专委会', date: '2023-08-03', suggestions: 9 },
    { id: 'rural-industry-research', kind: '调研', title: '关于加快乡村特色产业发展的调研报告', lead: '农业和农村委员会', leadKind: '专委会', date: '2023-05-31', suggestions: 6 },
    { id: 'waste-sorting-inspection', kind: '视察', title: '关于生活垃圾分类收运处理情况的视察报告', lead: '人口资源环境委员会', leadKind: '专委会', date: '2023-06-12', suggestions: 7, tags: ['生态'] },
    { id: 'urban-rural-research', kind: '调研', title: '关于推进城乡基本公共服务均等化的调研报告', lead: '市政协主席会议', leadKind: '主席会议', date: '2023-04-18', suggestions: 8 },
    { id: 'key-projects-inspection', kind: '视察', title: '关于全市重点项目建设情况的视察报告', lead: '市政协主席会议', leadKind: '主席会议', date: '2023-10-25', suggestions: 5 },
    { id: 'grassroots-consultation', kind: '调研', title: '关于推进政协协商与基层协商有效衔接的调研报告', lead: '市政协研究室', leadKind: '机关', date: '2023-09-14', suggestions: 6 },
    { id: 'minge-heritage', kind: '调研', title: '关于加强历史文化街区保护利用的调研报告', lead: '民革云州市委会', leadKind: '党派', date: '2023-05-22', suggestions: 6 },
    { id: 'minmeng-after-school', kind: '调研', title: '关于推进中小学课后服务提质增效的调研报告', lead: '民盟云州市委会', leadKind: '党派', date: '2023-04-27', suggestions: 5 },
    { id: 'minjian-finance', kind: '调研', title: '关于破解中小微企业融资难题的调研报告', lead: '民建云州市委会', leadKind: '党派', date: '2023-06-26', suggestions: 7, tags: ['营商环境'] },
    { id: 'minjin-mental-health', kind: '调研', title: '关于加强青少年心理健康教育的调研报告', lead: '民进云州市委会', leadKind: '党派', date: '2023-07-06', suggestions: 6 },
    { id: 'nonggong-primary-care', kind: '调研', title: '关于完善基层医疗卫生服务体系的调研报告', lead: '农工党云州市委会', leadKind: '党派', date: '2023-08-17', suggestions: 7 },
    { id: 'zhigong-overseas', kind: '调研', title: '关于发挥侨资侨智作用、助力招商引资的调研报告', lead: '致公党云州市委会', leadKind: '党派', date: '2023-09-05', suggestions: 5 },
    { id: 'jiusan-transfer', kind: '调研', title: '关于加快科技成果转化的调研报告', lead: '九三学社云州市委会', leadKind: '党派', date: '2023-06-08', suggestions: 6 },
    { id: 'minge-riverbank', kind: '调研', title: '关于推进云江岸线生态修复的调研报告', lead: '民革云州市委会', leadKind: '党派', date: '2023-10-16', suggestions: 5, tags: ['生态'] },
    { id: 'minmeng-vocational', kind: '调研', title: '关于深化职业教育产教融合的调研报告', lead: '民盟云州市委会', leadKind: '党派', date: '2023-09-21', suggestions: 6 },
    { id: 'minjian-private-economy', kind: '调研', title: '关于促进民营经济高质量发展的调研报告', lead: '民建云州市委会', leadKind: '党派', date: '2023-10-12', suggestions: 7, tags: ['营商环境'] },
    { id: 'nonggong-childcare', kind: '调研', title: '关于加快发展普惠托育服务的调研报告', lead: '农工党云州市委会', leadKind: '党派', date: '2023-05-11', suggestions: 5 },
    { id: 'jiusan-smart-farming', kind: '调研', title: '关于推进智慧农业发展的调研报告', lead: '九三学社云州市委会', leadKind: '党派', date: '2023-11-02', suggestions: 5 },
    { id: 'gsl-business-relations', kind: '调研', title: '关于构建亲清政商关系的调研报告', lead: '市工商联', leadKind: '团体', date: '2023-07-13', suggestions: 6, tags: ['营商环境'] },
    { id: 'women-children-rights', kind: '调研', title: '关于保障妇女儿童合法权益的调研报告', lead: '市妇联', leadKind: '团体', date: '2023-08-24', suggestions: 5 },
    { id: 'youth-talent', kind: '调研', title: '关于吸引青年人才留云就业创业的调研报告', lead: '团市委', leadKind: '团体', date: '2023-06-20', suggestions: 5 },
    { id: 'grassroots-science', kind: '调研', title: '关于加强基层科普能力建设的调研报告', lead: '市科协', leadKind: '团体', date: '2023-09-26', suggestions: 4 },
    { id: 'emergency-care', kind: '调研', title: '关于提升急诊急救服务能力的调研报告', lead: '医药卫生界', leadKind: '界别', date: '2023-07-27', suggestions: 6 },
    { id: 'class-size', kind: '调研', title: '关于缓解义务教育阶段大班额问题的调研报告', lead: '教育界', leadKind: '界别', date: '2023-05-18', suggestions: 5 },
    { id: 'ethnic-unity', kind: '调研', title: '关于铸牢中华民族共同体意识的调研报告', lead: '少数民族界、宗教界', leadKind: '界别', date: '2023-10-19', suggestions: 4 },
    { id: 'smart-parking', kind: '调研', title: '关于智慧停车场建设运营情况的调研报告', lead: '城乡建设领域委员小组', leadKind: '委员', date: '2023-08-08', suggestions: 5 },
    { id: 'rural-delivery', kind: '调研', title: '关于完善农村寄递物流体系的调研报告', lead: '农业界委员小组', leadKind: '委员', date: '2023-09-12', suggestions: 4 },
  ],
  reportFill: { leadKinds: { 专委会: 7 }, kinds: { 调研: 2, 视察: 2, 督查: 1, 民主监督: 2 } },
  approvals: {
    curated: [
      ['digital-economy-research', '市委主要领导'],
      ['digital-economy-research', '市政府主要领导'],
      ['digital-economy-research', '市政府分管领导'],
      ['river-belt-research', '市委主要领导'],
      ['river-belt-research', '省政协领导'],
      ['idle-resources', '市政府主要领导'],
      ['wetland-supervision', '市委主要领导'],
      ['wetland-supervision', '市政府分管领导'],
      ['court-appearance', '市政府主要领导'],
      ['key-proposals-inspection', '市政府分管领导'],
      ['tcm-research', '市政府分管领导'],
      ['urban-rural-research', '市委主要领导'],
      ['urban-rural-research', '市政府主要领导'],
      ['minjian-finance', '市政府分管领导'],
      ['gsl-business-relations', '市委分管领导'],
      ['jiusan-transfer', '市政府分管领导'],
    ],
    total: 26,
  },
  information: { kind: 'items', collected: 236, submitted: 124, adoptedBy: { 全国政协: 6, 省政协: 17, 市委: 12, 市政府: 11 } },
  activities: [
    { id: 'party-reports', name: '向市委专题报告', unit: '件次', items: 27 },
    { id: 'study', name: '理论学习', unit: '次', parts: [['党组理论学习中心组专题学习会', 9], ['主席会议集体学习', 12], ['常委会议专题学习', 5]] },
    { id: 'study-articles', name: '委员学习体会文章', unit: '篇', count: 64 },
    { id: 'training', name: '委员培训', unit: '期', parts: [['线下集中培训', 3], ['委员大讲堂', 8], ['线上云课堂', 14]] },
    { id: 'trainees', name: '委员参加培训', unit: '人次', count: 1386 },
    { id: 'info-bulletins', name: '编报《社情民意》', unit: '期', count: 25 },
    { id: 'grassroots', name: '委员走进基层', unit: '名', count: 324 },
    { id: 'problems-solved', name: '帮助解决实际问题', unit: '件', count: 463 },
    { id: 'workrooms', name: '“两代表一委员”工作室', unit: '个', count: 48 },
    { id: 'volunteering', name: '委员志愿服务活动', unit: '次', count: 86 },
    { id: 'reading', name: '委员读书分享活动', unit: '场', count: 36 },
    { id: 'stories-provincial', name: '云州故事在省政协平台刊发', unit: '篇', count: 57 },
    { id: 'stories-national', name: '云州故事被全国政协采用', unit: '篇', count: 17 },
  ],
  members: { total: 326, standing: 61, inCommittees: 326 },
  roster: { from: 70, size: 326 },
};

export const PLAN_2022: YearPlan = {
  year: 2022,
  session: { from: '2022-01-07', to: '2022-01-13', laterShare: 0.1 },
  proposals: {
    submitters: { 委员: 101, 联名: 16, 党派: 60, 团体: 18, 界别: 8, 专委会: 5 },
    categories: { 民生和社会事业: 74, 经济建设: 36, 城乡建设: 21, 社会治理: 18, 农业农村: 17, 生态环境: 14, 科技创新: 12, 文化旅游: 10, 其他: 6 },
    merged: 13,
    unfiled: { 不立案: 5, 转来信: 4, 撤案: 0 },
    handledRate: 0.925,
    keyPhrases: [
      '推进义务教育优质均衡发展',
      '推动制造业智能化改造和数字化转型',
      '深入推进生活垃圾分类',
      '发展社区嵌入式养老服务',
      '加快“专精特新”企业培育',
      '推进高标准农田建设',
      '加快实施城市更新行动',
      '提升基层医疗卫生服务能力',
      '推进市域社会治理现代化',
    ],
    key: 9,
    dissatisfied: 1,
    noFeedback: 3,
  },
  meetings: [
    { id: 'session-opening', kind: '全体会议', date: '2022-01-10', topic: '九届五次会议开幕大会，听取和审议常委会工作报告和提案工作情况报告' },
    { id: 'session-closing', kind: '全体会议', date: '2022-01-13', topic: '九届五次会议闭幕大会，通过政治决议' },
    { id: 'standing-01', kind: '常委会议', date: '2022-03-29', topic: '学习贯彻全国两会精神，审议通过年度协商工作计划' },
    { id: 'standing-02', kind: '常委会议', date: '2022-06-24', topic: '听取市政府关于上半年全市经济运行情况的通报' },
    { id: 'standing-03', kind: '常委会议', date: '2022-09-27', topic: '审议通过《政协云州市委员会专门委员会工作规则》' },
    { id: 'standing-04', kind: '常委会议', date: '2022-12-06', topic: '协商通过政协云州市第十届委员会委员名单，审议十届一次会议有关事项' },
    { id: 'manufacturing', kind: '专题议政性常委会议', date: '2022-07-28', topic: '推动制造业高质量发展', suggestions: 12, adopted: yes },
    { id: 'green-low-carbon', kind: '专题议政性常委会议', date: '2022-10-27', topic: '建设美丽云州、推动绿色低碳发展', suggestions: 8, adopted: yes },
    { id: 'elderly-and-children', kind: '双月协商座谈会', date: '2022-04-21', topic: '完善养老托育服务体系', suggestions: 9, adopted: yes, tags: ['民生'] },
    { id: 'education-balance', kind: '双月协商座谈会', date: '2022-06-16', topic: '推进义务教育优质均衡发展', suggestions: 8, adopted: yes, tags: ['民生'] },
    { id: 'county-commerce', kind: '双月协商座谈会', date: '2022-08-18', topic: '推进县域商业体系建设', suggestions: 6, adopted: yes },
    { id: 'digital-government', kind: '双月协商座谈会', date: '2022-10-20', topic: '加快数字政府建设', suggestions: 6, adopted: yes },
    { id: 'epidemic-and-economy', kind: '专题协商会', date: '2022-05-12', topic: '统筹疫情防控和经济社会发展', suggestions: 10, adopted: yes },
    { id: 'specialized-smes', kind: '专题协商会', date: '2022-08-04', topic: '推动中小企业专精特新发展', suggestions: 7, adopted: yes },
    { id: 'urban-renewal', kind: '专题协商会', date: '2022-11-15', topic: '实施城市更新行动', suggestions: 6, adopted: yes },
    { id: 'grain-security', kind: '对口协商会', date: '2022-04-14', topic: '稳定粮食生产、保障重要农产品供给', suggestions: 5, adopted: yes },
    { id: 'water-supply', kind: '对口协商会', date: '2022-07-07', topic: '推进城乡供水一体化', suggestions: 5, adopted: yes, tags: ['民生'] },
    { id: 'legal-services', kind: '对口协商会', date: '2022-09-15', topic: '完善公共法律服务体系', suggestions: 4 },
    { id: 'seed-industry', kind: '界别协商会', date: '2022-05-26', topic: '推进种业振兴', suggestions: 5, adopted: yes },
    { id: 'primary-care', kind: '界别协商会', date: '2022-09-08', topic: '提升基层医疗卫生服务能力', suggestions: 7, adopted: yes },
    { id: 'cultural-heritage', kind: '界别协商会', date: '2022-11-03', topic: '加强历史文化遗产保护利用', suggestions: 5, adopted: yes },
    { id: 'kp-education', kind: '提案办理协商会', date: '2022-06-01', topic: '重点提案“推进义务教育优质均衡发展”办理协商', suggestions: 3, adopted: yes },
    { id: 'kp-manufacturing', kind: '提案办理协商会', date: '2022-07-19', topic: '重点提案“推动制造业智能化改造和数字化转型”办理协商', suggestions: 3, adopted: yes },
    { id: 'kp-waste-sorting', kind: '提案办理协商会', date: '2022-09-22', topic: '重点提案“深入推进生活垃圾分类”办理协商', suggestions: 3, adopted: yes },
  ],
  routineMeetings: { 主席会议: 11, 党组会议: 11, 秘书长会议: 5, 其他会议: 2 },
  extraConsultations: 0,
  reports: [
    { id: 'manufacturing-research', kind: '调研', title: '关于推动制造业高质量发展的调研报告', lead: '经济委员会', leadKind: '专委会', date: '2022-06-28', suggestions: 10 },
    { id: 'green-research', kind: '调研', title: '关于建设美丽云州、推动绿色低碳发展的调研报告', lead: '人口资源环境委员会', leadKind: '专委会', date: '2022-09-29', suggestions: 8, tags: ['生态'] },
    { id: 'relief-supervision', kind: '民主监督', title: '关于助企纾困政策落实情况的民主监督报告', lead: '经济委员会', leadKind: '专委会', date: '2022-08-25', suggestions: 6, tags: ['营商环境'] },
    { id: 'elderly-children-research', kind: '调研', title: '关于完善“一老一小”服务体系的调研报告', lead: '社会和法制委员会', leadKind: '专委会', date: '2022-03-31', suggestions: 9 },
    { id: 'key-proposals-inspection', kind: '督查', title: '关于重点提案办理情况的督查报告', lead: '提案委员会', leadKind: '专委会', date: '2022-11-08', suggestions: 5 },
  ],
  reportFill: {
    leadKinds: { 专委会: 9, 党派: 11, 团体: 4, 界别: 2, 委员: 2, 机关: 1 },
    kinds: { 调研: 21, 视察: 5, 督查: 1, 民主监督: 2 },
  },
  approvals: {
    curated: [
      ['manufacturing-research', '市委主要领导'],
      ['manufacturing-research', '市政府主要领导'],
      ['green-research', '市委主要领导'],
      ['relief-supervision', '市政府主要领导'],
      ['relief-supervision', '市政府分管领导'],
      ['elderly-children-research', '市政府分管领导'],
    ],
    total: 21,
  },
  information: { kind: 'counts', collected: 187, submitted: 96, adopted: 33 },
  activities: [
    { id: 'party-reports', name: '向市委专题报告', unit: '件次', items: 22 },
    { id: 'study', name: '理论学习', unit: '次', parts: [['党组理论学习中心组专题学习会', 8], ['主席会议集体学习', 11], ['常委会议专题学习', 4]] },
    { id: 'training', name: '委员培训', unit: '期', parts: [['线下集中培训', 2], ['委员大讲堂', 6], ['线上云课堂', 12]] },
    { id: 'grassroots', name: '委员走进基层', unit: '名', count: 286 },
    { id: 'problems-solved', name: '帮助解决实际问题', unit: '件', count: 391 },
    { id: 'workrooms', name: '“两代表一委员”工作室', unit: '个', count: 36 },
    { id: 'epidemic-volunteers', name: '委员参与疫情防控志愿服务', unit: '人次', count: 1264 },
    { id: 'donations', name: '委员捐款捐物', unit: '万元', count: 1862 },
    { id: 'stories-provincial', name: '云州故事在省政协平台刊发', unit: '篇', count: 42 },
    { id: 'stories-national', name: '云州故事被全国政协采用', unit: '篇', count: 11 },
  ],
  members: { total: 301, standing: 57, inCommittees: 276 },
  roster: { from: 0, size: 301 },
};
