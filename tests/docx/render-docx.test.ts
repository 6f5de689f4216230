import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/write/docx/index.js';
import {
  doc,
  FIXTURE,
  META,
  attr,
  attrs,
  element,
  elements,
  isBold,
  paragraphStarting,
  part,
  runWithText,
  style,
  text,
  unzipParts,
  type Parts,
} from './docx-xml.js';

let parts: Parts;
let documentXml: string;
let stylesXml: string;

beforeAll(async () => {
  parts = unzipParts(await renderDocx(doc(FIXTURE)));
  documentXml = part(parts, 'word/document.xml');
  stylesXml = part(parts, 'word/styles.xml');
});

/** The East Asian font, Latin font and size (half points) a style sets. */
const typeOf = (xml: string) => ({
  eastAsia: attr(xml, 'w:rFonts', 'w:eastAsia'),
  latin: attr(xml, 'w:rFonts', 'w:ascii'),
  hAnsi: attr(xml, 'w:rFonts', 'w:hAnsi'),
  size: attr(xml, 'w:sz', 'w:val'),
});

describe('page', () => {
  it('is A4 with the GB/T 9704 margins, in twips', () => {
    const sectPr = element(documentXml, 'w:sectPr');
    expect(attrs(sectPr, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attrs(sectPr, 'w:pgMar')).toMatchObject({
      'w:top': '2098', // 37 mm
      'w:bottom': '1984', // 35 mm
      'w:left': '1587', // 28 mm
      'w:right': '1474', // 26 mm
    });
  });
});

describe('styles', () => {
  it('sets the title in 方正小标宋简体 二号, centred, with Times New Roman for digits', () => {
    const title = style(stylesXml, 'Title');
    expect(typeOf(title)).toEqual({ eastAsia: '方正小标宋简体', latin: 'Times New Roman', hAnsi: 'Times New Roman', size: '44' });
    expect(attr(title, 'w:jc', 'w:val')).toBe('center');
    expect(paragraphStarting(documentXml, '中国人民政治协商会议')).toContain('<w:pStyle w:val="Title"/>');
  });

  it('turns the two-line title between whole words (GB/T 9704: 词意完整)', () => {
    const title = paragraphStarting(documentXml, '中国人民政治协商会议');
    const runs = elements(title, 'w:r');
    expect(runs.map((r) => (r.includes('<w:br/>') ? '\n' : text(r))).join('')).toBe(
      '中国人民政治协商会议江北省云州市\n第十届委员会常务委员会工作报告',
    );
  });

  it('sets the subtitle and speaker in 楷体_GB2312 三号, centred', () => {
    for (const id of ['Subtitle', 'Speaker']) {
      expect(typeOf(style(stylesXml, id))).toMatchObject({ eastAsia: '楷体_GB2312', size: '32' });
      expect(attr(style(stylesXml, id), 'w:jc', 'w:val')).toBe('center');
    }
  });

  it('sets body text in 仿宋_GB2312 三号, justified, exact 28.95 pt, first line indented two characters', () => {
    const normal = style(stylesXml, 'Normal');
    expect(typeOf(normal)).toEqual({ eastAsia: '仿宋_GB2312', latin: 'Times New Roman', hAnsi: 'Times New Roman', size: '32' });
    // Justified text is written left-aligned: LibreOffice drops a hanging mark from a justified
    // line (styles.ts, docxAlignment); full lines of Chinese are full either way.
    expect(attr(normal, 'w:jc', 'w:val')).toBe('left');
    expect(attrs(normal, 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    expect(attrs(normal, 'w:ind')).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
  });

  it('sets 一、 headings in 黑体 and （一） headings in 楷体_GB2312, with outline levels', () => {
    const h1 = style(stylesXml, 'Heading1');
    const h2 = style(stylesXml, 'Heading2');
    expect(typeOf(h1)).toMatchObject({ eastAsia: '黑体', size: '32' });
    expect(typeOf(h2)).toMatchObject({ eastAsia: '楷体_GB2312', size: '32' });
    expect(attr(h1, 'w:outlineLvl', 'w:val')).toBe('0');
    expect(attr(h2, 'w:outlineLvl', 'w:val')).toBe('1');
    expect(h1).not.toMatch(/2E74B5|Calibri/); // not the library's blue default
    expect(paragraphStarting(documentXml, '一、2023年工作回顾')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphStarting(documentXml, '（一）坚持和加强党的全面领导')).toContain('<w:pStyle w:val="Heading2"/>');
  });

  it('keeps the salutation flush left with no indent', () => {
    const salutation = style(stylesXml, 'Salutation');
    expect(attr(salutation, 'w:jc', 'w:val')).toBe('left');
    expect(attrs(salutation, 'w:ind')).toMatchObject({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
    expect(paragraphStarting(documentXml, '各位委员：')).toContain('<w:pStyle w:val="Salutation"/>');
  });

  it('give every paragraph style its fonts in all four slots, size, weight, alignment, indent and spacing', () => {
    const ids = ['Normal', 'Title', 'Subtitle', 'Speaker', 'Salutation', 'Heading1', 'Heading2', 'Heading3', 'TableText', 'TableHeader'];
    for (const id of ids) {
      const s = style(stylesXml, id);
      expect(s, id).toContain('w:type="paragraph"');
      expect(Object.keys(attrs(s, 'w:rFonts')).sort(), id).toEqual(['w:ascii', 'w:cs', 'w:eastAsia', 'w:hAnsi', 'w:hint']);
      expect(attr(s, 'w:rFonts', 'w:hint'), id).toBe('eastAsia');
      expect(attr(s, 'w:sz', 'w:val'), id).toBe(attr(s, 'w:szCs', 'w:val'));
      expect(s, id).toMatch(/<w:b(?: w:val="[^"]*")?\/>/);
      expect(attr(s, 'w:jc', 'w:val'), id).toBeDefined();
      expect(Object.keys(attrs(s, 'w:ind')), id).toEqual(expect.arrayContaining(['w:firstLine', 'w:firstLineChars']));
      // Body 28.95 pt; table text its own fixed 20 pt (四号 in rows of 29.5 pt).
      expect(attrs(s, 'w:spacing'), id).toMatchObject({ 'w:line': id.startsWith('Table') ? '400' : '579', 'w:lineRule': 'exact' });
    }
    expect(isBold(style(stylesXml, 'Heading3'))).toBe(true);
    expect(isBold(style(stylesXml, 'TableHeader'))).toBe(true);
    expect(attrs(style(stylesXml, 'Heading2'), 'w:ind')).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
  });

  it('set the document defaults: body fonts and size, English and Simplified Chinese, exact spacing', () => {
    const defaults = element(stylesXml, 'w:docDefaults');
    expect(typeOf(element(defaults, 'w:rPrDefault'))).toEqual({
      eastAsia: '仿宋_GB2312',
      latin: 'Times New Roman',
      hAnsi: 'Times New Roman',
      size: '32',
    });
    // Where the language lives: LibreOffice reads it here, and breaks “11/6件” before 件 without zh-CN.
    expect(attrs(defaults, 'w:lang')).toEqual({ 'w:val': 'en-US', 'w:eastAsia': 'zh-CN' });
    expect(attrs(element(defaults, 'w:pPrDefault'), 'w:spacing')).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
  });

  it('gives the theme Chinese East Asian fonts', () => {
    const theme = part(parts, 'word/theme/theme1.xml');
    expect(theme).toContain('<a:ea typeface="仿宋_GB2312"/>');
    expect(theme).toContain('<a:ea typeface="黑体"/>');
    expect(theme).not.toContain('等线');
  });
});

describe('runs', () => {
  /** The run properties a run carries itself (direct formatting), or '' when it has none. */
  const rPrOf = (run: string) => elements(run, 'w:rPr')[0] ?? '';

  it('carry no fonts or sizes of their own: the text takes its type from the styles', () => {
    const runs = elements(element(documentXml, 'w:body'), 'w:r');
    expect(runs.length).toBeGreaterThan(30);
    for (const run of runs) {
      // Only ——, ……, “”, ‘’ and · name a font: see the next test.
      if (/^[\u2014\u2015\u2026\u00b7\u2018\u2019\u201c\u201d]+$/.test(text(run))) continue;
      expect(run).not.toContain('<w:rFonts');
      expect(run).not.toMatch(/<w:szC?s? /);
      expect(run).not.toContain('<w:lang');
      // at most a character style, nothing else
      expect(rPrOf(run).replace(/<w:rStyle w:val="[^"]*"\/>/, '')).toMatch(/^(<w:rPr><\/w:rPr>)?$/);
    }
    const plain = runWithText(paragraphStarting(documentXml, '现在，我代表'), text(paragraphStarting(documentXml, '现在，我代表')));
    expect(plain).not.toContain('<w:rPr>');
  });

  it('set ——, “” and · in the East Asian font of their paragraph in all four slots, so LibreOffice does not take Times New Roman', () => {
    const subtitle = paragraphStarting(documentXml, '——2024年');
    const dash = runWithText(subtitle, '——');
    expect(attrs(dash, 'w:rFonts')).toEqual({ 'w:ascii': '楷体_GB2312', 'w:hAnsi': '楷体_GB2312', 'w:eastAsia': '楷体_GB2312', 'w:cs': '楷体_GB2312' });
    const quoted = elements(documentXml, 'w:r').filter((r) => /^[“”]$/.test(text(r)));
    expect(quoted.length).toBeGreaterThan(1);
    for (const q of quoted) expect(attr(q, 'w:rFonts', 'w:hAnsi')).toMatch(/仿宋_GB2312|楷体_GB2312/);
  });

  it('set lead sentences through the 段首句 character style, which adds bold to the body font', () => {
    const paragraph = paragraphStarting(documentXml, '强化理论武装。');
    expect(paragraph).not.toContain('<w:pStyle'); // Normal: 仿宋_GB2312 三号
    const lead = runWithText(paragraph, '强化理论武装。');
    expect(rPrOf(lead)).toBe('<w:rPr><w:rStyle w:val="LeadSentence"/></w:rPr>');
    const leadStyle = style(stylesXml, 'LeadSentence');
    expect(leadStyle).toContain('w:type="character"');
    expect(element(leadStyle, 'w:name')).toContain('段首句');
    expect(isBold(leadStyle)).toBe(true);
    // only what differs from the body: the font and size come from the paragraph's style
    expect(leadStyle).not.toContain('<w:rFonts');
    expect(leadStyle).not.toContain('<w:sz ');
    expect(typeOf(style(stylesXml, 'Normal'))).toMatchObject({ eastAsia: '仿宋_GB2312', size: '32' });
    expect(isBold(style(stylesXml, 'Normal'))).toBe(false);
    const rest = elements(paragraph, 'w:r')[1]!;
    expect(text(rest)).toMatch(/^把学懂弄通/);
    expect(rPrOf(rest)).toBe('');
  });

  it('set a run-in heading through the 段内标题 character style, in the （一） heading font, not bold', () => {
    const paragraph = paragraphStarting(documentXml, '（一）毫不动摇坚持和加强党的全面领导。');
    expect(paragraph).not.toContain('<w:pStyle'); // a body paragraph
    const heading = runWithText(paragraph, '（一）毫不动摇坚持和加强党的全面领导。');
    expect(rPrOf(heading)).toBe('<w:rPr><w:rStyle w:val="RunInHeading"/></w:rPr>');
    const runIn = style(stylesXml, 'RunInHeading');
    expect(element(runIn, 'w:name')).toContain('段内标题');
    expect(attrs(runIn, 'w:rFonts')).toEqual({ 'w:eastAsia': '楷体_GB2312' }); // digits stay Times New Roman
    expect(isBold(runIn)).toBe(false);
    const rest = elements(paragraph, 'w:r')[1]!;
    expect(text(rest)).toMatch(/^始终坚持/);
    expect(rPrOf(rest)).toBe(''); // Normal's 仿宋_GB2312
  });

  it('keep a lead sentence bold inside a bold paragraph, where Word would toggle the style’s bold off', async () => {
    const xml = part(unzipParts(await renderDocx(doc('#### **一句。**其余\n\n**二句。**其余\n'))), 'word/document.xml');
    const inHeading = runWithText(paragraphStarting(xml, '一句。'), '一句。');
    expect(inHeading).toContain('<w:rStyle w:val="LeadSentence"/>');
    expect(isBold(inHeading)).toBe(true); // direct bold: Heading3 is bold, so the style alone would flip it
    expect(rPrOf(runWithText(paragraphStarting(xml, '二句。'), '二句。'))).toBe('<w:rPr><w:rStyle w:val="LeadSentence"/></w:rPr>');
  });
});

describe('table', () => {
  it('renders with single borders, a repeated header row, body font and no first-line indent', () => {
    const table = element(documentXml, 'w:tbl');
    const borders = element(table, 'w:tblBorders');
    for (const side of ['w:top', 'w:bottom', 'w:left', 'w:right', 'w:insideH', 'w:insideV']) {
      expect(attrs(borders, side)).toMatchObject({ 'w:val': 'single', 'w:sz': '4' });
    }
    const [header, firstRow] = elements(table, 'w:tr');
    expect(header).toContain('<w:tblHeader/>');
    expect(text(header!)).toBe('项目数量说明');
    expect(firstRow).toContain('<w:pStyle w:val="TableText"/>');
    const cellStyle = style(stylesXml, 'TableText');
    expect(typeOf(cellStyle)).toMatchObject({ eastAsia: '仿宋_GB2312' });
    expect(attrs(cellStyle, 'w:ind')).toMatchObject({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
    const widths = elements(table, 'w:gridCol').map((c) => Number(attr(c, 'w:gridCol', 'w:w')));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8844); // the 156 mm type area
  });
});

describe('page numbers', () => {
  const footerOf = (type: 'default' | 'even') => {
    const ref = elements(documentXml, 'w:footerReference').find((r) => r.includes(`w:type="${type}"`));
    const id = ref && attr(ref, 'w:footerReference', 'r:id');
    const rels = part(parts, 'word/_rels/document.xml.rels');
    const rel = elements(rels, 'Relationship').find((r) => r.includes(`Id="${id}"`));
    return part(parts, `word/${attr(rel!, 'Relationship', 'Target')}`);
  };

  it('uses different odd and even footers', () => {
    expect(part(parts, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  it('print "— N —" with a PAGE field in 宋体 四号 (half-width 宋体 digits, GB/T 9704 7.5), odd pages right and even pages left', () => {
    for (const [type, alignment] of [['default', 'right'], ['even', 'left']] as const) {
      const footer = footerOf(type);
      const paragraph = element(footer, 'w:p');
      expect(attr(paragraph, 'w:jc', 'w:val')).toBe(alignment);
      expect(element(paragraph, 'w:instrText')).toContain('PAGE');
      const runs = elements(paragraph, 'w:r');
      const texts = runs.map(text);
      expect([...texts.slice(0, 2), ...texts.slice(-2)]).toEqual(['\u2014', ' ', ' ', '\u2014']);
      expect(paragraph).toContain('<w:pStyle w:val="Footer"/>');
      // the Footer style sets the type; the dashes name the East Asian font as well
      for (const run of runs) {
        if (text(run) === '\u2014') expect(attr(run, 'w:rFonts', 'w:hAnsi')).toBe('宋体');
        else expect(run).not.toContain('<w:rPr>');
      }
      expect(attrs(paragraph, 'w:ind')).toMatchObject({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
    }
    const footer = style(stylesXml, 'Footer');
    expect(typeOf(footer)).toEqual({ eastAsia: '宋体', latin: '宋体', hAnsi: '宋体', size: '28' });
    expect(attrs(footer, 'w:ind')).toMatchObject({ 'w:firstLine': '0', 'w:firstLineChars': '0' });
    expect(attrs(element(footerOf('default'), 'w:p'), 'w:ind')).toMatchObject({ 'w:right': '280', 'w:left': '0' });
    expect(attrs(element(footerOf('even'), 'w:p'), 'w:ind')).toMatchObject({ 'w:left': '280', 'w:right': '0' });
  });
});

describe('document properties', () => {
  it('carry the title, the organisation as creator, and dates from meta.date only', () => {
    const core = part(parts, 'docProps/core.xml');
    expect(element(core, 'dc:title')).toContain(META.title);
    expect(element(core, 'dc:creator')).toContain(META.author);
    expect(element(core, 'dcterms:created')).toContain('2024-01-08T00:00:00Z');
    expect(element(core, 'dcterms:modified')).toContain('2024-01-08T00:00:00Z');
  });

  it('escape XML in the title', async () => {
    const bytes = await renderDocx(doc('正文', { title: '报告 <草稿> & 附件' }));
    expect(part(unzipParts(bytes), 'docProps/core.xml')).toContain('<dc:title>报告 &lt;草稿&gt; &amp; 附件</dc:title>');
  });

  it('reject a date that is not YYYY-MM-DD', async () => {
    await expect(renderDocx(doc('正文', { date: '2024/1/8' }))).rejects.toThrow(/YYYY-MM-DD/);
  });
});
