/**
 * A compilation of several organisations' summaries (seed 002): `report build 2023 --data a
 * --data b` through the CLI, with two small fixture organisations made from the minimal one.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { elements, part, unzipParts } from '../docx/docx-xml.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture, edit, tempDir } from '../helpers/fixture.js';

/** Two district CPPCCs: 东湖区 with a summary part, 西山区 without (its summary is its review). */
async function organisations(): Promise<{ east: string; west: string }> {
  const east = await copyFixture('minimal');
  await edit(path.join(east, 'organization.yaml'), 'shortName: 青川市政协', 'shortName: 东湖区政协');
  await edit(
    path.join(east, '2023', 'narrative.yaml'),
    '  closing: 各位委员，',
    [
      '  summary:',
      '    title: 强化“三个机制” 展示新气象新作为',
      '    lead: 东湖区政协坚持以党的二十大精神为统领，全年收到提案{{proposals.total}}件，立案率{{percent proposals.filingRate}}。',
      '    sections:',
      '      - headline: 强化党建引领机制',
      '      - headline: 强化服务民生机制',
      '  closing: 各位委员，',
    ].join('\n'),
  );
  const west = await copyFixture('minimal');
  await edit(path.join(west, 'organization.yaml'), 'shortName: 青川市政协', 'shortName: 西山区政协');
  return { east, west };
}

describe('report build 2023 --data a --data b (compilation)', () => {
  it('writes one document with a section per organisation, each from its own data', async () => {
    const { east, west } = await organisations();
    const out = await tempDir();
    const run = await runCli(['build', '2023', '--data', east, '--data', west, '--out', out]);
    expect(run.stderr).toContain('已生成');
    expect(run.code).toBe(0);
    expect((await readdir(path.join(out, '2023'))).sort()).toEqual(['compilation.docx', 'compilation.md']);
    const md = await readFile(path.join(out, '2023', 'compilation.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# 2023年政协工作综述汇编');
    const sections = md.split(/^## /m).slice(1);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(/^东湖区政协：强化“三个机制”\u3000展示新气象新作为\n/);
    expect(sections[0]).toContain('东湖区政协坚持以党的二十大精神为统领，全年收到提案5件，立案率80%。');
    expect(sections[0]).toContain('### 强化党建引领机制');
    expect(sections[1]).toMatch(/^西山区政协\n/);
    expect(sections[1]).toContain('过去的一年，在市委的坚强领导下，西山区政协团结带领全体委员履职尽责。');
    expect(sections[1]).toContain('### 助力民生改善');
    expect(md).not.toMatch(/undefined|NaN|\{\{/);

    const parts = unzipParts(await readFile(path.join(out, '2023', 'compilation.docx')));
    const text = elements(part(parts, 'word/document.xml'), 'w:t')
      .map((t) => t.replace(/<[^>]+>/g, ''))
      .join('');
    expect(text).toContain('东湖区政协：强化');
    expect(text).toContain('西山区政协');
    expect(part(parts, 'docProps/core.xml')).toContain('东湖区政协、西山区政协');
  });

  it('checks each organisation on its own and names its files; nothing is written', async () => {
    const { east, west } = await organisations();
    await edit(path.join(west, '2023', 'proposals.yaml'), 'category: 经济建设', 'category: 经济发展');
    await edit(path.join(east, '2023', 'narrative.yaml'), '全年收到提案{{proposals.total}}件', '全年收到提案{{proposals.totl}}件');
    const out = await tempDir();
    const run = await runCli(['build', '2023', '--data', east, '--data', west, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(west, '2023', 'proposals.yaml')}:`);
    expect(run.stderr).toContain('RPT306');
    expect(run.stderr).toContain(`${path.join(east, '2023', 'narrative.yaml')}:`);
    expect(run.stderr).toContain('RPT401');
    expect(await readdir(out)).toEqual([]);
  });

  it('is also reached with --kind compilation, in traditional script', async () => {
    const { east, west } = await organisations();
    const out = await tempDir();
    const run = await runCli(['build', '2023', '--kind', 'compilation', '--data', east, '--data', west, '--out', out, '--format', 'md', '--script', 'hant']);
    expect(run.code).toBe(0);
    const md = await readFile(path.join(out, '2023', 'compilation.hant.md'), 'utf8');
    expect(md).toContain('## 東湖區政協：');
    expect(md).toContain('全年收到提案5件，立案率80%。');
  }, 30_000);

  it('compiles the two organisations bundled with the repository (the README example)', async () => {
    const out = await tempDir();
    const run = await runCli(['build', '2022', '--data', 'examples/panjin-2022', '--data', 'data', '--out', out, '--format', 'md']);
    expect(run.code).toBe(0);
    const md = await readFile(path.join(out, '2022', 'compilation.md'), 'utf8');
    expect(md.match(/^## .+$/gm)).toEqual(['## 盘锦市政协', '## 云州市政协']);
    expect(md).toContain('涉及民生和社会事业领域提案116件，占比61.4%');
  });

  it('refuses a compilation of one organisation', async () => {
    const run = await runCli(['build', '2023', '--kind', 'compilation', '--data', (await organisations()).east, '--out', await tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('至少两个组织');
  });
});
