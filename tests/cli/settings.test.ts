/**
 * The project file, report.yaml in the working folder: it names the data, output and template
 * folders and the formats, so the same command always builds the same report; an option on the
 * command line wins over it; a mistake in it is a problem placed at its line and column.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, positionOf, project, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

/** A folder with the minimal fixture under `records/`, templates under `house/`, and a report.yaml. */
async function withSettings(settings: string): Promise<string> {
  const cwd = await tempDir('report-settings-');
  const { cp } = await import('node:fs/promises');
  await cp(path.join(FIXTURES, 'minimal'), path.join(cwd, 'records'), { recursive: true });
  await mkdir(path.join(cwd, 'house', 'annual'), { recursive: true });
  await writeFile(path.join(cwd, 'house', 'annual', 'opening.hbs'), '受常务委员会委托，现在向大会报告工作。\n');
  await writeFile(path.join(cwd, 'report.yaml'), settings);
  return cwd;
}

const SETTINGS = '# 项目设置\ndata: records\nout: 成品\ntemplates: house\nformats: [md, html]\n';

describe('report.yaml', () => {
  it('sets the data, output and template folders and the formats', async () => {
    const cwd = await withSettings(SETTINGS);
    const run = await report(['build', '2023'], { cwd });
    expect(run.stderr).toContain('已生成');
    expect(run.code).toBe(0);
    expect((await readdir(path.join(cwd, '成品', '2023'))).sort()).toEqual(['report.html', 'report.md']);
    expect(await readFile(path.join(cwd, '成品', '2023', 'report.md'), 'utf8')).toContain('受常务委员会委托，现在向大会报告工作。');
    // validate and stats read the same data folder.
    expect((await report(['validate', '2023'], { cwd })).code).toBe(0);
    expect((await report(['stats', '2023', 'proposals.total'], { cwd })).stdout).toMatch(/^proposals\.total +\S+ +5/m);
  });

  it('gives way to an option on the command line', async () => {
    const cwd = await withSettings(SETTINGS);
    const other = await copyFixture('minimal');
    await writeFile(path.join(other, 'organization.yaml'), (await readFile(path.join(other, 'organization.yaml'), 'utf8')).replace('shortName: 青川市政协', 'shortName: 别处政协'));
    const templates = path.join(cwd, 'plain');
    await mkdir(templates);
    const run = await report(['build', '2023', '--data', other, '--out', 'elsewhere', '--templates', 'plain', '--format', 'docx'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(await readdir(path.join(cwd, 'elsewhere', '2023'))).toEqual(['report.docx']);
    expect(await readdir(cwd)).not.toContain('成品');
    const md = await report(['build', '2023', '--data', other, '--out', 'elsewhere', '--templates', 'plain', '--format', 'md'], { cwd });
    expect(md.code).toBe(0);
    const text = await readFile(path.join(cwd, 'elsewhere', '2023', 'report.md'), 'utf8');
    expect(text).toContain('现在，我代表');
    expect(text).toContain('别处政协');
  });

  it('is not needed: without it the data/ folder of the working folder is read', async () => {
    const cwd = await project('minimal');
    const run = await report(['build', '2023', '--dry-run'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('out/2023/report.md');
  });

  it('reports an unknown key at its line and column, and stops', async () => {
    const cwd = await withSettings('# 项目设置\ndata: records\noutput: 成品\n');
    for (const command of [['build', '2023'], ['validate', '2023'], ['stats', '2023']]) {
      const run = await report(command, { cwd });
      expect(run.code, command.join(' ')).toBe(1);
      const at = await positionOf(path.join(cwd, 'report.yaml'), 'output');
      expect(run.stderr).toMatch(new RegExp(`^report\\.yaml:${at.line}:${at.column} 错误 RPT204 不认识的字段“output”`, 'm'));
    }
    expect(await readdir(cwd)).not.toContain('out');
  });

  it('reports a value of the wrong kind and bad YAML at their places', async () => {
    const formats = await withSettings('data: records\nformats: [md, pdf, doc]\n');
    const run = await report(['build', '2023'], { cwd: formats });
    expect(run.code).toBe(1);
    const at = await positionOf(path.join(formats, 'report.yaml'), 'doc]');
    expect(run.stderr).toContain(`report.yaml:${at.line}:${at.column} 错误 RPT203`);
    const broken = await withSettings('data: [records\n');
    const bad = await report(['validate'], { cwd: broken });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^report\.yaml:\d+:\d+ 错误 RPT104/m);
  });
});
