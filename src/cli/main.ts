/**
 * The `report` command line: parses arguments and hands each command to its module in
 * commands/, which imports the library only when it runs. Takes argv and IO as parameters so
 * tests drive it in-process. Exit codes: 0 ok, 1 data or template problems, 2 usage or
 * internal errors.
 */
import { Command, CommanderError } from 'commander';
import * as buildCommand from './commands/build.js';
import * as validateCommand from './commands/validate.js';
import * as schemaCommand from './commands/schema.js';
import * as statsCommand from './commands/stats.js';
import * as initCommand from './commands/init.js';
import * as templatesCommand from './commands/templates.js';
import * as previewCommand from './commands/preview.js';
import { closeJournal, openJournal } from '../cache/journal.js';
import { keepRun, mayReplay, settingOf, type Transcript } from '../cache/replay.js';
import { removeTemporaryFiles } from '../write/atomic.js';
import { endQuietlyOnBrokenPipe } from './pipes.js';
import { EXIT, UsageError, type CommandContext, type Io } from './shared.js';

export type { Io } from './shared.js';
export { EXIT } from './shared.js';

const COMMANDS: Array<{ register: (program: Command, context: CommandContext) => void }> = [buildCommand, validateCommand, schemaCommand, statsCommand, initCommand, templatesCommand, previewCommand];

function defaultIo(): Io {
  endQuietlyOnBrokenPipe();
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: remove the temporary files of a write in progress,
 * then end as the signal would have (exit status 130 or 143). Outputs are renamed into place
 * only once all are written, so the earlier ones stay as they were.
 */
function onSignal(signal: NodeJS.Signals): void {
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  removeTemporaryFiles();
  // A command with its own handling (build --watch, preview) ends itself.
  if (process.listenerCount(signal) > 0) return;
  process.stderr.write(`\n已中断（${signal}）。\n`);
  process.kill(process.pid, signal);
}

/** The process's own IO, with what it writes copied into `transcript`. */
function recordedIo(transcript: Transcript): Io {
  const io = defaultIo();
  return {
    ...io,
    stdout: (s) => (transcript.push([1, s]), io.stdout(s)),
    stderr: (s) => (transcript.push([2, s]), io.stderr(s)),
  };
}

/**
 * Runs a command. Without `given` IO this is the process's own run (bin/report.js): a
 * `validate` or `build` run is then journaled (cache/journal.ts) and kept for replay.
 */
export async function main(argv: readonly string[], given?: Io): Promise<number> {
  const transcript: Transcript = [];
  const journaled = given === undefined && mayReplay(argv);
  if (journaled) openJournal();
  const io = given ?? (journaled ? recordedIo(transcript) : defaultIo());
  let exitCode: number = EXIT.ok;
  /** Set by a command whose result depends only on what the journal saw: the files it wrote. */
  let written: readonly string[] | undefined;
  const program = new Command()
    .name('report')
    .description('政协常委会工作报告生成器：检查一年的 YAML 记录，计算各项数字，生成工作报告（Markdown、Word、网页）。')
    .version('0.1.0', '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('（用 report --help 查看用法）');
  const context: CommandContext = { io, setExit: (code) => void (exitCode = code), replayable: (files = []) => void (written = files) };
  for (const command of COMMANDS) command.register(program, context);

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    // Usage and internal errors (exit 2) are not kept: they may come from the environment.
    const observations = journaled ? closeJournal() : undefined;
    if (observations && written && (exitCode === EXIT.ok || exitCode === EXIT.problems)) {
      keepRun(settingOf(argv), observations, written, transcript, exitCode);
    }
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
