/** `report validate [year]`: check data, layout and templates as `build` would, write nothing. For people and for CI. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { CACHE_FOLDER, ParseCache } from '../../load/parse-cache.js';
import type { KindName } from '../../kinds/kind.js';
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

/**
 * The kinds about one year besides the annual report whose own prose the year folder has
 * (proposals.md, summary.md), written: a skeleton `init` made, still all 【待填写】, is not yet a report.
 */
async function otherYearKinds(request: { dataDirs: readonly string[]; cwd: string }, year: number): Promise<KindName[]> {
  const { readRegularFile, REPORT_KINDS, isDraft, decode } = await import('../library.js');
  const folder = path.resolve(request.cwd, request.dataDirs[0]!, String(year));
  // The other kinds about the year of one data folder, as each kind declares what it reads; the
  // other report heard at the plenary (the proposal report) first, then the summary.
  const others = REPORT_KINDS.filter((k) => k.name !== 'annual' && k.input.years === 'one' && k.input.dataFolders === 'one').reverse();
  return others.filter((kind) => {
    const own = kind.narratives.at(-1)?.file;
    if (own === undefined) return false;
    // Read only to tell a written file from a skeleton (a link, a device or a file too large is left to
    // the run, which reports it); the run that follows reads it properly.
    const read = readRegularFile(path.join(folder, own), 16 * 1024 * 1024);
    // Decoded as the run decodes it (a GBK skeleton is a skeleton too); one it refuses is the run's to report.
    return read.ok && !isDraft(decode(read.bytes).text);
  }).map((kind) => kind.name);
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
      const settings = await loadSettingsOrFail(io);
      if (!settings) return setExit(EXIT.problems);
      const { checkReportRun, dedupe, hasErrors, sortDiagnostics, BuildSession } = await import('../library.js');
      // The cache a build left in the output folder; validate makes no folder of its own.
      const cache = opts.cache !== false ? new ParseCache(path.resolve(io.cwd, settings.out ?? 'out', CACHE_FOLDER), { create: false }) : undefined;
      // One session for the reports of the year checked below: each data file is read and parsed once.
      const request = { ...reportRequest(yearArg, opts, settings, io), ...(cache ? { cache } : {}), session: new BuildSession({ readsFilesOnce: true }) };
      const result = checkReportRun(request);
      // Without --kind, every report of the year whose prose is written is checked: the two plenary
      // reports share figures, and a problem in either stops its build.
      const others = opts.kind === undefined && request.kind === 'annual' && result.plan ? await otherYearKinds(request, result.plan.year) : [];
      const runs = [result];
      for (const kind of others) runs.push(checkReportRun({ ...request, kind }));
      cache?.save();
      const diagnostics = sortDiagnostics(dedupe(runs.flatMap((r) => r.diagnostics)));
      printDiagnostics(diagnostics, opts.format, io);
      const failed = hasErrors(diagnostics) || (opts.strict === true && diagnostics.some((d) => d.severity === 'warning')) || runs.some((r) => !r.rendered);
      const range = result.plan?.range;
      const years = range ? `${range.from}—${range.to}` : String(result.plan?.year ?? '');
      const kinds = runs.length > 1 ? `（${runs.map((r) => r.kind.label).join('、')}）` : '';
      if (!failed && opts.format === 'text') io.stderr(`${years} 年的数据、版式和模板检查通过${kinds}。\n`);
      setExit(failed ? EXIT.problems : EXIT.ok);
    });
}
