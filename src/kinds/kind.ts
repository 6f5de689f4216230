/**
 * One interface for every report kind (annual, summary, term, compilation, proposals). A kind
 * says what it reads (plan: which data folders, years and folders; which narrative files), which
 * template folder it uses, and how the checked records become the context its templates and
 * prose cite (prepare). The pipeline (pipeline.ts) runs any kind through the same stages.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CitableContext, RenderedNarrative } from '../compute/context.js';
import type { ParseCache } from '../load/parse-cache.js';
import type { BuildSession } from '../session.js';
import type { NarrativeDoc, NarrativeSpec } from '../validate/narrative.js';
import type { KindDeclaration, KindName } from './names.js';

export type { KindInput, KindName } from './names.js';
import type { CheckedFolder, CheckedSource, SourcePlan } from '../validate/source.js';

/** What a data folder holds, checked (declared with the checks, in validate/source.ts). */
export type { CheckedFolder, CheckedSource, SourcePlan };

export interface YearRange {
  from: number;
  to: number;
}

/** The scripts a report is written in: simplified (hans, the default) or traditional (hant). */
export const SCRIPTS = ['hans', 'hant'] as const;
export type Script = (typeof SCRIPTS)[number];


export interface ReportRequest {
  /** annual (default), summary, term, compilation, proposals. */
  kind: KindName;
  /** One data folder, or several for a compilation. */
  dataDirs: readonly string[];
  year?: number;
  range?: YearRange;
  templatesDir?: string;
  script?: Script;
  cwd: string;
  /** Files parsed and templates compiled by earlier builds of this process (build --watch, preview). */
  session?: BuildSession;
  /** Files parsed by earlier runs, kept on disk in the output folder (load/parse-cache.ts). */
  cache?: ParseCache;
}


export interface Plan {
  sources: SourcePlan[];
  /** The report's year (a term's last). */
  year: number;
  range?: YearRange;
  /** Where build writes: `<out>/<folder>/<name>.<ext>`. */
  output: { folder: string; name: string };
}



/** Prose to render against a context. */
export interface ProseJob {
  doc: NarrativeDoc;
  context: CitableContext;
}

export interface Prepared {
  /** The context of figures the prose cites. */
  context: CitableContext;
  prose: ProseJob[];
  /** The context the templates read: `context` with the prose rendered (one narrative per job, in order). */
  complete(narratives: readonly RenderedNarrative[]): CitableContext;
  /** Document properties: the issuing organisation and the sitting's date. */
  properties: { author: string; date: string };
}


/** A kind: its declaration (names.ts: name, label, templates, what it reads) and how it is made. */
export interface ReportKind extends KindDeclaration {
  /** The narrative files it reads in each folder it reads. */
  narratives: readonly NarrativeSpec[];
  plan(request: ReportRequest, availableYears: (dataDir: string) => number[]): Plan | Diagnostic[];
  prepare(sources: readonly CheckedSource[], plan: Plan): { prepared?: Prepared; diagnostics: Diagnostic[] };
}
