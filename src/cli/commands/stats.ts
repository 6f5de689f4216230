/** `report stats [year]`: the computed figures beside last year's, before anything is written. */
import type { Command } from 'commander';
import { parseYears } from '../report-options.js';
import { EXIT, printDiagnostics, resolveDataDir, UsageError, type CommandContext } from '../shared.js';

interface Options {
  data?: string;
  json?: boolean;
  only?: string;
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('stats')
    .description('列出计算出的各项数字及其引用名称，与上一年对比；不写文件')
    .argument('[year]', '回顾的年份（默认为数据中最新的年份）；届末五年工作报告的数字写年份范围，如 2018-2022')
    .option('-d, --data <dir>', '数据文件夹（默认为当前文件夹下的 data/）')
    .option('--only <names>', '只列出这些名称开头的数字，逗号分隔，如 proposals.byCategory,information')
    .option('--json', '输出一个 JSON 对象（名称 → 本年值、上年值、变化）')
    .addHelpText('after', '\n表中的名称即模板和 narrative 文字中引用数字的写法，如 {{proposals.byCategory.民生和社会事业.count}}。')
    .action(async (yearArg: string | undefined, opts: Options) => {
      const { check } = await import('../../pipeline.js');
      const { hasErrors } = await import('../../diagnostics/diagnostic.js');
      const { computeStats, computeTermStats, filterStats, formatStatsTable, statsToJson } = await import('../../stats/stats.js');
      const result = await check({ dataDir: resolveDataDir(opts.data, io), cwd: io.cwd, ...parseYears(yearArg) });
      const context = result.termContext ?? result.context;
      // Problems go to stderr as text either way, so that stdout stays one JSON object.
      printDiagnostics(result.diagnostics, 'text', io);
      if (!context || hasErrors(result.diagnostics)) {
        io.stderr('数据有错误，无法计算数字；请先改正上面的问题。\n');
        return setExit(EXIT.problems);
      }
      const prefixes = (opts.only ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const all = 'term' in context ? computeTermStats(context) : computeStats(context);
      const stats = filterStats(all, prefixes);
      if (stats.rows.length === 0) {
        const top = [...new Set(all.rows.map((r) => r.name.split('.')[0]!))].join('、');
        throw new UsageError(`--only ${opts.only ?? ''} 没有匹配任何数字；名称以这些开头：${top}`);
      }
      io.stdout(opts.json ? JSON.stringify(statsToJson(stats), null, 2) + '\n' : formatStatsTable(stats));
      setExit(EXIT.ok);
    });
}
