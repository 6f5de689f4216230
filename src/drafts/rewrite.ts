/**
 * One block of prose rewritten from its edited text: the words as the document now has them, each
 * `{{figure}}` kept where its number was left as it was, the lead sentence kept bold. A figure
 * whose number was typed over is reported (overtyped); a number typed into new words is reported
 * with the figure that has that value, if one has.
 */
import type { RenderedBlock } from '../render/prose-marks.js';
import { diffText, mapPosition, touches } from './diff.js';

export interface Overtyped {
  expression: string;
  records: string;
  typed: string;
}

export interface Rewritten {
  /** The block's new source (without `## ` for a heading). */
  source: string;
  overtyped: Overtyped[];
  /** Figures whose sentence was rewritten without them. */
  dropped: string[];
  /** What the new source prints: the edited text, with an overtyped number put back to the records' when so resolved. */
  expected: string;
}

/** Characters a printed number is made of (61.4%, 1,000, 25～30). */
const NUMBER_CHAR = /[0-9０-９.,，%％～~-]/;

/** The whole number around [start, end) in text, or undefined when there is no digit there. */
function numberAt(text: string, start: number, end: number): [number, number] | undefined {
  let s = start;
  let e = end;
  while (s > 0 && /[0-9０-９.%％]/.test(text[s - 1]!)) s--;
  while (e < text.length && /[0-9０-９.%％]/.test(text[e]!)) e++;
  const slice = text.slice(s, e);
  if (!/[0-9０-９]/.test(slice)) return undefined;
  // Only the run of number characters that has a digit in it.
  const m = /[0-9０-９][0-9０-９.,%％～~-]*/.exec(slice);
  if (!m) return undefined;
  const from = s + m.index;
  let to = from + m[0].length;
  while (to > from && !/[0-9０-９%％]/.test(text[to - 1]!)) to--;
  return NUMBER_CHAR.test(text[from]!) ? [from, to] : undefined;
}

export function rewriteBlock(block: RenderedBlock, edited: string, resolve: 'records' | 'typed' | undefined): Rewritten {
  const hunks = diffText(block.text, edited);
  const subs: { start: number; end: number; text: string; value?: string }[] = [];
  const overtyped: Overtyped[] = [];
  const dropped: string[] = [];
  for (const f of block.figures) {
    const value = block.text.slice(f.start, f.end);
    if (!touches(hunks, f.start, f.end)) {
      // Exactly the figure's characters: what was typed right before or after it is not part of it.
      subs.push({ start: mapPosition(hunks, f.start, 'end'), end: mapPosition(hunks, f.end, 'start'), text: f.tag });
      continue;
    }
    const from = mapPosition(hunks, f.start, 'start');
    const to = mapPosition(hunks, f.end, 'end');
    const number = numberAt(edited, from, Math.max(from, to));
    if (!number || subs.some((s) => s.start < number[1] && number[0] < s.end)) {
      dropped.push(f.expression);
      continue;
    }
    const typed = edited.slice(number[0], number[1]);
    if (typed === value) subs.push({ start: number[0], end: number[1], text: f.tag });
    else {
      overtyped.push({ expression: f.expression, records: value, typed });
      if (resolve === 'records') subs.push({ start: number[0], end: number[1], text: f.tag, value });
    }
  }
  // The lead sentence ends where its last character went; gone altogether, so is the lead.
  const leadEnd = block.leadLength > 0 ? mapPosition(hunks, block.leadLength, 'start') : 0;
  subs.sort((a, b) => a.start - b.start);
  let out = leadEnd > 0 ? '**' : '';
  let at = 0;
  const copy = (to: number) => {
    if (leadEnd > 0 && at < leadEnd && to >= leadEnd) {
      out += escapeProse(edited.slice(at, leadEnd)) + '**';
      at = leadEnd;
    }
    out += escapeProse(edited.slice(at, to));
    at = to;
  };
  for (const s of subs) {
    copy(s.start);
    out += s.text;
    at = s.end;
  }
  copy(edited.length);
  if (leadEnd > 0 && !out.includes('**', 2)) out += '**';
  let expected = edited;
  for (const s of [...subs].reverse()) if (s.value !== undefined) expected = expected.slice(0, s.start) + s.value + expected.slice(s.end);
  return { source: out, overtyped, dropped, expected };
}

/** Words typed in Word that the prose would read as template tags or Markdown marks. */
export function escapeProse(text: string): string {
  return text.replace(/\{\{/g, '｛｛').replace(/\*\*/g, '＊＊');
}

/** The numbers written in digits in a piece of prose, outside its {{…}} tags. */
export function numbersIn(source: string): string[] {
  return [...source.replace(/\{\{[\s\S]*?\}\}/g, ' ').matchAll(/[0-9０-９]+(?:[.．][0-9０-９]+)?%?/g)].map((m) => m[0]);
}
