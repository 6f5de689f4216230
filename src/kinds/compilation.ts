/**
 * A compilation (汇编) of several organisations' year summaries in one document, one section
 * per organisation, as a newspaper page compiles district CPPCCs (seed 002):
 *   report build 2023 --data 甲区 --data 乙区
 * Each organisation is checked and its summary prepared from its own data folder; its problems
 * name its own files. The sections are put together by the `compilation` templates.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompilationContext, YearContext } from '../compute/context.js';
import type { Plan, Prepared, ReportKind } from './kind.js';
import { kindDeclaration } from './names.js';
import { summary } from './summary.js';
import { chooseYear, outputName } from './year-report.js';
import { appendAll } from '../append.js';

export const compilation: ReportKind = {
  ...kindDeclaration('compilation'),
  narratives: summary.narratives,
  plan(request, availableYears) {
    // Every organisation for the same year: the one asked for, or the first one's latest.
    const first = chooseYear(request, request.dataDirs[0]!, availableYears);
    if (typeof first !== 'number') return [first];
    const problems: Diagnostic[] = [];
    for (const dataDir of request.dataDirs.slice(1)) {
      const y = chooseYear({ ...request, year: first }, dataDir, availableYears);
      if (typeof y !== 'number') problems.push(y);
    }
    if (problems.length > 0) return problems;
    const plan: Plan = {
      sources: request.dataDirs.map((dataDir) => ({ dataDir, year: first, years: [first - 1, first], folders: [] })),
      year: first,
      output: { folder: String(first), name: outputName('compilation', request) },
    };
    return plan;
  },
  prepare(sources, plan) {
    const diagnostics: Diagnostic[] = [];
    const organizations: YearContext[] = [];
    const parts: Prepared[] = [];
    for (const source of sources) {
      const one = summary.prepare([source], { ...plan, sources: [source.plan] });
      appendAll(diagnostics, one.diagnostics);
      if (!one.prepared) continue;
      organizations.push(one.prepared.context as YearContext);
      parts.push(one.prepared);
    }
    if (organizations.length !== sources.length) return { diagnostics };
    const context: CompilationContext = { year: plan.year, organizations };
    const dates = organizations.map((c) => c.sitting.date).sort();
    return {
      prepared: {
        context,
        prose: parts.flatMap((p) => p.prose),
        // Each organisation's summary completed from its own narratives, taken in the order of its prose.
        complete: (narratives): CompilationContext => {
          let at = 0;
          return { year: plan.year, organizations: parts.map((p) => p.complete(narratives.slice(at, (at += p.prose.length))) as YearContext) };
        },
        properties: { author: organizations.map((c) => c.organization.shortName).join('、'), date: dates[dates.length - 1]! },
      },
      diagnostics,
    };
  },
};
