/**
 * Every report the repository can build — the bundled data, the examples and the fixtures — stays
 * as it is: its report.md and the DOCX's word/document.xml are compared with the files committed
 * next to this test (written from the build of the version before the core was restructured, and
 * equal to it). A change in the output is then a change of these files, seen in review.
 *
 * After an intended change of the output: UPDATE_GOLDEN=1 npx vitest run tests/golden
 * (the files are rewritten from the current build; check them with git diff).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docxPart } from '../helpers/docx.js';
import { DATA, FIXTURES, PANJIN, ROOT, TERM, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const GOLDEN = path.join(ROOT, 'tests', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const CASES: Array<{ name: string; args: string[]; output: string }> = [
  { name: 'data-2023', args: ['build', '2023', '--data', DATA], output: '2023/report' },
  { name: 'data-2023-summary', args: ['build', '2023', '--kind', 'summary', '--data', DATA], output: '2023/summary' },
  { name: 'data-2022', args: ['build', '2022', '--data', DATA], output: '2022/report' },
  { name: 'panjin-2022', args: ['build', '2022', '--data', PANJIN], output: '2022/report' },
  { name: 'term-2018-2022', args: ['build', '2018-2022', '--kind', 'term', '--data', TERM], output: '2018-2022/report' },
  { name: 'compilation-2022', args: ['build', '2022', '--data', PANJIN, '--data', DATA], output: '2022/compilation' },
  { name: 'minimal-2023', args: ['build', '2023', '--data', path.join(FIXTURES, 'minimal')], output: '2023/report' },
];

/** word/document.xml with a line break after each paragraph, so that a difference shows as the paragraph it is in. */
const documentXml = (docx: Buffer) => docxPart(docx, 'word/document.xml').replace(/<\/w:p>/g, '</w:p>\n');

async function compare(file: string, actual: string): Promise<void> {
  if (UPDATE) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const shown = path.relative(ROOT, file);
  expect(existsSync(file), `${shown} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/golden`).toBe(true);
  const expected = await readFile(file, 'utf8');
  if (actual === expected) return;
  // The first line that differs, then the whole comparison.
  const [a, b] = [actual.split('\n'), expected.split('\n')];
  const at = a.findIndex((line, i) => line !== b[i]);
  expect(a[at], `${shown} differs first at line ${at + 1} (after an intended change: UPDATE_GOLDEN=1 npx vitest run tests/golden)`).toBe(b[at]);
  expect(actual).toBe(expected);
}

describe('outputs compared with the committed golden files', () => {
  it.each(CASES)('$name', async ({ name, args, output }) => {
    const out = await tempDir('report-golden-');
    const run = await report([...args, '--out', out, '--format', 'md,docx']);
    expect(run.code, run.stderr).toBe(0);
    const md = await readFile(path.join(out, `${output}.md`), 'utf8');
    const docx = await readFile(path.join(out, `${output}.docx`));
    await compare(path.join(GOLDEN, name, `${path.basename(output)}.md`), md);
    await compare(path.join(GOLDEN, name, 'document.xml'), documentXml(docx));
  });
});
