// The DOCX as LibreOffice lays it out (converted to PDF, read back with pdftotext -bbox-layout), and
// the traditional-script and table parts of its XML.
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/write/docx/index.js';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { docxToPdf, figures, hasCommand, hasTimesMetrics, measurePdf } from '../write/measure.js';
import { REPORTS, reportDocument } from '../write/reports.js';
import { attr, attrs, doc, element, elements, part, style, text, unzipParts } from './docx-xml.js';

const noLibreOffice = !(hasCommand('soffice') && hasCommand('pdftotext'))
  ? 'LibreOffice (soffice) or pdftotext is not installed'
  : !hasTimesMetrics()
    ? 'no face with Times New Roman metrics (fonts-liberation2) for LibreOffice'
    : undefined;
if (noLibreOffice) console.warn(`tests/docx/page.test.ts: LibreOffice measurement skipped: ${noLibreOffice}`);

describe.skipIf(noLibreOffice)('the DOCX in LibreOffice', () => {
  it('sets 22 lines on every full page and 28 characters on full lines of Chinese', { timeout: 120_000 }, async () => {
    const pdf = docxToPdf(await renderDocx(reportDocument(REPORTS[0]!), DEFAULT_LAYOUT));
    const f = figures(measurePdf(pdf, DEFAULT_LAYOUT));
    expect(new Set(f.fullPageLines)).toEqual(new Set([22]));
    // Full: reaching the right edge. Lines holding digits end up to a character short of it
    // (left-aligned, see docxAlignment), so fewer lines count.
    expect(f.fullLines).toBeGreaterThan(130);
    // LibreOffice adds ~0.2 em between Chinese and digits whatever the document says, and does
    // not hang closing quotes, so those lines may hold one character less (docs/layout.md).
    expect(f.chineseLines28 / f.chineseLines).toBeGreaterThan(0.88);
    expect(f.other.every((r) => r.cells >= 25.5)).toBe(true);
  });
});

describe('the traditional-script DOCX', () => {
  it('names traditional fonts with fallbacks and tags the text zh-TW', async () => {
    const parts = unzipParts(await renderDocx(reportDocument(REPORTS[1]!), DEFAULT_LAYOUT));
    const styles = part(parts, 'word/styles.xml');
    expect(attrs(element(styles, 'w:docDefaults'), 'w:lang')).toMatchObject({ 'w:eastAsia': 'zh-TW' });
    expect(attr(style(styles, 'Normal'), 'w:rFonts', 'w:eastAsia')).toBe('方正仿宋繁体');
    expect(attr(style(styles, 'Title'), 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋繁体');
    expect(attr(style(styles, 'Heading2'), 'w:rFonts', 'w:eastAsia')).toBe('方正楷体繁体');
    expect(styles).not.toContain('_GB2312');
    const fonts = part(parts, 'word/fontTable.xml');
    const fangsong = elements(fonts, 'w:font').find((f) => f.includes('w:name="方正仿宋繁体"'))!;
    // One alternative name, not a list (Word would read a list as one font's name).
    expect(attr(fangsong, 'w:altName', 'w:val')).toBe('FZFangSong-Z02T');
    expect(attr(fangsong, 'w:charset', 'w:val')).toBe('88');
  });

  it('lists the simplified fonts with their Windows and open fallbacks in the font table', async () => {
    const fonts = part(unzipParts(await renderDocx(doc('正文。'))), 'word/fontTable.xml');
    const byName = (n: string) => elements(fonts, 'w:font').find((f) => f.includes(`w:name="${n}"`))!;
    expect(attr(byName('仿宋_GB2312'), 'w:altName', 'w:val')).toBe('仿宋');
    expect(attr(byName('楷体_GB2312'), 'w:altName', 'w:val')).toBe('楷体');
    expect(attr(byName('仿宋_GB2312'), 'w:charset', 'w:val')).toBe('86');
    expect(attr(byName('Times New Roman'), 'w:charset', 'w:val')).toBe('00');
    expect(attr(byName('Times New Roman'), 'w:family', 'w:val')).toBe('roman');
  });

  it('turns autospace off and leaves punctuation uncompressed, for Word', async () => {
    const parts = unzipParts(await renderDocx(doc('正文2024年。')));
    expect(element(part(parts, 'word/styles.xml'), 'w:pPrDefault')).toContain('<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/><w:spacing ');
    const settings = part(parts, 'word/settings.xml');
    expect(settings).toContain('<w:characterSpacingControl w:val="doNotCompress"/><w:noLineBreaksAfter w:lang="zh-CN" ');
    expect(attr(settings, 'w:noLineBreaksBefore', 'w:val')).toContain('”');
    expect(attr(element(style(part(parts, 'word/styles.xml'), 'Normal'), 'w:rPr'), 'w:spacing', 'w:val')).toBe('-5');
  });
});

describe('a statistics table', () => {
  const md = '提案分类统计表 {.caption}\n\n| 类别 | 件数 | 占比 |\n|---|---|---|\n| 经济建设 | 61 | 32.3% |\n| 民生和社会事业 | 116件 | 61.4% |\n';

  it('has its caption kept with it, a repeated header row, rows kept whole and figures centred', async () => {
    const parts = unzipParts(await renderDocx(doc(md)));
    const documentXml = part(parts, 'word/document.xml');
    const caption = elements(documentXml, 'w:p').find((p) => text(p) === '提案分类统计表')!;
    expect(caption).toContain('<w:pStyle w:val="Caption"/>');
    expect(style(part(parts, 'word/styles.xml'), 'Caption')).toContain('<w:keepNext/>');
    const rows = elements(element(documentXml, 'w:tbl'), 'w:tr');
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    const [name, count, share] = elements(rows[1]!, 'w:tc');
    expect(name).not.toContain('<w:jc ');
    expect(attr(count!, 'w:jc', 'w:val')).toBe('center');
    expect(attr(share!, 'w:jc', 'w:val')).toBe('center');
  });
});
