/** `report export <ledger> [year]`: a ledger written as a spreadsheet (or a blank one), for offices that keep it in Excel. */
import type { Command } from 'commander';
import { sharedOptions } from '../options.js';
import { dataFolders } from '../report-options.js';
import { loadSettingsOrFail } from '../settings.js';
import { EXIT, parseYear, printDiagnostics, UsageError, type CommandContext } from '../shared.js';

interface Options {
  data?: string;
  format?: string;
  out?: string;
  encoding?: string;
  blank?: boolean;
  force?: boolean;
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('export')
    .description('把一类记录（如提案台账）写成 Excel 表格或 CSV，列名为各字段的中文名；--blank 写一张只有表头的空台账')
    .argument('<ledger>', '记录的类别：proposals（提案）、meetings（会议）、research（调研视察报告）、instructions（批示）、information（社情民意信息），也可写中文名')
    .argument('[year]', '年度，如 2022（默认为数据中最新的年份）')
    .addOption(sharedOptions.data(false))
    .option('-f, --format <format>', '表格格式：xlsx（默认）或 csv')
    .option('-o, --out <file>', '写到的文件（默认为“<类别>台账-<年份>.<格式>”）')
    .option('--encoding <encoding>', 'CSV 的编码：utf-8（默认，带 BOM，Excel 可直接打开）或 gbk')
    .option('--blank', '只写表头，不写记录：新一年的空台账')
    .option('--force', '文件已存在时覆盖')
    .addHelpText('after', '\n例：report export proposals 2022 --format xlsx --out 提案台账.xlsx\n    report export 提案 2024 --blank --out data/2024/提案台账.xlsx')
    .action(async (ledger: string, yearArg: string | undefined, opts: Options) => {
      const settings = await loadSettingsOrFail(io);
      if (!settings) return setExit(EXIT.problems);
      const { RECORD_KINDS } = await import('../library.js');
      const kind = RECORD_KINDS.find((k) => k.key === ledger || k.label === ledger);
      if (!kind || kind.key === 'activities') {
        throw new UsageError(`没有“${ledger}”这类台账；可写：${RECORD_KINDS.filter((k) => k.key !== 'activities').map((k) => `${k.key}（${k.label}）`).join('、')}`);
      }
      const format = opts.format ?? 'xlsx';
      if (format !== 'xlsx' && format !== 'csv') throw new UsageError(`--format 只能是 xlsx 或 csv，而不是“${format}”`);
      const encoding = opts.encoding ?? 'utf-8';
      if (encoding !== 'utf-8' && encoding !== 'gbk') throw new UsageError(`--encoding 只能是 utf-8 或 gbk，而不是“${encoding}”`);
      if (opts.encoding !== undefined && format !== 'csv') throw new UsageError('--encoding 只用于 CSV');
      const { exportLedger } = await import('../../scaffold/export-ledger.js');
      const result = await exportLedger({
        kind,
        dataDir: dataFolders(opts.data === undefined ? undefined : [opts.data], settings, io)[0]!,
        cwd: io.cwd,
        ...parseYear(yearArg),
        format,
        encoding,
        blank: opts.blank === true,
        force: opts.force === true,
        ...(opts.out !== undefined ? { out: opts.out } : {}),
      });
      printDiagnostics(result.diagnostics, 'text', io);
      if (result.writeFailed) return setExit(EXIT.usage);
      if (!result.file) return setExit(EXIT.problems);
      io.stderr(`已写出 ${result.file}：${kind.label} ${result.count} 条${opts.blank ? '（空台账，只有表头）' : ''}。\n`);
      setExit(EXIT.ok);
    });
}
