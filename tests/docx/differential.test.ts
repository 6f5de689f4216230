/**
 * The Word writer writes its XML itself; the documents are the ones the docx library made, byte for
 * byte. The writer as it was on that library is kept in ./reference/ and both render the saved
 * reports (simplified and traditional script, with tables, lead sentences, annexes) and random
 * layouts within layout.yaml's schema: every part and the zipped package must be equal. A
 * difference names the part and shows where it starts.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, type Layout } from '../../src/domain/layout.js';
import type { ProseMark } from '../../src/render/prose-marks.js';
import { resolveLayout } from '../../src/validate/resolve-layout.js';
import type { ReportDocument } from '../../src/write/document.js';
import { renderDocx } from '../../src/write/docx/index.js';
import { reportDocument, REPORTS } from '../write/reports.js';
import { doc, FIXTURE } from './docx-xml.js';
import { referenceDocx } from './reference/render-docx.js';

function expectSameParts(actual: Uint8Array, expected: Uint8Array): void {
  const [a, b] = [unzipSync(actual), unzipSync(expected)];
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const name of Object.keys(b)) {
    const [x, y] = [strFromU8(a[name]!), strFromU8(b[name]!)];
    if (x === y) continue;
    let at = 0;
    while (x[at] === y[at]) at++;
    expect(x.slice(Math.max(0, at - 200), at + 200), `${name} differs at ${at}`).toBe(y.slice(Math.max(0, at - 200), at + 200));
  }
  expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
}

async function compare(document: ReportDocument, layout: Layout = DEFAULT_LAYOUT, marks: readonly ProseMark[] = []): Promise<void> {
  expectSameParts(await renderDocx(document, layout, marks), await referenceDocx(document, layout, marks));
}

const font = fc.constantFrom('仿宋_GB2312', '黑体', 'Times New Roman', 'A&B "字体" <x>', "O'Font", '方正小标宋_GBK');
const half = (max: number) => fc.integer({ min: 1, max: max * 2 }).map((n) => n / 2);
const amount = fc.constantFrom(0, 0.25, 0.5, 1, 1.3, 2, 2.75);
const alignment = fc.constantFrom('left', 'center', 'right', 'justify');
const paragraph = fc.record(
  {
    eastAsiaFont: font,
    latinFont: font,
    sizePt: half(40),
    bold: fc.boolean(),
    alignment,
    firstLineIndentChars: amount,
    spaceBeforeLines: amount,
    spaceAfterLines: amount,
    trackingPt: fc.constantFrom(-1.3, -0.25, 0, 0.5, 3.33),
  },
  { requiredKeys: [] },
);
const run = fc.record({ eastAsiaFont: font, latinFont: font, bold: fc.boolean() }, { requiredKeys: [] });
const kinds = ['title', 'subtitle', 'speaker', 'salutation', 'body', 'heading1', 'heading2', 'heading3', 'table', 'tableHeader', 'caption', 'annexNote', 'annexLabel'];
const override = fc.record(
  {
    page: fc.record(
      {
        widthMm: fc.constantFrom(210, 184.5, 297),
        heightMm: fc.constantFrom(297, 260.3),
        marginsMm: fc.record({ top: fc.constantFrom(37, 25.4, 0), bottom: fc.constantFrom(35, 20.2), left: fc.constantFrom(28, 31.7), right: fc.constantFrom(26, 12.5) }, { requiredKeys: [] }),
        footerMm: fc.constantFrom(25, 7.9, 0),
      },
      { requiredKeys: [] },
    ),
    lineSpacingPt: fc.constantFrom(28.95, 30, 22, 12.3),
    widowControl: fc.boolean(),
    paragraphs: fc.record(Object.fromEntries(kinds.map((k) => [k, paragraph])), { requiredKeys: [] }),
    runs: fc.record({ lead: run, runIn: run }, { requiredKeys: [] }),
    table: fc.record({ borderPt: fc.constantFrom(0.5, 1.25, 6), numberAlignment: alignment, lineSpacingPt: fc.constantFrom(20, 14.5), cellPaddingPt: fc.constantFrom(4.5, 0, 11.1) }, { requiredKeys: [] }),
    autoSpace: fc.boolean(),
    pageNumber: fc.record(
      {
        format: fc.constantFrom('— {page} —', '{page}', '第 {page} 页', '·{page}·', '“{page}”'),
        eastAsiaFont: font,
        latinFont: font,
        sizePt: half(20),
        oddAlignment: alignment,
        evenAlignment: alignment,
        edgeIndentChars: amount,
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('the Word writer and the docx library write the same documents', () => {
  it.each(REPORTS.map((r) => [r.name, r] as const))('%s', async (_name, report) => {
    await compare(reportDocument(report));
  });

  it('the fixture with tables, in both scripts', async () => {
    await compare(doc(FIXTURE));
    await compare(doc(FIXTURE, { script: 'hant' }));
  });

  it('every kind of block: headings, roles, annexes, tables with empty cells, breaks and escapes', async () => {
    const markdown = [
      '# 关于“A&B”<工作>的报告',
      '',
      "——2024年1月8日在政协'云州市'第十届委员会第二次会议上 {.subtitle}",
      '',
      '张　三 {.speaker}',
      '',
      '各位委员： {.salutation}',
      '',
      '## 一、过去一年的工作',
      '',
      '### （一）加强学习',
      '',
      '#### 1. 理论学习',
      '',
      '**领导带头学。**全年开展学习12次，参加人员1,234人次——“读书+履职”……',
      '第二行接着写，Latin text and 3.5% 。',
      '',
      '**（二）段内标题。**{.run-in}正文接着写。\\',
      '换行之后。',
      '',
      '提案分类统计表 {.caption}',
      '',
      '| 类别 | 件数 | 占比 |',
      '|:--|:-:|--:|',
      '| 经济 | 12 | 10.5% |',
      '|  |  |  |',
      '| **合计** | 114 | 100% |',
      '',
      '附件 {.annex-label}',
      '',
      '附件：1. 提案目录（共 3 页） {.annex-note}',
      '',
      '| 只有 | 一行 |',
      '|---|---|',
      '| a | b |',
    ].join('\n');
    const document = doc(markdown);
    expect(document.blocks.filter((b) => b.type === 'table')).toHaveLength(2);
    const text = JSON.stringify(document);
    for (const shape of ['"type":"break"', '"inlines":[]', '"role":"lead"', '"role":"runIn"', '"kind":"annexNote"', '"kind":"annexLabel"', '"kind":"heading3"', '"caption"']) expect(text).toContain(shape);
    for (const script of ['hans', 'hant'] as const) await compare({ ...document, meta: { ...document.meta, script } });
    const { layout } = resolveLayout({ paragraphs: { title: { sizePt: 40 }, body: { bold: true }, tableHeader: { bold: false } }, runs: { lead: { bold: false } } });
    await compare(document, layout);
  });

  it('bookmarks of the prose marks', async () => {
    const document = reportDocument(REPORTS[0]!);
    const texts = document.blocks.flatMap((b) => (b.type === 'paragraph' && b.kind === 'body' ? [b.inlines.map((i) => (i.type === 'text' ? i.text : '')).join('')] : []));
    const marks = texts.slice(0, 8).map((text, i): ProseMark => {
      const figure = /\d+/.exec(text);
      return { name: `rp0_${i}`, text, figures: figure ? [{ name: `rf0_${i}_0`, start: figure.index, end: figure.index + figure[0].length }] : [] };
    });
    expect(marks.some((m) => m.figures.length > 0)).toBe(true);
    await compare(document, DEFAULT_LAYOUT, marks);
  });

  it('random layouts within the schema', async () => {
    const document = doc(FIXTURE);
    await fc.assert(
      fc.asyncProperty(override, fc.constantFrom('hans', 'hant'), async (o, script) => {
        const { layout, problems } = resolveLayout(o);
        fc.pre(problems.length === 0);
        await compare({ ...document, meta: { ...document.meta, script: script as 'hans' | 'hant' } }, layout);
      }),
      { numRuns: 60, seed: 24 },
    );
  });
});
