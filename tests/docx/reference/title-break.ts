// The title search as it was before it measured each line once per search, kept as the reference
// the search in src/write/docx/title-break.ts is compared with (differential.test.ts).
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
import type { Inline } from '../../../src/write/blocks.js';

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

// Traditional forms of the characters the rules look at, so that a --script hant title breaks
// at the same places (one character for one, so positions carry over).
const SIMPLIFIED: Record<string, string> = {
  會: '会', 議: '议', 區: '区', 縣: '县', 員: '员', 關: '关', 於: '于', 來: '来', 務: '务', 屆: '届',
  報: '报', 級: '级', 屬: '属', 場: '场', 長: '长', 協: '协', 政: '政', 國: '国', 門: '门', 灣: '湾',
};
const normalise = (text: string): string => [...text].map((ch) => SIMPLIFIED[ch] ?? ch).join('');

/** Words never split: a break may fall before or after them, not inside. */
const WORDS = [
  '中国人民政治协商会议',
  '特别行政区',
  '常务委员会',
  '委员会',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '工作报告',
  '工作安排',
  '工作情况',
  // 关于十届一次会议以来…: the period is one phrase ("…会议 / 以来…" reads as two).
  '会议以来',
];
/** A line may end after these (the end of the CPPCC's name, of an organ's name, of a period). */
const MAJOR_AFTER = ['会议', '委员会', '以来'];
/** A line may start with these (关于…的报告; 在…会议上 after the subtitle's date). */
const MAJOR_BEFORE = ['关于', '在'];
/** The last character of a level of a place name (江北省 | 云州市 | 柳塘区). */
const PLACE_END = /[省市区县盟旗州]/;
/** After 市/区/… these continue a word (市委, 县级, 区属, 市场, 市民, 区域, 市长, 市直, 市情, 市中区, 市内). */
const NOT_AFTER_PLACE = /^([委级属场民域长直情中内外]|政府)/;
/** A place name is over when the organisation's name goes on (第十届委员会, 政协, 常务委员会…). */
const AFTER_PLACE_NAME = /^(第|政协|委员会|常务|人民|关于|在|工作|地区)/;

interface Gap {
  /** Index in the title (in UTF-16 units) where the next line would start. */
  at: number;
  /** 0: between the parts of the title; 1: between the levels of a place name; 2: inside a word. */
  cost: 0 | 1 | 2;
}

/** Every place the title may turn, with what a turn there costs. */
function gaps(title: string): Gap[] {
  const text = normalise(title);
  const chars = [...text];
  const offsets: number[] = [];
  for (let i = 0, at = 0; i < chars.length; at += chars[i]!.length, i++) offsets.push(at);
  offsets.push(text.length);

  // Positions inside a protected word, a number, or a 第…届 / 第…次 ordinal.
  const inside = new Set<number>();
  const protect = (start: number, end: number) => {
    for (let at = start + 1; at < end; at++) inside.add(at);
  };
  for (const word of WORDS) for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) protect(i, i + word.length);
  for (const m of text.matchAll(/[0-9０-９.．%％]+|第[一二三四五六七八九十百〇零0-9]+[届次]|——|……/g)) protect(m.index, m.index + m[0].length);

  const found: Gap[] = [];
  for (let i = 1; i < chars.length; i++) {
    const at = offsets[i]!;
    const before = text.slice(0, at);
    const after = text.slice(at);
    // Never start a line with closing punctuation nor end one with opening punctuation.
    if (/^[，。、；：？！）》”’…—]/.test(after) || /[（《“‘]$/.test(before)) continue;
    let cost: Gap['cost'] = 2;
    if (!inside.has(at)) {
      if (MAJOR_AFTER.some((w) => before.endsWith(w)) || MAJOR_BEFORE.some((w) => after.startsWith(w))) cost = 0;
      else if (/(自治区|自治州|自治县|自治旗|特别行政区)$/.test(before) || (PLACE_END.test(before.slice(-1)) && !/自治.$/.test(before))) {
        // 州 ends a name only as 自治州 or before the organisation's name (云州市 is one word).
        const plainZhou = before.endsWith('州') && !before.endsWith('自治州');
        if (!NOT_AFTER_PLACE.test(after) && !(plainZhou && !AFTER_PLACE_NAME.test(after))) {
          cost = AFTER_PLACE_NAME.test(after) ? 0 : 1;
        }
      }
    }
    found.push({ at, cost });
  }
  return found;
}

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

/**
 * The lines a title should be set in, or `[title]` when it fits on one line. Every line fits the
 * measure unless a single unbreakable run is wider than the type area.
 */
/** Titles broken before, by measure and text: every build of a watch session breaks the same title, at up to 200,000 steps. */
const broken = new Map<string, string[]>();

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
  return best?.lines ?? [title];
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
