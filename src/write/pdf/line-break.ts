// Line breaks of a justified paragraph on the 28-character grid, as Word sets them: characters
// fill the line; a closing mark (，。、；：？！”）》…) that would start the next line hangs past the
// right edge instead (Word: 允许标点溢出边界); an opening mark (“《（) never ends a line; a number,
// —— and …… are never split. Typst has no hanging punctuation and, justifying Chinese, squeezes
// punctuation to take a 29th character, so the PDF writer breaks the lines itself and hands Typst
// lines that already fit. Widths: full-width characters 1 em, digits and the Latin punctuation
// of figures the widths of the Latin face the PDF actually uses (measured by the engine, see
// latin-widths.ts; Times New Roman's by default); a paragraph with other Latin text is left to Typst.

/** Advance widths in em of the half-width characters in Times New Roman (and Liberation Serif). */
export const NARROW: Record<string, number> = {
  ...Object.fromEntries([...'0123456789'].map((d) => [d, 0.5])),
  '.': 0.25, ',': 0.25, '%': 0.833, '+': 0.564, '-': 0.333, '/': 0.278, ':': 0.278, ' ': 0.25, '(': 0.333, ')': 0.333, '~': 0.541,
};

const CLOSING = new Set([...'，。、；：？！）》」』】〕”’…—·%％']);
const OPENING = new Set([...'（《「『【〔“‘']);
const HANGABLE = new Set([...'，。、；：？！）》」』】〕”’']);

/** Advance widths in em of the half-width characters a line may hold (the keys of NARROW). */
export type NarrowWidths = Readonly<Record<string, number>>;

export interface Measure {
  widthPt: number;
  /** The Latin face's widths; Times New Roman's when not given. */
  narrow?: NarrowWidths;
  sizePt: number;
  trackingPt: number;
  firstIndentPt: number;
}

const isWideChar = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return c >= 0x2e80 || c === 0x2014 || c === 0x2015 || c === 0x2026 || (c >= 0x2018 && c <= 0x201d) || c === 0xb7;
};

/** Width of one character in em, or undefined when it is not known (other Latin letters). */
function em(ch: string, narrow: NarrowWidths): number | undefined {
  return isWideChar(ch) ? 1 : narrow[ch];
}

/** Characters that must stay on one line with the next: digits of a number, —— and …… . */
function glued(a: string, b: string): boolean {
  return (/[0-9.,%]/.test(a) && /[0-9.,%]/.test(b)) || (a === b && (a === '—' || a === '…'));
}

export interface Lines {
  /** Indices (into the paragraph's characters) where each line after the first starts. */
  starts: number[];
  /** Indices of characters that hang past the right edge at the end of their line. */
  hanging: number[];
}

/**
 * The line breaks of a paragraph given as an array of characters, or undefined when the paragraph
 * holds characters whose width is not known here (then Typst breaks it).
 */
export function breakLines(chars: readonly string[], m: Measure): Lines | undefined {
  const narrow = m.narrow ?? NARROW;
  const widths = chars.map((ch) => em(ch, narrow));
  if (widths.some((w) => w === undefined)) return undefined;
  const advance = (i: number) => widths[i]! * m.sizePt + m.trackingPt;
  const starts: number[] = [];
  const hanging: number[] = [];
  let start = 0;
  let used = m.firstIndentPt;
  const fits = 1e-6 + m.widthPt;
  for (let i = 0; i < chars.length; i++) {
    if (used + advance(i) <= fits) {
      used += advance(i);
      continue;
    }
    // Character i does not fit on the line that began at `start`.
    let next = i;
    if (HANGABLE.has(chars[i]!) && !(i + 1 < chars.length && CLOSING.has(chars[i + 1]!))) {
      hanging.push(i);
      next = i + 1;
    } else {
      // Move back over characters that may not end a line or be split from the next.
      while (next > start + 1 && (CLOSING.has(chars[next]!) || OPENING.has(chars[next - 1]!) || glued(chars[next - 1]!, chars[next]!))) next--;
    }
    if (next >= chars.length) break;
    starts.push(next);
    start = next;
    used = 0;
    i = next - 1;
  }
  return { starts, hanging };
}
