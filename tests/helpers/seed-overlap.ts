/**
 * Runs of text shared with the real reports in ../shared/seeds: the bundled sample prose must be our
 * own words, not a published report's sentences with the place names changed.
 *
 * Both sides are compared in one normal form: the seeds' half-width punctuation (they were scraped
 * from web pages) as the full-width forms the prose uses, quotation marks as one mark, spaces, line
 * breaks and Markdown marks dropped, and the traditional-script seed (its broken conversion's pinyin
 * notes removed) turned into simplified characters. A {{figure}} in the prose breaks a run: the seed
 * has a number there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Shortest run that counts as copied (the length a drafter would notice as a lifted clause). */
export const MIN_RUN = 24;

/** Stands for a {{figure}}, a masked formula or a paragraph break: never part of a run. */
const BREAK = '\u0000';

const HALF_TO_FULL: Record<string, string> = { ',': '，', '(': '（', ')': '）', ':': '：', ';': '；', '!': '！', '?': '？' };

export function normalise(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, BREAK)
    .replace(/\{\{[\s\S]*?\}\}/g, BREAK)
    .replace(/\n\s*\n/g, BREAK)
    .replace(/[,():;!?]/g, (c) => HALF_TO_FULL[c]!)
    .replace(/[“”"「」『』‘’']/g, '"')
    .replace(/[*#>]|【待填写】/g, '')
    .replace(/\s+/g, '');
}

export interface Seed {
  name: string;
  text: string;
}

/** The seeds in normal form, or undefined when the folder is not there (a clone without ../shared). */
export async function loadSeeds(dir: string): Promise<Seed[] | undefined> {
  if (!existsSync(dir)) return undefined;
  const { Converter } = await import('opencc-js/t2cn');
  const toSimplified = Converter({ from: 't', to: 'cn' });
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      // Seed 003's script conversion left pinyin in brackets after some characters: 政協(xié).
      const raw = readFileSync(path.join(dir, name), 'utf8').replace(/[(?]?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '');
      return { name, text: normalise(toSimplified(raw)) };
    });
}

export interface Run {
  /** The shared run, in normal form. */
  text: string;
  seed: string;
}

/**
 * Maximal runs of at least MIN_RUN characters of `prose` found in a seed, after masking the
 * `formulas` (fixed political wording every report shares) wherever they occur in the prose.
 */
export function sharedRuns(prose: string, seeds: readonly Seed[], formulas: readonly string[]): Run[] {
  let text = normalise(prose);
  for (const formula of formulas) text = text.split(normalise(formula)).join(BREAK);
  const chars = [...text];
  const runs: Run[] = [];
  for (const seed of seeds) {
    const grams = new Set<string>();
    const seedChars = [...seed.text];
    for (let i = 0; i + MIN_RUN <= seedChars.length; i++) grams.add(seedChars.slice(i, i + MIN_RUN).join(''));
    let start = -1;
    let end = -1;
    const flush = () => {
      if (start >= 0) runs.push({ text: chars.slice(start, end).join(''), seed: seed.name });
      start = -1;
    };
    for (let i = 0; i + MIN_RUN <= chars.length; i++) {
      const gram = chars.slice(i, i + MIN_RUN).join('');
      if (gram.includes(BREAK) || !grams.has(gram)) continue;
      if (start >= 0 && i <= end) end = i + MIN_RUN;
      else {
        flush();
        start = i;
        end = i + MIN_RUN;
      }
    }
    flush();
  }
  return runs;
}
