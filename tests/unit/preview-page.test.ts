import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { PipelineResult } from '../../src/pipeline.js';
import { previewPage, problemsHtml } from '../../src/preview/server.js';
import { tempDir } from '../helpers/fixture.js';

describe('the preview page', () => {
  it('lists problems with location, code, message, the marked source line and the hint, all escaped', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'data', '2023'), { recursive: true });
    await writeFile(path.join(cwd, 'data', '2023', 'narrative.yaml'), 'narrative:\n  opening: 见<b>{{x}}</b>\n');
    const d: Diagnostic = {
      code: 'RPT401', severity: 'error', file: 'data/2023/narrative.yaml', line: 2, column: 16,
      message: '引用的数字或字段“x<script>”不存在', hint: '用 <名称> & 其他',
    };
    const html = problemsHtml([d, { code: 'RPT313', severity: 'warning', message: '没有位置' }], cwd);
    expect(html).toContain('<li class="error">\n<div class="where"><span class="location">data/2023/narrative.yaml:2:16</span><span class="severity">错误</span><span class="code">RPT401</span></div>');
    expect(html).toContain('<div class="message">引用的数字或字段“x&lt;script&gt;”不存在</div>');
    expect(html).toContain('<pre class="source"><span class="gutter">2 │ </span>  opening: 见&lt;b&gt;<mark>{</mark>{x}}&lt;/b&gt;</pre>');
    expect(html).toContain('<div class="hint">提示：用 &lt;名称&gt; &amp; 其他</div>');
    expect(html).toContain('<li class="warning">\n<div class="where"><span class="severity">警告</span><span class="code">RPT313</span></div>');
    expect(html).not.toContain('<script');
  });

  it('carries the reload script with the response’s nonce, which the published page never has', () => {
    const result: PipelineResult = { year: 2023, diagnostics: [], markdown: '# 报告\n\n正文。\n' };
    const page = previewPage(result, 'abc-3', '/');
    expect(page.ok).toBe(true);
    const html = page.html('N0nce');
    expect(html).toContain('<script nonce="N0nce">');
    expect(html).toContain('const version = "abc-3";');
    expect(html).toContain("new EventSource('/events')");
    expect(html.indexOf('<script')).toBeGreaterThan(html.indexOf('</main>'));
    expect(html).toContain('<title>报告</title>');
    const failed = previewPage({ year: 2023, diagnostics: [{ code: 'RPT401', severity: 'error', message: '错' }] }, 'abc-4', '/');
    expect(failed.ok).toBe(false);
    expect(failed.html('n')).toContain('<h1>报告未能生成：1 个错误</h1>');
  });
});
