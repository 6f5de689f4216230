/** `report validate [year]`: check data and templates, write nothing. For people and for CI. */
import { Option, type Command } from 'commander';
import type { DiagnosticFormat } from '../format.js';
import { reportOptions } from '../report-options.js';
import { EXIT, printDiagnostics, type CommandContext } from '../shared.js';

interface Options {
  data?: string;
  templates?: string;
  format: DiagnosticFormat;
  strict?: boolean;
  kind?: string;
  cache: boolean;
}

export function register(program: Command, { io, setExit, replayable }: CommandContext): void {
  program
    .command('validate')
    .description('只检查数据和模板，不写文件；有错误时退出码为 1')
    .argument('[year]', '回顾的年份（默认为数据中最新的年份）；届末五年工作报告写年份范围，如 2018-2022')
    .option('-d, --data <dir>', '数据文件夹（默认为当前文件夹下的 data/）')
    .option('-k, --kind <kind>', '报告类型：annual（默认）、summary、term（见 report build --help）')
    .option('-t, --templates <dir>', '覆盖内置模板的文件夹')
    .addOption(new Option('-f, --format <format>', '问题的输出格式：text（带源码行）、json（每行一个对象）、github（GitHub Actions 注释）').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', '有警告时也以退出码 1 结束')
    .option('--no-cache', '不用也不更新缓存（缓存保存解析过的数据文件和编译过的模板，输入没变时重放上次的结果；只省时间，不影响结果）')
    .action(async (yearArg: string | undefined, opts: Options) => {
      const { render } = await import('../../pipeline.js');
      const { hasErrors } = await import('../../diagnostics/diagnostic.js');
      const { openRunMemo } = await import('../memo.js');
      const options = {
        ...reportOptions(yearArg, { ...(opts.data !== undefined ? { data: [opts.data] } : {}), ...(opts.kind !== undefined ? { kind: opts.kind } : {}) }, io),
        cwd: io.cwd,
        ...(opts.templates !== undefined ? { templatesDir: opts.templates } : {}),
      };
      const run = openRunMemo(options, io, opts.cache);
      const result = await render({ ...options, ...(run.memo ? { memo: run.memo } : {}) });
      run.save();
      printDiagnostics(result.diagnostics, opts.format, io);
      const failed = hasErrors(result.diagnostics) || (opts.strict === true && result.diagnostics.length > 0) || result.markdown === undefined;
      const years = result.range ? `${result.range.from}—${result.range.to}` : String(result.year);
      if (!failed && opts.format === 'text') io.stderr(`${years} 年的数据和模板检查通过。\n`);
      setExit(failed ? EXIT.problems : EXIT.ok);
      if (opts.cache) replayable();
    });
}
