// The live preview in a real browser: Debian's chromium driven by playwright-core. Load the page,
// change a template piece and a narrative sentence, break the data, fix it — the page follows each
// time by itself. Skips (saying why) where /usr/bin/chromium is not installed; .ci/run installs it.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer, type RenderEvent } from '../../src/preview/server.js';
import { copyFixture, edit, lineOf, tempDir } from '../helpers/fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SKIPPED = `skipped: ${CHROMIUM} not found (apt-get install -y chromium; .ci/run installs it)`;
if (!HAVE_CHROMIUM) console.warn(`preview-browser.test.ts ${SKIPPED}`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Waits until the page's visible text contains (or no longer contains) `text`. */
async function waitForText(page: Page, text: string, present = true, timeout = 15_000): Promise<void> {
  // Polled from here, not evaluated in the page: the preview's CSP allows no eval, and a read
  // that meets a reload in progress is simply tried again.
  const deadline = Date.now() + timeout;
  let seen = '';
  for (;;) {
    seen = await page.locator('body').innerText({ timeout: 2_000 }).catch(() => seen);
    if (seen.includes(text) === present) return;
    if (Date.now() > deadline) throw new Error(`text “${text}” ${present ? 'never appeared' : 'never went away'}; the page shows:\n${seen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('report preview in Chromium', () => {
  let context: BrowserContext | undefined;
  let server: PreviewServer | undefined;
  let profile: string | undefined;
  const controller = new AbortController();
  const renders: RenderEvent[] = [];
  let data = '';
  let templates = '';

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) return;
    data = await copyFixture('minimal');
    templates = await tempDir('report-templates-');
    await mkdir(path.join(templates, 'annual'));
    server = await startPreview({ kind: 'annual', dataDirs: [data], cwd: data, templatesDir: templates, signal: controller.signal, debounceMs: 80, onRender: (e) => void renders.push(e) });
    profile = await tempDir('report-chromium-');
    // A fresh profile (--user-data-dir) for every run.
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    controller.abort();
    await server?.closed;
    if (profile) await rm(profile, { recursive: true, force: true });
  }, 30_000);

  it.skipIf(!HAVE_CHROMIUM)(
    HAVE_CHROMIUM ? 'shows the report and follows template edits, broken data and its fix without a manual reload' : `shows the report and follows edits — ${SKIPPED}`,
    async () => {
      const page = await context!.newPage();
      const loads: string[] = [];
      page.on('load', () => loads.push(page.url()));
      const response = await page.goto(server!.url);
      expect(response?.status()).toBe(200);
      expect(server!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      await waitForText(page, '现在，我代表政协青川市第九届委员会常务委员会，向大会报告工作');
      expect(await page.title()).toBe('中国人民政治协商会议江北省青川市第九届委员会常务委员会工作报告');
      expect(await page.locator('p.subtitle').innerText()).toContain('2024年1月8日');
      expect(await page.locator('strong.run-in').first().innerText()).toBe('（一）毫不动摇坚持和加强党的全面领导。');

      // A template piece in the --templates folder.
      await writeFile(path.join(templates, 'annual', 'opening.hbs'), '{{!-- 开头语 --}}\n受{{organization.shortName}}常务委员会委托，向大会报告工作。\n');
      await waitForText(page, '受青川市政协常务委员会委托，向大会报告工作。');
      await waitForText(page, '现在，我代表政协', false);

      // A narrative sentence.
      const narrative = path.join(data, '2023', 'narrative.md');
      await edit(narrative, '使命催人奋进', '使命光荣、责任重大');
      await waitForText(page, '各位委员，使命光荣、责任重大');

      // Broken data: the page lists the problem instead of the report.
      await edit(narrative, '提案{{proposals.total}}件', '提案{{proposals.totl}}件');
      const line = await lineOf(narrative, 'proposals.totl');
      await waitForText(page, 'RPT401');
      const problems = await page.locator('.preview-problems').innerText();
      expect(problems).toContain('报告未能生成：1 个错误');
      expect(problems).toMatch(new RegExp(`narrative\\.md:${line}:\\d+`));
      expect(problems).toContain('引用的数字或字段“proposals.totl”不存在');
      expect(problems).toContain('提示：');
      expect(await page.locator('main h1').innerText()).toBe('报告未能生成：1 个错误');
      await waitForText(page, '受青川市政协常务委员会委托', false);

      // Fixed: the report again.
      await edit(narrative, '{{proposals.totl}}', '{{proposals.total}}');
      await waitForText(page, '受青川市政协常务委员会委托，向大会报告工作。');
      await waitForText(page, 'RPT401', false);
      expect(await page.locator('body').innerText()).toContain('提案5件，比上年增长25.0%');

      // Every page after the first came from the page reloading itself.
      expect(loads.length).toBeGreaterThanOrEqual(5);
      expect(renders[0]?.ok).toBe(true);
      expect(renders.some((r) => !r.ok)).toBe(true);
      expect(renders.at(-1)?.ok).toBe(true);
      await page.close();
    },
    90_000,
  );
});
