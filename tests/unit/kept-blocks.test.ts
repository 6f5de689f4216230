/** The report document's blocks as the parse cache keeps them: back through JSON as parsed, key for key; a damaged shape is a miss. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportMarkdown } from '../../src/write/document.js';
import { blocksFromKept, isKeptBlocks, keptBlocks } from '../../src/write/kept-blocks.js';
import { ROOT } from '../helpers/fixture.js';

const MARKDOWN = `# 标题\n\n正文一段。\n\n附表：提案分类统计\n\n| 类别 | 件数 |\n|:---|---:|\n| 经济 | 12 |\n| 社会 | 8 |\n\n**加粗**的段落，含换行  \n第二行。\n`;
const blocks = () => parseReportMarkdown(MARKDOWN);
const kept = (): Record<string, any> => JSON.parse(JSON.stringify(keptBlocks(blocks())));

describe('kept blocks', () => {
  it('come back through JSON as the parse gave them, table, caption and alignment included', () => {
    const parsed = blocks();
    expect(parsed.some((b) => b.type === 'table' && b.caption && b.header.some((c) => c.alignment === 'left'))).toBe(true);
    const data = kept();
    expect(isKeptBlocks(data)).toBe(true);
    const back = blocksFromKept(data as never);
    expect(back).toEqual(parsed);
    // The same JSON, key for key: a document's JSON is the kept Word document's key.
    expect(JSON.stringify(back)).toBe(JSON.stringify(parsed));
  });

  it('holds the blocks of a real report', () => {
    const report = readFileSync(path.join(ROOT, 'tests', 'golden', 'data-2023', 'report.md'), 'utf8');
    const parsed = parseReportMarkdown(report);
    expect(JSON.stringify(blocksFromKept(JSON.parse(JSON.stringify(keptBlocks(parsed)))))).toBe(JSON.stringify(parsed));
  });

  const damages: Array<[string, (k: Record<string, any>) => void]> = [
    ['no blocks', (k) => delete k.blocks],
    ['a block of another type', (k) => (k.blocks[0].type = 'list')],
    ['a paragraph of another kind', (k) => (k.blocks[0].kind = 'aside')],
    ['an inline of another role', (k) => (k.blocks[0].inlines[0].role = 'bold')],
    ['an inline whose text is a number', (k) => (k.blocks[0].inlines[0].text = 7)],
    ['a field no block has', (k) => (k.blocks[0].style = 'x')],
    ['a cell of another alignment', (k) => (k.blocks.find((b: any) => b.type === 'table').header[0].alignment = 'middle')],
    ['a row that is not a list', (k) => (k.blocks.find((b: any) => b.type === 'table').rows[0] = {})],
  ];
  it.each(damages)('refuses %s', (_what, damage) => {
    const data = kept();
    expect(isKeptBlocks(data)).toBe(true);
    damage(data);
    expect(isKeptBlocks(data)).toBe(false);
  });
});
