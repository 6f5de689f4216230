// Fonts by script: the traditional-script report (--script hant) takes the layout's traditional
// fonts and the zh-TW language tag (OpenCC converts to Taiwan forms); every writer asks here.
import type { Layout, ParagraphLayout } from '../../domain/layout.js';

export type Script = 'hans' | 'hant';

/** BCP 47 tag of the report's Chinese text. */
export const chineseLanguage = (script: Script): string => (script === 'hant' ? 'zh-TW' : 'zh-CN');

/** The layout with every East Asian font replaced by its traditional-script counterpart. */
export function layoutForScript(layout: Layout, script: Script): Layout {
  if (script === 'hans') return layout;
  const map = (name: string): string => layout.traditionalFonts[name] ?? name;
  const paragraphs = Object.fromEntries(
    Object.entries(layout.paragraphs).map(([kind, p]: [string, ParagraphLayout]) => [kind, { ...p, eastAsiaFont: map(p.eastAsiaFont) }]),
  ) as Layout['paragraphs'];
  return {
    ...layout,
    paragraphs,
    runs: {
      lead: { ...layout.runs.lead, eastAsiaFont: map(layout.runs.lead.eastAsiaFont) },
      runIn: { ...layout.runs.runIn, eastAsiaFont: map(layout.runs.runIn.eastAsiaFont) },
    },
    pageNumber: {
      ...layout.pageNumber,
      eastAsiaFont: map(layout.pageNumber.eastAsiaFont),
      latinFont: map(layout.pageNumber.latinFont),
    },
  };
}

/** The font and its fallbacks in order, then the fallbacks' own fallbacks (breadth first, so a
 * traditional font's own list comes before what its simplified fallbacks bring), without repeats. */
export function fontChain(name: string, layout: Layout): string[] {
  const out = [name];
  for (let i = 0; i < out.length; i++) {
    for (const next of layout.fontFallbacks[out[i]!] ?? []) if (!out.includes(next)) out.push(next);
  }
  return out;
}

/** Every font the layout names (East Asian and Latin), in a stable order. */
export function fontsUsed(layout: Layout): string[] {
  const names = new Set<string>();
  for (const p of Object.values(layout.paragraphs)) names.add(p.eastAsiaFont).add(p.latinFont);
  for (const r of Object.values(layout.runs)) names.add(r.eastAsiaFont).add(r.latinFont);
  names.add(layout.pageNumber.eastAsiaFont).add(layout.pageNumber.latinFont);
  return [...names];
}
