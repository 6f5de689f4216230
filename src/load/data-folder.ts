/**
 * Reads a data folder: `organization.yaml` (shared by all years), the optional `layout.yaml`
 * (house style), and the folders a report needs — year folders (`2023/`) and term folders
 * (`term-2018-2022/`) — each holding the files its offices keep: YAML files, spreadsheets
 * (.xlsx, .xls, .csv) and the writers' narrative (.md). All reading of data happens here; the
 * stages after work on what this returns.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { entryKind, listFolder } from './files.js';
import { readProse, type ProseFile } from './markdown-prose.js';
import { readSheets, SHEET_FILE, type LoadedWorkbook } from './sheets.js';
import { unchecked, type ParseCache } from './parse-cache.js';
import { heldValue, parseYaml, type ParsedYaml } from './yaml.js';
import type { BuildSession } from '../session.js';
import { readFile, type ReadText } from './text-file.js';
import { appendAll } from '../append.js';

/** The files of a data folder that every year and report reads. */
export const DATA_FOLDER_FILES = { organization: 'organization.yaml', layout: 'layout.yaml' } as const;

export interface LoadedFolder {
  /** Absolute path, and as shown to users. */
  path: string;
  display: string;
  yaml: ParsedYaml[];
  workbooks: LoadedWorkbook[];
  /** Narrative files asked for, by file name, when present. */
  prose: Map<string, ProseFile>;
  /**
   * With a parse cache, when every YAML file and ledger of the folder has an entry name (a
   * digest of its bytes): what an earlier run whose files were these made of them with the same
   * settings (`inputs`: the year and the organisation's settings as JSON), and where this run's is
   * kept for the next. `what`: the year's checks (validate/kept-year.ts), or the figures counted
   * from its records (compute/figures.ts); each is checked by the stage that made it. (Each file's
   * checked records are kept by the file: ParsedYaml.checkedBefore, LoadedWorkbook.checkedBefore.)
   */
  checkedBefore?: {
    find(what: 'checks' | 'figures', inputs: string): unknown;
    keep(what: 'checks' | 'figures', inputs: string, made: unknown): void;
  };
}

export interface LoadedData {
  dataDir: string;
  display: string;
  organization: ParsedYaml | undefined;
  layout: ParsedYaml | undefined;
  /** Year folders present (regular folders named by four digits), ascending. */
  availableYears: number[];
  years: Map<number, LoadedFolder>;
  /** Other folders asked for (term folders), by name. */
  folders: Map<string, LoadedFolder>;
  diagnostics: Diagnostic[];
}

export interface DataRequest {
  dataDir: string;
  cwd: string;
  /** Years to read; `latest` adds the latest year present (when the year is not given). */
  years: number[];
  /** Other folders to read, by name (term-2018-2022). */
  folders?: string[];
  /** Narrative files to read in each folder read, by name (narrative.md). */
  prose?: string[];
  /** Files already parsed by earlier builds of this process, by their exact text. */
  session?: BuildSession;
  /** Files parsed by earlier runs, kept on disk (parse-cache.ts). */
  cache?: ParseCache;
}

const YAML_FILE = /\.ya?ml$/i;
const PROSE_FILE = /\.md$/i;
const YEAR_FOLDER = /^\d{4}$/;

export function displayPath(cwd: string, full: string): string {
  const rel = path.relative(cwd, full);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : full;
  return shown.split(path.sep).join('/');
}

/** The year folders of a data folder, ascending, and a problem for each that is a link. */
export function yearFolders(dataDir: string, show: (p: string) => string): { years: number[]; diagnostics: Diagnostic[] } {
  const years: number[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of listFolder(dataDir)) {
    if (!YEAR_FOLDER.test(entry.name)) continue;
    if (entry.kind === 'folder') years.push(Number(entry.name));
    else if (entry.kind === 'link') {
      // A linked year still counts when the latest year is chosen: checking 2023 because the
      // 2024 folder is a link would pass a year nobody asked about. Reading it is then refused.
      years.push(Number(entry.name));
      diagnostics.push(diagnostic('linkNotFollowed', { what: '年度文件夹' }, { file: show(path.join(dataDir, entry.name)) }));
    }
  }
  return { years: years.sort((a, b) => a - b), diagnostics };
}

export function loadData(request: DataRequest): LoadedData {
  const show = (p: string) => displayPath(request.cwd, p);
  const dataDir = path.resolve(request.cwd, request.dataDir);
  const data: LoadedData = {
    dataDir,
    display: show(dataDir),
    organization: undefined,
    layout: undefined,
    availableYears: [],
    years: new Map(),
    folders: new Map(),
    diagnostics: [],
  };
  // The folder the user named may itself be a link: it is theirs to name.
  if (!isFolder(dataDir)) {
    data.diagnostics.push(diagnostic('dataFolderMissing', { folder: show(dataDir) }, { file: show(dataDir) }));
    return data;
  }
  const sink = data.diagnostics;
  const orgPath = path.join(dataDir, DATA_FOLDER_FILES.organization);
  if (entryKind(orgPath) === 'missing') sink.push(diagnostic('organizationMissing', { file: show(orgPath) }, { file: show(dataDir) }));
  else data.organization = readYamlFile(orgPath, show(orgPath), sink, request.session, request.cache);
  const layoutPath = path.join(dataDir, DATA_FOLDER_FILES.layout);
  if (entryKind(layoutPath) !== 'missing') data.layout = readYamlFile(layoutPath, show(layoutPath), sink, request.session, request.cache);

  const found = yearFolders(dataDir, show);
  data.availableYears = found.years;
  appendAll(sink, found.diagnostics.filter((d) => request.years.some((y) => d.file === show(path.join(dataDir, String(y))))));
  for (const year of request.years) {
    const folder = path.join(dataDir, String(year));
    if (entryKind(folder) === 'folder') data.years.set(year, readFolder(folder, show, request.prose ?? [], sink, request.session, request.cache));
  }
  for (const name of request.folders ?? []) {
    const folder = path.join(dataDir, name);
    const k = entryKind(folder);
    if (k === 'folder') data.folders.set(name, readFolder(folder, show, request.prose ?? [], sink, request.session, request.cache));
    else if (k === 'link') sink.push(diagnostic('linkNotFollowed', { what: '文件夹' }, { file: show(folder) }));
  }
  return data;
}

function readFolder(folder: string, show: (p: string) => string, proseNames: readonly string[], sink: Diagnostic[], session?: BuildSession, cache?: ParseCache): LoadedFolder {
  const loaded: LoadedFolder = { path: folder, display: show(folder), yaml: [], workbooks: [], prose: new Map() };
  const sheets: Array<{ path: string; display: string }> = [];
  for (const entry of listFolder(folder)) {
    const full = path.join(folder, entry.name);
    const isYaml = YAML_FILE.test(entry.name);
    const isSheet = SHEET_FILE.test(entry.name);
    const isProse = PROSE_FILE.test(entry.name) && proseNames.includes(entry.name);
    if (!isYaml && !isSheet && !isProse) continue;
    // Office lock files (~$提案台账.xlsx) and editors' backups are not data.
    if (entry.name.startsWith('~$') || entry.name.startsWith('.~')) continue;
    if (entry.kind === 'link') {
      sink.push(diagnostic('linkNotFollowed', { what: '数据文件' }, { file: show(full) }));
      continue;
    }
    if (entry.kind !== 'file') {
      sink.push(diagnostic('notRegularFile', {}, { file: show(full) }));
      continue;
    }
    if (isYaml) {
      const parsed = readYamlFile(full, show(full), sink, session, cache);
      if (parsed) loaded.yaml.push(parsed);
    } else if (isSheet) {
      sheets.push({ path: full, display: show(full) });
    } else {
      const display = show(full);
      const read = readFile(full, display, sink, session);
      if (read !== undefined) {
        const prose = read.earlier ? (read.earlier.prose ??= readProse(display, read.text)) : readProse(display, read.text);
        loaded.prose.set(entry.name, prose);
      }
    }
  }
  loaded.workbooks = readSheets(sheets, sink, session, cache);
  // The files stand in the key by their names and their entries' names: what is kept names them in its messages.
  const files = [...loaded.yaml.map((f) => [f.file.display, f.digest]), ...loaded.workbooks.map((w) => [w.display, w.digest])];
  if (cache && files.every(([, digest]) => digest !== undefined)) {
    const parts = (inputs: string) => [inputs, JSON.stringify(files)];
    loaded.checkedBefore = {
      find: (what, inputs) => cache.find(`year-${what}`, parts(inputs), unchecked),
      keep: (what, inputs, made) => cache.keep(`year-${what}`, parts(inputs), made),
    };
  }
  return loaded;
}

/**
 * A YAML file's value from the parse cache, read when first asked for (heldValue), or parsed now
 * (and kept for the cache when clean). Only clean parses are kept: a file the cache holds has no
 * problems to report, and one whose entry turns out damaged when read is parsed then, to the same
 * clean value.
 */
function cachedYaml(cache: ParseCache, display: string, source: ReadText): ParsedYaml {
  // Keyed by the file's bytes alone (their text is decoded from them, the same every time; hashing
  // the bytes spares encoding the text back to UTF-8): a clean parse's value does not depend on where the file is.
  const digest = cache.digest('yaml', source.bytes);
  if (digest === undefined) return parseYaml(display, source.text);
  const parse = () => {
    const fresh = parseYaml(display, source.text);
    if (fresh.diagnostics.length === 0) cache.keepAt(digest, entryOf(fresh));
    return fresh;
  };
  if (!cache.holds(digest)) return { ...parse(), digest };
  // The file's check (validate/yaml-file.ts) is kept only for a file an earlier run read: it
  // serves the runs after an edit of another file. Keeping every file's on a first build cost a
  // national year 16% more time and 38 MB more memory, for entries only a later edit reads.
  // Found by the file's name too: what is kept names it in its messages.
  const checkedBefore: ParsedYaml['checkedBefore'] = {
    find: (inputs) => cache.find('yaml-checked', [digest, inputs], unchecked, display),
    keep: (inputs, part) => cache.keep('yaml-checked', [digest, inputs], part, display),
  };
  return heldValue(display, () => source.text, () => cache.findAt(digest, isYamlEntry) ?? entryOf(parse()), digest, checkedBefore);
}

/**
 * A clean parse as the parse cache keeps it: the value, and whether the fast reader read it
 * (SourceFile.plainText): a file held is then not decoded to be searched for what it cannot hold.
 */
interface YamlEntry {
  clean: true;
  value: unknown;
  plainText?: true;
}

const entryOf = (parsed: ParsedYaml): YamlEntry => (parsed.file.plainText ? { clean: true, value: parsed.value, plainText: true } : { clean: true, value: parsed.value });

function isYamlEntry(data: unknown): data is YamlEntry {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const entry = data as { clean?: unknown; plainText?: unknown };
  return entry.clean === true && (entry.plainText === undefined || entry.plainText === true);
}

function readYamlFile(full: string, display: string, sink: Diagnostic[], session?: BuildSession, cache?: ParseCache): ParsedYaml | undefined {
  const read = readFile(full, display, sink, session);
  if (read === undefined) return undefined;
  const parse = () => (cache ? cachedYaml(cache, display, read) : parseYaml(display, read.text));
  const parsed = read.earlier ? (read.earlier.yaml ??= parse()) : parse();
  appendAll(sink, parsed.diagnostics);
  // A file of comments only was left so on purpose (a scaffold's members.yaml); an empty one is a slip.
  if (parsed.diagnostics.length === 0 && blank(read) && (parsed.value === null || parsed.value === undefined)) {
    sink.push(diagnostic('emptyFile', {}, { file: display, line: 1, column: 1 }));
  }
  return parsed;
}

/**
 * Whether a file's text is blank (white space only, as String.trim has it). Plain UTF-8 with a
 * visible ASCII character (a key's letters, as every data file has) is not, and is not decoded to
 * be told so: a byte below 0x80 is in UTF-8 only ever that character.
 */
function blank(read: ReadText): boolean {
  if (read.utf8) for (const byte of read.bytes) if (byte > 0x20 && byte < 0x7f) return false;
  return read.text.trim() === '';
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

