/**
 * Commands given places or years they cannot use: a usage error or RPT601 at once, never a
 * spin, a crash, or a folder named “999”.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, project, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

describe('11. init and templates eject into /proc', () => {
  it('init 2024 --data /proc/xx ends with RPT601 and exit 2 (it spun at 100% CPU)', async () => {
    const cwd = await tempDir();
    const run = await report(['init', '2024', '--data', '/proc/report-test-xx'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('RPT601');
    expect(run.stderr).toContain('/proc/report-test-xx');
    expect(existsSync('/proc/report-test-xx')).toBe(false);
  });

  it('templates eject opening --to /proc/xx ends with RPT601 and exit 2', async () => {
    const cwd = await tempDir();
    const run = await report(['templates', 'eject', 'opening', '--to', '/proc/report-test-xx'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('RPT601');
    expect(run.stderr).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe('16. years outside the accepted range', () => {
  for (const year of ['0000', '0999', '1899', '2101']) {
    it(`init ${year} is a usage error naming the range, and makes no folder`, async () => {
      const cwd = await tempDir();
      const run = await report(['init', year], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('1949—2100');
      expect(await readdir(cwd)).toEqual([]);
    });
  }

  it('build and term ranges are held to it too', async () => {
    const cwd = await project(DATA);
    expect((await report(['build', '0999'], { cwd })).stderr).toContain('1949—2100');
    expect((await report(['build', '1899-2022', '--kind', 'term'], { cwd })).stderr).toContain('1949—2100');
    expect((await report(['init', '1949', '--data', path.join(cwd, 'first')], { cwd })).code).toBe(0);
  });
});

describe('15. a FIFO or a folder named like a template piece', () => {
  it('is told (RPT119, as RPT509 tells a link), never opened, and the build goes on with the built-in piece', async () => {
    const cwd = await project(DATA);
    const templates = path.join(cwd, 'mine');
    await mkdir(path.join(templates, 'annual', 'opening.hbs'), { recursive: true });
    execFileSync('mkfifo', [path.join(templates, 'closing.hbs')]);
    const run = await report(['validate', '2023', '--templates', 'mine', '--format', 'json'], { cwd });
    expect(run.code).toBe(0);
    const told = jsonDiagnostics(run.stdout).filter((d) => d.code === 'RPT119');
    expect(told).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'mine/annual/opening.hbs' }),
      expect.objectContaining({ severity: 'warning', file: 'mine/closing.hbs' }),
    ]);
    expect(told[0]!.message).toContain('文件夹');
    expect(told[1]!.message).toContain('管道');
    expect((await report(['validate', '2023', '--templates', 'mine', '--strict'], { cwd })).code).toBe(1);
  });
});
