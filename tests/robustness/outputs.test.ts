/**
 * Outputs: an output folder that cannot be written gives a clear error (exit 2); a build that
 * fails or is interrupted (SIGINT) half-way leaves the earlier outputs byte-identical and no
 * temporary file behind. The failures run in-process; the interruptions need a real process,
 * since Ctrl-C ends it.
 *
 * Running as root, chmod does not stop writes; what does: a regular file where a folder should
 * be, /sys (read-only), /proc (mkdir fails with ENOENT), and a read-only bind mount where
 * mounting is allowed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generate-sample-data.js';
import { BIN } from '../helpers/cli.js';
import { copyFixture, DATA, tempDir, withBindMount } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';
import { snapshot } from './oracle.js';

const OLD = { 'report.md': Buffer.from('# 旧的报告\n'), 'report.docx': Buffer.from('PK old docx bytes') };

/** An output folder holding earlier outputs (recognisable bytes). */
async function outWithEarlierOutputs(): Promise<string> {
  const out = await tempDir('report-out-');
  await mkdir(path.join(out, '2023'));
  for (const [name, bytes] of Object.entries(OLD)) await writeFile(path.join(out, '2023', name), bytes);
  return out;
}

async function expectEarlierOutputsKept(out: string): Promise<void> {
  const after = await snapshot(path.join(out, '2023'));
  expect([...after.keys()].sort()).toEqual(Object.keys(OLD).sort());
  for (const [name, bytes] of Object.entries(OLD)) expect(after.get(name)?.equals(bytes), name).toBe(true);
}

/** Temporary files in the output folder, and the write's lock and folders beside it (write/atomic.ts). */
async function temporaryFiles(out: string): Promise<string[]> {
  const inside = (await readdir(path.join(out, '2023')).catch(() => [] as string[])).filter((f) => f.endsWith('.tmp'));
  const beside = (await readdir(out).catch(() => [] as string[])).filter((f) => f.startsWith('.2023.'));
  return [...inside, ...beside];
}

let data: string;
let work: string;
beforeAll(async () => {
  data = await copyFixture('minimal');
  work = await tempDir('report-outputs-');
});

describe('an output folder that cannot be written', () => {
  it.each([
    ['a regular file in the place of the folder', () => path.join(work, 'a-file'), /无法写入“.*a-file”：这是一个文件，不是文件夹（ENOTDIR）/],
    ['a folder below a regular file', () => path.join(work, 'a-file', 'below'), /无法写入“.*a-file”：这是一个文件，不是文件夹（ENOTDIR）/],
    ['a folder under /sys (read-only)', () => '/sys/report-out', /无法写入“\/sys\/report-out”：.*（E(PERM|ACCES|ROFS)）/],
    // mkdir -p under /proc never returned (Node retries ENOENT forever): the build hung.
    ['a folder under /proc', () => '/proc/report-out', /无法写入“\/proc\/report-out”：.*（ENOENT）/],
  ])('%s: exit code 2 and a clear error', async (_what, out, message) => {
    await writeFile(path.join(work, 'a-file'), 'not a folder');
    const result = await report(['build', '2023', '--data', data, '--out', out()], { cwd: work });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('RPT601');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误/);
  });

  it('a read-only mount: exit code 2, earlier outputs kept (skipped where mounting is not allowed)', async (context) => {
    const out = await outWithEarlierOutputs();
    await withBindMount(out, () => context.skip(), async () => {
      execFileSync('mount', ['-o', 'remount,bind,ro', out, out], { stdio: 'ignore' });
      const result = await report(['build', '2023', '--data', data, '--out', out], { cwd: work });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/无法写入“.*”：这个位置是只读的（EROFS）/);
      await expectEarlierOutputsKept(out);
    });
  });
});

describe('a build that fails half-way', () => {
  it('keeps the earlier outputs when the data has errors', async () => {
    const broken = await copyFixture('minimal');
    await writeFile(path.join(broken, '2023', 'extra.yaml'), 'proposals: [{id: 坏}]\n');
    const out = await outWithEarlierOutputs();
    const result = await report(['build', '2023', '--data', broken, '--out', out], { cwd: work });
    expect(result.code).toBe(1);
    await expectEarlierOutputsKept(out);
    expect(await temporaryFiles(out)).toEqual([]);
  });

  it('keeps both earlier outputs when the layout for the Word document is wrong', async () => {
    const badLayout = await copyFixture('minimal');
    await writeFile(path.join(badLayout, 'layout.yaml'), 'page:\n  marginsMm:\n    top: 太宽\n');
    const out = await outWithEarlierOutputs();
    const result = await report(['build', '2023', '--data', badLayout, '--out', out], { cwd: work });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/layout\.yaml:3:\d+ 错误/);
    await expectEarlierOutputsKept(out);
  });

  it('replaces nothing when one output cannot be written (a folder where report.docx goes)', async () => {
    // Before: report.md was renamed into place, then report.docx failed, leaving a mixed pair.
    const out = await outWithEarlierOutputs();
    await rm(path.join(out, '2023', 'report.docx'));
    await mkdir(path.join(out, '2023', 'report.docx'));
    const result = await report(['build', '2023', '--data', data, '--out', out], { cwd: work });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/无法写入“.*report\.docx”：那里已经有一个同名的文件夹（EISDIR）/);
    expect((await readFile(path.join(out, '2023', 'report.md'))).equals(OLD['report.md'])).toBe(true);
    expect(await temporaryFiles(out)).toEqual([]);
  });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

describe('a build of the real process interrupted by SIGINT', () => {
  let national: string;
  beforeAll(async () => {
    // The sample data at national scale (6,000 proposals, 50,000 information items): a build long enough to interrupt.
    national = path.join(await tempDir('report-national-'), 'data');
    const log = console.log;
    console.log = () => {};
    try {
      await generate({ scale: 'national', out: national });
    } finally {
      console.log = log;
    }
    for (const year of ['2022', '2023']) await copyFile(path.join(DATA, year, 'narrative.md'), path.join(national, year, 'narrative.md'));
  });

  afterAll(async () => {
    await rm(path.dirname(national), { recursive: true, force: true });
  });

  /** Spawns a build; `interrupt` decides when to signal it. */
  function build(dataDir: string, out: string, interrupt: (child: ReturnType<typeof spawn>) => void): Promise<Run> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, 'build', '2023', '--data', dataDir, '--out', out], { cwd: work, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
      interrupt(child);
    });
  }

  it('half-way through a national-scale build: earlier outputs byte-identical, no temporary files', async () => {
    const out = await outWithEarlierOutputs();
    // Interrupted once the command has started (its first words would be an error or the result).
    const result = await build(national, out, (child) => setTimeout(() => child.kill('SIGINT'), 600));
    expect(result.signal, result.stderr).toBe('SIGINT');
    // On a busy machine the signal may come before the CLI has started its command: Node's
    // default handling then ends it, without the message, which is as good.
    if (result.stderr) expect(result.stderr).toContain('已中断（SIGINT）');
    await expectEarlierOutputsKept(out);
    expect(await temporaryFiles(out)).toEqual([]);
  });

  it('while the outputs are being written: the temporary files go, and the outputs are all old or all new', async () => {
    // The moment the folder of the new outputs appears beside the output folder, the build is stopped (SIGSTOP), interrupted and resumed.
    let caughtWriting = 0;
    let attempts = 0;
    for (; attempts < 6 && caughtWriting === 0; attempts++) {
      const out = await outWithEarlierOutputs();
      let sawTemps: string[] = [];
      const result = await build(data, out, (child) => {
        const watcher = watch(out, (_event, name) => {
          if (!name?.toString().startsWith('.2023.report-new-') || sawTemps.length > 0) return;
          child.kill('SIGSTOP');
          void temporaryFiles(out).then((temps) => {
            sawTemps = temps.length > 0 ? temps : ['(gone already)'];
            child.kill('SIGINT');
            child.kill('SIGCONT');
            watcher.close();
          });
        });
        child.on('close', () => watcher.close());
      });
      expect(await temporaryFiles(out)).toEqual([]);
      const after = await snapshot(path.join(out, '2023'));
      const allNew = after.get('report.md')?.equals(OLD['report.md']) === false && after.get('report.docx')?.equals(OLD['report.docx']) === false;
      if (result.signal === 'SIGINT' && !allNew) {
        await expectEarlierOutputsKept(out);
        if (sawTemps.length > 0 && sawTemps[0] !== '(gone already)') caughtWriting++;
      } else if (result.signal === 'SIGINT') {
        // The signal came after the new set was put in place (while the parse cache was saved, or on
        // the way out): the outputs are all new, which is as good as all old.
        expect([...after.keys()].sort()).toEqual(Object.keys(OLD).sort());
      } else {
        // Too late to interrupt: the build finished, and both outputs are the new ones.
        expect(result.code, result.stderr).toBe(0);
        expect(after.get('report.md')?.equals(OLD['report.md'])).toBe(false);
        expect(after.get('report.docx')?.equals(OLD['report.docx'])).toBe(false);
      }
    }
    console.log(`SIGINT while writing: caught with temporary files written after ${attempts} attempt(s)`);
    expect(caughtWriting, 'no attempt caught the build with its temporary files written').toBeGreaterThan(0);
  });
});
