/**
 * The annual work report (常委会工作报告): “一、XXXX年工作回顾 / 二、XXXX年工作安排”, from one
 * year's records and the writers' narrative.md in the year folder.
 */
import type { NarrativeSpec } from '../validate/narrative.js';
import type { ReportKind } from './kind.js';
import { kindDeclaration } from './names.js';
import { planYearReport, prepareYearNarrative, yearPrepared } from './year-report.js';

export const ANNUAL_NARRATIVE: NarrativeSpec = {
  file: 'narrative.md',
  label: '工作报告的文字',
  parts: [
    { key: 'review', names: ['工作回顾', '回顾'], sections: true, required: true },
    { key: 'thanks', names: ['致谢', '感谢'], required: true },
    { key: 'shortcomings', names: ['不足', '问题和不足', '差距和不足'], required: true },
    { key: 'plan', names: ['工作安排', '安排', '工作建议'], sections: true, runIn: true, required: true },
    { key: 'closing', names: ['结束语', '结语'], required: true },
  ],
};

export const annual: ReportKind = {
  ...kindDeclaration('annual'),
  narratives: [ANNUAL_NARRATIVE],
  plan: (request, years) => planYearReport(request, years, 'report'),
  prepare(sources, plan) {
    const { context, doc, diagnostics } = prepareYearNarrative(sources[0]!, plan, ANNUAL_NARRATIVE);
    if (!context || !doc) return { diagnostics };
    return { prepared: yearPrepared(context, doc), diagnostics };
  },
};
