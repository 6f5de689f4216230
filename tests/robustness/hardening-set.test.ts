/**
 * The output folder holds one report's outputs from one build: a build in fewer formats removes
 * the others of the same report rather than leaving them beside outputs they no longer match.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, edit, project, withBindMount } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

describe('5. outputs this build did not rewrite', () => {
  it('build --format md after a full build from other data removes the old docx and html, keeps other files', async () => {
    const cwd = await project(DATA);
    const out = path.join(cwd, 'out', '2023');
    expect((await report(['build', '2023', '--format', 'md,docx,html'], { cwd })).code).toBe(0);
    await writeFile(path.join(out, '说明.txt'), 'mine');
    await edit(path.join(cwd, 'data', '2023', 'members.yaml'), 'total: 326', 'total: 327');
    const run = await report(['build', '2023', '--format', 'md'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(out, 'report.md'))).toBe(true);
    expect(existsSync(path.join(out, 'report.docx'))).toBe(false);
    expect(existsSync(path.join(out, 'report.html'))).toBe(false);
    expect(await readFile(path.join(out, '说明.txt'), 'utf8')).toBe('mine');
    expect(run.stderr).toContain('已删除上次生成的 out/2023/report.docx、out/2023/report.html');
  });

  it('the proposals report beside it is another report: its outputs stay', async () => {
    const cwd = await project(DATA);
    const out = path.join(cwd, 'out', '2023');
    expect((await report(['build', '2023', '--format', 'md,docx'], { cwd })).code).toBe(0);
    const proposals = await report(['build', '2023', '--kind', 'proposals', '--format', 'md'], { cwd });
    expect(proposals.code, proposals.stderr).toBe(0);
    expect(existsSync(path.join(out, 'report.docx'))).toBe(true);
    expect(existsSync(path.join(out, 'report.md'))).toBe(true);
  });
});

describe('14. the output folder is a mount point', () => {
  it('a clean message (RPT615), the earlier output kept, no .2023.report-ready-* left (skipped where mounting is not allowed)', async (context) => {
    const cwd = await project(DATA);
    const out = path.join(cwd, 'out', '2023');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'report.md'), 'earlier');
    await withBindMount(out, () => context.skip(), async () => {
      const run = await report(['build', '2023', '--format', 'md'], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('RPT615');
      expect(run.stderr).not.toMatch(/EBUSY|EXDEV/);
      expect(await readFile(path.join(out, 'report.md'), 'utf8')).toBe('earlier');
      expect((await readdir(path.join(cwd, 'out'))).filter((e) => e.startsWith('.'))).toEqual([]);
    });
  });
});
