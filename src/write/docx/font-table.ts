// The parts of the package that docx writes too plainly for the genre: the font table (docx
// leaves it empty, so Word knows nothing of a missing font but its name) and the typographic
// settings (autospace, punctuation compression).
import { fontChain, fontsUsed } from './fonts.js';
import type { Layout } from '../../domain/layout.js';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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
 * word/fontTable.xml: each font the document uses, with its alternative names (w:altName, a
 * comma-separated list Word uses to find the font under another name: 仿宋_GB2312 → 仿宋, FangSong…),
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
      (alternatives.length > 0 ? `<w:altName w:val="${escapeXml(alternatives.join(','))}"/>` : '') +
      `<w:charset w:val="${charset}"/>` +
      `<w:family w:val="${latin ? 'roman' : 'modern'}"/>` +
      `<w:pitch w:val="${latin ? 'variable' : 'fixed'}"/>` +
      '</w:font>'
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts ${NAMESPACES}>${fonts.join('')}</w:fonts>`;
}

/** settings.xml with punctuation left uncompressed (w:characterSpacingControl doNotCompress): each
 * full-width mark keeps its full character, as on the 28-character grid of official documents;
 * LibreOffice reads the same setting. */
export function withSettings(settings: string): string {
  if (settings.includes('<w:characterSpacingControl')) return settings;
  const control = '<w:characterSpacingControl w:val="doNotCompress"/>';
  // Schema order: characterSpacingControl comes before w:compat (and after evenAndOddHeaders).
  return settings.includes('<w:compat>') ? settings.replace('<w:compat>', `${control}<w:compat>`) : settings.replace('</w:settings>', `${control}</w:settings>`);
}

/** styles.xml with the document's autospace setting in the default paragraph properties
 * (w:autoSpaceDE between Chinese and Latin letters, w:autoSpaceDN between Chinese and digits;
 * docx writes only the second, and only on paragraphs). */
export function withTypographyDefaults(styles: string, layout: Layout): string {
  const value = layout.autoSpace ? '1' : '0';
  const autoSpace = `<w:autoSpaceDE w:val="${value}"/><w:autoSpaceDN w:val="${value}"/>`;
  // In the schema's order both come before w:spacing, which docx always writes in pPrDefault.
  return styles.replace(/(<w:pPrDefault><w:pPr>(?:(?!<\/w:pPr>).)*?)(<w:spacing )/s, `$1${autoSpace}$2`);
}
