/**
 * Differences between two texts, character by character (a paragraph and its edited version),
 * and between two lists (paragraphs, lines): the longest common subsequence after the common
 * start and end are set aside, which for an edited paragraph leaves a small middle.
 */

/** A changed region: a[aStart, aEnd) became b[bStart, bEnd); everything between hunks is equal. */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Longest-common-subsequence pairs of two sequences, by an equality test. */
export function commonPairs<T, U>(a: readonly T[], b: readonly U[], same: (x: T, y: U) => boolean): [number, number][] {
  let head = 0;
  while (head < a.length && head < b.length && same(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  const pairs: [number, number][] = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  if (n > 0 && m > 0 && n * m <= 16_000_000) {
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * width + j] = same(a[head + i]!, b[head + j]!) ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      }
    }
    for (let i = 0, j = 0; i < n && j < m; ) {
      if (same(a[head + i]!, b[head + j]!)) pairs.push([head + i++, head + j++]);
      else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
      else j++;
    }
  }
  for (let k = tail; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

/** The hunks that turn text a into text b. */
export function diffText(a: string, b: string): Hunk[] {
  const x = [...a];
  const y = [...b];
  // Work in UTF-16 offsets, as the rest of the code does.
  const offsetsA = offsets(x);
  const offsetsB = offsets(y);
  const pairs = commonPairs(x, y, (p, q) => p === q);
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [x.length, y.length] as [number, number]]) {
    if (pi > i || pj > j) hunks.push({ aStart: offsetsA[i]!, aEnd: offsetsA[pi]!, bStart: offsetsB[j]!, bEnd: offsetsB[pj]! });
    i = pi + 1;
    j = pj + 1;
  }
  return hunks;
}

function offsets(chars: readonly string[]): number[] {
  const out = [0];
  for (const c of chars) out.push(out[out.length - 1]! + c.length);
  return out;
}

/** Where position p of a falls in b: as the start of a range (taking what was inserted at p) or its end. */
export function mapPosition(hunks: readonly Hunk[], p: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const h of hunks) {
    if (p < h.aStart) break;
    if (h.aStart === h.aEnd && p === h.aStart) return side === 'start' ? h.bStart : h.bEnd;
    // Inside a replaced region: a range starting there takes all of it, one ending there too.
    if (p > h.aStart && p < h.aEnd) return side === 'start' ? h.bStart : h.bEnd;
    if (p === h.aStart) return h.bStart;
    shift = h.bEnd - h.aEnd;
  }
  return p + shift;
}

/** Whether the hunks change anything in a[start, end) (an insertion strictly inside counts). */
export function touches(hunks: readonly Hunk[], start: number, end: number): boolean {
  return hunks.some((h) => (h.aStart < end && h.aEnd > start) || (h.aStart === h.aEnd && h.aStart > start && h.aStart < end));
}

/** A line-by-line diff for showing what a file will become (`-` removed, `+` added, 2 lines of context). */
export function lineDiff(before: string, after: string, name: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const pairs = commonPairs(a, b, (x, y) => x === y);
  const rows: { sign: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as [number, number]]) {
    while (i < pi) rows.push({ sign: '-', text: a[i++]! });
    while (j < pj) rows.push({ sign: '+', text: b[j++]! });
    if (pi < a.length) rows.push({ sign: ' ', text: a[pi]! });
    i = pi + 1;
    j = pj + 1;
  }
  const keep = rows.map((r, k) => r.sign !== ' ' || rows.slice(Math.max(0, k - 2), k + 3).some((x) => x.sign !== ' '));
  const out = [`--- ${name}`, `+++ ${name}（吸收后）`];
  rows.forEach((r, k) => {
    if (keep[k]) out.push(`${r.sign}${r.text}`);
    else if (keep[k - 1]) out.push('…');
  });
  return out.join('\n') + '\n';
}

const NUMBER_PART = /[0-9０-９.．%％]/;

/** Hunks widened to whole numbers on both sides (223 → 233 is one change of the number, not of its middle digit), overlapping ones merged. */
export function wholeNumbers(hunks: readonly Hunk[], a: string, b: string): Hunk[] {
  const out: Hunk[] = [];
  for (const h0 of hunks) {
    const h = { ...h0 };
    while (h.aStart > 0 && h.bStart > 0 && NUMBER_PART.test(a[h.aStart - 1]!) && a[h.aStart - 1] === b[h.bStart - 1] && (touchesNumber(a, h.aStart, h.aEnd) || touchesNumber(b, h.bStart, h.bEnd))) h.aStart--, h.bStart--;
    while (h.aEnd < a.length && h.bEnd < b.length && NUMBER_PART.test(a[h.aEnd]!) && a[h.aEnd] === b[h.bEnd] && (touchesNumber(a, h.aStart, h.aEnd) || touchesNumber(b, h.bStart, h.bEnd))) h.aEnd++, h.bEnd++;
    const last = out[out.length - 1];
    if (last && h.aStart <= last.aEnd && h.bStart <= last.bEnd) {
      last.aEnd = Math.max(last.aEnd, h.aEnd);
      last.bEnd = Math.max(last.bEnd, h.bEnd);
    } else out.push(h);
  }
  return out;
}

const touchesNumber = (text: string, start: number, end: number): boolean => /[0-9０-９]/.test(text.slice(start, end));
