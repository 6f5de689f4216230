/**
 * The command line speaks Chinese: every help text, and every mistake commander catches (an
 * unknown option or command, a missing argument or value, a value not among the choices). And
 * `--kind` takes a kind's name only: a path or a typo is a usage error (exit 2) before anything
 * is read or written.
 */
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../src/domain/registry.js';
import { REPORT_KINDS } from '../../src/kinds/index.js';
import { SettingsShape } from '../../src/settings.js';
import { listTemplatePieces } from '../../src/templates/manage.js';
import { copyFixture, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

/** Names of things, not English prose: formats, products and keys a user types or sees on screen. */
const PROPER_NAMES = ['YAML', 'Excel', 'CSV', 'PDF', 'BOM', 'Markdown', 'Word', 'JSON', 'Schema', 'GitHub', 'Actions', 'VS', 'Code', 'Red', 'Hat', 'Ctrl', 'C', 'WPS', 'LibreOffice'];
/** Values options take (formats, scripts, output formats of diagnostics). */
const OPTION_VALUES = ['md', 'docx', 'html', 'pdf', 'check', 'xlsx', 'csv', 'utf', 'gbk', 'hans', 'hant', 'text', 'json', 'github', 'records', 'typed'];

/** The commands and subcommands, as `report --help` and `report <command> --help` list them. */
async function commandPaths(): Promise<string[][]> {
  const paths: string[][] = [];
  const visit = async (path: string[]) => {
    paths.push(path);
    const help = (await report([...path, '--help'])).stdout;
    const table = help.split('命令：\n')[1] ?? '';
    for (const line of table.split('\n')) {
      const name = /^ {2}([a-z][a-z-]*)\b/.exec(line)?.[1];
      if (name && name !== 'help') await visit([...path, name]);
    }
  };
  await visit([]);
  return paths;
}

/** The English words of a help or error text that are none of the names it may show. */
function englishWords(text: string, allowed: ReadonlySet<string>): string[] {
  const stripped = text
    // What a user copies as it is: the schema modeline, addresses, file names and paths, figure names.
    .replace(/# yaml-language-server: \$schema=\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\{\{[^}]*\}\}/g, ' ')
    // Defaults, which are values: （默认：templates-local）.
    .replace(/（默认：[^）]*）/g, ' ')
    .replace(/[A-Za-z0-9_$~.*/-]*[./=][A-Za-z0-9_$~.*/=-]+/g, ' ')
    // Placeholders of the usage lines: <dir>, [year], [words...].
    .replace(/<[^<>\s]*>|\[[^[\]\s]*\]/g, ' ')
    // Options with the value they are shown with: --templates templates-local.
    .replace(/(?<![\w-])--?[a-z][a-z-]*(?:[ =](?!-)[A-Za-z0-9_,.-]+(?![^\s，。；）]))?/g, ' ');
  return [...stripped.matchAll(/[A-Za-z][A-Za-z0-9]*/g)].map((m) => m[0]).filter((w) => !allowed.has(w));
}

describe('help in Chinese', () => {
  it('has no English words in report --help or any command’s --help but names and values', async () => {
    const paths = await commandPaths();
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['', 'build', 'validate', 'stats', 'preview', 'templates', 'templates list', 'templates eject', 'schema', 'absorb', 'compare']));
    // One after another: main's signal handlers belong to one run at a time.
    const helps: Array<{ command: string; text: string }> = [];
    for (const p of paths) helps.push({ command: ['report', ...p].join(' '), text: (await report([...p, '--help'])).stdout });
    helps.push({ command: 'report help', text: (await report(['help'])).stdout }, { command: 'report help build', text: (await report(['help', 'build'])).stdout });
    // Names a help text may show: the program, commands, options, arguments, kinds and settings.
    const pieces = (await listTemplatePieces('annual')).pieces.map((p) => p.name);
    const names = new Set(['report', ...PROPER_NAMES, ...OPTION_VALUES, ...pieces, ...REPORT_KINDS.map((k) => k.name), ...RECORD_KINDS.map((k) => k.key), ...SettingsShape.keys]);
    for (const { text } of helps) {
      for (const m of text.matchAll(/(?<![\w-])--?([a-z][a-z-]*)/g)) for (const part of m[1]!.split('-')) names.add(part);
      for (const m of text.matchAll(/[<[]([a-z]+)(?:\.\.\.)?[>\]]/g)) names.add(m[1]!);
      for (const m of text.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)) names.add(m[1]!);
    }
    for (const { command, text } of helps) {
      expect(text, command).toMatch(/^用法：/);
      expect(englishWords(text, names), `${command} --help:\n${text}`).toEqual([]);
    }
    // The check finds what commander would print in English.
    expect(englishWords('Usage: report [options]\n\nOptions:\n  -h, --help  display help for command (default: false)', names)).toEqual(['Usage', 'Options', 'display', 'help', 'for', 'command', 'default', 'false'].filter((w) => !names.has(w)));
    expect(englishWords('Usage: report', names)).toEqual(['Usage']);
  });

  it('prints the version', async () => {
    const run = await report(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('usage errors in Chinese, exit code 2', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown option', ['build', '--nope'], /^用法错误：没有选项 --nope\n/],
    ['an unknown command, with a suggestion', ['buld'], /^用法错误：没有命令 buld（是不是要写 build？）\n/],
    ['an unknown subcommand', ['templates', 'frob'], /^用法错误：没有命令 frob/],
    ['a missing argument', ['templates', 'eject'], /^用法错误：缺少参数 name\n/],
    ['a missing option value', ['build', '--out'], /^用法错误：选项 -o, --out <dir> 后面缺少值\n/],
    ['a value not among the choices', ['validate', '--format', 'xml'], /^用法错误：选项 -f, --format <format> 的值“xml”无效，可用的值：text, json, github\n/],
    ['too many arguments', ['validate', '2023', 'extra'], /^用法错误：参数太多：validate 最多 1 个，给了 2 个\n/],
    ['a year that is not one', ['build', '23'], /^用法错误：年份应为四位数字/],
  ];
  it.each(cases)('%s', async (_what, args, message) => {
    const run = await report(args, { cwd: await tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/error:|Did you mean|unknown|missing|invalid|Allowed/i);
    expect(run.stdout).toBe('');
  });
});

describe('--kind takes a kind’s name only', () => {
  const BAD = ['../../x', 'annual/', 'foo', 'Annual', ''];
  const commands: Array<[string, (kind: string, data: string, out: string) => string[]]> = [
    ['build', (kind, data, out) => ['build', '2023', '--data', data, '--out', out, '--kind', kind]],
    ['validate', (kind, data) => ['validate', '2023', '--data', data, '--kind', kind]],
    ['preview', (kind, data) => ['preview', '2023', '--data', data, '--kind', kind, '--port', '0']],
    ['templates list', (kind) => ['templates', 'list', '--kind', kind]],
    ['templates eject', (kind, _data, out) => ['templates', 'eject', 'opening', '--to', out, '--kind', kind]],
  ];
  it.each(commands)('%s refuses a path or an unknown name, and writes nothing', async (_command, args) => {
    const data = await copyFixture('minimal');
    for (const kind of BAD) {
      const work = await tempDir();
      const out = await tempDir();
      const run = await report(args(kind, data, out), { cwd: work });
      expect(run.code, `--kind ${JSON.stringify(kind)}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/^用法错误：--kind 只能是 annual（年度工作报告）、summary/);
      expect(await readdir(out)).toEqual([]);
      expect(await readdir(work)).toEqual([]);
    }
  });

  it('takes every kind by its name', async () => {
    for (const kind of REPORT_KINDS.map((k) => k.name)) {
      const run = await report(['templates', 'list', '--kind', kind, '--json']);
      expect([0, 2], `${kind}: ${run.stderr}`).toContain(run.code);
      expect(run.stderr).not.toContain('--kind 只能是');
    }
  });
});
