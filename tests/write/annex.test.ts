/**
 * Annexes in official form (GB/T 9704 7.3.4, 8), built through the CLI from examples/county-2023's
 * proposal report: the annex note after the body, indented two characters, its further lines under
 * the first annex's name; each annex on a new page with "附件N" in 3号黑体 at the top left and its
 * title centred on the next line; table text smaller than the body; no table leaving fewer than
 * three rows before a page break. Looked at in the DOCX's XML, in LibreOffice's rendering of it,
 * in the tool's PDF and in Chromium's print of the HTML (each skipped, saying why, without it).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { attr, attrs, elements, part, style, text, unzipParts } from '../docx/docx-xml.js';
import { ROOT, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';
import { docxToPdf, hasCommand, hasTimesMetrics } from './measure.js';
import { lostMarks, pageLines, type PageLine } from './pages.js';

const COUNTY = path.join(ROOT, 'examples', 'county-2023');
const TITLES = ['提案分类统计表', '承办单位办理情况统计表'];
const MM = 72 / 25.4;
const m = DEFAULT_LAYOUT.page.marginsMm;
const LEFT = m.left * MM;
const CENTRE = (m.left + (DEFAULT_LAYOUT.page.widthMm - m.left - m.right) / 2) * MM;

let out: string;
const file = (name: string) => readFile(path.join(out, '2023', name));

beforeAll(async () => {
  out = await tempDir();
  const run = await report(['build', '2023', '--data', COUNTY, '--kind', 'proposals', '--out', out, '--format', 'md,docx,pdf,html']);
  expect(run.code, run.stderr).toBe(0);
}, 120_000);

/** What a rendering shows of the annexes: the page each starts on, its first two lines, and the
 * rows each page with a table ends on. */
function checkPages(pages: PageLine[][], rowsPerPageOf: (page: PageLine[]) => number) {
  const notePage = pages.findIndex((p) => p.some((l) => l.text.startsWith('附件：1.') || l.text.startsWith('附件：1．')));
  expect(notePage, 'the annex note').toBeGreaterThanOrEqual(0);
  const note = pages[notePage]!.findIndex((l) => l.text.startsWith('附件：'));
  const noteLine = pages[notePage]![note]!;
  // Two characters in from the type area's left edge; the next line under the first annex's name.
  expect(noteLine.xMin - LEFT).toBeCloseTo(2 * 16, -0.5);
  const second = pages[notePage]![note + 1]!;
  expect(second.text).toMatch(/^2[.．]承办单位办理情况统计表/);
  expect(second.xMin - LEFT).toBeCloseTo(5 * 16, -0.5);
  TITLES.forEach((title, i) => {
    const start = pages.findIndex((p) => p[0]?.text.replace(/\s/g, '') === `附件${i + 1}`);
    expect(start, `附件${i + 1} starts a page`).toBeGreaterThan(notePage);
    const [label, heading] = pages[start]!;
    expect(label!.xMin - LEFT).toBeLessThan(2);
    expect(heading!.text).toBe(title);
    expect((heading!.xMin + heading!.xMax) / 2 - CENTRE).toBeCloseTo(0, -0.5);
  });
  // Every page a table runs off holds at least three of its rows below the header.
  for (const [i, page] of pages.entries()) {
    const next = pages[i + 1];
    if (!next || !/主办单位|类别/.test(next[0]?.text ?? '')) continue;
    expect(rowsPerPageOf(page), `page ${i + 1}`).toBeGreaterThanOrEqual(3);
  }
}

/** Table rows on a page: lines from the header row on, less the header and the page number. */
const bodyRows = (page: PageLine[]) => {
  const header = page.findIndex((l) => /^(类别|主办单位)/.test(l.text));
  return header < 0 ? 0 : page.slice(header + 1).filter((l) => !/^[—-]\s*\d+\s*[—-]$/.test(l.text)).length;
};

describe('annexes in official form', () => {
  it('writes the annex note and the annex labels into report.md', async () => {
    const md = (await file('proposals.md')).toString();
    expect(md).toContain('附件：1.提案分类统计表\\\n2.承办单位办理情况统计表');
    expect(md.indexOf('附件1')).toBeGreaterThan(md.indexOf('附件：1.'));
  });

  it('gives the DOCX an annex note style, labels that start a page, and smaller table text', async () => {
    const parts = unzipParts(new Uint8Array(await file('proposals.docx')));
    const styles = part(parts, 'word/styles.xml');
    const label = style(styles, 'AnnexLabel');
    expect(label).toContain('<w:pageBreakBefore/>');
    expect(label).toContain('<w:keepNext/>');
    expect(attr(label, 'w:rFonts', 'w:eastAsia')).toBe('黑体');
    expect(attr(label, 'w:sz', 'w:val')).toBe('32');
    expect(attrs(style(styles, 'AnnexNote'), 'w:ind')).toMatchObject({ 'w:left': '1600', 'w:hanging': '960' });
    const body = Number(attr(style(styles, 'Normal'), 'w:sz', 'w:val'));
    expect(Number(attr(style(styles, 'TableText'), 'w:sz', 'w:val'))).toBeLessThan(body);
    expect(Number(attr(style(styles, 'TableHeader'), 'w:sz', 'w:val'))).toBeLessThan(body);
    const paragraphs = elements(part(parts, 'word/document.xml'), 'w:p');
    const labels = paragraphs.filter((p) => p.includes('<w:pStyle w:val="AnnexLabel"/>')).map(text);
    expect(labels).toEqual(['附件1', '附件2']);
    const notes = paragraphs.filter((p) => p.includes('<w:pStyle w:val="AnnexNote"/>'));
    expect(notes.map(text)).toEqual(['附件：1.提案分类统计表2.承办单位办理情况统计表']);
    expect(notes[0]).toContain('<w:br/>');
  });

  it.skipIf(!hasCommand('pdftotext'))('starts each annex on a new page in the tool’s PDF, its table text smaller than the body', async () => {
    const pages = pageLines(new Uint8Array(await file('proposals.pdf')));
    checkPages(pages, bodyRows);
    const bodyLine = pages[0]!.find((l) => l.text.startsWith('各位委员'))!;
    const row = pages.flat().find((l) => l.text.startsWith('经济建设'))!;
    expect(row.yMax - row.yMin).toBeLessThan(bodyLine.yMax - bodyLine.yMin);
  });

  const noLibreOffice = !(hasCommand('soffice') && hasCommand('pdftotext') && hasTimesMetrics());
  it.skipIf(noLibreOffice)('does the same in LibreOffice, its tables breaking where the PDF’s do', { timeout: 180_000 }, async () => {
    const lo = pageLines(docxToPdf(new Uint8Array(await file('proposals.docx'))));
    checkPages(lo, bodyRows);
    // Every punctuation mark of the report is on LibreOffice's pages, and no line starts with a closing one.
    const md = (await file('proposals.md')).toString();
    expect(lostMarks(md, lo.flat().map((l) => l.text).join('\n'))).toEqual([]);
    expect(lo.flat().filter((l) => /^[，。、；：？！”’）》]/.test(l.text)).map((l) => l.text)).toEqual([]);
    const pdf = pageLines(new Uint8Array(await file('proposals.pdf')));
    // The rows each annex page ends with are the same in both.
    const ends = (pages: PageLine[][]) =>
      pages.filter((p) => p.some((l) => /^(类别|主办单位)/.test(l.text))).map((p) => p.filter((l) => !/^[—-]\s*\d+\s*[—-]$/.test(l.text)).at(-1)!.text.replace(/\s/g, ''));
    expect(ends(lo)).toEqual(ends(pdf));
  });

  const CHROMIUM = '/usr/bin/chromium';
  it.skipIf(!existsSync(CHROMIUM) || !hasCommand('pdftotext'))('does the same in Chromium’s print of the HTML', { timeout: 120_000 }, async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${path.join(out, '2023', 'proposals.html')}`);
      const pdf = await page.pdf({ preferCSSPageSize: true });
      checkPages(pageLines(pdf), bodyRows);
    } finally {
      await browser.close();
    }
  });
});
