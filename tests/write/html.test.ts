import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportMarkdown, type DocumentMeta, type ReportDocument } from '../../src/write/document.js';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { escapeHtml, renderHtml, renderHtmlBody } from '../../src/write/html.js';
import { FIXTURES } from '../helpers/fixture.js';

const META: DocumentMeta = { title: '中国人民政治协商会议江北省云州市第十届委员会常务委员会工作报告', author: '政协云州市委员会', date: '2024-01-08', script: 'hans' };
const doc = (markdown: string, meta: Partial<DocumentMeta> = {}): ReportDocument => ({ blocks: parseReportMarkdown(markdown), meta: { ...META, ...meta } });
const body = (markdown: string) => renderHtmlBody(doc(markdown));

const REPORT = readFileSync(path.join(FIXTURES, 'docx', 'annual-report.md'), 'utf8');

const VOID = new Set(['meta', 'br', 'hr', 'img', 'link', 'input', 'wbr']);

/** Every element closed in order; a stand-in for an HTML validator on our own (simple) output. */
function checkNesting(html: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  for (const [, close, name] of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const tag = name!.toLowerCase();
    if (VOID.has(tag)) continue;
    if (!close) stack.push(tag);
    else if (stack.pop() !== tag) problems.push(`</${tag}> out of place`);
  }
  return [...problems, ...stack.map((t) => `<${t}> not closed`)];
}

describe('renderHtml (report.html)', () => {
  const html = renderHtml(doc(REPORT));

  it('is a complete, standalone HTML5 page in Chinese', () => {
    const lines = html.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '<!DOCTYPE html>',
      '<html lang="zh-CN">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ]);
    expect(html).toContain('<title>中国人民政治协商会议江北省云州市第十届委员会常务委员会工作报告</title>');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="author" content="政协云州市委员会">');
    expect(html.endsWith('</body>\n</html>\n')).toBe(true);
    expect(html.match(/<head>/g)).toHaveLength(1);
    expect(html.match(/<body>/g)).toHaveLength(1);
    expect(checkNesting(html)).toEqual([]);
    // Standalone: nothing fetched from elsewhere, no script at all.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|@import|url\(/i);
  });

  it('embeds a stylesheet after the printed layout', () => {
    const css = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(css).toMatch(/\.report h1 \{ font-family: report-latin, "方正小标宋简体"[^}]*text-align: center/);
    expect(css).toMatch(/\.report p \{[^}]*"仿宋_GB2312", "仿宋", "FangSong"[^}]*text-align: justify; text-indent: 2em; \}/);
    expect(css).toMatch(/\.report \.subtitle \{ font-family: report-latin, "楷体_GB2312"[^}]*text-align: center/);
    expect(css).toMatch(/\.report strong\.run-in \{ font-family: report-latin, "楷体_GB2312"/);
    expect(css).toMatch(/\.report strong \{[^}]*font-weight: bold; \}/);
    expect(css).toMatch(/\.report h2 \{ font-family: report-latin, "黑体"/);
    expect(css).toContain('@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }');
  });

  it('turns the Markdown attributes into classes and the headings into h1–h3', () => {
    expect(html).toContain('<main class="report">\n<h1>中国人民政治协商会议江北省云州市<br>第十届委员会常务委员会工作报告</h1>');
    expect(html).toContain('<p class="subtitle">——2024年1月8日在政协云州市第十届委员会第二次会议上</p>');
    expect(html).toContain('<p class="speaker">郭　伦</p>');
    expect(html).toContain('<p class="salutation">各位委员：</p>');
    expect(html).toContain('<h2>一、2023年工作回顾</h2>');
    expect(html).toContain('<h3>（一）坚持和加强党的全面领导</h3>');
    expect(html).toContain('<p><strong>强化理论武装。</strong>把学懂弄通');
    expect(html).toMatch(/<p><strong class="run-in">（一）[^<]*<\/strong>[^<]/);
    expect(html).toContain('<th>项目</th>');
    expect(html).toContain('<td style="text-align:right">25件次</td>');
    expect(html).not.toContain('{.');
  });

  it('escapes text, keeps raw HTML as text and runs no script from the data', () => {
    const evil = [
      '# 报告 <b>&</b> </title><script>alert(1)</script>',
      '',
      '<script>alert("x")</script>',
      '',
      '<img src=x onerror=alert(1)> 与 <a href="javascript:alert(1)">链接</a>',
      '',
      '[点这里](javascript:alert(1)) [网站](https://example.org/) ![图片说明](https://example.org/t.png)',
      '',
      '段落 {onclick="alert(1)" .ok style="color:red"}',
      '',
      '"引号" & \'单引号\' <风>',
    ].join('\n');
    const out = renderHtml(doc(evil, { title: '报告 <b>&</b> </title><script>alert(1)</script>' }));
    const tags = [...out.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
    expect(tags.filter((t) => /^<(script|img|a|b|iframe)\b/i.test(t))).toEqual([]);
    expect(tags.filter((t) => /\s(on\w+|href|src|style)=/i.test(t))).toEqual([]);
    expect(out).toContain('<title>报告 &lt;b&gt;&amp;&lt;/b&gt; &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out).toContain('[点这里](javascript:alert(1)) 网站 图片说明'); // not a link: markdown-it refuses javascript:
    expect(out).toContain('<p>段落</p>');
    expect(out).toContain('&quot;引号&quot; &amp; &#39;单引号&#39; &lt;风&gt;');
    expect(checkNesting(out)).toEqual([]);
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('joins lines of Chinese text without a space, Latin text with one', () => {
    const out = body('第一行的文字\n接着第二行。\n\nCPPCC annual\nwork report');
    expect(out).toContain('<p>第一行的文字接着第二行。</p>');
    expect(out).toMatch(/<p>CPPCC annual\swork report<\/p>/);
    expect(body('**导语。**\n正文')).toContain('<strong>导语。</strong>正文');
  });

  it('uses the document title, or 工作报告 when it has none', () => {
    expect(renderHtml(doc('正文。', { title: '工作报告 <草稿>' }))).toContain('<title>工作报告 &lt;草稿&gt;</title>');
    expect(renderHtml(doc('正文。', { title: '' }))).toContain('<title>工作报告</title>');
  });

  it('is deterministic: the same document gives the same bytes', () => {
    expect(renderHtml(doc(REPORT))).toBe(html);
  });
});

describe('renderHtml script', () => {
  it('declares zh-CN, or zh-TW with traditional-script fonts first for --script hant', () => {
    expect(renderHtml(doc('# 标题\n'))).toContain('<html lang="zh-CN">');
    const hant = renderHtml(doc('# 標題\n\n正文。\n', { script: 'hant' }));
    expect(hant).toContain('<html lang="zh-TW">');
    expect(hant).toMatch(/\.report p \{ font-family: report-latin, "方正仿宋繁体", "FZFangSong-Z02T"/);
    expect(hant).toMatch(/\.report h1 \{ font-family: report-latin, "方正小标宋繁体"/);
    expect(hant).not.toContain('"仿宋_GB2312"');
  });
});

describe('renderHtml print', () => {
  const css = /<style>([\s\S]*)<\/style>/.exec(renderHtml(doc(REPORT)))?.[1] ?? '';

  it('takes digits and Latin letters from Times New Roman, and nothing else', () => {
    expect(css).toContain('@font-face { font-family: report-latin; src: local("Times New Roman"), local("Liberation Serif")');
    expect(css).toMatch(/unicode-range: U\+0020-007E, U\+00A0-00B6, U\+00B8-00FF/);
  });

  it('numbers the printed pages "— 1 —", odd pages right and even pages left, one character in', () => {
    expect(css).toContain('@page :right { @bottom-right { content: "— " counter(page) " —"; font-family: "宋体"');
    expect(css).toMatch(/@page :left \{ @bottom-left \{[^}]*text-align: left;[^}]*padding-left: 14pt/);
  });

  it('keeps headings with what follows, repeats table headers and sets 28.95 pt lines, 28 characters', () => {
    expect(css).toMatch(/\.report h1, \.report h2, \.report h3, \.report h4, [^{]*\{ break-after: avoid; break-inside: avoid; \}/);
    expect(css).toContain('.report thead { display: table-header-group; }');
    expect(css).toContain('line-height: 28.95pt');
    expect(css).toContain('.report p { letter-spacing: -0.25pt; }');
    expect(css).not.toContain('text-wrap: balance');
  });

  it('sets a table with caption, header row, and figures centred', () => {
    const out = renderHtml(doc(REPORT));
    expect(out).toContain('<table>\n<caption>附表：2023年主要履职数据</caption>\n<thead><tr><th>项目</th><th>数量</th><th>说明</th></tr></thead>');
    expect(out).toContain('<td style="text-align:right">25件次</td>');
    const centred = renderHtml(doc('| 类别 | 件数 | 占比 |\n|---|---|---|\n| 经济 | 61 | 32.3% |\n'));
    expect(centred).toContain('<td>经济</td><td style="text-align:center">61</td><td style="text-align:center">32.3%</td>');
  });

  it('follows the house layout it is given', () => {
    const layout = { ...DEFAULT_LAYOUT, lineSpacingPt: 30 };
    expect(renderHtml(doc(REPORT), { layout })).toContain('line-height: 30pt');
  });
});
