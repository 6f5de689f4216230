/**
 * Text as Excel users write it, made comparable: full-width letters and digits (Ｐ２０２３),
 * ideographic spaces, line breaks inside a header cell, a ＊ or （必填） marking a required column.
 */

/** Whitespace around a value, the ideographic space (U+3000) and no-break space included. */
export function trimCell(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

/** Full-width forms to their ASCII twins (NFKC), trimmed: for ids, numbers and dates. */
export function halfWidth(text: string): string {
  return trimCell(text.normalize('NFKC'));
}

/** For comparing words: half-width, no whitespace at all, Latin letters in lower case. */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000\u00a0\ufeff]+/g, '').toLowerCase();
}

/** A header as compared: squashed, without the marks of a required or optional column. */
export function normalizeHeader(text: string): string {
  let h = squash(text);
  for (let previous = ''; previous !== h; ) {
    previous = h;
    h = h.replace(/^[*※★]+|[*※★:]+$/g, '').replace(/\((必填|必填项|选填|可选|必选)\)$/, '');
  }
  return h;
}

/** Edit distance, for “did you mean”: headers are a few characters long. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}
