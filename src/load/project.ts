/**
 * Reads a data folder: `organization.yaml` (shared by all years), optional `layout.yaml`, and
 * one folder per year whose YAML files each office keeps for itself. IO lives here and in
 * write/ only; everything between works on the returned values.
 */
import { listInput, readInput, statInput } from '../cache/journal.js';
import type { Memo } from '../cache/memo.js';
import path from 'node:path';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decode, type Decoded } from './decode.js';
import { excessiveNesting, MAX_DATA_FILE_BYTES, MAX_NESTING } from './limits.js';
import { parseYaml, recallYaml, type ParsedFile } from './source.js';

export interface LoadedYear {
  year: number;
  folder: string;
  files: ParsedFile[];
}

export interface LoadedProject {
  dataDir: string;
  organization: ParsedFile | undefined;
  layout: ParsedFile | undefined;
  years: Map<number, LoadedYear>;
  diagnostics: Diagnostic[];
}

export interface LoadOptions {
  dataDir: string;
  /** Years to read; others are not touched. */
  years: number[];
  /** Folder paths are shown relative to this one. */
  cwd?: string;
  /** Remembers the values of files read before (see cache/memo.ts). */
  memo?: Memo;
}

const YAML_FILE = /\.ya?ml$/i;

/** How the encodings decode() reports are named to users (as Windows editors name them). */
const ENCODING_NAMES: Record<NonNullable<Decoded['encoding']>, string> = {
  'utf-8-bom': '带 BOM 的 UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GBK（GB18030）',
};

export async function loadProject(options: LoadOptions): Promise<LoadedProject> {
  const cwd = options.cwd ?? process.cwd();
  const show = (p: string) => displayPath(cwd, p);
  const dataDir = path.resolve(cwd, options.dataDir);
  const project: LoadedProject = { dataDir, organization: undefined, layout: undefined, years: new Map(), diagnostics: [] };
  if (!(await isDirectory(dataDir))) {
    project.diagnostics.push(diagnostic('dataFolderMissing', { folder: show(dataDir) }));
    return project;
  }
  const orgPath = path.join(dataDir, 'organization.yaml');
  const read = (full: string) => readYamlFile(full, show(full), project.diagnostics, options.memo);
  if (await isFile(orgPath)) project.organization = read(orgPath);
  else project.diagnostics.push(diagnostic('organizationMissing', { file: show(orgPath) }));

  const layoutPath = path.join(dataDir, 'layout.yaml');
  if (await isFile(layoutPath)) project.layout = read(layoutPath);

  for (const year of options.years) {
    const folder = path.join(dataDir, String(year));
    if (!(await isDirectory(folder))) continue;
    project.years.set(year, { year, folder: show(folder), files: readFolder(folder, read) });
  }
  return project;
}

/**
 * The YAML files of one folder of a data folder other than a year's (the term folder
 * `term-2018-2022/`), read like a year's; undefined when the folder does not exist.
 */
export async function loadFolder(
  folder: string,
  cwd: string,
  sink: Diagnostic[],
  memo?: Memo,
): Promise<{ folder: string; files: ParsedFile[] } | undefined> {
  const show = (p: string) => displayPath(cwd, p);
  if (!(await isDirectory(folder))) return undefined;
  return { folder: show(folder), files: readFolder(folder, (full) => readYamlFile(full, show(full), sink, memo)) };
}

// Synchronous reads: a data folder is a few small files, and each asynchronous read waited its turn.
function readFolder(folder: string, read: (full: string) => ParsedFile | undefined): ParsedFile[] {
  const names = listInput(folder)
    .map((e) => e.name)
    .filter((n) => YAML_FILE.test(n))
    .sort();
  const files: ParsedFile[] = [];
  for (const name of names) {
    const parsed = read(path.join(folder, name));
    if (parsed) files.push(parsed);
  }
  return files;
}

/** Year folders present in a data folder, ascending. */
export async function availableYears(dataDir: string): Promise<number[]> {
  try {
    const entries = listInput(dataDir);
    return entries
      .filter((e) => e.isDirectory() && /^\d{4}$/.test(e.name))
      .map((e) => Number(e.name))
      .sort((a, b) => a - b);
  } catch {
    return [];
  }
}

function readYamlFile(full: string, display: string, sink: Diagnostic[], memo?: Memo): ParsedFile | undefined {
  let bytes: Uint8Array;
  try {
    // Refused unread: a 50 MB file would take gigabytes once parsed with positions.
    const { size } = statInput(full);
    if (size > MAX_DATA_FILE_BYTES) {
      sink.push(diagnostic('fileTooLarge', { size: megabytes(size), max: megabytes(MAX_DATA_FILE_BYTES) }, { file: display, line: 1, column: 1 }));
      return undefined;
    }
    bytes = readInput(full);
  } catch (error) {
    sink.push(diagnostic('fileUnreadable', { detail: (error as Error).message }, { file: display }));
    return undefined;
  }
  const decoded = decode(bytes);
  if (decoded.error !== undefined) {
    sink.push(diagnostic('encoding', { detail: decoded.error }, { file: display, line: 1, column: 1 }));
    return undefined;
  }
  if (decoded.encoding !== undefined) {
    // No line: quoting the source line would show it misread by anything expecting UTF-8.
    sink.push(diagnostic('notPlainUtf8', { encoding: ENCODING_NAMES[decoded.encoding] }, { file: display }));
  }
  const recalled = memo && recallYaml(display, decoded.text, memo);
  if (recalled) return recalled;
  // Before any parser: both recurse per level, and too deep a stack can abort the process.
  const deep = excessiveNesting(decoded.text);
  if (deep !== undefined) {
    sink.push(diagnostic('yamlTooDeep', { max: MAX_NESTING }, { file: display, ...deep }));
    return undefined;
  }
  const parsed = parseYaml(display, decoded.text, memo);
  sink.push(...parsed.diagnostics);
  if (parsed.value === null || parsed.value === undefined) {
    if (parsed.diagnostics.length === 0) sink.push(diagnostic('emptyFile', {}, { file: display, line: 1, column: 1 }));
  }
  return parsed;
}

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export function displayPath(cwd: string, full: string): string {
  const rel = path.relative(cwd, full);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : full;
  return shown.split(path.sep).join('/');
}

async function isDirectory(p: string): Promise<boolean> {
  return statInput(p).kind === 'folder';
}

async function isFile(p: string): Promise<boolean> {
  return statInput(p).kind === 'file';
}
