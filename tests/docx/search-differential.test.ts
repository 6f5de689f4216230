/**
 * The writer's two searches, made faster, find what they found before: the title's line breaks
 * (each line measured once per search, the cheapest turns and longest lines tried first) and the
 * document grid's charSpace (only the values that can qualify are tried). The searches as they were are kept in ./reference/; both run on the
 * saved reports' titles, random titles made of the genre's words, and random pages and fonts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, type Layout } from '../../src/domain/layout.js';
import { documentGrid } from '../../src/write/docx/document-grid.js';
import { lineWidthPt, titleLines } from '../../src/write/docx/title-break.js';
import { documentGrid as referenceGrid } from './reference/document-grid.js';
import { searchedLines, titleLines as referenceTitleLines } from './reference/title-break.js';
import { reportDocument, REPORTS } from '../write/reports.js';

const WORDS = ['中国人民政治协商会议', '政协', '江北省', '云州市', '柳塘区', '内蒙古自治区', '呼和浩特市', '赛罕区', '第十届', '委员会', '常务委员会', '工作报告', '关于', '十届一次会议以来', '提案工作情况的报告', '在', '2024年1月8日', '——', '第二次会议上', '的', '市委', 'ABC', '（', '）', '“', '”', '、', '，'];
const title = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 11 }).map((w) => w.join(''));
const measure = fc.record({
  widthPt: fc.constantFrom(442.2, 300, 150.5, 80),
  sizePt: fc.constantFrom(22, 16, 14, 10.5, 30),
  trackingPt: fc.constantFrom(0, -0.25, 0.5, 1.33, -2),
});

describe('the title search', () => {
  it('breaks the saved reports’ titles and subtitles as before', () => {
    for (const report of REPORTS) {
      for (const block of reportDocument(report).blocks) {
        if (block.type !== 'paragraph' || (block.kind !== 'title' && block.kind !== 'subtitle')) continue;
        const text = block.inlines.map((i) => (i.type === 'text' ? i.text : '')).join('');
        for (const m of [{ widthPt: 442.2, sizePt: 22, trackingPt: 0 }, { widthPt: 442.2, sizePt: 16, trackingPt: -0.25 }, { widthPt: 300, sizePt: 22, trackingPt: 0.5 }]) {
          expect(titleLines(text, m), `${report.name}: ${text}`).toEqual(referenceTitleLines(text, m));
        }
      }
    }
  });

  it('breaks random titles of the genre’s words as before, or better where the search before was cut short', () => {
    let cut = 0;
    fc.assert(
      fc.property(title, measure, (t, m) => {
        const before = searchedLines(t, m);
        const lines = titleLines(t, m);
        if (before.complete) {
          expect(lines).toEqual(before.lines);
          return;
        }
        // Stopped at its bound, the search before kept the best it had met (or the title whole,
        // having met none); met in a better order now, the search ends within it, with no more
        // lines, each fitting the measure when there is more than one.
        cut++;
        expect(lines.join('')).toBe(t);
        expect(lines.length).toBeLessThanOrEqual(before.lines.length);
        if (lines.length > 1) for (const line of lines) expect(lineWidthPt(line, m)).toBeLessThanOrEqual(m.widthPt + 1e-6);
      }),
      { numRuns: 200, seed: 24 },
    );
    // Both kinds were met (the bound is reached by long titles on narrow measures), most titles compared line for line.
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(20);
  });
});

describe('the document grid', () => {
  it('finds the default page’s grid as before', () => {
    expect(documentGrid(DEFAULT_LAYOUT)).toEqual(referenceGrid(DEFAULT_LAYOUT));
    expect(documentGrid(DEFAULT_LAYOUT).type).toBe('linesAndChars');
  });

  it('finds the same grid for random pages, sizes and tracking', () => {
    const layout = fc.record({
      widthMm: fc.constantFrom(210, 184, 297, 148, 20),
      left: fc.constantFrom(28, 31.7, 0, 25.4),
      right: fc.constantFrom(26, 12.5, 0, 31.75),
      sizePt: fc.integer({ min: 1, max: 80 }).map((n) => n / 2),
      trackingPt: fc.integer({ min: -100, max: 400 }).map((n) => n / 20),
      lineSpacingPt: fc.constantFrom(28.95, 30, 22, 12.3),
    });
    let grids = 0;
    fc.assert(
      fc.property(layout, (l) => {
        const page = { ...DEFAULT_LAYOUT.page, widthMm: l.widthMm, marginsMm: { ...DEFAULT_LAYOUT.page.marginsMm, left: l.left, right: l.right } };
        const body = { ...DEFAULT_LAYOUT.paragraphs.body, sizePt: l.sizePt, trackingPt: l.trackingPt };
        const full: Layout = { ...DEFAULT_LAYOUT, page, lineSpacingPt: l.lineSpacingPt, paragraphs: { ...DEFAULT_LAYOUT.paragraphs, body } };
        const grid = documentGrid(full);
        if (grid.type === 'linesAndChars') grids++;
        expect(grid).toEqual(referenceGrid(full));
      }),
      { numRuns: 300, seed: 24 },
    );
    // Both kinds of result were compared, not only "no grid".
    expect(grids).toBeGreaterThan(30);
  });
});
