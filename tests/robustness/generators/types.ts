/**
 * What every generator of mutated inputs provides. A generator knows one kind of input file
 * (YAML data, the Markdown narrative; spreadsheets and templates later): which files of a data
 * folder are its, how fast-check draws a mutation, and how a mutation is applied — deterministic,
 * so a failing case shrinks and replays from its seed.
 */
import type fc from 'fast-check';

/** A data folder as relative path → bytes. */
export type Files = Map<string, Buffer>;

/** A mutation: `op` and its numbers and texts, as drawn by fast-check. */
export type Mutation = { op: string } & Record<string, unknown>;

export interface Outcome {
  bytes: Buffer;
  /** False when the mutation found nothing to apply to (the file is unchanged). */
  applied: boolean;
  /** True when the data is certainly invalid afterwards: the file must then get an error of its own. */
  breaks: boolean;
  /** A spreadsheet whose shape changed but not its content: the rows holding values its reader must find (header included), unless the file gets an error. */
  rows?: number;
}

export interface InputGenerator {
  /** Name in plans and logs: yaml, narrative… */
  name: string;
  /** The files of the folder this generator mutates (relative paths, sorted). */
  files(files: Files): string[];
  mutation: fc.Arbitrary<Mutation>;
  apply(bytes: Buffer, mutation: Mutation, where: Where): Outcome;
}

/** Where a mutated file is: its path in the data folder, and the year the report is built for. */
export interface Where {
  file: string;
  reportYear: number;
}

export const unchanged = (bytes: Buffer): Outcome => ({ bytes, applied: false, breaks: false });
