/**
 * The writers' narrative.md: parts under `#` headings recognised by name (numbering and years
 * left out, so last year's headings can be pasted as they are), sections under `##`, lead
 * sentences in bold, comments dropped; each problem placed at its line and column in the file.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProse } from '../../src/load/markdown-prose.js';
import { partName, structureNarrative } from '../../src/validate/narrative.js';
import { ANNUAL_NARRATIVE } from '../../src/kinds/annual.js';
import { copyFixture, edit, positionOf, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

async function validate(data: string) {
  const run = await report(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
  return { run, diagnostics: jsonDiagnostics(run.stdout) };
}

/** The minimal fixture with one edit of its narrative.md (`from` to `to`), validated. */
async function validateEdited(from: string, to: string) {
  const data = await copyFixture('minimal');
  const file = path.join(data, '2023', 'narrative.md');
  await edit(file, from, to);
  return { data, file, ...(await validate(data)) };
}

async function built(data: string): Promise<string> {
  const out = await tempDir();
  const run = await report(['build', '2023', '--data', data, '--out', out, '--format', 'md'], { cwd: data });
  expect(run.code, run.stderr).toBe(0);
  return readFile(path.join(out, '2023', 'report.md'), 'utf8');
}

describe('narrative.md', () => {
  it('reports a figure that does not exist at its line and column, with names that do', async () => {
    const { run, diagnostics, file, data } = await validateEdited('提案{{proposals.total}}件', '提案{{proposals.totl}}件');
    expect(run.code).toBe(1);
    const at = await positionOf(file, '{{proposals.totl}}');
    const problem = diagnostics.find((d) => d.code === 'RPT401');
    expect(problem, run.stdout).toMatchObject({ file: '2023/narrative.md', line: at.line, column: at.column, severity: 'error' });
    expect(problem!.message).toBe('引用的数字或字段“proposals.totl”不存在');
    expect(problem!.hint).toContain('proposals.total');
    // The text output quotes the line with a caret under the place.
    const text = await report(['validate', '2023', '--data', data], { cwd: data });
    expect(text.stderr).toContain(`2023/narrative.md:${at.line}:${problem!.column} 错误 RPT401`);
    expect(text.stderr).toMatch(new RegExp(`^ +${at.line} │ .*\\{\\{proposals\\.totl\\}\\}`, 'm'));
  });

  it('reports every figure of a paragraph that does not exist, each at its place, in one run', async () => {
    const { run, diagnostics, file } = await validateEdited('提案{{proposals.total}}件', '提案{{proposals.totl}}件，立案{{proposals.fild}}件');
    expect(run.code).toBe(1);
    // Each at its name (the one a render stops at is placed at its braces).
    const places = await Promise.all(['proposals.totl', 'proposals.fild'].map((text) => positionOf(file, text)));
    const found = diagnostics.filter((d) => d.code === 'RPT401').map((d) => [d.line, d.column, d.message]);
    expect(found).toEqual([
      [places[0]!.line, places[0]!.column, '引用的数字或字段“proposals.totl”不存在'],
      [places[1]!.line, places[1]!.column, '引用的数字或字段“proposals.fild”不存在'],
    ]);
  });

  it('places a problem on a later line of a paragraph that spans several', async () => {
    const { diagnostics, file } = await validateEdited('广泛收集反映社会热点信息{{approx information.collected}}篇', '广泛收集反映社会热点信息{{approx information.collectd}}篇');
    const at = await positionOf(file, 'information.collectd');
    expect(diagnostics.find((d) => d.code === 'RPT401' || d.code === 'RPT505')).toMatchObject({ file: '2023/narrative.md', line: at.line });
  });

  it('reports an unknown part heading with a hint listing the parts', async () => {
    const { run, diagnostics, file } = await validateEdited('# 不足', '# 工作总结');
    expect(run.code).toBe(1);
    const at = await positionOf(file, '工作总结');
    const problem = diagnostics.find((d) => d.code === 'RPT318');
    expect(problem, run.stdout).toMatchObject({ file: '2023/narrative.md', line: at.line, column: at.column });
    expect(problem!.message).toContain('工作总结');
    for (const part of ['工作回顾', '致谢', '不足', '工作安排', '结束语']) expect(problem!.hint).toContain(part);
    // And the part it should have been is missing.
    expect(diagnostics.find((d) => d.code === 'RPT323')?.message).toContain('不足');
  });

  it('recognises “# 一、2023年工作回顾” as 工作回顾, and other numbered headings copied from a report', async () => {
    const plain = await built(await copyFixture('minimal'));
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'narrative.md');
    await edit(file, '# 工作回顾', '# 一、2023年工作回顾');
    await edit(file, '# 工作安排', '# 二、2024年工作安排');
    expect(await built(data)).toBe(plain);
    expect(partName('一、2023年工作回顾')).toBe('工作回顾');
    expect(partName('二、今后五年工作建议')).toBe('工作建议');
    expect(partName('（三）过去五年工作回顾：')).toBe('工作回顾');
  });

  it('is required: a missing narrative.md is RPT317, naming the year folder', async () => {
    const data = await copyFixture('minimal');
    await rm(path.join(data, '2023', 'narrative.md'));
    const { run, diagnostics } = await validate(data);
    expect(run.code).toBe(1);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'RPT317', file: '2023', severity: 'error' }));
    expect(diagnostics.find((d) => d.code === 'RPT317')!.message).toContain('narrative.md');
  });

  it('drops comments, takes a bold lead sentence and keeps a part written twice, a stray paragraph and a deep heading out', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'narrative.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('# 工作回顾', '开头没有标题的一段。\n\n# 工作回顾').replace('# 结束语', '### 三级标题\n\n# 致谢\n\n又一次。\n\n# 结束语'));
    const { diagnostics } = await validate(data);
    const codes = diagnostics.map((d) => d.code).sort();
    expect(codes).toEqual(['RPT319', 'RPT321', 'RPT322']);
    for (const d of diagnostics) expect(d.file).toBe('2023/narrative.md');
    expect(diagnostics.find((d) => d.code === 'RPT322')!.line).toBe((await positionOf(file, '开头没有标题的一段')).line);
  });

  it('reads a heading, a lead sentence and a paragraph with their places in the file', () => {
    const source = '<!-- 说明\n多行 -->\n# 一、2023年工作回顾\n\n**强化理论武装。**把学懂弄通\n作为任务。\n\n## 小标题\n';
    const prose = readProse('n.md', source);
    expect(prose.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading']);
    const [heading, paragraph] = prose.blocks;
    expect(heading).toMatchObject({ level: 1, text: { text: '一、2023年工作回顾', start: source.indexOf('一、') } });
    expect(paragraph).toMatchObject({ paragraph: { lead: { text: '强化理论武装。', start: source.indexOf('强化') }, text: { text: '把学懂弄通\n作为任务。', start: source.indexOf('把学懂') } } });
    const { doc, diagnostics } = structureNarrative(prose, ANNUAL_NARRATIVE);
    expect(doc.parts.get('review')?.sections.map((s) => s.heading.text)).toEqual(['小标题']);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['RPT323', 'RPT323', 'RPT323', 'RPT323']);
  });
});
