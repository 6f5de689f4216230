import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { narrativeSkeleton, nextSitting, officeFromComment, planInit, shiftDate } from '../../src/scaffold/init.js';
import { PLACEHOLDER, findPlaceholders } from '../../src/validate/placeholders.js';
import { FIXTURES } from '../helpers/fixture.js';
import { parse } from 'yaml';

describe('scaffold pieces', () => {
  it('moves a date by whole years, keeping the calendar day', () => {
    expect(shiftDate('2024-01-08', 1)).toBe('2025-01-08');
    expect(shiftDate('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftDate('2023-02-28', 1)).toBe('2024-02-28');
    expect(shiftDate('2023-12-31', 2)).toBe('2025-12-31');
  });

  it('carries the sitting over: same term and speaker, next session, a year later', () => {
    const sitting = { term: 10, session: 1, reportingTerm: 9, date: '2023-01-05', speaker: '孙立群', salutation: '各位委员：' };
    expect(nextSitting(sitting, 1, false)).toEqual({ term: 10, session: 2, date: '2024-01-05', speaker: '孙立群' });
    expect(nextSitting(sitting, 1, true)).toEqual({ term: 10, session: 2, date: '2024-01-05', speaker: '孙立群', salutation: '各位委员：' });
  });

  it('keeps the headings of the narrative and replaces every text with a placeholder', () => {
    const skeleton = narrativeSkeleton(
      {
        review: { overview: ['旧一', '旧二'], sections: [{ heading: '坚持党的领导', paragraphs: [{ lead: '旧导语。', text: '旧正文' }, '旧段落'] }] },
        thanks: '旧致谢',
        shortcomings: ['旧不足'],
        plan: { requirements: '旧要求', items: [{ heading: '加强领导。', text: '旧安排' }] },
        closing: '旧结束语',
      },
      2024,
    ) as { review: { sections: Array<{ heading: string; paragraphs: string[] }> }; plan: { items: Array<{ heading: string; text: string }> } };
    expect(skeleton.review.sections).toEqual([{ heading: '坚持党的领导', paragraphs: [`${PLACEHOLDER}这一部分的正文`] }]);
    expect(skeleton.plan.items[0]!.heading).toBe('加强领导。');
    // Every prose string is a placeholder: none of last year's text survives, and none is blank.
    const strings = findPlaceholders(skeleton);
    expect(strings.map((s) => s.path.join('.'))).toEqual([
      'review.overview',
      'review.sections.0.paragraphs.0',
      'thanks',
      'shortcomings',
      'plan.requirements',
      'plan.items.0.text',
      'closing',
    ]);
    expect(JSON.stringify(skeleton)).not.toContain('旧');
  });

  it('keeps the shape of a year summary, its texts and headlines as placeholders', () => {
    const narrative = {
      review: { overview: '旧', sections: [{ heading: '甲', paragraphs: ['旧'] }, { heading: '乙', paragraphs: ['旧'] }] },
      thanks: '旧',
      shortcomings: '旧',
      plan: { requirements: '旧', items: [{ heading: '加强领导。', text: '旧' }] },
      closing: '旧',
    };
    const summary = { title: '旧标题', lead: ['旧导语'], sections: [{ headline: '旧一' }, { headline: '旧二', paragraphs: ['旧段'] }], closing: '旧结尾' };
    const skeleton = narrativeSkeleton({ ...narrative, summary }, 2024) as { summary?: unknown };
    expect(skeleton.summary).toEqual({
      title: `${PLACEHOLDER}综述的标题`,
      lead: `${PLACEHOLDER}综述的导语`,
      sections: [{ headline: `${PLACEHOLDER}这一部分的小标题` }, { headline: `${PLACEHOLDER}这一部分的小标题`, paragraphs: [`${PLACEHOLDER}这一部分的正文`] }],
      closing: `${PLACEHOLDER}综述的结尾`,
    });
    expect(JSON.stringify(skeleton)).not.toContain('旧');
    expect(narrativeSkeleton({ ...narrative, summary: { title: '旧', lead: '旧' } }, 2024)).toMatchObject({ summary: { title: `${PLACEHOLDER}综述的标题`, lead: `${PLACEHOLDER}综述的导语` } });
    expect(narrativeSkeleton(narrative, 2024)).not.toHaveProperty('summary');
  });

  it('finds the office in the first comment line of a file', () => {
    expect(officeFromComment('# 提案委员会：2023年度提案台账，一行一件提案。\nproposals: []\n')).toBe('提案委员会');
    expect(officeFromComment('# yaml-language-server: $schema=../../schema/year.schema.json\n# 办公室\nmeetings:\n')).toBe('办公室');
    expect(officeFromComment('# 研究室（会同各专门委员会）: 报告\n')).toBe('研究室（会同各专门委员会）');
    expect(officeFromComment('meetings: []\n# 办公室\n')).toBeUndefined();
    expect(officeFromComment('# 这是一条很长的说明文字而不是科室的名称所以不应当被当成科室\n')).toBeUndefined();
  });
});

describe('planInit on the minimal fixture', () => {
  it('plans one file per file of the latest year, each a valid year file', async () => {
    const plan = await planInit({ dataDir: path.join(FIXTURES, 'minimal'), year: 2024 });
    expect(plan.diagnostics).toEqual([]);
    expect(plan.sourceYear).toBe(2023);
    expect(plan.files.map((f) => path.basename(f.path))).toEqual([
      'activities.yaml',
      'information.yaml',
      'meetings.yaml',
      'narrative.yaml',
      'proposals.yaml',
      'research.yaml',
      'sitting.yaml',
    ]);
    const byName = Object.fromEntries(plan.files.map((f) => [path.basename(f.path), f.content]));
    for (const content of Object.values(byName)) {
      expect(content.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/year.schema.json');
    }
    expect(byName['meetings.yaml']).toContain('# 办公室：2024年度会议。');
    expect(parse(byName['meetings.yaml']!)).toEqual({ meetings: [] });
    expect(parse(byName['research.yaml']!)).toEqual({ reports: [], approvals: [] });
    expect(parse(byName['information.yaml']!)).toEqual({ information: { items: [] } });
    expect(parse(byName['sitting.yaml']!)).toEqual({ sitting: { term: 9, session: 3, date: '2025-01-08', speaker: '郭伦' } });
    // Members are year-end numbers: last year's stay a comment until someone confirms them.
    expect(parse(byName['activities.yaml']!)).toEqual({ activities: [] });
    expect(byName['activities.yaml']).toContain('#   total: 276');
  });

  it('plans from the latest year before the one asked for, moving the sitting by the gap', async () => {
    const plan = await planInit({ dataDir: path.join(FIXTURES, 'minimal'), year: 2026 });
    expect(plan.sourceYear).toBe(2023);
    const sitting = plan.files.find((f) => f.path.endsWith('sitting.yaml'))!;
    expect(parse(sitting.content).sitting).toMatchObject({ session: 5, date: '2027-01-08' });
  });

  it('refuses when no earlier year exists', async () => {
    const plan = await planInit({ dataDir: path.join(FIXTURES, 'minimal'), year: 2022 });
    expect(plan.files).toEqual([]);
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['RPT111']);
    expect(plan.diagnostics[0]!.hint).toContain('2022、2023');
  });
});

describe('validation of what is still empty', () => {
  it('gives no new warnings for a finished year', async () => {
    const result = await check({ dataDir: path.join(FIXTURES, 'minimal'), year: 2023 });
    expect(result.diagnostics.filter((d) => d.code === 'RPT313' || d.code === 'RPT314')).toEqual([]);
  });
});
