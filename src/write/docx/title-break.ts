// Where a long title turns to its second line. GB/T 9704 asks that a title that runs over keep its
// words whole and its lines balanced (标题回行时，要做到词意完整，排列对称); left to the word
// processor, "…第十届委 / 员会常务委员会工作报告" splits a word. The writer breaks it itself, after
// a place name or an organ's name, choosing the most even pair of lines that both fit.
import type { Inline } from './parse-markdown.js';

/** A title may turn after these: 中国人民政治协商会议 | 江北省 | 云州市 | 第十届委员会 | … */
// (Not 州 on its own: it ends the first half of names such as 云州市.)
const BREAK_AFTER = ['会议', '自治区', '自治州', '省', '市', '区', '县', '盟', '旗', '委员会'];

/** Width in em: full-width characters 1, others ½. */
const emWidth = (s: string): number => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.5), 0);

/**
 * Returns the title's inlines with a line break where it should turn, or unchanged when it fits on
 * one line, already has a break, is not plain text, or has no break that leaves two fitting lines.
 */
export function breakTitle(inlines: Inline[], charsPerLine: number): Inline[] {
  const [only, ...rest] = inlines;
  if (only?.type !== 'text' || rest.length > 0) return inlines;
  const title = only.text;
  if (emWidth(title) <= charsPerLine) return inlines;

  let best: { at: number; imbalance: number } | undefined;
  for (const word of BREAK_AFTER) {
    for (let i = title.indexOf(word); i >= 0; i = title.indexOf(word, i + 1)) {
      const at = i + word.length;
      const first = emWidth(title.slice(0, at));
      const second = emWidth(title.slice(at));
      if (second === 0 || first > charsPerLine || second > charsPerLine) continue;
      const imbalance = Math.abs(first - second);
      if (!best || imbalance < best.imbalance || (imbalance === best.imbalance && at > best.at)) best = { at, imbalance };
    }
  }
  if (!best) return inlines;
  return [
    { type: 'text', text: title.slice(0, best.at), role: only.role },
    { type: 'break' },
    { type: 'text', text: title.slice(best.at), role: only.role },
  ];
}
