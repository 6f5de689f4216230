/** `report stats [year]`: every figure a writer can cite, with its Chinese name, beside last year's; from the records alone. */
import type { Command } from 'commander';
import { sharedOptions } from '../options.js';
import { collect, dataFolders, parseYears } from '../report-options.js';
import { loadSettingsOrFail } from '../settings.js';
import { EXIT, printDiagnostics, UsageError, type CommandContext } from '../shared.js';

interface Options {
  data?: string[];
  json?: boolean;
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('stats')
    .description('列出由记录计算出的全部数字：引用名称、中文说明、本年值、上年值和变化；不需要报告的文字，不写文件')
    .argument('[year]', '回顾的年份（默认为数据中最新的年份）；届末五年工作报告的数字写年份范围，如 2018-2022')
    .argument('[words...]', '只列出名称或说明中含有这些词的数字，如：满意、协商会、proposals.byCategory')
    .addOption(sharedOptions.data(false).argParser(collect))
    .option('--json', '输出一个 JSON 对象（名称 → 说明、本年值、上年值、变化）')
    .addHelpText('after', '\n表中的名称就是报告文字中引用数字的写法，如 {{proposals.byCategory.民生和社会事业.count}}。\n例：report stats 2023 满意     report stats 2023 proposals.byPeriod')
    .action(async (yearArg: string | undefined, words: string[], opts: Options) => {
      const settings = await loadSettingsOrFail(io);
      if (!settings) return setExit(EXIT.problems);
      // A first word that is not a year is a filter: `report stats 满意`.
      const isYears = yearArg === undefined || /^\d{4}(?:\s*[-—–－~～]\s*\d{4})?$/.test(yearArg);
      const terms = isYears ? words : [yearArg!, ...words];
      const { figuresOfRecords, hasErrors, computeStats, filterStats, formatStatsTable, statsToJson } = await import('../library.js');
      const of = figuresOfRecords({ dataDirs: dataFolders(opts.data, settings, io), cwd: io.cwd, ...parseYears(isYears ? yearArg : undefined) });
      // Problems go to stderr as text either way, so that stdout stays one JSON object.
      printDiagnostics(of.diagnostics, 'text', io);
      if (!('figures' in of) || hasErrors(of.diagnostics)) {
        io.stderr('数据有错误，无法计算数字；请先改正上面的问题。\n');
        return setExit(EXIT.problems);
      }
      const all = computeStats(of);
      const stats = filterStats(all, terms);
      if (stats.rows.length === 0) {
        const top = [...new Set(all.rows.map((r) => r.name.split('.')[0]!))].join('、');
        throw new UsageError(`没有名称或说明中含有“${terms.join('、')}”的数字；名称以这些开头：${top}`);
      }
      io.stdout(opts.json ? JSON.stringify(statsToJson(stats), null, 2) + '\n' : formatStatsTable(stats));
      setExit(EXIT.ok);
    });
}
