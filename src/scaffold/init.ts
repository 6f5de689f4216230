/**
 * `report init <year>`: a year's folder, and for a new organisation everything else it needs.
 *
 * - With no earlier year, a first year: every file an office keeps, each field explained by a
 *   Chinese comment (from the record kinds' declarations), empty record lists, and narratives
 *   with the genre's anatomy and sample sentences that already cite the right figures
 *   (scaffold/skeletons.ts). With no organization.yaml either, a new organisation: its
 *   organization.yaml, the project file report.yaml and the JSON Schemas editors read.
 * - With an earlier year, that year carried over: the same files, the sitting moved on a year,
 *   record lists emptied, and its narratives as drafts to review (figures stay live).
 *
 * Everything written validates (what is still to do shows as warnings) and builds at once.
 * Existing files are never overwritten.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { CONVENTION_DEFAULTS } from '../domain/conventions.js';
import { DEFAULT_RESULT_CLASSES } from '../domain/organization.js';
import { RECORD_KINDS, recordFields } from '../domain/registry.js';
import type { RecordKind } from '../domain/record-kind.js';
import type { Sitting } from '../domain/year-parts.js';
import { DEFAULT_VOCABULARY } from '../domain/vocabulary.js';
import { displayPath, loadData, yearFolders } from '../load/data-folder.js';
import { entryKind } from '../load/files.js';
import { SETTINGS_FILE } from '../settings.js';
import { DEFAULT_SCHEMA_DIR, schemaComment, SCHEMA_FILE_NAMES, jsonSchemaOutputs } from '../schema/json-schema.js';
import { PLACEHOLDER } from '../validate/placeholders.js';
import { checkOrganization } from '../validate/organization.js';
import { checkYear } from '../validate/year.js';
import { activityDefinition, emptyLedgers } from './carry-ledgers.js';
import { carryNarrative } from './carry-over.js';
import { ANNUAL_NARRATIVE } from '../kinds/annual.js';
import { REPORT_KINDS } from '../kinds/index.js';
import { PROPOSALS_NARRATIVE } from '../kinds/proposals.js';
import { annualSkeleton, proposalsSkeleton } from './skeletons.js';
import { appendAll } from '../append.js';

/** The narratives a year folder holds: those of the kinds about one year, as each kind declares them. */
const YEAR_NARRATIVE_FILES = [...new Set(REPORT_KINDS.filter((k) => k.input.years === 'one').flatMap((k) => k.narratives.map((n) => n.file)))];

export interface InitRequest {
  /** Data folder holding organization.yaml and the year folders. */
  dataDir: string;
  year: number;
  cwd: string;
  /** For a new organisation: its place name, level and province (else placeholders). */
  name?: string;
  level?: string;
  province?: string;
  /** Write report.yaml in the working folder when the organisation is new (the data folder is the default). */
  projectFile?: boolean;
}

export interface ScaffoldFile {
  /** Absolute path. */
  path: string;
  content: string | Uint8Array;
}

export interface InitPlan {
  /** The year carried over, when there is one. */
  sourceYear?: number;
  newOrganization: boolean;
  files: ScaffoldFile[];
  diagnostics: Diagnostic[];
}

const yamlText = (value: unknown) => stringify(value, { lineWidth: 0 });

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
function shiftDate(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const daysInMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, daysInMonth))}`;
}

/** The header of a record file: what it holds, who keeps it, and every field explained. */
function recordFileText(kind: RecordKind, year: number, modeline: string, note?: string): string {
  const { fields } = recordFields(kind, DEFAULT_VOCABULARY, undefined);
  const width = Math.max(...Object.keys(fields).map((k) => k.length)) + 1;
  const lines = [
    modeline,
    `# ${kind.office}：${year}年度${kind.label}（${kind.description}）。`,
    ...(note ? [`# ${note}`] : []),
    '# 每条记录一项，以“- ”开头；字段（* 为必填，其余可不写）：',
    ...Object.entries(fields).map(([name, f]) => `#   ${(name + (f.required ? '*' : '')).padEnd(width)} ${f.label}：${f.description}`),
    `# 例：  - ${flowLine(kind.example)}`,
    `${kind.key}: []`,
  ];
  return lines.join('\n') + '\n';
}

function flowLine(value: Record<string, unknown>): string {
  const block = yamlText(value).trim();
  // Nested values (an activity's parts) in YAML's own flow form, quoted where YAML needs it.
  return block.split('\n').length === 1 ? block : stringify(value, { lineWidth: 0, collectionStyle: 'flow' }).trim();
}

function sittingText(year: number, modeline: string): string {
  return [
    modeline,
    `# 办公室：听取${year}年度工作报告的全体会议（通常在${year + 1}年初召开）。`,
    `# term 为届次，session 为第几次会议，都写数字（如 term: 10、session: 2）；还是 ${PLACEHOLDER} 时，报告标题照印 ${PLACEHOLDER} 并列为警告。`,
    '# 换届之年（第一次会议）由上一届常委会作报告，加写 reportingTerm（上一届的届次）。',
    '# proposalsSpeaker 为提案工作情况报告的报告人（通常是一位副主席）。',
    'sitting:',
    `  term: ${PLACEHOLDER}`,
    `  session: ${PLACEHOLDER}`,
    `  date: ${year + 1}-01-15`,
    `  speaker: ${PLACEHOLDER}报告人`,
    `  proposalsSpeaker: ${PLACEHOLDER}报告人`,
    '',
  ].join('\n');
}

function membersText(year: number, modeline: string): string {
  return [
    modeline,
    `# 办公室：${year}年末的委员队伍。填写后去掉行首的“# ”（委员提案参与率等数字要用到委员总数）。`,
    '# members:',
    '#   total: 0          # 委员总数',
    '#   standing: 0       # 常委人数',
    '#   inCommittees: 0   # 编入专门委员会的委员人数',
    '',
  ].join('\n');
}

function organizationText(request: InitRequest, modeline: string): string {
  const level = request.level ?? '市';
  const name = request.name ?? `${PLACEHOLDER}${level}名`;
  const province = request.province ?? '';
  const org = {
    fullName: request.name ? `中国人民政治协商会议${province}${name}委员会` : `中国人民政治协商会议${PLACEHOLDER}委员会`,
    shortName: `${name}政协`,
    province,
    name,
    level,
    partyCommittee: `${level}委`,
    government: `${level}政府`,
    congress: `${level}人大`,
    proposalCategories: ['经济建设', '政治建设', '文化建设', '社会建设', '生态文明建设', '其他'],
    sectors: [],
    handlingUnits: [],
    proposalResults: DEFAULT_RESULT_CLASSES.map((c) => ({ ...c })),
    conventions: { ...CONVENTION_DEFAULTS },
  };
  return [
    modeline,
    '# 办公室：本组织的名称和名录，各年度共用。',
    '# fullName 是全称（报告标题由它得出）；level 是层级（全国、省、市、区、县……）；partyCommittee、government、congress 是同级党委、政府、人大的简称。',
    '# proposalCategories 是提案分类，提案的“类别”须取自这里；sectors 是界别、handlingUnits 是承办单位名录，填写后提案的界别、主办和会办单位须取自这里。',
    '# proposalResults 是提案办理结果的分类和说法（有的组织分 A–D 四类，照样增加即可）。',
    '# 本组织另有的会议类型等，写在 meetingKinds（如 [月度协商会]）、researchKinds、leadBodyKinds、submitterKinds 中。',
    '# 表格台账中本组织自己的列名和写法，在 organization: 下写一次，以后每年都用（validate 遇到时会给出可照抄的几行）：',
    '#   sheetHeaders:            # 列名: 字段',
    '#     proposals: {委员意见: satisfaction}',
    '#   sheetValues:             # 字段下写“写法: 标准值”，标准值写 "" 表示当作没有填写',
    '#     proposals: {review: {转交有关部门: 转来信}, satisfaction: {不作评价: ""}}',
    '#   proposerLists:           # 台账没有“提案者类别”列时，据此认出党派、团体、专委会提案',
    '#     {党派: [民盟某某委员会], 团体: [某某工商联]}',
    '# conventions 是统计口径，各报告、附件表格和 report stats 都按它计数，请按本组织的惯例确认：',
    '#   mergedInFiled: 并案是否计入立案（true：立案数、立案率、附件“立案”列都含并案，写“立案220件（含并案16件）”；false：都不含）；',
    '#   answeredRateBase: 办复率的分母（立案，或 立案和并案）；satisfactionRateBase: 满意和基本满意率的分母（反馈，或 办复）；',
    '#   percentDigits: 百分数的小数位数（1 写 27.0%，0 写 27%）；cutoff: 办复等数字的统计截止日（年底，或 月-日 如 12-20）。',
    yamlText({ organization: org }).trimEnd(),
    '',
  ].join('\n');
}

function settingsText(dataDir: string): string {
  return [
    '# report 的项目设置：各命令的默认选项（命令行上给出的选项优先）。',
    `data: ${dataDir}`,
    'out: out',
    'formats: [md, docx]',
    '# templates: templates-local   # 覆盖内置模板的文件夹（只放要改的片段，见 report templates）',
    '',
  ].join('\n');
}

function planInit(request: InitRequest): InitPlan {
  const cwd = request.cwd;
  const show = (p: string) => displayPath(cwd, p);
  const dataDir = path.resolve(cwd, request.dataDir);
  const target = path.join(dataDir, String(request.year));
  const diagnostics: Diagnostic[] = [];
  const targetKind = entryKind(target);
  if (targetKind !== 'missing' && targetKind !== 'folder') {
    return { newOrganization: false, files: [], diagnostics: [diagnostic('yearPathNotFolder', { year: request.year }, { file: show(target) })] };
  }
  const newOrganization = entryKind(path.join(dataDir, 'organization.yaml')) === 'missing';
  const schemaDir = path.join(newOrganization ? cwd : path.dirname(dataDir), DEFAULT_SCHEMA_DIR);
  const modeline = (file: string, schema: keyof typeof SCHEMA_FILE_NAMES) => schemaComment(file, path.join(schemaDir, SCHEMA_FILE_NAMES[schema]));
  const files: ScaffoldFile[] = [];
  const add = (file: string, content: string | Uint8Array) => files.push({ path: file, content });

  if (newOrganization) {
    const orgFile = path.join(dataDir, 'organization.yaml');
    add(orgFile, organizationText(request, modeline(orgFile, 'organization')));
    if (request.projectFile && entryKind(path.join(cwd, SETTINGS_FILE)) === 'missing') {
      add(path.join(cwd, SETTINGS_FILE), settingsText(displayPath(cwd, dataDir)));
    }
    for (const schema of jsonSchemaOutputs(schemaDir)) if (entryKind(schema.path) === 'missing') add(schema.path, schema.content);
  }

  const { years } = yearFolders(dataDir, show);
  const sourceYear = years.filter((y) => y < request.year).pop();
  if (sourceYear === undefined) {
    // A first year: every office's file, explained, and the narratives' skeletons.
    add(path.join(target, 'sitting.yaml'), sittingText(request.year, modeline(path.join(target, 'sitting.yaml'), 'year')));
    add(path.join(target, 'members.yaml'), membersText(request.year, modeline(path.join(target, 'members.yaml'), 'year')));
    for (const kind of RECORD_KINDS) {
      const file = path.join(target, `${kind.key}.yaml`);
      add(file, recordFileText(kind, request.year, modeline(file, 'year')));
    }
    add(path.join(target, ANNUAL_NARRATIVE.file), annualSkeleton(request.year));
    add(path.join(target, PROPOSALS_NARRATIVE.file), proposalsSkeleton());
    return { newOrganization, files, diagnostics };
  }
  return { sourceYear, newOrganization, files: [...files, ...carryOver(dataDir, sourceYear, request, target, diagnostics)], diagnostics };
}

/** The files of the year before, carried to `target`: the same offices' files, emptied or moved on. */
function carryOver(dataDir: string, sourceYear: number, request: InitRequest, target: string, diagnostics: Diagnostic[]): ScaffoldFile[] {
  const data = loadData({ dataDir, cwd: request.cwd, years: [sourceYear], prose: YEAR_NARRATIVE_FILES });
  const folder = data.years.get(sourceYear);
  // The year before is a link (not read): its refusal is the answer, nothing is carried over.
  if (!folder) return appendAll(diagnostics, data.diagnostics.filter((d) => d.severity === 'error')), [];
  appendAll(diagnostics, data.diagnostics.filter((d) => d.severity === 'error' && d.file?.startsWith(folder.display)));
  const org = checkOrganization(data.organization);
  const checked = checkYear(folder, sourceYear, org.organization, org.vocabulary);
  const shift = request.year - sourceYear;
  const files: ScaffoldFile[] = [];
  for (const parsed of folder.yaml) {
    if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) continue;
    const name = path.basename(parsed.file.display);
    const firstLine = parsed.file.text.split(/\r?\n/, 1)[0]!.trim();
    const modeline = /^#\s*yaml-language-server:/.test(firstLine) ? firstLine : schemaComment(path.join(target, name), path.join(path.dirname(dataDir), DEFAULT_SCHEMA_DIR, SCHEMA_FILE_NAMES.year));
    const content = carriedYaml(parsed.value as Record<string, unknown>, checked.sitting, request.year, sourceYear, shift, modeline, officeOf(parsed.file.text));
    if (content !== undefined) files.push({ path: path.join(target, name), content });
  }
  if (hasErrors(diagnostics)) return [];
  for (const [name, prose] of folder.prose) files.push({ path: path.join(target, name), content: carryNarrative(prose.text, sourceYear) });
  appendAll(files, emptyLedgers(folder, checked.headerRows, target));
  return files;
}

/** The office named in a file's first comment (`# 提案委员会：2023年度提案台账` → 提案委员会). */
function officeOf(text: string): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith('#')) return undefined;
    if (/yaml-language-server/.test(line)) continue;
    const body = line.replace(/^#+\s*/, '');
    const colon = body.search(/[：:]/);
    const office = (colon >= 0 ? body.slice(0, colon) : body).trim();
    return office && [...office].length <= 20 ? office : undefined;
  }
  return undefined;
}

function carriedYaml(
  value: Record<string, unknown>,
  sitting: Sitting | undefined,
  year: number,
  sourceYear: number,
  shift: number,
  modeline: string,
  office: string | undefined,
): string | undefined {
  const body: Record<string, unknown> = {};
  const notes: string[] = [];
  let commented = '';
  for (const key of Object.keys(value)) {
    const kind = RECORD_KINDS.find((k) => k.key === key);
    if (kind?.key === 'activities' && Array.isArray(value[key]) && value[key].length > 0) {
      // The activities are the same every year: their definitions stay, their numbers are this year's to fill in.
      body[key] = (value[key] as unknown[]).flatMap((a) => activityDefinition(a) ?? []);
      notes.push(`活动沿用 ${sourceYear} 年的编号、名称和单位；每项填上今年的 count（或 parts、items）。`);
    } else if (kind) body[key] = [];
    else if (key === 'sitting' && sitting) {
      body.sitting = {
        term: sitting.term,
        session: typeof sitting.session === 'number' ? sitting.session + shift : sitting.session,
        date: shiftDate(sitting.date, shift),
        speaker: sitting.speaker,
        ...(sitting.proposalsSpeaker !== undefined ? { proposalsSpeaker: sitting.proposalsSpeaker } : {}),
        ...(sitting.salutation !== '各位委员：' ? { salutation: sitting.salutation } : {}),
      };
      notes.push(`按 ${sourceYear} 年推算：同一届、${typeof sitting.session === 'number' ? `第 ${sitting.session + shift} 次会议` : '会议次数待填写'}、日期顺延；请核对会议日期和报告人。`, '换届之年改写 term（新一届）和 session: 1，并加上 reportingTerm（作报告的上一届）。');
    } else if (key === 'members') {
      // Year-end numbers: carried only as a comment, so that last year's count is never reported as this year's.
      commented += `# ${sourceYear} 年末的数字，核实或改为 ${year} 年末的数字后去掉行首的“# ”：\n`;
      commented += yamlText({ members: value.members }).replace(/^/gm, '# ').replace(/# $/, '');
    } else if (key === 'totals' && value.totals !== null && typeof value.totals === 'object') {
      // Kept as a comment with last year's parts: this year's numbers are written in, never last year's carried.
      const totals = value.totals as Record<string, unknown>;
      for (const kindKey of Object.keys(totals)) if (RECORD_KINDS.some((k) => k.key === kindKey) && !(kindKey in body) && !(kindKey in value)) body[kindKey] = [];
      commented += `# ${sourceYear} 年只有总数（totals）；今年同样只有总数时，改为 ${year} 年的数字后去掉行首的“# ”（并删去上面的空列表）：\n`;
      commented += yamlText({ totals }).replace(/^/gm, '# ').replace(/# $/, '');
    }
  }
  if (Object.keys(value).some((k) => RECORD_KINDS.some((r) => r.key === k))) notes.push('记录已清空：逐条写在列表下，每条以“- ”开头；字段说明见 README 或编辑器的提示。');
  if (Object.keys(body).length === 0 && !commented) return undefined;
  const header = [modeline, `# ${office ?? '办公室'}：${year}年度。由 report init 从 ${sourceYear} 年的文件生成。`, ...notes.map((n) => `# ${n}`)];
  const main = Object.keys(body).length > 0 ? yamlText(body) : '';
  return `${header.join('\n')}\n${main}${commented ? (main ? '\n' : '') + commented : ''}`;
}

export interface InitResult extends InitPlan {
  /** Files written, and files left alone because they existed (absolute paths). */
  created: string[];
  skipped: string[];
  /** True when a file could not be written (the environment's fault, not the data's). */
  writeFailed?: boolean;
}

/** Plans the scaffold and creates each file that does not exist yet; existing files are left as they are. */
export async function initYear(request: InitRequest): Promise<InitResult> {
  const { writeFile } = await import('node:fs/promises');
  const { makeFolder } = await import('../write/atomic.js');
  const plan = planInit(request);
  const result: InitResult = { ...plan, created: [], skipped: [] };
  if (hasErrors(plan.diagnostics)) return result;
  for (const file of plan.files) {
    try {
      // One level at a time: mkdir's `recursive` never returns under /proc.
      await makeFolder(path.dirname(file.path));
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
      const where = displayPath(request.cwd, e.path ?? file.path);
      result.diagnostics = [...result.diagnostics, diagnostic('writeFailed', { file: where, detail: String(e.code ?? e.message) }, { file: where })];
      return result;
    }
  }
  return result;
}
