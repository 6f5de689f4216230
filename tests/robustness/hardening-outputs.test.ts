/**
 * A build's outputs as one set (write/atomic.ts), with real processes: several writers into the
 * same folder at once, and writers killed (SIGKILL) at random moments. Every set on disk must be
 * whole at every moment, the folder's other files must stay, and after the next write no lock,
 * half-written set or temporary file may remain. The states a kill can leave are also made by
 * hand, one by one, to check that the next write recovers from each.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { leftoversOf, OutputLockedError, writeOutputSet, type SetFile } from '../../src/write/atomic.js';
import { ROOT, tempDir } from '../helpers/fixture.js';

const NAMES = ['report.md', 'report.docx', 'report.html'];

/** A set whose every file starts with `mark` (the docx padded, so that writing it takes a while). */
function set(mark: string, padding = 0): SetFile[] {
  return [
    { name: 'report.md', content: `${mark}\n# 报告\n` },
    { name: 'report.docx', content: Buffer.concat([Buffer.from(`${mark}\n`), Buffer.alloc(padding, 0x50)]) },
    { name: 'report.html', content: `${mark}\n<p>报告</p>\n` },
  ];
}

const markOf = (file: string) => readFileSync(file, 'latin1').split('\n', 1)[0]!;

/** The folder's identity: a folder swapped in is another folder, even if its inode number is reused. */
function identity(folder: string): string {
  const s = statSync(folder);
  return `${s.ino}:${s.birthtimeMs}`;
}

/**
 * The marks of the set in `folder` as one reader sees it: read, and then checked that the folder
 * was not swapped meanwhile (a folder's set files never change in place). `absent` only between
 * the two renames of a swap; `swapped` when the reading raced a swap and proves nothing.
 */
function readSet(folder: string): string[] | 'absent' | 'swapped' {
  let before: string;
  try {
    before = identity(folder);
  } catch {
    return 'absent';
  }
  let marks: string[];
  try {
    marks = NAMES.map((name) => markOf(path.join(folder, name)));
  } catch {
    return 'swapped';
  }
  try {
    return identity(folder) === before ? marks : 'swapped';
  } catch {
    return 'swapped';
  }
}

/** A whole set: all three files, one mark. */
const whole = (marks: string[]) => marks.length === NAMES.length && marks.every((m) => m === marks[0]);

let writer: string;
beforeAll(async () => {
  // The writer is bundled once, so that each process starts in milliseconds.
  const work = await tempDir('report-writer-');
  const atomic = path.join(work, 'atomic.mjs');
  buildSync({ entryPoints: [path.join(ROOT, 'src', 'write', 'atomic.ts')], outfile: atomic, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
  writer = path.join(work, 'writer.mjs');
  await writeFile(
    writer,
    `import { writeOutputSet } from ${JSON.stringify(atomic)};
const [folder, tag, count, padding] = process.argv.slice(2);
const pad = Buffer.alloc(Number(padding), 0x50);
for (let i = 0; count === 'forever' || i < Number(count); i++) {
  const mark = tag + '-' + i;
  await writeOutputSet(folder, [
    { name: 'report.md', content: mark + '\\n# 报告\\n' },
    { name: 'report.docx', content: Buffer.concat([Buffer.from(mark + '\\n'), pad]) },
    { name: 'report.html', content: mark + '\\n<p>报告</p>\\n' },
  ], { waitMs: 120000 });
  process.stdout.write(mark + '\\n');
}
`,
  );
});

/** A writer process; `wrote` resolves with its first mark once it has written a set. */
function startWriter(folder: string, tag: string, count: number | 'forever', padding: number) {
  const child = spawn(process.execPath, [writer, folder, tag, String(count), String(padding)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
  const wrote = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, wrote, done };
}

async function outputFolder(): Promise<{ out: string; folder: string }> {
  const out = await tempDir('report-set-');
  const folder = path.join(out, '2023');
  await mkdir(folder);
  for (const file of set('earlier')) await writeFile(path.join(folder, file.name), file.content);
  // Not ours: must stay, content and all.
  await writeFile(path.join(folder, '备注.txt'), '编辑的备注\n');
  await mkdir(path.join(folder, '附件'));
  await writeFile(path.join(folder, '附件', '图.png'), 'png');
  return { out, folder };
}

async function expectOthersKept(folder: string): Promise<void> {
  expect(await readFile(path.join(folder, '备注.txt'), 'utf8')).toBe('编辑的备注\n');
  expect(await readFile(path.join(folder, '附件', '图.png'), 'utf8')).toBe('png');
}

describe('writers at the same time', () => {
  it('leave one whole set, every set a reader sees is whole, and nothing behind', async () => {
    const { folder } = await outputFolder();
    const writers = ['a', 'b', 'c', 'd'].map((tag) => startWriter(folder, tag, 12, 300_000));
    let running = true;
    const seen = { whole: 0, mixed: [] as string[][] };
    const reading = (async () => {
      while (running) {
        const marks = readSet(folder);
        if (Array.isArray(marks)) {
          if (whole(marks)) seen.whole++;
          else seen.mixed.push(marks);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const results = await Promise.all(writers.map((w) => w.done));
    running = false;
    await reading;
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0, signal: null });
    expect(seen.mixed).toEqual([]);
    expect(seen.whole).toBeGreaterThan(0);
    const final = readSet(folder);
    expect(Array.isArray(final) && whole(final) && /^[abcd]-11$/.test(final[0]!), String(final)).toBe(true);
    await expectOthersKept(folder);
    expect(leftoversOf(folder)).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual([...NAMES, '备注.txt', '附件'].sort());
  }, 120_000);
});

describe('writers killed at random moments', () => {
  it('leave whole sets only, and the next write removes every leftover', async () => {
    const { folder } = await outputFolder();
    let seed = 20240521;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const states = { absent: 0, whole: 0, leftovers: 0 };
    for (let round = 0; round < 40; round++) {
      const w = startWriter(folder, `k${round}`, 'forever', 1_000_000 + Math.floor(random() * 3_000_000));
      await w.wrote;
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 40)));
      w.child.kill('SIGKILL');
      expect((await w.done).signal).toBe('SIGKILL');
      const marks = readSet(folder);
      if (marks === 'absent') states.absent++;
      else {
        expect(marks, `round ${round}`).not.toBe('swapped');
        expect(whole(marks as string[]), `round ${round}: ${String(marks)}`).toBe(true);
        states.whole++;
      }
      if (leftoversOf(folder).length > 0) states.leftovers++;
    }
    // The next write: whole, nothing left beside it, the other files back in place.
    await writeOutputSet(folder, set('after'));
    expect(readSet(folder)).toEqual(['after', 'after', 'after']);
    expect(leftoversOf(folder)).toEqual([]);
    await expectOthersKept(folder);
    expect(readdirSync(folder).sort()).toEqual([...NAMES, '备注.txt', '附件'].sort());
    console.log(`40 writers killed: ${states.whole} left a whole set in place, ${states.absent} between the two renames of a swap, ${states.leftovers} left a lock or folder beside it`);
    expect(states.leftovers).toBeGreaterThan(0);
  }, 180_000);
});

describe('what a kill leaves, made by hand: the next write recovers', () => {
  /** A dead process's lock: the pid of a process that has ended. */
  function deadLock(lock: string): void {
    const pid = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(lock, JSON.stringify({ pid, host: hostname(), since: Date.now(), id: 'dead' }));
  }

  function writeSetTo(dir: string, mark: string): void {
    mkdirSync(dir, { recursive: true });
    for (const file of set(mark)) writeFileSync(path.join(dir, file.name), file.content);
  }

  it('a set half written, under a dead process’s lock: removed, the earlier set kept until replaced', async () => {
    const { out, folder } = await outputFolder();
    deadLock(path.join(out, '.2023.report-lock'));
    mkdirSync(path.join(out, '.2023.report-new-1-aa'));
    writeFileSync(path.join(out, '.2023.report-new-1-aa', 'report.md'), 'half');
    writeFileSync(path.join(folder, '.report.md.0123456789ab.tmp'), 'temporary of the per-file writer');
    await writeOutputSet(folder, set('next'));
    expect(readSet(folder)).toEqual(['next', 'next', 'next']);
    expect(leftoversOf(folder)).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual([...NAMES, '备注.txt', '附件'].sort());
  });

  it('a complete set not yet swapped in, some other files already carried into it: swapped in first', async () => {
    const { out, folder } = await outputFolder();
    deadLock(path.join(out, '.2023.report-lock'));
    const ready = path.join(out, '.2023.report-ready-1-bb');
    writeSetTo(ready, 'killed');
    // Killed while carrying the other files over: one moved, one not yet.
    writeFileSync(path.join(ready, '备注.txt'), readFileSync(path.join(folder, '备注.txt')));
    rmSync(path.join(folder, '备注.txt'));
    await writeOutputSet(folder, set('next'));
    expect(readSet(folder)).toEqual(['next', 'next', 'next']);
    await expectOthersKept(folder);
    expect(leftoversOf(folder)).toEqual([]);
  });

  it('a complete set, killed between the two renames of the swap: put in place', async () => {
    const { out, folder } = await outputFolder();
    const ready = path.join(out, '.2023.report-ready-1-cc');
    const old = path.join(out, '.2023.report-old-1-cc');
    writeSetTo(ready, 'killed');
    for (const other of ['备注.txt', '附件']) renameSync(path.join(folder, other), path.join(ready, other));
    renameSync(folder, old);
    deadLock(path.join(out, '.2023.report-lock'));
    // A write into the same folder recovers first: the killed set goes in place, then this one replaces it.
    await writeOutputSet(folder, set('next'));
    expect(readSet(folder)).toEqual(['next', 'next', 'next']);
    await expectOthersKept(folder);
    expect(leftoversOf(folder)).toEqual([]);
    expect(existsSync(old)).toBe(false);
  });

  it('a previous folder swapped out whose new set is gone: put back', async () => {
    const { out, folder } = await outputFolder();
    const old = path.join(out, '.2023.report-old-1-dd');
    renameSync(folder, old);
    // The earlier folder comes back (with the other files, found only there), then the new set replaces its set.
    await writeOutputSet(folder, set('next'));
    expect(readSet(folder)).toEqual(['next', 'next', 'next']);
    await expectOthersKept(folder);
    expect(leftoversOf(folder)).toEqual([]);
  });
});

describe('the lock', () => {
  it('of a live process is waited for, then refused with the holder named; nothing is written', async () => {
    const { out, folder } = await outputFolder();
    const lock = path.join(out, '.2023.report-lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), since: Date.now(), id: 'other' }));
    const refused = await writeOutputSet(folder, set('late'), { waitMs: 300 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OutputLockedError);
    expect(refused).toMatchObject({ path: folder, lockFile: lock, holder: { pid: process.pid } });
    expect(readSet(folder)).toEqual(['earlier', 'earlier', 'earlier']);
    expect(readFileSync(lock, 'utf8')).toContain('"other"');
  });

  it('of another machine is honoured until it is old, an unreadable one until its writer must have died', async () => {
    const { out, folder } = await outputFolder();
    const lock = path.join(out, '.2023.report-lock');
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'another-machine', since: Date.now(), id: 'far' }));
    await expect(writeOutputSet(folder, set('late'), { waitMs: 200 })).rejects.toBeInstanceOf(OutputLockedError);
    const longAgo = new Date(Date.now() - 11 * 60_000);
    utimesSync(lock, longAgo, longAgo);
    await writeOutputSet(folder, set('now'));
    writeFileSync(lock, '');
    await expect(writeOutputSet(folder, set('late'), { waitMs: 200 })).rejects.toBeInstanceOf(OutputLockedError);
    utimesSync(lock, longAgo, longAgo);
    await writeOutputSet(folder, set('later'));
    expect(readSet(folder)).toEqual(['later', 'later', 'later']);
    expect(leftoversOf(folder)).toEqual([]);
  });
});

describe('the folder itself', () => {
  it('keeps its permissions, and a link to it stays a link', async () => {
    const { out, folder } = await outputFolder();
    await chmod(folder, 0o750);
    await writeOutputSet(folder, set('one'));
    expect((await stat(folder)).mode & 0o777).toBe(0o750);
    const link = path.join(out, 'latest');
    symlinkSync(folder, link);
    await writeOutputSet(link, set('two'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readSet(folder)).toEqual(['two', 'two', 'two']);
  });
});
