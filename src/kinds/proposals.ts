/**
 * The proposal work report (关于…以来提案工作情况的报告), the plenary's second report, usually read
 * by a vice-chairman: how many proposals came in and how they were reviewed, how they were
 * handled (units, 办复, result classes, satisfaction, 重点提案 and 督办), what worked, problems and
 * next steps. Its counting paragraphs are generated from the ledger by its templates; the 提案委
 * writes the rest in proposals.md in the year folder, citing figures like any narrative.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { NarrativeSpec } from '../validate/narrative.js';
import type { ReportKind } from './kind.js';
import { kindDeclaration } from './names.js';
import { planYearReport, prepareYearNarrative, yearPrepared } from './year-report.js';

export const PROPOSALS_NARRATIVE: NarrativeSpec = {
  file: 'proposals.md',
  label: '提案工作情况报告的文字',
  parts: [
    { key: 'overview', names: ['提案情况', '基本情况', '提案基本情况', '概况'], sections: true, runIn: true },
    { key: 'practices', names: ['主要做法', '做法', '工作做法', '基本做法', '主要工作'], sections: true, required: true },
    { key: 'results', names: ['成效', '主要成效', '办理成效'] },
    { key: 'problems', names: ['问题', '存在的问题', '不足'], required: true },
    { key: 'plan', names: ['下一步工作', '工作思路', '工作安排', '工作意见'], sections: true, runIn: true, required: true },
    { key: 'closing', names: ['结束语', '结语'], required: true },
  ],
};

export const proposals: ReportKind = {
  ...kindDeclaration('proposals'),
  narratives: [PROPOSALS_NARRATIVE],
  plan: (request, years) => planYearReport(request, years, 'proposals'),
  prepare(sources, plan) {
    const source = sources[0]!;
    const { context, doc, diagnostics } = prepareYearNarrative(source, plan, PROPOSALS_NARRATIVE);
    if (!context || !doc) return { diagnostics };
    if (context.sitting.proposalsSpeaker === undefined) {
      const origin = source.years.get(plan.year)?.sittingOrigin;
      diagnostics.push(diagnostic('proposalsSpeakerMissing', {}, origin?.locate(undefined) ?? {}));
      return { diagnostics };
    }
    // The annex of handling units needs the 主办单位 column: without it the table is left out, and said so.
    const lead = source.years.get(plan.year)?.records.absent?.proposals?.leadUnits;
    if (lead) diagnostics.push(diagnostic('annexTableOmitted', { table: '承办单位办理情况统计表', column: lead.column }, { file: lead.file, sheet: lead.sheet }));
    return { prepared: yearPrepared(context, doc), diagnostics };
  },
};
