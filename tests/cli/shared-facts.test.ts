/**
 * The work report, the proposal report and the year summary of the bundled data are heard and
 * read together: a fact two of them state must read the same in each, in the same words (one word
 * means one thing) and at the same precision (never 460多件 in one place and 463件 in another).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const KINDS = { annual: 'report.md', proposals: 'proposals.md', summary: 'summary.md' } as const;
const reports: Record<string, string> = {};

beforeAll(async () => {
  const out = await tempDir();
  for (const [kind, file] of Object.entries(KINDS)) {
    const run = await report(['build', '2023', '--data', DATA, '--kind', kind, '--out', out, '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    reports[kind] = (await readFile(path.join(out, '2023', file), 'utf8')).replace(/\n/g, '');
  }
}, 120_000);

/** Each fact the sample prose states in more than one report, and how it is written. */
const FACTS: Array<[string, RegExp]> = [
  ['收到提案', /收到提案(\d+)件/g],
  ['立案', /(?<![不予])立案(\d+)件/g],
  ['民生和社会事业提案及占比', /民生和社会事业领域(?:的)?提案(\d+件，占比[\d.]+%)/g],
  ['办复率', /办复率(?:为|达)?([\d.]+%)/g],
  ['满意和基本满意率', /满意和基本满意率(?:为|达)?([\d.]+%)/g],
  ['调研视察报告', /(?<!牵头)完成调研视察报告(\d+)篇/g],
  ['调研视察报告获批示', /在这些报告上作出批示(\d+)件次/g],
  ['会上提出意见建议', /会上提出意见建议(\d+)条/g],
  ['党组理论学习中心组专题学习会', /党组理论学习中心组专题学习会(\d+)次/g],
  ['主席会议集体学习', /主席会议集体学习(\d+)次/g],
  ['常委会议专题学习', /常委会议专题学习(\d+)次/g],
  ['向市委专题报告', /专题报告(\d+)件次/g],
  ['党组会议', /召开党组会议(\d+)次/g],
  ['委员读书分享活动', /读书分享活动(\d+)场/g],
  ['社情民意信息报送', /报送(\d+)篇/g],
  ['“两代表一委员”工作室', /(?:工作室(\d+)个|(\d+)个“两代表一委员”工作室)/g],
  ['帮助解决实际问题', /解决实际问题(\d+[多余]?)件/g],
  ['志愿服务', /志愿服务(?:活动)?(\d+)次/g],
];

describe('the bundled 2023 reports state each shared fact once, the same way', () => {
  it.each(FACTS)('%s', (_name, re) => {
    const seen = Object.entries(reports).flatMap(([kind, md]) => [...md.matchAll(re)].map((m) => `${m.slice(1).find((v) => v !== undefined)}（${kind}）`));
    const values = new Set(seen.map((s) => s.replace(/（.*）$/, '')));
    expect(values.size, seen.join(' / ')).toBe(1);
  });

  it('the facts above are each stated in at least two of the three reports', () => {
    for (const [name, re] of FACTS) {
      const kinds = Object.entries(reports).filter(([, md]) => [...md.matchAll(re)].length > 0).map(([kind]) => kind);
      expect(kinds.length, name).toBeGreaterThanOrEqual(2);
    }
  });

  it('calls the answered rate 办复率 in all three (not 办结率 in one and 办复率 in another)', () => {
    for (const [kind, md] of Object.entries(reports)) expect(md, kind).not.toContain('办结率');
  });

  it('calls the satisfaction rate what it counts: 满意和基本满意率, never 提案者满意率 alone', () => {
    for (const [kind, md] of Object.entries(reports)) expect(md, kind).not.toMatch(/提案者满意率/);
  });
});
