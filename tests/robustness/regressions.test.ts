/**
 * Bugs the property-based tests found, each pinned by the smallest case that showed it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, edit, lineOf, positionOf } from '../helpers/fixture.js';
import { runAnnual } from '../helpers/library.js';
import { positionFailures } from './oracle.js';

describe('found by the robustness properties', () => {
  it('places problems of information items on the item (they had no file or line)', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'information.yaml');
    await writeFile(
      file,
      'information:\n  - {id: I1, title: 甲, date: 2023-02-01, submitted: true}\n  - {id: I1, title: 乙, date: 2023-03-01, adoptedBy: [市委]}\n',
    );
    const result = await runAnnual(data);
    const duplicate = result.diagnostics.find((d) => d.code === 'RPT301');
    expect(duplicate).toMatchObject({ file: '2023/information.yaml', line: await lineOf(file, '乙') });
    expect(duplicate?.message).toContain('首次出现在 2023/information.yaml:2');
    const inconsistent = result.diagnostics.find((d) => d.code === 'RPT331');
    expect(inconsistent).toMatchObject({ file: '2023/information.yaml', line: await lineOf(file, '乙') });
    expect(positionFailures(result.diagnostics, data)).toEqual([]);
  });

  it('refuses an empty organization.yaml with an error (it gave neither a report nor an error)', async () => {
    const data = await copyFixture('minimal');
    await writeFile(path.join(data, 'organization.yaml'), '# 组织信息\n');
    const result = await runAnnual(data);
    expect(result.report).toBeUndefined();
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ file: 'organization.yaml', line: 1, column: 1, severity: 'error' }));
    expect(positionFailures(result.diagnostics, data)).toEqual([]);
  });

  it('keeps a problem at the end of a paragraph inside the text (it pointed past the last line)', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'narrative.md');
    // An unclosed {{#each}} is reported by Handlebars at the end of the text, past its last character.
    await edit(file, '各位委员，使命催人奋进，实干方显担当。', '各位委员，使命催人奋进，{{#each x}}\n实干方显担当。');
    const result = await runAnnual(data);
    const problem = result.diagnostics.find((d) => d.code === 'RPT403');
    expect(problem?.file).toBe('2023/narrative.md');
    expect([await lineOf(file, '{{#each x}}'), await lineOf(file, '实干方显担当')]).toContain(problem!.line);
    expect(positionFailures(result.diagnostics, data)).toEqual([]);
  });

  it('calls a missing field with fixed values missing (it said the value “undefined” was not allowed)', async () => {
    const data = await copyFixture('minimal');
    await writeFile(path.join(data, '2023', 'extra.yaml'), 'proposals:\n  - {id: P99, title: 关于某事的建议, proposer: 某委员, category: 其他}\n');
    const result = await runAnnual(data);
    const messages = result.diagnostics.filter((d) => d.file === '2023/extra.yaml').map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages.join()).toMatch(/缺少必填字段“.*submitterKind.*”/);
    expect(messages.join()).toMatch(/缺少必填字段“.*review.*”/);
    expect(messages.join()).not.toContain('undefined');
  });

  it('places a partial that is not available where it is used ({{> report}}, a piece in prose)', async () => {
    // Both failed at render time as RPT506 with no line.
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'narrative.md');
    await edit(file, '各位委员，使命催人奋进', '各位委员，{{> report}}使命催人奋进');
    const prose = await runAnnual(data);
    // Prose cites figures only: a template piece in it is refused at the tag.
    expect(prose.diagnostics).toContainEqual(expect.objectContaining({ code: 'RPT403', file: '2023/narrative.md', ...(await positionOf(file, '{{> report}}')) }));
    expect(prose.diagnostics.find((d) => d.code === 'RPT403')!.message).toContain('不能插入模板片段');
    const templates = path.join(data, 'my-templates');
    await mkdir(templates);
    await writeFile(path.join(templates, 'opening.hbs'), '各位委员：\n{{> report}}\n');
    await edit(file, '{{> report}}', '');
    const piece = await runAnnual(data, { templatesDir: templates });
    expect(piece.diagnostics).toContainEqual(expect.objectContaining({ code: 'RPT503', file: 'my-templates/opening.hbs', line: 2, column: 1 }));
    // The folders searched are shown as the user names them, not as absolute paths.
    expect(piece.diagnostics.find((d) => d.code === 'RPT503')!.hint).toContain('my-templates/report.hbs');
    expect(piece.diagnostics.find((d) => d.code === 'RPT503')!.hint).not.toContain(data);
  });

  it('shows control characters in a quoted value as escapes (a carriage return garbled the line)', async () => {
    const data = await copyFixture('minimal');
    await writeFile(path.join(data, '2023', 'extra.yaml'), 'totals:\n  proposals: {received: "12\\r34\\t"}\n');
    const result = await runAnnual(data);
    const message = result.diagnostics.find((d) => d.file === '2023/extra.yaml')?.message;
    expect(message).toMatch(/^“.*received.*”应为.*，实际是文字“12\\r34\\t”$/);
    // A control character that cannot go into a Word document is refused as such, at its place.
    await writeFile(path.join(data, '2023', 'extra.yaml'), 'totals:\n  proposals: {received: "12\\u0007"}\n');
    const bell = await runAnnual(data);
    expect(bell.diagnostics.find((d) => d.file === '2023/extra.yaml')).toMatchObject({ code: 'RPT210', message: '文字中有不可用的控制字符 U+0007', line: 2 });
  });
});
