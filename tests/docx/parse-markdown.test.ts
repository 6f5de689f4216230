import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseReportMarkdown, type Block, type ParagraphBlock } from '../../src/write/docx/parse-markdown.js';
import { FIXTURE } from './docx-xml.js';

const paragraphs = (blocks: Block[]) => blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');

describe('parseReportMarkdown', () => {
  it('makes a bold run of **强化理论武装。** followed directly by CJK text', () => {
    const [p] = paragraphs(parseReportMarkdown('**强化理论武装。**把学懂弄通'));
    expect(p?.inlines).toEqual([
      { type: 'text', text: '强化理论武装。', role: 'lead' },
      { type: 'text', text: '把学懂弄通', role: 'plain' },
    ]);
    // Plain CommonMark leaves the asterisks as text here: the CJK plugin is what makes it bold.
    expect(new MarkdownIt().renderInline('**强化理论武装。**把')).toBe('**强化理论武装。**把');
  });

  it('gives every paragraph of the canonical report its role', () => {
    const kinds = paragraphs(parseReportMarkdown(FIXTURE)).map((p) => p.kind);
    expect(kinds.slice(0, 8)).toEqual([
      'title',
      'subtitle',
      'speaker',
      'salutation',
      'body',
      'heading1',
      'body',
      'heading2',
    ]);
    expect(kinds.filter((k) => k === 'heading1')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'heading2')).toHaveLength(2);
  });

  it('strips the attribute blocks from the text', () => {
    const [, subtitle, speaker, salutation] = paragraphs(parseReportMarkdown(FIXTURE));
    expect(subtitle?.inlines).toEqual([
      { type: 'text', text: '——2024年1月8日在政协云州市第十届委员会第二次会议上', role: 'plain' },
    ]);
    expect(speaker?.inlines).toEqual([{ type: 'text', text: '郭　伦', role: 'plain' }]);
    expect(salutation?.inlines).toEqual([{ type: 'text', text: '各位委员：', role: 'plain' }]);
  });

  it('tells a run-in heading from a lead sentence', () => {
    const [p] = paragraphs(parseReportMarkdown('**（一）毫不动摇坚持和加强党的全面领导。**{.run-in}始终坚持'));
    expect(p?.kind).toBe('body');
    expect(p?.inlines).toEqual([
      { type: 'text', text: '（一）毫不动摇坚持和加强党的全面领导。', role: 'runIn' },
      { type: 'text', text: '始终坚持', role: 'plain' },
    ]);
  });

  it('joins a soft line break without a space between Chinese, with one between Latin words', () => {
    const [p, q] = paragraphs(parseReportMarkdown('政协委员\n积极履职\n\nTimes New\nRoman'));
    expect(p?.inlines).toEqual([{ type: 'text', text: '政协委员积极履职', role: 'plain' }]);
    expect(q?.inlines).toEqual([{ type: 'text', text: 'Times New Roman', role: 'plain' }]);
  });

  it('reads a GFM table with its header, rows and column alignment', () => {
    const blocks = parseReportMarkdown('| 项目 | 数量 |\n|---|--:|\n| 提案 | 189件 |\n| 信息 | 100余篇 |\n');
    expect(blocks).toHaveLength(1);
    const [table] = blocks;
    if (table?.type !== 'table') throw new Error('expected a table');
    expect(table.header.map((c) => c.inlines)).toEqual([
      [{ type: 'text', text: '项目', role: 'plain' }],
      [{ type: 'text', text: '数量', role: 'plain' }],
    ]);
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]?.map((c) => c.alignment)).toEqual([undefined, 'right']);
  });
});
