/**
 * The parse cache's bound (load/parse-cache.ts): the folder is pruned, oldest entries first, once
 * enough has been written since the last pruning, not on every run that writes an entry.
 */
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseCache } from '../../src/load/parse-cache.js';
import { tempDir } from '../helpers/fixture.js';

const LIMITS = { maxBytes: 4000, pruneAfter: 1500 };
const entries = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.json'));
const size = (folder: string) => entries(folder).reduce((n, f) => n + statSync(path.join(folder, f)).size, 0);

/** A run that keeps one entry of about 600 bytes, dated `n` seconds into 2020: the pruning removes the oldest first. */
function run(folder: string, n: number): void {
  const before = new Set(existsSync(folder) ? entries(folder) : []);
  const cache = new ParseCache(folder, { create: true, limits: LIMITS });
  cache.keep('test', `content ${n}`, { n, text: 'x'.repeat(500) });
  cache.save();
  const at = new Date(Date.UTC(2020, 0, 1, 0, 0, n));
  for (const name of entries(folder)) if (!before.has(name)) utimesSync(path.join(folder, name), at, at);
}

describe('the parse cache folder', () => {
  it('is pruned, oldest first, once enough was written since the last pruning', async () => {
    const folder = await tempDir('report-cache-prune-');
    const keptFor = (n: number) => new ParseCache(folder, { create: true, limits: LIMITS }).find('test', `content ${n}`, (d): d is { n: number } => (d as { n?: unknown } | null)?.n === n);
    let largest = 0;
    let pruned = 0;
    for (let n = 1; n <= 20; n++) {
      const before = entries(folder).length;
      run(folder, n);
      if (entries(folder).length <= before) pruned++;
      largest = Math.max(largest, size(folder));
    }
    // Over its bound by at most what is written between two prunings, and pruned now and then, not every run.
    expect(largest).toBeGreaterThan(LIMITS.maxBytes);
    expect(largest).toBeLessThanOrEqual(LIMITS.maxBytes + LIMITS.pruneAfter + 700);
    expect(pruned).toBeGreaterThan(0);
    expect(pruned).toBeLessThan(10);
    // The newest entries serve; the first ones are gone.
    expect(keptFor(20)).toBeDefined();
    expect(keptFor(1)).toBeUndefined();
    expect(existsSync(path.join(folder, 'written-since-pruned'))).toBe(true);
  });

  it('is pruned when the count of what was written cannot be read', async () => {
    const folder = await tempDir('report-cache-prune-');
    for (let n = 1; n <= 8; n++) run(folder, n);
    writeFileSync(path.join(folder, 'written-since-pruned'), 'junk');
    run(folder, 9);
    expect(size(folder)).toBeLessThanOrEqual(LIMITS.maxBytes);
  });

  it('counts what each run wrote by appending a line to its log, never rewriting it', async () => {
    const folder = await tempDir('report-cache-prune-');
    const log = path.join(folder, 'written-since-pruned');
    run(folder, 1); // a new folder: no log yet, so a pruning, after which the log starts empty
    expect(readFileSync(log, 'utf8')).toBe('');
    const inode = statSync(log).ino;
    run(folder, 2);
    run(folder, 3);
    const lines = readFileSync(log, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(Number(line)).toBeGreaterThan(500);
    // Appended to in place: the same file, not one written anew.
    expect(statSync(log).ino).toBe(inode);
  });

  it('is pruned when its log has grown past its bound in lines', async () => {
    const folder = await tempDir('report-cache-prune-');
    for (let n = 1; n <= 8; n++) run(folder, n);
    expect(size(folder)).toBeGreaterThan(LIMITS.maxBytes);
    writeFileSync(path.join(folder, 'written-since-pruned'), '0\n'.repeat(4097));
    run(folder, 9);
    expect(size(folder)).toBeLessThanOrEqual(LIMITS.maxBytes);
    expect(readFileSync(path.join(folder, 'written-since-pruned'), 'utf8')).toBe('');
  });
});
