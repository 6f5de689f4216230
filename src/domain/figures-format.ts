/**
 * Number forms of the genre: percentages, approximate counts (200余), year-over-year change.
 * These format what they are given; the template helpers (helpers.ts) decide which values may
 * reach them, and refuse the rest with a message.
 */
import { roundTo } from './numbers.js';

/** 0.6138 → "61.4%"; every percent of a report with the same decimals, trailing zeros kept (0.27 → "27.0%", 1 → "100.0%"). */
export function formatPercent(ratio: number, digits = 1): string {
  return `${roundTo(ratio * 100, digits).toFixed(digits)}%`;
}


/**
 * The power of ten of the leading digit of `n` (≥ 1): 213 → 100. Taken from the digits, not
 * from Math.log10, which rounds 999999999999999 up to 15 and made it "0余".
 */
function leadingPower(n: number): number {
  return 10 ** (String(Math.floor(n)).length - 1);
}

/**
 * Approximate form: floors to `step` and adds `suffix` (213 → 200余, 437 with step 10 → 430多).
 * By default the step is the power of ten of the leading digit. A round number prints as is,
 * since "200余" would claim more than there is; so does a number below its step (43 with step
 * 100), which has nothing to floor to.
 */
export function formatApprox(n: number, step?: number, suffix = '余'): string {
  if (n < 10) return String(n);
  const s = step ?? leadingPower(n);
  if (n < s) return String(n);
  const floored = Math.floor(n / s) * s;
  return floored === n ? String(n) : `${floored}${suffix}`;
}

/** 100–199 → 百余, 1000–1999 → 千余, 10000–19999 → 万余; otherwise the approximate form. */
export function formatApproxWord(n: number): string {
  for (const [base, word] of [[10_000, '万'], [1000, '千'], [100, '百']] as const) {
    if (n > base && n < 2 * base) return `${word}余`;
  }
  return formatApprox(n);
}

/** Year-over-year: 增长12.3% / 下降4.5% / 持平. */
export function formatYoy(current: number, previous: number, digits = 1): string {
  if (previous === 0) throw new RangeError('上一年的数字为 0，无法计算增长率');
  const change = roundTo(((current - previous) / previous) * 100, digits);
  if (change === 0) return '持平';
  return `${change > 0 ? '增长' : '下降'}${Math.abs(change).toFixed(digits)}%`;
}
