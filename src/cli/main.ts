/**
 * The `report` command line: parses arguments and hands each command to its module in
 * commands/, which imports the library only when it runs. Takes argv and IO as parameters, so
 * tests drive it in-process. Exit codes: 0 ok, 1 data or template problems, 2 usage or
 * internal errors.
 */
import { Command, CommanderError } from 'commander';
import * as absorbCommand from './commands/absorb.js';
import * as buildCommand from './commands/build.js';
import * as explainCommand from './commands/explain.js';
import * as compareCommand from './commands/compare.js';
import * as exportCommand from './commands/export.js';
import * as initCommand from './commands/init.js';
import * as previewCommand from './commands/preview.js';
import * as schemaCommand from './commands/schema.js';
import * as statsCommand from './commands/stats.js';
import * as templatesCommand from './commands/templates.js';
import * as validateCommand from './commands/validate.js';
import { cleanUpInterrupted } from '../write/interrupt.js';
import { chineseError, formatHelp } from './help.js';
import { standardStreams } from './pipes.js';
import { EXIT, UsageError, type CommandContext, type Io } from './shared.js';

export type { Io } from './shared.js';
/** How bin/report.js ends the process once main is done (pipes.ts). */
export { endProcess as end } from './pipes.js';

const COMMANDS: Array<{ register: (program: Command, context: CommandContext) => void }> = [
  buildCommand,
  validateCommand,
  statsCommand,
  explainCommand,
  initCommand,
  exportCommand,
  previewCommand,
  absorbCommand,
  compareCommand,
  templatesCommand,
  schemaCommand,
];

const VERSION = '0.2.0';

function defaultIo(): Io {
  const streams = standardStreams();
  return {
    stdout: streams.stdout,
    stderr: streams.stderr,
    cwd: process.cwd(),
    env: process.env,
    get isTTY() {
      return streams.isTTY;
    },
  };
}

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: remove the temporary files of a write in progress,
 * then end as the signal would have (exit status 130 or 143). Outputs are put in place only once
 * all are written, so the earlier ones stay as they were.
 */
function onSignal(signal: NodeJS.Signals): void {
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  cleanUpInterrupted();
  // A command with its own handling (build --watch, preview) ends itself.
  if (process.listenerCount(signal) > 0) return;
  standardStreams().stderr(`\n已中断（${signal}）。\n`);
  process.kill(process.pid, signal);
}

export async function main(argv: readonly string[], given?: Io): Promise<number> {
  const io = given ?? defaultIo();
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('report')
    .description('政协常委会工作报告生成器：检查一年的记录（YAML、Excel 表格），计算各项数字，生成工作报告（Markdown、Word、网页）。')
    .version(VERSION, '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureHelp({ formatHelp })
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (message, write) => write(chineseError(message)) })
    .showHelpAfterError('（用 report --help 查看用法）');
  const context: CommandContext = { io, setExit: (code) => void (exitCode = code) };
  for (const command of COMMANDS) command.register(program, context);

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof UsageError) {
      io.stderr(`用法错误：${error.message}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`内部错误（这是 report 的缺陷，不是数据的问题；请把以下内容报告给维护者）：\n${message}\n`);
    return EXIT.usage;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
