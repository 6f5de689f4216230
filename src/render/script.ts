/**
 * Traditional script (`--script hant`): the rendered Markdown converted with OpenCC (opencc-js),
 * simplified → traditional as used in Taiwan (`tw`: characters only, no change of vocabulary).
 * Only the text between numbers is converted: digits, percentages, decimals and the numbers of
 * dates are copied through untouched, so every figure is byte-identical in both scripts.
 * The converter's dictionaries are large; they are loaded only when asked for.
 */
import type { Script } from '../kinds/kind.js';

/** A number as the genre prints it: 25, 61.4%, 1,000, 2023-01-03, 25～30. */
const NUMBER = /[0-9０-９](?:[0-9０-９.,:：%％\-～~/]*[0-9０-９%％])?/g;

let converter: ((text: string) => string) | undefined;

async function traditional(): Promise<(text: string) => string> {
  if (converter) return converter;
  const { Converter } = await import('opencc-js/cn2t');
  return (converter = Converter({ from: 'cn', to: 'tw' }));
}

/** Splits text into runs: `number` runs are figures, the others are words to convert. */
export function textRuns(text: string): Array<{ text: string; number: boolean }> {
  const runs: Array<{ text: string; number: boolean }> = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), number: false });
    runs.push({ text: match[0], number: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), number: false });
  return runs;
}

export async function toScript(text: string, script: Script): Promise<string> {
  if (script === 'hans') return text;
  const convert = await traditional();
  return textRuns(text)
    .map((run) => (run.number ? run.text : convert(run.text)))
    .join('');
}
