/**
 * Chromium's print of the HTML: no page starts with the orphaned tail of a paragraph (such as
 * "业”。", which Chromium makes where Word hangs the marks past the edge: it does no hanging
 * punctuation). Built through the CLI from the bundled data, whose 2023 report printed a page
 * starting with "业”。" before (widows: 1). Skipped, saying why, without /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';
import { hasCommand } from './measure.js';
import { pageLines } from './pages.js';

const CHROMIUM = '/usr/bin/chromium';
const skip = !existsSync(CHROMIUM) ? `${CHROMIUM} not found (.ci/run installs it)` : !hasCommand('pdftotext') ? 'pdftotext is not installed' : undefined;
if (skip) console.warn(`tests/write/html-print.test.ts skipped: ${skip}`);

describe.skipIf(skip)('Chromium’s print of the HTML', () => {
  it('starts no page with a paragraph’s last line alone', { timeout: 120_000 }, async () => {
    const out = await tempDir();
    const run = await report(['build', '2023', '--data', DATA, '--out', out, '--format', 'html']);
    expect(run.code, run.stderr).toBe(0);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${path.join(out, '2023', 'report.html')}`);
      const pages = pageLines(await page.pdf({ preferCSSPageSize: true }));
      expect(pages.length).toBeGreaterThan(5);
      const body = (p: (typeof pages)[number]) => p.filter((l) => !/^[—-]\s*\d+\s*[—-]$/.test(l.text));
      // A page's first line that ends its paragraph, with a second line that starts a new one.
      const tails = pages.slice(1).flatMap((p) => {
        const [first, second] = body(p);
        return first && /[。！？”]$/.test(first.text) && (!second || second.xMin > first.xMin + 8) ? [first.text] : [];
      });
      expect(tails).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
