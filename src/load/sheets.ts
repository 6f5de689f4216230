/**
 * Spreadsheet ledgers in a year folder (.xlsx, .xls, .csv): read into sheets of cells (see
 * spreadsheet/), which validate/sheet-records.ts turns into records by their column headers.
 * Files are read like every input: regular files only, no links, bounded in size before reading.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isKeptMessages, isKeptWorkbook, keptWorkbook, workbookFromKept } from './cached-workbook.js';
import { unchecked, type ParseCache } from './parse-cache.js';
import { readProblem } from './read-problem.js';
import { sameBytes } from './files.js';
import { readInSession } from './text-file.js';
import { DEFAULT_LIMITS, readWorkbook, type Sheet, type Workbook } from './spreadsheet/index.js';
import { sessionMemo, type BuildSession } from '../session.js';
import { appendAll } from '../append.js';

export const SHEET_FILE = /\.(?:xlsx|xls|csv)$/i;

export interface LoadedWorkbook {
  /** The file as shown to users. */
  display: string;
  /**
   * Its sheets of cells. Served by the parse cache, they are read from it when first asked for:
   * a run whose rows were checked before (below) asks for none.
   */
  readonly sheets: Sheet[];
  /** Stands for the cells in memos (the same object while they are the same): asking for it reads none. */
  identity: object;
  /**
   * With a parse cache: what checking this file's rows gave an earlier run with the same settings
   * (`inputs`: the organisation's settings as JSON), and where this run's is kept for the next
   * (validate/year.ts checks what it is given, and the cache writes it when the run ends).
   */
  checkedBefore?: {
    find(inputs: string): unknown;
    keep(inputs: string, rows: unknown): void;
  };
  /** With a parse cache: a digest of the file's bytes, which stands for them in the key of a year's checks. */
  digest?: string;
}

/**
 * A workbook as a run holds it: what reading it said, and its sheets of cells. Served by the parse
 * cache, what it said is kept apart from its cells, and the cells are read from the cache when
 * first asked for: a run whose rows were checked before (validate/year.ts) asks for none.
 */
interface HeldWorkbook {
  diagnostics: Diagnostic[];
  readonly sheets: Sheet[];
}

/** Workbooks read by earlier builds of a session: by the file's display path, compared by bytes (as text-file.ts keeps text files). */
const workbookMemo = sessionMemo<{ bytes: Uint8Array; workbook: HeldWorkbook }>();

export function readSheets(files: ReadonlyArray<{ path: string; display: string }>, sink: Diagnostic[], session?: BuildSession, cache?: ParseCache): LoadedWorkbook[] {
  const out: LoadedWorkbook[] = [];
  for (const file of files) {
    const read = readInSession(file.path, DEFAULT_LIMITS.maxFileBytes, session);
    if (!read.ok) {
      sink.push(readProblem(read, file.display, 'sheet'));
      continue;
    }
    // The file's bytes hashed once: their digest stands for them in the keys of everything kept of them.
    const digest = cache?.digest('workbook-bytes', read.bytes);
    const parse = () => (cache && digest !== undefined ? cachedWorkbook(cache, digest, read.bytes, file.display) : readWorkbook(read.bytes, file.display));
    const workbook = session ? earlier(workbookMemo(session).get(file.display, () => ({ bytes: read.bytes, workbook: parse() })), read.bytes, parse) : parse();
    appendAll(sink, workbook.diagnostics);
    // What was kept is checked by the stage that knows its shape (validate/sheet-records.ts).
    const checkedBefore =
      cache && digest !== undefined
        ? {
            find: (inputs: string) => cache.find('sheet-rows', [digest, inputs], unchecked, file.display),
            keep: (inputs: string, rows: unknown) => cache.keep('sheet-rows', [digest, inputs], rows, file.display),
          }
        : undefined;
    out.push({
      display: file.display,
      ...(digest !== undefined ? { digest } : {}),
      get sheets() {
        return workbook.sheets;
      },
      // The held workbook is the same object while the file's bytes are (a session's memo replaces it when they change).
      identity: workbook,
      ...(checkedBefore ? { checkedBefore } : {}),
    });
  }
  return out;
}

/**
 * A workbook from the parse cache: what reading it said, and its cells when asked for; on a miss,
 * read (and kept, in the form the cache keeps, when it has no errors).
 */
function cachedWorkbook(cache: ParseCache, digest: string, bytes: Uint8Array, display: string): HeldWorkbook {
  const said = cache.find('workbook-messages', digest, isKeptMessages, display);
  if (said) {
    let sheets: Sheet[] | undefined;
    return {
      diagnostics: said.diagnostics,
      get sheets() {
        return (sheets ??= cachedCells(cache, digest, bytes, display).sheets);
      },
    };
  }
  const workbook = cachedCells(cache, digest, bytes, display);
  if (!hasErrors(workbook.diagnostics)) cache.keep('workbook-messages', digest, { diagnostics: workbook.diagnostics }, display);
  return workbook;
}

/** A workbook's cells from the parse cache, in the form it keeps (cached-workbook.ts), or read (and kept when it has no errors). */
function cachedCells(cache: ParseCache, digest: string, bytes: Uint8Array, display: string): Workbook {
  const kept = cache.find('workbook', digest, isKeptWorkbook, display);
  if (kept) return workbookFromKept(kept);
  const workbook = readWorkbook(bytes, display);
  if (!hasErrors(workbook.diagnostics)) cache.keep('workbook', digest, keptWorkbook(workbook), display);
  return workbook;
}

/** The workbook an earlier read of the same bytes made; the file changed since: read anew (the entry is this session's own). */
function earlier(entry: { bytes: Uint8Array; workbook: HeldWorkbook }, bytes: Uint8Array, parse: () => HeldWorkbook): HeldWorkbook {
  if (entry.bytes !== bytes && !sameBytes(entry.bytes, bytes)) Object.assign(entry, { bytes, workbook: parse() });
  return entry.workbook;
}
