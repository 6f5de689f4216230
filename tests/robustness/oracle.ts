/**
 * What must hold for every input, however broken: the checks shared by the property tests and
 * scripts/fuzz.ts. Each returns a list of failures (empty when all is well), so a fuzz run can
 * count them instead of stopping at the first.
 *
 *   - never a stack trace or an uncaught exception;
 *   - every diagnostic well-formed and placed inside its file (a line and column that exist);
 *   - broken data refused: a mutation certain to break a file gives an error in that file;
 *   - no report in spite of errors, no report with a blank in it, no error without a word;
 *   - a failed build leaves the earlier outputs as they were, with no temporary file behind;
 *   - nothing added to the built-in prototypes.
 */
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { decode } from '../../src/load/decode.js';
import { readWorkbook, type Workbook } from '../../src/load/spreadsheet/read.js';
import { renderReportRun } from '../../src/pipeline.js';
import { report } from '../helpers/report.js';
import { applyPlan, type Applied, type Files, type Plan } from './mutations.js';

/** Codes whose `file` is a folder (something is missing from it, or it is a link), without a line. */
const FOLDER_CODES = new Set(['RPT101', 'RPT102', 'RPT108', 'RPT116', 'RPT308', 'RPT317']);
/** Codes about a whole file, without a line: unreadable, a link, not a regular file, read in another encoding, a part missing from a narrative. */
const WHOLE_FILE_CODES = new Set(['RPT103', 'RPT110', 'RPT116', 'RPT117', 'RPT323', 'RPT509']);

function lexists(full: string): boolean {
  try {
    lstatSync(full);
    return true;
  } catch {
    return false;
  }
}

/** Lines of a file as the loader sees them (after decoding), to check a diagnostic's line. */
function linesOf(full: string): string[] {
  const bytes = readFileSync(full);
  const decoded = decode(bytes);
  const text = decoded.error === undefined ? decoded.text : bytes.toString('latin1');
  return text.split('\n').map((l) => l.replace(/\r$/, ''));
}

/** Columns as Excel names them: A=1 … Z=26, AA=27. */
function columnNumber(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

const workbooks = new Map<string, Workbook | undefined>();

/** A diagnostic in a spreadsheet names a sheet of the file, and a cell (when it has one) within its rows. */
function cellFailures(d: Diagnostic, full: string, shown: string): string[] {
  if (!workbooks.has(full)) {
    try {
      workbooks.set(full, readWorkbook(new Uint8Array(readFileSync(full)), full));
    } catch {
      workbooks.set(full, undefined);
    }
  }
  const workbook = workbooks.get(full);
  if (!workbook) return [`diagnostic names a spreadsheet that cannot be read: ${shown}`];
  // About a whole sheet (one the reader refused, so not among those it returns): no row to check.
  if (d.cell === undefined) return d.line === undefined ? [] : [`diagnostic in a sheet has a row but no cell: ${shown}`];
  const sheet = workbook.sheets.find((s) => s.name === d.sheet);
  if (!sheet) return [`diagnostic places a cell in a sheet the file does not have (${d.sheet}): ${shown}`];
  const m = /^([A-Z]{1,3})(\d+)$/.exec(d.cell);
  if (!m) return [`cell not named as Excel names it (${d.cell}): ${shown}`];
  const last = sheet.rows.at(-1)?.number ?? 0;
  const failures: string[] = [];
  if (Number(m[2]) !== d.line || columnNumber(m[1]!) !== d.column) failures.push(`cell ${d.cell} is not row ${d.line}, column ${d.column}: ${shown}`);
  if (Number(m[2]) < 1 || Number(m[2]) > Math.max(last, 1)) failures.push(`row outside the sheet (whose last row is ${last}): ${shown}`);
  return failures;
}

/** Every diagnostic names a file, and a line (and column) that exist in it. */
export function positionFailures(diagnostics: readonly Diagnostic[], cwd: string): string[] {
  const failures: string[] = [];
  const cache = new Map<string, string[] | 'folder' | 'missing'>();
  workbooks.clear();
  for (const d of diagnostics) {
    const shown = `${d.code} ${d.file ?? '（无文件）'}:${d.line ?? '-'}:${d.column ?? '-'} ${d.message.slice(0, 120)}`;
    if (!/^RPT\d{3}$/.test(d.code) || !d.message || (d.severity !== 'error' && d.severity !== 'warning')) {
      failures.push(`malformed diagnostic: ${shown}`);
      continue;
    }
    if (d.file === undefined) {
      failures.push(`diagnostic without a file: ${shown}`);
      continue;
    }
    const full = path.resolve(cwd, d.file);
    if (d.sheet !== undefined) {
      failures.push(...cellFailures(d, full, shown));
      continue;
    }
    if (/\.(xlsx|xls|csv)$/i.test(d.file) && d.line === undefined) {
      // About the workbook as a whole (not a spreadsheet, too large, encrypted…): it has no line.
      if (!lexists(full)) failures.push(`diagnostic names a file that does not exist: ${shown}`);
      continue;
    }
    if (d.line === undefined && WHOLE_FILE_CODES.has(d.code)) {
      // Such a file need not be readable (nor a link's target exist): only its name is given.
      if (!lexists(full)) failures.push(`diagnostic names a file that does not exist: ${shown}`);
      continue;
    }
    let lines = cache.get(full);
    if (lines === undefined) {
      try {
        lines = statSync(full).isDirectory() ? 'folder' : linesOf(full);
      } catch {
        lines = 'missing';
      }
      cache.set(full, lines);
    }
    if (lines === 'missing') {
      failures.push(`diagnostic names a file that does not exist: ${shown}`);
    } else if (lines === 'folder') {
      if (!FOLDER_CODES.has(d.code)) failures.push(`diagnostic names a folder instead of a file: ${shown}`);
      if (d.line !== undefined) failures.push(`diagnostic on a folder has a line: ${shown}`);
    } else if (d.line === undefined) {
      if (!WHOLE_FILE_CODES.has(d.code)) failures.push(`diagnostic without a line: ${shown}`);
    } else if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines.length) {
      failures.push(`line outside the file (which has ${lines.length} lines): ${shown}`);
    } else {
      const line = lines[d.line - 1]!;
      if (d.column === undefined || !Number.isInteger(d.column) || d.column < 1 || d.column > line.length + 1) {
        failures.push(`column outside line ${d.line} (which has ${line.length} characters): ${shown}`);
      }
    }
  }
  return failures;
}

/** A mutation certain to break a file must give an error in that very file. */
function breakFailures(applied: Applied, diagnostics: readonly Diagnostic[], dataFolder: string): string[] {
  return applied.breaking
    .map((f) => path.posix.normalize(`${dataFolder}/${f}`))
    .filter((f) => !diagnostics.some((d) => d.severity === 'error' && d.file === f))
    .map((f) => `a mutation certain to break ${f} gave no error there`);
}

const PROTOTYPES: Array<[string, object]> = [
  ['Object', Object.prototype],
  ['Array', Array.prototype],
  ['Function', Function.prototype],
  ['String', String.prototype],
];
const PRISTINE = new Map(PROTOTYPES.map(([name, proto]) => [name, Object.getOwnPropertyNames(proto).sort().join(',')]));

/** Nothing was added to the built-in prototypes (`__proto__`/`constructor` keys in data). */
export function pollutionFailures(): string[] {
  const failures: string[] = [];
  if (({} as Record<string, unknown>).polluted !== undefined) failures.push('Object.prototype.polluted is set');
  for (const [name, proto] of PROTOTYPES) {
    if (Object.getOwnPropertyNames(proto).sort().join(',') !== PRISTINE.get(name)) failures.push(`${name}.prototype gained properties`);
  }
  return failures;
}

/**
 * A spreadsheet whose shape changed but not its content (line endings mixed, a hidden sheet
 * added, blank lines inserted) is read with all its rows and no more, or refused with an error:
 * never a different number of records in silence.
 */
export function rowFailures(applied: Applied, diagnostics: readonly Diagnostic[], dataDir: string): string[] {
  const failures: string[] = [];
  for (const [file, expected] of applied.rows) {
    if (diagnostics.some((d) => d.severity === 'error' && d.file === `data/${file}`)) continue;
    const book = readWorkbook(new Uint8Array(readFileSync(path.join(dataDir, file))), file);
    const found = book.sheets.reduce((n, s) => n + s.rows.length, 0);
    if (found !== expected) failures.push(`${file}: ${found} rows read where ${expected} were written, without an error`);
  }
  return failures;
}

/** What went wrong in a case, by kind: the fuzz totals count cases by the worst. */
export type FailureKind = 'crash' | 'wrong';

export interface CaseOutcome {
  applied: Applied;
  failures: string[];
  /** 'crash' when the pipeline threw or printed a stack trace; 'wrong' for any other failure. */
  kind?: FailureKind;
  errors: number;
  diagnostics: number;
}

/**
 * A working copy of a data folder into which cases are written one after another: each case
 * restores what the previous one changed.
 */
export class Workspace {
  private dirty = new Set<string>();
  constructor(
    /** Folder holding `data/`; diagnostics are shown relative to it. */
    readonly root: string,
    readonly base: Files,
    /** The year reported on. */
    readonly year = 2023,
  ) {}

  get dataDir(): string {
    return path.join(this.root, 'data');
  }

  /** The template folder beside `data/`, when the cases mutate templates too (--templates). */
  get templatesDir(): string | undefined {
    return [...this.base.keys()].some((f) => f.startsWith('../templates/')) ? 'templates' : undefined;
  }

  async write(files: Files): Promise<void> {
    const changed = [...files.keys()].filter((f) => files.get(f) !== this.base.get(f));
    for (const f of this.dirty) if (!changed.includes(f)) await writeFile(path.join(this.dataDir, f), this.base.get(f)!);
    for (const f of changed) {
      await mkdir(path.dirname(path.join(this.dataDir, f)), { recursive: true });
      await writeFile(path.join(this.dataDir, f), files.get(f)!);
    }
    this.dirty = new Set(changed);
  }
}

/** Runs one case through the library in-process: renderReportRun must never throw. */
export async function runInProcess(ws: Workspace, plan: Plan): Promise<CaseOutcome> {
  const applied = applyPlan(ws.base, plan, ws.year);
  await ws.write(applied.files);
  const failures: string[] = [];
  let kind: FailureKind | undefined;
  let diagnostics: Diagnostic[] = [];
  try {
    const templates = ws.templatesDir ? { templatesDir: ws.templatesDir } : {};
    const result = await renderReportRun({ kind: 'annual', dataDirs: ['data'], year: ws.year, cwd: ws.root, ...templates });
    diagnostics = result.diagnostics;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const markdown = result.report?.markdown;
    if (markdown === undefined && errors === 0) failures.push('no report and no error');
    if (markdown !== undefined && errors > 0) failures.push('a report in spite of errors');
    if (markdown !== undefined && /undefined|NaN|\[object Object\]/.test(markdown)) failures.push('a blank in the report');
    failures.push(...breakFailures(applied, diagnostics, 'data'));
    failures.push(...rowFailures(applied, diagnostics, ws.dataDir));
    failures.push(...positionFailures(diagnostics, ws.root));
    if (failures.length > 0) kind = 'wrong';
  } catch (error) {
    failures.push(`uncaught exception: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    kind = 'crash';
  }
  const polluted = pollutionFailures();
  if (polluted.length > 0) (failures.push(...polluted), (kind ??= 'wrong'));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { applied, failures, ...(kind ? { kind } : {}), errors, diagnostics: diagnostics.length };
}

const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?(\n|$)|内部错误/;

/** `file:line:column 错误 RPT104 …` (or `file［sheet］第12行 F列 错误 …`), the first line of each diagnostic in the text output. */
const TEXT_DIAGNOSTIC = /^(?:(\S+?)(?::(\d+):(\d+)|［([^］]*)］(?:第(\d+)行 ([A-Z]+)列)?)? )?(错误|警告) (RPT\d{3}) ([^\n]*)$/;

/** Diagnostics read back from the CLI's text output (on stderr). */
export function parseTextDiagnostics(stderr: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const line of stderr.split('\n')) {
    const m = TEXT_DIAGNOSTIC.exec(line);
    if (!m) continue;
    const d: Diagnostic = { code: m[8]!, severity: m[7] === '错误' ? 'error' : 'warning', message: m[9]! };
    if (m[1] !== undefined) d.file = m[1];
    if (m[2] !== undefined) d.line = Number(m[2]);
    if (m[3] !== undefined) d.column = Number(m[3]);
    // In a spreadsheet: ［sheet］第12行 F列.
    if (m[4] !== undefined) d.sheet = m[4];
    if (m[5] !== undefined) Object.assign(d, { line: Number(m[5]), column: columnNumber(m[6]!), cell: `${m[6]}${m[5]}` });
    out.push(d);
  }
  return out;
}

/**
 * Runs one case through the command line (`main`, in-process): `build` into `out`, whose earlier
 * files must stay byte-identical when the build fails, with no temporary file left behind.
 */
export async function runThroughCli(ws: Workspace, plan: Plan, out: string): Promise<CaseOutcome> {
  const applied = applyPlan(ws.base, plan, ws.year);
  await ws.write(applied.files);
  const failures: string[] = [];
  let kind: FailureKind | undefined;
  const target = path.join(out, String(ws.year));
  const before = await snapshot(target);
  const templates = ws.templatesDir ? ['--templates', ws.templatesDir] : [];
  const build = await report(['build', String(ws.year), '--data', 'data', '--out', out, ...templates], { cwd: ws.root });
  const diagnostics = parseTextDiagnostics(build.stderr);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (build.code !== 0 && build.code !== 1) failures.push(`build exit code ${build.code}: ${build.stderr.slice(0, 2000)}`);
  if (STACK_TRACE.test(build.stderr)) {
    failures.push(`build printed a stack trace: ${build.stderr.slice(0, 2000)}`);
    kind = 'crash';
  }
  if ((build.code === 1) !== errors > 0) failures.push(`build exit code ${build.code} with ${errors} errors`);
  if (applied.breaks && build.code !== 1) failures.push(`a breaking mutation gave exit code ${build.code}`);
  failures.push(...breakFailures(applied, diagnostics, 'data'));
  failures.push(...positionFailures(diagnostics, ws.root));
  const after = await snapshot(target);
  const temps = [...after.keys()].filter((f) => f.endsWith('.tmp'));
  if (temps.length > 0) failures.push(`temporary files left behind: ${temps.join(', ')}`);
  if (build.code !== 0) {
    for (const [name, bytes] of before) {
      if (!after.get(name)?.equals(bytes)) failures.push(`a failed build changed ${name}`);
    }
  } else if (!after.has('report.md') || !after.has('report.docx')) {
    failures.push('a successful build did not write both outputs');
  }
  if (failures.length > 0) kind ??= 'wrong';
  return { applied, failures, ...(kind ? { kind } : {}), errors, diagnostics: diagnostics.length };
}

/** Files in a folder, name → bytes (empty when the folder does not exist). */
export async function snapshot(folder: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  let names: string[] = [];
  try {
    names = await readdir(folder);
  } catch {
    return out;
  }
  for (const name of names.sort()) out.set(name, await readFile(path.join(folder, name)));
  return out;
}

export async function removeQuietly(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
