/**
 * The narratives `report init` writes for a first year: the genre's anatomy (seed 004 for the
 * work report; the proposal work reports read for the proposal report), each paragraph a sample
 * sentence that already cites the right figures, marked 【待填写】 so it is a draft until the
 * writers make it theirs. The annual sample carries the political wording of the year it reports
 * and plans (scaffold/wording.ts); the proposal sample leaves to the template every count the
 * template prints, so the two never say the same thing twice.
 */
import { PLACEHOLDER as TODO } from '../validate/placeholders.js';
import { yearWording } from './wording.js';

const COMMENT = (what: string) =>
  `<!--\n${what}的文字。各部分写在“#”标题之下，各方面、各项写在“##”小标题之下；段首加粗的一句（**……。**）是导语。\n` +
  '文中的数字一律用 {{名称}} 引用由记录计算出的数字，不直接写数字；名称和中文说明用 report stats 查看（如 report stats 提案）。\n' +
  `小标题不写序号（一、（一）由模板编排）。写好一段就删去段首的${TODO}；还有${TODO}的段落是草稿，生成时列为警告。\n-->\n`;

/** The work report's sample for a report on `year` (delivered early the next year). */
export function annualSkeleton(year: number): string {
  const { wording: w, current } = yearWording(year);
  const check = current
    ? ''
    : `<!--\n工作回顾的第一段和工作安排的第一段沿用了程序所知最近一年的政治表述，请对照${year}年和${year + 1}年的中央文件、全会精神和重要讲话改写。\n-->\n`;
  return `${COMMENT('常委会工作报告')}${check}
# 工作回顾

${TODO}过去的一年，{{organization.shortName}}在{{organization.partyCommittee}}的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，${w.guidance}，${w.task}，……为全{{organization.level}}经济社会高质量发展作出了积极贡献。

${TODO}一年来，召开{{items "次" "常委会议" meetings.standingCommittee.count "主席会议" meetings.byKind.主席会议.count}}，组织各类协商会{{meetings.consultations.count}}次，提出意见建议{{meetings.suggestions}}条，其中{{meetings.suggestionsAdopted}}条得到{{organization.partyCommittee}}{{organization.government}}采纳；形成调研视察报告{{research.count}}篇，获领导批示{{research.instructions.total}}件次。

## 坚持和加强党的全面领导

**${TODO}强化理论武装。**全年召开党组会议{{meetings.byKind.党组会议.count}}次，……

## 聚焦中心工作建言资政

**${TODO}深化专题协商。**围绕……召开专题协商会{{meetings.byKind.专题协商会.count}}次，提出建议{{meetings.byKind.专题协商会.suggestions}}条，……

**${TODO}深化调查研究。**开展调研、视察{{research.count}}次，提出意见建议{{research.suggestions}}条，{{research.instructed}}篇报告获领导批示。

## 助力民生改善

**${TODO}提高提案质量。**全年共收到提案{{proposals.total}}件，经审查立案{{proposals.filed}}件，立案率{{percent proposals.filingRate}}；办复率{{percent proposals.answeredRate}}，提案者满意和基本满意率{{percent proposals.satisfactionRate}}。

**${TODO}反映社情民意。**收集社情民意信息{{information.collected}}条，报送{{information.submitted}}条，被采用{{information.adopted}}条。

# 致谢

${TODO}各位委员，一年来工作成绩的取得，是{{organization.partyCommittee}}坚强领导的结果，是{{organization.congress}}、{{organization.government}}和社会各界大力支持的结果，是全体委员和政协机关工作人员共同努力的结果。在此，我代表{{sitting.committeeShort}}常务委员会，向所有关心、支持政协工作的领导和同志，向全体政协委员，表示衷心的感谢！

# 不足

${TODO}在总结成绩的同时，我们也清醒地看到，工作中还存在一些差距和不足，主要是：……。我们将认真加以改进。

# 工作安排

${TODO}{{planYear}}年是${w.planYear}。{{organization.shortName}}工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，${w.planGuidance}，……

## 毫不动摇坚持和加强党的全面领导。

${TODO}……

## 聚焦中心任务建言资政。

${TODO}……

## 坚持为民履职。

${TODO}……

# 结束语

${TODO}各位委员，……让我们更加紧密地团结在以习近平同志为核心的党中央周围，……为……作出新的更大贡献！
`;
}

export function proposalsSkeleton(): string {
  return `${COMMENT('提案工作情况报告（report build <年份> --kind proposals）')}<!--
提案的件数、提出者、分类、审查、承办单位、办复、办理结果、满意度、重点提案、督办和批示由模板从台账算出并写成段落，
这里不再重复这些数字；这里写提案反映的主要问题、做法、成效、问题和下一步工作。
-->

# 提案情况

${TODO}从内容看，提案主要集中在以下方面：……

# 主要做法

## 坚持质量导向，提高提案水平

${TODO}……

## 严格审查立案，规范交办程序

${TODO}提案委员会逐件审查……；交办前与承办单位逐件会商……

## 突出重点督办，推动提案落实

${TODO}重点提案由……领衔督办，召开提案办理协商会{{meetings.byKind.提案办理协商会.count}}次，……

# 成效

${TODO}……

# 问题

${TODO}我们也看到，提案工作还存在一些不足：……

# 下一步工作

## 进一步提高提案质量。

${TODO}……

## 进一步提升办理实效。

${TODO}……

# 结束语

${TODO}各位委员，……
`;
}
