/**
 * The report document's blocks as the parse cache keeps them: back through JSON as parsed, key for
 * key; a damaged shape is a miss. A Markdown that differs from the kept one only inside plain
 * paragraphs gives, patched, exactly what the parser gives: on the saved report and on random
 * documents, the parser is the reference.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportMarkdown, parseReportMarkdownLines } from '../../src/write/document.js';
import { blocksFromKept, isKeptBlocks, isPlainLine, keptBlocks, patchedBlocks, plainParagraph } from '../../src/write/kept-blocks.js';
import { ROOT } from '../helpers/fixture.js';
import { REPORTS, reportMarkdown } from '../write/reports.js';

const MARKDOWN = `# 标题\n\n正文一段。\n\n附表：提案分类统计\n\n| 类别 | 件数 |\n|:---|---:|\n| 经济 | 12 |\n| 社会 | 8 |\n\n**加粗**的段落，含换行  \n第二行。\n`;
const kept = (markdown = MARKDOWN): Record<string, any> => JSON.parse(JSON.stringify(keptBlocks(markdown, parseReportMarkdownLines(markdown))));
const REPORT = readFileSync(path.join(ROOT, 'tests', 'golden', 'data-2023', 'report.md'), 'utf8');

describe('kept blocks', () => {
  it('come back through JSON as the parse gave them, table, caption and alignment included', () => {
    const parsed = parseReportMarkdown(MARKDOWN);
    expect(parsed.some((b) => b.type === 'table' && b.caption && b.header.some((c) => c.alignment === 'left'))).toBe(true);
    const data = kept();
    expect(isKeptBlocks(data)).toBe(true);
    const back = blocksFromKept(data as never);
    expect(back).toEqual(parsed);
    // The same JSON, key for key: a document's JSON is the kept Word document's key.
    expect(JSON.stringify(back)).toBe(JSON.stringify(parsed));
    // The paragraphs have their lines (the caption went into the table; the heading and the table have none).
    expect(data.paragraphLines).toEqual([null, [2, 3], null, [11, 13]]);
  });

  it('holds the blocks of a real report', () => {
    const parsed = parseReportMarkdown(REPORT);
    expect(JSON.stringify(blocksFromKept(JSON.parse(JSON.stringify(keptBlocks(REPORT, parseReportMarkdownLines(REPORT))))))).toBe(JSON.stringify(parsed));
  });

  const damages: Array<[string, (k: Record<string, any>) => void]> = [
    ['no blocks', (k) => delete k.blocks],
    ['no Markdown', (k) => delete k.markdown],
    ['a block of another type', (k) => (k.blocks[0].type = 'list')],
    ['a paragraph of another kind', (k) => (k.blocks[0].kind = 'aside')],
    ['an inline of another role', (k) => (k.blocks[0].inlines[0].role = 'bold')],
    ['an inline whose text is a number', (k) => (k.blocks[0].inlines[0].text = 7)],
    ['a field no block has', (k) => (k.blocks[0].style = 'x')],
    ['a cell of another alignment', (k) => (k.blocks.find((b: any) => b.type === 'table').header[0].alignment = 'middle')],
    ['a row that is not a list', (k) => (k.blocks.find((b: any) => b.type === 'table').rows[0] = {})],
    ['lines for fewer blocks than there are', (k) => k.paragraphLines.pop()],
    ['lines past the end of the Markdown', (k) => (k.paragraphLines[1] = [2, 99])],
    ['lines that end before they start', (k) => (k.paragraphLines[1] = [3, 2])],
    ['lines of a table', (k) => (k.paragraphLines[2] = [6, 10])],
    ['lines overlapping the ones before', (k) => ((k.paragraphLines[0] = [0, 3]), (k.paragraphLines[1] = [2, 3]))],
  ];
  it.each(damages)('refuses %s', (_what, damage) => {
    const data = kept();
    expect(isKeptBlocks(data)).toBe(true);
    damage(data);
    expect(isKeptBlocks(data)).toBe(false);
  });
});

/** Characters of report prose, and ones that make a line no plain text. */
const PLAIN_CHARS = ['政', '协', '表', '提', '案', '件', '。', '，', '、', '“', '”', '（', '）', '％', '１', '0', '7', '3', 'a', 'Z', ' ', '.', ',', '%', '/', '(', ')', '𠀋', '—', '…'];
const OTHER_CHARS = ['*', '_', '#', '-', '+', '>', '|', '[', ']', '!', '`', '~', '\\', '&', '{', '}', ':', '<', '=', '　', '\u00a0', '\t', '"', "'", ';', '?', '@', '$', '^'];
const line = (chars: string[]) => fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));

describe('a plain paragraph', () => {
  it('is what the parser makes of plain lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: line(PLAIN_CHARS) }, { weight: 1, arbitrary: line([...PLAIN_CHARS, ...OTHER_CHARS]) }), { minLength: 1, maxLength: 4 }), (lines) => {
        if (!lines.every(isPlainLine)) return;
        expect(parseReportMarkdown(lines.join('\n'))).toEqual([plainParagraph(lines)]);
      }),
      { numRuns: 600, seed: 11 },
    );
  });

  it('is what the parser makes of plain lines whose first opens with a bold lead sentence', () => {
    const plain = line(PLAIN_CHARS);
    fc.assert(
      fc.property(plain, fc.oneof(plain, fc.constant('')), fc.array(fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: line([...PLAIN_CHARS, ...OTHER_CHARS]) }), { maxLength: 3 }), (lead, rest, more) => {
        const lines = [`**${lead}**${rest}`, ...more];
        const made = plainParagraph(lines);
        if (made === undefined) return;
        expect(parseReportMarkdown(lines.join('\n'))).toEqual([made]);
        expect((made as { inlines: Array<{ role: string }> }).inlines[0]!.role).toBe('lead');
      }),
      { numRuns: 800, seed: 13 },
    );
    // A lead that ends with a letter or a CJK mark is read, whatever follows; one that ends with another mark is left to the parser.
    expect(plainParagraph(['**扎实开展主题教育**。按照市委统一部署'])).toBeDefined();
    expect(plainParagraph(['**强化理论武装。**把学习贯彻'])).toBeDefined();
    expect(plainParagraph(['**强化理论武装。**a'])).toBeDefined();
    expect(plainParagraph(['**强化理论武装…**a'])).toBeUndefined();
    expect(parseReportMarkdown('**强化理论武装…**a')).not.toEqual([{ type: 'paragraph', kind: 'body', inlines: [{ type: 'text', text: '强化理论武装…', role: 'lead' }, { type: 'text', text: 'a', role: 'plain' }] }]);
    expect(plainParagraph(['** 空格开头**正文'])).toBeUndefined();
  });

  it('is no line that starts a list, carries Markdown or whitespace at an end', () => {
    for (const l of ['1. 第一', '2) 第二', '**加粗**', '# 标题', ' 缩进', '结尾 ', '　全角空格', '链接[a](b)', '{.speaker}', 'a&amp;b', '']) expect(isPlainLine(l)).toBe(false);
    for (const l of ['2023年是开局之年。', '占比61.4%，同比增长2.5个百分点', 'GDP (total) 1,200/3', '3.5%的提案']) expect(isPlainLine(l) || l.startsWith('3.5')).toBe(true);
  });
});

/** Blocks of report Markdown of every kind the templates and writers make, and some they do not. */
const CHUNKS = [
  '# 关于政协工作的报告',
  '## 一、2023年工作回顾',
  '### （一）坚持党的领导',
  '——2024年1月8日在大会上{.subtitle}',
  '林　涛{.speaker}',
  '各位委员：{.salutation}',
  '**扎实开展主题教育**。按照市委统一部署，开展学习。',
  '**抓实理论学习**{.run-in}以中心组学习为龙头。',
  '全年召开常委会议7次、主席会议12次，会上提出意见建议412条。',
  '一年来，市政协坚持\n团结和民主两大主题，\nworking hard 协商议政。',
  '附表：提案分类统计表',
  '提案分类表{.caption}',
  '| 类别 | 件数 |\n|:---|---:|\n| 经济 | 12 |\n| 社会 | 8 |',
  '- 第一项\n- 第二项',
  '1. 其一\n2. 其二',
  '1. 松散的一项\n\n2. 松散的二项',
  '> 引用的一段',
  '```\n代码\n\n仍是代码\n```',
  '    缩进的代码',
  '[链接]: https://example.org',
  '见[链接]。',
  '段落一\n# 紧接的标题',
  '段落\n===',
  '附件：1.提案目录{.annex-note}',
  '{.caption}',
  '正文之后\n{.salutation}',
  '| 类别 | 件数 |\n|---|---|\n| 文化 | 3 |\n{.caption}',
  '- 一项\n{.speaker}',
  '---',
];
const paragraphLines = fc.array(line(PLAIN_CHARS.filter((c) => c !== ' ')), { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
/** Plain lines whose first opens with a bold lead sentence ending in a letter. */
const leadLines = fc
  .tuple(line(PLAIN_CHARS.filter((c) => c !== ' ')), fc.constantFrom('育', '案', 'a', '7', '。', '，', '）'), paragraphLines)
  .map(([lead, last, rest]) => `**${lead}${last}**${rest}`);
const chunk = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CHUNKS) }, { weight: 2, arbitrary: paragraphLines }, { weight: 1, arbitrary: leadLines });
const separator = fc.constantFrom('\n\n', '\n\n', '\n\n\n', '\n \n');

/** A document of chunks and the separators after each. */
const documentOf = (parts: Array<[string, string]>) => parts.map(([c, s]) => c + s).join('');

describe('patched blocks', () => {
  /** The parser's blocks and lines for `after`, when patching gives any. */
  const expectParsed = (before: string, after: string) => {
    const data = kept(before);
    expect(isKeptBlocks(data)).toBe(true);
    const patched = patchedBlocks(data as never, after);
    if (patched) {
      const reference = parseReportMarkdownLines(after);
      expect(JSON.stringify(patched.blocks)).toBe(JSON.stringify(reference.blocks));
      expect(patched.paragraphLines).toEqual(reference.paragraphLines);
    }
    return patched;
  };

  it('are the parser’s blocks and lines for random documents edited anywhere, or a miss', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(chunk, separator), { minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), chunk), { maxLength: 3 }),
        (parts, edits) => {
          const edited = parts.map(([c, s]) => [c, s] as [string, string]);
          for (const [at, text] of edits) edited[at % edited.length]![0] = text;
          expectParsed(documentOf(parts), documentOf(edited));
        },
      ),
      { numRuns: 400, seed: 5 },
    );
  });

  it('are made whenever only plain paragraphs standing alone were edited into plain ones', () => {
    const isPlain = (c: string) => plainParagraph(c.split('\n')) !== undefined;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(chunk, separator), { minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(fc.nat(), fc.oneof(paragraphLines, leadLines)), { minLength: 1, maxLength: 3 }),
        (parts, edits) => {
          const edited = parts.map(([c, s]) => [c, s] as [string, string]);
          for (const [at, text] of edits) {
            const i = at % edited.length;
            // A plain paragraph, not above a table (a short one there is the table's caption: left to
            // the parser), nor above one with only a rule or a link definition between (they make no block).
            const next = parts.slice(i + 1).find(([c]) => c !== '---' && !c.startsWith('[链接]:'));
            if (isPlain(parts[i]![0]) && isPlain(text) && !next?.[0].startsWith('|')) edited[i]![0] = text;
          }
          const after = documentOf(edited);
          const patched = expectParsed(documentOf(parts), after);
          expect(patched).toBeDefined();
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });

  it.each(REPORTS.map((r) => [r.name, r] as const))('are the parser’s blocks for every figure of the saved report %s edited, one by one and several at once', (_name, fixture) => {
    const markdown = reportMarkdown(fixture);
    const data = kept(markdown);
    const lines = markdown.split('\n');
    const figures: Array<[number, number]> = [];
    lines.forEach((l, i) => {
      for (const m of l.matchAll(/\d+/g)) figures.push([i, m.index]);
    });
    let patchedCount = 0;
    const edit = (at: Array<[number, number]>) => {
      const copy = [...lines];
      for (const [i, index] of at) copy[i] = `${copy[i]!.slice(0, index)}9${copy[i]!.slice(index)}`;
      const after = copy.join('\n');
      const patched = patchedBlocks(data as never, after);
      if (patched) {
        patchedCount++;
        expect(JSON.stringify(patched.blocks)).toBe(JSON.stringify(parseReportMarkdownLines(after).blocks));
        expect(patched.paragraphLines).toEqual(parseReportMarkdownLines(after).paragraphLines);
      }
    };
    for (const f of figures) edit([f]);
    // Most figures stand in paragraphs read again without the parser: all but those in the date
    // under the title, the part headings and a paragraph with a + in it (“读书+履职”): bundled
    // 64 of 69, Panjin 23 of 30, the term report 50 of 53.
    expect(figures.length).toBeGreaterThan(20);
    expect(patchedCount / figures.length).toBeGreaterThan(0.75);
    for (let i = 0; i + 3 < figures.length; i += 3) edit(figures.slice(i, i + 3));
  });

  it('are a miss when the kept Markdown differs outside plain paragraphs', () => {
    const data = kept();
    expect(patchedBlocks(data as never, MARKDOWN.replace('正文一段。', '正文一段，改了。'))?.blocks).toEqual(parseReportMarkdown(MARKDOWN.replace('正文一段。', '正文一段，改了。')));
    expect(patchedBlocks(data as never, MARKDOWN.replace('# 标题', '# 新标题'))).toBeUndefined();
    expect(patchedBlocks(data as never, MARKDOWN.replace('| 经济 | 12 |', '| 经济 | 13 |'))).toBeUndefined();
    expect(patchedBlocks(data as never, MARKDOWN.replace('正文一段。', '正文**一段**。'))).toBeUndefined();
    expect(patchedBlocks(data as never, MARKDOWN.replace('正文一段。', '正文一段。\n\n新的一段。'))).toBeUndefined();
    expect(patchedBlocks(data as never, MARKDOWN.replace('附表：提案分类统计', '附表：提案分类统计表'))).toBeUndefined();
    // Blank lines added or taken are a difference outside the paragraphs (in a list they would make it loose).
    expect(patchedBlocks(data as never, MARKDOWN.replace('正文一段。\n\n', '正文一段，改了。\n\n\n'))).toBeUndefined();
    // A paragraph just above a table, made short enough to be its caption: left to the parser, which moves it into the table.
    const table = '正文一段，说明下表。\n\n| 类别 | 件数 |\n|---|---|\n| 经济 | 12 |\n';
    expect(parseReportMarkdown(table.replace('正文一段，说明下表。', '提案统计表'))).toHaveLength(1);
    expect(patchedBlocks(kept(table) as never, table.replace('正文一段，说明下表。', '提案统计表'))).toBeUndefined();
  });
});
