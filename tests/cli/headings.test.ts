/**
 * A heading printed on a line of its own ends without a full stop (（一）坚持党的领导，把稳履职方向);
 * a plan item, whose heading opens its first paragraph (（一）毫不动摇坚持和加强党的全面领导。始终…),
 * keeps its 。. A 。 where it does not belong is a warning at that 。.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, edit, positionOf, project, TERM } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

async function warnings(cwd: string, args: string[]) {
  const run = await report(['validate', ...args, '--format', 'json'], { cwd });
  expect(run.code, run.stderr).toBe(0);
  return jsonDiagnostics(run.stdout).filter((d) => d.code === 'RPT370');
}

describe('headings that stand on their own line', () => {
  it('warns at the 。 ending a review heading, and leaves the plan items’ 。 alone', async () => {
    const cwd = await project('minimal');
    const file = path.join(cwd, 'data', '2023', 'narrative.md');
    await edit(file, '## 助力民生改善\n', '## 助力民生改善。\n');
    const found = await warnings(cwd, ['2023']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', file: 'data/2023/narrative.md', ...(await positionOf(file, '。\n\n**')) });
    expect(found[0]!.message).toContain('助力民生改善。');
    expect(found[0]!.hint).toContain('删去“。”');
  });

  it('finds none in the bundled data and examples', async () => {
    expect(await warnings(await project(DATA), ['2023'])).toEqual([]);
    expect(await warnings(TERM, ['2018-2022', '--data', TERM])).toEqual([]);
  });
});
