/**
 * Seed 004 rebuilt from records: `report build 2022 --data examples/panjin-2022` must give back
 * the text of 盘锦市政协's 2022 work report (delivered 2023-01-03), with every figure computed
 * from the example's records.
 *
 * The seed was scraped with half-width `,():;!` where the original has full-width marks; it is
 * mapped back before comparing. The built Markdown loses its markup (heading #s, `**`,
 * `{.subtitle}`-style attributes); whitespace is normalised on both sides (the seed's speaker
 * line is “郭 伦”, the report's “郭　伦”). Similarity is Python difflib's
 * SequenceMatcher.ratio() (2·M/T), ported below, over the characters of the two texts.
 */
import { execFile } from 'node:child_process';
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../helpers/docx.js';
import { PANJIN as EXAMPLE, ROOT, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

/** The seed as scraped (a copy of ../shared/seeds/004_b2ada61543cbf06c.txt), kept with the example. */
const SEED = path.join(EXAMPLE, 'seed-004.txt');
const TITLE = '中国人民政治协商会议辽宁省盘锦市第九届委员会常务委员会工作报告';

// ── difflib.SequenceMatcher, ported ─────────────────────────────────────────────────────────

interface Match {
  a: number;
  b: number;
  size: number;
}

/**
 * A port of Python's difflib.SequenceMatcher (Ratcliff/Obershelp as difflib implements it,
 * without an isjunk function): find_longest_match, get_matching_blocks and ratio, including
 * the “popular element” heuristic when `autojunk` is on, as in Python.
 */
class SequenceMatcher<T> {
  private readonly b2j = new Map<T, number[]>();

  constructor(
    private readonly a: readonly T[],
    private readonly b: readonly T[],
    autojunk = true,
  ) {
    b.forEach((elt, i) => {
      const indices = this.b2j.get(elt);
      if (indices) indices.push(i);
      else this.b2j.set(elt, [i]);
    });
    // Python: elements of b that occur more than 1% of the time (b of 200 or more) are ignored
    // when looking for matches, though matches may still be extended over them.
    if (autojunk && b.length >= 200) {
      const ntest = Math.floor(b.length / 100) + 1;
      for (const [elt, indices] of [...this.b2j]) if (indices.length > ntest) this.b2j.delete(elt);
    }
  }

  findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): Match {
    const { a, b } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of this.b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    // No junk function, so Python's junk-extension loops reduce to these two.
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return { a: besti, b: bestj, size: bestsize };
  }

  matchingBlocks(): Match[] {
    const la = this.a.length;
    const lb = this.b.length;
    const queue: Array<[number, number, number, number]> = [[0, la, 0, lb]];
    const blocks: Match[] = [];
    while (queue.length > 0) {
      const [alo, ahi, blo, bhi] = queue.pop()!;
      const m = this.findLongestMatch(alo, ahi, blo, bhi);
      if (m.size > 0) {
        blocks.push(m);
        if (alo < m.a && blo < m.b) queue.push([alo, m.a, blo, m.b]);
        if (m.a + m.size < ahi && m.b + m.size < bhi) queue.push([m.a + m.size, ahi, m.b + m.size, bhi]);
      }
    }
    blocks.sort((x, y) => x.a - y.a || x.b - y.b || x.size - y.size);
    const merged: Match[] = [];
    let cur: Match = { a: 0, b: 0, size: 0 };
    for (const m of blocks) {
      if (cur.a + cur.size === m.a && cur.b + cur.size === m.b) cur = { ...cur, size: cur.size + m.size };
      else {
        if (cur.size > 0) merged.push(cur);
        cur = m;
      }
    }
    if (cur.size > 0) merged.push(cur);
    merged.push({ a: la, b: lb, size: 0 });
    return merged;
  }

  ratio(): number {
    const total = this.a.length + this.b.length;
    const matches = this.matchingBlocks().reduce((s, m) => s + m.size, 0);
    return total > 0 ? (2 * matches) / total : 1;
  }
}

/** difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() over characters. */
function similarity(a: string, b: string): number {
  return new SequenceMatcher(Array.from(a), Array.from(b), false).ratio();
}

// ── Normalising the two texts ──────────────────────────────────────────────────────────────

/** The seed's half-width marks where the original has Chinese punctuation; numbers are kept. */
function seedToFullWidth(seed: string): string {
  const digit = (c: string | undefined) => c !== undefined && /\d/.test(c);
  return seed
    .replace(/[,:]/g, (m, i: number, s: string) => (digit(s[i - 1]) && digit(s[i + 1]) ? m : m === ',' ? '，' : '：'))
    .replace(/;/g, '；')
    .replace(/!/g, '！')
    .replace(/\(([^()]*[^\x00-\x7f][^()]*)\)/g, '（$1）');
}

/** The built report's text without Markdown markup. */
function markdownToText(md: string): string {
  return md
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\s*\{\.[\w-]+(?:\s+\.[\w-]+)*\}/g, '')
    .replace(/\*\*/g, '');
}

/** One line a paragraph, no whitespace inside lines (Chinese text has none that matters). */
function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ''))
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Every number the report prints, with its unit as printed (2023年, 116件, 61.4%, 200余篇…). */
const FIGURE = /\d+(?:\.\d+)?%|\d+[余多]?(?:件次|个方面|方面|件|条|篇|名|年|月|日)/g;
const figures = (text: string) => text.match(FIGURE) ?? [];

/** The figures of the seed in order; the numbers inside fixed expressions (十九届…) are words. */
const SEED_FIGURES = [
  '2023年', '1月', '3日', '2022年',
  '8个方面', '25件次',
  '6方面', '17条', '6方面',
  '28条', '9条', '116件', '61.4%', '92.6%', '99.5%', '200余篇', '100余篇', '40余篇',
  '296名', '430多件', '35篇', '91件', '50余篇', '17篇',
  '276名',
  '2023年', '2023年',
];

// ── Building the example ──────────────────────────────────────────────────────────────────

async function build(data: string): Promise<{ out: string; md: string; stderr: string; code: number }> {
  const out = await tempDir('report-panjin-');
  const run = await report(['build', '2022', '--data', data, '--out', out]);
  const md = run.code === 0 ? await readFile(path.join(out, '2022', 'report.md'), 'utf8') : '';
  return { out, md, stderr: run.stderr, code: run.code };
}

/** `npx tsx <script> --check`: whether the committed files are what the generator writes. */
function generatorCheck(script: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), '--check'], { cwd: ROOT }, (error, _stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stderr }),
    );
  });
}

describe('difflib port', () => {
  it('gives the ratios Python gives', () => {
    const r = (a: string, b: string, autojunk = true) => new SequenceMatcher(Array.from(a), Array.from(b), autojunk).ratio();
    expect(r('abcd', 'bcde')).toBe(0.75);
    expect(r('private Thread currentThread;', 'private volatile Thread currentThread;')).toBeCloseTo(0.8656716417910447, 15);
    expect(r('qabxcd', 'abycdf')).toBeCloseTo(2 / 3, 15);
    expect(new SequenceMatcher(Array.from('qabxcd'), Array.from('abycdf')).matchingBlocks()).toEqual([
      { a: 1, b: 0, size: 2 },
      { a: 4, b: 3, size: 2 },
      { a: 6, b: 6, size: 0 },
    ]);
    expect(r('', '')).toBe(1);
    expect(r('a', '')).toBe(0);
    // With autojunk, Python ignores characters frequent in a long text; hence autojunk=False here.
    const a = '政协委员走进基层，深入群众，协商于民、协商为民。'.repeat(20);
    const b = '政协委员走进基层、深入群众，协商为民、协商于民！'.repeat(20);
    expect(r(a, b)).toBeCloseTo(0.016666666666666666, 15);
    expect(r(a, b, false)).toBeCloseTo(0.8333333333333334, 15);
  });
});

describe('seed 004: 盘锦市政协 2022 work report rebuilt from records', () => {
  let seed: string;
  let built: { out: string; md: string; stderr: string; code: number };

  beforeAll(async () => {
    seed = normalise(seedToFullWidth(await readFile(SEED, 'utf8')));
    built = await build(EXAMPLE);
  });

  it('validates without problems, warnings included', async () => {
    const run = await report(['validate', '2022', '--data', EXAMPLE, '--strict']);
    expect(run.stderr + run.stdout).not.toMatch(/错误|警告/);
    expect(run.code).toBe(0);
  });

  it('builds, and the text is at least 98% similar to the seed', () => {
    expect(built.code, built.stderr).toBe(0);
    const text = normalise(markdownToText(built.md));
    expect(text.length).toBeGreaterThan(5000);
    const ratio = similarity(seed, text);
    console.log(`seed 004 similarity (difflib ratio, characters): ${ratio.toFixed(4)}`);
    expect(ratio).toBeGreaterThanOrEqual(0.98);
    // Paragraph by paragraph too, so a failure names the paragraph that drifted.
    const seedLines = seed.split('\n');
    const textLines = text.split('\n');
    expect(textLines.length).toBe(seedLines.length);
    seedLines.forEach((line, i) => expect(similarity(line, textLines[i] ?? ''), `paragraph ${i + 1}: ${line.slice(0, 20)}…`).toBeGreaterThanOrEqual(0.95));
  });

  it('prints every figure of the seed exactly, and no other', () => {
    expect(figures(seed)).toEqual(SEED_FIGURES);
    // Every digit of the seed belongs to one of those figures.
    expect(seed.replace(FIGURE, '')).not.toMatch(/\d/);
    const text = normalise(markdownToText(built.md));
    for (const figure of new Set(SEED_FIGURES)) expect(text).toContain(figure);
    expect(figures(text)).toEqual(SEED_FIGURES);
    // The sentences that carry them, as the seed prints them.
    for (const sentence of [
      '向市委专题报告25件次',
      '提出坚持创新发展等6方面建议',
      '17条建议得到市委市政府的重视和采纳',
      '提出加速城乡产业融合等28条建议',
      '涉及民生和社会事业领域提案116件，占比61.4%，年度办结率92.6%，提案者满意率99.5%',
      '广泛收集反映社会热点信息200余篇，向省政协、市委市政府报送信息100余篇，40余篇被采纳或报送至全国政协',
      '296名全国、省、市三级政协委员',
      '帮助解决实际问题430多件',
      '提交调研报告35篇、政协提案91件',
      '将276名政协委员全部编入专委会',
    ]) {
      expect(seed).toContain(sentence);
      expect(text).toContain(sentence);
    }
  });

  it('writes a Word document with the report in it', async () => {
    const file = path.join(built.out, '2022', 'report.docx');
    expect((await stat(file)).size).toBeGreaterThan(5000);
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const text = docxText(bytes);
    expect(text).toContain(TITLE);
    expect(text).toContain('涉及民生和社会事业领域提案116件，占比61.4%');
    expect(text).not.toContain('{.');
    expect(text).not.toContain('**');
  });

  it('follows the records: one proposal moved out of 民生和社会事业 changes the count and the share', async () => {
    const data = await tempDir('report-panjin-data-');
    await cp(EXAMPLE, data, { recursive: true });
    const file = path.join(data, '2022', 'proposals.yaml');
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((l) => l.includes('category: 民生和社会事业'));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace('category: 民生和社会事业', 'category: 经济建设');
    await writeFile(file, lines.join('\n'));

    const changed = await build(data);
    expect(changed.code, changed.stderr).toBe(0);
    const text = normalise(markdownToText(changed.md));
    // 115 / 189 = 60.85%: balanced with the other categories (largest remainder), 60.9%, as stats prints it;
    // the rates over all proposals stay as they were.
    expect(text).toContain('涉及民生和社会事业领域提案115件，占比60.9%，年度办结率92.6%，提案者满意率99.5%');
    expect(text).not.toContain('116件');
    expect(text).not.toContain('61.4%');
  });
});

describe('generated example records', () => {
  // The committed example files are the truth: each generator's `--check` must find them unchanged.
  it('keeps examples/panjin-2022 equal to what its generator writes', async () => {
    const result = await generatorCheck('generate-panjin-2022.ts');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('keeps examples/term-2018-2022 equal to what its generator writes', async () => {
    const result = await generatorCheck('generate-term-example.ts');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
