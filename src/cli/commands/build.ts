/** `report build [year]`: check the data and write the report. */
import type { Command } from 'commander';
import { collect, reportOptions, type ReportArgs } from '../report-options.js';
import { EXIT, printDiagnostics, UsageError, type CommandContext } from '../shared.js';

const FORMATS = ['md', 'docx'] as const;
type Format = (typeof FORMATS)[number];

interface Options extends ReportArgs {
  out: string;
  templates?: string;
  format: string;
  dryRun?: boolean;
}

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!FORMATS.includes(f as Format)) throw new UsageError(`--format 只能是 ${FORMATS.join('、')} 的组合，而不是“${f}”`);
  }
  if (list.length === 0) throw new UsageError('--format 不能为空');
  return list as Format[];
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('build')
    .description('检查数据并生成报告：<out>/<年份>/report.md 和 report.docx')
    .argument('[year]', '回顾的年份，如 2023（默认为数据中最新的年份）；届末五年工作报告写年份范围，如 2018-2022')
    .option('-d, --data <dir>', '数据文件夹（默认为当前文件夹下的 data/）；写几次就把几个组织的综述汇编成一篇', collect)
    .option('-k, --kind <kind>', '报告类型：annual（年度工作报告，默认）、summary（工作综述）、term（届末五年工作报告）、compilation（汇编）')
    .option('--script <script>', '字形：hans（简体，默认）、hant（繁体，数字不变）')
    .option('-o, --out <dir>', '输出文件夹', 'out')
    .option('-t, --templates <dir>', '覆盖内置模板的文件夹（只需放要改的片段）')
    .option('-f, --format <list>', '输出格式，逗号分隔：md,docx', 'md,docx')
    .option('--dry-run', '只检查和生成，不写文件')
    .action(async (yearArg: string | undefined, opts: Options) => {
      const formats = parseFormats(opts.format);
      const { build } = await import('../../build.js');
      const { displayPath } = await import('../../load/project.js');
      const { hasErrors } = await import('../../diagnostics/diagnostic.js');
      const result = await build({
        ...reportOptions(yearArg, opts, io),
        outDir: opts.out,
        formats,
        cwd: io.cwd,
        ...(opts.templates !== undefined ? { templatesDir: opts.templates } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
      });
      printDiagnostics(result.diagnostics, 'text', io);
      if (result.writeFailed) return setExit(EXIT.usage);
      if (hasErrors(result.diagnostics) || result.files.length === 0) return setExit(EXIT.problems);
      const written = result.files.map((f) => displayPath(io.cwd, f.path)).join('、');
      io.stderr(`${opts.dryRun ? '检查通过，未写文件（--dry-run）：' : '已生成：'}${written}\n`);
      setExit(EXIT.ok);
    });
}
