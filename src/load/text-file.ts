/**
 * Reading a data file's text: bytes read as files.ts allows, decoded as decode.ts decides, with a
 * message when they were not plain UTF-8. In a session (watch, preview, or validate checking
 * several reports) the same bytes are decoded once, and what was made of them is kept with them.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decode, type Decoded } from './decode.js';
import { readRegularFile, sameBytes, type ReadOutcome } from './files.js';
import { readProblem } from './read-problem.js';
import type { ProseFile } from './markdown-prose.js';
import { MAX_DATA_FILE_BYTES } from './nesting.js';
import type { ParsedYaml } from './yaml.js';
import { sessionMemo, type BuildSession } from '../session.js';

/** How decode() names encodings to users (as Windows editors name them). */
const ENCODING_NAMES: Record<NonNullable<Decoded['encoding']>, string> = {
  'utf-8-bom': '带 BOM 的 UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GBK（GB18030）',
};

/**
 * A data file as an earlier read in the session found it: its bytes, their text, and what was made
 * of them. The same bytes are not decoded or parsed again: validate reads a year once for each
 * report it checks, and a national year is 11 MB. Kept by the file's display path and compared by
 * bytes (a byte compare costs far less than decoding, or hashing the text as a key).
 */
export interface EarlierRead {
  bytes: Uint8Array;
  decoded: Decoded;
  yaml?: ParsedYaml;
  prose?: ProseFile;
}
const earlierReads = sessionMemo<EarlierRead>();

const readsOnce = sessionMemo<ReadOutcome>();

/**
 * readRegularFile (files.ts), in a session whose builds read each file once (BuildSession.options):
 * the first read's outcome for all of them. Validate checks a year's reports one after the other,
 * and read a national year's 11 MB again for each.
 */
export function readInSession(path: string, maxBytes: number, session: BuildSession | undefined): ReadOutcome {
  if (!session?.options.readsFilesOnce) return readRegularFile(path, maxBytes);
  return readsOnce(session).get(`${maxBytes}\0${path}`, () => readRegularFile(path, maxBytes));
}

/** A text file's contents, decoded; undefined (with the reason in `sink`) when it cannot be read. */
export function readText(full: string, display: string, sink: Diagnostic[]): string | undefined {
  return readFile(full, display, sink)?.text;
}

/**
 * A file's contents as readFile gives them: `text` decoded when first read (plain UTF-8) or
 * already; `utf8` when the bytes are plain UTF-8 (each byte below 0x80 is then the ASCII character
 * it stands for).
 */
export interface ReadText {
  readonly text: string;
  bytes: Uint8Array;
  utf8: boolean;
  earlier?: EarlierRead;
}

/** readText, with what an earlier read of the same bytes in the session made of them. */
export function readFile(full: string, display: string, sink: Diagnostic[], session?: BuildSession): ReadText | undefined {
  const read = readInSession(full, MAX_DATA_FILE_BYTES, session);
  if (!read.ok) {
    sink.push(readProblem(read, display));
    return undefined;
  }
  const earlier = session ? earlierReads(session).get(display, () => ({ bytes: read.bytes, decoded: decode(read.bytes) })) : undefined;
  if (earlier && earlier.bytes !== read.bytes && !sameBytes(earlier.bytes, read.bytes)) {
    // The file changed since: what was made of its old bytes goes (the entry is this session's own).
    Object.assign(earlier, { bytes: read.bytes, decoded: decode(read.bytes), yaml: undefined, prose: undefined });
  }
  const decoded = earlier?.decoded ?? decode(read.bytes);
  if (decoded.error !== undefined) {
    sink.push(diagnostic('encoding', { detail: decoded.error }, { file: display, line: 1, column: 1 }));
    return undefined;
  }
  if (decoded.encoding !== undefined) {
    // No line: quoting the source line would show it misread by anything expecting UTF-8.
    sink.push(diagnostic('notPlainUtf8', { encoding: ENCODING_NAMES[decoded.encoding] }, { file: display }));
  }
  // Not spread: reading `text` would decode it now.
  const made: ReadText = {
    get text() {
      return decoded.text;
    },
    bytes: read.bytes,
    utf8: decoded.encoding === undefined,
  };
  if (earlier) made.earlier = earlier;
  return made;
}
