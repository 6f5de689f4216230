/**
 * `report init <year>`: the next year's folder, scaffolded from the latest earlier one. Each
 * office keeps its own file, so the new folder has the same files: the sitting carried over
 * (same term, next session, date a year later, same speaker), the narrative's headings kept
 * with its texts replaced by visible placeholders, and every record list empty. Existing files
 * are never overwritten.
 *
 * The scaffold is valid data: it validates with warnings for what is still empty (see
 * validate/placeholders.ts), which fail only under `--strict`.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { diagnostic } from '../diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { availableYears, displayPath, loadProject } from '../load/project.js';
import { SCHEMA_COMMENT, SCHEMA_FILE_NAMES, schemaComment } from '../schema/json-schema.js';
import { YEAR_LIST_KEYS, type Narrative, type Sitting } from '../schema/schema.js';
import { PLACEHOLDER } from '../validate/placeholders.js';
import { checkYear } from '../validate/schema-check.js';

export interface InitOptions {
  /** Data folder holding organization.yaml and the year folders. */
  dataDir: string;
  /** The year to scaffold. */
  year: number;
  cwd?: string;
}

export interface ScaffoldFile {
  /** Absolute path of the file to create. */
  path: string;
  content: string;
}

export interface InitResult {
  year: number;
  /** The year the scaffold was made from, when there was one. */
  sourceYear?: number;
  /** Files written, and files left alone because they existed (absolute paths). */
  created: string[];
  skipped: string[];
  diagnostics: Diagnostic[];
  /** True when a file could not be written (the environment's fault, not the data's). */
  writeFailed?: boolean;
  /** The schema file the new files point at, and whether it exists (else `report schema` is worth running). */
  schemaFile?: string;
  schemaFound?: boolean;
}

/** Which office keeps a part, when the source file does not say so in its first comment. */
const DEFAULT_OFFICE: Record<string, string> = {
  sitting: '办公室',
  meetings: '办公室',
  proposals: '提案委员会',
  proposalCounts: '提案委员会',
  reports: '研究室',
  approvals: '研究室',
  information: '信息科',
  activities: '办公室',
  members: '办公室',
  narrative: '研究室',
};

/** What a part holds, for the comment at the top of its file. */
const PART_NAME: Record<string, string> = {
  sitting: '听取工作报告的全体会议',
  meetings: '会议',
  proposals: '提案',
  proposalCounts: '手填的提案总数',
  reports: '调研、视察、督查和民主监督报告',
  approvals: '领导批示',
  information: '社情民意信息',
  activities: '其他履职活动',
  members: '委员队伍',
  narrative: '工作报告的文字部分',
};

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function shiftDate(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const daysInMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, daysInMonth))}`;
}

/** The sitting that hears next year's report: same term, later session, date moved on. */
export function nextSitting(sitting: Sitting, years: number, keepSalutation: boolean): Record<string, unknown> {
  const next: Record<string, unknown> = {
    term: sitting.term,
    session: sitting.session + years,
    date: shiftDate(sitting.date, years),
    speaker: sitting.speaker,
  };
  // reportingTerm belongs to a new term's first session only: a later session's report is the sitting term's own.
  if (keepSalutation) next.salutation = sitting.salutation;
  return next;
}

/**
 * The narrative's headings with every text replaced by a placeholder that says what belongs there.
 * A year summary (`summary:`, for --kind summary) is kept in the same shape: its headlines are the
 * year's own, so they are placeholders too.
 */
export function narrativeSkeleton(narrative: Narrative, year: number): Record<string, unknown> {
  const todo = (what: string) => `${PLACEHOLDER}${what}`;
  const summary = narrative.summary && {
    title: todo('综述的标题'),
    lead: todo('综述的导语'),
    ...(narrative.summary.sections
      ? {
          sections: narrative.summary.sections.map((s) => ({
            headline: todo('这一部分的小标题'),
            ...(s.paragraphs ? { paragraphs: [todo('这一部分的正文')] } : {}),
          })),
        }
      : {}),
    ...(narrative.summary.closing !== undefined ? { closing: todo('综述的结尾') } : {}),
  };
  return {
    review: {
      overview: todo(`${year}年工作的总述`),
      sections: narrative.review.sections.map((s) => ({ heading: s.heading, paragraphs: [todo('这一部分的正文')] })),
    },
    thanks: todo('致谢'),
    shortcomings: todo('存在的不足'),
    plan: {
      requirements: todo(`${year + 1}年工作的总体要求`),
      items: narrative.plan.items.map((item) => ({ heading: item.heading, text: todo('这一项工作安排的正文') })),
    },
    closing: todo('结束语'),
    ...(summary ? { summary } : {}),
  };
}

/** The office named in a file's first comment line (`# 提案委员会：2023年度提案台账` → 提案委员会). */
export function officeFromComment(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith('#')) return undefined;
    if (SCHEMA_COMMENT.test(line)) continue;
    const body = line.replace(/^#+\s*/, '');
    if (!body) continue;
    const colon = body.search(/[：:]/);
    const office = (colon >= 0 ? body.slice(0, colon) : body).trim();
    return office && [...office].length <= 20 ? office : undefined;
  }
  return undefined;
}

const yamlText = (value: unknown) => stringify(value, { lineWidth: 0 });

interface SourceFile {
  name: string;
  text: string;
  value: Record<string, unknown>;
}

function scaffoldContent(
  source: SourceFile,
  parts: { sitting?: Sitting; narrative?: Narrative },
  year: number,
  sourceYear: number,
  modeline: string,
): string | undefined {
  const keys = Object.keys(source.value);
  const body: Record<string, unknown> = {};
  const notes: string[] = [];
  let commented = '';
  for (const key of keys) {
    if (Object.hasOwn(YEAR_LIST_KEYS, key)) body[key] = [];
    else if (key === 'information') body[key] = { items: [] };
    else if (key === 'sitting' && parts.sitting) {
      const raw = source.value.sitting as Record<string, unknown> | null;
      body[key] = nextSitting(parts.sitting, year - sourceYear, raw !== null && typeof raw === 'object' && 'salutation' in raw);
      notes.push(
        `按 ${sourceYear} 年推算：同一届、第 ${parts.sitting.session + year - sourceYear} 次会议、日期顺延；请核对会议日期和报告人。`,
        '换届之年改写 term（新一届）和 session: 1，并加上 reportingTerm（作报告的上一届）。',
      );
    } else if (key === 'narrative' && parts.narrative) {
      body[key] = narrativeSkeleton(parts.narrative, year);
      notes.push(`小标题和工作安排的标题沿用 ${sourceYear} 年，可增删改；把每处${PLACEHOLDER}换成正文。`);
    } else if (key === 'members') {
      // Year-end numbers: carried only as a comment, so that last year's count is never reported as this year's.
      commented += `# ${sourceYear} 年末的数字，核实或改为 ${year} 年末的数字后去掉行首的“# ”：\n`;
      commented += yamlText({ members: source.value.members }).replace(/^/gm, '# ').replace(/# $/, '');
    } else if (key === 'proposalCounts') {
      notes.push(`${sourceYear} 年手填的提案总数（proposalCounts）未带入；只有总数、没有逐件记录时再填写。`);
    }
  }
  if (keys.some((k) => Object.hasOwn(YEAR_LIST_KEYS, k) || k === 'information')) {
    notes.push('记录已清空：逐条写在列表下，每条以“- ”开头；字段说明见 README 或编辑器的提示。');
  }
  if (Object.keys(body).length === 0 && !commented) return undefined;
  const office = officeFromComment(source.text) ?? DEFAULT_OFFICE[keys[0] ?? ''] ?? '办公室';
  const what = keys
    .filter((k) => k in body || (k === 'members' && commented))
    .map((k) => PART_NAME[k])
    .filter((s): s is string => s !== undefined)
    .join('、');
  const header = [modeline, `# ${office}：${year}年度${what}。`, `# 由 report init 从 ${sourceYear} 年的文件生成。`, ...notes.map((n) => `# ${n}`)];
  const main = Object.keys(body).length > 0 ? yamlText(body) : '';
  return `${header.join('\n')}\n${main}${commented ? (main ? '\n' : '') + commented : ''}`;
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** The files of the scaffold, in memory, with the problems that prevent it. Writes nothing. */
export async function planInit(options: InitOptions): Promise<{ sourceYear?: number; files: ScaffoldFile[]; diagnostics: Diagnostic[]; schemaFile?: string }> {
  const cwd = options.cwd ?? process.cwd();
  const dataDir = path.resolve(cwd, options.dataDir);
  const show = (p: string) => displayPath(cwd, p);
  if (!(await exists(dataDir))) return { files: [], diagnostics: [diagnostic('dataFolderMissing', { folder: show(dataDir) })] };
  const years = await availableYears(dataDir);
  const sourceYear = years.filter((y) => y < options.year).pop();
  if (sourceYear === undefined) {
    return { files: [], diagnostics: [diagnostic('noEarlierYear', { year: options.year, folder: show(dataDir), available: years.join('、') })] };
  }
  const project = await loadProject({ dataDir, years: [sourceYear], cwd });
  const loaded = project.years.get(sourceYear)!;
  // Only the source year's own files matter here; organization.yaml is shared and stays as it is.
  const loadProblems = project.diagnostics.filter((d) => d.severity === 'error' && d.file?.startsWith(loaded.folder));
  const checked = checkYear(loaded);
  const diagnostics = [...loadProblems];
  for (const key of ['sitting', 'narrative'] as const) {
    const definedIn = loaded.files.find((f) => f.value !== null && typeof f.value === 'object' && key in (f.value as object));
    if (definedIn && !checked.year[key]) {
      // The part is there but invalid: show why, since it cannot be carried over.
      diagnostics.push(...checked.diagnostics.filter((d) => d.file === definedIn.file.display && d.severity === 'error'));
    }
  }
  if (hasErrors(diagnostics)) return { sourceYear, files: [], diagnostics };

  const target = path.join(dataDir, String(options.year));
  const defaultSchema = path.join(dataDir, '..', 'schema', SCHEMA_FILE_NAMES.year);
  const files: ScaffoldFile[] = [];
  let schemaFile: string | undefined;
  for (const parsed of loaded.files) {
    if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) continue;
    const name = path.basename(parsed.file.display);
    const file = path.join(target, name);
    const firstLine = parsed.file.text.split(/\r?\n/, 1)[0]!.trim();
    // Keep the office's own schema line (the new folder sits beside the old one), else point at schema/.
    const modeline = SCHEMA_COMMENT.test(firstLine) ? firstLine : schemaComment(file, defaultSchema);
    schemaFile ??= path.resolve(target, modeline.replace(/^.*\$schema=/, ''));
    const content = scaffoldContent(
      { name, text: parsed.file.text, value: parsed.value as Record<string, unknown> },
      { ...(checked.year.sitting ? { sitting: checked.year.sitting } : {}), ...(checked.year.narrative ? { narrative: checked.year.narrative } : {}) },
      options.year,
      sourceYear,
      modeline,
    );
    if (content !== undefined) files.push({ path: file, content });
  }
  return { sourceYear, files, diagnostics, ...(schemaFile ? { schemaFile } : {}) };
}

/** Plans the scaffold and creates each file that does not exist yet; existing files are left as they are. */
export async function initYear(options: InitOptions): Promise<InitResult> {
  const plan = await planInit(options);
  const result: InitResult = { year: options.year, created: [], skipped: [], diagnostics: plan.diagnostics };
  if (plan.sourceYear !== undefined) result.sourceYear = plan.sourceYear;
  if (hasErrors(plan.diagnostics)) return result;
  const cwd = options.cwd ?? process.cwd();
  for (const file of plan.files) {
    try {
      await mkdir(path.dirname(file.path), { recursive: true });
      // 'wx' fails when the file exists, so not even a race can overwrite an author's work.
      await writeFile(file.path, file.content, { flag: 'wx' });
      result.created.push(file.path);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === 'EEXIST') {
        result.skipped.push(file.path);
        continue;
      }
      result.writeFailed = true;
      result.diagnostics = [...result.diagnostics, diagnostic('writeFailed', { file: displayPath(cwd, e.path ?? file.path), detail: String(e.code ?? e.message) })];
      return result;
    }
  }
  if (plan.schemaFile) {
    result.schemaFile = plan.schemaFile;
    result.schemaFound = await exists(plan.schemaFile);
  }
  return result;
}
