import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, edit, tempDir } from '../helpers/fixture.js';

describe('report templates list', () => {
  it('lists every built-in piece with its file and description', async () => {
    const run = await runCli(['templates', 'list']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^片段 +使用 +文件 +说明$/);
    expect(lines[2]).toMatch(/^report +内置 +templates\/annual\/report\.hbs +年度工作报告/);
    for (const name of ['closing', 'opening', 'paragraph', 'plan', 'review', 'shortcomings', 'thanks', 'title-block']) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${name} +内置 +templates/annual/${name}\\.hbs`)));
    }
    expect(run.stdout).toContain('共 9 个内置片段');
  });

  it('marks the pieces a --templates folder overrides, with their path', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'mine', 'annual'), { recursive: true });
    await writeFile(path.join(cwd, 'mine', 'annual', 'opening.hbs'), '受委托报告工作。\n');
    await writeFile(path.join(cwd, 'mine', 'closing.hbs'), '谢谢大家。\n');
    const run = await runCli(['templates', 'list', '--templates', 'mine'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^opening +覆盖 +mine\/annual\/opening\.hbs +开头语$/m);
    expect(run.stdout).toMatch(/^closing +覆盖 +mine\/closing\.hbs +结束语$/m);
    expect(run.stdout).toMatch(/^review +内置 /m);
    expect(run.stdout).toContain('其中 2 个来自 mine');
    const json = JSON.parse((await runCli(['templates', 'list', '--templates', 'mine', '--json'], { cwd })).stdout);
    expect(json.pieces.find((p: { name: string }) => p.name === 'opening')).toMatchObject({ layer: 'user', file: 'mine/annual/opening.hbs' });
  });

  it('refuses a missing --templates folder and an unknown kind', async () => {
    const missing = await runCli(['templates', 'list', '--templates', '/nonexistent/templates']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('RPT507');
    const kind = await runCli(['templates', 'list', '--kind', 'speech']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('annual');
  });
});

describe('report templates eject', () => {
  it('copies a piece into templates-local/annual/, and a build with --templates uses the edited copy', async () => {
    const cwd = await tempDir();
    const run = await runCli(['templates', 'eject', 'opening'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('templates-local/annual/opening.hbs');
    expect(run.stderr).toContain('--templates templates-local');
    const file = path.join(cwd, 'templates-local', 'annual', 'opening.hbs');
    await edit(file, '向大会报告工作', '向大会报告一年来的工作');
    const listed = await runCli(['templates', 'list', '--templates', 'templates-local'], { cwd });
    expect(listed.stdout).toMatch(/^opening +覆盖 +templates-local\/annual\/opening\.hbs/m);

    const data = await copyFixture('minimal');
    const out = await tempDir();
    const build = await runCli(['build', '--data', data, '--out', out, '--format', 'md', '--templates', 'templates-local'], { cwd });
    expect(build.code).toBe(0);
    expect(await readFile(path.join(out, '2023', 'report.md'), 'utf8')).toContain('向大会报告一年来的工作');
  });

  it('never overwrites an edited copy', async () => {
    const cwd = await tempDir();
    expect((await runCli(['templates', 'eject', 'thanks', '--to', 'tpl'], { cwd })).code).toBe(0);
    const file = path.join(cwd, 'tpl', 'annual', 'thanks.hbs');
    await writeFile(file, '我们自己的致谢\n');
    const again = await runCli(['templates', 'eject', 'thanks', '--to', 'tpl'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在');
    expect(await readFile(file, 'utf8')).toBe('我们自己的致谢\n');
  });

  it('lists the pieces there are when the name is wrong', async () => {
    const run = await runCli(['templates', 'eject', 'openin'], { cwd: await tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('opening');
  });
});
