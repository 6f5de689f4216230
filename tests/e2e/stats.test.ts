import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, edit } from '../helpers/fixture.js';

describe('report stats', () => {
  it('prints the figures as a table beside the previous year', async () => {
    const data = await copyFixture('minimal');
    const run = await runCli(['stats', '2023', '--data', data]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^名称 +2023年 +2022年 +变化$/);
    expect(lines).toContainEqual(expect.stringMatching(/^proposals\.total +5 +4 +\+1（增长25%）$/));
    expect(lines).toContainEqual(expect.stringMatching(/^proposals\.handledRate +75% +100% +−25个百分点$/));
    expect(lines).toContainEqual(expect.stringMatching(/^proposals\.byCategory\.民生和社会事业\.count +3 +3 +持平$/));
    expect(lines).toContainEqual(expect.stringMatching(/^information\.adoptionRate +41\.3% +无法算出$/));
    expect(lines).toContainEqual(expect.stringMatching(/^organization\.shortName +青川市政协$/));
    expect(run.stdout).not.toMatch(/^(narrative|previous)\./m);
    expect(run.stderr).toBe('');
  });

  it('prints one JSON object with --json', async () => {
    const data = await copyFixture('minimal');
    const run = await runCli(['stats', '--data', data, '--json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { year: number; previousYear: number | null; figures: Record<string, { value: unknown; previous: unknown; change: unknown; growth: unknown }> };
    expect(json.year).toBe(2023);
    expect(json.previousYear).toBe(2022);
    expect(json.figures['proposals.total']).toEqual({ value: 5, previous: 4, change: 1, growth: 0.25 });
    expect(json.figures['proposals.byCategory.民生和社会事业.share']).toEqual({ value: 0.6, previous: 0.75, change: -0.15, growth: null });
    expect(json.figures['activities.study.parts.主席会议集体学习']!.value).toBe(12);
  });

  it('narrows the list with --only', async () => {
    const data = await copyFixture('minimal');
    const run = await runCli(['stats', '--data', data, '--only', 'meetings.byTag,members.total']);
    expect(run.code).toBe(0);
    const names = run.stdout.split('\n').slice(2).filter(Boolean).map((l) => l.split(/ +/)[0]);
    expect(names).toEqual(['meetings.byTag.民生.count', 'meetings.byTag.民生.suggestions', 'meetings.byTag.民生.adoptedSuggestions', 'meetings.byTag.民生.topics', 'members.total']);
    const none = await runCli(['stats', '--data', data, '--only', 'proposal']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('proposals');
  });

  it('shows no comparison when the previous year is absent', async () => {
    const data = await copyFixture('minimal');
    await rm(path.join(data, '2022'), { recursive: true });
    const run = await runCli(['stats', '2023', '--data', data]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^名称 +2023年$/);
    const json = JSON.parse((await runCli(['stats', '2023', '--data', data, '--json'])).stdout) as { previousYear: null };
    expect(json.previousYear).toBeNull();
  });

  it('stops with the problems when the data has errors, keeping stdout empty', async () => {
    const data = await copyFixture('minimal');
    await edit(path.join(data, '2023', 'proposals.yaml'), 'category: 经济建设', 'category: 经济');
    const run = await runCli(['stats', '--data', data, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('RPT306');
  });

  it('prints warnings to stderr and the figures to stdout', async () => {
    const data = await copyFixture('minimal');
    await edit(path.join(data, '2023', 'meetings.yaml'), 'topic: 智慧停车场建设', 'topic: ""');
    const run = await runCli(['stats', '--data', data, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('RPT311');
    expect(JSON.parse(run.stdout).figures['meetings.count'].value).toBe(4);
  });
});
