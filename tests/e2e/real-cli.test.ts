/**
 * The real command line, bin/report.js on the bundle, as a user runs it: the few things only a
 * separate process shows — the bundle builds what the sources build, exit statuses, Ctrl-C
 * delivered as a signal, and another time zone, locale and working folder giving the same bytes.
 * Everything else drives `main` in-process (tests/cli/).
 */
import { spawn } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { docxPart, docxText } from '../helpers/docx.js';
import { copyFixture, DATA, edit, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const FILES = ['report.md', 'report.docx', 'report.html'];

/** The bundled data built in-process, the reference the real CLI's outputs are compared with. */
let reference: Map<string, Buffer>;
beforeAll(async () => {
  const out = await tempDir();
  const run = await report(['build', '2023', '--data', DATA, '--out', out, '--format', 'md,docx,html']);
  expect(run.code, run.stderr).toBe(0);
  reference = new Map(await Promise.all(FILES.map(async (f) => [f, await readFile(path.join(out, '2023', f))] as const)));
});

describe('bin/report.js', () => {
  it('builds the bundled data: a Word document whose XML holds the report, identical to the in-process build', async () => {
    const cwd = await tempDir('report-real-');
    await cp(DATA, path.join(cwd, 'data'), { recursive: true });
    const run = await runCli(['build', '2023', '--format', 'md,docx,html'], { cwd });
    expect(run.stderr).toBe('已生成：out/2023/report.md、out/2023/report.docx、out/2023/report.html\n');
    expect(run.code).toBe(0);
    const docx = await readFile(path.join(cwd, 'out', '2023', 'report.docx'));
    expect(docx.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const xml = docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8" standalone="yes"\?>\s*<w:document /);
    const text = docxText(docx);
    expect(text).toContain('中国人民政治协商会议江北省云州市第十届委员会常务委员会工作报告');
    expect(text).toContain('共收到提案232件，比上年增长11.5%，其中会议期间收到217件');
    expect(text).not.toMatch(/\{\.|\*\*|undefined|NaN/);
    expect(docxPart(docx, 'docProps/core.xml')).toContain('中国人民政治协商会议江北省云州市委员会');
    for (const f of FILES) expect((await readFile(path.join(cwd, 'out', '2023', f))).equals(reference.get(f)!), f).toBe(true);
  });

  it('exits 1 on a data error, naming it with its place, and writes nothing', async () => {
    const data = await copyFixture('minimal');
    await edit(path.join(data, '2023', 'proposals.yaml'), 'category: 经济建设', 'category: 经济发展');
    const out = await tempDir();
    const run = await runCli(['build', '2023', '--data', data, '--out', out], { cwd: data });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^2023\/proposals\.yaml:5:\d+ 错误 RPT306 /m);
    expect(run.stderr).toContain('发现 1 个错误、0 个警告。');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.stdout).toBe('');
  });

  it('exits 2 on a usage error, in Chinese', async () => {
    const run = await runCli(['build', '--kind', '../../x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^用法错误：--kind 只能是 annual/);
    const unknown = await runCli(['biuld']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^用法错误：没有命令 biuld（是不是要写 build？）/);
  });

  it('gives byte-identical Markdown, Word and HTML in other time zones and locales, from another folder', async () => {
    // West of UTC a date read as UTC midnight would move back a day; a locale could change sorting
    // and number formats; the variable of the removed cache must change nothing either.
    for (const env of [
      { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', REPORT_CACHE_DIR: '/proc/report-cache' },
      { TZ: 'Asia/Shanghai', LANG: 'C', LC_ALL: 'C', REPORT_CACHE_DIR: '/etc/passwd' },
    ]) {
      const folder = await tempDir('report-determinism-');
      await cp(DATA, path.join(folder, 'records'), { recursive: true });
      const run = await runCli(['build', '2023', '--data', 'records', '--out', 'out', '--format', 'md,docx,html'], { cwd: folder, env });
      expect(run.code, `${JSON.stringify(env)}: ${run.stderr}`).toBe(0);
      for (const f of FILES) {
        const bytes = await readFile(path.join(folder, 'out', '2023', f));
        expect(bytes.length).toBeGreaterThan(5000);
        expect(bytes.equals(reference.get(f)!), `${f} under ${JSON.stringify(env)}`).toBe(true);
      }
    }
  });
});

/** The CLI as a long-running process, its output gathered as it comes. */
function spawnCli(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out.stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (out.stderr += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  /** Waits until `text` has appeared on the stream. */
  const waitFor = async (text: string, stream: 'stdout' | 'stderr' = 'stderr') => {
    const deadline = Date.now() + 20_000;
    while (!out[stream].includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`“${text}” not seen; stderr:\n${out.stderr}\nstdout:\n${out.stdout}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, out, exited, waitFor };
}

describe('Ctrl-C delivered to the real process', () => {
  it('ends build --watch with exit status 0', async () => {
    const data = await copyFixture('minimal');
    const cli = spawnCli(['build', '2023', '--data', data, '--out', await tempDir(), '--format', 'md', '--watch'], data);
    try {
      await cli.waitFor('正在监视');
      cli.child.kill('SIGINT');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.out.stderr).toMatch(/已停止监视。\n$/);
    } finally {
      cli.child.kill('SIGKILL');
    }
  });

  it('ends preview with exit status 0', async () => {
    const data = await copyFixture('minimal');
    const cli = spawnCli(['preview', '2023', '--data', data], data);
    try {
      await cli.waitFor('预览地址：', 'stdout');
      cli.child.kill('SIGINT');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expect(cli.out.stderr).toMatch(/已停止预览。\n$/);
    } finally {
      cli.child.kill('SIGKILL');
    }
  });
});

