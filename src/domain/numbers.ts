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
 * shares printed together sum to 100%, and equal counts always get equal shares: the units left
 * after flooring go to the largest remainders, a whole set of equal counts at a time; a set that
 * no longer fits is rounded plainly (half up) and the handing out stops there, so such a group
 * may sum to 100% ± a unit per member of that set. This is the one rounding rule of the reports,
 * the tables and `stats`. Returns ratios (0.614 for 61.4%).
 */
export function balancedShares(counts: readonly number[], digits = 1): Array<number | null> {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => null);
  const scale = 100 * 10 ** digits;
  // Integer arithmetic: count × scale ÷ total, its floor and remainder exactly.
  const floors = counts.map((c) => Math.floor((c * scale) / total));
  const rests = counts.map((c, i) => c * scale - floors[i]! * total);
  let left = scale - floors.reduce((a, b) => a + b, 0);
  const byRest = [...new Set(rests)].filter((r) => r > 0).sort((a, b) => b - a);
  for (const rest of byRest) {
    if (left <= 0) break;
    const members = rests.flatMap((r, i) => (r === rest ? [i] : []));
    if (members.length <= left) {
      for (const i of members) floors[i]! += 1;
      left -= members.length;
    } else {
      if (2 * rest >= total) for (const i of members) floors[i]! += 1;
      break;
    }
  }
  return floors.map((units) => units / scale);
}

/** Rounds half away from zero at `digits` decimals, avoiding binary drift (0.6138 → 61.4). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9) / factor;
}
