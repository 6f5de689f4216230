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
  // Most cells hold only what NFKC leaves as it is and no whitespace: the normalization (ICU's, and
  // the costliest step) is then skipped.
  if (UNCHANGED.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').replace(/[\s\u3000\u00a0\ufeff]+/g, '').toLowerCase();
}

/** Printable ASCII but the space, and the CJK Unified Ideographs (U+4E00–U+9FFF, none of which NFKC changes). */
const UNCHANGED = /^[\x21-\x7e\u4e00-\u9fff]*$/;

/** A header as compared: squashed, without the marks of a required or optional column. */
export function normalizeHeader(text: string): string {
  let h = squash(text);
  for (let previous = ''; previous !== h; ) {
    previous = h;
    h = h.replace(/^[*※★]+|[*※★:]+$/g, '').replace(/\((必填|必填项|选填|可选|必选)\)$/, '');
  }
  return h;
}

