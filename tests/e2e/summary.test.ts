/**
 * The year summary (工作综述, --kind summary) through the CLI: from the bundled data, whose
 * 2023 narrative has a summary part, and from a fixture without one (everything from the
 * annual narrative).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { elements, part, unzipParts } from '../docx/docx-xml.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture, edit, lineOf, ROOT, tempDir } from '../helpers/fixture.js';

describe('report build 2023 --kind summary', () => {
  it('writes the news-style summary of the bundled data beside, not over, the annual report', async () => {
    const out = await tempDir();
    const run = await runCli(['build', '2023', '--kind', 'summary', '--out', out]);
    expect(run.stderr).toContain('已生成');
    expect(run.code).toBe(0);
    expect((await readdir(path.join(out, '2023'))).sort()).toEqual(['summary.docx', 'summary.md']);
    const md = await readFile(path.join(out, '2023', 'summary.md'), 'utf8');
    // Headline and subtitle; the spaces between a headline's phrases are full-width.
    expect(md.split('\n')[0]).toBe('# 守正创新\u3000勤勉履职\u3000奋力谱写新时代云州政协事业新篇章');
    expect(md).toContain('——市政协2023年工作综述 {.subtitle}');
    expect(md).toContain('\n时序更替，逐梦前行。\n');
    expect(md).toContain('## 强化政治引领\u3000筑牢思想根基');
    // Dense figures, computed from the same records as the annual report.
    expect(md).toContain('组织召开党组理论学习中心组专题学习会9次、主席会议集体学习12次、常委会议专题学习5次');
    expect(md).toContain('全年收到提案232件，经审查立案220件，其中涉及民生和社会事业领域提案86件，占比37.1%；年度办结率92.7%，提案者满意率99.5%');
    // A section without paragraphs takes the review section at its position (the fourth).
    expect(md).toContain('## 凝聚各方力量\u3000促进团结协作\n\n**充分协商交流增进共识。**');
    expect(md).toContain('努力谱写新时代云州政协事业发展新篇章。');
    // No parts of the formal report.
    expect(md).not.toMatch(/^## [一二]、|\{\.speaker\}|\{\.salutation\}|\{\.run-in\}/m);
    expect(md).not.toMatch(/undefined|NaN|\{\{/);
    const parts = unzipParts(await readFile(path.join(out, '2023', 'summary.docx')));
    const text = elements(part(parts, 'word/document.xml'), 'w:t')
      .map((t) => t.replace(/<[^>]+>/g, ''))
      .join('');
    expect(text).toContain('市政协2023年工作综述');
  });

  it('makes the summary of the annual narrative when the year has no summary part', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const run = await runCli(['build', '2023', '--kind', 'summary', '--data', data, '--out', out, '--format', 'md']);
    expect(run.code).toBe(0);
    const md = await readFile(path.join(out, '2023', 'summary.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# 青川市政协2023年工作综述');
    expect(md).not.toContain('{.subtitle}');
    expect(md).toContain('过去的一年，在市委的坚强领导下，青川市政协团结带领全体委员履职尽责。');
    expect(md).toContain('## 助力民生改善');
    expect(md).toContain('涉及民生和社会事业领域提案3件，占比60%');
  });

  it('says where a section leaves out paragraphs the review cannot lend', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'narrative.yaml');
    await edit(
      file,
      "  closing: 各位委员，",
      '  summary:\n    title: 履职尽责 服务大局\n    lead: 青川市政协一年来……\n    sections:\n      - headline: 强化政治引领\n      - headline: 助力民生改善\n      - headline: 加强自身建设\n  closing: 各位委员，',
    );
    const run = await runCli(['build', '2023', '--kind', 'summary', '--data', data, '--out', await tempDir()]);
    expect(run.code).toBe(1);
    const line = await lineOf(file, 'headline: 加强自身建设');
    expect(run.stderr).toContain(`2023/narrative.yaml:${line}:9 错误 RPT202 缺少必填字段“paragraphs”`);
    expect(run.stderr).toContain('工作回顾只有 2 个部分，第 3 部分没有可沿用的段落');
    // The annual report of the same data is not affected by the summary's problem.
    expect((await runCli(['build', '2023', '--data', data, '--out', await tempDir(), '--format', 'md'])).code).toBe(0);
  });

  it('names a figure the summary cites that does not exist, at its line in narrative.yaml', async () => {
    const data = await copyFixture(path.join(ROOT, 'data'));
    const file = path.join(data, '2023', 'narrative.yaml');
    await edit(file, '报送{{information.submitted}}篇，被采用', '报送{{information.submited}}篇，被采用');
    const run = await runCli(['build', '2023', '--kind', 'summary', '--data', data, '--out', await tempDir()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`2023/narrative\\.yaml:${await lineOf(file, 'information.submited')}:\\d+ 错误 RPT401`));
  });
});
