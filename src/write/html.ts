// The HTML writer: the report document → a standalone HTML5 page fit to publish on the
// organisation's website, set like the printed report (GB/T 9704): a centred 小标宋 title broken
// where the DOCX breaks it, 楷体 subtitle and run-in headings, indented justified 仿宋 paragraphs,
// bold leads, digits and Latin letters in Times New Roman; printed, it has the A4 page of the DOCX
// (margins, 22 lines of 28 characters, "— 1 —" page numbers outside on odd and even pages,
// headings kept with what follows, table headers repeated).
// Pure: no disk, no clock; the same document gives the same bytes. No script, nothing fetched:
// every text is escaped, and fonts are only named (local()).
import type { Block, Inline, ReportDocument, TableBlock } from './blocks.js';
import { breakDisplayLines } from './display-lines.js';
import { chineseLanguage, fontChain, layoutForScript } from './docx/fonts.js';
import { ANNEX_NOTE_HANG_CHARS, DEFAULT_LAYOUT, type Layout, type ParagraphLayout } from '../domain/layout.js';
import { columnAlignments } from './docx/table-columns.js';

export interface HtmlOptions {
  /** The house layout (layout.yaml): fonts, sizes, margins and line breaks as in the DOCX. */
  layout?: Layout;
  /** Trusted markup appended to <head> and to <body> (the preview's reload script). Never data. */
  extraHead?: string;
  extraBody?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// ── Fonts ─────────────────────────────────────────────────────────────────────────────────────

const GENERIC_SANS = new Set(['黑体', 'SimHei', 'Noto Sans CJK SC', 'Noto Sans CJK TC', 'Source Han Sans SC', 'Source Han Sans TC']);
const quote = (name: string): string => `"${name.replace(/["\\]/g, '')}"`;

/** A CSS font list: the Latin alias first (it holds only Latin letters and digits, see LATIN_FACE),
 * then the East Asian font and its fallbacks. */
function fontList(eastAsia: string, layout: Layout, latin = true): string {
  const chain = fontChain(eastAsia, layout);
  const generic = GENERIC_SANS.has(chain[0]!) ? 'sans-serif' : 'serif';
  return [...(latin ? ['report-latin'] : []), ...chain.map(quote), generic].join(', ');
}

/** A font face made of the installed Latin font, restricted to Latin letters, digits and their
 * punctuation: browsers take digits from it and every Chinese character and full-width mark
 * (——, “”, ……, ·) from the Chinese fonts after it, as Word does with w:ascii and w:eastAsia. */
function latinFace(layout: Layout): string {
  const sources = fontChain(layout.paragraphs.body.latinFont, layout)
    .map((n) => `local(${quote(n)})`)
    .join(', ');
  const range = 'U+0020-007E, U+00A0-00B6, U+00B8-00FF, U+0100-024F, U+2010-2013, U+2030';
  return ['normal', 'bold']
    .map((weight) => `@font-face { font-family: report-latin; src: ${sources}; font-weight: ${weight}; unicode-range: ${range}; }`)
    .join('\n');
}

// ── Stylesheet ────────────────────────────────────────────────────────────────────────────────

const pt = (n: number): string => `${Math.round(n * 1000) / 1000}pt`;

/** The type of one kind of paragraph; sizes in em of the body size on screen. */
function type(p: ParagraphLayout, layout: Layout, base: number): string {
  return [
    `font-family: ${fontList(p.eastAsiaFont, layout)}`,
    `font-size: ${Math.round((p.sizePt / base) * 1000) / 1000}em`,
    `font-weight: ${p.bold ? 'bold' : 'normal'}`,
    `text-align: ${p.alignment}`,
    `text-indent: ${p.firstLineIndentChars}em`,
  ].join('; ');
}

/** The stylesheet: screen (a page-like column) and print (the DOCX's A4 page). */
function reportCss(layout: Layout): string {
  const p = layout.paragraphs;
  const base = p.body.sizePt;
  const m = layout.page.marginsMm;
  const line = layout.lineSpacingPt;
  const pn = layout.pageNumber;
  const [before = '', after = ''] = pn.format.split('{page}');
  const pageNumber = `"${escapeCss(before)}" counter(page) "${escapeCss(after)}"`;
  const pageNumberBox = (alignment: string) =>
    `content: ${pageNumber}; font-family: ${fontList(pn.eastAsiaFont, layout, pn.latinFont !== pn.eastAsiaFont)}; font-size: ${pt(pn.sizePt)}; ` +
    `text-align: ${alignment}; vertical-align: bottom; padding-bottom: ${layout.page.footerMm}mm; ` +
    `padding-${alignment === 'left' ? 'left' : 'right'}: ${pt(pn.edgeIndentChars * pn.sizePt)}`;
  const box = (alignment: string) => (alignment === 'left' ? 'bottom-left' : alignment === 'center' ? 'bottom-center' : 'bottom-right');
  const spacing = (k: keyof Layout['paragraphs'], unit: number) =>
    `margin: ${p[k].spaceBeforeLines * unit}em 0 ${p[k].spaceAfterLines * unit}em`;
  const screenLine = line / base;
  return `
${latinFace(layout)}
html { background: #f3f3f1; color: #111; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; padding: 2rem 1rem; }
.report { box-sizing: content-box; max-width: 28em; margin: 0 auto; padding: 3.5em 3em; background: #fff;
  box-shadow: 0 1px 4px rgba(0, 0, 0, .12); font-size: 1.3rem; line-height: ${screenLine.toFixed(3)};
  font-kerning: none; text-autospace: ${layout.autoSpace ? 'normal' : 'no-autospace'}; text-spacing-trim: space-all; }
.report p, .report h1, .report h2, .report h3, .report h4 { margin: 0; }
.report h1 { ${type(p.title, layout, base)}; line-height: 1.5; ${spacing('title', screenLine / (p.title.sizePt / base))}; }
.report .subtitle { ${type(p.subtitle, layout, base)}; }
.report .speaker { ${type(p.speaker, layout, base)}; ${spacing('speaker', 1.81)}; }
.report .salutation { ${type(p.salutation, layout, base)}; }
.report p { ${type(p.body, layout, base)}; }
.report h2 { ${type(p.heading1, layout, base)}; }
.report h3 { ${type(p.heading2, layout, base)}; }
.report h4 { ${type(p.heading3, layout, base)}; }
.report strong { font-family: ${fontList(layout.runs.lead.eastAsiaFont, layout)}; font-weight: ${layout.runs.lead.bold ? 'bold' : 'normal'}; }
.report strong.run-in { font-family: ${fontList(layout.runs.runIn.eastAsiaFont, layout)}; font-weight: ${layout.runs.runIn.bold ? 'bold' : 'normal'}; }
.report table { border-collapse: collapse; width: 100%; margin: 0; line-height: 1.5; }
.report caption { ${type(p.caption, layout, base)}; line-height: ${screenLine.toFixed(3)}; }
.report th, .report td { border: ${pt(layout.table.borderPt)} solid #000; padding: .1em .4em; vertical-align: middle; }
.report .annex-note { ${type(p.annexNote, layout, base)}; padding-left: ${p.annexNote.firstLineIndentChars + ANNEX_NOTE_HANG_CHARS}em; text-indent: -${ANNEX_NOTE_HANG_CHARS}em; ${spacing('annexNote', screenLine)}; }
.report .annex-label { ${type(p.annexLabel, layout, base)}; break-before: page; break-after: avoid; }
/* A table that runs onto another page leaves at least three rows below its header. */
.report tbody tr:nth-child(-n+3) { break-after: avoid; }
.report table { break-inside: avoid-page; }
.report th { ${type(p.tableHeader, layout, base)}; }
.report td { ${type(p.table, layout, base)}; }
.report h1, .report h2, .report h3, .report h4, .report .subtitle, .report .speaker, .report caption { break-after: avoid; break-inside: avoid; }
.report tr { break-inside: avoid; }
.report thead { display: table-header-group; }
@media (max-width: 40em) { body { padding: 0; } .report { padding: 1.5em 1em; font-size: 1.1rem; box-shadow: none; } }
@media print {
  @page { size: ${layout.page.widthMm}mm ${layout.page.heightMm}mm; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
  @page :right { @${box(pn.oddAlignment)} { ${pageNumberBox(pn.oddAlignment)}; } }
  @page :left { @${box(pn.evenAlignment)} { ${pageNumberBox(pn.evenAlignment)}; } }
  html { background: none; } body { padding: 0; }
  .report { max-width: none; margin: 0; padding: 0; box-shadow: none; font-size: ${pt(base)}; line-height: ${pt(line)}; orphans: 1; widows: 2; }
  .report h1 { line-height: ${pt(line)}; margin: ${pt(p.title.spaceBeforeLines * line)} 0 ${pt(p.title.spaceAfterLines * line)}; }
  .report .speaker { margin: ${pt(p.speaker.spaceBeforeLines * line)} 0 ${pt(p.speaker.spaceAfterLines * line)}; }
${(['title', 'subtitle', 'speaker', 'salutation', 'body', 'heading1', 'heading2', 'heading3'] as const)
  .map((k) => `  ${SELECTORS[k]} { letter-spacing: ${pt(p[k].trackingPt)}; }`)
  .join('\n')}
  .report caption, .report .annex-label { line-height: ${pt(line)}; }
  .report .annex-note { margin: ${pt(p.annexNote.spaceBeforeLines * line)} 0 ${pt(p.annexNote.spaceAfterLines * line)}; }
  .report td, .report th { line-height: ${pt(layout.table.lineSpacingPt)}; padding: ${pt(layout.table.cellPaddingPt)} .4em; }
}
`.trim();
}

const SELECTORS = {
  title: '.report h1',
  subtitle: '.report .subtitle',
  speaker: '.report .speaker',
  salutation: '.report .salutation',
  body: '.report p',
  heading1: '.report h2',
  heading2: '.report h3',
  heading3: '.report h4',
} as const;

const escapeCss = (s: string): string => s.replace(/["\\]/g, (c) => `\\${c}`).replace(/\n/g, '\\a ');

// ── Body ──────────────────────────────────────────────────────────────────────────────────────

function inlinesHtml(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => {
      if (i.type === 'break') return '<br>';
      const text = escapeHtml(i.text);
      return i.role === 'lead' ? `<strong>${text}</strong>` : i.role === 'runIn' ? `<strong class="run-in">${text}</strong>` : text;
    })
    .join('');
}

function tableHtml(table: TableBlock, layout: Layout): string {
  const alignments = columnAlignments(table, layout);
  const columns = alignments.length;
  const cells = (row: TableBlock['header'], tag: 'th' | 'td') =>
    Array.from({ length: columns }, (_, c) => {
      const a = tag === 'td' ? alignments[c] : undefined;
      return `<${tag}${a ? ` style="text-align:${a}"` : ''}>${inlinesHtml(row[c]?.inlines ?? [])}</${tag}>`;
    }).join('');
  return [
    '<table>',
    ...(table.caption ? [`<caption>${inlinesHtml(table.caption)}</caption>`] : []),
    ...(table.header.length > 0 ? [`<thead><tr>${cells(table.header, 'th')}</tr></thead>`] : []),
    '<tbody>',
    ...table.rows.map((r) => `<tr>${cells(r, 'td')}</tr>`),
    '</tbody>',
    '</table>',
  ].join('\n');
}

const PARAGRAPH_TAGS = {
  title: ['h1', ''],
  subtitle: ['p', 'subtitle'],
  speaker: ['p', 'speaker'],
  salutation: ['p', 'salutation'],
  body: ['p', ''],
  heading1: ['h2', ''],
  heading2: ['h3', ''],
  heading3: ['h4', ''],
  caption: ['p', 'caption'],
  annexNote: ['p', 'annex-note'],
  annexLabel: ['p', 'annex-label'],
} as const;

function blockHtml(block: Block, layout: Layout): string {
  if (block.type === 'table') return tableHtml(block, layout);
  const [tag, cls] = PARAGRAPH_TAGS[block.kind];
  return `<${tag}${cls ? ` class="${cls}"` : ''}>${inlinesHtml(block.inlines)}</${tag}>`;
}

/** The report body as HTML (the contents of <main class="report">). */
export function renderHtmlBody(doc: ReportDocument, layout: Layout = DEFAULT_LAYOUT): string {
  const scripted = layoutForScript(layout, doc.meta.script);
  return breakDisplayLines(doc, scripted)
    .blocks.map((b) => blockHtml(b, scripted))
    .join('\n');
}

/** The page around a body: doctype, language, charset, title and the report stylesheet. */
export function htmlPage(parts: {
  title: string;
  body: string;
  author?: string;
  lang?: string;
  css?: string;
  extraHead?: string;
  extraBody?: string;
}): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(parts.lang ?? 'zh-CN')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    ...(parts.author ? [`<meta name="author" content="${escapeHtml(parts.author)}">`] : []),
    `<style>\n${parts.css ?? reportCss(DEFAULT_LAYOUT)}\n</style>`,
    ...(parts.extraHead ? [parts.extraHead] : []),
    '</head>',
    '<body>',
    '<main class="report">',
    parts.body.trimEnd(),
    '</main>',
    ...(parts.extraBody ? [parts.extraBody] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The report as a complete, standalone HTML5 page. */
export function renderHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  const layout = layoutForScript(options.layout ?? DEFAULT_LAYOUT, doc.meta.script);
  return htmlPage({
    title: doc.meta.title || '工作报告',
    body: renderHtmlBody(doc, options.layout ?? DEFAULT_LAYOUT),
    ...(doc.meta.author ? { author: doc.meta.author } : {}),
    lang: chineseLanguage(doc.meta.script),
    css: reportCss(layout),
    ...(options.extraHead ? { extraHead: options.extraHead } : {}),
    ...(options.extraBody ? { extraBody: options.extraBody } : {}),
  });
}
