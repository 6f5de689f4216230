// The HTML writer: rendered report Markdown → a standalone HTML5 page fit to publish on the
// organisation's website. The Markdown is read by the same markdown-it setup as the DOCX writer;
// `{.subtitle}`, `{.speaker}`, `{.salutation}` and `{.run-in}` become classes, which the embedded
// stylesheet sets like the printed report (GB/T 9704): a centred 小标宋 title, 楷体 subtitle and
// run-in headings, indented justified 仿宋 paragraphs, bold leads.
// Pure: no disk, no clock; the same Markdown gives the same bytes. No script: raw HTML in the
// Markdown stays text, links keep only their text, images only their description.
import type { Token } from 'markdown-it';
import { reportMarkdown as md, WIDE } from './markdown.js';

export interface HtmlOptions {
  /** The page's <title> when the Markdown has no `# ` title. */
  title?: string;
  /** The issuing organisation (<meta name="author">). */
  author?: string;
  /** BCP 47 language of the text: zh-CN, or zh-Hant for the traditional-script output. */
  lang?: string;
  /** Trusted markup appended to <head> and to <body> (the preview's reload script). Never data. */
  extraHead?: string;
  extraBody?: string;
}

const SONG = '"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif';
const FANGSONG = '"仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif';
const KAI = '"楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "STKaiti", "Kaiti SC", "AR PL UKai CN", serif';
const HEI = '"黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** The page's stylesheet: the printed layout (三号 text, 28 characters a line, fixed line spacing). */
export const REPORT_CSS = `
html { background: #f3f3f1; color: #111; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; padding: 2rem 1rem; }
.report { box-sizing: content-box; max-width: 28em; margin: 0 auto; padding: 3.5em 3em; background: #fff;
  box-shadow: 0 1px 4px rgba(0, 0, 0, .12); font-family: ${FANGSONG}; font-size: 1.3rem; line-height: 1.81; }
.report p, .report h1, .report h2, .report h3, .report h4, .report h5, .report h6 { margin: 0; font-size: 1em; font-weight: normal; }
.report p { text-indent: 2em; text-align: justify; }
.report h1 { font-family: ${SONG}; font-size: 1.375em; line-height: 1.5; text-align: center; text-wrap: balance; margin-bottom: 1.3em; }
.report .subtitle, .report .speaker { font-family: ${KAI}; text-align: center; text-indent: 0; }
.report .speaker { margin-bottom: 1.81em; }
.report .salutation { text-indent: 0; text-align: left; }
.report h2 { font-family: ${HEI}; text-indent: 2em; }
.report h3 { font-family: ${KAI}; text-indent: 2em; }
.report h4, .report h5, .report h6 { font-weight: bold; text-indent: 2em; }
.report strong { font-weight: bold; }
.report strong.run-in { font-family: ${KAI}; font-weight: normal; }
.report ul, .report ol { margin: 0; padding-left: 4em; }
.report table { border-collapse: collapse; margin: .5em auto; font-size: .875em; line-height: 1.5; }
.report th, .report td { border: 1px solid #444; padding: .2em .5em; }
.report th { font-weight: bold; text-align: center; }
.report pre, .report code { font-family: inherit; white-space: pre-wrap; }
@media (max-width: 40em) { body { padding: 0; } .report { padding: 1.5em 1em; font-size: 1.1rem; box-shadow: none; } }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  html { background: none; } body { padding: 0; }
  .report { max-width: none; margin: 0; padding: 0; box-shadow: none; font-size: 16pt; line-height: 28.95pt; }
}
`.trim();

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const lastChar = (t: Token | undefined): string => (t?.type === 'text' || t?.type === 'code_inline' ? t.content.slice(-1) : '');
const firstChar = (t: Token | undefined): string => (t?.type === 'text' || t?.type === 'code_inline' ? t.content.charAt(0) : '');

/** A token of the same class as `like` (markdown-it's Token). */
function textToken(like: Token, content: string): Token {
  const TokenClass = like.constructor as new (type: string, tag: string, nesting: number) => Token;
  const token = new TokenClass('text', '', 0);
  token.content = content;
  return token;
}

/**
 * Adjusts one inline token's children for the web page: a soft line break between Chinese
 * characters disappears (a browser would show a space), links keep only their text, images only
 * their description.
 */
function adaptInline(children: Token[]): Token[] {
  const out: Token[] = [];
  children.forEach((child, i) => {
    switch (child.type) {
      case 'link_open':
      case 'link_close':
        return;
      case 'image':
        out.push(textToken(child, child.content));
        return;
      case 'softbreak': {
        // The characters either side, looking through emphasis marks.
        const before = [...out].reverse().find((t) => t.type === 'text' || t.type === 'code_inline');
        const after = children.slice(i + 1).find((t) => t.type === 'text' || t.type === 'code_inline');
        if (WIDE.test(lastChar(before)) || WIDE.test(firstChar(after))) return;
        out.push(child);
        return;
      }
      default:
        out.push(child);
    }
  });
  return out;
}

/** Plain text of an inline token (for the page title). */
function inlineText(inline: Token | undefined): string {
  return (inline?.children ?? [])
    .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type === 'image' ? t.content : ''))
    .join('');
}

/** The report body as HTML, and the text of its `# ` title when it has one. */
export function renderHtmlBody(markdown: string): { body: string; title?: string } {
  const env = {};
  const tokens = md.parse(markdown, env);
  let title: string | undefined;
  tokens.forEach((token, i) => {
    if (token.type === 'inline' && token.children) token.children = adaptInline(token.children);
    if (title === undefined && token.type === 'heading_open' && token.tag === 'h1') title = inlineText(tokens[i + 1]);
  });
  const body = md.renderer.render(tokens, md.options, env);
  return title === undefined ? { body } : { body, title };
}

/** The page around a body: doctype, language, charset, title and the report stylesheet. */
export function htmlPage(parts: { title: string; body: string; author?: string; lang?: string; extraHead?: string; extraBody?: string }): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(parts.lang ?? 'zh-CN')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    ...(parts.author ? [`<meta name="author" content="${escapeHtml(parts.author)}">`] : []),
    `<style>\n${REPORT_CSS}\n</style>`,
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

/** The rendered report Markdown as a complete, standalone HTML5 page. */
export function renderHtml(markdown: string, options: HtmlOptions = {}): string {
  const { body, title } = renderHtmlBody(markdown);
  return htmlPage({
    title: title ?? options.title ?? '工作报告',
    body,
    ...(options.author ? { author: options.author } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.extraHead ? { extraHead: options.extraHead } : {}),
    ...(options.extraBody ? { extraBody: options.extraBody } : {}),
  });
}
