/** `report init <year>`: scaffold a year folder from the latest earlier one, overwriting nothing. */
import type { Command } from 'commander';
import { EXIT, parseYear, printDiagnostics, UsageError, type CommandContext } from '../shared.js';

interface Options {
  data: string;
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('init')
    .description('以最近一年为模板生成新年度的文件夹：会议信息顺延、保留小标题、记录清空；不覆盖已有文件')
    .argument('<year>', '要新建的年度，如 2024')
    .option('-d, --data <dir>', '数据文件夹', 'data')
    .action(async (yearArg: string, opts: Options) => {
      const { year } = parseYear(yearArg);
      if (year === undefined) throw new UsageError('请给出要新建的年度，如 report init 2024');
      const { initYear } = await import('../../scaffold/init.js');
      const { displayPath } = await import('../../load/project.js');
      const { hasErrors } = await import('../../diagnostics/diagnostic.js');
      const result = await initYear({ dataDir: opts.data, year, cwd: io.cwd });
      printDiagnostics(result.diagnostics, 'text', io);
      if (result.writeFailed) return setExit(EXIT.usage);
      if (hasErrors(result.diagnostics)) return setExit(EXIT.problems);
      const show = (p: string) => displayPath(io.cwd, p);
      io.stderr(`以 ${result.sourceYear} 年为模板生成 ${year} 年的文件：\n`);
      for (const file of result.created) io.stderr(`  新建 ${show(file)}\n`);
      for (const file of result.skipped) io.stderr(`  已存在，未改动：${show(file)}\n`);
      if (result.created.length === 0) {
        io.stderr('没有新建任何文件。\n');
        return setExit(EXIT.ok);
      }
      io.stderr(
        `下一步：逐条填写各科室的记录，把 narrative 中的【待填写】换成正文，然后运行 report validate ${year}${opts.data === 'data' ? '' : ` --data ${opts.data}`}；还没填写的部分会列为警告。\n`,
      );
      if (result.schemaFile && !result.schemaFound) {
        io.stderr(`提示：文件第一行指向的 ${show(result.schemaFile)} 还不存在；运行 report schema 生成后，编辑器即可提示字段。\n`);
      }
      setExit(EXIT.ok);
    });
}
