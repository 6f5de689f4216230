// Named styles, defined once from the layout. Built-in styles (Normal, Title, Subtitle, Heading 1–3,
// Salutation, Footer) keep Word's ids and names, so Word and WPS treat them as their own (navigation
// pane, localised names); the report's own roles get custom styles with Chinese names.
// The styles hold all the type (fonts, size, weight) and the paragraph layout; the runs in
// document.xml name a character style at most, so changing a style in Word restyles the document.
import type { ParagraphKind } from '../document.js';
import { chineseLanguage, type Script } from './fonts.js';
import { ANNEX_NOTE_HANG_CHARS, type Alignment, type Layout, type ParagraphLayout, type RunLayout } from '../../domain/layout.js';
import { libraryStyles, STYLES_OPEN } from './package-parts.js';
import { indentForChars, linesToTwips, paragraphRun, ptToHalfPoints, ptToTwips, runFonts, toAlignment } from './units.js';
import { el, onOff, paragraphPropertiesContent, runPropertiesXml, type Fonts, type ParagraphProps, type RunProps, type Spacing } from './wordml.js';

/** The style id each kind of paragraph uses. */
export const PARAGRAPH_STYLE_IDS: Record<ParagraphKind, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  speaker: 'Speaker',
  salutation: 'Salutation',
  body: 'Normal',
  heading1: 'Heading1',
  heading2: 'Heading2',
  heading3: 'Heading3',
  caption: 'Caption',
  annexNote: 'AnnexNote',
  annexLabel: 'AnnexLabel',
};
export const TABLE_TEXT_STYLE = 'TableText';
export const TABLE_HEADER_STYLE = 'TableHeader';
export const CAPTION_STYLE = 'Caption';
export const FOOTER_STYLE = 'Footer';
export const LEAD_STYLE = 'LeadSentence';
export const RUN_IN_STYLE = 'RunInHeading';

/** Fixed line spacing, as every paragraph of the document has it. */
const exactSpacing = (layout: Layout, before = 0, after = 0): Spacing => ({
  line: ptToTwips(layout.lineSpacingPt),
  lineRule: 'exact',
  before: linesToTwips(before, layout),
  after: linesToTwips(after, layout),
});

/**
 * A justified paragraph is written left-aligned (w:jc="left"). LibreOffice (7.4) hangs a closing
 * mark that would start a line past the right edge whatever w:overflowPunct says, and in a
 * justified paragraph it then drops that mark from the page: six commas and 、 of the annual
 * report were missing from its PDF. Left-aligned, it keeps them. The lines are the same: the
 * text is full-width characters on the 28-character grid, so a line of Chinese is full either
 * way; only a line holding digits may end a fraction of a character short of the edge.
 */
const docxAlignment = (a: Alignment): Alignment => (a === 'justify' ? 'left' : a);

function paragraphStyle(
  id: string,
  name: string,
  p: ParagraphLayout,
  layout: Layout,
  extra: { outlineLevel?: number; keepNext?: boolean; pageBreakBefore?: boolean; hangChars?: number; lineSpacingPt?: number } = {},
): ParagraphStyle {
  return {
    id,
    name,
    ...(id === 'Normal' ? {} : { basedOn: 'Normal', next: 'Normal' }),
    quickFormat: true,
    paragraph: {
      alignment: toAlignment(docxAlignment(p.alignment)),
      indent: extra.hangChars
        ? hangingIndent(p.firstLineIndentChars, extra.hangChars, p.sizePt)
        : { left: 0, right: 0, ...indentForChars(p.firstLineIndentChars, p.sizePt) },
      spacing: { ...exactSpacing(layout, p.spaceBeforeLines, p.spaceAfterLines), ...(extra.lineSpacingPt ? { line: ptToTwips(extra.lineSpacingPt) } : {}) },
      ...(extra.outlineLevel === undefined ? {} : { outlineLevel: extra.outlineLevel }),
      ...(extra.keepNext ? { keepNext: true, keepLines: true } : {}),
      ...(extra.pageBreakBefore ? { pageBreakBefore: true } : {}),
    },
    run: paragraphRun(p),
  };
}

/** Lines after the first start `first + hang` characters in, the first `first` characters in. */
function hangingIndent(first: number, hang: number, sizePt: number) {
  return {
    left: ptToTwips((first + hang) * sizePt),
    hanging: ptToTwips(hang * sizePt),
    right: 0,
  };
}

/** The run properties of a character style: only what differs from the body text (Normal), so
 * that the style adds its difference to the paragraph it is used in — 段首句 is bold, 段内标题 is
 * in the （一） heading's font — and changing Normal's font in Word changes the lead sentences too. */
function characterRun(r: RunLayout, body: ParagraphLayout): { font?: Fonts; bold?: boolean } {
  const font = {
    ...(r.latinFont === body.latinFont ? {} : { ascii: r.latinFont, hAnsi: r.latinFont, cs: r.latinFont }),
    ...(r.eastAsiaFont === body.eastAsiaFont ? {} : { eastAsia: r.eastAsiaFont }),
  };
  return {
    ...(Object.keys(font).length > 0 ? { font } : {}),
    ...(r.bold === body.bold ? {} : { bold: r.bold }),
  };
}

/** A character style: its id, name and run properties (Word's defaults for the rest: priority 99, shown once used). */
interface CharacterStyle {
  id: string;
  name: string;
  run: { font?: Fonts; bold?: boolean };
}

const characterStyle = (id: string, name: string, r: RunLayout, body: ParagraphLayout): CharacterStyle => ({ id, name, run: characterRun(r, body) });

function characterStyleXml(s: CharacterStyle): string {
  return el(
    'w:style',
    [
      ['w:type', 'character'],
      ['w:styleId', s.id],
    ],
    el('w:name', [['w:val', s.name]]) +
      el('w:basedOn', [['w:val', 'DefaultParagraphFont']]) +
      el('w:uiPriority', [['w:val', 99]]) +
      '<w:unhideWhenUsed/><w:qFormat/>' +
      runPropertiesXml(s.run),
  );
}

export interface ParagraphStyle {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  quickFormat?: boolean;
  paragraph: ParagraphProps;
  run: RunProps;
}

/** A paragraph style; Normal is the default one. */
function paragraphStyleXml(s: ParagraphStyle): string {
  const pPr = paragraphPropertiesContent(s.paragraph);
  return el(
    'w:style',
    [
      ['w:type', 'paragraph'],
      ['w:styleId', s.id],
      ['w:default', s.id === 'Normal' ? '1' : undefined],
    ],
    el('w:name', [['w:val', s.name]]) +
      (s.basedOn ? el('w:basedOn', [['w:val', s.basedOn]]) : '') +
      (s.next ? el('w:next', [['w:val', s.next]]) : '') +
      (s.quickFormat === undefined ? '' : onOff('w:qFormat', s.quickFormat)) +
      (pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`) +
      runPropertiesXml(s.run),
  );
}

/**
 * Direct bold for a lead sentence or run-in heading whose character style alone would not give it
 * the layout's weight; undefined (nothing on the run) otherwise, as in every body paragraph.
 * Bold is a toggle property: in Word a character style's <w:b/> flips the paragraph style's bold
 * (ECMA-376 §17.7.3), so a bold lead inside a bold paragraph (a 1. heading, a table header) would
 * come out plain in Word while LibreOffice keeps it bold; direct formatting is read the same way
 * by both.
 */
export function directBold(paragraph: ParagraphLayout, r: RunLayout, body: ParagraphLayout): boolean | undefined {
  const styled = characterRun(r, body).bold;
  const inWord = styled === true ? !paragraph.bold : paragraph.bold;
  const inLibreOffice = styled ?? paragraph.bold;
  return inWord === r.bold && inLibreOffice === r.bold ? undefined : r.bold;
}

/** The document defaults: the body's run with the document's language, and the fixed line spacing. */
export function documentDefaults(layout: Layout, script: Script): { run: RunProps; paragraph: ParagraphProps } {
  // The language lives here only, not on runs: Word resolves it through the styles, and
  // LibreOffice reads it from the defaults too (with eastAsia en-US there it breaks
  // "11/6件" between 6 and 件; with zh-CN it does not).
  // zh-TW for the traditional-script report (OpenCC writes Taiwan forms).
  return {
    run: { ...paragraphRun(layout.paragraphs.body), language: { value: 'en-US', eastAsia: chineseLanguage(script) } },
    paragraph: { widowControl: layout.widowControl, spacing: exactSpacing(layout) },
  };
}

/** The report's styles, from the layout: what word/styles.xml writes after the styles Word documents carry anyway. */
export function reportStyles(layout: Layout): { paragraphStyles: ParagraphStyle[]; characterStyles: CharacterStyle[] } {
  const p = layout.paragraphs;
  const pn = layout.pageNumber;
  return {
    paragraphStyles: [
      paragraphStyle('Normal', 'Normal', p.body, layout),
      paragraphStyle('Title', 'Title', p.title, layout),
      paragraphStyle('Subtitle', 'Subtitle', p.subtitle, layout),
      paragraphStyle('Speaker', '报告人', p.speaker, layout),
      paragraphStyle('Salutation', 'Salutation', p.salutation, layout),
      paragraphStyle('Heading1', 'heading 1', p.heading1, layout, { outlineLevel: 0, keepNext: true }),
      paragraphStyle('Heading2', 'heading 2', p.heading2, layout, { outlineLevel: 1, keepNext: true }),
      paragraphStyle('Heading3', 'heading 3', p.heading3, layout, { outlineLevel: 2, keepNext: true }),
      // Not produced from Markdown, but the library's defaults for them are blue Calibri: give the
      // deeper levels ((1), ①…) the 1. level's type in case an editor applies them in Word.
      ...[4, 5, 6].map((n) =>
        paragraphStyle(`Heading${n}`, `heading ${n}`, p.heading3, layout, { outlineLevel: n - 1, keepNext: true }),
      ),
      paragraphStyle(TABLE_TEXT_STYLE, '表格文字', p.table, layout, { lineSpacingPt: layout.table.lineSpacingPt }),
      paragraphStyle(TABLE_HEADER_STYLE, '表头', p.tableHeader, layout, { lineSpacingPt: layout.table.lineSpacingPt }),
      // Kept with the table below it (a caption alone at a page foot is a layout error).
      paragraphStyle(CAPTION_STYLE, 'caption', p.caption, layout, { keepNext: true }),
      paragraphStyle('AnnexNote', '附件说明', p.annexNote, layout, { hangChars: ANNEX_NOTE_HANG_CHARS }),
      // Each annex starts a new page, its label kept with its title and table.
      paragraphStyle('AnnexLabel', '附件标识', p.annexLabel, layout, { keepNext: true, pageBreakBefore: true }),
      {
        id: FOOTER_STYLE,
        name: 'footer',
        basedOn: 'Normal',
        paragraph: {
          // Zero indents and single spacing, so the body's first-line indent and fixed line
          // height do not leak into the footer and push the page number off its place.
          indent: { left: 0, right: 0, firstLine: 0, firstLineChars: 0 },
          spacing: { line: 240, lineRule: 'auto', before: 0, after: 0 },
        },
        run: { font: runFonts(pn), size: ptToHalfPoints(pn.sizePt), sizeComplexScript: ptToHalfPoints(pn.sizePt) },
      },
    ],
    characterStyles: [
      characterStyle(LEAD_STYLE, '段首句', layout.runs.lead, p.body),
      characterStyle(RUN_IN_STYLE, '段内标题', layout.runs.runIn, p.body),
    ],
  };
}

/** word/styles.xml: the document defaults, the styles Word documents carry anyway, and the report's styles. */
export function stylesXml(layout: Layout, script: Script): string {
  const defaults = documentDefaults(layout, script);
  const defaultParagraph = paragraphPropertiesContent(defaults.paragraph);
  const docDefaults =
    `<w:docDefaults><w:rPrDefault>${runPropertiesXml(defaults.run)}</w:rPrDefault>` +
    `<w:pPrDefault>${defaultParagraph === '' ? '' : `<w:pPr>${defaultParagraph}</w:pPr>`}</w:pPrDefault></w:docDefaults>`;
  const { paragraphStyles, characterStyles } = reportStyles(layout);
  const styles = paragraphStyles.map(paragraphStyleXml).join('') + characterStyles.map(characterStyleXml).join('');
  // The library's table-of-contents styles indent each level by the default font's size.
  return `${STYLES_OPEN}${docDefaults}${libraryStyles(Math.round(ptToHalfPoints(layout.paragraphs.body.sizePt) * 10))}${styles}</w:styles>`;
}
