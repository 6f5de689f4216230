// The PDF writer: measured as a reader would (pdftotext -bbox-layout), 22 lines on every full page
// and 28 characters on every full line; fonts found and reported; tables; text never read as code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReportMarkdown, type ReportDocument } from '../../src/write/document.js';
import { layoutForScript } from '../../src/write/docx/fonts.js';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { typographicFamily } from '../../src/write/pdf/font-names.js';
import { ENGINE_SERIF, PdfError, renderPdf, resolveFonts } from '../../src/write/pdf/index.js';
import { str } from '../../src/write/pdf/typst-source.js';
import { figures, hasCommand, measurePdf } from './measure.js';
import { pageLines } from './pages.js';
import { REPORTS, reportDocument } from './reports.js';

const engine = await import('@myriaddreamin/typst-ts-node-compiler').then(
  () => undefined,
  (e: unknown) => `the Typst compiler does not load on this platform (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
);
const noPdftotext = hasCommand('pdftotext') ? undefined : 'pdftotext (poppler-utils) is not installed';
const skip = engine ?? noPdftotext;
if (skip) console.warn(`tests/write/pdf.test.ts skipped: ${skip}`);

const NOTO = '/usr/share/fonts/opentype/noto';
const hasNoto = hasCommand('fc-list') && resolveFonts(DEFAULT_LAYOUT, 'hans', [NOTO]).fonts.size > 0;

/** A font file with nothing but a name table (Windows, Unicode BMP): enough to be found by name. */
function fontWithNames(names: [language: number, family: string][]): Buffer {
  const strings = names.map(([, n]) => Buffer.from(n, 'utf16le').swap16());
  const table = Buffer.alloc(6 + 12 * names.length);
  table.writeUInt16BE(0, 0);
  table.writeUInt16BE(names.length, 2);
  table.writeUInt16BE(table.length, 4);
  let at = 0;
  names.forEach(([language], i) => {
    const r = 6 + i * 12;
    [3, 1, language, 1, strings[i]!.length, at].forEach((v, k) => table.writeUInt16BE(v, r + k * 2));
    at += strings[i]!.length;
  });
  const name = Buffer.concat([table, ...strings]);
  const head = Buffer.alloc(12 + 16);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt16BE(1, 4);
  head.write('name', 12, 'latin1');
  head.writeUInt32BE(28, 20);
  head.writeUInt32BE(name.length, 24);
  return Buffer.concat([head, name]);
}

const doc = (markdown: string): ReportDocument => ({
  blocks: parseReportMarkdown(markdown),
  meta: { title: '测试', author: '政协云州市委员会', date: '2024-01-08', script: 'hans' },
});

describe.skipIf(skip)('renderPdf: the page, measured', () => {
  for (const report of REPORTS) {
    it(`${report.name}: 22 lines on every full page, 28 characters on every full line`, async () => {
      const { bytes } = await renderPdf(reportDocument(report), DEFAULT_LAYOUT);
      const f = figures(measurePdf(bytes, DEFAULT_LAYOUT));
      expect(f.pages).toBeGreaterThan(5);
      expect(new Set(f.fullPageLines)).toEqual(new Set([22]));
      expect(f.fullLines).toBeGreaterThan(90);
      // Every full line is full to 28; the rare exception is a line whose end the measure cannot
      // read exactly (a hanging mark next to a number): at most 2 in a report.
      expect(f.fullLines - f.lines28, f.other.map((r) => `${r.cells} ${r.text}`).join('\n')).toBeLessThanOrEqual(2);
      expect(f.chineseLines28).toBeGreaterThanOrEqual(f.chineseLines - 1);
    });
  }
});

describe.skipIf(skip)('renderPdf: the line pitch', () => {
  for (const report of REPORTS) {
    it(`${report.name}: consecutive body lines 28.95 pt apart (or whole lines more), also after a hanging mark`, async () => {
      const { bytes } = await renderPdf(reportDocument(report), DEFAULT_LAYOUT);
      const pitch = DEFAULT_LAYOUT.lineSpacingPt;
      const off: string[] = [];
      let hangingBefore = 0;
      for (const page of pageLines(bytes)) {
        // Lines whose Chinese is in the body's size (16 pt boxes), on the body's grid.
        const body = page.filter((l) => Math.abs(l.cjkHeight - 16) < 1);
        for (let i = 1; i < body.length; i++) {
          const gap = body[i]!.bottom - body[i - 1]!.bottom;
          const lines = Math.max(1, Math.round(gap / pitch));
          if (Math.abs(gap - lines * pitch) > 0.5) off.push(`${gap.toFixed(2)} ${body[i - 1]!.text} | ${body[i]!.text}`);
          if (/[，。、；：？！]$/.test(body[i - 1]!.text) && body[i - 1]!.xMax > 520) hangingBefore++;
        }
      }
      expect(off).toEqual([]);
      // The lines after hanging marks were among those measured.
      expect(hangingBefore).toBeGreaterThan(3);
    });
  }
});

describe.skipIf(skip)('renderPdf: fonts, properties, tables', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('embeds its fonts and reports each official font that is missing with its substitute', async () => {
    const { bytes, missingFonts } = await renderPdf(doc('# 标题\n\n正文2024年。\n'), DEFAULT_LAYOUT);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    if (hasNoto) {
      // On a machine with only the open fonts: every Chinese official font is reported.
      expect(missingFonts.map((m) => m.font)).toEqual(expect.arrayContaining(['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312', '黑体', '宋体']));
      expect(missingFonts.find((m) => m.font === '仿宋_GB2312')?.substitute).toBe('Noto Serif CJK SC');
      expect(missingFonts.find((m) => m.font === '黑体')?.substitute).toBe('Noto Sans CJK SC');
      // Which styles got the substitute, said in the warning.
      expect(missingFonts.find((m) => m.font === '黑体')?.styles).toBe('一级标题、表题、附件标识');
    }
  });

  it.skipIf(!hasNoto)('takes traditional-script fonts for --script hant', () => {
    const { missing } = resolveFonts(layoutForScript(DEFAULT_LAYOUT, 'hant'), 'hant', [NOTO]);
    expect(missing.find((m) => m.font === '仿宋_GB2312')).toBeUndefined();
    expect(missing.find((m) => m.font === '方正仿宋繁体')?.substitute).toBe('Noto Serif CJK TC');
  });

  it.skipIf(!hasNoto)('sets Latin text in the engine’s own serif when no face of the Times New Roman chain is installed', () => {
    const { fonts } = resolveFonts(DEFAULT_LAYOUT, 'hans', [NOTO]);
    // Never a Chinese font's proportional digits, nor whatever Latin face happens to be installed.
    expect(fonts.get('Times New Roman')).toMatchObject({ family: ENGINE_SERIF, files: [] });
  });

  it('finds an official font by its Chinese name and names it to Typst by its English one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'report-fonts-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'simfang.ttf'), fontWithNames([[0x409, 'FangSong_GB2312'], [0x804, '仿宋_GB2312']]));
    const { fonts, missing } = resolveFonts({ ...DEFAULT_LAYOUT, fontFallbacks: {} }, 'hans', [dir]);
    expect(fonts.get('仿宋_GB2312')).toMatchObject({ used: '仿宋_GB2312', family: 'FangSong_GB2312', hasBold: false });
    expect(missing.map((m) => m.font)).not.toContain('仿宋_GB2312');
    // 楷体_GB2312 is not there: it falls back to what is (any Chinese font), and is reported.
    expect(missing).toContainEqual({ font: '楷体_GB2312', substitute: expect.any(String), styles: '副标题、报告人、二级标题、段内标题' });
    expect(typographicFamily('Noto Sans CJK SC Bold')).toBe('Noto Sans CJK SC');
    expect(typographicFamily('FangSong_GB2312')).toBe('FangSong_GB2312');
  });

  it('ends in a clear error when no Chinese font at all is installed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'report-nofonts-'));
    dirs.push(dir);
    expect(() => resolveFonts(DEFAULT_LAYOUT, 'hans', [dir])).toThrow(PdfError);
    try {
      resolveFonts(DEFAULT_LAYOUT, 'hans', [dir]);
    } catch (e) {
      expect((e as PdfError).reason).toBe('no-cjk-font');
    }
  });

  it('gives the same bytes for the same document, in any time zone', async () => {
    const d = reportDocument(REPORTS[4]!);
    const a = await renderPdf(d, DEFAULT_LAYOUT);
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const b = await renderPdf(d, DEFAULT_LAYOUT);
      expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    } finally {
      process.env.TZ = tz;
    }
  });

  it('reads text only as text: quotes, backslashes, # and brackets stay what they are', async () => {
    const text = '他说："#set page(width: 1pt)" \\ ] [ $x$ @ref <label> `code` *强调* _下划线_';
    const { bytes } = await renderPdf(doc(`正文 ${text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)}`), DEFAULT_LAYOUT);
    const f = measurePdf(bytes, DEFAULT_LAYOUT);
    expect(f.pages).toBe(1);
    // (pdftotext's words are joined without their spaces here)
    expect(f.rows.map((r) => r.text).join('')).toContain('"#setpage(width:1pt)"\\][$x$@ref<label>`code`*强调*_下划线_');
    expect(str('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('sets a statistics table with its caption, and repeats the header row on every page it runs onto', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `| 类别${i + 1} | ${i + 10} | ${(i / 3).toFixed(1)}% |`).join('\n');
    const { bytes } = await renderPdf(doc(`提案分类统计表 {.caption}\n\n| 类别 | 件数 | 占比 |\n|---|---|---|\n${rows}\n`), DEFAULT_LAYOUT);
    const m = measurePdf(bytes, DEFAULT_LAYOUT);
    expect(m.pages).toBeGreaterThanOrEqual(2);
    const pageTexts = Array.from({ length: m.pages }, (_, p) => m.rows.filter((r) => r.page === p + 1).map((r) => r.text));
    expect(pageTexts[0]![0]).toBe('提案分类统计表');
    for (const page of pageTexts) expect(page.find((t) => t.startsWith('类别'))).toBe('类别件数占比');
  });
});

describe('pdfFor', () => {
  it('turns a missing engine, a missing Chinese font and a failed compile into diagnostics', async () => {
    const { pdfFor } = await import('../../src/write/pdf/output.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'report-nofonts-'));
    try {
      const { content, diagnostics } = await pdfFor(doc('正文。'), DEFAULT_LAYOUT, { fontDirs: [dir] });
      expect(content).toBeUndefined();
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'RPT612', severity: 'error' })]);
      expect(diagnostics[0]!.message).toMatch(/^无法生成 PDF：本机没有任何中文字体/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(skip)('warns (RPT611) for each official font it replaced', async () => {
    const { pdfFor } = await import('../../src/write/pdf/output.js');
    const { content, diagnostics } = await pdfFor(doc('正文。'), DEFAULT_LAYOUT);
    expect(content).toBeDefined();
    for (const d of diagnostics) expect(d).toMatchObject({ code: 'RPT611', severity: 'warning' });
  });
});
