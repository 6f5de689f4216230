/**
 * The lines of a CSV before csv-parse sees them. Blank records (nothing, or only delimiters) are
 * taken out first, in one pass, remembering how many went before each kept record so rows keep
 * Excel's numbers: a file of millions of blank lines would otherwise cost the parser minutes and
 * gigabytes for records that hold nothing. Line endings may be mixed (CRLF, LF, CR), as happens
 * when two exports are pasted together; each ends a record outside quotes.
 */

export interface CsvLines {
  /** The text without its blank records. */
  text: string;
  /** Records kept (those that hold something). */
  records: number;
  /** Excel's row number of each kept record, given its index among the kept ones. */
  rowNumber: (kept: number) => number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export function compactBlankRecords(text: string, delimiter: string): CsvLines {
  const delim = delimiter.charCodeAt(0);
  const parts: string[] = [];
  // [first kept index, blank records before it]: one entry per run of blank records, not per line.
  const offsets: Array<[number, number]> = [];
  let kept = 0;
  let dropped = 0;
  let segment = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let j = i;
    while (j < n && text.charCodeAt(j) === delim) j++;
    const c = j < n ? text.charCodeAt(j) : -1;
    if (c === LF || c === CR || c === -1) {
      const end = c === -1 ? n : c === CR && text.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
      if (segment < i) parts.push(text.slice(segment, i));
      segment = end;
      dropped++;
      const last = offsets[offsets.length - 1];
      if (last && last[0] === kept) last[1] = dropped;
      else offsets.push([kept, dropped]);
      i = end;
      continue;
    }
    // A record that holds something: to its end, a line break outside quotes. Every quote
    // toggles; a stray quote inside a field keeps more lines together here than csv-parse does,
    // which only means fewer blank lines are taken out, never a record miscounted.
    let quoted = false;
    let k = i;
    for (; k < n; k++) {
      const ch = text.charCodeAt(k);
      if (ch === QUOTE) quoted = !quoted;
      else if (!quoted && (ch === LF || ch === CR)) break;
    }
    i = k < n ? (text.charCodeAt(k) === CR && text.charCodeAt(k + 1) === LF ? k + 2 : k + 1) : n;
    kept++;
  }
  if (segment === 0) return { text, records: kept, rowNumber: (r) => r + 1 + offsetBefore(offsets, r) };
  if (segment < n) parts.push(text.slice(segment));
  return { text: parts.join(''), records: kept, rowNumber: (r) => r + 1 + offsetBefore(offsets, r) };
}

function offsetBefore(offsets: Array<[number, number]>, kept: number): number {
  // Binary search: the last entry whose first kept index is at most `kept`.
  let lo = 0;
  let hi = offsets.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]![0] <= kept) {
      found = offsets[mid]![1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Lines inside one cell that look like whole records (as many delimiters as the header has,
 * give or take): a quote opened and closed far apart has swallowed rows into this cell.
 */
export function rowsInCell(value: string, delimiter: string, width: number): number {
  if (!value.includes('\n') && !value.includes('\r')) return 0;
  const need = Math.max(2, Math.ceil((width - 1) / 2));
  let rows = 0;
  for (const line of value.split(/\r\n|\n|\r/).slice(1)) {
    if (line.split(delimiter).length - 1 >= need) rows++;
  }
  return rows;
}
