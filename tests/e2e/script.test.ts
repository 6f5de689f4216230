/**
 * --script hant through the CLI, for each kind: the same report in traditional characters,
 * every figure byte-identical to the simplified build, in Markdown and in Word.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { elements, part, unzipParts } from '../docx/docx-xml.js';
import { runCli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/fixture.js';

/** Every figure in the text, in order: digits with their decimals, separators and percent signs. */
const figures = (text: string) => text.match(/[0-9][0-9.,:%～-]*/g) ?? [];

const KINDS: Array<{ kind: string; args: string[]; file: string }> = [
  { kind: 'annual', args: ['build', '2023'], file: '2023/report' },
  { kind: 'summary', args: ['build', '2023', '--kind', 'summary'], file: '2023/summary' },
  { kind: 'term', args: ['build', '2018-2022', '--kind', 'term', '--data', path.join(ROOT, 'examples', 'term-2018-2022')], file: '2018-2022/report' },
];

describe('report build --script hant', () => {
  for (const { kind, args, file } of KINDS) {
    it(`renders the ${kind} report in traditional characters with the figures untouched`, { timeout: 30_000 }, async () => {
      const out = await tempDir();
      expect((await runCli([...args, '--out', out, '--format', 'md'])).code).toBe(0);
      const run = await runCli([...args, '--out', out, '--script', 'hant']);
      expect(run.code).toBe(0);
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

      const parts = unzipParts(await readFile(path.join(out, `${file}.hant.docx`)));
      const text = elements(part(parts, 'word/document.xml'), 'w:t')
        .map((t) => t.replace(/<[^>]+>/g, ''))
        .join('');
      expect(text).toContain('政協');
      expect(text).not.toContain('政协');
      expect(figures(text)).toEqual(figures(hant.replace(/^#+ |\{\.[a-z-]+\}|\*\*/gm, '')));
      expect(part(parts, 'docProps/core.xml')).toMatch(/委員會/);
    });
  }

  it('gives the same bytes twice (the converter is deterministic)', { timeout: 30_000 }, async () => {
    const a = await tempDir();
    const b = await tempDir();
    for (const out of [a, b]) expect((await runCli(['build', '2023', '--kind', 'summary', '--script', 'hant', '--out', out])).code).toBe(0);
    for (const ext of ['md', 'docx']) {
      const [x, y] = await Promise.all([readFile(path.join(a, '2023', `summary.hant.${ext}`)), readFile(path.join(b, '2023', `summary.hant.${ext}`))]);
      expect(x.equals(y)).toBe(true);
    }
  });

  it('refuses an unknown script', async () => {
    const run = await runCli(['build', '2023', '--script', 'hk', '--out', await tempDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--script 只能是 hans');
  });
});
