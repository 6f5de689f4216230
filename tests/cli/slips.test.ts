/**
 * The slips a Chinese typist makes in the data and the narrative, each fed to `report validate`
 * alone: every message is Chinese (no English sentence), placed at the real error, with a hint
 * that says what to type instead. Two unknown figures in one paragraph are both named.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/write/spreadsheet/write.js';
import { DATA, edit, positionOf, project, writeFiles } from '../helpers/fixture.js';
import { jsonDiagnostics, report, type JsonDiagnostic } from '../helpers/report.js';

type Problem = JsonDiagnostic;

/** Two or more English words in a row: a sentence of some library's text. */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}[ ,.']+[A-Za-z]{2,}[ ,.']+[A-Za-z]{2,}/;

/** The text a user reads, without the names they wrote themselves (fields, figures, values quoted back). */
function prose(p: Problem): string {
  return `${p.message} ${p.hint}`
    .replace(/“[^”]*”|"[^"]*"|\{\{[^}]*\}\}|（[A-Za-z.]+）/g, '')
    .replace(/[A-Za-z]\w*(?:\.[\w\u4e00-\u9fff]+)+/g, '')
    .replace(/report (stats|validate|build)|README/g, '');
}

async function validate(cwd: string): Promise<Problem[]> {
  const run = await report(['validate', '2023', '--format', 'json'], { cwd });
  expect(run.code, run.stderr).toBe(run.stdout.includes('"severity":"error"') ? 1 : 0);
  return jsonDiagnostics(run.stdout);
}

function expectChinese(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(prose(p), JSON.stringify(p)).not.toMatch(ENGLISH_SENTENCE);
    expect(p.message).toMatch(/[\u4e00-\u9fff]/);
    expect(p.hint).toMatch(/[\u4e00-\u9fff]/);
  }
}

/** The bundled data in a project folder, with one slip made by replacing `find` in `file`. */
async function withSlip(file: string, find: string, replace: string): Promise<{ cwd: string; path: string }> {
  const cwd = await project(DATA);
  const at = path.join(cwd, 'data', file);
  await edit(at, find, replace);
  return { cwd, path: at };
}

describe('slips in YAML', () => {
  it('a full-width colon after a key: at the colon, told to type “: ”', async () => {
    const { cwd, path: file } = await withSlip('2023/research.yaml', '    kind: 调研\n    title: 关于推进城乡', '    kind：调研\n    title: 关于推进城乡');
    const problems = await validate(cwd);
    expectChinese(problems);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ code: 'RPT104', file: 'data/2023/research.yaml', ...(await positionOf(file, 'kind：调研')) });
    expect(p!.message).toContain('全角冒号');
    expect(p!.hint).toContain('“: ”');
  });

  it('a full-width comma in a flow list: at the comma, told to use “,”', async () => {
    const { cwd, path: file } = await withSlip('2023/information.yaml', 'principal: true, date: 2023-04-02}', 'principal: true， date: 2023-04-02}');
    const problems = await validate(cwd);
    expectChinese(problems);
    expect(problems).toHaveLength(1);
    const comma = await positionOf(file, '， date: 2023-04-02');
    expect(problems[0]).toMatchObject({ code: 'RPT104', line: comma.line, column: comma.column });
    expect(problems[0]!.message).toContain('全角逗号');
    expect(problems[0]!.hint).toContain('“,”');
  });

  it('a field indented one space short: at that line, told how many spaces to use', async () => {
    const { cwd, path: file } = await withSlip('2023/research.yaml', '\n    title: 关于推进城乡', '\n   title: 关于推进城乡');
    const problems = await validate(cwd);
    expectChinese(problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'RPT104', line: (await positionOf(file, '   title: 关于推进城乡')).line });
    expect(problems[0]!.message).toContain('缩进');
    expect(problems[0]!.hint).toContain('缩进 4 个空格');
  });

  it('a field indented deeper than its neighbour: at the deeper line, not at the value above it', async () => {
    const { cwd, path: file } = await withSlip('2023/research.yaml', '\n    title: 关于推进城乡', '\n      title: 关于推进城乡');
    const problems = await validate(cwd);
    expectChinese(problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'RPT104', line: (await positionOf(file, '      title: 关于推进城乡')).line });
    expect(problems[0]!.hint).toContain('缩进 4 个空格');
  });

  it('是/否 for a yes-or-no field is accepted and counted', async () => {
    const { cwd } = await withSlip('2023/information.yaml', 'level: 市, principal: false, date: 2023-04-02}', 'level: 市, principal: 是, date: 2023-04-02}');
    const before = await report(['stats', '2023', 'information.instructions.principal', '--json', '--data', DATA]);
    const after = await report(['stats', '2023', 'information.instructions.principal', '--json'], { cwd });
    expect((await validate(cwd)).filter((p) => p.severity === 'error')).toEqual([]);
    const value = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { figures: Record<string, { value: number }> }).figures['information.instructions.principal']!.value;
    expect(value(after)).toBe(value(before) + 1);
  });

  it('an id written as a number: at the number, told to put it in quotes', async () => {
    const { cwd, path: file } = await withSlip('2023/meetings.yaml', '  - id: party-group-01\n', '  - id: 2023\n');
    const problems = await validate(cwd);
    expectChinese(problems);
    expect(problems.map((p) => p.code)).toEqual(['RPT209']);
    expect(problems[0]).toMatchObject({ file: 'data/2023/meetings.yaml', ...(await positionOf(file, '2023\n    kind: 党组会议')) });
    expect(problems[0]!.hint).toContain('"2023"');
  });

  it('a blank value: at the field, told to fill it in or delete it; a record citing it is not also reported', async () => {
    const { cwd, path: file } = await withSlip('2023/research.yaml', '    date: 2023-04-18\n    suggestions: 8\n', '    date: 2023-04-18\n    suggestions:\n');
    const problems = await validate(cwd);
    expectChinese(problems);
    expect(problems.map((p) => p.code)).toEqual(['RPT208']);
    expect(problems[0]).toMatchObject({ line: (await positionOf(file, '    suggestions:\n')).line });
    expect(problems[0]!.message).toContain('空的');
    expect(problems[0]!.hint).toMatch(/填上|删去/);
    expect(problems[0]!.message).not.toContain('null');
  });
});

describe('a blank cell in a ledger', () => {
  it('is reported at its sheet, row and column letter, in Chinese, never as “null”', async () => {
    const cwd = await project(DATA);
    const headers = ['编号', '类别', '标题', '第一提案人', '提案者类别', '提交时间', '审查结果', '满意度'];
    const rows = [
      ['T-001', '经济建设', '关于加快数字经济发展的提案', '张明', '委员', '2023-01-05', '立案', '满意'],
      ['T-002', '经济建设', '', '李华', '委员', '2023-01-05', '立案', ''],
    ];
    await writeFiles(cwd, { 'data/2023/提案台账.xlsx': writeWorkbook({ sheet: '提案', headers, rows }, 'xlsx') });
    const problems = (await validate(cwd)).filter((p) => p.sheet === '提案');
    expectChinese(problems);
    const blank = problems.find((p) => p.cell === 'C3');
    expect(blank, JSON.stringify(problems)).toBeDefined();
    expect(blank!.message).toContain('案由'); // the field 标题 fills, by its Chinese name
    expect(blank!.hint).toMatch(/填上|填写/);
    for (const p of problems) expect(`${p.message}${p.hint}`).not.toContain('null');
    // A blank 满意度 is not a mistake: the reply may not have come yet.
    expect(problems.some((p) => p.cell === 'H3')).toBe(false);
  });
});

describe('slips in the narrative', () => {
  it('an unclosed {{: at the {{, with how a citation is written', async () => {
    const { cwd, path: file } = await withSlip('2023/narrative.md', '完成调研视察报告{{research.count}}', '完成调研视察报告{{research.count');
    const problems = await validate(cwd);
    expectChinese(problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'RPT403', file: 'data/2023/narrative.md', ...(await positionOf(file, '{{research.count篇')) });
    expect(problems[0]!.message).toContain('没有用“}}”闭合');
    expect(problems[0]!.hint).toContain('{{名称}}');
  });

  it('a misspelt block helper: at the {{#…}}, naming the {{/each}} by its line in the file and the right spelling', async () => {
    const { cwd, path: file } = await withSlip('2023/narrative.md', '完成调研视察报告{{research.count}}', '完成调研视察报告{{#eahc research.titles}}{{this}}{{/each}}');
    const problems = await validate(cwd);
    expectChinese(problems);
    expect(problems).toHaveLength(1);
    const open = await positionOf(file, '{{#eahc');
    const close = await positionOf(file, '{{/each}}');
    expect(problems[0]).toMatchObject({ code: 'RPT403', ...open });
    expect(problems[0]!.message).toContain(`第 ${close.line} 行第 ${close.column} 列`);
    expect(problems[0]!.message).toContain('是否想写 {{#each}}');
  });

  it('two unknown figures in one paragraph: both named, each at its place, each with the name meant', async () => {
    const { cwd, path: file } = await withSlip(
      '2023/narrative.md',
      '{{research.count}}篇，市委、市政府和省政协领导在这些报告上作出批示{{research.instructions.total}}',
      '{{research.cuont}}篇，市委、市政府和省政协领导在这些报告上作出批示{{research.instructions.totl}}',
    );
    const problems = await validate(cwd);
    expectChinese(problems);
    expect(problems.map((p) => p.code)).toEqual(['RPT401', 'RPT401']);
    expect(problems[0]).toMatchObject(await positionOf(file, 'research.cuont'));
    expect(problems[1]).toMatchObject(await positionOf(file, 'research.instructions.totl'));
    expect(problems[0]!.message).toContain('research.cuont');
    expect(problems[0]!.hint).toContain('是不是要写“research.count”');
    expect(problems[1]!.hint).toContain('是不是要写“research.instructions.total”');
  });
});

describe('the bundled data', () => {
  it('has none of these slips (the tests above start from a clean run)', async () => {
    const cwd = await project(DATA);
    expect((await validate(cwd)).filter((p) => p.severity === 'error')).toEqual([]);
    expect(await readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8')).toContain('{{research.count}}');
  });
});
