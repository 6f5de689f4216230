/**
 * The PDF's fonts when the official ones are absent, through the CLI: a fonts folder named in
 * layout.yaml (pdfFontFolder) is searched before the machine's and its faces are embedded
 * (pdffonts); a folder that is not there is a warning (RPT640); without official fonts the
 * 一级 (黑体), 二级 (楷体) headings and the body (仿宋) still get three different free faces.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { resolveFonts } from '../../src/write/pdf/index.js';
import { systemFontDirs } from '../../src/write/pdf/font-index.js';
import { project } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';
import { hasCommand } from './measure.js';

const UKAI = '/usr/share/fonts/truetype/arphic/ukai.ttc';
const engine = await import('@myriaddreamin/typst-ts-node-compiler').then(
  () => undefined,
  () => 'the Typst compiler does not load on this platform',
);
const skip = engine ?? (!hasCommand('pdffonts') ? 'pdffonts (poppler-utils) is not installed' : !existsSync(UKAI) ? `${UKAI} (fonts-arphic-ukai) is not installed` : undefined);
if (skip) console.warn(`tests/write/pdf-fonts.test.ts skipped: ${skip}`);

const fontsOf = (pdf: string) =>
  execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '').replace(/-Identity-H$/, ''))
    .filter(Boolean);

describe.skipIf(skip)('the PDF’s fonts', () => {
  it('gives 一级、二级 headings and the body three different free faces when the official ones are absent', () => {
    const { fonts } = resolveFonts(DEFAULT_LAYOUT, 'hans', systemFontDirs());
    const faces = ['黑体', '楷体_GB2312', '仿宋_GB2312'].map((f) => fonts.get(f)?.family);
    expect(new Set(faces).size, faces.join(', ')).toBe(3);
  });

  it('embeds the faces of the fonts folder layout.yaml names, found before the machine’s', { timeout: 120_000 }, async () => {
    const cwd = await project();
    await mkdir(path.join(cwd, 'data', '字体'));
    await copyFile(UKAI, path.join(cwd, 'data', '字体', 'kai.ttc'));
    await writeFile(path.join(cwd, 'data', 'layout.yaml'), 'pdfFontFolder: 字体\n');
    const run = await report(['build', '2023', '--format', 'pdf'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('RPT640');
    const pdf = path.join(cwd, 'out', '2023', 'report.pdf');
    expect(fontsOf(pdf).some((f) => /UKai/i.test(f))).toBe(true);
    // The face comes from the project's folder, not the machine's copy.
    const { fonts } = resolveFonts(DEFAULT_LAYOUT, 'hans', [path.join(cwd, 'data', '字体'), ...systemFontDirs()]);
    expect(fonts.get('楷体_GB2312')?.files).toEqual([path.join(cwd, 'data', '字体', 'kai.ttc')]);
  });

  it('warns (RPT640) when the fonts folder is not there, and builds with the machine’s fonts', { timeout: 120_000 }, async () => {
    const cwd = await project();
    await writeFile(path.join(cwd, 'data', 'layout.yaml'), 'pdfFontFolder: 没有的文件夹\n');
    const run = await report(['build', '2023', '--format', 'pdf'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('RPT640');
    expect(existsSync(path.join(cwd, 'out', '2023', 'report.pdf'))).toBe(true);
  });
});
