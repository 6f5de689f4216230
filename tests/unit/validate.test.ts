import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { copyFixture, edit, lineOf } from '../helpers/fixture.js';

async function problems(mutate: (dir: string) => Promise<void>) {
  const dir = await copyFixture('minimal');
  await mutate(dir);
  const result = await check({ dataDir: dir, year: 2023, cwd: dir });
  return { dir, diagnostics: result.diagnostics, result };
}

describe('validate: schema', () => {
  it('accepts the minimal fixture without problems', async () => {
    const { diagnostics, result } = await problems(async () => {});
    expect(diagnostics).toEqual([]);
    expect(result.context?.proposals.total).toBe(5);
  });
  it('reports a wrong type, an unknown value and an unknown field at their positions', async () => {
    const { dir, diagnostics } = await problems(async (d) => {
      const f = path.join(d, '2023', 'meetings.yaml');
      await edit(f, 'suggestions: 17', 'suggestions: 十七');
      await edit(f, 'kind: 双月协商座谈会', 'kind: 座谈会');
      await edit(f, 'suggestions: 6, tags', 'suggestion: 6, tags');
    });
    const f = path.join(dir, '2023', 'meetings.yaml');
    expect(diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([
      ['RPT201', '2023/meetings.yaml', await lineOf(f, '十七')],
      ['RPT203', '2023/meetings.yaml', await lineOf(f, '座谈会,')],
      ['RPT204', '2023/meetings.yaml', await lineOf(f, 'suggestion:')],
    ]);
    expect(diagnostics[0]!.message).toContain('suggestions');
    expect(diagnostics[1]!.hint).toContain('双月协商座谈会');
    // The column points at the value itself.
    const line = (await import('node:fs')).readFileSync(f, 'utf8').split('\n')[diagnostics[0]!.line! - 1]!;
    expect([...line].slice(diagnostics[0]!.column! - 1).join('').startsWith('十七')).toBe(true);
  });
  it('names true and false in quotes, apart from the Chinese around them', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'proposals.yaml'), 'category: 经济建设, filing: 立案, handled: false', 'category: 经济建设, filing: 立案, handled: 否');
    });
    expect(diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([
      ['RPT201', '“handled”应为“true”或“false”，实际是文字“否”', '把“handled”改为“true”或“false”。'],
    ]);
  });
  it('reports a missing required field on the record that lacks it', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'proposals.yaml'), 'title: 关于优化营商环境的建议, ', '');
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'RPT202', line: 5, path: 'proposals[2].title' });
  });
});

describe('validate: cross-record checks', () => {
  it('finds duplicate ids, dates outside the year and dangling references in one run', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'proposals.yaml'), 'id: P3,', 'id: P2,');
      await edit(path.join(d, '2023', 'meetings.yaml'), 'date: 2023-08-20', 'date: 2022-08-20');
      await edit(path.join(d, '2023', 'research.yaml'), '{id: A3, report: R2', '{id: A3, report: R9');
    });
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['RPT301', 'RPT302', 'RPT303']);
    expect(diagnostics.find((d) => d.code === 'RPT301')!.message).toContain('P2');
  });
  it('finds parts exceeding the whole and hand counts that disagree with records', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'information.yaml'), 'adopted: 43', 'adopted: 143');
      await edit(path.join(d, '2023', 'activities.yaml'), 'inCommittees: 276', 'inCommittees: 280');
    });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['RPT304', 'members.inCommittees'],
      ['RPT304', 'information.counts.adopted'],
    ]);
  });
  it('refuses a part that a second file of the year writes again', async () => {
    const { diagnostics } = await problems(async (d) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(path.join(d, '2023', 'zz-extra.yaml'), 'members:\n  total: 3\n');
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'RPT307', file: '2023/zz-extra.yaml', line: 1, column: 1 });
    expect(diagnostics[0]!.message).toContain('2023/activities.yaml');
  });
  it('checks categories against the organisation register', async () => {
    const { diagnostics } = await problems(async (d) => {
      await edit(path.join(d, '2023', 'proposals.yaml'), 'category: 经济建设', 'category: 经济发展');
    });
    expect(diagnostics[0]).toMatchObject({ code: 'RPT306' });
    expect(diagnostics[0]!.hint).toContain('民生和社会事业');
  });
});
