/**
 * Help and usage errors in Chinese. Commander writes its help with English headings (Usage,
 * Options, Commands, "(default: …)") and its errors in English ("unknown option"); the help is
 * laid out here instead, and the errors are put into words the users read.
 */
import type { Command, Help, Option, Argument } from 'commander';

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayLength(s)));
/** Columns in a terminal: Chinese characters take two. */
const displayLength = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

function withDefault(description: string, value: unknown): string {
  if (value === undefined || value === false) return description;
  const shown = Array.isArray(value) ? value.join(',') : String(value);
  return `${description}（默认：${shown}）`;
}

function usageOf(cmd: Command, helper: Help): string {
  return helper.commandUsage(cmd).replace('[options]', '[选项]').replace('[command]', '[命令]');
}

/** The whole help text of a command, with Chinese headings. */
export function formatHelp(cmd: Command, helper: Help): string {
  const lines: string[] = [`用法：${usageOf(cmd, helper)}`, ''];
  const description = helper.commandDescription(cmd);
  if (description) lines.push(description, '');
  const table = (title: string, rows: Array<[string, string]>) => {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map(([term]) => displayLength(term)));
    lines.push(`${title}：`, ...rows.map(([term, text]) => `  ${pad(term, width)}  ${text}`.trimEnd()), '');
  };
  table(
    '参数',
    helper.visibleArguments(cmd).map((a: Argument) => [helper.argumentTerm(a), withDefault(a.description, a.defaultValue)]),
  );
  table(
    '选项',
    helper.visibleOptions(cmd).map((o: Option) => [helper.optionTerm(o), withDefault(o.description, o.negate ? undefined : o.defaultValue)]),
  );
  table(
    '命令',
    helper.visibleCommands(cmd).map((c: Command) => [helper.subcommandTerm(c).replace('[options]', '[选项]').replace('[command]', '[命令]'), helper.subcommandDescription(c)]),
  );
  return lines.join('\n');
}

/** Commander's error messages (“error: unknown option '--x'”) in Chinese. */
export function chineseError(message: string): string {
  const text = message.replace(/^error:\s*/, '').trim();
  const mean = /\(Did you mean (.+?)\?\)/.exec(text)?.[1];
  const suggestion = mean ? `（是不是要写 ${mean}？）` : '';
  const first = text.split('\n')[0]!;
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^unknown option '(.+?)'/, (m) => `没有选项 ${m[1]}`],
    [/^unknown command '(.+?)'/, (m) => `没有命令 ${m[1]}`],
    [/^missing required argument '(.+?)'/, (m) => `缺少参数 ${m[1]}`],
    [/^too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)/, (m) => `参数太多：${m[1] ? `${m[1]} ` : ''}最多 ${m[2]} 个，给了 ${m[3]} 个`],
    [/^option '(.+?)' argument missing/, (m) => `选项 ${m[1]} 后面缺少值`],
    [/^option '(.+?)' argument '(.+?)' is invalid\. Allowed choices are (.+?)\.?$/, (m) => `选项 ${m[1]} 的值“${m[2]}”无效，可用的值：${m[3]}`],
    [/^required option '(.+?)' not specified/, (m) => `缺少必需的选项 ${m[1]}`],
    [/^option '(.+?)' cannot be used with option '(.+?)'/, (m) => `选项 ${m[1]} 不能与 ${m[2]} 同用`],
  ];
  for (const [pattern, words] of rules) {
    const m = pattern.exec(first);
    if (m) return `用法错误：${words(m)}${suggestion}\n`;
  }
  return `用法错误：命令行有误${suggestion}\n`;
}
