/**
 * One interface for every report kind (annual, summary, term, compilation, proposals). A kind
 * says what it reads (plan: which data folders, years and folders; which narrative files), which
 * template folder it uses, and how the checked records become the context its templates and
 * prose cite (prepare). The pipeline (pipeline.ts) runs any kind through the same stages.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Organization } from '../domain/organization.js';
import type { Origin } from '../domain/record-kind.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { Sitting } from '../domain/year-parts.js';
import type { LoadedData } from '../load/data-folder.js';
import type { CitableContext, RenderedNarrative } from '../render/context.js';
import type { Script } from '../render/script.js';
import type { BuildSession } from '../session.js';
import type { NarrativeDoc, NarrativeSpec } from '../validate/narrative.js';
import type { CheckedYear } from '../validate/year.js';

export interface YearRange {
  from: number;
  to: number;
}

/** The report kinds by name (kinds/index.ts holds one of each). */
const KIND_NAMES = ['annual', 'summary', 'term', 'compilation', 'proposals'] as const;
export type KindName = (typeof KIND_NAMES)[number];

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
}

/** What to read from one data folder. */
export interface SourcePlan {
  dataDir: string;
  /** The year the report is about, for this data folder. */
  year: number;
  years: number[];
  /** Other folders of the data folder (term-2018-2022). */
  folders: string[];
}

export interface Plan {
  sources: SourcePlan[];
  /** The report's year (a term's last). */
  year: number;
  range?: YearRange;
  /** Where build writes: `<out>/<folder>/<name>.<ext>`. */
  output: { folder: string; name: string };
}

/** A term folder's own files, checked: the sitting that hears the report. */
export interface CheckedFolder {
  sitting: Sitting | undefined;
  sittingOrigin: Origin | undefined;
}

/** One data folder, loaded and checked. */
export interface CheckedSource {
  plan: SourcePlan;
  data: LoadedData;
  organization: Organization | undefined;
  vocabulary: Vocabulary;
  years: Map<number, CheckedYear>;
  folders: Map<string, CheckedFolder>;
  /** Narratives present, by `<folder>/<file>` (2023/narrative.md). */
  narratives: Map<string, NarrativeDoc>;
  /** Whether its data (records, organisation) had errors: figures are then from the valid records only. */
  dataHasErrors: boolean;
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

/**
 * What a kind reads, declared once: the command line checks a request against it and chooses
 * the kind from it, `init` writes a year's narrative skeletons for it, and watching follows the
 * plan it makes.
 */
export interface KindInput {
  /** One year (`2023`), or a term's years (`2018-2022`). */
  years: 'one' | 'range';
  /** One data folder, or several (one per organisation, at least two). */
  dataFolders: 'one' | 'several';
  /** How it is asked for on the command line. */
  example: string;
}

export interface ReportKind {
  name: KindName;
  /** 中文名: 年度工作报告 */
  label: string;
  /** The template folder: templates/<name>/. */
  templates: string;
  /** The narrative files it reads in each folder it reads. */
  narratives: readonly NarrativeSpec[];
  input: KindInput;
  plan(request: ReportRequest, availableYears: (dataDir: string) => number[]): Plan | Diagnostic[];
  prepare(sources: readonly CheckedSource[], plan: Plan): { prepared?: Prepared; diagnostics: Diagnostic[] };
}
