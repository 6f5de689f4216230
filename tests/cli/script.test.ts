/**
 * --script hant, for each kind: the same report in traditional characters, every figure
 * byte-identical to the simplified build, in Markdown and in Word; and the converter itself.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textRuns, toScript } from '../../src/render/script.js';
import { docxPart, docxText } from '../helpers/docx.js';
import { TERM, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

/** Every figure in the text, in order: digits with their decimals, separators and percent signs. */
const figures = (text: string) => text.match(/[0-9][0-9.,:%～-]*/g) ?? [];

const KINDS: Array<{ kind: string; args: string[]; file: string }> = [
  { kind: 'annual', args: ['build', '2023'], file: '2023/report' },
  { kind: 'summary', args: ['build', '2023', '--kind', 'summary'], file: '2023/summary' },
  { kind: 'term', args: ['build', '2018-2022', '--kind', 'term', '--data', TERM], file: '2018-2022/report' },
];

describe('report build --script hant', () => {
  for (const { kind, args, file } of KINDS) {
    it(`renders the ${kind} report in traditional characters with the figures untouched`, async () => {
      const out = await tempDir();
      expect((await report([...args, '--out', out, '--format', 'md'])).code).toBe(0);
      const run = await report([...args, '--out', out, '--script', 'hant']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`${file}.hant.md`);
      const hans = await readFile(path.join(out, `${file}.md`), 'utf8');
      const hant = await readFile(path.join(out, `${file}.hant.md`), 'utf8');
      expect(hant).not.toBe(hans);
      expect(hant).toContain('政協');
      expect(hant).not.toContain('政协');
      expect(figures(hant)).toEqual(figures(hans));
      expect(figures(hans).length).toBeGreaterThan(20);
      // Markdown conventions survive the conversion.
      expect(hant.split('\n').filter((l) => l.startsWith('#')).length).toBe(hans.split('\n').filter((l) => l.startsWith('#')).length);
      expect(hant.match(/\{\.[a-z-]+\}/g)).toEqual(hans.match(/\{\.[a-z-]+\}/g));

      const docx = await readFile(path.join(out, `${file}.hant.docx`));
      const text = docxText(docx);
      expect(text).toContain('政協');
      expect(text).not.toContain('政协');
      expect(figures(text)).toEqual(figures(hant.replace(/^#+ |\{\.[a-z-]+\}|\*\*/gm, '')));
      expect(docxPart(docx, 'docProps/core.xml')).toMatch(/委員會/);
    });
  }

  it('gives the same bytes twice (the converter is deterministic)', async () => {
    const a = await tempDir();
    const b = await tempDir();
    for (const out of [a, b]) expect((await report(['build', '2023', '--kind', 'summary', '--script', 'hant', '--out', out])).code).toBe(0);
    for (const ext of ['md', 'docx']) {
      const [x, y] = await Promise.all([readFile(path.join(a, '2023', `summary.hant.${ext}`)), readFile(path.join(b, '2023', `summary.hant.${ext}`))]);
      expect(x.equals(y)).toBe(true);
    }
  });

  it('refuses an unknown script', async () => {
    const run = await report(['build', '2023', '--script', 'hk', '--out', await tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--script 只能是 hans');
  });
});

describe('the script converter (render/script.ts)', () => {
  it('splits text into word runs and number runs', () => {
    expect(textRuns('提案232件，占比37.1%，2024年1月8日，25～30人')).toEqual([
      { text: '提案', number: false },
      { text: '232', number: true },
      { text: '件，占比', number: false },
      { text: '37.1%', number: true },
      { text: '，', number: false },
      { text: '2024', number: true },
      { text: '年', number: false },
      { text: '1', number: true },
      { text: '月', number: false },
      { text: '8', number: true },
      { text: '日，', number: false },
      { text: '25～30', number: true },
      { text: '人', number: false },
    ]);
  });

  it('converts the words to traditional characters and leaves the numbers and the Markdown alone', async () => {
    const simplified = '**（一）坚持和加强党的全面领导。**{.run-in}市政协召开会议62次，提出意见建议139条，办结率92.7%。\n\n——2024年1月8日 {.subtitle}\n';
    const traditional = await toScript(simplified, 'hant');
    expect(traditional).toBe('**（一）堅持和加強黨的全面領導。**{.run-in}市政協召開會議62次，提出意見建議139條，辦結率92.7%。\n\n——2024年1月8日 {.subtitle}\n');
    const numbers = (s: string) => textRuns(s).filter((r) => r.number).map((r) => r.text);
    expect(numbers(traditional)).toEqual(numbers(simplified));
    expect(await toScript(simplified, 'hans')).toBe(simplified);
  });
});
