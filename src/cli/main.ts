/**
 * The `report` command line: parses arguments, calls the library and formats its results.
 * Takes argv and streams as parameters so tests drive it in-process. Exit codes: 0 ok, 1 data
 * or template problems, 2 usage or internal errors.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { OUTPUT_FORMATS, build, type OutputFormat } from '../build.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/project.js';
import { render } from '../pipeline.js';
import { formatGithub, formatJson, formatText, summary, type DiagnosticFormat } from './format.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

function defaultIo(): Io {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}

class UsageError extends Error {}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`年份应为四位数字，如 2023，而不是“${value}”`);
  return Number(value);
}

function parseFormats(value: string): OutputFormat[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!OUTPUT_FORMATS.includes(f as OutputFormat)) throw new UsageError(`--format 只能是 ${OUTPUT_FORMATS.join('、')} 的组合，而不是“${f}”`);
  }
  if (list.length === 0) throw new UsageError('--format 不能为空');
  return list as OutputFormat[];
}

/** `data/` in the working folder, or else the package's bundled sample data. */
function resolveDataDir(given: string | undefined, io: Io): string {
  if (given !== undefined) return given;
  const local = path.join(io.cwd, 'data');
  try {
    if (statSync(local).isDirectory()) return local;
  } catch {
    // fall through to the bundled data
  }
  const bundled = path.join(PACKAGE_ROOT, 'data');
  io.stderr(`当前文件夹下没有 data/，使用内置示例数据：${bundled}\n`);
  return bundled;
}

function report(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, io: Io, toStdout: boolean): void {
  const write = toStdout ? io.stdout : io.stderr;
  const color = io.isTTY && !io.env.NO_COLOR && format === 'text';
  const readSource = (file: string) => {
    try {
      return readFileSync(path.resolve(io.cwd, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  for (const d of diagnostics) {
    if (format === 'json') write(formatJson(d) + '\n');
    else if (format === 'github') write(formatGithub(d) + '\n');
    else write(formatText(d, { color, readSource }) + '\n\n');
  }
  if (format === 'text' && diagnostics.length > 0) write(summary(diagnostics) + '\n');
}

export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('report')
    .description('政协常委会工作报告生成器：检查一年的 YAML 记录，计算各项数字，生成工作报告（Markdown、Word）。')
    .version('0.1.0', '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('（用 report --help 查看用法）');

  program
    .command('build')
    .description('检查数据并生成报告：<out>/<年份>/report.md 和 report.docx')
    .argument('[year]', '回顾的年份，如 2023（默认为数据中最新的年份）')
    .option('-d, --data <dir>', '数据文件夹（默认为当前文件夹下的 data/）')
    .option('-o, --out <dir>', '输出文件夹', 'out')
    .option('-t, --templates <dir>', '覆盖内置模板的文件夹（只需放要改的片段）')
    .option('-f, --format <list>', '输出格式，逗号分隔：md,docx', 'md,docx')
    .option('--dry-run', '只检查和生成，不写文件')
    .action(async (yearArg: string | undefined, opts: { data?: string; out: string; templates?: string; format: string; dryRun?: boolean }) => {
      const options = {
        dataDir: resolveDataDir(opts.data, io),
        outDir: opts.out,
        formats: parseFormats(opts.format),
        cwd: io.cwd,
        ...(parseYear(yearArg) !== undefined ? { year: parseYear(yearArg)! } : {}),
        ...(opts.templates !== undefined ? { templatesDir: opts.templates } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
      };
      const result = await build(options);
      report(result.diagnostics, 'text', io, false);
      if (result.writeFailed) exitCode = EXIT.usage;
      else if (hasErrors(result.diagnostics) || result.files.length === 0) exitCode = EXIT.problems;
      else {
        const written = result.files.map((f) => displayPath(io.cwd, f.path)).join('、');
        io.stderr(`${opts.dryRun ? '检查通过，未写文件（--dry-run）：' : '已生成：'}${written}\n`);
      }
    });

  program
    .command('validate')
    .description('只检查数据和模板，不写文件；有错误时退出码为 1')
    .argument('[year]', '回顾的年份（默认为数据中最新的年份）')
    .option('-d, --data <dir>', '数据文件夹（默认为当前文件夹下的 data/）')
    .option('-t, --templates <dir>', '覆盖内置模板的文件夹')
    .addOption(new Option('-f, --format <format>', '问题的输出格式').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', '有警告时也以退出码 1 结束')
    .action(async (yearArg: string | undefined, opts: { data?: string; templates?: string; format: DiagnosticFormat; strict?: boolean }) => {
      const result = await render({
        dataDir: resolveDataDir(opts.data, io),
        cwd: io.cwd,
        ...(parseYear(yearArg) !== undefined ? { year: parseYear(yearArg)! } : {}),
        ...(opts.templates !== undefined ? { templatesDir: opts.templates } : {}),
      });
      report(result.diagnostics, opts.format, io, opts.format !== 'text');
      const failed = hasErrors(result.diagnostics) || (opts.strict === true && result.diagnostics.length > 0) || result.markdown === undefined;
      exitCode = failed ? EXIT.problems : EXIT.ok;
      if (!failed && opts.format === 'text') io.stderr(`${result.year} 年的数据和模板检查通过。\n`);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`用法错误：${error.message}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`内部错误（这是 report 的缺陷，不是数据的问题；请把以下内容报告给维护者）：\n${message}\n`);
    return EXIT.usage;
  }
}
