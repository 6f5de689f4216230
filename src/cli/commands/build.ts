/** `report build [year]`: check the data and write the report; with --watch, again on every change. */
import path from 'node:path';
import type { Command } from 'commander';
import type { BuildResult } from '../../build.js';
import { DEFAULT_FORMATS, FORMATS, formatList, isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from '../../write/formats.js';
import { CACHE_FOLDER, ParseCache } from '../../load/parse-cache.js';
import { sharedOptions } from '../options.js';
import { reportRequest, type ReportArgs } from '../report-options.js';
import { EXIT, printDiagnostics, UsageError, type CommandContext, type Io } from '../shared.js';
import { loadSettingsOrFail } from '../settings.js';

interface Options extends ReportArgs {
  out?: string;
  format?: string;
  dryRun?: boolean;
  watch?: boolean;
  cache?: boolean;
}

export function parseFormats(value: string | readonly string[]): OutputFormat[] {
  const list = (typeof value === 'string' ? value.split(',') : [...value]).map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!isOutputFormat(f)) throw new UsageError(`输出格式只能是 ${formatList()} 的组合，而不是“${f}”`);
  }
  if (list.length === 0) throw new UsageError('--format 不能为空');
  return [...new Set(list)] as OutputFormat[];
}

/** The formats, one a line, for the help's end: `md    Markdown 文本…`. */
function formatsHelp(): string {
  return OUTPUT_FORMATS.map((f) => `    ${f.padEnd(6)}${FORMATS[f].description}`).join('\n');
}

/** An AbortSignal that fires on Ctrl-C (SIGINT) or SIGTERM; `dispose` removes the handlers. */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { signal: controller.signal, dispose: () => (process.off('SIGINT', stop), process.off('SIGTERM', stop)) };
}

/** Prints one build's outcome; true when it produced the files. */
async function report(result: BuildResult, io: Io, dryRun: boolean, again: boolean): Promise<boolean> {
  const { displayPath, hasErrors } = await import('../library.js');
  printDiagnostics(result.diagnostics, 'text', io);
  if (result.writeFailed || hasErrors(result.diagnostics) || result.files.length === 0) {
    if (again) io.stderr('未能重新生成，上次生成的文件保持不变；改正后保存即自动重试。\n');
    return false;
  }
  const written = result.files.map((f) => displayPath(io.cwd, f.path)).join('、');
  const done = dryRun ? '检查通过，未写文件（--dry-run）：' : again ? '已重新生成：' : '已生成：';
  io.stderr(`${done}${written}\n`);
  if (result.removed?.length) io.stderr(`已删除上次生成的 ${result.removed.map((f) => displayPath(io.cwd, f)).join('、')}：一次生成的文件是一套，这次没有生成这些格式，留下旧的可能与新报告不一致（要保留，请在 --format 中一并写上）。\n`);
  return true;
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('build')
    .description('检查数据并生成报告：<输出文件夹>/<年份>/report.md 和 report.docx（可加 html）；--watch 时每次改动后重新生成')
    .argument('[year]', '回顾的年份，如 2023（默认为数据中最新的年份）；届末五年工作报告写年份范围，如 2018-2022')
    .addOption(sharedOptions.data(true))
    .addOption(sharedOptions.kind())
    .addOption(sharedOptions.script())
    .addOption(sharedOptions.out('输出文件夹（默认为 report.yaml 中的 out，或 out）'))
    .addOption(sharedOptions.templates())
    .option('-f, --format <list>', `输出格式，逗号分隔：${formatList()}（默认为 report.yaml 中的 formats，或 ${DEFAULT_FORMATS.join(',')}）`)
    .option('--dry-run', '只检查和生成，不写文件')
    .option('--no-cache', `不用解析缓存（<输出文件夹>/${CACHE_FOLDER}/，保存上次读过的数据文件，下次只重读改过的）`)
    .option('-w, --watch', '生成后继续监视数据文件夹和模板文件夹，有改动就重新生成（按 Ctrl-C 退出）')
    .addHelpText(
      'after',
      `\n输出格式：\n${formatsHelp()}\n` +
        '\n例：report build 2023 --format md,docx,html\n' +
        '    report build 2023 --watch --templates templates-local\n' +
        '    report build 2023 --kind proposals                提案工作情况报告：<out>/2023/proposals.md、.docx\n' +
        '    report build 2023 --kind summary --script hant    工作综述（繁体）：<out>/2023/summary.hant.md、.docx\n' +
        '    report build 2018-2022 --kind term                届末五年工作报告：<out>/2018-2022/report.md、.docx\n' +
        '    report build 2023 --data 甲区 --data 乙区         各组织综述的汇编：<out>/2023/compilation.md、.docx',
    )
    .action(async (yearArg: string | undefined, opts: Options) => {
      const settings = await loadSettingsOrFail(io);
      if (!settings) return setExit(EXIT.problems);
      const formats = parseFormats(opts.format ?? settings.formats ?? DEFAULT_FORMATS);
      const outDir = opts.out ?? settings.out ?? 'out';
      const request = {
        ...reportRequest(yearArg, opts, settings, io),
        ...(opts.cache !== false ? { cache: new ParseCache(path.resolve(io.cwd, outDir, CACHE_FOLDER)) } : {}),
        outDir,
        formats,
        ...(opts.dryRun ? { dryRun: true } : {}),
      };
      if (!opts.watch) {
        const { build } = await import('../library.js');
        const result = await build(request);
        const ok = await report(result, io, request.dryRun === true, false);
        return setExit(result.writeFailed ? EXIT.usage : ok ? EXIT.ok : EXIT.problems);
      }
      const { watchBuild } = await import('../../watch.js');
      const { signal, dispose } = interruptSignal();
      try {
        await watchBuild({
          ...request,
          signal,
          onBuild: async ({ result, first }) => {
            if (!first) io.stderr(`\n检测到改动，重新生成……\n`);
            await report(result, io, request.dryRun === true, !first);
            if (first) io.stderr('正在监视数据文件夹和模板的改动，保存即重新生成（按 Ctrl-C 退出）……\n');
          },
          onRunError: (error) => {
            const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
            io.stderr(`内部错误（这是 report 的缺陷，不是数据的问题；请把以下内容报告给维护者）：\n${message}\n继续监视……\n`);
          },
          onWatchError: (error, folder) => io.stderr(`无法监视 ${folder}：${(error as NodeJS.ErrnoException).code ?? ''}\n`),
        });
      } finally {
        dispose();
      }
      io.stderr('已停止监视。\n');
      setExit(EXIT.ok);
    });
}
