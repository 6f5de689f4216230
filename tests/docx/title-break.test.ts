import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/write/document.js';
import { breakDisplayLines, typeAreaWidthPt } from '../../src/write/display-lines.js';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { renderDocx } from '../../src/write/docx/index.js';
import { breakTitle, libreOfficeLineWidthPt, lineWidthPt, titleLines, type LineMeasure } from '../../src/write/docx/title-break.js';
import { docxToPdf, hasCommand, hasTimesMetrics, measurePdf } from '../write/measure.js';
import { attrs, doc, elements, part, text, unzipParts } from './docx-xml.js';

const width = typeAreaWidthPt(DEFAULT_LAYOUT);
const TITLE: LineMeasure = { widthPt: width, sizePt: 22, trackingPt: 0 };
const SUBTITLE: LineMeasure = { widthPt: width, sizePt: 16, trackingPt: -0.25 };
const plain = (text: string): Inline[] => [{ type: 'text', text, role: 'plain' }];
const lines = (title: string, m = TITLE) => titleLines(title, m);

/** GB/T 9704's shapes: no line of one or two characters; three or more lines widen, narrow, or
 * widen then narrow (梯形, 菱形). */
function wellShaped(ls: string[]): boolean {
  const n = ls.map((l) => [...l].length);
  if (n.some((c) => c < 3)) return false;
  let i = 1;
  while (i < n.length && n[i]! >= n[i - 1]!) i++;
  while (i < n.length && n[i]! <= n[i - 1]!) i++;
  return i === n.length || n.every((c, k) => k === 0 || c <= n[k - 1]!);
}

describe('titleLines', () => {
  it('turns the canonical title after the place name, into two lines that fit', () => {
    expect(lines('中国人民政治协商会议江北省云州市第十届委员会常务委员会工作报告')).toEqual([
      '中国人民政治协商会议江北省云州市',
      '第十届委员会常务委员会工作报告',
    ]);
  });

  it('does not split 云州市 after 州', () => {
    expect(lines('中国人民政治协商会议云州市常务委员会工作报告')).toEqual(['中国人民政治协商会议', '云州市常务委员会工作报告']);
  });

  it('keeps 内蒙古自治区呼和浩特市赛罕区 whole on a line of its own rather than split the name', () => {
    const title = '中国人民政治协商会议内蒙古自治区呼和浩特市赛罕区第十届委员会常务委员会工作报告';
    expect([...title].length).toBeGreaterThanOrEqual(38);
    expect(lines(title)).toEqual(['中国人民政治协商会议', '内蒙古自治区呼和浩特市赛罕区', '第十届委员会常务委员会工作报告']);
  });

  it('sets the 伊犁哈萨克自治州 title without a lone 告, between words, in a good shape', () => {
    const title = '中国人民政治协商会议新疆维吾尔自治区伊犁哈萨克自治州第十五届委员会常务委员会工作报告';
    expect([...title].length).toBeGreaterThanOrEqual(40);
    const ls = lines(title);
    expect(ls).toEqual(['中国人民政治协商会议', '新疆维吾尔自治区伊犁哈萨克自治州', '第十五届委员会常务委员会工作报告']);
    expect(wellShaped(ls)).toBe(true);
    expect(lines('中国人民政治协商会议伊犁哈萨克自治州第十五届委员会常务委员会工作报告')).toEqual([
      '中国人民政治协商会议伊犁哈萨克自治州',
      '第十五届委员会常务委员会工作报告',
    ]);
  });

  it('breaks every line between words and fits every line, for titles of 40 characters and more', () => {
    const titles = [
      '中国人民政治协商会议广西壮族自治区百色市那坡县第十届委员会常务委员会工作报告',
      '中国人民政治协商会议西藏自治区日喀则市桑珠孜区第九届委员会常务委员会关于提案工作情况的报告',
      '中国人民政治协商会议黑龙江省大兴安岭地区加格达奇区第九届委员会常务委员会工作报告',
      '中國人民政治協商會議內蒙古自治區呼和浩特市賽罕區第十屆委員會常務委員會工作報告',
    ];
    for (const title of titles) {
      const ls = lines(title);
      expect(ls.join('')).toBe(title);
      expect(wellShaped(ls), ls.join(' / ')).toBe(true);
      for (const l of ls) expect(lineWidthPt(l, TITLE)).toBeLessThanOrEqual(width);
      // no break inside 委员会, 自治区, a number or 中国人民政治协商会议
      expect(ls.join('/')).not.toMatch(/委\/员|员\/会|自治\/|\/区第|协\/商|十\/届|中国人民政治协商\/会议/);
    }
    expect(lines(titles[3]!)).toEqual(['中國人民政治協商會議', '內蒙古自治區呼和浩特市賽罕區', '第十屆委員會常務委員會工作報告']);
  });

  it('breaks 20 real long names (自治区, 自治州, 自治县, 自治旗, 特别行政区) only between words, in a good shape', () => {
    const titles = [
  '中国人民政治协商会议新疆维吾尔自治区巴音郭楞蒙古自治州第十五届委员会常务委员会工作报告',
  '中国人民政治协商会议广西壮族自治区防城港市东兴市第九届委员会常务委员会工作报告',
  '中国人民政治协商会议宁夏回族自治区吴忠市同心县第十一届委员会常务委员会工作报告',
  '中国人民政治协商会议内蒙古自治区鄂尔多斯市伊金霍洛旗第十届委员会常务委员会工作报告',
  '中国人民政治协商会议西藏自治区林芝市巴宜区第二届委员会常务委员会关于提案工作情况的报告',
  '中国人民政治协商会议广东省珠海市第十届委员会常务委员会关于服务澳门特别行政区融入国家发展大局工作情况的报告',
  '中国人民政治协商会议湖南省湘西土家族苗族自治州第十三届委员会常务委员会工作报告',
  '中国人民政治协商会议湖北省恩施土家族苗族自治州利川市第十届委员会常务委员会工作报告',
  '中国人民政治协商会议云南省德宏傣族景颇族自治州瑞丽市第十届委员会常务委员会工作报告',
  '中国人民政治协商会议四川省阿坝藏族羌族自治州汶川县第十届委员会常务委员会工作报告',
  '中国人民政治协商会议贵州省黔东南苗族侗族自治州凯里市第十届委员会常务委员会工作报告',
  '中国人民政治协商会议甘肃省临夏回族自治州东乡族自治县第十届委员会常务委员会工作报告',
  '中国人民政治协商会议青海省海西蒙古族藏族自治州格尔木市第十二届委员会常务委员会工作报告',
  '中国人民政治协商会议吉林省延边朝鲜族自治州珲春市第十一届委员会常务委员会工作报告',
  '中国人民政治协商会议重庆市石柱土家族自治县第十五届委员会常务委员会工作报告',
  '中国人民政治协商会议河北省承德市围场满族蒙古族自治县第十届委员会常务委员会工作报告',
  '中国人民政治协商会议辽宁省丹东市宽甸满族自治县第十二届委员会常务委员会关于十二届一次会议以来提案工作情况的报告',
  '中国人民政治协商会议广东省清远市连南瑶族自治县第十三届委员会常务委员会工作报告',
  '中国人民政治协商会议云南省红河哈尼族彝族自治州屏边苗族自治县第十届委员会常务委员会工作报告',
  '中国人民政治协商会议新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县第十届委员会常务委员会关于十届一次会议以来提案工作情况的报告',
];
    // A line ends after the CPPCC's name, an organ, a period or a level of a place name, or the
    // next starts with 关于 / 在 / 第…届: never inside a word such as 土家族苗族自治州 or 会议以来.
    const END = /(会议|委员会|以来|[省市区县州旗盟]|自治[区州县旗]|特别行政区)$/;
    const START = /^(关于|在|第)/;
    for (const title of titles) {
      const ls = lines(title);
      const shown = ls.join(' / ');
      expect(ls.join('')).toBe(title);
      expect(ls.length, shown).toBeGreaterThan(1);
      expect(wellShaped(ls), shown).toBe(true);
      for (const l of ls) expect(lineWidthPt(l, TITLE), shown).toBeLessThanOrEqual(width);
      for (let i = 0; i + 1 < ls.length; i++) expect(END.test(ls[i]!) || START.test(ls[i + 1]!), shown).toBe(true);
      expect(shown).not.toMatch(/会议 \/ 以来|委 \/ 员|自治 \/ |族 \/ /);
    }
    expect(lines('政协伊犁哈萨克自治州第十五届委员会常务委员会关于十五届一次会议以来提案工作情况的报告').join(' / ')).not.toContain('会议 / 以来');
  });

  it('breaks a long subtitle between its date and place, or after the place, never before 上', () => {
    expect(lines('——2023年1月10日在政协青溪市柳塘区第九届委员会第一次会议上', SUBTITLE)).toEqual([
      '——2023年1月10日在政协青溪市柳塘区',
      '第九届委员会第一次会议上',
    ]);
    const long = '——2024年1月16日在政协内蒙古自治区呼和浩特市赛罕区第十届委员会第二次会议上';
    for (const l of lines(long, SUBTITLE)) expect([...l].length).toBeGreaterThan(2);
    expect(lines('——2024年1月8日在政协云州市第十届委员会第二次会议上', SUBTITLE)).toHaveLength(1);
  });

  it('still fits the lines when the title has no word to break at', () => {
    const title = '一二三四五六七八九十一二三四五六七八九十一二三四五';
    const ls = lines(title);
    expect(ls.join('')).toBe(title);
    for (const l of ls) expect(lineWidthPt(l, TITLE)).toBeLessThanOrEqual(width);
    expect(wellShaped(ls)).toBe(true);
  });
});

describe('breakTitle and breakDisplayLines', () => {
  it('leaves a title that fits on one line alone', () => {
    expect(breakTitle(plain('政协云州市委员会常务委员会工作报告'), TITLE)).toEqual(plain('政协云州市委员会常务委员会工作报告'));
  });

  it('keeps a break the template wrote, and breaking twice changes nothing', () => {
    const d = doc('# 中国人民政治协商会议\\\n江北省云州市第十届委员会常务委员会工作报告\n');
    expect(breakDisplayLines(d, DEFAULT_LAYOUT)).toEqual(d);
    const once = breakDisplayLines(doc('# 中国人民政治协商会议江北省云州市第十届委员会常务委员会工作报告\n'), DEFAULT_LAYOUT);
    expect(breakDisplayLines(once, DEFAULT_LAYOUT)).toEqual(once);
    expect(once.blocks[0]).toEqual({
      type: 'paragraph',
      kind: 'title',
      inlines: [...plain('中国人民政治协商会议江北省云州市'), { type: 'break' }, ...plain('第十届委员会常务委员会工作报告')],
    });
  });
});

// 27.5 characters: 432.25 pt in Word, WPS, the PDF and the HTML, within the 442.2 pt type area; in
// LibreOffice about 3.5 pt more at each of the date's five places where Chinese meets a digit.
const SUBTITLE_27_5 = '——2024年1月16日在政协张家口市第十届委员会第二次会议上';

describe('a subtitle that fits the line in Word but not in LibreOffice', () => {
  const subtitleParagraph = async (subtitle: string) => {
    const documentXml = part(unzipParts(await renderDocx(doc(`# 标题\n\n${subtitle} {.subtitle}\n`))), 'word/document.xml');
    return elements(documentXml, 'w:p').find((p) => p.includes('<w:pStyle w:val="Subtitle"/>'))!;
  };

  it('stays on one line, let into the margins by half of what LibreOffice adds', async () => {
    expect(lineWidthPt(SUBTITLE_27_5, SUBTITLE)).toBeCloseTo(432.25, 2);
    expect(lineWidthPt(SUBTITLE_27_5, SUBTITLE)).toBeLessThanOrEqual(width);
    expect(libreOfficeLineWidthPt(SUBTITLE_27_5, SUBTITLE)).toBeGreaterThan(width);
    expect(lines(SUBTITLE_27_5, SUBTITLE)).toEqual([SUBTITLE_27_5]);
    const p = await subtitleParagraph(SUBTITLE_27_5);
    expect(p).not.toContain('<w:br/>');
    expect(text(p)).toBe(SUBTITLE_27_5);
    // (432.25 + 5 × 4 − 442.2) / 2 = 5.02 pt = 101 twips on each side, centred as before.
    expect(attrs(p, 'w:ind')).toEqual({ 'w:left': '-101', 'w:right': '-101' });
  });

  it('leaves a subtitle that fits in LibreOffice too at the type area’s edges', async () => {
    expect(await subtitleParagraph('——2024年1月8日在政协云州市第十届委员会第二次会议上')).not.toContain('<w:ind ');
  });

  const noLibreOffice = !(hasCommand('soffice') && hasCommand('pdftotext') && hasTimesMetrics());
  it.skipIf(noLibreOffice)('is set on one line by LibreOffice', { timeout: 120_000 }, async () => {
    const md = `# 中国人民政治协商会议张家口市第十届委员会常务委员会工作报告\n\n${SUBTITLE_27_5} {.subtitle}\n\n正文。\n`;
    const rows = measurePdf(docxToPdf(await renderDocx(doc(md))), DEFAULT_LAYOUT).rows;
    expect(rows.map((r) => r.text)).toContain(SUBTITLE_27_5);
  });
});
