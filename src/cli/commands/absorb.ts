/** `report absorb <edited.docx> [year]`: the edits made in Word brought back into the report's prose files. */
import type { Command } from 'commander';
import { sharedOptions } from '../options.js';
import { reportRequest, type ReportArgs } from '../report-options.js';
import { EXIT, printDiagnostics, UsageError, type CommandContext } from '../shared.js';
import { loadSettingsOrFail } from '../settings.js';

interface Options extends ReportArgs {
  acceptChanges?: boolean;
  overtyped?: string;
  dryRun?: boolean;
}

/** A Word document is read whole; a report's is well under this. */
const DRAFT_MAX_BYTES = 64 * 1024 * 1024;

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('absorb')
    .description('把在 Word 或 WPS 中改过的报告（.docx）吸收回报告的文字（narrative.md、proposals.md）：先显示改动，再写入')
    .argument('<edited>', '改过的报告，report build 生成、在 Word/WPS/LibreOffice 中修改并保存的 .docx')
    .argument('[year]', '报告的年份（默认为数据中最新的年份）')
    .addOption(sharedOptions.data(true))
    .addOption(sharedOptions.kind())
    .addOption(sharedOptions.templates())
    .option('--accept-changes', '把文档中尚未接受的修订当作已接受吸收（默认不吸收，只列出）')
    .option('--overtyped <how>', '数字被手改时：records（保留由记录计算的数字）或 typed（写死文档中的数字）；不指定时报错、不写文件')
    .option('--dry-run', '只显示将要做的改动，不写文件')
    .addHelpText(
      'after',
      '\n吸收时：改过的句子和段落、新增和删去的段落、改过或新增的小标题写回报告的文字，未改动的数字保留 {{名称}}；\n' +
        '被手改的数字报错、不写文件；新写入的手写数字提示对应的名称；模板写出的文字的改动列出并说明在哪里改；\n' +
        '尚未接受的修订和批注列为待办清单。\n' +
        '例：report absorb 征求意见稿.docx 2023 --dry-run\n' +
        '    report absorb 送审稿.docx 2023 --accept-changes --overtyped records',
    )
    .action(async (editedArg: string, yearArg: string | undefined, opts: Options) => {
      const settings = await loadSettingsOrFail(io);
      if (!settings) return setExit(EXIT.problems);
      if (opts.overtyped !== undefined && opts.overtyped !== 'records' && opts.overtyped !== 'typed') {
        throw new UsageError(`--overtyped 只能是 records 或 typed，而不是“${opts.overtyped}”`);
      }
      const path = await import('node:path');
      const { readRegularFile, displayPath, hasErrors, writeAll } = await import('../library.js');
      const read = readRegularFile(path.resolve(io.cwd, editedArg), DRAFT_MAX_BYTES);
      if (!read.ok) throw new UsageError(`无法读取“${editedArg}”：${read.reason === 'too-large' ? '文件太大' : read.reason === 'not-file' ? '不是文件' : read.reason === 'link' ? '是符号链接' : '文件不存在或没有读取权限'}`);
      const { absorbDraft } = await import('../../drafts/absorb.js');
      const { lineDiff } = await import('../../drafts/diff.js');
      const request = reportRequest(yearArg, opts, settings, io);
      const result = await absorbDraft(request, read.bytes, displayPath(io.cwd, path.resolve(io.cwd, editedArg)), {
        ...(opts.acceptChanges ? { acceptChanges: true } : {}),
        ...(opts.overtyped ? { overtyped: opts.overtyped as 'records' | 'typed' } : {}),
      });
      for (const f of result.files) io.stdout(lineDiff(f.before, f.after, f.display));
      if (result.pending.length > 0) {
        io.stdout(`\n尚未接受的修订（${opts.acceptChanges ? '已按 --accept-changes 吸收' : '没有吸收；接受后再运行，或加 --accept-changes'}）：\n`);
        for (const c of result.pending) io.stdout(`□ ${c.type === 'ins' ? '插入' : '删除'}“${c.text}”（${c.author || '未署名'}${c.date ? `，${c.date.slice(0, 10)}` : ''}）：${c.sentence}\n`);
      }
      if (result.comments.length > 0) {
        io.stdout('\n批注（逐条处理）：\n');
        for (const c of result.comments) io.stdout(`□ ${c.author || '未署名'}：${c.text}（所在句：${c.sentence}）\n`);
      }
      printDiagnostics(result.diagnostics, 'text', io);
      if (hasErrors(result.diagnostics)) {
        io.stderr('有需要处理的问题，报告的文字没有改动。\n');
        return setExit(EXIT.problems);
      }
      if (result.files.length === 0) {
        io.stderr('文档中的文字与报告的文字一致，没有需要吸收的改动。\n');
        return setExit(EXIT.ok);
      }
      const names = result.files.map((f) => f.display).join('、');
      if (opts.dryRun) {
        io.stderr(`以上是将要写入 ${names} 的改动（--dry-run，未写文件）。\n`);
        return setExit(EXIT.ok);
      }
      await writeAll(result.files.map((f) => ({ path: f.path, content: f.after })));
      io.stderr(`已吸收到 ${names}；用 report build 重新生成。\n`);
      setExit(EXIT.ok);
    });
}
