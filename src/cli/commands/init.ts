/** `report init <year>`: a year's folder (and a new organisation's files), overwriting nothing. */
import type { Command } from 'commander';
import { sharedOptions } from '../options.js';
import { dataFolders } from '../report-options.js';
import { loadSettingsOrFail } from '../settings.js';
import { EXIT, parseYear, printDiagnostics, UsageError, type CommandContext } from '../shared.js';

interface Options {
  data?: string;
  name?: string;
  level?: string;
  province?: string;
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('init')
    .description('新建一个年度的文件夹：有上一年时沿用其文件（会议信息顺延、记录清空、报告文字作为待审改的草稿）；没有时生成各科室的空台账和带示例句子的报告框架；新组织还生成 organization.yaml、report.yaml。不覆盖已有文件')
    .argument('<year>', '要新建的年度，如 2024')
    .addOption(sharedOptions.data(false))
    .option('--name <地名>', '新组织的地名，如：某某县（只在新建组织时使用）')
    .option('--level <层级>', '新组织的层级：全国、省、市、区、县……（默认 市）')
    .option('--province <省>', '新组织所在的省，如：江北省')
    .addHelpText('after', '\n例：在一个空文件夹中  report init 2024 --name 青山县 --level 县 --province 江北省\n    然后  report validate 2024  和  report build 2024')
    .action(async (yearArg: string, opts: Options) => {
      const { year } = parseYear(yearArg);
      if (year === undefined) throw new UsageError('请给出要新建的年度，如 report init 2024');
      const settings = await loadSettingsOrFail(io);
      if (!settings) return setExit(EXIT.problems);
      const { initYear } = await import('../../scaffold/init.js');
      const { displayPath, hasErrors, entryKind } = await import('../library.js');
      const path = await import('node:path');
      // Unlike other commands, init never falls back to the bundled sample: it makes a data folder here.
      const dataDir = opts.data ?? settings.data ?? (entryKind(path.join(io.cwd, 'data')) === 'missing' ? 'data' : dataFolders(undefined, settings, io)[0]!);
      const result = await initYear({
        dataDir,
        year,
        cwd: io.cwd,
        projectFile: opts.data === undefined && settings.data === undefined,
        ...(opts.name !== undefined ? { name: opts.name } : {}),
        ...(opts.level !== undefined ? { level: opts.level } : {}),
        ...(opts.province !== undefined ? { province: opts.province } : {}),
      });
      printDiagnostics(result.diagnostics, 'text', io);
      if (result.writeFailed) return setExit(EXIT.usage);
      if (hasErrors(result.diagnostics)) return setExit(EXIT.problems);
      const show = (p: string) => displayPath(io.cwd, p);
      io.stderr(
        result.sourceYear !== undefined
          ? `以 ${result.sourceYear} 年为基础生成 ${year} 年的文件：\n`
          : `${result.newOrganization ? '新建组织，' : ''}生成 ${year} 年的文件：\n`,
      );
      for (const file of result.created) io.stderr(`  新建 ${show(file)}\n`);
      for (const file of result.skipped) io.stderr(`  已存在，未改动：${show(file)}\n`);
      if (result.created.length === 0) {
        io.stderr('没有新建任何文件。\n');
        return setExit(EXIT.ok);
      }
      io.stderr(
        `下一步：${result.newOrganization ? '在 organization.yaml 中写明组织的名称和名录，' : ''}逐条填写各科室的记录，把报告文字中的【待填写】${result.sourceYear !== undefined ? '和【待审改】' : ''}换成正文，` +
          `然后运行 report validate ${year}；还没完成的部分会列为警告。查看可引用的数字：report stats ${year}。\n`,
      );
      setExit(EXIT.ok);
    });
}
