/**
 * A PDF's pages as lines of text with their boxes (pdftotext -bbox), for tests that look at where
 * things fall on the page: which page an annex starts on, what a page ends with, where a line sits.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const cjk = <W extends { text: string }>(words: W[]): W | undefined => words.find((w) => /^[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+$/u.test(w.text));

export interface PageLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** The bottom of the line's Chinese characters (all from one face, so comparable from line to
   * line, unlike boxes that take in digits from the Latin face); yMax when it has none. */
  bottom: number;
  /** Height of the Chinese word that gave `bottom` (its type size, near enough); 0 when none. */
  cjkHeight: number;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Each page's lines, top to bottom, the words of a line joined without spaces. */
export function pageLines(pdf: Uint8Array): PageLine[][] {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-pages-'));
  let xml: string;
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    xml = execFileSync('pdftotext', ['-bbox', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return xml
    .split('<page ')
    .slice(1)
    .map((page) => {
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
        xMin: +w[1]!,
        yMin: +w[2]!,
        xMax: +w[3]!,
        yMax: +w[4]!,
        text: unescape(w[5]!),
      }));
      const groups: (typeof words)[] = [];
      // A word is on a line when their boxes overlap by half the smaller height (digits and
      // Chinese characters come from faces with different ascents, so their boxes differ).
      const overlaps = (a: (typeof words)[number], b: (typeof words)[number]) =>
        Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      for (const w of words.sort((a, b) => a.yMin + a.yMax - b.yMin - b.yMax)) {
        const last = groups[groups.length - 1];
        if (last && overlaps(last[0]!, w)) last.push(w);
        else groups.push([w]);
      }
      const lines: PageLine[] = groups.map((g) => {
        g.sort((a, b) => a.xMin - b.xMin);
        return {
          text: g.map((w) => w.text).join(''),
          xMin: g[0]!.xMin,
          xMax: Math.max(...g.map((w) => w.xMax)),
          yMin: Math.min(...g.map((w) => w.yMin)),
          yMax: Math.max(...g.map((w) => w.yMax)),
          bottom: cjk(g)?.yMax ?? Math.max(...g.map((w) => w.yMax)),
          cjkHeight: cjk(g) ? cjk(g)!.yMax - cjk(g)!.yMin : 0,
        };
      });
      return lines;
    });
}

const MARKS = /[，。、；：？！“”‘’（）《》「」『』—…]/u;

/** The marks of `source` not found in `rendered`, each with the text before it: both read as
 * their Chinese characters and marks only, the marks matched in order. */
export function lostMarks(source: string, rendered: string): string[] {
  const keep = (s: string) => [...s].filter((c) => /[\u3400-\u9fff]/u.test(c) || MARKS.test(c));
  const a = keep(source);
  const b = keep(rendered);
  const lost: string[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const found = b.indexOf(a[i]!, j);
    // A character is looked for a short way ahead only: a mark missing here must not be matched
    // with the same mark pages later.
    if (found >= 0 && found - j < 8) j = found + 1;
    else if (MARKS.test(a[i]!)) lost.push(a.slice(Math.max(0, i - 10), i + 1).join(''));
  }
  return lost;
}
