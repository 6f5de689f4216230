// The one place the PDF writer touches the disk: reading font folders and parts of font files
// (a file's faces and their table directories: eachFace).
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

export type Reader = (offset: number, length: number) => Buffer;

/** One face of a font file: its bytes, and where each of its tables is (by tag: 'cmap', 'name'). */
export interface FontFace {
  read: Reader;
  table(tag: string): { offset: number; length: number } | undefined;
}

/** `each` over the faces of a font file (a .ttc holds several), what it gives kept; empty when the file cannot be read as a font. */
export function eachFace<T>(file: string, files: FontFiles, each: (face: FontFace) => T | undefined): T[] {
  const handle = files.open(file);
  if (!handle) return [];
  const read: Reader = (offset, length) => handle.read(offset, length);
  try {
    const head = read(0, 12);
    if (head.length < 12) return [];
    const offsets = [0];
    if (head.toString('latin1', 0, 4) === 'ttcf') {
      const table = read(12, Math.min(head.readUInt32BE(8), 64) * 4);
      offsets.length = 0;
      for (let i = 0; i + 4 <= table.length; i += 4) offsets.push(table.readUInt32BE(i));
    }
    return offsets.flatMap((offset) => {
      const face = openFace(read, offset);
      const found = face ? each(face) : undefined;
      return found === undefined ? [] : [found];
    });
  } catch {
    return [];
  } finally {
    handle.close();
  }
}

function openFace(read: Reader, offset: number): FontFace | undefined {
  const header = read(offset, 12);
  if (header.length < 12) return undefined;
  const directory = read(offset + 12, header.readUInt16BE(4) * 16);
  return {
    read,
    table(tag) {
      let found: { offset: number; length: number } | undefined;
      for (let i = 0; i + 16 <= directory.length; i += 16) {
        if (directory.toString('latin1', i, i + 4) === tag) found ??= { offset: directory.readUInt32BE(i + 8), length: directory.readUInt32BE(i + 12) };
      }
      return found;
    },
  };
}
