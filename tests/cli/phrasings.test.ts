/**
 * The built-in sentences read naturally for 0, 1, equal and all-of counts: a small ledger made
 * so that every unit both leads and joins, every 立案 proposal is answered, both key proposals
 * have one result and one supervisor, one proposal has one instruction from a principal leader,
 * and a category's own name ends in 类. The bundled data (tests/cli/proposals-report.test.ts)
 * gives the other forms (several instructions, mixed results, a proposal supervised besides the key ones).
 */
import { readFile, writeFile, appendFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, edit, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const LEDGER = `proposals:
  - {id: P1, title: 关于发展数字经济的建议, submitterKind: 委员, proposer: 张三, category: 经济类, review: 立案, keyProposal: true, leadUnits: [市发展改革委], jointUnits: [市财政局], answered: true, result: A, satisfaction: 满意, supervisedBy: 主席会议成员}
  - {id: P2, title: 关于优化营商环境的建议, submitterKind: 党派, proposer: 民革青川市委会, category: 经济类, review: 立案, keyProposal: true, leadUnits: [市财政局], jointUnits: [市发展改革委], answered: true, result: A, satisfaction: 基本满意, supervisedBy: 主席会议成员}
  - {id: P3, title: 关于加强社区养老的建议, submitterKind: 界别, proposer: 经济界, category: 民生和社会事业, review: 立案, leadUnits: [市发展改革委], answered: true, result: B, satisfaction: 满意}
  - {id: P4, title: 关于社区养老服务的建议, submitterKind: 专委会, proposer: 社会和法制委员会, category: 民生和社会事业, review: 并案, mergedInto: P3, leadUnits: [市发展改革委], answered: true}
  - {id: P5, title: 关于个人诉求的来信, submitterKind: 联名, proposer: 赵六, category: 其他, review: 撤案}
`;

const PROSE = `# 提案情况

全年召开{{items "次" "常委会议" meetings.byKind.专题议政性常委会议.count "协商座谈会" meetings.byKind.双月协商座谈会.count}}；集体提案{{proposals.collective}}件。

# 主要做法

## 坚持质量导向

引导委员精准选题。

# 成效

成效明显。

# 问题

还有不足。

# 下一步工作

## 提高质量。

继续努力。

# 结束语

各位委员，让我们继续努力！
`;

let md: string;
let dataDir: string;

beforeAll(async () => {
  const data = await copyFixture('minimal');
  dataDir = data;
  await edit(path.join(data, 'organization.yaml'), 'proposalCategories: [经济建设, 民生和社会事业, 其他]', 'proposalCategories: [经济建设, 经济类, 民生和社会事业, 其他]\n  handlingUnits: [市发展改革委, 市财政局]');
  await writeFile(path.join(data, '2023', 'proposals.yaml'), LEDGER);
  await writeFile(path.join(data, '2023', 'proposals.md'), PROSE);
  await appendFile(path.join(data, '2023', 'sitting.yaml'), '  proposalsSpeaker: 李明\n');
  await appendFile(path.join(data, '2023', 'research.yaml'), '  - {id: A9, record: P1, leader: 市委主要领导, level: 市, principal: true}\n');
  const out = await tempDir();
  const run = await report(['build', '2023', '--data', data, '--kind', 'proposals', '--out', out, '--format', 'md']);
  expect(run.code, run.stderr).toBe(0);
  md = await readFile(path.join(out, '2023', 'proposals.md'), 'utf8');
}, 60_000);

describe('built-in sentences for 0, 1, equal and all-of', () => {
  it('a category named …类 is not followed by 方面', () => {
    expect(md).toContain('经济类2件，占40.0%');
    expect(md).not.toContain('类方面');
  });
  it('立案 with its 并案 in parentheses, and 撤案 as the proposer withdrawing', () => {
    expect(md).toContain('经审查，立案4件（含并案1件），提案者撤回1件，立案率为80.0%。');
  });
  it('submitter kinds in the report’s own words', () => {
    expect(md).toContain('委员个人提案1件、委员联名提案1件、各民主党派和工商联提案1件、界别提案1件、政协专门委员会提案1件');
  });
  it('every unit both leads and joins: 件次, not “主办单位2家、会办单位2家”', () => {
    expect(md).toContain('立案提案交由2家单位承办，主办4件次、会办2件次');
    expect(md).not.toMatch(/主办单位\d+家、会办单位/);
  });
  it('all answered by the declared cut-off', () => {
    expect(md).toContain('截至2023年底，立案提案已全部办复。');
  });
  it('key proposals all supervised by one and all of one result, without two 其中', () => {
    expect(md).toContain('确定重点提案2件，由主席会议成员督办，办理结果均为“已解决或基本解决”。');
    for (const sentence of md.split('。')) expect((sentence.match(/其中/g) ?? []).length, sentence).toBeLessThanOrEqual(1);
  });
  it('one instruction from a principal leader reads as one', () => {
    expect(md).toContain('1件提案获得主要领导批示。');
    expect(md).not.toContain('1件次');
  });
  it('equal counts read 各, and 集体提案 counts 界别 and 专委会', () => {
    expect(md).toContain('全年召开常委会议、协商座谈会各1次');
    expect(md).toContain('集体提案3件');
  });
});

describe('the genre’s figures the reports lacked', () => {
  it('shares of 立案 by category and by submitter kind, the categories that have proposals, and 见面率 missing rather than 0', async () => {
    const run = await report(['stats', '2023', '--data', dataDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const f = (JSON.parse(run.stdout) as { figures: Record<string, { value: unknown; printed: string }> }).figures;
    // Four 立案 (with 并案): 经济类 2, 民生和社会事业 2; the register has four categories, three have proposals.
    expect(f['proposals.filedByCategory.经济类.share']!.printed).toBe('50.0%');
    expect(f['proposals.filedBySubmitterKind.委员.share']!.printed).toBe('25.0%');
    expect(f['proposals.categoriesWithProposals']!.value).toBe(3);
    // No 已见面 column: 见面率 is a figure the data cannot give, never 0%.
    expect(f['proposals.meetingRate']!.value).toBeNull();
    expect(f['proposals.excellentProposals']!.value).toBeNull();
  });
});
