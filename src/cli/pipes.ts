/**
 * What happens when standard output or error cannot be written. A reader that stops early
 * (`report stats | head`) does not want the rest: the run ends quietly. Anything else (a full
 * disk, `>/dev/full`, an I/O error) means output was lost: the run ends with exit code 2 and a
 * short message on stderr, when stderr itself still works, instead of an uncaught exception and
 * its stack trace.
 */
/** Exit code for a run whose output could not be written (as for other failures of the environment). */
const STREAM_FAILED_EXIT = 2;

const REASONS: Record<string, string> = {
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已用完',
  EIO: '输入输出错误',
  EBADF: '输出已关闭',
  EACCES: '没有写权限',
  EROFS: '这个位置是只读的',
};

let installed = false;

/** Installs the handling on process.stdout and process.stderr (once, however often it is called). */
export function handleStreamErrors(): void {
  if (installed) return;
  installed = true;
  for (const [stream, name] of [
    [process.stdout, '标准输出'],
    [process.stderr, '标准错误输出'],
  ] as const) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (stream !== process.stderr) {
        const reason = REASONS[error.code ?? ''] ?? '写入失败';
        // Written before the exit: stderr is synchronous for files, terminals and (on Linux) pipes. If it fails
        // too, its own error comes after the exit, and the exit code tells.
        process.stderr.write(`无法写出${name}：${reason}（${error.code ?? error.message}），输出不完整。\n`);
      }
      process.exit(STREAM_FAILED_EXIT);
    });
  }
}
