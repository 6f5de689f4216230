/**
 * organization.yaml: an organisation's own words extend the default lists (a meeting kind of its
 * own, counted under its name and, when it says so, in a group), and a national organisation is
 * named in its title and subtitle as the national committee's reports name it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, edit, lineOf, positionOf, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

const MONTHLY = '  - {id: monthly, kind: 月度协商会, date: 2023-11-15, topic: 营商环境月度协商, suggestions: 5, suggestionsAdopted: 3}\n';

/** The minimal fixture with a 月度协商会 meeting, and a narrative sentence citing `figure`. */
async function withMonthlyMeeting(figure: string): Promise<string> {
  const data = await copyFixture('minimal');
  const meetings = path.join(data, '2023', 'meetings.yaml');
  await writeFile(meetings, (await readFile(meetings, 'utf8')) + MONTHLY);
  await edit(path.join(data, '2023', 'narrative.md'), '提出{{meetings.byTag.民生.suggestions}}条建议。', `提出{{meetings.byTag.民生.suggestions}}条建议。召开协商会${figure}次。`);
  return data;
}

describe('meetingKinds in organization.yaml', () => {
  it('refuses a meeting of an unknown kind, with a hint naming meetingKinds', async () => {
    const data = await withMonthlyMeeting('{{meetings.byKind.月度协商会.count}}');
    const run = await report(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
    expect(run.code).toBe(1);
    const at = await positionOf(path.join(data, '2023', 'meetings.yaml'), '月度协商会');
    const problem = jsonDiagnostics(run.stdout).find((d) => d.code === 'RPT203');
    expect(problem, run.stdout).toMatchObject({ file: '2023/meetings.yaml', line: at.line, column: at.column });
    expect(problem!.hint).toContain('meetingKinds');
    expect(problem!.hint).toContain('organization.yaml');
  });

  it('lets a meeting of the added kind validate and be counted under its name', async () => {
    const data = await withMonthlyMeeting('{{meetings.byKind.月度协商会.count}}');
    await writeFile(path.join(data, 'organization.yaml'), (await readFile(path.join(data, 'organization.yaml'), 'utf8')) + '  meetingKinds: [月度协商会]\n');
    const out = await tempDir();
    const run = await report(['build', '2023', '--data', data, '--out', out, '--format', 'md'], { cwd: data });
    expect(run.stderr).toContain('已生成');
    expect(run.code).toBe(0);
    const md = await readFile(path.join(out, '2023', 'report.md'), 'utf8');
    expect(md).toContain('提出15条建议。召开协商会1次。');
    // A plain name counts in no group: the consultations stay as they were (2: 双月协商座谈会, 专题协商会).
    const stats = JSON.parse((await report(['stats', '2023', 'meetings', '--data', data, '--json'])).stdout) as { figures: Record<string, { value: unknown }> };
    expect(stats.figures['meetings.byKind.月度协商会.count']!.value).toBe(1);
    expect(stats.figures['meetings.consultations.count']!.value).toBe(2);
    expect(stats.figures['meetings.count']!.value).toBe(5);
  });

  it('counts a kind added with a group in that group’s figures', async () => {
    const data = await withMonthlyMeeting('{{meetings.consultations.count}}');
    const org = path.join(data, 'organization.yaml');
    await writeFile(org, (await readFile(org, 'utf8')) + '  meetingKinds:\n    - {name: 月度协商会, group: consultations}\n');
    const out = await tempDir();
    const run = await report(['build', '2023', '--data', data, '--out', out, '--format', 'md'], { cwd: data });
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(out, '2023', 'report.md'), 'utf8')).toContain('提出15条建议。召开协商会3次。');
  });

  it('refuses a group that does not exist, at its place in organization.yaml', async () => {
    const data = await withMonthlyMeeting('{{meetings.consultations.count}}');
    const org = path.join(data, 'organization.yaml');
    await writeFile(org, (await readFile(org, 'utf8')) + '  meetingKinds:\n    - {name: 月度协商会, group: 协商会}\n');
    const run = await report(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
    expect(run.code).toBe(1);
    expect(jsonDiagnostics(run.stdout)).toContainEqual(expect.objectContaining({ file: 'organization.yaml', line: await lineOf(org, 'group: 协商会'), severity: 'error' }));
  });
});

describe('a national organisation', () => {
  it('is named as the national committee in the title, subtitle and opening', async () => {
    const data = await copyFixture('minimal');
    const org = path.join(data, 'organization.yaml');
    let text = await readFile(org, 'utf8');
    for (const [from, to] of [
      ['fullName: 中国人民政治协商会议江北省青川市委员会', 'fullName: 中国人民政治协商会议全国委员会'],
      ['shortName: 青川市政协', 'shortName: 全国政协'],
      ['province: 江北省', 'province: ""'],
      ['name: 青川市', 'name: ""'],
      ['level: 市', 'level: 全国'],
      ['partyCommittee: 市委', 'partyCommittee: 党中央'],
      ['government: 市政府', 'government: 国务院'],
      ['congress: 市人大', 'congress: 全国人大'],
    ]) {
      expect(text).toContain(from);
      text = text.replace(from!, to!);
    }
    await writeFile(org, text);
    await writeFile(path.join(data, '2023', 'sitting.yaml'), 'sitting:\n  term: 11\n  session: 1\n  date: 2024-03-04\n  speaker: 郭伦\n');
    const out = await tempDir();
    const run = await report(['build', '2023', '--data', data, '--out', out], { cwd: data });
    expect(run.stderr).toContain('已生成');
    expect(run.code).toBe(0);
    const md = await readFile(path.join(out, '2023', 'report.md'), 'utf8');
    const lines = md.split('\n');
    // As published: no term number in the national title; the opening names the term and asks only for 审议.
    expect(lines[0]).toBe('# 中国人民政治协商会议全国委员会常务委员会工作报告');
    expect(md).toMatch(/^——2024年3月4日在政协第十一届全国委员会第一次会议上$/m);
    expect(md).toContain('我代表中国人民政治协商会议第十一届全国委员会常务委员会，向大会报告工作，请予审议。');
    expect(md).not.toContain('列席会议');
    // Not the pattern of a local committee (中国人民政治协商会议…委员会第…届, 政协全国…).
    expect(md).not.toMatch(/全国政协第十一届|中国人民政治协商会议全国委员会第|政协全国委员会第/);
    const docx = await readFile(path.join(out, '2023', 'report.docx'));
    expect(docx.length).toBeGreaterThan(5000);
  });
});
