/**
 * A new organisation starts from nothing, outside the tool's folder: the package packed as it
 * would be published, installed into an empty folder, and `report init`, `validate`, `build`
 * run there by the command npm links — no file written by hand.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/fixture.js';

const run = promisify(execFile);

describe('a new organisation, installed from the package', () => {
  it('runs init, validate and build in an empty folder and writes a DOCX', async () => {
    const packs = await tempDir('report-pack-');
    // The built package as it is: no scripts, so the checkout's dist/ is not rebuilt under other tests.
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], { cwd: ROOT });
    const tarball = path.join(packs, stdout.trim().split('\n').pop()!);
    const folder = await tempDir('report-user-');
    await run('npm', ['init', '-y'], { cwd: folder });
    // Its dependencies come from npm's cache where it holds them (npm ci fills only the tarballs, not the
    // package documents an install of a tarball asks for), else from the registry.
    await run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: folder });
    const report = (...args: string[]) => run(path.join(folder, 'node_modules', '.bin', 'report'), args, { cwd: folder, env: { ...process.env, NO_COLOR: '1' } });
    await report('init', '2024');
    const validated = await report('validate', '2024');
    expect(validated.stderr).toContain('检查通过');
    await report('build', '2024');
    expect((await readdir(path.join(folder, 'out', '2024'))).sort()).toEqual(['report.docx', 'report.md']);
    const docx = unzipSync(await readFile(path.join(folder, 'out', '2024', 'report.docx')));
    expect(new TextDecoder().decode(docx['word/document.xml'])).toContain('常务委员会工作报告');
    // Everything there was written by the tool.
    expect((await readdir(folder)).sort()).toEqual(['data', 'node_modules', 'out', 'package-lock.json', 'package.json', 'report.yaml', 'schema']);
  }, 120_000);
});
