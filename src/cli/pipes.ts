/**
 * Standard output and error of the command line. A command writes a few lines, so they are
 * written straight to the file descriptors (fs.writeSync): process.stdout and process.stderr are
 * streams whose creation loads Node's network, stream and terminal modules, a few milliseconds
 * on every run. A descriptor that takes no more for now (EAGAIN: one left non-blocking by another
 * program) is handed to its stream, which waits for it; all later output goes there too, in order.
 * On Windows the streams are used from the start: a console shows bytes in its own code page (GBK
 * on a Chinese system), and only the stream writes it the UTF-16 text it displays correctly.
 *
 * What happens when output cannot be written: a reader that stops early (`report stats | head`)
 * does not want the rest: what follows is dropped, and the run ends quietly with its own exit
 * code (a validate that found problems still exits 1). Anything else (a full
 * disk, `>/dev/full`, an I/O error) means output was lost: the run ends with exit code 2 and a
 * short message on stderr, when stderr itself still works, instead of an uncaught exception and
 * its stack trace.
 */
import { writeSync } from 'node:fs';
import { nodeTty } from '../node-builtins.js';

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

const NAMES = { 1: '标准输出', 2: '标准错误输出' } as const;

/** Descriptors whose reader has gone (EPIPE): nothing more is written to them. */
const gone = new Set<1 | 2>();

/** Output that could not be written (see above): dropped from now on, or the end of the run. */
function failed(fd: 1 | 2, error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') {
    gone.add(fd);
    return;
  }
  if (fd === 1) {
    const reason = REASONS[error.code ?? ''] ?? '写入失败';
    // If stderr fails too, nothing more can be said: the exit code tells.
    try {
      standardError(`无法写出${NAMES[fd]}：${reason}（${error.code ?? error.message}），输出不完整。\n`);
    } catch {
      // Ending anyway.
    }
  }
  process.exit(STREAM_FAILED_EXIT);
}

/** A descriptor's stream, once output has been handed to it, with the same handling of failures. */
const streams: { 1?: NodeJS.WriteStream; 2?: NodeJS.WriteStream } = {};

function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  let stream = streams[fd];
  if (!stream) {
    stream = streams[fd] = fd === 1 ? process.stdout : process.stderr;
    stream.on('error', (error: NodeJS.ErrnoException) => failed(fd, error));
  }
  return stream;
}

const WINDOWS = process.platform === 'win32';

function writeTo(fd: 1 | 2, text: string): void {
  if (gone.has(fd)) return;
  if (streams[fd] || WINDOWS) {
    streamOf(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') streamOf(fd).write(bytes.subarray(at));
    else failed(fd, error as NodeJS.ErrnoException);
  }
}

const standardError = (text: string) => writeTo(2, text);

/**
 * Ends the process with `code` when a command is done (bin/report.js, through main.ts). With all
 * output written straight to its descriptors, at once: left to end by itself, Node waits for V8's
 * work on other threads (optimizing compiles, marking) and takes the heap down, 10% of a validate
 * (19 ms, paired runs on a 2-core machine). Output a stream may still hold (Windows, a descriptor
 * that took no more for a while) is left to drain first.
 */
export function endProcess(code: number): void {
  if (streams[1] !== undefined || streams[2] !== undefined) process.exitCode = code;
  else process.exit(code);
}

/** Writers for standard output and error, and whether stderr is a terminal (asked only when colour is decided). */
export function standardStreams(): { stdout: (text: string) => void; stderr: (text: string) => void; readonly isTTY: boolean } {
  return {
    stdout: (text) => writeTo(1, text),
    stderr: standardError,
    get isTTY() {
      return nodeTty().isatty(2);
    },
  };
}
