/**
 * Atomic file output: each file is written beside its target under a temporary name and then
 * renamed over it, so a reader (or a failed build) never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface OutputFile {
  /** Absolute path. */
  path: string;
  content: string | Uint8Array;
}

export async function writeAtomic(file: OutputFile): Promise<void> {
  await mkdir(path.dirname(file.path), { recursive: true });
  const temp = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(file.content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file.path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes all files only after every one of them has been produced in memory; each replaces
 * its predecessor atomically.
 */
export async function writeAll(files: readonly OutputFile[]): Promise<void> {
  for (const file of files) await writeAtomic(file);
}
