/**
 * The bundled sample prose is our own: no run of 24 or more characters identical to a real report in
 * ../shared/seeds, outside the fixed political formulas every report shares. The prose a new
 * organisation copies (data/, examples/, and what `report init` writes) must not hand it a real
 * city's sentences with the names changed.
 *
 * examples/panjin-2022 is the exception: it rebuilds seed 004 from records on purpose (its test
 * measures how close the rebuilt report comes), and its narrative says so.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annualSkeleton, proposalsSkeleton } from '../../src/scaffold/skeletons.js';
import { loadSeeds, MIN_RUN, sharedRuns, type Seed } from '../helpers/seed-overlap.js';

const SEEDS_DIR = path.resolve('..', 'shared', 'seeds');

/**
 * Fixed political wording: formulas of the Party's documents and of every plenary report, which a
 * drafter must write word for word. Anything else shared with a seed is borrowed prose.
 */
const FORMULAS = [
  '坚持以习近平新时代中国特色社会主义思想为指导',
  '习近平总书记关于加强和改进人民政协工作的重要思想',
  '深刻领悟“两个确立”的决定性意义',
  '增强“四个意识”、坚定“四个自信”、做到“两个维护”',
  '完整、准确、全面贯彻新发展理念',
  '坚持发扬民主和增进团结相互贯通、建言资政和凝聚共识双向发力',
  '让我们更加紧密地团结在以习近平同志为核心的党中央周围',
];

/** The exception: an example that reproduces a published report from records on purpose. */
const REBUILDS_A_SEED = path.join('examples', 'panjin-2022');

function proseFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (file === REBUILDS_A_SEED) continue;
    if (statSync(file).isDirectory()) found.push(...proseFiles(file));
    else if (name.endsWith('.md')) found.push(file);
  }
  return found;
}

const seeds: Seed[] | undefined = await loadSeeds(SEEDS_DIR);
const sources: [string, string][] = [
  ...[...proseFiles('data'), ...proseFiles('examples')].map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
  ...[2023, 2024, 2025, 2030].map((year): [string, string] => [`report init ${year}：narrative.md`, annualSkeleton(year)]),
  ['report init：proposals.md', proposalsSkeleton()],
];

describe.skipIf(seeds === undefined)(`sample prose shares no run of ${MIN_RUN} characters with a seed (skipped: ${SEEDS_DIR} is not there)`, () => {
  it('finds every narrative, summary and proposal report bundled, and init’s two samples', () => {
    const names = sources.map(([name]) => name);
    for (const expected of ['data/2023/narrative.md', 'data/2023/summary.md', 'data/2023/proposals.md', 'data/2022/narrative.md', 'examples/term-2018-2022/term-2018-2022/narrative.md']) {
      expect(names).toContain(expected);
    }
    expect(names.some((n) => n.startsWith(REBUILDS_A_SEED))).toBe(false);
  });

  it.each(sources)('%s', (_name, text) => {
    const runs = sharedRuns(text, seeds!, FORMULAS).map((r) => `${r.seed}：${r.text}`);
    expect(runs).toEqual([]);
  });

  it('would notice a sentence lifted from a seed, punctuation and script aside', () => {
    // Seed 004 prints this with half-width commas; seed 003 is in traditional script.
    const lifted = '坚持重大问题集体讨论决定、重大事项及时报告、重要活动及时请示、重要安排及时报批，确保党的领导贯穿政协履职全过程。';
    expect(sharedRuns(`**坚定政治方向。**${lifted}`, seeds!, FORMULAS).map((r) => r.seed)).toEqual(['004_b2ada61543cbf06c.txt']);
    expect(sharedRuns('这一年，市政协坚定不移坚持党的全面领导，持续加强政治引领。', seeds!, FORMULAS).map((r) => r.seed)).toEqual(['003_0c1534a314dba41e.txt']);
  });

  it('lets the fixed formulas through, and only them', () => {
    expect(sharedRuns(`各位委员，${FORMULAS.at(-1)}，为云州作出新的更大贡献！`, seeds!, FORMULAS)).toEqual([]);
    expect(sharedRuns(`各位委员，${FORMULAS.at(-1)}，为云州作出新的更大贡献！`, seeds!, [])).not.toEqual([]);
  });

  it('the Panjin example rebuilds seed 004 and says so', () => {
    const panjin = readFileSync(path.join(REBUILDS_A_SEED, '2022', 'narrative.md'), 'utf8');
    expect(panjin).toMatch(/有意.*seed-004\.txt/);
    const copied = sharedRuns(panjin, seeds!, FORMULAS).reduce((n, r) => n + [...r.text].length, 0);
    expect(copied).toBeGreaterThan(2000);
  });
});
