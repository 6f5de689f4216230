/**
 * The year summary (工作综述, --kind summary) and the compilation of several organisations'
 * summaries (汇编, --data a --data b): from the bundled data, whose 2023 folder has a summary.md,
 * and from fixtures without one (everything then from the annual narrative).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxPart, docxText } from '../helpers/docx.js';
import { copyFixture, DATA, edit, lineOf, PANJIN, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

describe('report build 2023 --kind summary', () => {
  it('writes the news-style summary of the bundled data beside, not over, the annual report', async () => {
    const out = await tempDir();
    const run = await report(['build', '2023', '--kind', 'summary', '--out', out]);
    expect(run.stderr).toContain('已生成');
    expect(run.code).toBe(0);
    expect((await readdir(path.join(out, '2023'))).sort()).toEqual(['summary.docx', 'summary.md']);
    const md = await readFile(path.join(out, '2023', 'summary.md'), 'utf8');
    // Headline and subtitle; the spaces between a headline's phrases are full-width.
    expect(md.split('\n')[0]).toBe('# 开局起步稳\u3000协商议政实\u3000云州政协新一届履职迈出坚实步伐');
    expect(md).toContain('——市政协2023年工作综述\n');
    expect(md).toContain('\n2023年，十届市政协开局起步。');
    expect(md).toContain('## 主题教育走深走实\u3000思想根基更加牢固');
    // Dense figures, computed from the same records as the annual report.
    expect(md).toContain('全年召开党组理论学习中心组专题学习会9次、主席会议集体学习12次、常委会议专题学习5次');
    expect(md).toContain('共收到提案232件，经审查立案220件（含并案16件），其中涉及民生和社会事业领域提案86件，占比37.1%；办复率92.7%，提案者满意和基本满意率99.5%');
    expect(md).toContain('为谱写中国式现代化云州篇章贡献更多政协力量。');
    // A section without paragraphs takes the review section at its position (the fourth).
    expect(md).toContain('## 凝聚各方力量\u3000促进团结协作\n\n**在联系交流中增进共识**。');
    // No parts of the formal report.
    expect(md).not.toMatch(/^## [一二]、|\{\.speaker\}|\{\.salutation\}|\{\.run-in\}/m);
    expect(md).not.toMatch(/undefined|NaN|\{\{/);
    expect(docxText(await readFile(path.join(out, '2023', 'summary.docx')))).toContain('市政协2023年工作综述');
  });

  it('makes the summary of the annual narrative when the year has no summary.md', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const run = await report(['build', '2023', '--kind', 'summary', '--data', data, '--out', out, '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    const md = await readFile(path.join(out, '2023', 'summary.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# 青川市政协2023年工作综述');
    expect(md).not.toContain('{.subtitle}');
    expect(md).toContain('过去的一年，在市委的坚强领导下，青川市政协团结带领全体委员履职尽责。');
    expect(md).toContain('## 助力民生改善');
    expect(md).toContain('涉及民生和社会事业领域提案3件，占比60.0%');
  });

  it('says where a section leaves out paragraphs the review cannot lend', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'summary.md');
    await writeFile(file, '# 履职尽责 服务大局\n\n青川市政协一年来……\n\n## 强化政治引领\n\n## 助力民生改善\n\n## 加强自身建设\n');
    const run = await report(['build', '2023', '--kind', 'summary', '--data', data, '--out', await tempDir()], { cwd: data });
    expect(run.code).toBe(1);
    const line = await lineOf(file, '## 加强自身建设');
    expect(run.stderr).toContain(`2023/summary.md:${line}:4 错误 RPT211 第 3 部分只有标题，没有正文段落，工作回顾也没有第 3 部分可以沿用`);
    expect(run.stderr).toContain('工作回顾只有 2 个部分');
    // The annual report of the same data is not affected by the summary's problem.
    expect((await report(['build', '2023', '--data', data, '--out', await tempDir(), '--format', 'md'])).code).toBe(0);
  });

  it('names a figure the summary cites that does not exist, at its line in summary.md', async () => {
    const data = await copyFixture(DATA);
    const file = path.join(data, '2023', 'summary.md');
    await edit(file, '报送{{information.submitted}}篇，被采用', '报送{{information.submited}}篇，被采用');
    const run = await report(['build', '2023', '--kind', 'summary', '--data', data, '--out', await tempDir()], { cwd: data });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^2023/summary\\.md:${await lineOf(file, 'information.submited')}:\\d+ 错误 RPT401`, 'm'));
  });
});

/** Two district CPPCCs: 东湖区 with a summary.md, 西山区 without (its summary is its review). */
async function organisations(): Promise<{ east: string; west: string }> {
  const east = await copyFixture('minimal');
  await edit(path.join(east, 'organization.yaml'), 'shortName: 青川市政协', 'shortName: 东湖区政协');
  await writeFile(
    path.join(east, '2023', 'summary.md'),
    [
      '# 强化“三个机制” 展示新气象新作为',
      '',
      '东湖区政协坚持以党的二十大精神为统领，全年收到提案{{proposals.total}}件，立案率{{percent proposals.filingRate}}。',
      '',
      '## 强化党建引领机制',
      '',
      '## 强化服务民生机制',
      '',
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
    const run = await report(['build', '2023', '--data', east, '--data', west, '--out', out]);
    expect(run.stderr).toContain('已生成');
    expect(run.code).toBe(0);
    expect((await readdir(path.join(out, '2023'))).sort()).toEqual(['compilation.docx', 'compilation.md']);
    const md = await readFile(path.join(out, '2023', 'compilation.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# 2023年政协工作综述汇编');
    const sections = md.split(/^## /m).slice(1);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toMatch(/^东湖区政协：强化“三个机制”\u3000展示新气象新作为\n/);
    expect(sections[0]).toContain('东湖区政协坚持以党的二十大精神为统领，全年收到提案5件，立案率80.0%。');
    expect(sections[0]).toContain('### 强化党建引领机制');
    expect(sections[1]).toMatch(/^西山区政协\n/);
    expect(sections[1]).toContain('过去的一年，在市委的坚强领导下，西山区政协团结带领全体委员履职尽责。');
    expect(sections[1]).toContain('### 助力民生改善');
    expect(md).not.toMatch(/undefined|NaN|\{\{/);
    const docx = await readFile(path.join(out, '2023', 'compilation.docx'));
    const text = docxText(docx);
    expect(text).toContain('东湖区政协：强化');
    expect(text).toContain('西山区政协');
    expect(docxPart(docx, 'docProps/core.xml')).toContain('东湖区政协、西山区政协');
  });

  it('checks each organisation on its own and names its files; nothing is written', async () => {
    const { east, west } = await organisations();
    await edit(path.join(west, '2023', 'proposals.yaml'), 'category: 经济建设', 'category: 经济发展');
    await edit(path.join(east, '2023', 'summary.md'), '全年收到提案{{proposals.total}}件', '全年收到提案{{proposals.totl}}件');
    const out = await tempDir();
    const run = await report(['build', '2023', '--data', east, '--data', west, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(west, '2023', 'proposals.yaml')}:`);
    expect(run.stderr).toContain('RPT306');
    expect(run.stderr).toContain(`${path.join(east, '2023', 'summary.md')}:`);
    expect(run.stderr).toContain('RPT401');
    expect(await readdir(out)).toEqual([]);
  });

  it('is also reached with --kind compilation, in traditional script', async () => {
    const { east, west } = await organisations();
    const out = await tempDir();
    const run = await report(['build', '2023', '--kind', 'compilation', '--data', east, '--data', west, '--out', out, '--format', 'md', '--script', 'hant']);
    expect(run.code, run.stderr).toBe(0);
    const md = await readFile(path.join(out, '2023', 'compilation.hant.md'), 'utf8');
    expect(md).toContain('## 東湖區政協：');
    expect(md).toContain('全年收到提案5件，立案率80.0%。');
  });

  it('compiles the two organisations bundled with the repository (the README example)', async () => {
    const out = await tempDir();
    const run = await report(['build', '2022', '--data', PANJIN, '--data', DATA, '--out', out, '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    const md = await readFile(path.join(out, '2022', 'compilation.md'), 'utf8');
    expect(md.match(/^## .+$/gm)).toEqual(['## 盘锦市政协', '## 云州市政协']);
    expect(md).toContain('涉及民生和社会事业领域提案116件，占比61.4%');
  });

  it('refuses a compilation of one organisation', async () => {
    const run = await report(['build', '2023', '--kind', 'compilation', '--data', (await organisations()).east, '--out', await tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('至少两个组织');
  });
});
