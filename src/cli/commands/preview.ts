/** `report preview [year]`: the HTML rendering on http://127.0.0.1:<port>, reloading itself on every change. */
import type { Command } from 'commander';
import { sharedOptions } from '../options.js';
import { reportRequest, type ReportArgs } from '../report-options.js';
import { loadSettingsOrFail } from '../settings.js';
import { EXIT, printDiagnostics, UsageError, type CommandContext } from '../shared.js';
import { interruptSignal } from './build.js';

interface Options extends ReportArgs {
  port?: string;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port 应为 0–65535 的整数，而不是“${value}”`);
  return Number(value);
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('preview')
    .description('在本机浏览器中预览报告（网页），数据或模板一改动就重新生成，页面自动刷新；有错误时页面列出问题')
    .argument('[year]', '回顾的年份（默认为数据中最新的年份）；届末五年工作报告写年份范围，如 2018-2022')
    .addOption(sharedOptions.data(true))
    .addOption(sharedOptions.kind())
    .addOption(sharedOptions.script())
    .addOption(sharedOptions.templates())
    .option('-p, --port <n>', '端口（默认自动选一个空闲端口）；只在 127.0.0.1 上提供')
    .addHelpText('after', '\n打开显示的地址（如 http://127.0.0.1:5173/）；保存数据文件或模板后页面自动刷新。按 Ctrl-C 退出。\n发布到网站用 report build --format html 生成的 report.html（不含预览的刷新脚本）。')
    .action(async (yearArg: string | undefined, opts: Options) => {
      const port = parsePort(opts.port);
      const settings = await loadSettingsOrFail(io);
      if (!settings) return setExit(EXIT.problems);
      const report = reportRequest(yearArg, opts, settings, io);
      const { startPreview } = await import('../../preview/server.js');
      const { signal, dispose } = interruptSignal();
      try {
        let server;
        try {
          server = await startPreview({
            ...report,
            port,
            signal,
            onRender: ({ result, ok, first }) => {
              if (!first) io.stderr('\n检测到改动，重新生成……\n');
              printDiagnostics(result.diagnostics, 'text', io);
              if (!first) io.stderr(ok ? '已重新生成，页面将自动刷新。\n' : '未能生成，页面列出上面的问题；改正后保存即自动重试。\n');
            },
            onRunError: (error) => {
              const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
              io.stderr(`内部错误（这是 report 的缺陷，不是数据的问题；请把以下内容报告给维护者）：\n${message}\n继续监视……\n`);
            },
            onWatchError: (error, folder) => io.stderr(`无法监视 ${folder}：${(error as NodeJS.ErrnoException).code ?? ''}\n`),
          });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE' || code === 'EACCES') {
            io.stderr(`无法在 127.0.0.1:${port} 上提供预览（${code === 'EADDRINUSE' ? '端口已被占用' : '没有权限'}）；换一个 --port，或省略它自动选择。\n`);
            return setExit(EXIT.usage);
          }
          throw error;
        }
        io.stdout(`预览地址：${server.url}\n`);
        io.stderr('正在监视数据文件夹和模板的改动，页面会自动刷新（按 Ctrl-C 退出）……\n');
        await server.closed;
      } finally {
        dispose();
      }
      io.stderr('已停止预览。\n');
      setExit(EXIT.ok);
    });
}
