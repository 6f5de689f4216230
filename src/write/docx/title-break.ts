// Where a long title (and the subtitle under it) turns to its next line. GB/T 9704 (7.3.3): 标题回行时，
// 要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形. Left to the word processor,
// "…呼和浩特 / 市赛罕区…" splits a name and "…工作报 / 告" leaves one character alone. The writer breaks
// the title itself, only between words of the genre's titles (会议 | 江北省 | 云州市 | 第十届委员会 | …),
// on as many lines as it takes, each line fitting the type area:
//   1. no break inside a word, if at all possible;
//   2. as few lines as possible;
//   3. a place name kept whole (内蒙古自治区呼和浩特市赛罕区) rather than split between its levels;
//   4. no line of one or two characters, and three or more lines only as a trapezoid (each line
//      longer, or each shorter, than the one above) or a diamond (longer, then shorter);
//   5. lines as even as possible; of two equally even choices, the longer first line.
import type { Inline } from '../blocks.js';
import { gaps, type Gap } from './title-gaps.js';

/** How a line is measured: the type area's width and the paragraph's size and tracking (points). */
export interface LineMeasure {
  widthPt: number;
  sizePt: number;
  trackingPt: number;
}

/** Full-width characters (CJK, full-width punctuation, ——, “”, ……) are 1 em, the rest ½ em. */
export const isWide = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return c >= 0x2e80 || c === 0x2014 || c === 0x2015 || c === 0x2026 || (c >= 0x2018 && c <= 0x201d) || c === 0xb7;
};

/** Width in points of a line set at `sizePt` with `trackingPt` after each character, as Word,
 * WPS, the PDF and the HTML set it (autospace off: nothing added between Chinese and digits). */
export function lineWidthPt(text: string, m: Pick<LineMeasure, 'sizePt' | 'trackingPt'>): number {
  let width = 0;
  for (const ch of text) width += (isWide(ch) ? 1 : 0.5) * m.sizePt + m.trackingPt;
  return width;
}

/** Places where a Chinese character meets a digit or a Latin letter. */
function scriptChanges(text: string): number {
  const kind = (ch: string) => (/\p{Script=Han}/u.test(ch) ? 'han' : /[0-9A-Za-z]/.test(ch) ? 'alnum' : 'other');
  let changes = 0;
  let previous = 'other';
  for (const ch of text) {
    const here = kind(ch);
    if ((previous === 'han' && here === 'alnum') || (previous === 'alnum' && here === 'han')) changes++;
    previous = here;
  }
  return changes;
}

/**
 * The width LibreOffice (7.4) gives the line: it puts a fifth of the font size between Chinese and
 * a digit or a Latin letter whatever w:autoSpaceDN says (and the tracking of the character before
 * it is lost there): 3.47 pt measured at 16 pt. Counted as a quarter em, to be safe.
 */
export const libreOfficeLineWidthPt = (text: string, m: Pick<LineMeasure, 'sizePt' | 'trackingPt'>): number =>
  lineWidthPt(text, m) + (scriptChanges(text) * m.sizePt) / 4;

/** Lines as the places they start: line k is title[starts[k], starts[k + 1]) (the last runs to the end). */
interface Arrangement {
  starts: number[];
  wordBreaks: number;
  placeBreaks: number;
  badShape: number;
}

const charCount = (s: string): number => [...s].length;

/**
 * The width and the number of characters of the line title[from, to), each worked out once per
 * search (as lineWidthPt and charCount give them): the search asks for the same lines thousands
 * of times.
 */
class Lines {
  private readonly widths = new Map<number, number>();
  private readonly counts = new Map<number, number>();
  private readonly size: number;

  readonly sizePt: number;

  constructor(
    readonly title: string,
    private readonly m: LineMeasure,
  ) {
    this.sizePt = m.sizePt;
    this.size = title.length + 1;
  }

  width(from: number, to: number): number {
    const i = from * this.size + to;
    let w = this.widths.get(i);
    if (w === undefined) this.widths.set(i, (w = lineWidthPt(this.title.slice(from, to), this.m)));
    return w;
  }

  count(from: number, to: number): number {
    const i = from * this.size + to;
    let c = this.counts.get(i);
    if (c === undefined) this.counts.set(i, (c = charCount(this.title.slice(from, to))));
    return c;
  }

  /** Where line k of an arrangement ends. */
  end(starts: readonly number[], k: number): number {
    return k + 1 < starts.length ? starts[k + 1]! : this.title.length;
  }

  text(starts: readonly number[]): string[] {
    return starts.map((from, k) => this.title.slice(from, this.end(starts, k)));
  }
}

/** 0 when the lines form a trapezoid or a diamond and none has fewer than 3 characters. */
function shapeFaults(starts: readonly number[], at: Lines): number {
  let faults = 0;
  for (let k = 0; k < starts.length; k++) if (at.count(starts[k]!, at.end(starts, k)) < 3) faults++;
  if (starts.length >= 3) {
    const half = at.sizePt / 2;
    const widths = starts.map((from, k) => Math.round(at.width(from, at.end(starts, k)) / half));
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
function spread(starts: readonly number[], at: Lines): number {
  const widths = starts.map((from, k) => at.width(from, at.end(starts, k)));
  return Math.max(...widths) - Math.min(...widths);
}

/** a is better than b (the order in the header comment). */
function better(a: Arrangement, b: Arrangement, at: Lines): boolean {
  const key = (x: Arrangement) => [x.wordBreaks, x.badShape > 0 ? 1 : 0, x.starts.length, x.placeBreaks, x.badShape];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!;
  const sa = spread(a.starts, at);
  const sb = spread(b.starts, at);
  if (Math.abs(sa - sb) > 1e-6) return sa < sb;
  const fa = at.count(a.starts[0]!, at.end(a.starts, 0));
  const fb = at.count(b.starts[0]!, at.end(b.starts, 0));
  if (fa !== fb) return fa > fb;
  // Alike in every other way: the earlier turns, whatever order the search met them in.
  for (let i = 0; i < a.starts.length; i++) if (a.starts[i] !== b.starts[i]) return a.starts[i]! < b.starts[i]!;
  return false;
}

/** The search is exhaustive over the gaps; this bounds it for pathological input (a very long
 * title made of one word), where the best arrangement found so far is kept. */
const MAX_STEPS = 200_000;

/** Titles broken before, by measure and text: every build of a watch session breaks the same title again. */
const broken = new Map<string, string[]>();

/**
 * The lines a title should be set in, or `[title]` when it fits on one line. Every line fits the
 * measure unless a single unbreakable run is wider than the type area.
 */
export function titleLines(title: string, m: LineMeasure): string[] {
  const key = `${JSON.stringify(m)}|${title}`;
  let lines = broken.get(key);
  if (!lines) {
    if (broken.size > 1000) broken.clear();
    broken.set(key, (lines = searchLines(title, m)));
  }
  return [...lines];
}

function searchLines(title: string, m: LineMeasure): string[] {
  if (lineWidthPt(title, m) <= m.widthPt + 1e-6) return [title];
  const all = gaps(title);
  const at = new Lines(title, m);
  let best: Arrangement | undefined;
  let steps = 0;
  const search = (start: number, starts: number[], wordBreaks: number, placeBreaks: number) => {
    if (++steps > MAX_STEPS) return;
    if (at.width(start, title.length) <= m.widthPt + 1e-6) {
      const done = [...starts, start];
      const candidate = { starts: done, wordBreaks, placeBreaks, badShape: shapeFaults(done, at) };
      if (!best || better(candidate, best, at)) best = candidate;
      return;
    }
    // Prune: more word breaks or (with as many) more lines than the best cannot win.
    if (best && (wordBreaks > best.wordBreaks || (wordBreaks === best.wordBreaks && best.badShape === 0 && starts.length + 2 > best.starts.length))) return;
    // The turns that fit, the cheapest and the longest line first: a good arrangement is found at
    // once, and the bounds above cut most of the rest (the bundled report's title took 1,721 steps
    // in the order of the title, 21 in this one).
    const next: Gap[] = [];
    for (const gap of all) {
      if (gap.at <= start) continue;
      if (at.width(start, gap.at) > m.widthPt + 1e-6) break;
      next.push(gap);
    }
    next.sort((a, b) => a.cost - b.cost || b.at - a.at);
    for (const gap of next) search(gap.at, [...starts, start], wordBreaks + (gap.cost === 2 ? 1 : 0), placeBreaks + (gap.cost === 1 ? 1 : 0));
  };
  search(0, [], 0, 0);
  return best ? at.text(best.starts) : [title];
}

/**
 * The title's inlines with a line break wherever it should turn; unchanged when it fits on one
 * line, already has a break (the template's choice), or is not one plain run.
 */
export function breakTitle(inlines: Inline[], m: LineMeasure): Inline[] {
  const [only, ...rest] = inlines;
  if (only?.type !== 'text' || rest.length > 0) return inlines;
  const lines = titleLines(only.text, m);
  return lines.flatMap((text, i): Inline[] => [
    ...(i > 0 ? [{ type: 'break' } as const] : []),
    { type: 'text', text, role: only.role },
  ]);
}

/**
 * How far (points) the lines of a title or subtitle must be let into each margin for LibreOffice
 * to keep them as broken: the break is decided on the widths Word, WPS, the PDF and the HTML set
 * (each line fits the type area there), and LibreOffice's space between Chinese and digits can
 * make a line of the date wider than the type area, which it would then wrap itself ("…会议 /
 * 上"). Half the widest line's excess, on each side of the centred line; 0 when all fit.
 */
export function libreOfficeOverhangPt(inlines: Inline[], m: LineMeasure): number {
  const lines = inlines.reduce<string[]>((ls, inline) => (inline.type === 'break' ? [...ls, ''] : [...ls.slice(0, -1), ls[ls.length - 1]! + inline.text]), ['']);
  return Math.max(0, ...lines.map((line) => (libreOfficeLineWidthPt(line, m) - m.widthPt) / 2));
}
