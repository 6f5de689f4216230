/**
 * A file that could not be read, told to users: apart from the reading itself (files.ts), which
 * the command line uses before any message is made.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { megabytes, type readRegularFile } from './files.js';
import { MAX_DATA_FILE_BYTES } from './nesting.js';

/** A file that could not be read, as a diagnostic naming it; a size is told against the limit of its kind of file. */
export function readProblem(read: Extract<ReturnType<typeof readRegularFile>, { ok: false }>, display: string, kind: 'data' | 'sheet' | 'template' = 'data'): Diagnostic {
  switch (read.reason) {
    case 'link':
      return diagnostic('linkNotFollowed', { what: '数据文件' }, { file: display });
    case 'not-file':
      return diagnostic('notRegularFile', {}, { file: display });
    case 'too-large': {
      const sizes = { size: megabytes(read.size ?? 0), max: megabytes(read.max ?? MAX_DATA_FILE_BYTES) };
      if (kind === 'sheet') return diagnostic('sheetTooLarge', sizes, { file: display });
      if (kind === 'template') return diagnostic('templateFileTooLarge', sizes, { file: display });
      return diagnostic('fileTooLarge', sizes, { file: display, line: 1, column: 1 });
    }
    default:
      return diagnostic('fileUnreadable', { detail: readErrorWords(read.detail) }, { file: display });
  }
}

/** What the system's error codes for a failed read mean, in words; an unknown code is shown as the system gave it. */
const READ_ERRORS: Record<string, string> = {
  EACCES: '没有读取权限',
  EPERM: '不允许读取这个文件',
  ENOENT: '文件不存在（可能刚被移走或删除）',
  EISDIR: '这是一个文件夹',
  EIO: '读取时磁盘或网络驱动器出错',
  EBUSY: '文件正被其他程序占用',
  EMFILE: '同时打开的文件太多',
  ENFILE: '同时打开的文件太多',
  ETIMEDOUT: '读取网络驱动器上的文件超时',
};

function readErrorWords(code: string | undefined): string {
  if (code === undefined) return '原因不明';
  return READ_ERRORS[code] ?? `系统错误 ${code}`;
}

