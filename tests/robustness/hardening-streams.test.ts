/**
 * Standard output that cannot be written (cli/pipes.ts), in a real process: `>/dev/full` was an
 * uncaught ENOSPC with a stack trace; a reader that stops early must still end the run quietly;
 * a descriptor that takes no more for now must lose nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/fixture.js';

let script: string;
let nonBlocking: string;
const LINE = '名称  2023年  2022年  变化\n';
beforeAll(async () => {
  const work = await tempDir('report-pipes-');
  const pipes = path.join(work, 'pipes.mjs');
  buildSync({ entryPoints: [path.join(ROOT, 'src', 'cli', 'pipes.ts')], outfile: pipes, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
  // What a command does: installs the handling (as main.ts does), then writes its output, with its own exit code.
  script = path.join(work, 'writes.mjs');
  // The exit code is settled after the output, as a command's is (validate finds problems, prints them, then ends with 1).
  await writeFile(script, `import { standardStreams } from ${JSON.stringify(pipes)};\nconst io = standardStreams();\nfor (let i = 0; i < 2000; i++) io.stdout(${JSON.stringify(LINE)});\nprocess.exitCode = 1;\n`);
  // Once process.stdout has been made (here by asking its width), Node has set a pipe non-blocking:
  // a write to a full pipe then fails with EAGAIN instead of waiting.
  nonBlocking = path.join(work, 'non-blocking.mjs');
  // Ended as bin/report.js ends a run: the output a stream holds drains before the process ends.
  await writeFile(nonBlocking, `import { endProcess, standardStreams } from ${JSON.stringify(pipes)};\nvoid process.stdout.columns;\nconst io = standardStreams();\nfor (let i = 0; i < 20000; i++) io.stdout(i + ' ' + ${JSON.stringify(LINE)});\nio.stderr('完成\\n');\nendProcess(3);\n`);
});

function run(stdout: number | 'pipe', stderr: number | 'pipe' = 'pipe') {
  const child = spawn(process.execPath, [script], { stdio: ['ignore', stdout, stderr] });
  let err = '';
  child.stderr?.on('data', (b: Buffer) => void (err += b.toString()));
  return { child, done: new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr: err }))) };
}

describe('standard output that cannot be written', () => {
  it.runIf(existsSync('/dev/full'))('a full disk (/dev/full): exit code 2 and one Chinese line, no stack trace', async () => {
    const full = openSync('/dev/full', 'w');
    const { done } = run(full);
    closeSync(full);
    const result = await done;
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('无法写出标准输出：磁盘空间已满（ENOSPC），输出不完整。\n');
  });

  it.runIf(existsSync('/dev/full'))('stderr full as well: exit code 2, nothing else to be done', async () => {
    const full = openSync('/dev/full', 'w');
    const { done } = run(full, full);
    closeSync(full);
    expect((await done).code).toBe(2);
  });

  it('a pipe that is full for a while: everything arrives, in order', async () => {
    const child = spawn(process.execPath, [nonBlocking], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let err = '';
    child.stderr.on('data', (b: Buffer) => void (err += b.toString()));
    // Nothing is read for a while: the pipe fills and the writes wait for the reader.
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 300);
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(3);
    expect(err).toBe('完成\n');
    const expected = Array.from({ length: 20000 }, (_, i) => `${i} ${LINE}`).join('');
    expect(Buffer.concat(chunks).toString('utf8') === expected).toBe(true);
  });

  it('ended at once when everything went straight to the descriptors, with its exit code and all its output', async () => {
    const direct = path.join(path.dirname(script), 'direct.mjs');
    await writeFile(direct, `import { endProcess, standardStreams } from ${JSON.stringify(path.join(path.dirname(script), 'pipes.mjs'))};\nconst io = standardStreams();\nfor (let i = 0; i < 2000; i++) io.stdout(${JSON.stringify(LINE)});\nio.stderr('完成\\n');\n// Work left on the event loop is not waited for.\nsetTimeout(() => io.stderr('不该出现\\n'), 5000);\nendProcess(4);\n`);
    const child = spawn(process.execPath, [direct], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => void (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => void (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(4);
    expect(out).toBe(LINE.repeat(2000));
    // Not 不该出现: the timer's line would have come had the process waited for it.
    expect(err).toBe('完成\n');
  });

  it('a reader that stops early: the run ends quietly with its own exit code', async () => {
    const { child, done } = run('pipe');
    child.stdout!.once('data', () => child.stdout!.destroy());
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });
});
