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
  /** Space added after every character, in points; negative tightens (Word: 字符间距 紧缩). At
   * −0.25 pt a 三号 character takes 15.75 pt and 28 of them fit the 156 mm type area (442.2 pt);
   * at 16 pt only 27 do. */
  trackingPt: number;
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
    caption: ParagraphLayout; // 表题
    annexNote: ParagraphLayout; // 附件：1.…（正文之后；回行与附件名称对齐）
    annexLabel: ParagraphLayout; // 附件1（另起一页，版心左上角第一行）
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
    /** Columns of figures (116件, 61.4%) when the Markdown gives no alignment: centred, as
     * statistics tables in official documents set them, or right-aligned. */
    numberAlignment: Alignment;
    /** Fixed line spacing of table text (表格行距), and the space above and below it in each cell:
     * a one-line row is 20 + 2 × 4.5 = 29 pt in the DOCX, the PDF and print alike. */
    lineSpacingPt: number;
    cellPaddingPt: number;
  };
  /** Extra space between Chinese and Latin letters or digits (Word: 自动调整中文与西文/数字的间距).
   * Off: "2024年" is set solid, as typed in official documents, and lines keep 28 characters. */
  autoSpace: boolean;
  /** The font used for each font name when the report is in traditional script (--script hant):
   * 仿宋_GB2312 and its like lack most traditional characters. A name not listed stays as it is. */
  traditionalFonts: Record<string, string>;
  /** Other names of each font, tried in order when it is not installed: written into the DOCX
   * font table, the HTML font lists, and used to find the PDF's fonts. */
  fontFallbacks: Record<string, string[]>;
  /** A folder of font files for the PDF (the organisation's copies of 方正小标宋, 仿宋_GB2312…),
   * relative to the data folder: its fonts are found before the machine's and embedded. */
  pdfFontFolder?: string;
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

/** "附件：" is three characters: the annex note's further lines start under the first annex's
 * name (GB/T 9704 7.3.4: 回行时与附件名称对齐). */
export const ANNEX_NOTE_HANG_CHARS = 3;

const TIMES = 'Times New Roman';
const FANGSONG = '仿宋_GB2312';
const KAITI = '楷体_GB2312';
/** 442.2 pt / 28 − 16 pt = −0.207 pt, rounded down to Word's unit of 0.05 pt. */
const TRACKING_28 = -0.25;

const paragraph = (p: Partial<ParagraphLayout> & Pick<ParagraphLayout, 'eastAsiaFont'>): ParagraphLayout => ({
  latinFont: TIMES,
  sizePt: 16, // 三号
  bold: false,
  alignment: 'justify',
  firstLineIndentChars: 2,
  spaceBeforeLines: 0,
  spaceAfterLines: 0,
  trackingPt: TRACKING_28,
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
      trackingPt: 0,
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
    // Tables in 四号, smaller than the body's 三号.
    table: paragraph({ eastAsiaFont: FANGSONG, sizePt: 14, alignment: 'left', firstLineIndentChars: 0, trackingPt: 0 }),
    tableHeader: paragraph({
      eastAsiaFont: FANGSONG,
      sizePt: 14,
      bold: true,
      alignment: 'center',
      firstLineIndentChars: 0,
      trackingPt: 0,
    }),
    caption: paragraph({ eastAsiaFont: '黑体', alignment: 'center', firstLineIndentChars: 0 }),
    // GB/T 9704 7.3.4 and 8: the annex note below the body after a blank line, indented two
    // characters; "附件1" in 3号黑体 at the top left of the annex's first line.
    annexNote: paragraph({ eastAsiaFont: FANGSONG, alignment: 'left', spaceBeforeLines: 1 }),
    annexLabel: paragraph({ eastAsiaFont: '黑体', alignment: 'left', firstLineIndentChars: 0, trackingPt: 0 }),
  },
  runs: {
    lead: { eastAsiaFont: FANGSONG, latinFont: TIMES, bold: true },
    runIn: { eastAsiaFont: KAITI, latinFont: TIMES, bold: false },
  },
  table: { borderPt: 0.5, numberAlignment: 'center', lineSpacingPt: 20, cellPaddingPt: 4.5 },
  autoSpace: false,
  traditionalFonts: {
    方正小标宋简体: '方正小标宋繁体',
    仿宋_GB2312: '方正仿宋繁体',
    楷体_GB2312: '方正楷体繁体',
    黑体: '方正黑体繁体',
    宋体: '方正书宋繁体',
  },
  fontFallbacks: {
    // Windows ships 仿宋, 楷体, 黑体 and 宋体 (GBK: they hold the traditional characters too), not the
    // _GB2312 fonts; macOS has the 华文 (ST) fonts; Noto/Source Han are the open ones.
    方正小标宋简体: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC'],
    仿宋_GB2312: ['仿宋', 'FangSong', 'FangSong_GB2312', '华文仿宋', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC'],
    楷体_GB2312: ['楷体', 'KaiTi', 'KaiTi_GB2312', '华文楷体', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC', 'Source Han Serif SC'],
    黑体: ['SimHei', '华文黑体', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC'],
    宋体: ['SimSun', '华文宋体', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC'],
    方正小标宋繁体: ['FZXiaoBiaoSong-B05T', '方正小標宋繁體', '新細明體', 'PMingLiU', 'Noto Serif CJK TC', 'Source Han Serif TC'],
    方正仿宋繁体: ['FZFangSong-Z02T', '方正仿宋繁體', '仿宋', 'FangSong', '華康仿宋體W4', 'DFFangSongW4', 'Noto Serif CJK TC', 'Source Han Serif TC'],
    方正楷体繁体: ['FZKai-Z03T', '方正楷體繁體', '標楷體', 'DFKai-SB', '楷体', 'KaiTi', 'AR PL UKai TW', 'Noto Serif CJK TC', 'Source Han Serif TC'],
    方正黑体繁体: ['FZHei-B01T', '方正黑體繁體', '微軟正黑體', 'Microsoft JhengHei', '黑体', 'SimHei', 'Noto Sans CJK TC', 'Source Han Sans TC'],
    方正书宋繁体: ['FZShuSong-Z01T', '方正書宋繁體', '新細明體', 'PMingLiU', '宋体', 'SimSun', 'Noto Serif CJK TC', 'Source Han Serif TC'],
    'Times New Roman': ['Liberation Serif', 'Tinos', 'TeX Gyre Termes', 'Nimbus Roman', 'Nimbus Roman No9 L'],
  },
  pageNumber: {
    format: '— {page} —',
    eastAsiaFont: '宋体',
    // GB/T 9704 7.5: 用4号半角宋体阿拉伯数字.
    latinFont: '宋体',
    sizePt: 14, // 四号
    oddAlignment: 'right',
    evenAlignment: 'left',
    edgeIndentChars: 1,
  },
};
