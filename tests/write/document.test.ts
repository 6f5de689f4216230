import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseReportMarkdown, toMarkdown, type Block, type ParagraphBlock } from '../../src/write/document.js';
import { FIXTURE, doc } from '../docx/docx-xml.js';

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

  it('takes the short 附表 line above a table as its caption, and a {.caption} paragraph too', () => {
    const blocks = parseReportMarkdown(FIXTURE);
    const table = blocks.find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('expected a table');
    expect(table.caption).toEqual([{ type: 'text', text: '附表：2023年主要履职数据', role: 'plain' }]);
    expect(paragraphs(blocks).some((p) => p.inlines.some((i) => i.type === 'text' && i.text.startsWith('附表')))).toBe(false);
    const [marked] = parseReportMarkdown('2023年提案办理情况 {.caption}\n\n| 项目 | 数量 |\n|---|---|\n| 提案 | 189件 |\n');
    expect(marked?.type === 'table' && marked.caption).toEqual([{ type: 'text', text: '2023年提案办理情况', role: 'plain' }]);
    // a sentence before a table stays a paragraph
    const [sentence] = parseReportMarkdown('各项数据见下表：\n\n| 项目 | 数量 |\n|---|---|\n| 提案 | 189件 |\n');
    expect(sentence?.type).toBe('paragraph');
  });
});

describe('toMarkdown', () => {
  const clean = toMarkdown(doc(FIXTURE));

  it('writes clean Markdown: no {. markup, the roles as headings, bold and paragraphs', () => {
    expect(clean).not.toContain('{.');
    expect(clean.startsWith('# 中国人民政治协商会议江北省云州市第十届委员会常务委员会工作报告\n\n——2024年1月8日在政协云州市第十届委员会第二次会议上\n\n郭　伦\n\n各位委员：\n\n')).toBe(true);
    expect(clean).toContain('\n## 一、2023年工作回顾\n');
    expect(clean).toContain('\n### （一）坚持和加强党的全面领导\n');
    expect(clean.endsWith('\n')).toBe(true);
  });

  it('moves the full stop out of a bold lead so that plain CommonMark (GitHub) makes it bold', () => {
    expect(clean).toContain('\n**强化理论武装**。把学懂弄通');
    expect(clean).toContain('\n**（一）毫不动摇坚持和加强党的全面领导**。始终坚持');
    const plainMd = new MarkdownIt();
    expect(plainMd.renderInline('**强化理论武装**。把')).toBe('<strong>强化理论武装</strong>。把');
    expect(plainMd.render(clean)).not.toMatch(/\*\*/);
  });

  it('writes a table as GFM with its caption, header and alignments', () => {
    expect(clean).toContain(
      '附表：2023年主要履职数据\n\n| 项目 | 数量 | 说明 |\n| --- | ---: | --- |\n| 向市委专题报告 | 25件次 | 重要工作安排、重点协商计划 |',
    );
    const html = new MarkdownIt().render(clean);
    expect(html).toContain('<th>项目</th>');
    expect(html).toContain('<td style="text-align:right">25件次</td>');
  });

  it('escapes Markdown characters in the text and keeps the text the same when read back', () => {
    const md = toMarkdown(doc('正文中的 \\* 星号、<尖括号> 和 | 竖线\n\n1\\. 不是列表\n'));
    expect(md).toBe('正文中的 \\* 星号、\\<尖括号\\> 和 \\| 竖线\n\n1\\. 不是列表\n');
    const again = parseReportMarkdown(md);
    expect(again).toEqual(parseReportMarkdown('正文中的 \\* 星号、<尖括号> 和 | 竖线\n\n1\\. 不是列表\n'));
  });

  it('reads back as the same blocks, roles aside', () => {
    const texts = (blocks: Block[]) =>
      blocks.map((b) => (b.type === 'table' ? b.rows.length : b.inlines.map((i) => (i.type === 'text' ? i.text : '/')).join('')));
    expect(texts(parseReportMarkdown(clean))).toEqual(texts(parseReportMarkdown(FIXTURE)));
  });
});
