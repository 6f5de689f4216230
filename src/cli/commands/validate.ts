/** `report validate [year]`: check data, layout and templates as `build` would, write nothing. For people and for CI. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { CACHE_FOLDER } from '../../load/parse-cache.js';
import type { DiagnosticFormat } from '../format.js';
import { sharedOptions } from '../options.js';
import { reportRequest, type ReportArgs } from '../report-options.js';
import { loadSettingsOrFail } from '../settings.js';
import { EXIT, printDiagnostics, type CommandContext } from '../shared.js';

interface Options extends ReportArgs {
  format: DiagnosticFormat;
  strict?: boolean;
  cache?: boolean;
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('validate')
    .description('检查数据、版式和模板，不写文件；build 会失败时它也失败，退出码为 1')
    .argument('[year]', '回顾的年份（默认为数据中最新的年份）；届末五年工作报告写年份范围，如 2018-2022')
    .addOption(sharedOptions.data(true))
    .addOption(sharedOptions.kind())
    .addOption(sharedOptions.templates())
    .addOption(new Option('-f, --format <format>', '问题的输出格式：text（带源码行）、json（每行一个对象）、github（GitHub Actions 注释）').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', '有警告时也以退出码 1 结束')
    .option('--no-cache', `不用解析缓存（build 在输出文件夹里留下的 ${CACHE_FOLDER}/）`)
    .action(async (yearArg: string | undefined, opts: Options) => {
      const settings = loadSettingsOrFail(io);
      if (!settings) return setExit(EXIT.problems);
      const { renderReportRun } = await import('../../pipeline.js');
      const { hasErrors } = await import('../../diagnostics/diagnostic.js');
      const { ParseCache } = await import('../../load/parse-cache.js');
      // The cache a build left in the output folder; validate makes no folder of its own.
      const cache = opts.cache !== false ? new ParseCache(path.resolve(io.cwd, settings.out ?? 'out', CACHE_FOLDER), { create: false }) : undefined;
      const request = { ...reportRequest(yearArg, opts, settings, io), ...(cache ? { cache } : {}) };
      const result = await renderReportRun(request);
      cache?.save();
      printDiagnostics(result.diagnostics, opts.format, io);
      const failed = hasErrors(result.diagnostics) || (opts.strict === true && result.diagnostics.length > 0) || result.report === undefined;
      const range = result.plan?.range;
      const years = range ? `${range.from}—${range.to}` : String(result.plan?.year ?? '');
      if (!failed && opts.format === 'text') io.stderr(`${years} 年的数据、版式和模板检查通过。\n`);
      setExit(failed ? EXIT.problems : EXIT.ok);
    });
}
