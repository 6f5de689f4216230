// The layout of the Word document: every number the DOCX writer uses lives in DEFAULT_LAYOUT, so a
// secretariat can change its house style in layout.yaml (see docs/layout.md) without touching code.
// Defaults follow GB/T 9704-2012 (党政机关公文格式) as used for 政协常委会工作报告.

export type Alignment = 'left' | 'center' | 'right' | 'justify';

/** The type of one kind of paragraph: its fonts, size, weight and placement. */
export interface ParagraphLayout {
  /** Font for Chinese characters and full-width punctuation (w:eastAsia). */
  eastAsiaFont: string;
  /** Font for digits and Latin letters (w:ascii and w:hAnsi). */
  latinFont: string;
  sizePt: number;
  bold: boolean;
  alignment: Alignment;
  /** First-line indent in characters of this paragraph's size (首行缩进). */
  firstLineIndentChars: number;
  /** Space before and after, in lines of the document's line spacing (段前/段后). */
  spaceBeforeLines: number;
  spaceAfterLines: number;
}

/** Fonts for a run inside a paragraph; its size is the paragraph's. */
export interface RunLayout {
  eastAsiaFont: string;
  latinFont: string;
  bold: boolean;
}

export interface Layout {
  page: {
    widthMm: number;
    heightMm: number;
    marginsMm: { top: number; bottom: number; left: number; right: number };
    /** Distance from the bottom edge of the page to the bottom of the footer (页脚). */
    footerMm: number;
  };
  /** Fixed (exact) line spacing of every paragraph (行距固定值). 28.95 pt gives 22 lines a page. */
  lineSpacingPt: number;
  /** Widow and orphan control (孤行控制). Off, so that every full page has all its lines (22). */
  widowControl: boolean;
  paragraphs: {
    title: ParagraphLayout; // 标题
    subtitle: ParagraphLayout; // ——…在…会议上
    speaker: ParagraphLayout; // 报告人
    salutation: ParagraphLayout; // 各位委员：
    body: ParagraphLayout; // 正文
    heading1: ParagraphLayout; // 一、
    heading2: ParagraphLayout; // （一）
    heading3: ParagraphLayout; // 1.
    table: ParagraphLayout; // 表格正文
    tableHeader: ParagraphLayout; // 表头
  };
  runs: {
    /** Lead sentence of a paragraph (**强化理论武装。**), bold body font. */
    lead: RunLayout;
    /** Run-in heading (**（一）…。**{.run-in}), in the （一） heading's font. */
    runIn: RunLayout;
  };
  table: {
    /** Border width in points (0.5 pt is Word's thinnest single line). */
    borderPt: number;
  };
  pageNumber: {
    /** Text of the page number; {page} stands for the PAGE field. GB/T 9704: "— 1 —". */
    format: string;
    eastAsiaFont: string;
    latinFont: string;
    sizePt: number;
    oddAlignment: Alignment;
    evenAlignment: Alignment;
    /** Distance from the outer edge of the type area, in characters (单页码居右空一字). */
    edgeIndentChars: number;
  };
}

const TIMES = 'Times New Roman';
const FANGSONG = '仿宋_GB2312';
const KAITI = '楷体_GB2312';

const paragraph = (p: Partial<ParagraphLayout> & Pick<ParagraphLayout, 'eastAsiaFont'>): ParagraphLayout => ({
  latinFont: TIMES,
  sizePt: 16, // 三号
  bold: false,
  alignment: 'justify',
  firstLineIndentChars: 2,
  spaceBeforeLines: 0,
  spaceAfterLines: 0,
  ...p,
});

export const DEFAULT_LAYOUT: Layout = {
  page: {
    widthMm: 210, // A4
    heightMm: 297,
    marginsMm: { top: 37, bottom: 35, left: 28, right: 26 }, // type area 156 × 225 mm
    // The page number's dashes sit about 7 mm below the type area (一字线上距版心下边缘7mm).
    footerMm: 25,
  },
  lineSpacingPt: 28.95, // 225 mm / 22 lines
  widowControl: false,
  paragraphs: {
    title: paragraph({
      eastAsiaFont: '方正小标宋简体',
      sizePt: 22, // 二号
      alignment: 'center',
      firstLineIndentChars: 0,
      spaceAfterLines: 1,
    }),
    subtitle: paragraph({ eastAsiaFont: KAITI, alignment: 'center', firstLineIndentChars: 0 }),
    speaker: paragraph({
      eastAsiaFont: KAITI,
      alignment: 'center',
      firstLineIndentChars: 0,
      spaceAfterLines: 1,
    }),
    salutation: paragraph({ eastAsiaFont: FANGSONG, alignment: 'left', firstLineIndentChars: 0 }),
    body: paragraph({ eastAsiaFont: FANGSONG }),
    heading1: paragraph({ eastAsiaFont: '黑体', alignment: 'left' }),
    heading2: paragraph({ eastAsiaFont: KAITI, alignment: 'left' }),
    heading3: paragraph({ eastAsiaFont: FANGSONG, bold: true, alignment: 'left' }),
    table: paragraph({ eastAsiaFont: FANGSONG, alignment: 'left', firstLineIndentChars: 0 }),
    tableHeader: paragraph({
      eastAsiaFont: FANGSONG,
      bold: true,
      alignment: 'center',
      firstLineIndentChars: 0,
    }),
  },
  runs: {
    lead: { eastAsiaFont: FANGSONG, latinFont: TIMES, bold: true },
    runIn: { eastAsiaFont: KAITI, latinFont: TIMES, bold: false },
  },
  table: { borderPt: 0.5 },
  pageNumber: {
    format: '— {page} —',
    eastAsiaFont: '宋体',
    latinFont: TIMES,
    sizePt: 14, // 四号
    oddAlignment: 'right',
    evenAlignment: 'left',
    edgeIndentChars: 1,
  },
};
