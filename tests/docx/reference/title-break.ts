// The title's line-break search as it was before it kept each line as its place in the title and
// measured it once per search: the reference src/write/docx/title-break.ts is compared with
// (search-differential.test.ts). What did not change — the measure and the gaps — is the source's.
import { lineWidthPt, type LineMeasure } from '../../../src/write/docx/title-break.js';
import { gaps } from '../../../src/write/docx/title-gaps.js';

interface Arrangement {
  lines: string[];
  wordBreaks: number;
  placeBreaks: number;
  badShape: number;
}

const charCount = (s: string): number => [...s].length;

/** 0 when the lines form a trapezoid or a diamond and none has fewer than 3 characters. */
function shapeFaults(lines: string[], m: LineMeasure): number {
  let faults = lines.filter((l) => charCount(l) < 3).length;
  if (lines.length >= 3) {
    const widths = lines.map((l) => Math.round(lineWidthPt(l, m) / (m.sizePt / 2)));
    let i = 1;
    while (i < widths.length && widths[i]! >= widths[i - 1]!) i++;
    while (i < widths.length && widths[i]! <= widths[i - 1]!) i++;
    const diamondOrWidening = i === widths.length;
    const narrowing = widths.every((w, k) => k === 0 || w <= widths[k - 1]!);
    if (!diamondOrWidening && !narrowing) faults += 1;
  }
  return faults;
}

/** Imbalance: the difference between the longest and the shortest line, in points. */
function spread(lines: string[], m: LineMeasure): number {
  const widths = lines.map((l) => lineWidthPt(l, m));
  return Math.max(...widths) - Math.min(...widths);
}

/** a is better than b (the order in the header comment). */
function better(a: Arrangement, b: Arrangement, m: LineMeasure): boolean {
  const key = (x: Arrangement) => [x.wordBreaks, x.badShape > 0 ? 1 : 0, x.lines.length, x.placeBreaks, x.badShape];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!;
  const sa = spread(a.lines, m);
  const sb = spread(b.lines, m);
  if (Math.abs(sa - sb) > 1e-6) return sa < sb;
  return charCount(a.lines[0]!) > charCount(b.lines[0]!);
}

/** The search is exhaustive over the gaps; this bounds it for pathological input (a very long
 * title made of one word), where the best arrangement found so far is kept. */
const MAX_STEPS = 200_000;

/** The lines a title should be set in, or `[title]` when it fits on one line. */
export function titleLines(title: string, m: LineMeasure): string[] {
  return searchedLines(title, m).lines;
}

/** titleLines, and whether the search went through every arrangement (it stops at MAX_STEPS, keeping the best found so far). */
export function searchedLines(title: string, m: LineMeasure): { lines: string[]; complete: boolean } {
  if (lineWidthPt(title, m) <= m.widthPt + 1e-6) return { lines: [title], complete: true };
  const all = gaps(title);
  let best: Arrangement | undefined;
  let steps = 0;
  const search = (start: number, lines: string[], wordBreaks: number, placeBreaks: number) => {
    if (++steps > MAX_STEPS) return;
    const rest = title.slice(start);
    if (lineWidthPt(rest, m) <= m.widthPt + 1e-6) {
      const done = [...lines, rest];
      const candidate = { lines: done, wordBreaks, placeBreaks, badShape: shapeFaults(done, m) };
      if (!best || better(candidate, best, m)) best = candidate;
      return;
    }
    // Prune: more word breaks or (with as many) more lines than the best cannot win.
    if (best && (wordBreaks > best.wordBreaks || (wordBreaks === best.wordBreaks && best.badShape === 0 && lines.length + 2 > best.lines.length))) return;
    for (const gap of all) {
      if (gap.at <= start) continue;
      const line = title.slice(start, gap.at);
      if (lineWidthPt(line, m) > m.widthPt + 1e-6) break;
      search(gap.at, [...lines, line], wordBreaks + (gap.cost === 2 ? 1 : 0), placeBreaks + (gap.cost === 1 ? 1 : 0));
    }
  };
  search(0, [], 0, 0);
  return { lines: best?.lines ?? [title], complete: steps <= MAX_STEPS };
}

