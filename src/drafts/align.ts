/**
 * Pairs the paragraphs of the report as built with those of the edited document. A paragraph
 * keeps its bookmark (rp…) through Word, WPS and LibreOffice, so the bookmark pairs first; a
 * paragraph whose bookmark was lost (retyped, pasted) pairs by its text. Pairs are kept in order
 * (the longest chain); a paragraph found elsewhere than its place was moved.
 */
import { commonPairs } from './diff.js';

export interface Side {
  text: string;
  /** The prose blocks' bookmark names in the paragraph. */
  marks: readonly string[];
}

export interface Alignment {
  /** [original, edited, moved] */
  pairs: [number, number, boolean][];
  deleted: number[];
  added: number[];
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...text.replace(/\s+/g, '')];
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice similarity of two texts' character pairs: 1 the same, 0 nothing in common. */
function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let total = 0;
  for (const [g, n] of a) common += Math.min(n, b.get(g) ?? 0);
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  return total === 0 ? 1 : (2 * common) / total;
}

export function alignParagraphs(original: readonly Side[], edited: readonly Side[]): Alignment {
  const gramsA = original.map((s) => bigrams(s.text));
  const gramsB = edited.map((s) => bigrams(s.text));
  // A bookmark pairs only paragraphs that still have something in common: the same name in a draft
  // of another report, or after the prose file was edited by hand, is another block.
  const shares = (i: number, j: number) => original[i]!.marks.some((m) => edited[j]!.marks.includes(m)) && similarity(gramsA[i]!, gramsB[j]!) >= 0.25;
  const same = (i: number, j: number) =>
    shares(i, j) || original[i]!.text === edited[j]!.text || (edited[j]!.marks.length === 0 && similarity(gramsA[i]!, gramsB[j]!) >= 0.5);
  const pairs: [number, number, boolean][] = commonPairs(
    original.map((_, i) => i),
    edited.map((_, j) => j),
    same,
  ).map(([i, j]) => [i, j, false]);
  const usedA = new Set(pairs.map((p) => p[0]));
  const usedB = new Set(pairs.map((p) => p[1]));
  // Moved: the same bookmark, or nearly the same text, out of order.
  for (let j = 0; j < edited.length; j++) {
    if (usedB.has(j)) continue;
    const i = original.findIndex((_, k) => !usedA.has(k) && (shares(k, j) || similarity(gramsA[k]!, gramsB[j]!) >= 0.8));
    if (i < 0) continue;
    pairs.push([i, j, true]);
    usedA.add(i);
    usedB.add(j);
  }
  pairs.sort((a, b) => a[1] - b[1]);
  return {
    pairs,
    deleted: original.flatMap((_, i) => (usedA.has(i) ? [] : [i])),
    added: edited.flatMap((_, j) => (usedB.has(j) ? [] : [j])),
  };
}
