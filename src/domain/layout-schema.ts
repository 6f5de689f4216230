// The schema of layout.yaml: a partial override of DEFAULT_LAYOUT. Every key is optional; unknown
// keys are errors (a misspelt key would otherwise be silently ignored).
import type * as z from 'zod/v4';
import { declare } from './shape.js';

export const LayoutShape = declare((z) => {
  const positive = (description: string) => z.number().positive().meta({ description });
  const nonNegative = (description: string) => z.number().nonnegative().meta({ description });
  const fontName = (description: string) => z.string().trim().min(1).meta({ description });
  // Word stores sizes in half points.
  const fontSize = z
    .number()
    .positive()
    .max(200)
    .refine((n) => Number.isInteger(n * 2), { message: '字号须为 0.5 磅的整数倍' })
    .meta({ description: '字号（磅）：二号 22，三号 16，四号 14，小四 12' });
  const alignment = z.enum(['left', 'center', 'right', 'justify']).meta({ description: '对齐方式' });

  const ParagraphLayoutSchema = z
    .strictObject({
      eastAsiaFont: fontName('中文字体，如：仿宋_GB2312'),
      latinFont: fontName('数字和西文字母的字体，如：Times New Roman'),
      sizePt: fontSize,
      bold: z.boolean().meta({ description: '是否加粗' }),
      alignment,
      firstLineIndentChars: nonNegative('首行缩进（字符）'),
      spaceBeforeLines: nonNegative('段前间距（行）'),
      spaceAfterLines: nonNegative('段后间距（行）'),
      trackingPt: z.number().min(-5).max(20).meta({ description: '字距调整（磅），每字后加的距离，负数为紧缩；三号字紧缩 0.25 磅时每行 28 字' }),
    })
    .partial();

  const RunLayoutSchema = z
    .strictObject({
      eastAsiaFont: fontName('中文字体'),
      latinFont: fontName('数字和西文字母的字体'),
      bold: z.boolean().meta({ description: '是否加粗' }),
    })
    .partial();

  return z
    .strictObject({
      page: z
        .strictObject({
          widthMm: positive('纸张宽度（毫米），A4 为 210'),
          heightMm: positive('纸张高度（毫米），A4 为 297'),
          marginsMm: z
            .strictObject({
              top: nonNegative('上边距（毫米）'),
              bottom: nonNegative('下边距（毫米）'),
              left: nonNegative('左边距（毫米）'),
              right: nonNegative('右边距（毫米）'),
            })
            .partial(),
          footerMm: nonNegative('页脚距页面下边缘（毫米）'),
        })
        .partial(),
      lineSpacingPt: positive('固定行距（磅）').max(200),
      widowControl: z.boolean().meta({ description: '孤行控制；关闭时每页排满（默认关闭）' }),
      paragraphs: z
        .strictObject({
          title: ParagraphLayoutSchema,
          subtitle: ParagraphLayoutSchema,
          speaker: ParagraphLayoutSchema,
          salutation: ParagraphLayoutSchema,
          body: ParagraphLayoutSchema,
          heading1: ParagraphLayoutSchema,
          heading2: ParagraphLayoutSchema,
          heading3: ParagraphLayoutSchema,
          table: ParagraphLayoutSchema,
          tableHeader: ParagraphLayoutSchema,
          caption: ParagraphLayoutSchema,
          annexNote: ParagraphLayoutSchema,
          annexLabel: ParagraphLayoutSchema,
        })
        .partial(),
      runs: z.strictObject({ lead: RunLayoutSchema, runIn: RunLayoutSchema }).partial(),
      table: z
        .strictObject({
          borderPt: positive('表格框线粗细（磅）').max(6),
          numberAlignment: alignment.meta({ description: '数字列（未在 Markdown 中指定对齐时）的对齐方式，默认居中' }),
          lineSpacingPt: positive('表格文字固定行距（磅），默认 20').max(200),
          cellPaddingPt: nonNegative('单元格内文字上下留白（磅），默认 4.5').max(50),
        })
        .partial(),
      autoSpace: z.boolean().meta({ description: '中文与西文、数字之间自动加空（默认关闭，公文不加）' }),
      traditionalFonts: z
        .record(z.string().trim().min(1), fontName('繁体字版使用的字体'))
        .meta({ description: '繁体字版（--script hant）的字体对照：简体字版字体名 → 繁体字版字体名' }),
      fontFallbacks: z
        .record(z.string().trim().min(1), z.array(fontName('替代字体名')))
        .meta({ description: '字体未安装时依次尝试的其他名称：字体名 → 替代字体名列表' }),
      pdfFontFolder: z
        .string()
        .trim()
        .min(1)
        .meta({ description: 'PDF 所用字体的文件夹（相对于数据文件夹），如：字体；其中的字体先于本机安装的字体查找，并嵌入 PDF' }),
      pageNumber: z
        .strictObject({
          format: z
            .string()
            .refine((s) => s.split('{page}').length === 2, { message: '页码格式须含且只含一个 {page}' })
            .meta({ description: '页码格式，{page} 为页码，如：— {page} —' }),
          eastAsiaFont: fontName('页码中文字体'),
          latinFont: fontName('页码数字字体'),
          sizePt: fontSize,
          oddAlignment: alignment,
          evenAlignment: alignment,
          edgeIndentChars: nonNegative('页码距版心外侧（字符）'),
        })
        .partial(),
    })
    .partial()
    .meta({ description: '版式设置（layout.yaml）：只写要改的项，其余取 GB/T 9704 默认值' });
});

export type LayoutOverride = z.infer<typeof LayoutShape.schema>;
