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
  /** For the error reference (docs/errors.md): what in the data or files brings the problem about. */
  cause: string;
  /** For the error reference: values that make a typical message. */
  example: A;
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
  EFBIG: '文件超过了系统允许的大小',
  EBUSY: '正被占用，或是一个挂载点',
  EXDEV: '跨越了不同的磁盘或挂载点',
};

export const catalogue = {
  // ── Loading (RPT1xx) ──────────────────────────────────────────────
  dataFolderMissing: entry<{ folder: string }>({
    code: 'RPT101',
    severity: 'error',
    message: (a) => `找不到数据文件夹“${a.folder}”`,
    hint: () => '用 --data <文件夹> 指定数据所在的文件夹，或在当前文件夹下建立 data/。',
    cause: '--data 或 report.yaml 中 data 所指的文件夹不存在：路径写错了，或命令不是在项目文件夹中运行的（相对路径从当前文件夹算起）。',
    example: { folder: 'data' },
  }),
  yearFolderMissing: entry<{ folder: string; year: string; available: string }>({
    code: 'RPT102',
    severity: 'error',
    message: (a) => (a.year ? `数据文件夹中没有 ${a.year} 年的文件夹“${a.folder}”` : `数据文件夹“${a.folder}”中还没有年度文件夹（以四位年份命名，如 2024）`),
    hint: (a) => (a.available ? `现有年度：${a.available}。请检查年份或新建该年度文件夹。` : '请先建立该年度的文件夹并放入数据文件。'),
    cause: '数据按年度分文件夹存放，report build 2023 读取数据文件夹中的 2023/；这一年的文件夹还没有建立，文件夹名不是四位的年份，或命令中的年份写错了。不写年份时用最近的年度，数据文件夹中一个年度文件夹也没有时也是这个问题。',
    example: { folder: 'data/2024', year: '2024', available: '2022、2023' },
  }),
  fileUnreadable: entry<{ detail: string }>({
    code: 'RPT103',
    severity: 'error',
    message: (a) => `无法读取文件：${a.detail}`,
    hint: () => '确认文件存在且有读取权限。',
    cause: '文件在数据文件夹中，系统却不让读取：多是没有读取权限（从别的电脑或账户拷来的文件），或文件正被别的程序占用、所在的网络盘暂时连不上。冒号后是系统给出的原因。',
    example: { detail: '没有读取权限' },
  }),
  yamlSyntax: entry<{ what: string; hint: string }>({
    code: 'RPT104',
    severity: 'error',
    message: (a) => `YAML 写法有误：${a.what}`,
    hint: (a) => a.hint,
    cause: 'YAML 文件靠缩进、“字段: 值”中冒号后的空格和成对的引号、括号分出层次；用中文输入法打出了全角冒号或逗号、用 Tab 缩进、冒号后漏了空格、引号没有配对，这个文件就读不出来。',
    example: { what: '字段名后用了全角冒号“：”', hint: '把“：”改为半角冒号加空格“: ”（切换到英文输入法再输入）。' },
  }),
  yamlDuplicateKey: entry<{ key: string }>({
    code: 'RPT105',
    severity: 'error',
    message: (a) => `同一层级中字段“${a.key}”出现了两次`,
    hint: () => '删除或合并重复的字段，只保留一个。',
    cause: '同一条记录（或同一层）中一个字段写了两遍，多是复制上一条记录改写时漏删了一行，或缩进不对，把下一条的字段并进了这一条；两个值哪个算数无从判断。',
    example: { key: 'category' },
  }),
  encoding: entry<{ detail: string }>({
    code: 'RPT106',
    severity: 'error',
    message: (a) => `文件编码无法识别：${a.detail}`,
    hint: () => '请把文件另存为 UTF-8 编码（记事本：“另存为”→编码选“UTF-8”）。',
    cause: '数据文件应是 UTF-8 或 GBK 编码的文本；这个文件是用别的编码保存的（如繁体系统的 Big5），其中汉字太少、认不出编码，或它根本不是文本（如改了扩展名的 Word 文档）。为免把文字读错，这样的文件不读。',
    example: { detail: '看起来是 Big5（繁体中文，台湾、香港常用）编码，不是 UTF-8 或 GBK；为免读错，没有读取' },
  }),
  yamlAlias: entry({
    code: 'RPT107',
    severity: 'error',
    message: () => 'YAML 别名（*）展开后的内容过多，文件被拒绝',
    hint: () => '数据文件不需要锚点和别名（& 和 *），请直接写出内容。',
    cause: 'YAML 可以用锚点（&）标出一段内容、用别名（*）重复引用它，层层引用时一个小文件能展开成上百万项；数据文件用不到这种写法，展开过多的文件当作异常拒绝。',
    example: {},
  }),
  linkNotFollowed: entry<{ what: string }>({
    code: 'RPT116',
    severity: 'error',
    message: (a) => `${a.what}是符号链接（快捷方式），没有读取`,
    hint: () => '数据只从数据文件夹本身读取，不跟随链接；请把链接换成文件或文件夹本身（复制一份放在这里）。',
    cause: '数据文件夹中的年度文件夹或数据文件是指向别处的符号链接（如为免复制，把共享盘上的台账链接了过来）；工具只读数据文件夹里本身的内容，不跟着链接去读别处的文件。',
    example: { what: '数据文件' },
  }),
  notRegularFile: entry({
    code: 'RPT117',
    severity: 'error',
    message: () => '这不是普通文件（是管道、设备或套接字），没有读取',
    hint: () => '数据文件夹里只放数据文件；删去这一项，或换成普通文件。',
    cause: '数据文件夹中一项名字像数据文件（.yaml、.xlsx、.md 等），却不是普通文件，而是命名管道、设备或套接字，多是别的程序建立的；读这种项目可能一直等下去，所以不读。',
    example: {},
  }),
  yearPathNotFolder: entry<{ year: number }>({
    code: 'RPT118',
    severity: 'error',
    message: (a) => `${a.year} 已存在，但不是文件夹`,
    hint: (a) => `把这个文件改名或移走，再运行 report init ${a.year}。`,
    cause: 'report init 2024 要在数据文件夹中建立 2024/ 年度文件夹，那里却已有一个同名的文件（或链接），多是误存了一个没有扩展名的文件。',
    example: { year: 2024 },
  }),
  organizationMissing: entry<{ file: string }>({
    code: 'RPT108',
    severity: 'error',
    message: (a) => `缺少组织信息文件“${a.file}”`,
    hint: () => '在数据文件夹根目录建立 organization.yaml，写明政协组织的名称、层级等信息（见 README）。',
    cause: '组织的名称、层级、提案分类、界别、承办单位等各年度共用的信息写在数据文件夹根目录的 organization.yaml 中，报告标题和各项检查都要用；这个文件还没有建立、改了名字，或 --data 指到了年度文件夹而不是数据文件夹。',
    example: { file: 'data/organization.yaml' },
  }),
  emptyFile: entry({
    code: 'RPT109',
    severity: 'warning',
    message: () => '文件是空的',
    hint: () => '写入数据，或删除这个文件。',
    cause: '数据文件夹中的一个 YAML 文件里什么也没有（连注释也没有），多是新建后还没有写内容，或保存时出了问题、内容丢了。',
    example: {},
  }),
  notPlainUtf8: entry<{ encoding: string }>({
    code: 'RPT110',
    severity: 'warning',
    message: (a) => `文件的编码是 ${a.encoding}，已按此编码读取；数据文件通常应为 UTF-8（无 BOM）`,
    hint: () =>
      '内容已正确读取；为免其他工具误读，建议另存为 UTF-8：记事本“另存为”→编码选“UTF-8”（不要选“带有 BOM 的 UTF-8”）；VS Code 点右下角的编码名→“通过编码保存”→“UTF-8”。',
    cause: '文件能正确读出，但不是不带 BOM 的 UTF-8：旧版 Windows 记事本默认存为 GBK（ANSI），有的编辑器存为带 BOM 的 UTF-8 或 UTF-16；别的工具（git、网页、其他编辑器）读这种文件可能出现乱码。',
    example: { encoding: 'GBK（GB18030）' },
  }),
  fileTooLarge: entry<{ size: string; max: string }>({
    code: 'RPT114',
    severity: 'error',
    message: (a) => `文件有 ${a.size}，超过了数据文件的上限 ${a.max}，没有读取`,
    hint: () => '检查是否放错了文件。记录确实很多时，可把 proposals、meetings 等列表分到同一年度文件夹的几个文件里，工具会合并。',
    cause: '一个数据文件最大 16 MB，足够放几万条记录；超过的多是放错了文件（导出的整个数据库、改了扩展名的扫描件），或一个文件里堆了多年的记录。',
    example: { size: '23.5 MB', max: '16 MB' },
  }),
  yamlTooDeep: entry<{ max: number }>({
    code: 'RPT115',
    severity: 'error',
    message: (a) => `YAML 嵌套超过 ${a.max} 层，文件被拒绝`,
    hint: () => '数据的嵌套不过十层左右；检查这一行附近是否有多余的“[”“{”或“- ”，或缩进是否一行比一行深。',
    cause: 'YAML 用缩进和括号表示层次，政协的数据只有三四层；超过 100 层的，多是括号没有配对（一行里有许多“[”或“{”），或每一行都比上一行缩进得更深。这样的文件当作异常拒绝。',
    example: { max: 100 },
  }),

  // Inputs that are not what their names say (RPT119–129).
  templateNotFile: entry<{ name: string; what: string }>({
    code: 'RPT119',
    severity: 'warning',
    message: (a) => `模板片段“${a.name}”是${a.what}，不是普通文件，没有使用`,
    hint: () => '模板片段只能是 .hbs 文本文件；删去这一项，或换成片段文件本身。没有换成文件时，用的是内置的同名片段。',
    cause: '覆盖内置模板的文件夹（--templates 或 report.yaml 的 templates）中，有一项的名字是某个片段的 .hbs 文件名，它却是文件夹或管道、设备等特殊文件，多是复制或解压时建错了。',
    example: { name: 'closing', what: '文件夹' },
  }),
  templateFileTooLarge: entry<{ size: string; max: string }>({
    code: 'RPT120',
    severity: 'error',
    message: (a) => `模板片段文件有 ${a.size}，超过了模板片段的上限 ${a.max}，没有读取`,
    hint: () => '一个片段通常只有几 KB：检查是否放错了文件；很长的模板可以分成几个片段，用 {{> 片段名}} 引用。',
    cause: '模板片段文件最大 1 MB，一个片段通常只有几 KB；超过的多是把报告全文、图片或别的文件存成了 .hbs。',
    example: { size: '3.2 MB', max: '1 MB' },
  }),

  termYearMissing: entry<{ folder: string; year: number; from: number; to: number }>({
    code: 'RPT112',
    severity: 'error',
    message: (a) => `届末报告涵盖 ${a.from}—${a.to} 年，但数据文件夹中没有 ${a.year} 年的文件夹“${a.folder}”`,
    hint: () => '五年的数字由各年度的记录相加得出，范围内每一年都要有年度文件夹（只放各科室的记录即可，不需要 sitting 和 narrative）；或改正年份范围。',
    cause: '届末报告的数字是任期内各年记录之和，report build 2018-2022 要读数据文件夹中 2018/ 到 2022/ 的每一个年度文件夹；其中一年的记录没有放进来（多是早年的台账还在别处），或年份范围写错了。',
    example: { folder: 'data/2019', year: 2019, from: 2018, to: 2022 },
  }),
  termFolderMissing: entry<{ folder: string; from: number; to: number }>({
    code: 'RPT113',
    severity: 'error',
    message: (a) => `没有 ${a.from}—${a.to} 年届末报告的文件夹“${a.folder}”`,
    hint: () => '建立这个文件夹，放入 sitting.yaml（听取报告的会议）和 narrative.md（报告的文字，含“体会”部分），写法见 README“数据怎样组织”和“报告的文字”。',
    cause: '届末报告听取报告的会议（sitting）和报告的文字不属于哪一年，放在数据文件夹中 term-2018-2022/ 这样的文件夹里；这个文件夹还没有建立，或名字中的年份与命令中的年份范围不一致。',
    example: { folder: 'data/term-2018-2022', from: 2018, to: 2022 },
  }),

  // ── Schema (RPT2xx) ───────────────────────────────────────────────
  wrongType: entry<{ field: string; expected: string; received: string }>({
    code: 'RPT201',
    severity: 'error',
    message: (a) => `“${a.field}”应为${a.expected}，实际是${a.received}`,
    hint: (a) => `把“${a.field}”改为${a.expected}。`,
    cause: '这个字段要的是一种写法（数字、列表、日期、是或否、键值对），实际写成了另一种：数字后面带了单位（“12条”），该写列表的写成了键值对，或缩进不对，把一段内容放到了别的字段下。',
    example: { field: '建议条数（suggestions）', expected: '数字', received: '文字“12条”' },
  }),
  requiredField: entry<{ field: string; expected: string }>({
    code: 'RPT202',
    severity: 'error',
    message: (a) => `缺少必填字段“${a.field}”`,
    hint: (a) => `在这里补上“${a.field}”（${a.expected}）。`,
    cause: '每类记录有几项必填的字段（如提案的编号、案由、审查结果，会议的日期），报告的数字由它们算出；这条记录漏了这一项，字段名拼错了，或缩进不对，这一项没有写在这条记录之下。',
    example: { field: '案由（title）', expected: '提案的标题' },
  }),
  notAllowedValue: entry<{ field: string; value: string; allowed: string; near: string }>({
    code: 'RPT203',
    severity: 'error',
    message: (a) => `“${a.field}”的值“${a.value}”不在允许范围内`,
    hint: (a) => `${a.near}可用的值：${a.allowed}。`,
    cause: '这个字段只能取固定的几个值之一（如审查结果、满意度、大会/平时、会议类型、办理结果类别），写的是别的说法、错别字或多了字；organization.yaml 的 sheetHeaders、sheetValues 中写的字段名和标准值也这样检查。',
    example: { field: '审查结果（review）', value: '已立案', allowed: '立案、并案、不立案、撤案、退回、转意见建议、转来信、转社情民意', near: '是不是要写“不立案”或“立案”？' },
  }),
  unknownField: entry<{ field: string; hint: string }>({
    code: 'RPT204',
    severity: 'error',
    message: (a) => `不认识的字段“${a.field}”`,
    hint: (a) => a.hint,
    cause: '这一层没有这个字段：字段名拼错了，用了台账的中文列名（YAML 中写英文键名），字段名后用了全角冒号“：”，或缩进不对，它落到了别的条目之下。',
    example: { field: '案由', hint: 'YAML 中“案由”写作 title。' },
  }),
  badDate: entry<{ field: string; value: string }>({
    code: 'RPT205',
    severity: 'error',
    message: (a) => `“${a.field}”不是有效日期：“${a.value}”`,
    hint: () => '日期写成 2023-01-03（也可以写 2023-1-3、2023.1.3、2023年1月3日）；检查月份和日子是否存在。',
    cause: '日期写成了读不出的样子：少了日（“2023年3月”）或年（“3月15日”）、写成了不带分隔的数字（20230315），或这一天不存在（2023-02-30）。',
    example: { field: '会议日期（date）', value: '2023-02-30' },
  }),
  badNumber: entry<{ field: string; value: string; rule: string }>({
    code: 'RPT206',
    severity: 'error',
    message: (a) => `“${a.field}”的数值 ${a.value} 不符合要求：${a.rule}`,
    hint: () => '件数、条数、人数等填写不小于 0 的整数。',
    cause: '件数、条数、人数不能是负数，届次和第几次会议从 1 起；多是录入时多打了“-”，或未定的次数写成了 0。',
    example: { field: '建议条数（suggestions）', value: '-3', rule: '不小于 0' },
  }),
  blankValue: entry<{ field: string }>({
    code: 'RPT208',
    severity: 'error',
    message: (a) => `“${a.field}”是空的`,
    hint: () => '填上值；没有可填的就删去这一项（不填的字段按默认处理）。',
    cause: '字段名的冒号后面什么也没写（如“category:”），YAML 把它读作空值；多是还没想好填什么，先留了字段名。',
    example: { field: '类别（category）' },
  }),
  idNotText: entry<{ field: string; value: string }>({
    code: 'RPT209',
    severity: 'error',
    message: (a) => `“${a.field}”写成了数字 ${a.value}，编号应为文字`,
    hint: (a) => `给编号加上引号：“${a.value}”写成 "${a.value}"（数字会被读成数，丢掉前面的 0）。`,
    cause: '编号全由数字组成时（如 1001、0012），YAML 把它读成数，0012 就成了 12，与别处引用的编号对不上；编号要作为文字读入。',
    example: { field: '提案编号（id）', value: '1001' },
  }),
  forbiddenCharacter: entry<{ code: string }>({
    code: 'RPT210',
    severity: 'error',
    message: (a) => `文字中有不可用的控制字符 ${a.code}`,
    hint: () => '这种字符看不见，也不能写入 Word 文档，多是从别处粘贴带来的；删去它（可重新输入这段文字）。',
    cause: '从网页、微信或 PDF 复制文字时，常带来看不见的控制字符（如垂直制表符、换页符）；Word 文档中不允许有这些字符，留着会使生成的文档打不开。',
    example: { code: 'U+000B' },
  }),
  invalidValue: entry<{ field: string; detail: string }>({
    code: 'RPT207',
    severity: 'error',
    message: (a) => `“${a.field}”无效：${a.detail}`,
    hint: () => '对照 README 中的数据格式说明修改。',
    cause: '这个值的写法对，内容却不合要求：编号中有空格、“.”、引号或括号（编号要用在数字的名称中），该有内容的文字或列表是空的，或 layout.yaml 中的版式数值不合要求。',
    example: { field: '会议编号（id）', detail: '“M 03”含有空格、“.”、引号或括号；编号只用字母、数字、汉字和 - _' },
  }),

  // Missing sentences and conditional fields, each its own problem.
  sectionWithoutParagraphs: entry<{ section: number; available: number }>({
    code: 'RPT211',
    severity: 'error',
    message: (a) => `第 ${a.section} 部分只有标题，没有正文段落，工作回顾也没有第 ${a.section} 部分可以沿用`,
    hint: (a) => `在这个标题下写上正文段落；工作回顾只有 ${a.available} 个部分，更多的部分要写出自己的段落。`,
    cause: 'summary.md 的一个部分只写了标题；综述沿用工作回顾同一部分的段落，而工作回顾没有这一部分。',
    example: { section: 3, available: 2 },
  }),
  proposalsSpeakerMissing: entry({
    code: 'RPT212',
    severity: 'error',
    message: () => '生成提案工作情况报告需要报告人，sitting 中没有写 proposalsSpeaker',
    hint: () => '在 sitting 中写上报告人姓名，如 proposalsSpeaker: 王某某（通常是一位副主席）。',
    cause: '提案工作情况报告由一位副主席作，报告人写在 sitting.proposalsSpeaker；常委会工作报告不需要它，所以它不是 sitting 的必填字段。',
    example: {},
  }),


  // ── Cross-record checks (RPT3xx) ──────────────────────────────────
  duplicateId: entry<{ id: string; kind: string; first: string }>({
    code: 'RPT301',
    severity: 'error',
    message: (a) => `${a.kind}编号“${a.id}”重复（首次出现在 ${a.first}）`,
    hint: () => '每条记录的 id 必须唯一；改为新编号，或删除重复的记录。',
    cause: '同一年度的全部记录（提案、会议、调研报告、信息……）共用一套编号，领导批示只凭编号指明所批的记录；复制一条记录改写时没有改编号，或两个科室的台账都从 1 编起。',
    example: { id: 'M-05', kind: '会议', first: 'data/2023/meetings.yaml:41' },
  }),
  dateOutsideYear: entry<{ field: string; date: string; year: number }>({
    code: 'RPT302',
    severity: 'error',
    message: (a) => `“${a.field}”的日期 ${a.date} 不在 ${a.year} 年内`,
    hint: (a) => `本年度文件夹只收 ${a.year} 年的记录；改正日期，或把记录移到对应年度的文件夹。`,
    cause: '年度文件夹只收这一年的记录，统计按文件夹算年度；记录日期的年份写错了（年初常把上一年写成今年），或上一年年末的记录放进了今年的文件夹。',
    example: { field: 'date', date: '2022-12-28', year: 2023 },
  }),
  danglingReference: entry<{ field: string; id: string; kind: string }>({
    code: 'RPT303',
    severity: 'error',
    message: (a) => `“${a.field}”引用的${a.kind}“${a.id}”不存在`,
    hint: (a) => `检查编号拼写；被引用的${a.kind}要有一条编号（id）为“${a.id}”的记录。`,
    cause: '并入提案（mergedInto）和领导批示所批的记录（record）用编号指向同一年度的另一条记录；编号写错了，或被指向的记录不在这一年的数据中（在别的年度，或还没有录入）。',
    example: { field: 'mergedInto', id: 'P2023-108', kind: '提案' },
  }),
  partExceedsWhole: entry<{ part: string; partValue: number; whole: string; wholeValue: number }>({
    code: 'RPT304',
    severity: 'error',
    message: (a) => `“${a.part}”（${a.partValue}）大于“${a.whole}”（${a.wholeValue}）`,
    hint: () => '部分不能超过总数；核对这两个数字。',
    cause: '手填的数字中，部分比整体还多：采纳的建议条数多于提出的，采用的信息多于报送的，常委人数多于委员总数，一项其他履职活动各分项（parts）之和多于它的总数；多是两个数字填反了，或改了一个数字忘了改另一个。',
    example: { part: '采纳建议条数', partValue: 15, whole: '建议条数', wholeValue: 12 },
  }),
  countConflict: entry<{ field: string; written: number; counted: number; what: string }>({
    code: 'RPT305',
    severity: 'error',
    message: (a) => `手填的“${a.field}”为 ${a.written}，但逐条记录统计出的${a.what}是 ${a.counted}`,
    hint: () => '以逐条记录为准：删除手填的数字，或改成与记录一致。',
    cause: '一类工作既有逐条记录，又在 totals 下手填了总数（或一项其他履职活动既写了 count，又逐项列出），两者不一致；多是补录了记录，没有改手填的数字。',
    example: { field: 'totals.information.collected', written: 320, counted: 316, what: '收集的信息' },
  }),
  unknownCategory: entry<{ field: string; value: string; list: string; allowed: string; near: string }>({
    code: 'RPT306',
    severity: 'error',
    message: (a) => `“${a.field}”的值“${a.value}”没有在 organization.yaml 的 ${a.list} 中登记`,
    hint: (a) => `${a.near}可用的值：${a.allowed}。如确需新增，请先加到 organization.yaml 的 ${a.list} 中。`,
    cause: '会议的参加界别、信息的采用单位和组织的层级只能取登记过的名称（organization.yaml 的名录，或内置的名单加上组织自己增加的）；写了简称、别称或错别字，或名录中漏登了这一项。',
    example: { field: '采用单位', value: '市政府办公室', list: 'adoptionLevels', allowed: '全国政协、省政协、省委、省政府、市政协、市委、市政府、区政协、区委、区政府、县政协、县委、县政府', near: '是不是要写“市政府”？' },
  }),
  defineOnce: entry<{ key: string; first: string }>({
    code: 'RPT307',
    severity: 'error',
    message: (a) => `“${a.key}”只能在一个文件中出现，已在 ${a.first} 中写过`,
    hint: () => '把两处内容合并到一个文件里。',
    cause: 'sitting、members 和每一类记录的 totals，在一个年度文件夹中只能写在一处；几个科室的文件里各写了一份（如复制上一年的文件时连同 sitting 一起复制了），或同一类的 totals 写在了两个文件里。',
    example: { key: 'sitting', first: 'data/2023/sitting.yaml' },
  }),
  missingPart: entry<{ key: string; year: number }>({
    code: 'RPT308',
    severity: 'error',
    message: (a) => `${a.year} 年的数据缺少“${a.key}”`,
    hint: (a) => `在该年度文件夹的某个文件（通常是 ${a.key}.yaml）中写入“${a.key}”。`,
    cause: '年度工作报告和提案工作情况报告要知道在哪次会议上作（届次、第几次会议、日期），这些写在年度文件夹的 sitting 中；这一年的文件夹里没有哪个文件写了 sitting，多是新建年度时没有复制或用 report init 生成 sitting.yaml。',
    example: { key: 'sitting', year: 2023 },
  }),
  sittingDate: entry<{ date: string; year: number }>({
    code: 'RPT310',
    severity: 'warning',
    message: (a) => `大会日期 ${a.date} 既不在 ${a.year + 1} 年，也不在 ${a.year} 年 12 月；年度工作报告通常在次年年初（或当年 12 月）的全体会议上作`,
    hint: () => '核对 sitting.date。',
    cause: '2023 年的工作报告在 2024 年年初（或 2023 年 12 月）的全体会议上作，sitting.date 是这次大会的日期；沿用了上一年的 sitting 没有改日期，或年份打错了。',
    example: { date: '2023-01-10', year: 2023 },
  }),
  // ── Figures a reader would stop at (RPT350–369) ─────────────────────
  implausibleRate: entry<{ name: string; label: string; value: string; previous: string; records: string }>({
    code: 'RPT350',
    severity: 'warning',
    message: (a) => `${a.label}（${a.name}）为 ${a.value}（上年 ${a.previous}），所据记录：${a.records}`,
    hint: () => '核对这些记录的有关列（如“已办复”是否都填了“否”，或整列漏填）；数字确实如此时可不理会。report explain <名称> 列出全部记录及其位置。',
    cause: '立案率、办复率、满意和基本满意率或信息采用率算出为 0，而它所依据的记录有好几条；多是台账中“已办复”“满意度”等一列整列漏填，或都填成了“否”，也可能确实还没有办复。',
    example: { name: 'proposals.answeredRate', label: '办复率', value: '0.0%', previous: '98.6%', records: '212条记录（data/2023/提案台账.xlsx［提案］第2行、data/2023/提案台账.xlsx［提案］第3行、data/2023/提案台账.xlsx［提案］第4行等）' },
  }),
  zeroColumn: entry<{ name: string; label: string; records: string }>({
    code: 'RPT351',
    severity: 'warning',
    message: (a) => `统计表的“${a.label}”一列（${a.name}）全是 0，所据记录：${a.records}`,
    hint: () => '核对台账中这一列是否漏填；数字确实如此时可不理会。',
    cause: '报告中按提案类别、按承办单位的统计表，某一列（立案、已办复、满意和基本满意）每一行都是 0；多是台账中对应的一列漏填了。',
    example: { name: 'proposals.byLeadUnit.*.satisfied', label: '满意和基本满意', records: '212条记录（data/2023/提案台账.xlsx［提案］第2行、data/2023/提案台账.xlsx［提案］第3行、data/2023/提案台账.xlsx［提案］第4行等）' },
  }),
  implausibleChange: entry<{ name: string; label: string; value: string; previous: string; records: string }>({
    code: 'RPT352',
    severity: 'warning',
    message: (a) => `${a.label}（${a.name}）由上年的 ${a.previous} 变为 ${a.value}，变化异常大，所据记录：${a.records}`,
    hint: () => '核对本年和上年的记录是否完整、口径是否一致；数字确实如此时可不理会。',
    cause: '与上一年相比，一个总数变了五倍以上或降到 0，或一个比率变了 50 个百分点以上；多是本年或上年的记录不全（一个科室的台账没有放进来）、统计口径变了，或记录放错了年度文件夹。',
    example: { name: 'proposals.total', label: '收到提案', value: '36', previous: '245', records: '36条记录（data/2023/提案台账.xlsx［提案］第2行、data/2023/提案台账.xlsx［提案］第3行、data/2023/提案台账.xlsx［提案］第4行等）' },
  }),
  emptyTopic: entry({
    code: 'RPT311',
    severity: 'warning',
    message: () => '会议没有填写议题（topic）',
    hint: () => '补上会议议题，报告中列举议题时才不会遗漏。',
    cause: '会议记录的议题（topic）是空的，多是先登记了会议，议题还没有补上；报告中列举会议议题时会缺这一次。',
    example: {},
  }),
  noRecords: entry<{ key: string; year: number }>({
    code: 'RPT313',
    severity: 'warning',
    message: (a) => `${a.year} 年的“${a.key}”还没有任何记录`,
    hint: (a) =>
      `在“${a.key}:”下逐条写入记录（每条以“- ”开头），或放一张同名的 Excel 台账；只有总数时写在 totals.${a.key} 下；这一年确实没有时，可删除这一项。报告中相关的数字现在都是 0。`,
    cause: '年度文件中一类记录的键下是空列表（如“meetings: []”，report init 生成的框架就是这样），这一年又没有这类记录的台账或 totals；多是这个科室的记录还没有录入。',
    example: { key: 'meetings', year: 2024 },
  }),
  placeholderText: entry<{ snippet: string }>({
    code: 'RPT314',
    severity: 'warning',
    message: (a) => `还有待填写的文字：“${a.snippet}”`,
    hint: () => '把【待填写】及其后的说明换成报告正文；这段占位文字会原样出现在生成的报告中。',
    cause: 'report init 生成的框架中，还没有定下的内容都写着【待填写】：报告文字的每段示例、新组织的名称、sitting 中的报告人等；这一处还没有换成实际内容，或改写后没有删去这个标记。',
    example: { snippet: '【待填写】在总结成绩的同时，我们也清醒地看到，工…' },
  }),
  reviewText: entry<{ snippet: string }>({
    code: 'RPT324',
    severity: 'warning',
    message: (a) => `还有沿用上一年、待审改的文字：“${a.snippet}”`,
    hint: () => '核对这段文字是否仍然适用，改好后删去【待审改】。',
    cause: 'report init 以上一年为模板生成新年度时，沿用的段落前加了【待审改】；这一段还没有核对，或核对后没有删去这个标记。',
    example: { snippet: '【待审改】各位委员，一年来工作成绩的取得，是市委…' },
  }),
  draftFigure: entry<{ name: string; why: string }>({
    code: 'RPT405',
    severity: 'warning',
    message: (a) => `待填写的段落引用的数字“${a.name}”现在还算不出：${a.why}`,
    hint: () => '记录补齐后自动填上；报告中这里暂时印为【数据待补】。定稿前删去段落中的【待填写】或【待审改】，这时它就是错误。',
    cause: '一段还标着【待填写】或【待审改】的草稿文字引用了一个数字，而这一年的记录还算不出它：台账中没有所需的列，相关的记录还没有录入，或名称写错了。草稿中先印【数据待补】，定稿时它就是错误（RPT401、RPT402）。',
    example: { name: 'proposals.satisfactionRate', why: '台账中没有“满意度”列' },
  }),
  duplicateEntry: entry<{ list: string; value: string }>({
    code: 'RPT316',
    severity: 'error',
    message: (a) => `${a.list} 中“${a.value}”写了两次`,
    hint: () => '删去重复的一项。',
    cause: 'organization.yaml 的名录（proposalCategories 提案分类、sectors 界别、handlingUnits 承办单位、proposalResults 办理结果）中同一项写了两次，多是合并几份名单时重复了。',
    example: { list: 'handlingUnits', value: '市教育局' },
  }),
  narrativeMissing: entry<{ file: string; label: string; year: string }>({
    code: 'RPT317',
    severity: 'error',
    message: (a) => `${a.year}缺少${a.label}（${a.file}）`,
    hint: (a) => `在这个文件夹中建立 ${a.file}，各部分写在“# 部分名”之下（见 README“报告的文字”）；report init 可生成带示例句子的框架。`,
    cause: '报告的文字（工作回顾、致谢、不足、工作安排等）由起草人写在年度文件夹的 narrative.md 中（提案工作情况报告是 proposals.md，届末报告在 term-…/narrative.md）；这个文件还没有建立，或名字不对（如存成了 narrative.md.txt、工作报告.md）。',
    example: { file: 'narrative.md', label: '工作报告的文字', year: '2023 年' },
  }),
  unknownPart: entry<{ heading: string; file: string; near: string; parts: string }>({
    code: 'RPT318',
    severity: 'error',
    message: (a) => `${a.file}中不认识的部分“${a.heading}”`,
    hint: (a) => `${a.near}“#”开头的一级标题只用于这些部分：${a.parts}；部分之下的小标题用“##”。`,
    cause: '报告的文字中，“#”开头的一级标题只用来分部分（工作回顾、致谢、不足……），工具按标题认出各部分；这个标题不是其中任何一个部分的名字（如从 Word 稿粘来的“一、主要工作”），或本该是“##”的小标题少写了一个“#”。',
    example: { heading: '一、主要工作', file: '工作报告的文字', near: '', parts: '工作回顾、致谢、不足、工作安排、结束语' },
  }),
  partTwice: entry<{ part: string }>({
    code: 'RPT319',
    severity: 'error',
    message: (a) => `“${a.part}”部分写了两次`,
    hint: () => '把两处合并为一处。',
    cause: '同一部分的“#”标题出现了两次（如“# 工作回顾”之后又有“# 回顾”），多是把小标题写成了一级标题，或合并两份稿子时重复了。',
    example: { part: '工作回顾' },
  }),
  misplacedHeading: entry<{ heading: string; where: string }>({
    code: 'RPT320',
    severity: 'error',
    message: (a) => `小标题“${a.heading}”放在了${a.where}，那里不分小节`,
    hint: () => '“##”小标题只用于工作回顾的各方面和工作安排的各项；其他部分直接写段落。若这是一个部分的标题，改用“#”。',
    cause: '“##”小标题只用于分小节的部分（工作回顾的各方面、工作安排的各项、提案工作的主要做法等）；在致谢、不足、结束语这些不分小节的部分中，或在第一个“#”部分标题之前，写了“##”。',
    example: { heading: '存在的差距', where: '“不足”部分' },
  }),
  deepHeading: entry<{ level: number }>({
    code: 'RPT321',
    severity: 'error',
    message: (a) => `${'#'.repeat(a.level)} 三级以下的标题不能用`,
    hint: () => '报告的文字只用“#”（部分）和“##”（小标题）；更细的层次（1. …）写进段落中。',
    cause: '报告的文字只有两级标题：部分用“#”，小标题用“##”；写了“###”或更多，多是照 Word 稿的层次（一、（一）、1.）逐级加了“#”。',
    example: { level: 3 },
  }),
  strayParagraph: entry<{ parts: string }>({
    code: 'RPT322',
    severity: 'error',
    message: () => '这段文字不在任何部分之下',
    hint: (a) => `在它前面加上所属部分的标题（如“# 工作回顾”）；各部分：${a.parts}。说明性的文字可写成注释 <!-- … -->。`,
    cause: '文件中第一个“#”部分标题之前有一段文字（常是起草说明，或从 Word 稿粘来的开头），它不属于任何部分，报告中无处安放。',
    example: { parts: '工作回顾、致谢、不足、工作安排、结束语' },
  }),
  missingNarrativePart: entry<{ part: string; file: string }>({
    code: 'RPT323',
    severity: 'error',
    message: (a) => `${a.file}缺少“${a.part}”部分`,
    hint: (a) => `加上“# ${a.part}”及其段落。`,
    cause: '每种报告有几个必须有的部分（如工作报告的工作回顾、致谢、不足、工作安排、结束语），报告按这些部分编排；文件中没有这个部分的“#”标题，或标题的写法没有认出（那一处另有 RPT318）。',
    example: { part: '不足', file: '工作报告的文字' },
  }),
  // Wording of the narrative as the report will read it (RPT370–379).
  headingFullStop: entry<{ heading: string }>({
    code: 'RPT370',
    severity: 'warning',
    message: (a) => `小标题“${a.heading}”末尾有句号，报告中它单独成行`,
    hint: () => '单独成行的标题末尾不加句号，删去“。”；工作安排、下一步工作等与第一段同段排的小标题，句号由模板按格式加上或保留。',
    cause: '单独成行的小标题（如工作回顾的各方面）在公文中不加句号；从 Word 稿粘来时带着句号，或照工作安排的小标题（与第一段同段排，带句号）写了。',
    example: { heading: '坚持和加强党的全面领导。' },
  }),
  missingTermPart: entry<{ key: string; from: number; to: number }>({
    code: 'RPT315',
    severity: 'error',
    message: (a) => `${a.from}—${a.to} 年届末报告的文件夹中缺少“${a.key}”`,
    hint: (a) => `在届末报告文件夹的某个文件（通常是 ${a.key}.yaml）中写入“${a.key}”。`,
    cause: '届末报告要知道听取报告的会议（日期、届次），这写在届末报告文件夹（如 term-2018-2022/）的 sitting 中；文件夹里有文件，却没有一个写了 sitting。',
    example: { key: 'sitting', from: 2018, to: 2022 },
  }),

  // A record at odds with itself: each contradiction its own code.
  notFiledButMarked: entry<{ id: string; review: string; what: string }>({
    code: 'RPT325',
    severity: 'error',
    message: (a) => `提案“${a.id}”审查结果为“${a.review}”，不能标为${a.what}`,
    hint: () => '只有立案（含并案）的提案才办理、才能是重点提案；核对审查结果，或去掉这个标记。',
    cause: '不立案、撤案、退回或转作他用的提案不进入办理，不会办复，也不作为重点提案。',
    example: { id: 'P2023-015', review: '不立案', what: '已办复' },
  }),
  notFiledButHandled: entry<{ id: string; review: string; what: string }>({
    code: 'RPT326',
    severity: 'error',
    message: (a) => `提案“${a.id}”审查结果为“${a.review}”，不应有${a.what}`,
    hint: () => '没有立案的提案不办理，也就没有办复日期、办理结果和满意度；核对审查结果，或删去这一项。',
    cause: '办复日期、办理结果和满意度只属于办理了的提案（立案或并案）。',
    example: { id: 'P2023-015', review: '撤案', what: '办理结果' },
  }),
  mergedIntoNotMerged: entry<{ id: string; review: string }>({
    code: 'RPT327',
    severity: 'error',
    message: (a) => `提案“${a.id}”写了并入提案，审查结果却是“${a.review}”而不是“并案”`,
    hint: () => '并入别的提案的，审查结果写“并案”；没有并案的，删去并入提案。',
    cause: '并入提案只在审查结果为并案时有意义。',
    example: { id: 'P2023-021', review: '立案' },
  }),
  reasonNotRejected: entry<{ id: string; review: string }>({
    code: 'RPT328',
    severity: 'error',
    message: (a) => `提案“${a.id}”写了不立案理由，审查结果却是“${a.review}”`,
    hint: () => '不立案的，审查结果写“不立案”；立案了的，删去不立案理由。',
    cause: '不立案理由只在审查结果为不立案时有意义。',
    example: { id: 'P2023-030', review: '立案' },
  }),
  answeredOnNotAnswered: entry<{ id: string }>({
    code: 'RPT329',
    severity: 'error',
    message: (a) => `提案“${a.id}”有办复日期，却没有标为已办复`,
    hint: () => '已经办复的，把“已办复”标为“是”；还没有办复的，删去办复日期。',
    cause: '有办复日期说明已经答复了提案者，“已办复”却是否。',
    example: { id: 'P2023-007' },
  }),
  datesOutOfOrder: entry<{ what: string; id: string; later: string; laterDate: string; earlier: string; earlierDate: string }>({
    code: 'RPT330',
    severity: 'error',
    message: (a) => `${a.what}“${a.id}”的${a.later}（${a.laterDate}）早于${a.earlier}（${a.earlierDate}）`,
    hint: (a) => `${a.later}不能早于${a.earlier}；核对这两个日期。`,
    cause: '提案先提交，再交办，最后办复；日期顺序颠倒多是录入错误。',
    example: { what: '提案', id: 'P2023-007', later: '办复日期', laterDate: '2023-02-01', earlier: '交办日期', earlierDate: '2023-03-15' },
  }),
  adoptedNotSubmitted: entry<{ id: string }>({
    code: 'RPT331',
    severity: 'error',
    message: (a) => `信息“${a.id}”写了采用单位，却没有标为已报送`,
    hint: () => '被采用的信息一定报送过：把“已报送”标为“是”，或删去采用单位。',
    cause: '信息先报送才可能被采用。',
    example: { id: 'S-012' },
  }),
  formWithoutAdoption: entry<{ id: string }>({
    code: 'RPT332',
    severity: 'error',
    message: (a) => `信息“${a.id}”写了采用形式，却没有写采用单位`,
    hint: () => '写上采用这条信息的单位，或删去采用形式。',
    cause: '采用形式（单篇、综合）说的是怎样被采用，没有采用单位时无从说起。',
    example: { id: 'S-012' },
  }),
  duplicateSectors: entry<{ id: string }>({
    code: 'RPT333',
    severity: 'error',
    message: (a) => `会议“${a.id}”的参加界别有重复`,
    hint: () => '每个界别只写一次。',
    cause: '同一界别写了两次，参加界别的个数会多算。',
    example: { id: 'M-03' },
  }),

  // ── Figures and citations (RPT4xx) ────────────────────────────────
  unknownFigure: entry<{ name: string; near?: string; guess?: string }>({
    code: 'RPT401',
    severity: 'error',
    message: (a) => `引用的数字或字段“${a.name}”不存在`,
    hint: (a) =>
      (a.guess ? `是不是要写“${a.guess}”？` : '') +
      (a.near ? `可用的名称有：${a.near}。运行 report stats 可查看全部数字的名称。` : '检查名称拼写；数字的名称见 README“可引用的数字”。'),
    cause: '报告的文字（narrative.md、proposals.md 等）中 {{ }} 里写的名称不是任何一个数字：多是拼写错误、名称少写或多写了一级，或照抄了别处的旧名称。',
    example: { name: 'proposals.answerRate', near: 'proposals.total、proposals.filed、proposals.merged、proposals.mergedInFiled、proposals.cutoff、proposals.filingRate、proposals.byReview、proposals.byRejectionReason、proposals.keyProposals、proposals.keyProposalTitles、proposals.keyProposalsByResult、proposals.answered 等', guess: 'proposals.answeredRate' },
  }),
  figureUnavailable: entry<{ name: string; why: string }>({
    code: 'RPT402',
    severity: 'error',
    message: (a) => `数字“${a.name}”无法由数据算出：${a.why}`,
    hint: () => '补全相关记录，或改写文字不再引用这个数字。',
    cause: '引用的名称是有的，但这一年的记录算不出它的值：台账中没有算它所需的列（如没有“满意度”列就算不出满意率），比率的分母为 0（如没有一件提案反馈满意度），或要列举的一组一条记录也没有。报告中不会用 0 代替。',
    example: { name: 'proposals.satisfactionRate', why: '台账中没有“满意度”列' },
  }),
  proseTemplate: entry<{ detail: string }>({
    code: 'RPT403',
    severity: 'error',
    message: (a) => `文字中的引用写法有误：${a.detail}`,
    hint: () => '引用数字写成 {{名称}}，例如 {{proposals.total}}；用到函数时写成 {{percent proposals.handledRate}}。',
    cause: '报告的文字中 {{ }} 的写法不对：“{{”“}}”或引号、括号没有成对，{{#if}} 没有对应的 {{/if}}，或在文字中插入了模板片段 {{> …}}（片段只能由模板编排）。',
    example: { detail: '“{{”没有用“}}”闭合' },
  }),
  previousYearMissing: entry<{ year: number }>({
    code: 'RPT404',
    severity: 'error',
    message: (a) => `引用了上一年（${a.year} 年）的数字，但没有 ${a.year} 年的数据`,
    hint: (a) => `在数据文件夹中加入 ${a.year}/，或不再引用 previous.* 的数字。`,
    cause: '文字或模板引用了 previous. 开头的上一年数字（如用 {{yoy}} 写比上年增减），而数据文件夹中没有上一年的年度文件夹，多是第一年用本工具整理数据。',
    example: { year: 2022 },
  }),

  // ── Templates (RPT5xx) ────────────────────────────────────────────
  templateSyntax: entry<{ detail: string }>({
    code: 'RPT501',
    severity: 'error',
    message: (a) => `模板语法错误：${a.detail}`,
    hint: () => '检查 {{ }} 是否成对，块标签 {{#each}} … {{/each}} 是否闭合。',
    cause: '模板片段（.hbs 文件）中 {{ }} 的写法不对：“{{”“}}”、引号或括号没有成对，块 {{#each}} 没有用 {{/each}} 闭合，{{else}} 写在了块外，或用了不支持的写法（{{{{ }}}}、{{#*inline}}）。多在改写取出的内置片段时出现。',
    example: { detail: '{{#each}} 没有对应的 {{/each}}' },
  }),
  templateMissingField: entry<{ field: string }>({
    code: 'RPT502',
    severity: 'error',
    message: (a) => `模板引用的字段“${a.field}”在数据中不存在`,
    hint: () => '检查字段名拼写；若数据确实缺这一项，请在数据中补上。报告中不会留下空白。',
    cause: '模板片段中引用的名称在数据中没有：多是拼写错误，或片段是从旧版本取出的，其中的名称后来改了。',
    example: { field: 'proposals.answerRate' },
  }),
  templateMissingPartial: entry<{ name: string; tried: string }>({
    code: 'RPT503',
    severity: 'error',
    message: (a) => `找不到模板片段“${a.name}”`,
    hint: (a) => `依次查找过：${a.tried}。检查 {{> 名称}} 的拼写。`,
    cause: '模板用 {{> 名称}} 引用一个片段，而自己的模板文件夹（--templates）和内置模板中都没有这个名称的 .hbs 文件：片段名拼错了，或文件改过名、扩展名不是 .hbs（如 opening.hbs.txt）。',
    example: { name: 'openning', tried: 'templates-local/annual/openning.hbs、templates-local/openning.hbs、/usr/local/lib/node_modules/report/templates/annual/openning.hbs、/usr/local/lib/node_modules/report/templates/shared/openning.hbs' },
  }),
  templateUnknownHelper: entry<{ name: string; known: string }>({
    code: 'RPT504',
    severity: 'error',
    message: (a) => `模板中使用了未知的函数“${a.name}”`,
    hint: (a) => `可用的函数：${a.known}。`,
    cause: '模板片段或报告的文字中，{{ }} 里的第一个词后面还跟着别的内容，所以被当作函数名，而没有这个函数：多是用了 Handlebars 自带而本工具不提供的函数（如 log），或在数字的名称后面多写了词（如 {{proposals.total 件}}）。',
    example: { name: 'log', known: 'approx、approxWord、cn、counts、date、diff、each、if、inc、items、join、lookup、month、monthDay、partNumber、percent、quote、quoteEach、sectionNumber、share、shares、spaced、sum、table、unless、wan、with、yoy' },
  }),
  templateHelperArgument: entry<{ helper: string; detail: string }>({
    code: 'RPT505',
    severity: 'error',
    message: (a) => `函数 ${a.helper} 的参数有误：${a.detail}`,
    hint: () => '核对引用的数字名称和参数个数（见 README“模板函数”）。',
    cause: '函数的参数个数不对，或参数不是函数要的那一种：如 percent 多写了参数、要比例却给了件数、位数写成了负数。',
    example: { helper: 'percent', detail: '需要 1 到 2 个参数，实际是 3 个（写法：{{percent 比例 [小数位数]}}）' },
  }),
  templateRender: entry<{ detail: string }>({
    code: 'RPT506',
    severity: 'error',
    message: (a) => `模板渲染失败：${a.detail}`,
    hint: () => '检查这一行模板的写法。',
    cause: '模板片段或报告的文字在生成时出错，多是把一组数据（如 proposals.byCategory）直接写成了 {{名称}}，没有写到其中具体的数字（.count、.share）。',
    example: { detail: '“proposals.byCategory”这是一组数据而不是单个数字或文字，请写到具体的字段（如 .count）' },
  }),
  templatesFolderMissing: entry<{ folder: string }>({
    code: 'RPT507',
    severity: 'error',
    message: (a) => `找不到模板文件夹“${a.folder}”`,
    hint: () => '检查 --templates 后的路径。',
    cause: '--templates 所指的文件夹不存在：路径写错了，或写的是相对路径，而命令不是在项目文件夹中运行的（相对路径从当前文件夹算起）。',
    example: { folder: 'templates-local' },
  }),
  templateLinkIgnored: entry<{ name: string }>({
    code: 'RPT509',
    severity: 'warning',
    message: (a) => `模板片段“${a.name}”是符号链接，没有使用`,
    hint: () => '模板片段只从模板文件夹本身读取，不跟随链接；请把链接换成文件本身（复制一份放在这里）。',
    cause: '模板文件夹中的这个 .hbs 文件是符号链接；为免读入模板文件夹以外的文件，链接一概不跟随；有同名的内置片段时，用内置的。',
    example: { name: 'opening' },
  }),
  blankInOutput: entry<{ snippet: string }>({
    code: 'RPT508',
    severity: 'error',
    message: (a) => `生成的报告中出现空缺或未定义的内容：“${a.snippet}”`,
    hint: () => '检查模板这一处引用的数字是否存在；报告中不允许留下空白或 undefined。',
    cause: '生成的文字中出现了 undefined、NaN 或 [object Object]，它们印出来就像漏填的空白。模板引用的数字缺失时会另外报错，所以这多半是数据或模板中原样写着这些字，如别的系统导出台账时把空单元格写成了 undefined 或 NaN。',
    example: { snippet: '主办单位为undefined，会办单位为市' },
  }),
  templateHelperMisspelt: entry<{ name: string; near: string; known: string }>({
    code: 'RPT510',
    severity: 'error',
    message: (a) => `模板中使用了未知的函数“${a.name}”，是否想写“${a.near}”？`,
    hint: (a) => `可用的函数：${a.known}。`,
    cause: '模板片段或报告的文字中，{{ }} 里的第一个词后面跟着参数，所以被当作函数名；没有这个函数，但它与一个已有的函数名只差一两个字母，多是拼写错误。',
    example: { name: 'precent', near: 'percent', known: 'approx、approxWord、cn、counts、date、diff、each、if、inc、items、join、lookup、month、monthDay、partNumber、percent、quote、quoteEach、sectionNumber、share、shares、spaced、sum、table、unless、wan、with、yoy' },
  }),
  templateTooLarge: entry<{ what: string; size: number; max: number }>({
    code: 'RPT511',
    severity: 'error',
    message: (a) => `${a.what}有 ${a.size} 个字符，超过了上限 ${a.max} 个，没有处理`,
    hint: (a) =>
      a.what === '模板片段'
        ? '检查是否放错了文件；很长的模板可以分成几个片段，用 {{> 片段名}} 引用。'
        : '一段文字通常只有几百字：检查是否误粘贴了大量内容，或把它分成几段。',
    cause: '一个模板片段或一段文字超过了 10 万个字符，而内置的片段最长的也不到 2000 个字符、一段文字通常只有几百字，多是放错了文件或误粘贴了大量内容。有上限是为了一个出错的文件不致拖垮整个生成。',
    example: { what: '模板片段', size: 1048576, max: 100000 },
  }),
  templateTooManyTags: entry<{ what: string; max: number }>({
    code: 'RPT512',
    severity: 'error',
    message: (a) => `${a.what}中的 {{ }} 超过 ${a.max} 处，没有处理`,
    hint: () => '检查是否误粘贴了大量内容；很长的模板可以分成几个片段，用 {{> 片段名}} 引用。',
    cause: '一个模板片段或一段文字中的 {{ }} 超过了 2000 处，而内置报告中最多的片段也不到 100 处，多是误粘贴了大量内容或由程序生成的文字。',
    example: { what: '这段文字', max: 2000 },
  }),
  templateTooDeep: entry<{ max: number }>({
    code: 'RPT513',
    severity: 'error',
    message: (a) => `模板嵌套超过 ${a.max} 层（块 {{#…}} 与括号“( )”合计），没有处理`,
    hint: () => '实际的模板只嵌套几层：检查这里是否有多余的 {{#…}} 或“(”，或缺了对应的 {{/…}}、“)”。',
    cause: '块 {{#…}} 和括号“( )”一层套一层超过了 30 层，而实际的模板只嵌套四五层，多是写了许多 {{#if}} 或“(”而没有一一闭合，或误粘贴了内容。',
    example: { max: 30 },
  }),
  templateTooMuchOutput: entry<{ max: number }>({
    code: 'RPT514',
    severity: 'error',
    message: (a) => `生成的内容超过 ${a.max} 个字符，在这里停止`,
    hint: () => '检查这里的 {{#each}} 是否嵌套了多层循环（次数相乘），或是否反复引用了很长的文字。一份报告通常只有几万字。',
    cause: '模板生成的文字超过了 400 万个字符，而一份报告通常只有几万字：多是 {{#each}} 里又套着 {{#each}}，循环次数相乘，或在循环中反复印出很长的文字。到上限就停止，免得耗尽内存。',
    example: { max: 4000000 },
  }),
  templateTooManySteps: entry<{ max: number }>({
    code: 'RPT515',
    severity: 'error',
    message: (a) => `循环和片段执行了 ${a.max} 次以上，在这里停止`,
    hint: () => '检查这里的 {{#each}} 是否嵌套了多层循环（次数相乘），或片段是否被反复引用。',
    cause: '循环和片段合计执行了 20 万次以上，正常的报告远用不了这么多次：多是 {{#each}} 层层嵌套、次数相乘，或一个片段在循环中被反复引用。到上限就停止，免得生成长时间不结束。',
    example: { max: 200000 },
  }),
  templatePartialCycle: entry<{ chain: string }>({
    code: 'RPT516',
    severity: 'error',
    message: (a) => `模板片段引用了它自己，没有尽头：${a.chain}`,
    hint: () => '去掉这一处 {{> …}}：一个片段不能直接或经由别的片段引用它自己。',
    cause: '片段 A 用 {{> B}} 引用片段 B，B 又直接或经由别的片段引用 A，生成时会无限展开下去；多在改写取出的片段时，把一个片段的名字写进了它自己或它所引用的片段里。',
    example: { chain: 'plan → plan-item → plan' },
  }),
  templatePartialsTooDeep: entry<{ name: string; max: number }>({
    code: 'RPT517',
    severity: 'error',
    message: (a) => `模板片段层层引用超过 ${a.max} 层（这里引用“${a.name}”）`,
    hint: () => '片段一般只嵌套几层；检查片段之间的引用是否绕了远路。',
    cause: '片段引用片段，一层套一层超过了 20 层，而内置报告只有几层，多是自己的片段之间层层转引。',
    example: { name: 'paragraph', max: 20 },
  }),

  // ── Output (RPT6xx) ───────────────────────────────────────────────
  writeFailed: entry<{ file: string; detail: string }>({
    code: 'RPT601',
    severity: 'error',
    message: (a) => `无法写入“${a.file}”：${WRITE_ERRORS[a.detail] ? `${WRITE_ERRORS[a.detail]}（${a.detail}）` : a.detail}`,
    hint: () => '检查输出文件夹是否存在、是否有写权限，或用 --out 指定其他文件夹。原有的输出文件未被改动。',
    cause: '要写的位置写不进去：输出文件夹没有写权限、是只读的，磁盘已满，路径上本该是文件夹的地方是一个同名文件，或在 Windows 上旧的输出文件正在 Word、WPS 中打开，无法替换。',
    example: { file: 'out/2023', detail: 'EACCES' },
  }),
  outputExists: entry<{ file: string }>({
    code: 'RPT614',
    severity: 'error',
    message: (a) => `“${a.file}”已存在，没有覆盖`,
    hint: () => '换一个 --out 文件名，或加 --force 覆盖。',
    cause: 'report export 要写出的台账文件已经存在；为免覆盖已经填写的台账，不加 --force 时不写。',
    example: { file: '提案台账-2024.xlsx' },
  }),
  // Output places that cannot hold a set (RPT615–629).
  outputFolderMountPoint: entry<{ folder: string }>({
    code: 'RPT615',
    severity: 'error',
    message: (a) => `输出文件夹“${a.folder}”是一个挂载点，生成的文件无法整体换上，没有写入`,
    hint: () => '一次生成的文件先写在输出文件夹旁边，再整体替换它，挂载点不能这样替换。请把磁盘挂载在上一级（--out 所指的文件夹），或用 --out 指定别的文件夹。原有的输出文件未被改动。',
    cause: '--out 所指的输出文件夹本身是一个挂载点（如 Docker 的卷、挂载的网络共享或移动硬盘）。一次生成的文件先写在它旁边，再整体换上，而挂载点不能被这样替换。',
    example: { folder: 'out/2023' },
  }),
  pdfCharacterUncovered: entry<{ char: string; code: string; count: number; context: string }>({
    code: 'RPT616',
    severity: 'warning',
    message: (a) => `PDF 所用的字体中没有“${a.char}”（${a.code}）这个字，PDF 中它是空白（共 ${a.count} 处，第一处在“${a.context}”）`,
    hint: () => '安装含有这个字的字体（生僻字多在“扩展 B 区”字库中，如 花园明朝、Noto Serif CJK 以外的全字库字体），在 layout.yaml 的 fontFallbacks 中为正文字体指定它；或与起草人商定改用通用字。Word 和网页版用阅读者电脑上的字体显示。',
    cause: '报告中的某个字（多是人名、地名中的生僻字）不在 PDF 能用的任何字体中：layout.yaml 规定的字体、fontFallbacks 中的替代字体和本机的中文字体都没有它，排版时只能留空。',
    example: { char: '䶮', code: 'U+4DAE', count: 2, context: '政协委员王䶮领衔提出的《关于加强' },
  }),
  pdfEngineUnavailable: entry<{ detail: string }>({
    code: 'RPT610',
    severity: 'error',
    message: (a) => `无法生成 PDF：PDF 排版引擎（Typst）${a.detail}`,
    hint: () => '排版引擎随 npm install 按操作系统安装；请重新运行 npm install，或在受支持的系统（Windows、macOS、Linux 的 x64 或 arm64）上生成 PDF。其他格式不受影响。',
    cause: 'PDF 由排版引擎 Typst 排出，它是按操作系统和处理器另装的可选组件；安装时跳过了可选依赖（如 npm install --omit=optional）、安装时断了网，或本机的系统不在支持之列，就加载不了。',
    example: { detail: '它的本机组件无法加载（本机的系统或处理器不受支持，或安装不完整）' },
  }),
  pdfFontMissing: entry<{ font: string; substitute: string; styles: string }>({
    code: 'RPT611',
    severity: 'warning',
    message: (a) => `本机没有安装字体“${a.font}”，PDF 中${a.styles ? `${a.styles}` : ''}改用“${a.substitute}”`,
    hint: (a) => `安装“${a.font}”，或把它的字体文件放进 layout.yaml 的 pdfFontFolder 所指的文件夹，重新生成后 PDF 即用规定字体；也可在 layout.yaml 的 fontFallbacks 中为它指定已安装的替代字体。`,
    cause: 'layout.yaml 为某种文字规定的字体（如方正小标宋简体、仿宋_GB2312）没有安装在生成 PDF 的这台电脑上，也不在 pdfFontFolder 所指的文件夹中；公文字体多要另行安装。',
    example: { font: '方正小标宋简体', substitute: 'Noto Serif CJK SC', styles: '标题' },
  }),
  pdfNoChineseFont: entry<{ font: string }>({
    code: 'RPT612',
    severity: 'error',
    message: (a) => `无法生成 PDF：本机没有任何中文字体（找不到“${a.font}”及其替代字体）`,
    hint: () => '安装公文字体（仿宋_GB2312、楷体_GB2312、黑体、方正小标宋简体），或开源字体 Noto Serif CJK、Noto Sans CJK（Debian/Ubuntu：apt install fonts-noto-cjk）。',
    cause: '生成 PDF 的电脑上一个中文字体也找不到（常见于服务器和精简的 Linux 容器），规定的字体和替代字体都没有，PDF 中的中文无从排出。',
    example: { font: '仿宋_GB2312' },
  }),
  // The PDF's fonts folder (layout.yaml pdfFontFolder).
  pdfFontFolderMissing: entry<{ folder: string }>({
    code: 'RPT640',
    severity: 'warning',
    message: (a) => `layout.yaml 的 pdfFontFolder 指向的字体文件夹“${a.folder}”不存在，PDF 只用本机安装的字体`,
    hint: () => '把字体文件（.ttf、.otf、.ttc）放进这个文件夹（位置相对于数据文件夹），或改正 pdfFontFolder。',
    cause: 'layout.yaml 写了 pdfFontFolder，但这个文件夹不存在：路径写错了（它相对于数据文件夹，而不是当前文件夹），或字体文件夹还没有复制到这台电脑上。',
    example: { folder: 'D:\\政协报告\\data\\字体' },
  }),
  pdfFailed: entry<{ detail: string }>({
    code: 'RPT613',
    severity: 'error',
    message: (a) => `PDF 排版失败：${a.detail}`,
    hint: () => '这是本工具的问题，不是数据的问题；请把这条消息和所用的数据报告给维护者。其他格式不受影响。',
    cause: '排版引擎没能把这份报告排成 PDF。数据、文字和版式在这之前都已通过检查，这一步本不应失败，所以是本工具的缺陷，与数据无关。',
    example: { detail: '排版引擎未给出原因' },
  }),

  // ── Spreadsheets (RPT7xx) ─────────────────────────────────────────
  // The file as a whole (src/load/spreadsheet/read.ts): it is refused before anything in it is used.
  sheetUnreadable: entry<{ detail: string }>({
    code: 'RPT701',
    severity: 'error',
    message: (a) => `无法读取表格文件：${a.detail}`,
    hint: () => '用 Excel 或 WPS 打开这个文件，确认内容显示正常后“另存为”→文件类型选“Excel 工作簿（*.xlsx）”，再运行一次。',
    cause: '台账文件已损坏（如复制、下载或解压不完整），或不是 Excel、WPS 正常保存的格式，读不出其中的工作表。',
    example: { detail: '文件已损坏，或不是 Excel 保存的格式' },
  }),
  sheetFormatUnknown: entry<{ what: string; advice: string }>({
    code: 'RPT702',
    severity: 'error',
    message: (a) => `不是能读取的表格文件：${a.what}`,
    hint: (a) => a.advice,
    cause: '年度文件夹中的表格文件，内容其实是别的格式：许多系统导出的“.xls”其实是网页（HTML）表格，也有 PDF、Word 文档、OpenDocument 表格（.ods）、Excel 二进制工作簿（.xlsb）、Excel 95 及更早的旧格式等。按扩展名硬读会读错，所以不读。',
    example: { what: '这是网页（HTML）格式的表格，许多系统导出的“.xls”其实是这种文件', advice: '在 Excel 或 WPS 中打开它，“另存为”→文件类型选“Excel 工作簿（*.xlsx）”，把另存的文件放进年度文件夹。' },
  }),
  sheetEncrypted: entry({
    code: 'RPT703',
    severity: 'error',
    message: () => '表格文件设置了打开密码，无法读取',
    hint: () => '在 Excel 中打开文件，“文件”→“信息”→“保护工作簿”→“用密码进行加密”，清空密码后保存；WPS：“文件”→“文档加密”→“密码加密”，清空后保存。',
    cause: '台账在 Excel 或 WPS 中设了打开密码，文件的内容是加密的，不知道密码就读不出来。',
    example: {},
  }),
  sheetExtensionMismatch: entry<{ extension: string; actual: string }>({
    code: 'RPT704',
    severity: 'warning',
    message: (a) => `文件扩展名是 ${a.extension}，内容却是${a.actual}，已按${a.actual}读取`,
    hint: () => '把文件改成与内容相符的扩展名，或在 Excel 中“另存为”Excel 工作簿（*.xlsx），以免别的程序打不开。',
    cause: '文件的扩展名与内容不符，如系统导出的 .xls 其实是 .xlsx，或把 CSV 文件改名成了 .xlsx；内容照常按实际的格式读取。',
    example: { extension: '.xls', actual: ' Excel 工作簿（.xlsx）' },
  }),
  sheetTooLarge: entry<{ size: string; max: string }>({
    code: 'RPT705',
    severity: 'error',
    message: (a) => `表格文件有 ${a.size}，超过了上限 ${a.max}，没有读取`,
    hint: () => '检查是否放错了文件。台账中插入的图片、附件会让文件变大：删除它们，或只把需要的列复制到新工作簿中保存。',
    cause: '台账文件超过了 32 MB，而几千行的台账通常不到 1 MB：多是插入了图片、扫描件或附件，或放错了文件。',
    example: { size: '48.6 MB', max: '32 MB' },
  }),
  sheetInflatesTooLarge: entry<{ part: string; max: string }>({
    code: 'RPT706',
    severity: 'error',
    message: (a) => `表格文件中的“${a.part}”解压后超过 ${a.max}，文件没有读取`,
    hint: () => '正常的台账解压后不过几 MB；这个文件可能已损坏或被恶意构造（“压缩炸弹”）。请从原系统重新导出，或在 Excel 中另存一份。',
    cause: '.xlsx 文件是一个压缩包，其中一部分解压后超过了 64 MB（或合计超过 128 MB），比任何台账都大得多：多是文件已损坏，或被故意构造成“压缩炸弹”。为免耗尽内存，没有读取。',
    example: { part: 'xl/worksheets/sheet1.xml', max: '64 MB' },
  }),
  sheetTooManyRows: entry<{ max: number }>({
    code: 'RPT707',
    severity: 'error',
    message: (a) => `工作表超过 ${a.max} 行，没有读取`,
    hint: () => '台账通常不过几千行。检查表格下方是否有大量带格式的空行（选中后整行删除再保存），或把数据分到几个文件中。',
    cause: '工作表超过了 10 万行，而台账通常不过几千行：多是表格下方有大量设了格式的空行，或把多年的数据放进了一张表。',
    example: { max: 100000 },
  }),
  sheetTooManyCells: entry<{ max: number }>({
    code: 'RPT708',
    severity: 'error',
    message: (a) => `表格的单元格超过 ${a.max} 个，没有读取`,
    hint: () => '检查是否有大量带格式的空行、空列，或不需要的工作表；删除它们，或只把需要的列复制到新工作簿中保存。',
    cause: '文件的单元格超过了 50 万个：多是有大量带格式的空行、空列，或有不需要的工作表（如从别的系统导出的明细）。',
    example: { max: 500000 },
  }),
  sheetExternalLinks: entry({
    code: 'RPT709',
    severity: 'warning',
    message: () => '工作簿中有链接到其他文件的公式（外部链接）；只使用文件中保存的数值，不会打开被链接的文件',
    hint: () => '如果被链接文件后来改过，这里的数值可能已过时。在 Excel 中“数据”→“编辑链接”→“断开链接”，把公式换成数值后保存。',
    cause: '台账中有公式引用了另一个工作簿（如 =[汇总.xlsx]Sheet1!B2）；本工具只读 Excel 上次保存时算出的值，不会打开被链接的文件。',
    example: {},
  }),
  sheetMacros: entry({
    code: 'RPT710',
    severity: 'warning',
    message: () => '工作簿中有宏（VBA 代码）；宏不会运行，只读取单元格中的数据',
    hint: () => '台账不需要宏：在 Excel 中“另存为”→文件类型选“Excel 工作簿（*.xlsx）”即可去掉宏。',
    cause: '台账是带宏的工作簿（如 .xlsm），多是用带宏的模板做的，或由别的系统导出；为安全起见，宏不会运行。',
    example: {},
  }),
  sheetNameRefused: entry<{ name: string }>({
    code: 'RPT711',
    severity: 'error',
    message: (a) => `工作表名“${a.name}”不能使用，这张工作表没有读取`,
    hint: () => '在 Excel 中双击工作表标签，改用中文名称（如“提案台账”）后保存。',
    cause: '工作表名是程序内部使用的特殊名称（__proto__），按它读取会出错，所以这张工作表不读。',
    example: { name: '__proto__' },
  }),
  csvSyntax: entry<{ detail: string }>({
    code: 'RPT712',
    severity: 'error',
    message: (a) => `CSV 格式错误：${a.detail}`,
    hint: () => '单元格中的英文双引号要写成两个（""），整个单元格再用一对双引号括起来。最简单的办法：用 Excel 或 WPS 打开文件，检查这一行后重新保存。',
    cause: 'CSV 文件中英文双引号的用法不合规则，分不出行和列：单元格中的引号没有写成两个，或一个单元格的结束引号后面还跟着文字；多是手工编辑，或由别的程序导出时没有处理引号。',
    example: { detail: '单元格的结束引号后面还有文字' },
  }),
  csvRowTooLong: entry<{ max: string }>({
    code: 'RPT713',
    severity: 'error',
    message: (a) => `CSV 中这一行超过 ${a.max} 个字符，文件没有读取`,
    hint: () => '可能是引号没有成对，使后面的整个文件被当成了一个单元格；检查这一行附近的英文双引号。',
    cause: 'CSV 的一行超过了约 100 万个字符，多是某处英文双引号没有成对，使后面的整个文件都被读成了一个单元格。',
    example: { max: '1,048,576' },
  }),
  encodingRefused: entry<{ detail: string }>({
    code: 'RPT714',
    severity: 'error',
    message: (a) => `无法确定文件的编码：${a.detail}`,
    hint: () =>
      '为免读错，请用能正确显示这个文件的程序另存为 UTF-8：记事本——“文件”→“另存为”，“编码”选“UTF-8”；Excel——“文件”→“另存为”，文件类型选“CSV UTF-8（逗号分隔）”或“Excel 工作簿（*.xlsx）”；WPS 表格——“另存为”选“Excel 工作簿（*.xlsx）”；VS Code——点右下角的编码名→“通过编码重新打开”选对编码，再“通过编码保存”→“UTF-8”。',
    cause: 'CSV 台账不是 UTF-8 或 GBK 编码，或其中的中文太少、无法确定是哪种编码；多是在繁体中文系统、Mac 上或用别的程序保存的。按错的编码读会把中文读成乱码，所以不读。',
    example: { detail: '其中非英文的文字太少，无法确定是哪种编码（可能是 GBK、Big5 或其他编码）；为免读错，没有读取' },
  }),
  sheetEmpty: entry({
    code: 'RPT715',
    severity: 'warning',
    message: () => '表格文件中没有任何数据',
    hint: () => '填入数据，或删除这个文件。',
    cause: '台账文件是空的（0 字节），或其中的工作表一个有内容的单元格也没有：多是新建后还没有填写，或另存时出了错。',
    example: {},
  }),

  // One table (src/load/spreadsheet/table.ts): each problem at its cell.
  headerRowMissing: entry<{ rows: number; known: string }>({
    code: 'RPT720',
    severity: 'error',
    message: (a) => `工作表的前 ${a.rows} 行中找不到表头`,
    hint: (a) => `表头行应写明各列的名称，能识别的列名有：${a.known}。`,
    cause: '工作表的前 10 行中没有一行写着能识别的列名：表头在更下面，列名都不是本工具认识的说法，或这张工作表不是台账（如统计图表、说明页）。',
    example: { rows: 10, known: '提案编号、案由、提案者类别、第一提案人、联名人、界别、类别、提交日期、大会/平时、审查结果、并入提案、不立案理由、重点提案、主办单位、会办单位、交办日期、已办复、办复日期、办理结果、满意度、督办、已见面、优秀提案、标签' },
  }),
  unknownColumn: entry<{ header: string; near?: string; known: string; count?: number; kind?: string; field?: string }>({
    code: 'RPT721',
    severity: 'warning',
    message: (a) =>
      `不认识的列名“${a.header}”，这一列没有读取` + (a.count ? `：其中 ${a.count} 个单元格的内容不会进入报告` : ''),
    hint: (a) =>
      (a.near ? `是不是“${a.near}”？` : '不需要这一列时可以不管。') +
      (a.kind
        ? `要读入这一列，在 organization.yaml 的“organization:”下加一行（行首空两格${a.field ? '' : '，“字段名”换成要读入的字段'}；已有 sheetHeaders 时并入其中）：  sheetHeaders: {${a.kind}: {${a.header}: ${a.field ?? '字段名'}}}。`
        : '') +
      `能识别的列名有：${a.known}。`,
    cause: '表头中这一列的名称不是这类记录认识的任何一种说法：多是台账自己多记的内容（如联系电话），也可能是某一列换了叫法而本工具认不出。',
    example: { header: '联系电话', known: '提案编号、案由、提案者类别、第一提案人、联名人、界别、类别、提交日期、大会/平时、审查结果、并入提案、不立案理由、重点提案、主办单位、会办单位、交办日期、已办复、办复日期、办理结果、满意度、督办、已见面、优秀提案、标签', count: 212, kind: 'proposals' },
  }),
  requiredColumnMissing: entry<{ header: string; aliases: string }>({
    code: 'RPT722',
    severity: 'error',
    message: (a) => `表头中没有“${a.header}”这一列`,
    hint: (a) => (a.aliases ? `在表头行加上这一列（列名也可以写成：${a.aliases}），并逐行填写。` : '在表头行加上这一列，并逐行填写。'),
    cause: '这一列是每条记录都必须有的（如提案的案由），表头中却没有它：列名写成了别的说法，或导出时漏了这一列。',
    example: { header: '案由', aliases: '标题、提案标题、题目、提案名称' },
  }),
  duplicateColumn: entry<{ header: string; first: string }>({
    code: 'RPT723',
    severity: 'error',
    message: (a) => `“${a.header}”这一列出现了两次（另一列在 ${a.first}）`,
    hint: () => '删除重复的一列，或把其中一列改成别的名称；否则不知道该用哪一列的数据。',
    cause: '表头中有两列是同一项：同一个列名写了两次，或两个列名是同一项的不同说法（如“案由”和“提案标题”），两列的内容可能不同。',
    example: { header: '案由', first: 'C1' },
  }),
  requiredCellBlank: entry<{ header: string }>({
    code: 'RPT724',
    severity: 'error',
    message: (a) => `“${a.header}”不能为空`,
    hint: (a) => `在这个单元格中填写${a.header}。`,
    cause: '这一列是每条记录都必须有的（如案由、第一提案人），这一行的单元格却是空的：多是漏填，或从别处粘贴时错了行。',
    example: { header: '第一提案人' },
  }),
  cellBadDate: entry<{ header: string; value: string; serial?: string }>({
    code: 'RPT725',
    severity: 'error',
    message: (a) => `“${a.header}”不是有效日期：“${a.value}”`,
    hint: (a) =>
      a.serial
        ? `这个数字像是 Excel 的日期序号（对应 ${a.serial}）：选中这一列，“设置单元格格式”→“日期”即可。`
        : '写成 2023-03-05、2023/3/5 或 2023年3月5日，或在 Excel 中把单元格格式设为“日期”；检查月份和日子是否存在。',
    cause: '日期列中的内容读不成一个确实存在的日期：月份或日子写错（如 13 月、2 月 30 日），写成了“3月上旬”一类的说法，或 Excel 把日期存成了数字（日期序号）。',
    example: { header: '办复日期', value: '2024/13/5' },
  }),
  cellBadBoolean: entry<{ header: string; value: string }>({
    code: 'RPT726',
    severity: 'error',
    message: (a) => `“${a.header}”应填 是 或 否，实际是“${a.value}”`,
    hint: () => '填写“是”或“否”（也认 ✓ 和 ×、有 和 无、Y 和 N、1 和 0）；不清楚时留空。',
    cause: '“是否”一类的列（已办复、重点提案、已见面等）写了“是”“否”以外的说法，如“已”“办理中”“待定”，看不出是还是否。',
    example: { header: '已办复', value: '办理中' },
  }),
  cellBadCount: entry<{ header: string; value: string }>({
    code: 'RPT727',
    severity: 'error',
    message: (a) => `“${a.header}”应为不小于 0 的整数，实际是“${a.value}”`,
    hint: () => '只填阿拉伯数字，如 12 或 12件；不要写小数、负数、“约”“余”或汉字数字。',
    cause: '件数、人数一类的列写的不是确切的整数：如“约60”“30余”、小数、负数，或汉字数字“十二”。',
    example: { header: '参加人数', value: '约60' },
  }),
  cellBadDecimal: entry<{ header: string; value: string }>({
    code: 'RPT728',
    severity: 'error',
    message: (a) => `“${a.header}”应为数字，实际是“${a.value}”`,
    hint: () => '只填数字，如 12.5；单位写在列名中（如“金额（万元）”），不要写在单元格里。',
    cause: '数值列中写了数字以外的内容，如把单位或说明写进了单元格（“12.5万元”“待定”）。',
    example: { header: '金额（万元）', value: '12.5万元' },
  }),
  cellFormulaWithoutValue: entry<{ formula: string }>({
    code: 'RPT729',
    severity: 'error',
    message: (a) => `单元格中是公式 =${a.formula}，但文件中没有保存它的计算结果`,
    hint: () => '本工具不计算公式，只读取 Excel 保存的结果：在 Excel 中打开文件，按 Ctrl+Alt+F9 重新计算后保存；或复制这一列，“选择性粘贴”→“数值”。',
    cause: '单元格中是公式，但文件中没有保存它的计算结果：多是由别的程序（而不是 Excel、WPS）生成或改写的文件，或保存前没有重新计算。本工具不计算公式。',
    example: { formula: 'VLOOKUP(B5,承办单位!A:B,2,FALSE)' },
  }),
  cellErrorValue: entry<{ value: string }>({
    code: 'RPT730',
    severity: 'error',
    message: (a) => `单元格的值是 Excel 的错误 ${a.value}`,
    hint: () => '公式没能算出结果：在 Excel 中改正公式，或直接填写数值。',
    cause: '单元格中的公式在 Excel 中就没能算出结果（#N/A、#REF!、#VALUE! 等），多是查找的内容不存在，或公式引用的行、列、工作表被删掉了。',
    example: { value: '#N/A' },
  }),
  mergedAcrossRecords: entry<{ range: string; count: number }>({
    code: 'RPT731',
    severity: 'error',
    message: (a) => `合并单元格 ${a.range} 跨了 ${a.count} 条记录，只有第一条记录有这个值`,
    hint: () => '取消合并（选中后点“开始”→“合并后居中”），再在每一行填上各自的值：可选中这一列，按 Ctrl+G→“定位条件”→“空值”，输入 = 和上一格后按 Ctrl+Enter，再粘贴为数值。',
    cause: '几条记录共用的值（如同一个主办单位）被合并成了一个单元格；合并后只有第一行保存这个值，其余几行读出来是空的，统计会少算。',
    example: { range: 'F5:F8', count: 4 },
  }),
  moreProblems: entry<{ count: number; code: string }>({
    code: 'RPT732',
    severity: 'warning',
    message: (a) => `同类问题（${a.code}）还有 ${a.count} 处，没有一一列出`,
    hint: () => '先改正上面列出的几处（多半是同一原因，如整列格式不对），再运行一次。',
    cause: '一张工作表中同一类问题很多时，只列出前几处，其余合成这一条；多半是同一个原因，如整列的日期格式不对。',
    example: { count: 38, code: 'RPT725' },
  }),
  sheetKindUnknown: entry<{ sheet: string; kinds: string }>({
    code: 'RPT733',
    severity: 'error',
    message: (a) => `看不出工作表“${a.sheet}”记的是哪一类记录`,
    hint: (a) => `把工作表或文件改名，使名称中含有记录的类别：${a.kinds}；例如“提案台账.xlsx”、工作表“批示”。`,
    cause: '工作簿中有一张工作表，它的名称（工作簿只有这一张表时还有文件名）看不出是哪一类记录，表头又与几类记录都对得上或都对不上，无法判断它是提案、会议还是别的台账。',
    example: { sheet: 'Sheet2', kinds: '领导批示（批示）、提案（提案）、会议（会议）、调研视察报告（调研、视察、督查）、社情民意信息（社情民意、信息）、其他履职活动（活动）' },
  }),
  sheetContentUnreadable: entry<{ sheet: string }>({
    code: 'RPT734',
    severity: 'error',
    message: (a) => `工作表“${a.sheet}”列在文件中，但它的内容无法读取（文件可能已损坏），这张工作表没有读取`,
    hint: () => '在 Excel 或 WPS 中打开这个文件，确认这张工作表完好后另存一份；打不开时改用备份的台账。',
    cause: '工作簿的目录中列着这张工作表，文件中却找不到或读不出它的内容：多是文件在传输、修复或被别的程序改写时损坏了。',
    example: { sheet: '提案台账' },
  }),
  // A file's shape that would silently change a count (RPT760–779).
  csvCellHoldsRows: entry<{ rows: number }>({
    code: 'RPT760',
    severity: 'error',
    message: (a) => `这个单元格里有换行，其中 ${a.rows} 行像是完整的一行记录（逗号数与表头相当），这些记录没有单独计数`,
    hint: () => '多半是某个单元格的英文双引号没有成对，把后面的几行都并进了这一格。用 Excel 或 WPS 打开文件检查这一格，删去多余的引号后另存为 CSV。',
    cause: 'CSV 中某个单元格的英文双引号没有成对，把后面的许多行都并进了这一个单元格；这些行不会各自作为记录计数，报告中的数字会少算。',
    example: { rows: 37 },
  }),
  sheetHiddenSkipped: entry<{ names: string }>({
    code: 'RPT761',
    severity: 'warning',
    message: (a) => `工作表${a.names}是隐藏的，没有读取，其中的记录不计入`,
    hint: () => '隐藏的工作表多是旧稿或草稿。其中的记录也要统计时，在 Excel 中右键工作表标签→“取消隐藏”后保存；否则可删去这张工作表。',
    cause: '工作簿中有隐藏的工作表（右键“隐藏”的），多是旧稿或参考数据；为免把它们算进今年，其中的记录不计入。',
    example: { names: '“2023年（旧）”' },
  }),
  exportOverCellLimit: entry<{ cells: number; max: number }>({
    code: 'RPT762',
    severity: 'warning',
    message: (a) => `写出的台账有 ${a.cells.toLocaleString('en-US')} 个单元格，超过了读取表格的上限 ${a.max.toLocaleString('en-US')} 个：放进年度文件夹后，validate 和 build 会拒绝它（RPT708）`,
    hint: () => '它可以在 Excel 中查看；要作为数据使用，请把记录分成几个台账文件放在同一年度文件夹中（几个台账的记录会合并），或继续使用 YAML 记录。',
    cause: 'report export 写出的记录很多（如几年的记录写进了一张台账），单元格数超过了读取台账时的上限；这张台账放进年度文件夹后会被拒绝。',
    example: { cells: 612480, max: 500000 },
  }),
  // Ledgers as proposal systems export them (validate/sheet-records.ts, validate/partial-data.ts).
  rowsSkipped: entry<{ count: number; rows: string }>({
    code: 'RPT740',
    severity: 'info',
    message: (a) => `没有作为记录读入的 ${a.count} 行：${a.rows}`,
    hint: () => '合计、小计、空行和说明文字不是记录，统计由记录算出；如有一行确实是记录，检查它的第一格是否写成了“合计”“注：”之类。',
    cause: '提案系统导出的台账下方常有合计、小计行，空行，或“注：……”一类的说明文字；它们不是记录，不计入统计。',
    example: { count: 2, rows: '第215行（合计行）、第216行（说明文字）' },
  }),
  valuesInferred: entry<{ field: string; rule: string; count: number; rows: string }>({
    code: 'RPT741',
    severity: 'info',
    message: (a) => `${a.count} 条记录的“${a.field}”是推断的：${a.rule}（${a.rows}）`,
    hint: (a) => `写明的值优先：推断不对时，在台账中加上“${a.field}”列（YAML 中写上这个字段）并填写。`,
    cause: '台账中没有这一列（或这一格空着），这一项是按别的列推断的：如有办理结果、满意度或办复日期的立案提案算作已办复，第一提案人是民主党派组织的算作党派提案。',
    example: { field: '已办复', rule: '立案的提案有办理结果、满意度或办复日期，算作已办复', count: 186, rows: '第2、3、4行等186行' },
  }),
  notesColumn: entry<{ header: string; count: number }>({
    code: 'RPT742',
    severity: 'info',
    message: (a) => `“${a.header}”列是说明文字，没有读入（${a.count} 个单元格有内容）`,
    hint: () => '报告中的数字不用这一列；其中需要统计的内容，请写进相应的列。',
    cause: '台账中的“备注”“说明”一类的列是写给人看的文字，报告中的数字不用它。',
    example: { header: '备注', count: 23 },
  }),
  columnAbsentForFigure: entry<{ figure: string; column: string; piece: string; kind: string }>({
    code: 'RPT743',
    severity: 'error',
    message: (a) => `报告的内置段落（模板片段 ${a.piece}）要用的数字 ${a.figure} 算不出：台账中没有“${a.column}”列`,
    hint: (a) =>
      `在台账中加上“${a.column}”列并逐行填写；暂时没有这项数据时，运行 report templates eject ${a.piece} --kind ${a.kind} 取出这个片段，改写这句话不再引用这个数字，生成时加 --templates templates-local。`,
    cause: '内置模板写出的句子（如办复率、满意率）要用一个数字，而这一年的台账没有算它所需的列；没有这一列，这个数字就算不出，不会当作 0。',
    example: { figure: 'proposals.answered', column: '已办复', piece: 'handling', kind: 'proposals' },
  }),
  annexTableOmitted: entry<{ table: string; column: string }>({
    code: 'RPT744',
    severity: 'warning',
    message: (a) => `附表“${a.table}”没有列出：台账中没有“${a.column}”列`,
    hint: (a) => `在台账中加上“${a.column}”列并逐行填写后，附表自动列出。`,
    cause: '提案工作情况报告的这张附表按台账中的一列统计（承办单位办理情况统计表按主办单位），台账中没有这一列，就无从统计；报告照常生成，只是不列这张附表。',
    example: { table: '承办单位办理情况统计表', column: '主办单位' },
  }),
  activityNotFilled: entry<{ name: string; id: string }>({
    code: 'RPT746',
    severity: 'warning',
    message: (a) => `活动“${a.name}”（${a.id}）还没有填写数量`,
    hint: (a) => `写上 count（总数），或逐项写 items、分项写 parts；在此之前引用 activities.${a.id}.count 的地方印为【数据待补】（定稿时是错误）。`,
    cause: '活动的编号、名称和单位写了，数量还没有填：多是 report init 建立新的年度时沿用了上一年的活动项目，或刚添上这一项。这时它的数量算不出，不会当作 0。',
    example: { name: '委员读书活动', id: 'reading' },
  }),
  misplacedOrganizationKey: entry<{ key: string }>({
    code: 'RPT745',
    severity: 'error',
    message: (a) => `“${a.key}”写在了文件的最外层，应写在“organization:”下`,
    hint: (a) => `“${a.key}”是组织信息的一项：把它移到“organization:”之下，与 fullName、proposalCategories 等对齐（行首空两格），它下面的各行也相应多空两格。`,
    cause: 'organization.yaml 中组织信息的各项（fullName、sectors、proposalCategories 等）都要写在“organization:”之下并缩进；这一项顶格写了，成了文件最外层的一项。',
    example: { key: 'sectors' },
  }),
  outputLocked: entry<{ folder: string; holder: string; seconds: number; lock: string }>({
    code: 'RPT630',
    severity: 'error',
    message: (a) => `输出文件夹“${a.folder}”正由另一次生成（${a.holder}）写入，等了 ${a.seconds} 秒仍未结束，没有写入`,
    hint: (a) => `等那次生成结束后再运行。如果确认没有别的生成在运行，删除锁文件“${a.lock}”。原有的输出文件未被改动。`,
    cause: '另一次生成正在向同一个输出文件夹写入（另一个窗口中的 build 或 build --watch，或另一台电脑在共享文件夹中生成），等了 30 秒仍未写完；两次生成的文件不能混在一起。一次写入通常不到一秒：本机进程异常退出留下的锁会自动清除，另一台电脑留下的锁要过 10 分钟才作废。',
    example: { folder: 'out/2023', holder: '进程 8124，DESKTOP-3K7Q9L2', seconds: 30, lock: 'out/.2023.report-lock' },
  }),

  // ── Drafts edited in Word (RPT800–839) ────────────────────────────
  draftUnreadable: entry<{ file: string; detail: string }>({
    code: 'RPT800',
    severity: 'error',
    message: (a) => `“${a.file}”不是可以读取的 Word 文档（.docx）：${a.detail}`,
    hint: () => '在 Word 或 WPS 中把它另存为“Word 文档（*.docx）”再试；.doc 和 .wps 格式不能读取。',
    cause: 'report absorb 或 report compare 要读的文件不是 .docx 格式的 Word 文档：多是 Word 97-2003 的 .doc、WPS 的 .wps，或只是改了扩展名、文件已损坏。',
    example: { file: '征求意见稿.doc', detail: '这是 Word 97-2003（.doc）或 WPS（.wps）格式的文件' },
  }),
  overtypedFigure: entry<{ name: string; records: string; typed: string; sentence: string; where: string }>({
    code: 'RPT801',
    severity: 'error',
    message: (a) => `数字 {{${a.name}}} 在文档中被改写了：记录算出的是 ${a.records}，文档中写的是 ${a.typed}（${a.where}：“${a.sentence}”）`,
    hint: (a) =>
      `这个数字由记录算出，手改的数字在下次生成时会被记录的数字替换。若记录有误，请改正记录（report stats 列出 ${a.name.split(/\s+/).filter((w) => w.includes('.')).join('、') || a.name} 及其说明），再用 --overtyped records 吸收；` +
      '若确要写死文档中的数字，用 --overtyped typed（它将不再随记录变化）。',
    cause: '在 Word 中改了一个由记录算出的数字，与现在的记录算出的不同：或是修改人手改了数字，或是这一稿生成之后记录又改过。吸收时判断不了哪一个对，所以什么也不写。',
    example: { name: 'proposals.filed', records: '189', typed: '190', sentence: '经审查，立案190件，立案率为79.4%。', where: '征求意见稿.docx' },
  }),
  handTypedNumber: entry<{ number: string; sentence: string; suggestion: string }>({
    code: 'RPT802',
    severity: 'warning',
    message: (a) => `新写入的文字中有手写的数字 ${a.number}（“${a.sentence}”）${a.suggestion ? `：是不是 ${a.suggestion}？` : ''}`,
    hint: (a) => (a.suggestion ? `报告中的数字应由记录算出：把 ${a.number} 换成 ${a.suggestion}，记录改变时它随之改变。` : '报告中的数字应由记录算出：用 report stats 找到对应的名称，写成 {{名称}}；记录中没有的，先补记录。'),
    cause: '在 Word 中新写入的文字里直接打了数字；这样的数字不随记录变化，记录改了它也不会跟着改。',
    example: { number: '189', sentence: '经审查，立案189件。', suggestion: '{{proposals.filed}}' },
  }),
  templateTextEdited: entry<{ before: string; after: string; where: string }>({
    code: 'RPT803',
    severity: 'warning',
    message: (a) => `这段文字由模板写出，不是报告文字文件中的内容，改动没有吸收：“${a.before}” → “${a.after}”`,
    hint: (a) => `要让改动在下次生成时保留，请改模板：${a.where}`,
    cause: '在 Word 中改了由模板写出的文字（如开头语、“一、2023年工作回顾”这样的标题、致谢的格式句）；这些文字不在报告的文字文件（narrative.md 等）中，吸收时无处可写。',
    example: { before: '一、2023年工作回顾', after: '一、2023年主要工作', where: '用 report templates eject 把内置的 annual 片段复制出来改写，生成时加 --templates（report templates list 列出各片段）' },
  }),
  paragraphNotPlaced: entry<{ text: string }>({
    code: 'RPT804',
    severity: 'warning',
    message: (a) => `新增的段落找不到在报告文字中的位置，没有吸收：“${a.text}”`,
    hint: () => '把它放在报告文字中的一段前后（不要放在模板写出的标题、开头语之间），或直接写入 narrative.md。',
    cause: '新增的段落要写在报告文字中它前一段（或后一段）的旁边；它的前后却找不到与报告文字对应、位置没有变的段落，多是整篇文字在 Word 中重新粘贴或大段移动过，只剩模板写出的标题和开头语可以对应。',
    example: { text: '全年组织委员参加“委员进社区”活动36场次。' },
  }),
  absorbedDiffers: entry<{ expected: string; rendered: string }>({
    code: 'RPT805',
    severity: 'warning',
    message: (a) => `吸收后的文字重新生成时与文档中不完全相同：文档“${a.expected}”，生成“${a.rendered}”`,
    hint: () => '请对照文档检查这一段在报告文字中的写法（多为 Markdown 符号或条件片段 {{#if}}）。',
    cause: '吸收后会把这一段写回报告的文字（数字换回 {{名称}}），再按现在的记录生成一遍核对；两者不同，多是这一段原有条件片段（{{#if}}）或 Markdown 符号，或在 Word 中打进了 {{、** 这样的字符。',
    example: { expected: '全年共组织委员视察12次，专题调研8次。', rendered: '全年共组织委员视察12次。' },
  }),
  draftNotThisReport: entry<{ file: string }>({
    code: 'RPT806',
    severity: 'error',
    message: (a) => `“${a.file}”中与这份报告对应的段落不到一半，像是另一份报告（另一年或另一类），没有吸收`,
    hint: () => '确认年份、数据文件夹和 --kind 与生成这份文档时相同。',
    cause: '文档中能与这份报告的文字对上的段落不到一半：多是拿错了文档（另一年的报告，或把提案工作情况报告当成了常委会工作报告），或命令中的年份、数据文件夹、--kind 与生成这份文档时不同。',
    example: { file: '2022年常委会工作报告（定稿）.docx' },
  }),
  overtypedResolved: entry<{ name: string; records: string; typed: string; sentence: string; where: string; how: 'records' | 'typed' }>({
    code: 'RPT808',
    severity: 'warning',
    message: (a) =>
      `数字 {{${a.name}}} 在文档中被改写了（记录算出 ${a.records}，文档中写 ${a.typed}）：` +
      (a.how === 'records' ? `按 --overtyped records 保留由记录计算的数字（${a.where}：“${a.sentence}”）` : `按 --overtyped typed 写成了文字 ${a.typed}，它不再随记录变化（${a.where}：“${a.sentence}”）`),
    hint: (a) => (a.how === 'records' ? '若文档中的数字才对，请改正记录，重新生成后数字随之改变。' : `以后记录改变时请手工核对这个数字；要恢复引用，把 ${a.typed} 改回 {{${a.name}}}。`),
    cause: '文档中被改写的数字与记录算出的不同，已按命令中的 --overtyped 处理：records 保留记录算出的数字，typed 把文档中的数字写成固定的文字。',
    example: { name: 'proposals.filed', records: '189', typed: '190', sentence: '经审查，立案190件，立案率为79.4%。', where: '征求意见稿.docx', how: 'records' },
  }),
  draftMostlyMissing: entry<{ file: string; missing: number; printed: number }>({
    code: 'RPT809',
    severity: 'error',
    message: (a) => `“${a.file}”缺少报告文字的大部分段落（${a.printed} 段中的 ${a.missing} 段），像是不完整的文档，没有吸收`,
    hint: () => '确认这是完整的一稿（不是节选或损坏的文件）；确要删去这么多段落，请直接在报告的文字文件中删。',
    cause: '文档中报告文字的段落少了一半以上：多是节选、只另存了其中几页，或文件损坏。照此吸收会把报告文字中的这些段落都删掉，所以没有吸收。',
    example: { file: '征求意见稿（第一部分）.docx', missing: 42, printed: 57 },
  }),
  figureInConditional: entry<{ sentence: string }>({
    code: 'RPT807',
    severity: 'warning',
    message: (a) => `改动的段落中有条件或循环片段（{{#if}}、{{#each}}），吸收后写成了生成时的文字：“${a.sentence}”`,
    hint: () => '请在报告文字中检查这一段，需要时把条件片段重新写回。',
    cause: '改动的段落在报告的文字中含有条件或循环片段（{{#if}}、{{#each}}）；吸收只能写回 Word 中看到的文字，条件本身没有了，以后记录变化时这一段不再随条件增减。',
    example: { sentence: '确定重点提案12件，由主席会议成员领衔督办。' },
  }),
} as const;

export type CatalogueKey = keyof typeof catalogue;

/** Codes no longer given, reserved so that they never come to mean something else, with what they meant. */
export const RETIRED_CODES: Readonly<Record<string, string>> = {
  RPT111: '没有更早的年度文件夹可作 report init 的模板（init 现在为第一年生成框架，不再报错）',
  RPT309: '一条记录前后矛盾（各种矛盾现在各有代码：RPT325–RPT333）',
  RPT312: '中文文字中有半角标点（半角标点在生成时改为全角，从未作为警告报出）',
};
type ArgsOf<K extends CatalogueKey> = (typeof catalogue)[K] extends Entry<infer A> ? A : never;

export interface Location {
  file?: string;
  line?: number;
  column?: number;
  path?: string;
  /** A spreadsheet's sheet and cell (F12); `line` is then the row and `column` the column number. */
  sheet?: string;
  cell?: string;
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
  // Text, whatever an argument turned out to be: a message is printed, never evaluated.
  const d: Diagnostic = { code: e.code, severity: e.severity, message: String(e.message(args)) };
  const hint = e.hint?.(args);
  if (hint) d.hint = String(hint);
  if (location.file !== undefined) d.file = location.file;
  if (location.line !== undefined) d.line = location.line;
  if (location.column !== undefined) d.column = location.column;
  if (location.path !== undefined) d.path = location.path;
  if (location.sheet !== undefined) d.sheet = location.sheet;
  if (location.cell !== undefined) d.cell = location.cell;
  return d;
}
