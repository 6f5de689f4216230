// The journal of what a run looked at (src/cache/journal.ts), on which replaying a run rests.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeJournal, listInput, observe, openJournal, readInput, statInput } from '../../src/cache/journal.js';
import { ROOT, tempDir } from '../helpers/fixture.js';

describe('the journal', () => {
  it('notes each look once, missing paths and failures included, and observe sees the same', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, 'a: 1\n');
    mkdirSync(path.join(dir, 'sub'));
    openJournal();
    expect(readInput(file).toString()).toBe('a: 1\n');
    readInput(file);
    expect(statInput(path.join(dir, 'sub'))).toEqual({ kind: 'folder', size: 0 });
    expect(statInput(path.join(dir, 'none.yaml'))).toEqual({ kind: 'missing', size: 0 });
    expect(listInput(dir).map((e) => e.name).sort()).toEqual(['a.yaml', 'sub']);
    expect(() => readInput(path.join(dir, 'sub'))).toThrow();
    const seen = closeJournal()!;
    expect(seen.map(([look, where]) => [look, path.basename(where)])).toEqual([
      ['read', 'a.yaml'],
      ['stat', 'sub'],
      ['stat', 'none.yaml'],
      ['list', path.basename(dir)],
      ['read', 'sub'],
    ]);
    expect(seen.find(([look]) => look === 'list')![2]).toBe('["a.yaml","sub/"]');
    expect(seen.at(-1)![2]).toBe('!EISDIR');
    for (const [look, where, what] of seen) expect(observe(look, where)).toBe(what);

    writeFileSync(file, 'a: 2\n');
    writeFileSync(path.join(dir, 'none.yaml'), '');
    expect(observe('read', file)).not.toBe(seen[0]![2]);
    expect(observe('stat', path.join(dir, 'none.yaml'))).toBe('file:0');
    expect(observe('list', dir)).not.toBe(seen[3]![2]);
  });

  /** A file `a.yaml` holding `a: 1` in a new folder. */
  async function aFile(): Promise<string> {
    const file = path.join(await tempDir(), 'a.yaml');
    writeFileSync(file, 'a: 1\n');
    return file;
  }

  it('leaves out the stat of a file it read whole, and notes nothing while closed', async () => {
    const file = await aFile();
    openJournal();
    statInput(file);
    readInput(file);
    expect(closeJournal()!.map(([look]) => look)).toEqual(['read']);
    readInput(file);
    openJournal();
    expect(closeJournal()).toEqual([]);
  });

  it('has nothing to give when a file changed between two reads of one run', async () => {
    const file = await aFile();
    openJournal();
    readInput(file);
    writeFileSync(file, 'a: 2\n');
    readInput(file);
    expect(closeJournal()).toBeUndefined();
  });
});

describe('reads of data and templates', () => {
  // Replaying is safe only if the journal sees every input: modules of the commands that are
  // replayed (validate, build) read through it. The others listed here write outputs, keep the
  // cache, or belong to commands that are never replayed.
  const ALLOWED = new Set([
    'cache/journal.ts',
    'cache/store.ts',
    'cache/replay.ts',
    'write/atomic.ts',
    'write/output-lock.ts',
    'watch.ts',
    'preview/server.ts',
    'scaffold/init.ts',
    'templates/manage.ts',
    'cli/commands/templates.ts',
  ]);

  it('go through the journal', () => {
    const src = path.join(ROOT, 'src');
    const offenders = (readdirSync(src, { recursive: true }) as string[])
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => f.endsWith('.ts') && !ALLOWED.has(f))
      .filter((f) => /['"]node:fs(\/promises)?['"]|['"]fs(\/promises)?['"]/.test(readFileSync(path.join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
