/**
 * Catalogue of every user-facing problem, keyed by a permanent name. Codes never change meaning;
 * a retired problem keeps its code reserved. Message says what is wrong, hint says what to do.
 */
import type { Diagnostic, Severity } from './diagnostic.js';

interface Entry<A> {
  code: string;
  severity: Severity;
  message: (a: A) => string;
  hint?: (a: A) => string;
}

const entry = <A = Record<string, never>>(e: Entry<A>): Entry<A> => e;

/** What the system's error codes for a failed write mean, in words. */
const WRITE_ERRORS: Record<string, string> = {
  ENOTDIR: '这是一个文件，不是文件夹',
  EISDIR: '那里已经有一个同名的文件夹',
  EACCES: '没有写权限',
  EPERM: '不允许在这里写入',
  EROFS: '这个位置是只读的',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已用完',
  ENOENT: '文件夹不存在，也无法在这里建立',
  ENAMETOOLONG: '路径太长',
};

export const catalogue = {
  // ── Loading (RPT1xx) ──────────────────────────────────────────────
  dataFolderMissing: entry<{ folder: string }>({
    code: 'RPT101',
    severity: 'error',
    message: (a) => `找不到数据文件夹“${a.folder}”`,
    hint: () => '用 --data <文件夹> 指定数据所在的文件夹，或在当前文件夹下建立 data/。',
  }),
  yearFolderMissing: entry<{ folder: string; year: string; available: string }>({
    code: 'RPT102',
    severity: 'error',
    message: (a) => `数据文件夹中没有 ${a.year} 年的文件夹“${a.folder}”`,
    hint: (a) => (a.available ? `现有年度：${a.available}。请检查年份或新建该年度文件夹。` : '请先建立该年度的文件夹并放入数据文件。'),
  }),
  fileUnreadable: entry<{ detail: string }>({
    code: 'RPT103',
    severity: 'error',
    message: (a) => `无法读取文件：${a.detail}`,
    hint: () => '确认文件存在且有读取权限。',
  }),
  yamlSyntax: entry<{ detail: string }>({
    code: 'RPT104',
    severity: 'error',
    message: (a) => `YAML 语法错误：${a.detail}`,
    hint: () => '检查这一行附近的缩进、冒号后的空格和引号是否成对；同一层级的条目缩进必须一致。',
  }),
  yamlDuplicateKey: entry<{ key: string }>({
    code: 'RPT105',
    severity: 'error',
    message: (a) => `同一层级中字段“${a.key}”出现了两次`,
    hint: () => '删除或合并重复的字段，只保留一个。',
  }),
  encoding: entry<{ detail: string }>({
    code: 'RPT106',
    severity: 'error',
    message: (a) => `文件编码无法识别：${a.detail}`,
    hint: () => '请把文件另存为 UTF-8 编码（记事本：“另存为”→编码选“UTF-8”）。',
  }),
  yamlAlias: entry<{ detail: string }>({
    code: 'RPT107',
    severity: 'error',
    message: (a) => `YAML 别名展开过多，文件被拒绝：${a.detail}`,
    hint: () => '数据文件不需要锚点和别名（& 和 *），请直接写出内容。',
  }),
  organizationMissing: entry<{ file: string }>({
    code: 'RPT108',
    severity: 'error',
    message: (a) => `缺少组织信息文件“${a.file}”`,
    hint: () => '在数据文件夹根目录建立 organization.yaml，写明政协组织的名称、层级等信息（见 README）。',
  }),
  emptyFile: entry({
    code: 'RPT109',
    severity: 'warning',
    message: () => '文件是空的',
    hint: () => '写入数据，或删除这个文件。',
  }),
  notPlainUtf8: entry<{ encoding: string }>({
    code: 'RPT110',
    severity: 'warning',
    message: (a) => `文件的编码是 ${a.encoding}，已按此编码读取；数据文件通常应为 UTF-8（无 BOM）`,
    hint: () =>
      '内容已正确读取；为免其他工具误读，建议另存为 UTF-8：记事本“另存为”→编码选“UTF-8”（不要选“带有 BOM 的 UTF-8”）；VS Code 点右下角的编码名→“通过编码保存”→“UTF-8”。',
  }),
  noEarlierYear: entry<{ year: number; folder: string; available: string }>({
    code: 'RPT111',
    severity: 'error',
    message: (a) => `数据文件夹“${a.folder}”中没有早于 ${a.year} 年的年度文件夹，无法据以生成 ${a.year} 年的框架`,
    hint: (a) =>
      a.available
        ? `现有年度：${a.available}。report init 以最近的前一年为模板，请检查年份。`
        : '先按 README 建立第一个年度文件夹（sitting.yaml、narrative.yaml 和各科室的记录文件），以后各年再用 report init 生成。',
  }),
  fileTooLarge: entry<{ size: string; max: string }>({
    code: 'RPT114',
    severity: 'error',
    message: (a) => `文件有 ${a.size}，超过了数据文件的上限 ${a.max}，没有读取`,
    hint: () => '检查是否放错了文件。记录确实很多时，可把 proposals、meetings 等列表分到同一年度文件夹的几个文件里，工具会合并。',
  }),
  yamlTooDeep: entry<{ max: number }>({
    code: 'RPT115',
    severity: 'error',
    message: (a) => `YAML 嵌套超过 ${a.max} 层，文件被拒绝`,
    hint: () => '数据的嵌套不过十层左右；检查这一行附近是否有多余的“[”“{”或“- ”，或缩进是否一行比一行深。',
  }),

  termYearMissing: entry<{ folder: string; year: number; from: number; to: number }>({
    code: 'RPT112',
    severity: 'error',
    message: (a) => `届末报告涵盖 ${a.from}—${a.to} 年，但数据文件夹中没有 ${a.year} 年的文件夹“${a.folder}”`,
    hint: () => '五年的数字由各年度的记录相加得出，范围内每一年都要有年度文件夹（只放各科室的记录即可，不需要 sitting 和 narrative）；或改正年份范围。',
  }),
  termFolderMissing: entry<{ folder: string; from: number; to: number }>({
    code: 'RPT113',
    severity: 'error',
    message: (a) => `没有 ${a.from}—${a.to} 年届末报告的文件夹“${a.folder}”`,
    hint: () => '建立这个文件夹，放入 sitting.yaml（听取报告的会议）和 narrative.yaml（报告的文字，含 lessons），写法见 README“届末五年工作报告”。',
  }),

  // ── Schema (RPT2xx) ───────────────────────────────────────────────
  wrongType: entry<{ field: string; expected: string; received: string }>({
    code: 'RPT201',
    severity: 'error',
    message: (a) => `“${a.field}”应为${a.expected}，实际是${a.received}`,
    hint: (a) => `把“${a.field}”改为${a.expected}。`,
  }),
  requiredField: entry<{ field: string; expected: string }>({
    code: 'RPT202',
    severity: 'error',
    message: (a) => `缺少必填字段“${a.field}”`,
    hint: (a) => `在这里补上“${a.field}”（${a.expected}）。`,
  }),
  notAllowedValue: entry<{ field: string; value: string; allowed: string }>({
    code: 'RPT203',
    severity: 'error',
    message: (a) => `“${a.field}”的值“${a.value}”不在允许范围内`,
    hint: (a) => `可用的值：${a.allowed}。`,
  }),
  unknownField: entry<{ field: string; known: string }>({
    code: 'RPT204',
    severity: 'error',
    message: (a) => `不认识的字段“${a.field}”`,
    hint: (a) => (a.known ? `检查拼写；这里可用的字段有：${a.known}。` : '删除这个字段。'),
  }),
  badDate: entry<{ field: string; value: string }>({
    code: 'RPT205',
    severity: 'error',
    message: (a) => `“${a.field}”不是有效日期：“${a.value}”`,
    hint: () => '日期写成 YYYY-MM-DD，例如 2023-01-03。',
  }),
  badNumber: entry<{ field: string; value: string; rule: string }>({
    code: 'RPT206',
    severity: 'error',
    message: (a) => `“${a.field}”的数值 ${a.value} 不符合要求：${a.rule}`,
    hint: () => '件数、条数、人数等填写不小于 0 的整数。',
  }),
  invalidValue: entry<{ field: string; detail: string }>({
    code: 'RPT207',
    severity: 'error',
    message: (a) => `“${a.field}”无效：${a.detail}`,
    hint: () => '对照 README 中的数据格式说明修改。',
  }),

  // ── Cross-record checks (RPT3xx) ──────────────────────────────────
  duplicateId: entry<{ id: string; kind: string; first: string }>({
    code: 'RPT301',
    severity: 'error',
    message: (a) => `${a.kind}编号“${a.id}”重复（首次出现在 ${a.first}）`,
    hint: () => '每条记录的 id 必须唯一；改为新编号，或删除重复的记录。',
  }),
  dateOutsideYear: entry<{ field: string; date: string; year: number }>({
    code: 'RPT302',
    severity: 'error',
    message: (a) => `“${a.field}”的日期 ${a.date} 不在 ${a.year} 年内`,
    hint: (a) => `本年度文件夹只收 ${a.year} 年的记录；改正日期，或把记录移到对应年度的文件夹。`,
  }),
  danglingReference: entry<{ field: string; id: string; kind: string }>({
    code: 'RPT303',
    severity: 'error',
    message: (a) => `“${a.field}”引用的${a.kind}“${a.id}”不存在`,
    hint: (a) => `检查编号拼写，或先在${a.kind}记录中补上“${a.id}”。`,
  }),
  partExceedsWhole: entry<{ part: string; partValue: number; whole: string; wholeValue: number }>({
    code: 'RPT304',
    severity: 'error',
    message: (a) => `“${a.part}”（${a.partValue}）大于“${a.whole}”（${a.wholeValue}）`,
    hint: () => '部分不能超过总数；核对这两个数字。',
  }),
  countConflict: entry<{ field: string; written: number; counted: number; what: string }>({
    code: 'RPT305',
    severity: 'error',
    message: (a) => `手填的“${a.field}”为 ${a.written}，但逐条记录统计出的${a.what}是 ${a.counted}`,
    hint: () => '以逐条记录为准：删除手填的数字，或改成与记录一致。',
  }),
  unknownCategory: entry<{ field: string; value: string; list: string; allowed: string }>({
    code: 'RPT306',
    severity: 'error',
    message: (a) => `“${a.field}”的值“${a.value}”没有在 organization.yaml 的 ${a.list} 中登记`,
    hint: (a) => `可用的值：${a.allowed}。如确需新增，请先加到 organization.yaml 的 ${a.list} 中。`,
  }),
  defineOnce: entry<{ key: string; first: string }>({
    code: 'RPT307',
    severity: 'error',
    message: (a) => `“${a.key}”只能在一个文件中出现，已在 ${a.first} 中写过`,
    hint: () => '把两处内容合并到一个文件里。',
  }),
  missingPart: entry<{ key: string; year: number }>({
    code: 'RPT308',
    severity: 'error',
    message: (a) => `${a.year} 年的数据缺少“${a.key}”`,
    hint: (a) => `在该年度文件夹的某个文件（通常是 ${a.key}.yaml）中写入“${a.key}”。`,
  }),
  inconsistentRecord: entry<{ detail: string }>({
    code: 'RPT309',
    severity: 'error',
    message: (a) => a.detail,
    hint: () => '核对这条记录前后矛盾的字段。',
  }),
  sittingDate: entry<{ date: string; year: number }>({
    code: 'RPT310',
    severity: 'warning',
    message: (a) => `大会日期 ${a.date} 不在 ${a.year + 1} 年；年度工作报告通常在次年年初的全体会议上作`,
    hint: () => '核对 sitting.date。',
  }),
  emptyTopic: entry({
    code: 'RPT311',
    severity: 'warning',
    message: () => '会议没有填写议题（topic）',
    hint: () => '补上会议议题，报告中列举议题时才不会遗漏。',
  }),
  halfWidthPunctuation: entry<{ chars: string }>({
    code: 'RPT312',
    severity: 'warning',
    message: (a) => `中文文字中有半角标点 ${a.chars}，生成时已改为全角`,
    hint: () => '建议在数据中直接使用全角标点：，。；：？！（）。',
  }),
  noRecords: entry<{ key: string; year: number }>({
    code: 'RPT313',
    severity: 'warning',
    message: (a) => `${a.year} 年的“${a.key}”还没有任何记录`,
    hint: (a) =>
      a.key === 'information'
        ? '在 information 的 items 下逐条写入信息（每条以“- ”开头），或只有总数时写 counts；报告中相关的数字现在都是 0。'
        : `在“${a.key}:”下逐条写入记录（每条以“- ”开头）；这一年确实没有时，可删除这一项。报告中相关的数字现在都是 0。`,
  }),
  placeholderText: entry<{ snippet: string }>({
    code: 'RPT314',
    severity: 'warning',
    message: (a) => `还有待填写的文字：“${a.snippet}”`,
    hint: () => '把【待填写】及其后的说明换成报告正文；这段占位文字会原样出现在生成的报告中。',
  }),
  missingTermPart: entry<{ key: string; from: number; to: number }>({
    code: 'RPT315',
    severity: 'error',
    message: (a) => `${a.from}—${a.to} 年届末报告的文件夹中缺少“${a.key}”`,
    hint: (a) => `在届末报告文件夹的某个文件（通常是 ${a.key}.yaml）中写入“${a.key}”。`,
  }),

  // ── Figures and citations (RPT4xx) ────────────────────────────────
  unknownFigure: entry<{ name: string; near?: string }>({
    code: 'RPT401',
    severity: 'error',
    message: (a) => `引用的数字或字段“${a.name}”不存在`,
    hint: (a) => (a.near ? `可用的名称有：${a.near}。运行 report stats 可查看全部数字的名称。` : '检查名称拼写；数字的名称见 README“可引用的数字”。'),
  }),
  figureUnavailable: entry<{ name: string; why: string }>({
    code: 'RPT402',
    severity: 'error',
    message: (a) => `数字“${a.name}”无法由数据算出：${a.why}`,
    hint: () => '补全相关记录，或改写文字不再引用这个数字。',
  }),
  proseTemplate: entry<{ detail: string }>({
    code: 'RPT403',
    severity: 'error',
    message: (a) => `文字中的引用写法有误：${a.detail}`,
    hint: () => '引用数字写成 {{名称}}，例如 {{proposals.total}}；用到函数时写成 {{percent proposals.handledRate}}。',
  }),
  previousYearMissing: entry<{ year: number }>({
    code: 'RPT404',
    severity: 'error',
    message: (a) => `引用了上一年（${a.year} 年）的数字，但没有 ${a.year} 年的数据`,
    hint: (a) => `在数据文件夹中加入 ${a.year}/，或不再引用 previous.* 的数字。`,
  }),

  // ── Templates (RPT5xx) ────────────────────────────────────────────
  templateSyntax: entry<{ detail: string }>({
    code: 'RPT501',
    severity: 'error',
    message: (a) => `模板语法错误：${a.detail}`,
    hint: () => '检查 {{ }} 是否成对，块标签 {{#each}} … {{/each}} 是否闭合。',
  }),
  templateMissingField: entry<{ field: string }>({
    code: 'RPT502',
    severity: 'error',
    message: (a) => `模板引用的字段“${a.field}”在数据中不存在`,
    hint: () => '检查字段名拼写；若数据确实缺这一项，请在数据中补上。报告中不会留下空白。',
  }),
  templateMissingPartial: entry<{ name: string; tried: string }>({
    code: 'RPT503',
    severity: 'error',
    message: (a) => `找不到模板片段“${a.name}”`,
    hint: (a) => `依次查找过：${a.tried}。检查 {{> 名称}} 的拼写。`,
  }),
  templateUnknownHelper: entry<{ name: string; known: string }>({
    code: 'RPT504',
    severity: 'error',
    message: (a) => `模板中使用了未知的函数“${a.name}”`,
    hint: (a) => `可用的函数：${a.known}。`,
  }),
  templateHelperArgument: entry<{ helper: string; detail: string }>({
    code: 'RPT505',
    severity: 'error',
    message: (a) => `函数 ${a.helper} 的参数有误：${a.detail}`,
    hint: () => '核对引用的数字名称和参数个数（见 README“模板函数”）。',
  }),
  templateRender: entry<{ detail: string }>({
    code: 'RPT506',
    severity: 'error',
    message: (a) => `模板渲染失败：${a.detail}`,
    hint: () => '检查这一行模板的写法。',
  }),
  templatesFolderMissing: entry<{ folder: string }>({
    code: 'RPT507',
    severity: 'error',
    message: (a) => `找不到模板文件夹“${a.folder}”`,
    hint: () => '检查 --templates 后的路径。',
  }),
  templateLinkIgnored: entry<{ name: string }>({
    code: 'RPT509',
    severity: 'warning',
    message: (a) => `模板片段“${a.name}”是符号链接，没有使用`,
    hint: () => '模板片段只从模板文件夹本身读取，不跟随链接；请把链接换成文件本身（复制一份放在这里）。',
  }),
  blankInOutput: entry<{ snippet: string }>({
    code: 'RPT508',
    severity: 'error',
    message: (a) => `生成的报告中出现空缺或未定义的内容：“${a.snippet}”`,
    hint: () => '检查模板这一处引用的数字是否存在；报告中不允许留下空白或 undefined。',
  }),
  templateHelperMisspelt: entry<{ name: string; near: string; known: string }>({
    code: 'RPT510',
    severity: 'error',
    message: (a) => `模板中使用了未知的函数“${a.name}”，是否想写“${a.near}”？`,
    hint: (a) => `可用的函数：${a.known}。`,
  }),
  templateTooLarge: entry<{ what: string; size: number; max: number }>({
    code: 'RPT511',
    severity: 'error',
    message: (a) => `${a.what}有 ${a.size} 个字符，超过了上限 ${a.max} 个，没有处理`,
    hint: (a) =>
      a.what === '模板片段'
        ? '检查是否放错了文件；很长的模板可以分成几个片段，用 {{> 片段名}} 引用。'
        : '一段文字通常只有几百字：检查是否误粘贴了大量内容，或把它分成几段。',
  }),
  templateTooManyTags: entry<{ what: string; max: number }>({
    code: 'RPT512',
    severity: 'error',
    message: (a) => `${a.what}中的 {{ }} 超过 ${a.max} 处，没有处理`,
    hint: () => '检查是否误粘贴了大量内容；很长的模板可以分成几个片段，用 {{> 片段名}} 引用。',
  }),
  templateTooDeep: entry<{ max: number }>({
    code: 'RPT513',
    severity: 'error',
    message: (a) => `模板嵌套超过 ${a.max} 层（块 {{#…}} 与括号“( )”合计），没有处理`,
    hint: () => '实际的模板只嵌套几层：检查这里是否有多余的 {{#…}} 或“(”，或缺了对应的 {{/…}}、“)”。',
  }),
  templateTooMuchOutput: entry<{ max: number }>({
    code: 'RPT514',
    severity: 'error',
    message: (a) => `生成的内容超过 ${a.max} 个字符，在这里停止`,
    hint: () => '检查这里的 {{#each}} 是否嵌套了多层循环（次数相乘），或是否反复引用了很长的文字。一份报告通常只有几万字。',
  }),
  templateTooManySteps: entry<{ max: number }>({
    code: 'RPT515',
    severity: 'error',
    message: (a) => `循环和片段执行了 ${a.max} 次以上，在这里停止`,
    hint: () => '检查这里的 {{#each}} 是否嵌套了多层循环（次数相乘），或片段是否被反复引用。',
  }),
  templatePartialCycle: entry<{ chain: string }>({
    code: 'RPT516',
    severity: 'error',
    message: (a) => `模板片段引用了它自己，没有尽头：${a.chain}`,
    hint: () => '去掉这一处 {{> …}}：一个片段不能直接或经由别的片段引用它自己。',
  }),
  templatePartialsTooDeep: entry<{ name: string; max: number }>({
    code: 'RPT517',
    severity: 'error',
    message: (a) => `模板片段层层引用超过 ${a.max} 层（这里引用“${a.name}”）`,
    hint: () => '片段一般只嵌套几层；检查片段之间的引用是否绕了远路。',
  }),

  // ── Output (RPT6xx) ───────────────────────────────────────────────
  writeFailed: entry<{ file: string; detail: string }>({
    code: 'RPT601',
    severity: 'error',
    message: (a) => `无法写入“${a.file}”：${WRITE_ERRORS[a.detail] ? `${WRITE_ERRORS[a.detail]}（${a.detail}）` : a.detail}`,
    hint: () => '检查输出文件夹是否存在、是否有写权限，或用 --out 指定其他文件夹。原有的输出文件未被改动。',
  }),
  outputLocked: entry<{ folder: string; holder: string; seconds: number; lock: string }>({
    code: 'RPT630',
    severity: 'error',
    message: (a) => `输出文件夹“${a.folder}”正由另一次生成（${a.holder}）写入，等了 ${a.seconds} 秒仍未结束，没有写入`,
    hint: (a) => `等那次生成结束后再运行。如果确认没有别的生成在运行，删除锁文件“${a.lock}”。原有的输出文件未被改动。`,
  }),
} as const;

export type CatalogueKey = keyof typeof catalogue;
type ArgsOf<K extends CatalogueKey> = (typeof catalogue)[K] extends Entry<infer A> ? A : never;

export interface Location {
  file?: string;
  line?: number;
  column?: number;
  path?: string;
}

/** Longest value quoted in a message: a 10 MB value in the data must not make a 10 MB message. */
const MAX_QUOTED = 500;

/** Control characters in a quoted value, shown as escapes: a carriage return would garble the terminal line. */
const CONTROL = /[\u0000-\u001f\u007f]/g;
const HAS_CONTROL = /[\u0000-\u001f\u007f]/;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function clipArgs<A>(args: A): A {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(args as Record<string, unknown>)) {
    if (typeof v !== 'string' || (v.length <= MAX_QUOTED && !HAS_CONTROL.test(v))) continue;
    out ??= { ...(args as Record<string, unknown>) };
    const cut = v.length > MAX_QUOTED ? `${v.slice(0, MAX_QUOTED).replace(/[\ud800-\udbff]$/, '')}…` : v;
    out[k] = cut.replace(CONTROL, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return (out ?? args) as A;
}

/** Builds a diagnostic from the catalogue; the only way stages create user-facing problems. */
export function diagnostic<K extends CatalogueKey>(key: K, rawArgs: ArgsOf<K>, location: Location = {}): Diagnostic {
  const e = catalogue[key] as unknown as Entry<ArgsOf<K>>;
  const args = clipArgs(rawArgs);
  const d: Diagnostic = { code: e.code, severity: e.severity, message: e.message(args) };
  const hint = e.hint?.(args);
  if (hint) d.hint = hint;
  if (location.file !== undefined) d.file = location.file;
  if (location.line !== undefined) d.line = location.line;
  if (location.column !== undefined) d.column = location.column;
  if (location.path !== undefined) d.path = location.path;
  return d;
}
