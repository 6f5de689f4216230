// A long title (a 自治区/自治州 name, 40 characters and more) breaks at the same places in the DOCX,
// the HTML and the PDF: between words, no line of one or two characters.
import { describe, expect, it } from 'vitest';
import { parseReportMarkdown, type ReportDocument } from '../../src/write/document.js';
import { breakDisplayLines } from '../../src/write/display-lines.js';
import { renderDocx } from '../../src/write/docx/index.js';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { renderHtml } from '../../src/write/html.js';
import { element, elements, paragraphStarting, part, text, unzipParts } from '../docx/docx-xml.js';
import { hasCommand, measurePdf } from './measure.js';

const TITLE = '中国人民政治协商会议新疆维吾尔自治区伊犁哈萨克自治州第十五届委员会常务委员会工作报告';
const SUBTITLE = '——2024年1月16日在政协新疆维吾尔自治区伊犁哈萨克自治州第十五届委员会第三次会议上';
const EXPECTED = ['中国人民政治协商会议', '新疆维吾尔自治区伊犁哈萨克自治州', '第十五届委员会常务委员会工作报告'];

const doc: ReportDocument = {
  blocks: parseReportMarkdown(`# ${TITLE}\n\n${SUBTITLE} {.subtitle}\n\n正文。\n`),
  meta: { title: TITLE, author: '政协伊犁哈萨克自治州委员会', date: '2024-01-16', script: 'hans' },
};
const lines = (kind: 'title' | 'subtitle') => {
  const block = breakDisplayLines(doc, DEFAULT_LAYOUT).blocks.find((b) => b.type === 'paragraph' && b.kind === kind);
  if (block?.type !== 'paragraph') throw new Error(`no ${kind}`);
  return block.inlines.map((i) => (i.type === 'text' ? i.text : '\n')).join('').split('\n');
};

describe('title lines', () => {
  it('are decided once, between words, in a good shape', () => {
    expect([...TITLE].length).toBeGreaterThanOrEqual(40);
    expect(lines('title')).toEqual(EXPECTED);
    const subtitle = lines('subtitle');
    expect(subtitle.join('')).toBe(SUBTITLE);
    for (const l of subtitle) expect([...l].length).toBeGreaterThan(2);
  });

  it('are the same in the DOCX', async () => {
    const documentXml = part(unzipParts(await renderDocx(doc)), 'word/document.xml');
    const title = paragraphStarting(documentXml, '中国人民政治协商会议');
    const runs = elements(title, 'w:r').map((r) => (r.includes('<w:br/>') ? '\n' : text(r)));
    expect(runs.join('').split('\n')).toEqual(EXPECTED);
    const subtitle = elements(element(documentXml, 'w:body'), 'w:p')[1]!;
    expect(elements(subtitle, 'w:r').map((r) => (r.includes('<w:br/>') ? '\n' : text(r))).join('').split('\n')).toEqual(lines('subtitle'));
  });

  it('are the same in the HTML', () => {
    const html = renderHtml(doc);
    expect(html).toContain(`<h1>${EXPECTED.join('<br>')}</h1>`);
    expect(html).toContain(`<p class="subtitle">${lines('subtitle').join('<br>')}</p>`);
  });

  it.skipIf(!hasCommand('pdftotext'))('are the same in the PDF', async () => {
    const engine = await import('@myriaddreamin/typst-ts-node-compiler').then(() => true, () => false);
    if (!engine) return;
    const { renderPdf } = await import('../../src/write/pdf/index.js');
    const rows = measurePdf((await renderPdf(doc, DEFAULT_LAYOUT)).bytes, DEFAULT_LAYOUT).rows.map((r) => r.text);
    expect(rows.slice(0, 3)).toEqual(EXPECTED);
    expect(rows.slice(3, 3 + lines('subtitle').length)).toEqual(lines('subtitle'));
  });
});
