/**
 * 提案: the proposal ledger as 提案委 keep it (and export it from their proposal systems): who
 * proposed, when (大会 or 平时), what about, how it was reviewed (立案, 并案 into another, 不立案
 * with a reason…), which units handle it (主办, 会办), how it was answered (办复, 办理结果 class,
 * the proposer's satisfaction), and who supervises it (督办).
 */
import { distinct, exclusive, groups, sum, tally } from '../groups.js';
import { ratio } from '../numbers.js';
import { diagnostic } from '../../diagnostics/catalogue.js';
import { checkRegister as register } from '../checks.js';
import { fields, type RecordOf } from '../fields.js';
import { conventionsOf, type Conventions } from '../conventions.js';
import { DEFAULT_RESULT_CLASSES } from '../organization.js';
import type { Organization } from '../organization.js';
import { defineRecordKind, labelsUnder } from '../record-kind.js';
import type { Vocabulary } from '../vocabulary.js';
import { INSTRUCTION_LABELS, instructionFiguresOf } from './instructions.js';

/** A proposal as its fields declare it. */
export type Proposal = RecordOf<ReturnType<typeof proposalFields>>;

/** 审查结果. 立案 and 并案 are accepted: they are handled and answered. */
const REVIEW_OUTCOMES = ['立案', '并案', '不立案', '撤案', '退回', '转意见建议', '转来信', '转社情民意'] as const;
const ACCEPTED = new Set<string>(['立案', '并案']);
/** Handled and answered (立案 or 并案), whatever the organisation counts as 立案. */
const isFiled = (p: Pick<Proposal, 'review'>) => ACCEPTED.has(p.review);
/** 立案 as the organisation counts it (conventions.mergedInFiled): with 并案, or 立案 alone. */
const filedBy = (c: Conventions) => (p: Pick<Proposal, 'review'>) => (c.mergedInFiled ? ACCEPTED.has(p.review) : p.review === '立案');
/** The proposals 办复率 is taken over (conventions.answeredRateBase). */
const answerBaseBy = (c: Conventions) => (c.answeredRateBase === '立案和并案' ? isFiled : filedBy(c));

/** `截至2023年底` / `截至2023年12月20日`: the declared cut-off of the year's counts (conventions.cutoff). */
function cutoffWords(c: Conventions, year: number): string {
  if (c.cutoff === '年底') return `${year}年底`;
  const [m, d] = c.cutoff.split('-').map(Number) as [number, number];
  return `${year}年${m}月${d}日`;
}

const PERIODS = ['大会', '平时'] as const;
const SATISFACTION = ['满意', '基本满意', '理解', '不满意'] as const;
const SATISFIED = new Set<string>(['满意', '基本满意']);
/**
 * What a handling unit's row counts (byLeadUnit): answered whatever the 办复率 base, satisfied
 * whatever the 满意率 base; the records behind those cells (compute/behind.ts) are picked by the same tests.
 */
export const LEAD_UNIT_TESTS = {
  answered: (p: Pick<Proposal, 'answered'>) => p.answered === true,
  satisfied: (p: Pick<Proposal, 'satisfaction'>) => p.satisfaction !== undefined && SATISFIED.has(p.satisfaction),
};
/** Submitter kinds whose proposers are members (委员), counted for participation. */
const MEMBER_KINDS = new Set(['委员', '联名']);
/** Collective proposals (集体提案): those of 党派, 团体, 界别 and 专委会, everything not a member's own. */
const COLLECTIVE = new Set(['党派', '团体', '界别', '专委会']);

/**
 * The test behind each proposal figure named by one word, by the organisation's conventions:
 * figures() counts with these, and `report explain` and the 核对表 list the records they pick
 * (compute/behind.ts), so a word means the same records everywhere.
 */
export function proposalTestsOf(c: Conventions) {
  const filed = filedBy(c);
  const answerBase = answerBaseBy(c);
  const answered = (p: Pick<Proposal, 'review' | 'answered'>) => answerBase(p) && p.answered === true;
  const responded = (p: Pick<Proposal, 'review' | 'answered' | 'satisfaction'>) => p.satisfaction !== undefined && (c.satisfactionRateBase === '办复' ? answered(p) : true);
  return {
    filed,
    answerBase,
    answered,
    responded,
    satisfied: (p: Pick<Proposal, 'review' | 'answered' | 'satisfaction'>) => responded(p) && SATISFIED.has(p.satisfaction!),
    merged: (p: Pick<Proposal, 'review'>) => p.review === '并案',
    keyProposal: (p: Pick<Proposal, 'keyProposal'>) => p.keyProposal === true,
    supervised: (p: Pick<Proposal, 'supervisedBy'>) => p.supervisedBy !== undefined,
    resulted: (p: Pick<Proposal, 'result'>) => p.result !== undefined,
    collective: (p: Pick<Proposal, 'submitterKind'>) => COLLECTIVE.has(p.submitterKind),
  };
}

/** The submitter kinds in the report's own words; a kind an organisation adds is written “<kind>提案”. */
const SUBMITTER_KIND_WORDS: Record<string, string> = {
  委员: '委员个人提案',
  联名: '委员联名提案',
  党派: '各民主党派和工商联提案',
  团体: '人民团体提案',
  界别: '界别提案',
  专委会: '政协专门委员会提案',
};
/** Only one key has records, and it has them all (“均由主席会议成员督办”): that key, else null. */
function soleKey(counts: Record<string, number>, total: number): string | null {
  const keys = Object.entries(counts).filter(([, n]) => n > 0);
  return total > 0 && keys.length === 1 && keys[0]![1] === total ? keys[0]![0] : null;
}

function proposalFields(v: Vocabulary, org: Organization | undefined) {
  const classes = org?.proposalResults ?? DEFAULT_RESULT_CLASSES;
  // Letters mean different things in different places: a class is read by its label as well as its letter.
  const resultAliases = Object.fromEntries(classes.flatMap((c) => [[`${c.class}类`, c.class], [c.label, c.class], [`${c.class}类（${c.label}）`, c.class], [`${c.class}（${c.label}）`, c.class]]));
  return {
    id: fields.id('提案编号', '提案号', { headers: ['提案号', '编号', '流水号', '案号'] }),
    title: fields.text('案由', '提案的标题', { headers: ['标题', '提案标题', '题目', '提案名称'] }),
    submitterKind: fields.choice(v.submitterKinds, '提案者类别', '委员个人、联名还是集体提出（表格中没有这一列时，由联名人和 organization.yaml 的 proposerLists 推断）', {
      headers: ['提案者类型', '提案类型', '提案人类别', '提出方式'],
      list: 'submitterKinds',
      aliases: {
        个人: '委员',
        委员个人: '委员',
        个人提案: '委员',
        联名提案: '联名',
        党派提案: '党派',
        民主党派: '党派',
        团体提案: '团体',
        人民团体: '团体',
        界别提案: '界别',
        专委会提案: '专委会',
        专门委员会: '专委会',
      },
    }),
    proposer: fields.text('第一提案人', '提案者：委员姓名（联名提案写第一提案人），或党派、团体、界别、专委会的名称', {
      headers: ['提案人', '提案者', '领衔人', '提案单位', '第一提案者'],
    }),
    coProposers: fields.list('联名人', '联名提案的其他提案人', { headers: ['联名提案人', '附议人', '其他提案人', '联名委员'], fallback: [] }),
    sector: fields.text('界别', '提案者所在界别（须在 organization.yaml 的 sectors 中登记）', { headers: ['所在界别', '提案人界别'], optional: true }),
    category: fields.text('类别', '提案分类（须在 organization.yaml 的 proposalCategories 中登记）', {
      headers: ['提案分类', '分类', '所属类别', '提案类别'],
    }),
    submittedOn: fields.date('提交日期', '提案提交的日期', { headers: ['提出日期', '提交时间', '日期'], optional: true }),
    period: fields.choice(PERIODS, '大会/平时', '大会期间（会间）还是闭会期间（平时、会后）提出', {
      headers: ['提出时段', '会间/会后', '大会或平时', '提案时段'],
      aliases: { 会间: '大会', 会议期间: '大会', 大会期间: '大会', 大会提案: '大会', 会后: '平时', 闭会期间: '平时', 平时提案: '平时' },
      optional: true,
    }),
    review: fields.choice(REVIEW_OUTCOMES, '审查结果', '审查立案的结果', {
      headers: ['审查意见', '立案情况', '提案性质', '是否立案', '处理方式'],
      aliases: {
        予以立案: '立案',
        已立案: '立案',
        并案处理: '并案',
        归并: '并案',
        合并: '并案',
        不予立案: '不立案',
        撤回: '撤案',
        转意见和建议: '转意见建议',
        转为意见和建议: '转意见建议',
        转为意见建议处理: '转意见建议',
        作为意见和建议: '转意见建议',
        转为来信: '转来信',
        转来信处理: '转来信',
        作为来信: '转来信',
        转为社情民意: '转社情民意',
        转为社情民意信息: '转社情民意',
        同意立案: '立案',
        准予立案: '立案',
        转为意见建议: '转意见建议',
        作为意见建议: '转意见建议',
        作为意见建议处理: '转意见建议',
        作意见: '转意见建议',
        作为来信处理: '转来信',
        转社情民意信息: '转社情民意',
      },
    }),
    mergedInto: fields.id('并入提案', '并案时并入的提案编号', { headers: ['并入提案编号', '并案至', '归并至'], optional: true }),
    rejectionReason: fields.text('不立案理由', '不立案的理由', { headers: ['不立案原因', '理由'], optional: true }),
    keyProposal: fields.flag('重点提案', '是否为重点提案', { headers: ['是否重点提案', '重点'], fallback: false }),
    leadUnits: fields.list('主办单位', '主办的承办单位（填写承办单位名录后须取自名录）', { headers: ['主办', '承办单位'], fallback: [] }),
    jointUnits: fields.list('会办单位', '会办（协办）的承办单位', { headers: ['会办', '协办单位', '协办'], fallback: [] }),
    assignedOn: fields.date('交办日期', '交承办单位办理的日期', { headers: ['交办时间'], optional: true }),
    answered: fields.flag('已办复', '是否已经办复（答复提案者）', { headers: ['是否办复', '办复', '已办结', '是否办结'], fallback: false }),
    answeredOn: fields.date('办复日期', '答复提案者的日期', { headers: ['答复日期', '办结日期', '答复时间', '办复时间'], optional: true }),
    result: fields.choice(
      classes.map((c) => c.class),
      '办理结果',
      `办理结果的类别（${classes.map((c) => `${c.class} ${c.label}`).join('，')}；在 organization.yaml 的 proposalResults 中定义）`,
      { headers: ['答复类别', '办理类别', '答复类型', '办理结果类别'], aliases: resultAliases, optional: true, list: 'proposalResults' },
    ),
    satisfaction: fields.choice(SATISFACTION, '满意度', '提案者对办理的评价（未反馈的不填；表格中写“未表态”“未反馈”的当作没有填写）', {
      headers: ['提案者意见', '反馈意见', '评价', '满意程度', '委员满意度', '提案者满意度', '提案人满意度', '满意度测评', '委员评价', '办理满意度'],
      aliases: { 很满意: '满意', 非常满意: '满意', 比较满意: '基本满意' },
      optional: true,
    }),
    supervisedBy: fields.text('督办', '督办这件提案的领导或机构，如：主席会议成员', { headers: ['督办领导', '领衔督办', '督办人'], optional: true }),
    met: fields.flag('已见面', '承办单位是否与提案者见面沟通（不记的不填：见面率就无从算出，而不是 0）', { headers: ['是否见面', '见面沟通', '面商'], optional: true }),
    excellent: fields.flag('优秀提案', '是否评为优秀提案', { headers: ['是否优秀提案', '优秀'], optional: true }),
    tags: fields.list('标签', '自定义标签，用于分组统计（如“民生”）', { fallback: [] }),
  };
}

export const proposals = defineRecordKind({
  key: 'proposals',
  label: '提案',
  office: '提案委员会',
  description: '提案台账：一件提案一条记录',
  unit: '件',
  sheetWords: ['提案'],
  dateFields: ['submittedOn'],
  instructable: true,
  references: [{ field: 'mergedInto', kinds: ['proposals'] }],
  fields: proposalFields,
  totals: {
    fields: {
      received: fields.count('收到提案', '收到的提案件数', { optional: true }),
      filed: fields.count('立案', '立案件数（含并案）', { optional: true }),
      answered: fields.count('已办复', '已办复的件数', { optional: true }),
    },
    counted: (list) => {
      return { received: list.length, filed: list.filter(isFiled).length, answered: list.filter((p) => p.answered).length };
    },
    figures: (t) => {
      const { received, filed, answered } = t as { received?: number; filed?: number; answered?: number };
      return {
        ...(received !== undefined ? { total: received } : {}),
        ...(filed !== undefined ? { filed, filingRate: received !== undefined ? ratio(filed, received) : null } : {}),
        ...(answered !== undefined ? { answered, answeredRate: filed !== undefined ? ratio(answered, filed) : null } : {}),
      };
    },
    parts: [
      ['filed', 'received'],
      ['answered', 'filed'],
    ],
  },
  check(records, { at, report, year }) {
    const org = year.organization;
    for (const record of records) {
      const p = record;
      if (!isFiled(p)) {
        for (const [field, what] of MARKED_WHEN_FILED) {
          if (p[field] === true) report(diagnostic('notFiledButMarked', { id: p.id, review: p.review, what }, at(record, field)));
        }
        for (const field of HANDLED_WHEN_FILED) {
          if (p[field] !== undefined) report(diagnostic('notFiledButHandled', { id: p.id, review: p.review, what: FIELD_WORDS[field]! }, at(record, field)));
        }
      }
      if (p.mergedInto !== undefined && p.review !== '并案') {
        report(diagnostic('mergedIntoNotMerged', { id: p.id, review: p.review }, at(record, 'mergedInto')));
      }
      if (p.rejectionReason !== undefined && p.review !== '不立案') {
        report(diagnostic('reasonNotRejected', { id: p.id, review: p.review }, at(record, 'rejectionReason')));
      }
      if (p.answeredOn !== undefined && !p.answered) {
        report(diagnostic('answeredOnNotAnswered', { id: p.id }, at(record, 'answered')));
      }
      // Each date against the latest one written before it in DATE_ORDER.
      let earlier: (typeof DATE_ORDER)[number] | undefined;
      for (const field of DATE_ORDER) {
        const date = p[field];
        if (date === undefined) continue;
        const before = earlier && p[earlier];
        if (earlier && before !== undefined && date < before) {
          report(diagnostic('datesOutOfOrder', { what: '提案', id: p.id, later: FIELD_WORDS[field]!, laterDate: date, earlier: FIELD_WORDS[earlier]!, earlierDate: before }, at(record, field)));
        }
        earlier = field;
      }
      if (!org) continue;
      register(p.category, org.proposalCategories, 'proposalCategories', '类别', () => at(record, 'category'), report);
      if (p.sector !== undefined && org.sectors.length > 0) register(p.sector, org.sectors, 'sectors', '界别', () => at(record, 'sector'), report);
      if (org.handlingUnits.length > 0) {
        for (const field of ['leadUnits', 'jointUnits'] as const) {
          for (const unit of p[field]) register(unit, org.handlingUnits, 'handlingUnits', field === 'leadUnits' ? '主办单位' : '会办单位', () => at(record, field), report);
        }
      }
    }
  },
  figures(records, year, scope) {
    const list = records;
    const v = year.vocabulary;
    const conventions = conventionsOf(year.organization);
    const test = proposalTestsOf(conventions);
    const filed = list.filter(test.filed);
    const base = list.filter(test.answerBase);
    const answered = list.filter(test.answered);
    const responded = list.filter(test.responded);
    const satisfied = list.filter(test.satisfied);
    const classes = year.organization?.proposalResults ?? DEFAULT_RESULT_CLASSES;
    const resulted = list.filter(test.resulted);
    const key = list.filter(test.keyProposal);
    const progress = (group: readonly Proposal[]) => {
      let filedCount = 0;
      let answeredCount = 0;
      let baseCount = 0;
      for (const p of group) {
        if (test.filed(p)) filedCount++;
        if (test.answered(p)) answeredCount++;
        if (test.answerBase(p)) baseCount++;
      }
      return { filed: filedCount, answered: answeredCount, answeredRate: ratio(answeredCount, baseCount) };
    };
    // Names in first-seen order, each once.
    const proposerNames = new Set<string>();
    const leadNames = new Set<string>();
    const jointNames = new Set<string>();
    for (const p of list) {
      if (MEMBER_KINDS.has(p.submitterKind)) {
        proposerNames.add(p.proposer);
        for (const name of p.coProposers) proposerNames.add(name);
      }
      for (const unit of p.leadUnits) leadNames.add(unit);
      for (const unit of p.jointUnits) jointNames.add(unit);
    }
    const proposers = [...proposerNames];
    const lead = [...leadNames];
    const joint = [...jointNames];
    // How many units (主办 and 会办, each once) handle each proposal.
    const unitCounts = list.map((p) => (p.jointUnits.length === 0 ? new Set(p.leadUnits).size : new Set([...p.leadUnits, ...p.jointUnits]).size));
    const supervised = list.filter(test.supervised);
    const recordedMeeting = filed.filter((p) => p.met !== undefined);
    const keySupervised = supervised.filter((p) => p.keyProposal);
    const otherSupervised = supervised.filter((p) => !p.keyProposal);
    const keyBySupervisor = tally(keySupervised, (p) => p.supervisedBy);
    const keyByResult = tally(key, (p) => p.result, classes.map((c) => c.class));
    // The latest reply date (the last in sorted order: dates compare as text).
    let lastAnsweredOn: string | null = null;
    for (const p of answered) if (p.answeredOn && (lastAnsweredOn === null || p.answeredOn > lastAnsweredOn)) lastAnsweredOn = p.answeredOn;
    const members = year.members?.total;
    return {
      total: list.length,
      filed: filed.length,
      merged: list.filter(test.merged).length,
      mergedInFiled: conventions.mergedInFiled,
      filingRate: ratio(filed.length, list.length),
      cutoff: cutoffWords(conventions, year.year),
      byReview: exclusive(tally(list, (p) => p.review, REVIEW_OUTCOMES)),
      byRejectionReason: tally(list, (p) => p.rejectionReason),
      keyProposals: key.length,
      keyProposalTitles: key.map((p) => p.title),
      keyProposalsByResult: exclusive(keyByResult),
      keyResultAll: soleKey(keyByResult, key.length),
      keySupervised: keySupervised.length,
      keyBySupervisor,
      keySupervisedAllBy: soleKey(keyBySupervisor, key.length),
      otherSupervised: otherSupervised.length,
      otherBySupervisor: tally(otherSupervised, (p) => p.supervisedBy),
      answered: answered.length,
      answeredRate: ratio(answered.length, base.length),
      allAnswered: base.length > 0 && answered.length === base.length,
      lastAnsweredOn,
      responded: responded.length,
      satisfied: satisfied.length,
      satisfactionRate: ratio(satisfied.length, responded.length),
      bySatisfaction: exclusive(tally(responded, (p) => p.satisfaction, SATISFACTION)),
      resulted: resulted.length,
      byResult: groups(list, (p) => p.result, classes.map((c) => c.class), () => ({})),
      resultLabels: Object.fromEntries(classes.map((c) => [c.class, c.label])),
      periods: list.filter((p) => p.period !== undefined).length,
      byPeriod: groups(list, (p) => p.period, PERIODS, () => ({})),
      bySubmitterKind: groups(list, (p) => p.submitterKind, v.submitterKinds, progress),
      submitterKindWords: Object.fromEntries(v.submitterKinds.map((k) => [k, SUBMITTER_KIND_WORDS[k] ?? `${k}提案`])),
      periodWords: { 大会: '大会期间', 平时: '闭会期间' },
      byCategory: groups(list, (p) => p.category, year.organization?.proposalCategories ?? [], progress),
      // Shares of 立案 (not of all received), as published reports give them: “委员提案371件，占78.94%”.
      filedByCategory: groups(filed, (p) => p.category, year.organization?.proposalCategories ?? [], () => ({})),
      filedBySubmitterKind: groups(filed, (p) => p.submitterKind, v.submitterKinds, () => ({})),
      // “涉及12个方面”: the categories that have proposals, not the register's length.
      categoriesWithProposals: new Set(list.map((p) => p.category)).size,
      sectorsWithProposals: new Set(list.flatMap((p) => (p.sector !== undefined ? [p.sector] : []))).size,
      // 见面率: only over the proposals whose meeting is recorded; none recorded is a figure the data cannot give.
      met: recordedMeeting.length > 0 ? recordedMeeting.filter((p) => p.met).length : null,
      meetingRate: recordedMeeting.length > 0 ? ratio(recordedMeeting.filter((p) => p.met).length, recordedMeeting.length) : null,
      excellentProposals: list.some((p) => p.excellent !== undefined) ? list.filter((p) => p.excellent).length : null,
      bySector: groups(list, (p) => p.sector, [], progress),
      byTag: groups(list, (p) => p.tags, [], progress),
      collective: list.filter(test.collective).length,
      partiesAndGroups: list.filter((p) => p.submitterKind === '党派' || p.submitterKind === '团体').length,
      proposers: proposers.length,
      participationRate: members !== undefined && scope === 'year' ? ratio(proposers.length, members) : null,
      units: distinct([...lead, ...joint]).length,
      leadUnits: lead.length,
      jointUnits: joint.length,
      // Every unit both leads some proposals and joins others: “其中主办单位32家、会办单位32家” would read as 64.
      everyUnitInBothRoles: lead.length > 0 && joint.length > 0 && lead.length === joint.length && distinct([...lead, ...joint]).length === lead.length,
      leadAssignments: sum(list.map((p) => p.leadUnits.length)),
      jointAssignments: sum(list.map((p) => p.jointUnits.length)),
      multiUnit: unitCounts.filter((n) => n >= 2).length,
      threeOrMoreUnits: unitCounts.filter((n) => n >= 3).length,
      byLeadUnit: groups(list, (p) => p.leadUnits, year.organization?.handlingUnits ?? [], (g) => ({
        answered: g.filter(LEAD_UNIT_TESTS.answered).length,
        satisfied: g.filter(LEAD_UNIT_TESTS.satisfied).length,
      })),
      supervised: supervised.length,
      bySupervisor: tally(supervised, (p) => p.supervisedBy),
      ...instructionFiguresOf(records, year),
    };
  },
  labels: {
    total: { label: '收到提案', unit: '件', explain: '台账中的全部提案，含并案、不立案、撤案等' },
    filed: { label: '立案', unit: '件', explain: '含不含并案，按 organization.yaml 的 conventions.mergedInFiled（默认含）' },
    merged: { label: '并案', unit: '件', explain: '审查结果为“并案”的提案' },
    mergedInFiled: { label: '并案是否计入立案（organization.yaml 的 conventions.mergedInFiled）' },
    cutoff: { label: '统计截止日的说法，如“2023年底”（organization.yaml 的 conventions.cutoff）', explain: '用于“截至…已办复”' },
    filingRate: { label: '立案率', explain: '立案 ÷ 收到提案' },
    'byReview.*': { label: '审查结果为“{1}”的提案', unit: '件' },
    'byRejectionReason.*': { label: '因“{1}”不立案的提案', unit: '件' },
    keyProposals: { label: '重点提案', unit: '件' },
    keyProposalTitles: { label: '重点提案的案由（列表）' },
    'keyProposalsByResult.*': { label: '办理结果为 {1} 类的重点提案', unit: '件' },
    answered: { label: '已办复的提案', unit: '件', explain: '办复率分母中已办复的' },
    answeredRate: { label: '办复率', explain: '已办复 ÷ 立案' },
    lastAnsweredOn: { label: '最后一件提案的办复日期', explain: '用于“截至…已经办复”' },
    responded: { label: '反馈了满意度的提案', unit: '件' },
    satisfied: { label: '提案者满意或基本满意的提案', unit: '件' },
    satisfactionRate: { label: '满意和基本满意率', explain: '满意和基本满意 ÷ 反馈了满意度的提案' },
    'bySatisfaction.*': { label: '提案者“{1}”的提案', unit: '件' },
    resulted: { label: '有办理结果类别的提案', unit: '件' },
    'byResult.*.count': { label: '办理结果为 {1} 类的提案', unit: '件' },
    'byResult.*.share': { label: '办理结果为 {1} 类的提案所占比例', explain: '÷ 有办理结果类别的提案；几类一起写时用 {{share proposals.byResult "A" 0}}，合计为 100%' },
    'resultLabels.*': { label: '{1} 类的说法（如“已解决或基本解决”）' },
    periods: { label: '写明大会或平时提出的提案', unit: '件' },
    'byPeriod.*.count': { label: '{1}提出的提案', unit: '件', explain: '大会：会议期间（会间）；平时：闭会期间（会后）' },
    'byPeriod.*.share': { label: '{1}提出的提案所占比例' },
    ...groupLabels('bySubmitterKind.*', '{1}提出的提案'),
    ...groupLabels('byCategory.*', '{1}类提案', { explain: '÷ 收到提案' }),
    ...groupLabels('bySector.*', '{1}界别的提案', { explain: '÷ 写明界别的提案' }),
    ...groupLabels('byTag.*', '标为“{1}”的提案', { label: '标为“{1}”的提案占全部提案的比例', explain: '一件提案可有几个标签，各标签的比例相加不是 100%' }),
    collective: { label: '集体提案（党派、团体、界别、专委会提出的）', unit: '件' },
    partiesAndGroups: { label: '党派、团体提案（集体提案中各民主党派和工商联、人民团体提出的）', unit: '件' },
    'filedByCategory.*.count': { label: '立案的{1}类提案', unit: '件' },
    'filedByCategory.*.share': { label: '立案的{1}类提案占立案总数的比例' },
    'filedBySubmitterKind.*.count': { label: '立案的{1}提出的提案', unit: '件' },
    'filedBySubmitterKind.*.share': { label: '立案的{1}提出的提案占立案总数的比例' },
    categoriesWithProposals: { label: '有提案的类别数（“涉及…个方面”）', unit: '个' },
    sectorsWithProposals: { label: '有提案的界别数（写明界别的提案）', unit: '个' },
    met: { label: '承办单位与提案者见面沟通的立案提案', unit: '件', explain: '只计记了“已见面”的' },
    meetingRate: { label: '见面率', explain: '见面沟通的 ÷ 记了是否见面的立案提案' },
    excellentProposals: { label: '优秀提案', unit: '件', explain: '台账没有“优秀提案”一列时无从算出' },
    'submitterKindWords.*': { label: '“{1}”提出的提案在报告中的说法，如：委员个人提案' },
    'periodWords.*': { label: '“{1}”在报告中的说法：大会期间、闭会期间' },
    keyResultAll: { label: '重点提案都属的那一类办理结果（代号；不都属一类时为空）' },
    keySupervised: { label: '督办的重点提案', unit: '件' },
    'keyBySupervisor.*': { label: '{1}督办的重点提案', unit: '件' },
    keySupervisedAllBy: { label: '督办全部重点提案的领导或机构（不是同一个时为空）' },
    otherSupervised: { label: '督办的重点提案以外的提案', unit: '件' },
    'otherBySupervisor.*': { label: '{1}督办的重点提案以外的提案', unit: '件' },
    allAnswered: { label: '办复率分母中的提案都已办复（用于措辞“已全部办复”）' },
    everyUnitInBothRoles: { label: '每家承办单位都既有主办件又有会办件（用于措辞）' },
    proposers: { label: '提出提案的委员', unit: '位', explain: '委员个人和联名提案的提案人、联名人，同名计一人' },
    participationRate: { label: '委员提案参与率', explain: '提出提案的委员 ÷ 委员总数（members.total）' },
    units: { label: '承办单位', unit: '家', explain: '主办、会办单位合计，同名计一家' },
    leadUnits: { label: '主办单位', unit: '家' },
    jointUnits: { label: '会办单位', unit: '家' },
    leadAssignments: { label: '主办件次', unit: '件次', explain: '每件提案的每个主办单位计一次' },
    jointAssignments: { label: '会办件次', unit: '件次' },
    multiUnit: { label: '由两家以上单位承办的提案', unit: '件' },
    threeOrMoreUnits: { label: '涉及三家以上承办单位的提案', unit: '件' },
    'byLeadUnit.*.count': { label: '{1}主办的提案', unit: '件' },
    'byLeadUnit.*.share': { label: '{1}主办的提案占全部提案的比例' },
    'byLeadUnit.*.answered': { label: '{1}主办的提案中已办复的', unit: '件' },
    'byLeadUnit.*.satisfied': { label: '{1}主办的提案中提案者满意或基本满意的', unit: '件' },
    supervised: { label: '督办的提案', unit: '件' },
    'bySupervisor.*': { label: '{1}督办的提案', unit: '件' },
    ...INSTRUCTION_LABELS,
  },
  example: {
    id: 'P2024-001',
    title: '关于……的提案',
    submitterKind: '委员',
    proposer: '某某某',
    category: '经济建设',
    period: '大会',
    review: '立案',
    leadUnits: ['市发展改革委'],
  },
});

/** What only a filed proposal may be marked as, or have: a proposal not filed that has it is a slip. */
const MARKED_WHEN_FILED: ReadonlyArray<readonly ['answered' | 'keyProposal', string]> = [
  ['answered', '已办复'],
  ['keyProposal', '重点提案'],
];
const HANDLED_WHEN_FILED = ['satisfaction', 'result', 'answeredOn'] as const;
/** A proposal's dates, in the order they happen. */
const DATE_ORDER = ['submittedOn', 'assignedOn', 'answeredOn'] as const;

const FIELD_WORDS: Record<string, string> = {
  satisfaction: '满意度评价',
  result: '办理结果',
  answeredOn: '办复日期',
  submittedOn: '提交日期',
  assignedOn: '交办日期',
};

/** The labels of a group of proposals (by category, sector…): its count, share, 立案 and 办复. */
function groupLabels<P extends string>(prefix: P, name: string, share: { label?: string; explain?: string } = {}) {
  return labelsUnder(prefix, {
    count: { label: name, unit: '件' },
    share: { label: share.label ?? `${name}所占比例`, ...(share.explain ? { explain: share.explain } : {}) },
    filed: { label: `${name}中立案的`, unit: '件' },
    answered: { label: `${name}中已办复的`, unit: '件' },
    answeredRate: { label: `${name}的办复率` },
  });
}
