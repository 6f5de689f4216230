/**
 * What earlier builds made, kept in the parse cache's folder (load/parse-cache.ts), as a writer
 * sees it: found by the digest of exactly the inputs it was made from, checked when read by
 * `valid`, plain data only. The Word writer keeps its document this way, and the parts of it that
 * do not change with the data (write/formats.ts, write/docx/package.ts).
 */
export interface MadeBefore {
  find<T>(kind: string, inputs: string, valid: (data: unknown) => data is T): T | undefined;
  keep(kind: string, inputs: string, made: unknown): void;
}
