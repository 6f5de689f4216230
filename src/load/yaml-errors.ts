/**
 * What a YAML syntax error means, in Chinese, with a hint that fits the line it is on. The
 * parser's own English text never reaches a user. The commonest slips of Chinese typists are
 * recognised on the line itself: a full-width colon or comma typed with the Chinese input method,
 * a tab for indentation, a key with no space after its colon.
 */

export interface YamlErrorWords {
  what: string;
  hint: string;
  /** Where on the line the slip is, when that is better known than the parser's place. */
  column?: number;
}

/** The `yaml` parser's error codes (and JS_YAML for a refusal only js-yaml saw), in words. */
const BY_CODE: Record<string, YamlErrorWords> = {
  BAD_INDENT: { what: '缩进不对', hint: '同一层级的条目要对齐：用空格缩进，每深一层多两个空格。' },
  TAB_AS_INDENT: { what: '用了制表符（Tab）缩进', hint: '把行首的 Tab 换成空格；YAML 只认空格缩进。' },
  MISSING_CHAR: { what: '缺少配对的符号', hint: '检查引号、方括号 [ ] 和花括号 { } 是否成对。' },
  BLOCK_IN_FLOW: {
    what: '方括号或花括号里面换行写了列表或键值',
    hint: '写在 [ ] 或 { } 里的内容要写在一行，用逗号隔开；或去掉括号，改为每项一行、以“- ”开头。',
  },
  MULTILINE_IMPLICIT_KEY: {
    what: '这一行既不是“字段: 值”，也不是列表项',
    hint: '字段名后要有冒号和空格（“字段: 值”）；若这是上一行文字的延续，把整段文字放在引号里，或改用“|”开始的多行文字。',
  },
  BLOCK_AS_IMPLICIT_KEY: { what: '字段名写错了位置', hint: '字段名要在一行内写完，后面跟冒号和空格。' },
  UNEXPECTED_TOKEN: { what: '出现了意外的符号', hint: '检查这一行的冒号、逗号、引号和括号。' },
  BAD_SCALAR_START: {
    what: '值以 YAML 的特殊符号开头',
    hint: '以 @、`、%、|、>、!、&、* 等开头的文字要加引号，如 "@某某"。',
  },
  BAD_DQ_ESCAPE: { what: '双引号里有无效的转义（反斜杠 \\）', hint: '反斜杠要写成两个（\\\\），或改用单引号。' },
  BAD_ALIAS: { what: '别名（*）写法有误', hint: '数据文件不需要锚点和别名（& 和 *）；以 * 开头的文字要加引号。' },
  MISSING_ANCHOR: { what: '引用了不存在的锚点（*）', hint: '数据文件不需要锚点和别名（& 和 *）；以 * 开头的文字要加引号。' },
  TAG_RESOLVE_FAILED: { what: '无法识别的类型标记（!）', hint: '去掉以 ! 开头的标记；以 ! 开头的文字要加引号。' },
  KEY_OVER_1024_CHARS: { what: '字段名太长', hint: '字段名后要有冒号和空格；长文字应写在冒号后面作为值。' },
  BAD_DIRECTIVE: { what: '以 % 开头的行不是数据', hint: '删去这一行，或把它写成注释（以 # 开头）。' },
  MULTIPLE_DOCS: { what: '一个文件里有多个 YAML 文档（---）', hint: '一个数据文件只写一份数据；删去多余的“---”行。' },
  IMPOSSIBLE: { what: '文件的结构无法读取', hint: '检查这一行附近的缩进、冒号后的空格和引号是否成对。' },
  JS_YAML: { what: '这里的写法无法读取', hint: '检查这一行的缩进、冒号后的空格和引号是否成对；同一层级的条目缩进必须一致。' },
};

const FALLBACK: YamlErrorWords = { what: '写法有误', hint: '检查这一行附近的缩进、冒号后的空格和引号是否成对；同一层级的条目缩进必须一致。' };

/** A line's text outside quotes (a colon inside a quoted value is the author's text). */
function unquoted(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""');
}

/** Where `char` first occurs in `line` outside quotes (a comma in a quoted title is the author's), or -1. */
function outsideQuotes(line: string, char: string): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === char) return i;
  }
  return -1;
}

/** The slip a Chinese typist most likely made on this line, if any. */
function typistSlip(line: string): YamlErrorWords | undefined {
  const code = unquoted(line.replace(/\s+#.*$/, ''));
  if (/^\s*\t/.test(line)) return BY_CODE.TAB_AS_INDENT;
  if (/^\s*(?:-\s+)?[^\s:：#][^:：]*：/.test(code) && !/^\s*(?:-\s+)?[^\s:#][^:]*:\s/.test(code)) {
    return { what: '字段名后用了全角冒号“：”', hint: '把“：”改为半角冒号加空格“: ”（切换到英文输入法再输入）。' };
  }
  if (/\[[^\]]*，/.test(code) || /\{[^}]*，/.test(code)) {
    const comma = outsideQuotes(line, '，');
    return { what: '方括号或花括号里用了全角逗号“，”', hint: '把 [ ] 或 { } 里分隔各项的“，”改为半角逗号“,”。', ...(comma >= 0 ? { column: comma + 1 } : {}) };
  }
  if (/^\s*(?:-\s+)?[A-Za-z_][\w-]*:[^\s/]/.test(code)) {
    return { what: '冒号后面缺少空格', hint: '在“字段:”的冒号后加一个空格，如“category: 教育”。' };
  }
  return undefined;
}

/** Where each key (or list dash) of a line starts: `  - id: a` gives 2 and 4. */
function keyColumns(line: string): number[] {
  const match = /^(\s*)((?:-\s+)*)/.exec(line)!;
  const columns = [match[1]!.length];
  let at = match[1]!.length;
  for (const dash of match[2]!.matchAll(/-\s+/g)) columns.push((at += dash[0].length));
  return columns;
}

/**
 * A line indented to no column the lines above it open: the entry does not line up with its
 * neighbours. Told by the columns of the enclosing lines, so the hint can name the column to use.
 */
function indentSlip(lines: readonly string[], index: number): YamlErrorWords | undefined {
  const line = lines[index] ?? '';
  if (!/\S/.test(line) || /^\s*#/.test(line)) return undefined;
  const indent = /^ */.exec(line)![0].length;
  const open = new Set<number>();
  let limit = Infinity;
  const previous = lines
    .slice(0, index)
    .reverse()
    .find((l) => /\S/.test(l) && !/^\s*#/.test(l));
  // A deeper line under `key:` (or `key: |`) starts a block: its indent is the author's choice.
  if (previous && /[:|>]\s*(?:#.*)?$/.test(previous) && indent > keyColumns(previous).at(-1)!) return undefined;
  for (let i = index - 1; i >= 0 && limit > 0; i--) {
    const above = lines[i]!;
    if (!/\S/.test(above) || /^\s*#/.test(above)) continue;
    const columns = keyColumns(above).filter((c) => c < limit || (c === limit && open.size === 0));
    columns.forEach((c) => open.add(c));
    limit = Math.min(limit, columns[0] ?? limit);
  }
  if (open.size === 0 || open.has(indent)) return undefined;
  const nearest = [...open].sort((a, b) => Math.abs(a - indent) - Math.abs(b - indent) || b - a)[0]!;
  return {
    what: `缩进不对：这一行缩进了 ${indent} 个空格，与上面的条目对不齐`,
    hint: `同一条记录的各字段要对齐；这一行多半应缩进 ${nearest} 个空格（从第 ${nearest + 1} 列写起）。只用空格缩进。`,
  };
}

/**
 * A `key: value` line followed by a deeper `key:` line: the parser reads the second as part of the
 * first's value and complains at the first; the slip is the second line's indentation.
 */
function tooDeepAfter(lines: readonly string[], index: number): YamlErrorWords | undefined {
  const line = lines[index] ?? '';
  const next = lines[index + 1] ?? '';
  const key = /^(\s*(?:-\s+)*)[^\s:#][^:]*:\s+\S/.exec(unquoted(line));
  if (!key || !/^\s*[^\s:#-][^:]*:(?:\s|$)/.test(next)) return undefined;
  const column = key[1]!.length;
  const indent = /^ */.exec(next)![0].length;
  if (indent <= column) return undefined;
  return {
    what: `缩进不对：这一行比上一行的字段缩进得深`,
    hint: `上一行的字段已经写了值，这一行是同一条记录的另一个字段，应缩进 ${column} 个空格（从第 ${column + 1} 列写起），与上一行对齐。`,
  };
}

/** A syntax error's words and the line they belong to (1-based), the parser having stopped on line `line` of `text`. */
export function yamlErrorAt(code: string, text: string, line: number): { line: number; column?: number; words: YamlErrorWords } {
  const lines = text.split('\n');
  const slip = typistSlip(lines[line - 1] ?? '') ?? indentSlip(lines, line - 1);
  if (slip) return { line, ...(slip.column ? { column: slip.column } : {}), words: slip };
  const deeper = tooDeepAfter(lines, line - 1);
  if (deeper) return { line: line + 1, column: 1 + (/^ */.exec(lines[line] ?? '')![0].length), words: deeper };
  return { line, words: BY_CODE[code] ?? FALLBACK };
}
