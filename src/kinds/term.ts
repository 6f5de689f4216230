/**
 * The term report (届末五年工作报告): the years of the range are each checked as for an annual
 * report and their records counted together (compute/figures.ts computeTerm); the term folder
 * (`term-2018-2022/`) holds the sitting that hears it (sitting.yaml) and its narrative.md,
 * which adds the lessons (体会) to the annual report's parts. A year missing from the range is
 * an error that names the year.
 */
import { computeTerm, yearFigures, type YearFigures } from '../compute/figures.js';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sittingContext, type RenderedPart, type TermContext } from '../compute/context.js';
import type { NarrativeSpec } from '../validate/narrative.js';
import type { ReportKind, YearRange } from './kind.js';
import { kindDeclaration } from './names.js';
import { outputName, requireNarrative } from './year-report.js';
import { appendAll } from '../append.js';

/** The folder of a term's own files, inside the data folder: `term-2018-2022`. */
export function termFolderName(range: YearRange): string {
  return `term-${range.from}-${range.to}`;
}

export function yearsOf(range: YearRange): number[] {
  return Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
}

const TERM_NARRATIVE: NarrativeSpec = {
  file: 'narrative.md',
  label: '届末工作报告的文字',
  parts: [
    { key: 'review', names: ['工作回顾', '回顾'], sections: true, required: true },
    { key: 'thanks', names: ['致谢', '感谢'], required: true },
    { key: 'lessons', names: ['体会', '几点体会', '深切体会'], required: true },
    { key: 'shortcomings', names: ['不足', '问题和不足', '差距和不足'], required: true },
    { key: 'plan', names: ['工作建议', '工作安排', '建议'], sections: true, runIn: true, required: true },
    { key: 'closing', names: ['结束语', '结语'], required: true },
  ],
};

export const term: ReportKind = {
  ...kindDeclaration('term'),
  narratives: [TERM_NARRATIVE],
  plan(request) {
    const range = request.range!;
    const folder = termFolderName(range);
    return {
      sources: [{ dataDir: request.dataDirs[0]!, year: range.to, years: yearsOf(range), folders: [folder] }],
      year: range.to,
      range,
      output: { folder: `${range.from}-${range.to}`, name: outputName('report', request) },
    };
  },
  prepare(sources, plan) {
    const source = sources[0]!;
    const range = plan.range!;
    const diagnostics: Diagnostic[] = [];
    const folderName = termFolderName(range);
    const folder = source.folders.get(folderName);
    if (!source.data.folders.has(folderName) && source.data.diagnostics.every((d) => d.code !== 'RPT101')) {
      diagnostics.push(diagnostic('termFolderMissing', { folder: `${source.data.display}/${folderName}`, ...range }, { file: source.data.display }));
    }
    const figures: YearFigures[] = [];
    for (const year of yearsOf(range)) {
      const checked = source.years.get(year);
      if (!source.data.years.has(year)) {
        if (source.data.diagnostics.every((d) => d.code !== 'RPT101')) {
          diagnostics.push(diagnostic('termYearMissing', { folder: `${source.data.display}/${year}`, year, ...range }, { file: source.data.display }));
        }
        continue;
      }
      if (checked) figures.push(yearFigures(checked.records));
    }
    const narrative = folder ? requireNarrative(source, folderName, TERM_NARRATIVE, `${range.from}—${range.to} 年届末报告`) : { diagnostics: [] };
    appendAll(diagnostics, narrative.diagnostics);
    if (folder && !folder.sitting && source.data.folders.get(folderName)!.yaml.every((f) => !(f.value && typeof f.value === 'object' && 'sitting' in f.value))) {
      diagnostics.push(diagnostic('missingTermPart', { key: 'sitting', ...range }, { file: source.data.folders.get(folderName)!.display }));
    }
    const sitting = folder?.sitting;
    if (!source.organization || !sitting || figures.length !== yearsOf(range).length || !narrative.doc) return { diagnostics };
    const context: TermContext = {
      term: computeTerm(yearsOf(range).map((y) => source.years.get(y)!.records)),
      years: Object.fromEntries(figures.map((f) => [String(f.year), f])),
      organization: source.organization,
      sitting: sittingContext(sitting, source.organization),
    };
    return {
      prepared: {
        context,
        prose: [{ doc: narrative.doc, context }],
        // The lessons' first paragraph leads into them (回顾……我们深切体会到：), each further one is a lesson.
        complete: ([rendered]): TermContext => {
          const [intro, ...items] = (rendered!.lessons as RenderedPart).paragraphs.map((p) => `${p.lead ?? ''}${p.text}`);
          return { ...context, narrative: rendered!, lessons: { intro: intro ?? '', items } };
        },
        properties: { author: source.organization.fullName, date: sitting.date },
      },
      diagnostics,
    };
  },
};
