/**
 * Determinism (issue 6): the bundled data gives byte-identical Markdown and Word files in any
 * time zone, under any locale, and from any folder. (tests/e2e/build-docx.test.ts does the
 * same for the minimal fixture.)
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/fixture.js';

const SETTINGS: Array<Record<string, string>> = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' },
  // West of UTC: a date read as UTC midnight would move back a day here.
  { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
];

describe('the bundled data builds byte-identically', () => {
  it('under three time zones and locales, each from another folder', async () => {
    const outputs: Array<{ md: Buffer; docx: Buffer }> = [];
    for (const env of SETTINGS) {
      // A fresh folder each time, holding its own copy of the data, run from inside it.
      const folder = await tempDir('report-determinism-');
      await cp(path.join(ROOT, 'data'), path.join(folder, 'data'), { recursive: true });
      const run = await runCli(['build', '2023', '--data', 'data', '--out', 'out'], { cwd: folder, env });
      expect(run.code, `${JSON.stringify(env)}: ${run.stderr}`).toBe(0);
      outputs.push({
        md: await readFile(path.join(folder, 'out', '2023', 'report.md')),
        docx: await readFile(path.join(folder, 'out', '2023', 'report.docx')),
      });
    }
    const [first, ...rest] = outputs;
    expect(first!.md.length).toBeGreaterThan(5000);
    expect(first!.docx.length).toBeGreaterThan(5000);
    rest.forEach((o, i) => {
      expect(o.md.equals(first!.md), `report.md under ${JSON.stringify(SETTINGS[i + 1])}`).toBe(true);
      expect(o.docx.equals(first!.docx), `report.docx under ${JSON.stringify(SETTINGS[i + 1])}`).toBe(true);
    });
  }, 120_000);
});
