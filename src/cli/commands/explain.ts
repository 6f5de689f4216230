/** `report explain <figure> [year]`: one figure, its definition, last year's, and the records behind it with their places. */
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
    .command('explain')
    .description('说明一个数字：报告中印作多少、精确值、定义（分子 ÷ 分母）、上年的值，以及据以计数的每一条记录和它所在的位置')
    .argument('<figure>', '数字的名称，如 proposals.answeredRate（名称见 report stats）')
    .argument('[year]', '回顾的年份（默认为数据中最新的年份）')
    .addOption(sharedOptions.data(false).argParser(collect))
    .option('--json', '输出一个 JSON 对象')
    .addHelpText('after', '\n例：report explain proposals.filed 2023     report explain proposals.byCategory.经济建设.count --json')
    .action(async (figure: string, yearArg: string | undefined, opts: Options) => {
      const settings = await loadSettingsOrFail(io);
      if (!settings) return setExit(EXIT.problems);
      if (yearArg !== undefined && !/^\d{4}$/.test(yearArg)) throw new UsageError(`年份应写成四位数字，如 2023；实际是“${yearArg}”`);
      const { figuresOfRecords, hasErrors, computeStats, explainFigure, formatExplanation, nearest } = await import('../library.js');
      const of = figuresOfRecords({ dataDirs: dataFolders(opts.data, settings, io), cwd: io.cwd, ...parseYears(yearArg) });
      printDiagnostics(of.diagnostics, 'text', io);
      if (!('figures' in of) || hasErrors(of.diagnostics)) {
        io.stderr('数据有错误，无法计算数字；请先改正上面的问题。\n');
        return setExit(EXIT.problems);
      }
      const stats = computeStats(of);
      const explanation = explainFigure(of, figure, stats);
      if (!explanation) {
        const near = nearest(figure, stats.rows.map((r) => r.name));
        throw new UsageError(`没有名为“${figure}”的数字${near.length > 0 ? `；是不是 ${near.join('、')}？` : ''}（全部名称见 report stats）`);
      }
      io.stdout(opts.json ? JSON.stringify(explanation, null, 2) + '\n' : formatExplanation(explanation));
      setExit(EXIT.ok);
    });
}
