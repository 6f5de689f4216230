/**
 * `report preview`: serves the HTML rendering of the report on http://127.0.0.1:<port>, renders it
 * again whenever the data or templates change (the watch loop of `build --watch`), and tells the
 * open pages to reload (Server-Sent Events on /events, answered by a small inline script that only
 * the preview page carries). When a render fails the page lists the problems instead — file, line,
 * column, code, message, the source line and the hint — until they are fixed. Nothing is written to
 * disk. Binds to 127.0.0.1 only and answers only requests addressed to it by that name or
 * "localhost".
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { decode } from '../load/decode.js';
import { readRegularFile } from '../load/files.js';
import { renderReportRun, type ReportRequest, type ReportRun } from '../pipeline.js';
import { figuresOfRecords } from '../stats/figures.js';
import { computeStats, formatValue } from '../stats/stats.js';
import { watchLoop, watchTargetsOf } from '../watch.js';
import { BuildSession } from '../session.js';
import { escapeHtml, htmlPage, renderHtmlBody } from '../write/html.js';

export interface RenderEvent {
  result: ReportRun;
  /** True when the page now shows the report, false when it shows the problems. */
  ok: boolean;
  first: boolean;
  changes: readonly string[];
  /** Changes with every render; the pages reload when it differs from theirs. */
  version: string;
}

export interface PreviewOptions extends ReportRequest {
  /** Port on 127.0.0.1; 0 or undefined picks a free one. */
  port?: number;
  signal: AbortSignal;
  debounceMs?: number;
  /** After each render (the first included), before the pages are told to reload. */
  onRender?: (event: RenderEvent) => void | Promise<void>;
  onRunError?: (error: unknown) => void;
  onWatchError?: (error: Error, folder: string) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  /** Resolves when the signal has aborted and the server has closed. */
  closed: Promise<void>;
}

const SEVERITY_WORD = { error: '错误', warning: '警告', info: '说明' } as const;

const PREVIEW_CSS = `
.preview-problems { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: 1rem; line-height: 1.6; }
.preview-problems h1 { font-family: inherit; font-size: 1.4rem; text-align: left; margin: 0 0 .3em; color: #a4000f; }
.preview-problems p { text-indent: 0; margin: 0 0 1em; }
.preview-problems ol { list-style: none; padding: 0; margin: 0; }
.preview-problems li { border-left: 4px solid #c9001a; background: #fff6f6; padding: .6em .9em; margin: 0 0 .8em; }
.preview-problems li.warning { border-color: #c27c00; background: #fffaf0; }
.preview-problems .where { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
.preview-problems .severity { font-weight: bold; color: #a4000f; margin: 0 .4em; }
.preview-problems li.warning .severity { color: #8a5800; }
.preview-problems pre.source { margin: .4em 0; padding: .3em .6em; background: #f4f4f4; white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: .85em; line-height: 1.5; }
.preview-problems pre.source .gutter { color: #888; }
.preview-problems pre.source mark { background: #ffd0d0; color: #a4000f; font-weight: bold; outline: 1px solid #c9001a; }
.preview-problems .hint { color: #225; }
.preview-warnings { position: sticky; bottom: 0; max-width: 40em; margin: 1rem auto 0; background: #fffaf0; border: 1px solid #e0b050; padding: .5em 1em; font-family: system-ui, sans-serif; font-size: .9rem; }
.preview-warnings summary { cursor: pointer; }
.preview-warnings .preview-problems li { margin: .4em 0; }
`.trim();

/** One figure a writer can cite, as the preview's list shows it. */
export interface FigureEntry {
  name: string;
  label: string;
  value: string;
}

const FIGURES_CSS = `
.preview-figures { position: fixed; top: .5rem; right: .5rem; z-index: 10; max-width: 32rem; background: #fff; border: 1px solid #bbb; box-shadow: 0 2px 8px rgba(0,0,0,.15);
  font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; font-size: .85rem; line-height: 1.4; }
.preview-figures summary { cursor: pointer; padding: .3em .8em; font-weight: bold; }
.preview-figures input { box-sizing: border-box; width: calc(100% - 1.6em); margin: 0 .8em .4em; padding: .3em; font: inherit; }
.preview-figures ol { list-style: none; margin: 0; padding: 0 .4em .4em; max-height: 60vh; overflow: auto; }
.preview-figures li { display: grid; grid-template-columns: 1fr auto; gap: .1em .6em; padding: .25em .4em; border-bottom: 1px solid #eee; cursor: copy; }
.preview-figures li:hover { background: #f0f6ff; }
.preview-figures .name { font-family: ui-monospace, Menlo, Consolas, monospace; color: #225; overflow-wrap: anywhere; }
.preview-figures .value { text-align: right; white-space: nowrap; }
.preview-figures .label { grid-column: 1 / 3; color: #555; }
.preview-figures .copied { background: #e6ffe6; }
`.trim();

/** The list of figures, searchable by name or Chinese label; a click copies the reference ({{name}}). */
function figuresPanel(figures: readonly FigureEntry[] | undefined, nonce: string): string {
  if (!figures || figures.length === 0) return '';
  // JSON inside <script> must not close the element: “<” is written as \u003c.
  const data = JSON.stringify(figures).replace(/</g, '\\u003c');
  return `<details class="preview-figures"><summary>可引用的数字（${figures.length}）</summary>
<input type="search" placeholder="按名称或说明查找，如：满意、proposals.total" aria-label="查找数字"><ol></ol></details>
<script nonce="${nonce}">
(() => {
  const figures = ${data};
  const panel = document.querySelector('.preview-figures');
  const list = panel.querySelector('ol');
  const input = panel.querySelector('input');
  const show = () => {
    const words = input.value.trim().split(/\\s+/).filter(Boolean);
    list.replaceChildren(...figures
      .filter((f) => words.every((w) => f.name.includes(w) || f.label.includes(w)))
      .slice(0, 300)
      .map((f) => {
        const li = document.createElement('li');
        li.title = '点击复制 {{' + f.name + '}}';
        for (const [cls, text] of [['name', f.name], ['value', f.value], ['label', f.label]]) {
          const span = document.createElement('span');
          span.className = cls;
          span.textContent = text;
          li.append(span);
        }
        li.addEventListener('click', () => {
          navigator.clipboard?.writeText('{{' + f.name + '}}');
          li.classList.add('copied');
          setTimeout(() => li.classList.remove('copied'), 600);
        });
        return li;
      }));
  };
  input.addEventListener('input', show);
  show();
})();
</script>`;
}

/** The reload script: only the preview pages carry it. */
function reloadScript(version: string, nonce: string): string {
  return `<script nonce="${nonce}">
(() => {
  const version = ${JSON.stringify(version)};
  const events = new EventSource('/events');
  events.addEventListener('version', (e) => { if (e.data !== version) { events.close(); location.reload(); } });
})();
</script>`;
}

/** The offending source line, its column marked (<mark>), as HTML; undefined when unavailable. */
function sourceLine(d: Diagnostic, cwd: string): string | undefined {
  if (!d.file || d.line === undefined || d.sheet !== undefined) return undefined;
  try {
    const read = readRegularFile(path.resolve(cwd, d.file), 16 * 1024 * 1024);
    if (!read.ok) return undefined;
    const decoded = decode(read.bytes);
    if (decoded.error !== undefined) return undefined;
    const line = decoded.text.split(/\r?\n/)[d.line - 1];
    if (line === undefined) return undefined;
    const chars = [...line];
    const at = Math.min(Math.max(0, (d.column ?? 1) - 1), chars.length);
    const marked = chars[at] === undefined ? '<mark> </mark>' : `<mark>${escapeHtml(chars[at]!)}</mark>`;
    return `<span class="gutter">${d.line} │ </span>${escapeHtml(chars.slice(0, at).join(''))}${marked}${escapeHtml(chars.slice(at + 1).join(''))}`;
  } catch {
    return undefined;
  }
}

/** The problems as an HTML list. */
export function problemsHtml(diagnostics: readonly Diagnostic[], cwd: string): string {
  const items = diagnostics.map((d) => {
    const where = d.file ? (d.sheet !== undefined ? `${d.file}［${d.sheet}］第${d.line ?? ''}行 ${(d.cell ?? '').replace(/\d+$/, '')}列` : `${d.file}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}`) : '';
    const source = sourceLine(d, cwd);
    return [
      `<li class="${d.severity}">`,
      `<div class="where">${where ? `<span class="location">${escapeHtml(where)}</span>` : ''}<span class="severity">${SEVERITY_WORD[d.severity]}</span><span class="code">${escapeHtml(d.code)}</span></div>`,
      `<div class="message">${escapeHtml(d.message)}</div>`,
      ...(source ? [`<pre class="source">${source}</pre>`] : []),
      ...(d.hint ? [`<div class="hint">提示：${escapeHtml(d.hint)}</div>`] : []),
      '</li>',
    ].join('\n');
  });
  return `<ol>\n${items.join('\n')}\n</ol>`;
}

/**
 * The preview page for one render: the report, or the problems that stop it. Made once per render
 * (source lines are quoted as they were); each response adds the reload script with its own nonce.
 */
export function previewPage(result: ReportRun, version: string, cwd: string, figures?: readonly FigureEntry[]): { ok: boolean; html: (nonce: string) => string } {
  const extraHead = `<style>\n${PREVIEW_CSS}\n${FIGURES_CSS}\n</style>`;
  const ok = result.report !== undefined && !hasErrors(result.diagnostics);
  if (ok) {
    const warnings = result.diagnostics;
    const banner = warnings.length
      ? `<details class="preview-warnings"><summary>${warnings.length} 个警告（不影响生成）</summary><div class="preview-problems">${problemsHtml(warnings, cwd)}</div></details>\n`
      : '';
    const { document, layout } = result.report!;
    const author = document.meta.author;
    const title = document.meta.title;
    const body = renderHtmlBody(document, layout);
    const parts = { title: title ?? '工作报告', body, ...(author ? { author } : {}), extraHead };
    return { ok, html: (nonce) => htmlPage({ ...parts, extraBody: banner + figuresPanel(figures, nonce) + reloadScript(version, nonce) }) };
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const body = [
    '<section class="preview-problems">',
    `<h1>报告未能生成：${errors} 个错误</h1>`,
    '<p>改正下列问题并保存，本页会自动刷新。</p>',
    problemsHtml(result.diagnostics, cwd),
    '</section>',
  ].join('\n');
  const title = `报告未能生成（${errors} 个错误）`;
  return { ok, html: (nonce) => htmlPage({ title, body, extraHead, extraBody: figuresPanel(figures, nonce) + reloadScript(version, nonce) }) };
}

/** The figures of the records, for the list on the page (none when the records cannot be counted). */
function figureEntries(request: ReportRequest): FigureEntry[] | undefined {
  if (request.dataDirs.length !== 1) return undefined;
  const of = figuresOfRecords(request);
  if (!('figures' in of)) return undefined;
  const stats = computeStats(of);
  return stats.rows.map((r) => ({ name: r.name, label: `${r.label}${r.unit ? `（${r.unit}）` : ''}${r.definition ? `＝${r.definition}` : ''}`, value: formatValue(r.kind, r.value, stats.digits) }));
}

const LOCAL_HOST = /^(127\.0\.0\.1|localhost)(:\d+)?$/i;

/** Starts the preview; resolves once the server listens and the first render is done. */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const { signal, port = 0, debounceMs, onRender, onRunError, onWatchError, ...pipeline } = options;
  const cwd = pipeline.cwd;
  const instance = randomBytes(4).toString('hex');
  let count = 0;
  let version = `${instance}-0`;
  /** The current page, given the response's script nonce. */
  let page = (nonce: string) => htmlPage({ title: '正在生成……', body: '<p>正在生成报告……</p>', extraBody: reloadScript(`${instance}-0`, nonce) });
  const clients = new Set<ServerResponse>();

  const send = (res: ServerResponse) => res.write(`event: version\ndata: ${version}\n\n`);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host ?? '';
    if (!LOCAL_HOST.test(host)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('只接受发往 127.0.0.1 或 localhost 的请求。\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('只支持 GET。\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write('retry: 500\n\n');
      send(res);
      clients.add(res);
      res.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const nonce = randomBytes(12).toString('base64');
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      });
      res.end(req.method === 'HEAD' ? undefined : page(nonce));
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到。预览页面在 / 。\n');
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => clients.forEach((res) => res.write(': ping\n\n')), 20_000);
  heartbeat.unref();

  // As in build --watch: a term report is named by its years, otherwise the first year found stays.
  let year = pipeline.range ? undefined : pipeline.year;
  const session = new BuildSession();
  let first = true;
  let firstDone!: () => void;
  const firstRender = new Promise<void>((resolve) => (firstDone = resolve));
  const loop = watchLoop({
    ...watchTargetsOf(pipeline, year),
    cwd,
    signal,
    ...(debounceMs !== undefined ? { debounceMs } : {}),
    ...(onRunError ? { onRunError } : {}),
    ...(onWatchError ? { onWatchError } : {}),
    run: async (changes) => {
      try {
        const result = await renderReportRun({ ...pipeline, session, ...(year !== undefined ? { year } : {}) });
        session.settle();
        if (!pipeline.range) year ??= result.plan?.year;
        count += 1;
        version = `${instance}-${count}`;
        const next = previewPage(result, version, cwd, figureEntries(pipeline));
        page = next.html;
        const event: RenderEvent = { result, ok: next.ok, first, changes, version };
        first = false;
        await onRender?.(event);
        for (const res of clients) send(res);
        return result.plan;
      } finally {
        firstDone();
      }
    },
  });

  const closed = loop
    .finally(() => firstDone())
    .finally(async () => {
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    });
  // Errors from the loop surface through `closed`; keep them from being unhandled meanwhile.
  closed.catch(() => undefined);
  await Promise.race([firstRender, closed]);
  return { url: `http://127.0.0.1:${actualPort}/`, port: actualPort, closed };
}
