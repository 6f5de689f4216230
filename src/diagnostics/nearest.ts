/**
 * "Did you mean": the known names closest to a misspelt one, for hints. Distance is counted in
 * characters (a Chinese character is one), so 民生和社会事 is one edit from 民生和社会事业.
 */

/**
 * Edits between a and b, counted in characters (a Chinese character is one), a swap of two
 * neighbours counting as one (cuont → count); past `limit`, limit + 1.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * The candidates within a few edits of `name` (about a third of its length, at least one),
 * closest first; also those that contain it or that it contains, for names cut short.
 */
export function nearest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(1, Math.floor([...name].length / 3));
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const d = editDistance(name, candidate, limit);
    if (d <= limit) scored.push({ candidate, score: d });
    else if (name.length >= 2 && (candidate.includes(name) || name.includes(candidate))) scored.push({ candidate, score: limit + 0.5 });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
    .slice(0, max)
    .map((s) => s.candidate);
}

/** “你是不是要写：“…”？” or nothing. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = nearest(name, candidates);
  return near.length > 0 ? `是不是要写${near.map((n) => `“${n}”`).join('或')}？` : '';
}
