/**
 * Standard output that cannot be written (cli/pipes.ts), in a real process: `>/dev/full` was an
 * uncaught ENOSPC with a stack trace; a reader that stops early must still end the run quietly.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/fixture.js';

let script: string;
beforeAll(async () => {
  const work = await tempDir('report-pipes-');
  const pipes = path.join(work, 'pipes.mjs');
  buildSync({ entryPoints: [path.join(ROOT, 'src', 'cli', 'pipes.ts')], outfile: pipes, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent' });
  // What a command does: installs the handling (as main.ts does), then writes its output, with its own exit code.
  script = path.join(work, 'writes.mjs');
  await writeFile(script, `import { handleStreamErrors } from ${JSON.stringify(pipes)};\nhandleStreamErrors();\nprocess.exitCode = 1;\nfor (let i = 0; i < 2000; i++) process.stdout.write('名称  2023年  2022年  变化\\n');\n`);
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

  it('a reader that stops early: the run ends quietly with its own exit code', async () => {
    const { child, done } = run('pipe');
    child.stdout!.once('data', () => child.stdout!.destroy());
    const result = await done;
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });
});
