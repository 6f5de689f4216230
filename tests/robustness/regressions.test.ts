/**
 * Bugs the property-based tests found, each pinned by the smallest case that showed it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, render } from '../../src/pipeline.js';
import { copyFixture, edit, lineOf } from '../helpers/fixture.js';
import { positionFailures } from './oracle.js';

describe('found by the robustness properties', () => {
  it('places problems of information items on the item (they had no file or line)', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'information.yaml');
    await writeFile(
      file,
      'information:\n  items:\n    - {id: I1, title: 甲, date: 2023-02-01, submitted: true}\n    - {id: I1, title: 乙, date: 2023-03-01, adopted: true}\n',
    );
    const result = await check({ dataDir: data, year: 2023, cwd: data });
    const duplicate = result.diagnostics.find((d) => d.code === 'RPT301');
    expect(duplicate).toMatchObject({ file: '2023/information.yaml', line: await lineOf(file, '乙') });
    expect(duplicate?.message).toContain('首次出现在 2023/information.yaml:3');
    const inconsistent = result.diagnostics.find((d) => d.code === 'RPT309');
    expect(inconsistent).toMatchObject({ file: '2023/information.yaml', line: await lineOf(file, '乙') });
  });

  it('refuses an empty organization.yaml with an error (it gave neither a report nor an error)', async () => {
    const data = await copyFixture('minimal');
    await writeFile(path.join(data, 'organization.yaml'), '# 组织信息\n');
    const result = await render({ dataDir: data, year: 2023, cwd: data });
    expect(result.markdown).toBeUndefined();
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'RPT202', severity: 'error', file: 'organization.yaml', line: 1, column: 1 }),
    );
  });

  it('keeps a problem at the end of block-literal prose inside the text (it pointed past the last line)', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'narrative.yaml');
    // Handlebars reported an unclosed {{#each}} at the end of the value, one line past its text; it is now placed at the tag.
    await edit(file, '  closing: 各位委员，使命催人奋进，实干方显担当。', '  closing: |\n    各位委员，使命催人奋进，{{#each x}}\n    实干方显担当。');
    const result = await render({ dataDir: data, year: 2023, cwd: data });
    const problem = result.diagnostics.find((d) => d.code === 'RPT403');
    expect(problem).toMatchObject({ file: '2023/narrative.yaml', line: (await lineOf(file, '{{#each x}}')) });
    expect(positionFailures(result.diagnostics, data)).toEqual([]);
  });

  it('calls a missing field with fixed values missing (it said the value “undefined” was not allowed)', async () => {
    const data = await copyFixture('minimal');
    await writeFile(path.join(data, '2023', 'extra.yaml'), 'proposals:\n  - {id: P99, title: 关于某事的建议, category: 其他}\n');
    const result = await check({ dataDir: data, year: 2023, cwd: data });
    const messages = result.diagnostics.filter((d) => d.file === '2023/extra.yaml').map((d) => d.message);
    expect(messages).toEqual(expect.arrayContaining(['缺少必填字段“submitter”', '缺少必填字段“filing”']));
    expect(messages.join()).not.toContain('undefined');
  });

  it('places a partial that is not available where it is used ({{> report}}, a piece in prose)', async () => {
    // Both failed at render time as RPT506 with no line.
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'narrative.yaml');
    await edit(file, '  closing: 各位委员，使命催人奋进', '  closing: 各位委员，{{> opening}}使命催人奋进');
    const prose = await render({ dataDir: data, year: 2023, cwd: data });
    expect(prose.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'RPT503', file: '2023/narrative.yaml', line: await lineOf(file, '{{> opening}}'), column: 17 }),
    );
    const templates = path.join(data, 'my-templates');
    await mkdir(templates);
    await writeFile(path.join(templates, 'opening.hbs'), '各位委员：\n{{> report}}\n');
    await edit(file, '{{> opening}}', '');
    const piece = await render({ dataDir: data, year: 2023, cwd: data, templatesDir: templates });
    expect(piece.diagnostics).toContainEqual(expect.objectContaining({ code: 'RPT503', file: 'my-templates/opening.hbs', line: 2, column: 1 }));
  });

  it('shows control characters in a quoted value as escapes (a carriage return garbled the line)', async () => {
    const data = await copyFixture('minimal');
    await writeFile(path.join(data, '2023', 'extra.yaml'), 'proposalCounts: {received: "12\\r34\\u0007"}\n');
    const result = await check({ dataDir: data, year: 2023, cwd: data });
    const message = result.diagnostics.find((d) => d.file === '2023/extra.yaml')?.message;
    expect(message).toBe('“received”应为数字，实际是文字“12\\r34\\u0007”');
  });
});

