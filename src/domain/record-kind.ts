/**
 * What a kind of record is, declared once (one file per kind under records/): its key, Chinese
 * name and office, its fields (schema, spreadsheet headers and docs derive from them), the checks
 * of its records against each other, its hand-written totals, and the figures it yields with
 * their Chinese labels. The year schema, the cross-record checks, the figures, the term totals,
 * the `init` scaffold, the JSON Schema and the README's field tables all come from these entries.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Location } from '../diagnostics/catalogue.js';
import type { Field, RecordOf } from './fields.js';
import type { Organization } from './organization.js';
import type { Vocabulary } from './vocabulary.js';

/** A checked record: the field values zod gave back. */
export type RecordValue = Record<string, unknown>;

/** Where a record (and each of its fields) came from: a YAML node, or a spreadsheet row and cell. */
export interface Origin {
  locate(field?: string, asKey?: boolean): Location;
}

/**
 * Origins by record. A Map where the year's records are kept (they live as long as the year does,
 * and filling a WeakMap with a national year's 60,000 records cost a third of checking them); any
 * map of objects will do.
 */
export interface Origins {
  get(record: object): Origin | undefined;
  set(record: object, origin: Origin): unknown;
}

/** The records of one year, checked, with what the year's other files hold. */
export interface YearRecords {
  year: number;
  organization: Organization | undefined;
  vocabulary: Vocabulary;
  records: Record<string, RecordValue[]>;
  /** Hand-written totals, by record kind (totals.proposals…). */
  totals: Record<string, RecordValue>;
  members: { total: number; standing?: number; inCommittees?: number } | undefined;
  /** Where each record, and each totals part, came from. */
  origins: Origins;
  /**
   * The ids of records the schema refused: they are reported where they are, and a reference to
   * one of them (a 批示 naming it) is not reported a second time as a reference to nothing.
   */
  refusedIds: Set<string>;
  /**
   * Kind → field → the column no ledger of the year has, for kinds whose records all come from
   * ledgers: the figures that need it are missing (compute/absent.ts).
   */
  absent?: Record<string, Record<string, { column: string; file: string; sheet: string }>>;
  /**
   * With a parse cache, for a year whose checks are kept (validate/kept-year.ts): the
   * figures an earlier run counted from the same records (they depend on nothing else), and where
   * this run's are kept for the next (compute/figures.ts checks what it is given).
   */
  figuresBefore?: {
    find(): unknown;
    keep(figures: unknown): void;
  };
}

/** Whether figures are a year's or a term's (several years' records counted together). */
export type Scope = 'year' | 'term';

/** The figures one kind of record yields, under its key: proposals.total… */
export type Figures = Record<string, unknown>;

/** The units figures are counted in (`{unit}`: the record kind's own measure word). */
export type FigureUnit = '件' | '件次' | '次' | '条' | '篇' | '项' | '位' | '名' | '人' | '人次' | '家' | '个' | '{unit}';

/** The measure word of a record: 件, 次, 篇, 条. */
export type RecordUnit = Exclude<FigureUnit, '{unit}'>;

/** A figure's Chinese name, unit and explanation; `*` in the pattern stands for a group key, `{1}` in the label for it. */
export interface FigureLabel {
  label: string;
  unit?: FigureUnit;
  explain?: string;
}

/** Labels under a common prefix: `labelsUnder('byKind.*', { count: … })` gives `byKind.*.count`. */
export function labelsUnder<P extends string, S extends string>(prefix: P, labels: Record<S, FigureLabel>): Record<`${P}.${S}`, FigureLabel> {
  return Object.fromEntries(Object.entries(labels).map(([name, l]) => [`${prefix}.${name}`, l])) as Record<`${P}.${S}`, FigureLabel>;
}

export interface Totals<R extends RecordValue = RecordValue> {
  /** The fields of `totals.<kind>`, each a count the office writes by hand. */
  fields: Record<string, Field>;
  /** The same counts taken from the records, to check the written ones against. */
  counted(records: R[]): Record<string, number>;
  /** Figures when the office keeps only totals: whatever the totals give (others stay unavailable). */
  figures(totals: RecordValue): Figures;
  /** Pairs that must hold: a part no larger than its whole (filed ≤ received). */
  parts: ReadonlyArray<[part: string, whole: string]>;
}

export interface CheckContext {
  year: YearRecords;
  /** Where a record or one of its fields is. */
  at(record: object, field?: string, asKey?: boolean): Location;
  report(diagnostic: Diagnostic): void;
}

/**
 * A kind of record; `R` is its record type, derived from its fields by `defineRecordKind`. The
 * registry holds kinds as `RecordKind` (records of any shape): the validated records of a kind are
 * what its own schema gave back.
 */
export interface RecordKind<R extends RecordValue = RecordValue> {
  /** Key in YAML files and first segment of its figures: proposals. */
  key: string;
  /** 中文名: 提案 */
  label: string;
  /** The office that keeps these records: 提案委员会 */
  office: string;
  /** One line for docs and the scaffold's comment. */
  description: string;
  /** Measure word of a record, for messages: 件, 次, 篇, 条. */
  unit: RecordUnit;
  /** Words in a spreadsheet's file or sheet name that say it holds these records: 提案台账.xlsx. */
  sheetWords: readonly string[];
  fields(vocabulary: Vocabulary, organization: Organization | undefined): Record<string, Field>;
  /** Date fields that must fall within the year of the folder. */
  dateFields: readonly string[];
  /** Fields that hold the id of another record of the year (checked to exist), and of which kinds. */
  references?: ReadonlyArray<{ field: string; kinds: readonly string[] }>;
  /** Leaders' instructions (批示) may be on these records. */
  instructable?: boolean;
  totals?: Totals<R>;
  /** Checks against each other and against the registers; the schema has already passed. */
  check?(records: R[], context: CheckContext): void;
  figures(records: R[], year: YearRecords, scope: Scope): Figures;
  /** Labels of the figures, by pattern relative to the key: `total`, `byCategory.*.count`. */
  labels: Record<string, FigureLabel>;
  /** Record lists that fit on one line in the scaffold's comment: what one record looks like. */
  example: Partial<R>;
}

/** Figure names (top level) that no label pattern covers: `byKind` is covered by `byKind.*.count`, any name by `*.…`. */
export type Unlabelled<Fig, L extends string> = {
  [K in keyof Fig & string]: [Extract<L, K | `${K}.${string}` | `*${string}`>] extends [never] ? K : never;
}[keyof Fig & string];

/**
 * A record kind whose record type is its fields' (`RecordOf`): a check or figure that reads a
 * field the declaration lacks does not compile, nor does a figure without a label.
 */
export function defineRecordKind<F extends Record<string, Field<any>>, Fig extends Figures, L extends string>(
  kind: Omit<RecordKind<RecordOf<F>>, 'fields' | 'figures' | 'labels'> & {
    fields(vocabulary: Vocabulary, organization: Organization | undefined): F;
    figures(records: RecordOf<F>[], year: YearRecords, scope: Scope): Fig;
    labels: Record<L, FigureLabel> & NoInfer<{ [K in Unlabelled<Fig, L>]: FigureLabel }>;
  },
): RecordKind<RecordOf<F>> {
  return kind;
}

/** The checked records of one kind in a year, typed as that kind declares them. */
export function recordsOf<R extends RecordValue>(year: Pick<YearRecords, 'records'>, kind: RecordKind<R>): R[] {
  // The year's records of a kind are what that kind's schema gave back (validate/year.ts).
  return (year.records[kind.key] ?? []) as R[];
}
