/**
 * Arithmetic the genre needs: ratios that are honest about a zero denominator, and shares
 * that add up to exactly 100% once printed.
 */

/** part / whole, or null when the whole is zero (printing it is then an error, not "NaN%"). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * Shares rounded to `digits` decimals of a percent by the largest-remainder method, so that
 * shares printed together sum to 100%. Returns ratios (0.614 for 61.4%).
 */
export function balancedShares(counts: readonly number[], digits = 1): Array<number | null> {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => null);
  const scale = 100 * 10 ** digits;
  const exact = counts.map((c) => (c / total) * scale);
  const floors = exact.map(Math.floor);
  let left = scale - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((v, i) => ({ i, rest: v - floors[i]! }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((units) => units / scale);
}

/** Rounds half away from zero at `digits` decimals, avoiding binary drift (0.6138 → 61.4). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9) / factor;
}
