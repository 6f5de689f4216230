import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, LayoutShape, renderDocx, resolveLayout } from '../../src/write/docx/index.js';
import { doc, FIXTURE, attr, attrs, element, elements, part, style, unzipParts } from './docx-xml.js';

describe('resolveLayout', () => {
  it('returns the GB/T 9704 defaults when there is no layout.yaml', () => {
    const { layout, problems } = resolveLayout(undefined);
    expect(problems).toEqual([]);
    expect(layout).toEqual(DEFAULT_LAYOUT);
    expect(layout).not.toBe(DEFAULT_LAYOUT); // a copy: callers cannot change the defaults
  });

  it('deep-merges an override and leaves the rest at the defaults', () => {
    const { layout, problems } = resolveLayout({
      lineSpacingPt: 30,
      page: { marginsMm: { top: 30 } },
      paragraphs: { heading1: { eastAsiaFont: '方正黑体_GBK' } },
    });
    expect(problems).toEqual([]);
    expect(layout.lineSpacingPt).toBe(30);
    expect(layout.page.marginsMm).toEqual({ top: 30, bottom: 35, left: 28, right: 26 });
    expect(layout.paragraphs.heading1).toEqual({ ...DEFAULT_LAYOUT.paragraphs.heading1, eastAsiaFont: '方正黑体_GBK' });
    expect(layout.paragraphs.body).toEqual(DEFAULT_LAYOUT.paragraphs.body);
  });

  it('reports every invalid or unknown key with its path and keeps the valid ones', () => {
    const { layout, problems } = resolveLayout({
      lineSpacingPt: -1,
      paragraphs: { body: { sizePt: 15.3, colour: 'red', bold: true } },
      pageNumber: { format: '第 页' },
      margins: { top: 30 },
    });
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        ['lineSpacingPt'],
        ['paragraphs', 'body', 'sizePt'],
        ['paragraphs', 'body', 'colour'],
        ['pageNumber', 'format'],
        ['margins'],
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.path.join('.') === 'margins')?.message).toContain('未知的设置项');
    expect(layout.lineSpacingPt).toBe(DEFAULT_LAYOUT.lineSpacingPt);
    expect(layout.paragraphs.body.sizePt).toBe(16);
    expect(layout.paragraphs.body.bold).toBe(true); // the valid sibling is applied
    expect(layout.pageNumber.format).toBe('— {page} —');
  });

  it('rejects margins that leave no type area, and keeps the default page', () => {
    const { layout, problems } = resolveLayout({ page: { marginsMm: { left: 120, right: 100 } } });
    expect(problems).toEqual([{ path: ['page', 'marginsMm'], message: expect.stringContaining('左右边距') }]);
    expect(layout.page).toEqual(DEFAULT_LAYOUT.page);
  });

  it('reports a layout that is not a mapping', () => {
    expect(resolveLayout('A4').problems).toEqual([{ path: [], message: expect.any(String) }]);
  });

  it('accepts the full default layout as an override (the schema covers every key)', () => {
    expect(LayoutShape.schema.safeParse(DEFAULT_LAYOUT).success).toBe(true);
  });
});

describe('a layout override in the document', () => {
  it('changes the fixed line spacing to 30 pt everywhere it is used', async () => {
    const { layout } = resolveLayout({ lineSpacingPt: 30 });
    const stylesXml = part(unzipParts(await renderDocx(doc(FIXTURE), layout)), 'word/styles.xml');
    expect(attrs(style(stylesXml, 'Normal'), 'w:spacing')).toMatchObject({ 'w:line': '600', 'w:lineRule': 'exact' });
    expect(attr(style(stylesXml, 'Heading1'), 'w:spacing', 'w:line')).toBe('600');
    // the title's space after is one line, so it follows the line spacing too
    expect(attr(style(stylesXml, 'Title'), 'w:spacing', 'w:after')).toBe('600');
  });

  it('changes page size, margins, body font and page-number format', async () => {
    const { layout, problems } = resolveLayout({
      page: { widthMm: 184, heightMm: 260, marginsMm: { left: 20 } },
      paragraphs: { body: { eastAsiaFont: '方正仿宋_GBK', sizePt: 15, firstLineIndentChars: 2 } },
      pageNumber: { format: '-{page}-', oddAlignment: 'center', evenAlignment: 'center' },
    });
    expect(problems).toEqual([]);
    const parts = unzipParts(await renderDocx(doc(FIXTURE), layout));
    const documentXml = part(parts, 'word/document.xml');
    expect(attrs(element(documentXml, 'w:pgSz'), 'w:pgSz')).toMatchObject({ 'w:w': '10431', 'w:h': '14740' });
    expect(attr(documentXml, 'w:pgMar', 'w:left')).toBe('1134');
    const normal = style(part(parts, 'word/styles.xml'), 'Normal');
    expect(attr(normal, 'w:rFonts', 'w:eastAsia')).toBe('方正仿宋_GBK');
    expect(attr(normal, 'w:sz', 'w:val')).toBe('30');
    expect(attrs(normal, 'w:ind')).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '600' });
    // the body runs follow the style: they carry no font or size of their own (but punctuation
    // such as —— names the East Asian font, which follows the layout too)
    const named = elements(documentXml, 'w:rFonts').map((f) => new Set(Object.values(attrs(f, 'w:rFonts'))));
    expect(named.length).toBeGreaterThan(0);
    for (const fonts of named) expect([...fonts].every((f) => f === '方正仿宋_GBK' || f === '楷体_GB2312')).toBe(true);
    expect(named.some((fonts) => fonts.has('方正仿宋_GBK'))).toBe(true);
    const footer = part(parts, 'word/footer1.xml');
    expect(footer).toContain('>-</w:t>');
    expect(attr(footer, 'w:jc', 'w:val')).toBe('center');
  });

  it('puts a lead-sentence font that differs from the body into the 段首句 style, and only that', async () => {
    const plain = part(unzipParts(await renderDocx(doc(FIXTURE))), 'word/styles.xml');
    expect(style(plain, 'LeadSentence')).not.toContain('<w:rFonts');
    const { layout } = resolveLayout({
      paragraphs: { body: { eastAsiaFont: '方正仿宋_GBK' } },
      runs: { lead: { eastAsiaFont: '方正黑体_GBK', bold: false } },
    });
    const stylesXml = part(unzipParts(await renderDocx(doc(FIXTURE), layout)), 'word/styles.xml');
    const lead = style(stylesXml, 'LeadSentence');
    expect(attrs(lead, 'w:rFonts')).toEqual({ 'w:eastAsia': '方正黑体_GBK' });
    expect(lead).not.toMatch(/<w:b[ />]/); // not bold, like the body: nothing to say
    // the run-in heading's 楷体 still differs from the new body font
    expect(attrs(style(stylesXml, 'RunInHeading'), 'w:rFonts')).toEqual({ 'w:eastAsia': '楷体_GB2312' });
  });
});
