/**
 * A character that no font of the PDF has comes out blank in the PDF: it is told, with where it
 * is, and the rest of the report's characters are not.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, project } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

describe('6. a character no available font covers', () => {
  it('𠀀 (U+20000) in a name is a warning naming it and the text around it (RPT616), once', async () => {
    const cwd = await project(DATA);
    const file = path.join(cwd, 'data', '2023', 'narrative.md');
    const text = await readFile(file, 'utf8');
    const at = text.indexOf('\n\n', text.indexOf('\n# ')) + 2;
    await writeFile(file, `${text.slice(0, at)}委员张𠀀明同志参加了调研，张𠀀明提出建议。\n\n${text.slice(at)}`);
    const run = await report(['build', '2023', '--format', 'pdf'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const told = run.stderr.split('\n').filter((l) => l.includes('RPT616'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('“𠀀”（U+20000）');
    expect(told[0]).toContain('共 2 处');
    expect(told[0]).toContain('委员张𠀀明同志参加了调研');
  });
});
