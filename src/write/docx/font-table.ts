// The parts of the package that docx writes too plainly for the genre: the font table (docx
// leaves it empty, so Word knows nothing of a missing font but its name) and the typographic
// settings (autospace, punctuation compression).
import { escapeXml } from '../../xml.js';
import { fontChain, fontsUsed } from './fonts.js';
import type { Layout } from '../../domain/layout.js';


const NAMESPACES =
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A Latin font: one the layout uses only for digits and Latin letters. */
function isLatin(name: string, layout: Layout): boolean {
  const eastAsian = new Set([
    ...Object.values(layout.paragraphs).map((p) => p.eastAsiaFont),
    ...Object.values(layout.runs).map((r) => r.eastAsiaFont),
    layout.pageNumber.eastAsiaFont,
  ]);
  return !eastAsian.has(name) && /^[\x20-\x7e]+$/.test(name);
}

/**
 * word/fontTable.xml: each font the document uses, with its alternative name (w:altName: one
 * name, which Word and WPS try when the font is not installed: 仿宋_GB2312 → 仿宋, the font Windows
 * has; a comma-separated list would be read as one font's name),
 * its character set (86 GB2312, 88 Big5 for the traditional fonts, 00 ANSI), family and pitch, so a
 * machine without the font substitutes a like one (a fixed-pitch CJK font, not a Latin one).
 */
export function fontTableXml(layout: Layout): string {
  const traditional = new Set(Object.values(layout.traditionalFonts));
  const fonts = fontsUsed(layout).map((name) => {
    const alternatives = fontChain(name, layout).slice(1);
    const latin = isLatin(name, layout);
    const charset = latin ? '00' : traditional.has(name) ? '88' : '86';
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      (alternatives.length > 0 ? `<w:altName w:val="${escapeXml(alternatives[0]!)}"/>` : '') +
      `<w:charset w:val="${charset}"/>` +
      `<w:family w:val="${latin ? 'roman' : 'modern'}"/>` +
      `<w:pitch w:val="${latin ? 'variable' : 'fixed'}"/>` +
      '</w:font>'
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts ${NAMESPACES}>${fonts.join('')}</w:fonts>`;
}

/** Marks that may not start a line (行首禁则) and may not end one (行尾禁则), written for the
 * report's language: LibreOffice's own list for zh-TW lets a line start with ” and ’. */
const NO_LINE_START = '!%),.:;?]}¢°’”‰′″℃、。〉》」』】〕〗〞﹚﹜！％），．：；？］｝～';
const NO_LINE_END = '$(£¥‘“〈《「『【〔〖〝﹙﹛＄（［｛￡￥';

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** settings.xml with punctuation left uncompressed (w:characterSpacingControl doNotCompress): each
 * full-width mark keeps its full character, as on the 28-character grid of official documents;
 * LibreOffice reads the same setting. And the line-start and line-end rules for the language. */
export function withSettings(settings: string, language = 'zh-CN'): string {
  if (settings.includes('<w:characterSpacingControl')) return settings;
  const control =
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    `<w:noLineBreaksAfter w:lang="${language}" w:val="${xmlText(NO_LINE_END)}"/>` +
    `<w:noLineBreaksBefore w:lang="${language}" w:val="${xmlText(NO_LINE_START)}"/>`;
  // Schema order: characterSpacingControl, noLineBreaksAfter, noLineBreaksBefore come before
  // w:compat (and after evenAndOddHeaders).
  return settings.includes('<w:compat>') ? settings.replace('<w:compat>', `${control}<w:compat>`) : settings.replace('</w:settings>', `${control}</w:settings>`);
}

/** styles.xml with w:spacing 0 written into the run properties of each style whose tracking is
 * 0 (docx leaves a 0 out, and the style would inherit Normal's −0.25 pt from w:basedOn). */
export function withZeroTracking(styles: string, zeroStyleIds: readonly string[]): string {
  return zeroStyleIds.reduce(
    (xml, id) =>
      xml.replace(new RegExp(`(<w:style [^>]*w:styleId="${id}"[^>]*>(?:(?!</w:style>).)*?<w:rPr>(?:(?!</w:rPr>|<w:spacing ).)*?)(<w:sz )`, 's'), '$1<w:spacing w:val="0"/>$2'),
    styles,
  );
}

/** styles.xml with the document's autospace setting in the default paragraph properties
 * (w:autoSpaceDE between Chinese and Latin letters, w:autoSpaceDN between Chinese and digits;
 * docx writes only the second, and only on paragraphs). */
export function withTypographyDefaults(styles: string, layout: Layout): string {
  const value = layout.autoSpace ? '1' : '0';
  // Not snapped to the document grid: the lines keep their exact spacing (document-grid.ts).
  const autoSpace = `<w:autoSpaceDE w:val="${value}"/><w:autoSpaceDN w:val="${value}"/><w:snapToGrid w:val="0"/>`;
  // In the schema's order both come before w:spacing, which docx always writes in pPrDefault.
  return styles.replace(/(<w:pPrDefault><w:pPr>(?:(?!<\/w:pPr>).)*?)(<w:spacing )/s, `$1${autoSpace}$2`);
}
