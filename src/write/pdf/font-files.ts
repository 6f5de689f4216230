// The one place the PDF writer touches the disk: reading font folders and parts of font files.
// Everything it reads is a font, never the report's data or templates. (Behind an interface so that
// tests may fake the font folders.)
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';

export interface FontFiles {
  /** The names in a folder, or undefined when it cannot be read. */
  list(dir: string): string[] | undefined;
  isDirectory(path: string): boolean;
  /** Opens a file for reading parts of it; undefined when it cannot be opened. */
  open(file: string): { read(offset: number, length: number): Buffer; close(): void } | undefined;
}

export const diskFontFiles: FontFiles = {
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
  isDirectory(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  open(file) {
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch {
      return undefined;
    }
    return {
      read(offset, length) {
        const buffer = Buffer.alloc(length);
        return buffer.subarray(0, readSync(fd, buffer, 0, length, offset));
      },
      close: () => closeSync(fd),
    };
  },
};
