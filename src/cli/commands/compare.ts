/** `report compare <older.docx> <newer.docx> --out <file.docx>`: the newer draft with what changed since the older as tracked changes. */
import type { Command } from 'commander';
import { EXIT, printDiagnostics, UsageError, type CommandContext } from '../shared.js';

const DRAFT_MAX_BYTES = 64 * 1024 * 1024;

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('compare')
    .description('比较两稿报告（.docx）：生成新稿，其中与旧稿不同之处以修订（插入、删除）标出，因记录改变而变的数字加批注')
    .argument('<older>', '旧稿，如上一稿或上年的报告')
    .argument('<newer>', '新稿')
    .requiredOption('-o, --out <file>', '写出的文档（.docx）')
    .addHelpText('after', '\n修订的作者为 report，日期为新稿的日期，同样的两稿总是得到同样的文件。\n例：report compare out/2023/征求意见稿.docx out/2023/report.docx --out 比较.docx')
    .action(async (olderArg: string, newerArg: string, opts: { out: string }) => {
      const path = await import('node:path');
      const { readRegularFile, diagnostic, writeAll } = await import('../library.js');
      const { readDraft, NotADocxError } = await import('../../drafts/read-docx.js');
      const read = async (arg: string) => {
        const r = readRegularFile(path.resolve(io.cwd, arg), DRAFT_MAX_BYTES);
        if (!r.ok) throw new UsageError(`无法读取“${arg}”：${r.reason === 'too-large' ? '文件太大' : r.reason === 'not-file' ? '不是文件' : r.reason === 'link' ? '是符号链接' : '文件不存在或没有读取权限'}`);
        try {
          return await readDraft(r.bytes);
        } catch (error) {
          if (!(error instanceof NotADocxError)) throw error;
          printDiagnostics([diagnostic('draftUnreadable', { file: arg, detail: error.detail }, { file: arg })], 'text', io);
          return undefined;
        }
      };
      if (!/\.docx$/i.test(opts.out)) throw new UsageError(`--out 应是 .docx 文件，而不是“${opts.out}”`);
      const older = await read(olderArg);
      const newer = older && (await read(newerArg));
      if (!older || !newer) return setExit(EXIT.problems);
      const { compareDrafts } = await import('../../drafts/compare.js');
      const result = compareDrafts(older, newer);
      await writeAll([{ path: path.resolve(io.cwd, opts.out), content: result.bytes }]);
      io.stderr(`已写出 ${opts.out}：${result.insertions} 处插入、${result.deletions} 处删除${result.figures ? `，其中 ${result.figures} 处是由记录算出的数字（已加批注）` : ''}。\n`);
      setExit(EXIT.ok);
    });
}
