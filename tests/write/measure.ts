/**
 * Measuring pages as a reader would: a PDF's text read back with `pdftotext -bbox-layout`
 * (poppler), lines counted per page and characters per full body line. A DOCX is measured through
 * LibreOffice (`soffice --headless --convert-to pdf`). Used by the tests and by measure-cli.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Layout } from '../../src/domain/layout.js';
import { isWide } from '../../src/write/docx/title-break.js';
import { NARROW } from '../../src/write/pdf/line-break.js';

const MM = 72 / 25.4;

export const hasCommand = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Converts DOCX bytes to PDF bytes with LibreOffice, in a throwaway profile of its own (so a
 * LibreOffice the user has open, or another test converting at the same time, does not interfere).
 * A first start that only creates the profile and exits without converting is retried. */
export function docxToPdf(docx: Uint8Array): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-lo-'));
  try {
    writeFileSync(path.join(dir, 'report.docx'), docx);
    const out = path.join(dir, 'report.pdf');
    let detail = '';
    for (let attempt = 0; attempt < 3 && !existsSync(out); attempt++) {
      const run = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--nolockcheck', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')],
        { encoding: 'utf8', timeout: 180_000, env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' } },
      );
      detail = `${run.error?.message ?? ''} status ${run.status} ${run.stderr ?? ''}`.trim();
    }
    if (!existsSync(out)) throw new Error(`LibreOffice made no PDF: ${detail}`);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a face with Times New Roman's metrics is installed for LibreOffice to put in its place
 * (Liberation Serif, Tinos, or the font itself); without one the DOCX's digits are set in a wider
 * face and its lines cannot be measured against the grid. */
export const hasTimesMetrics = (): boolean =>
  hasCommand('fc-list') && /Times New Roman|Liberation Serif|Tinos/.test(spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' }).stdout ?? '');

interface Word {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

export interface Row {
  page: number;
  xMin: number;
  xMax: number;
  text: string;
  /** Width in character cells: full-width characters 1, digits ½, others their Times width in em. */
  cells: number;
  /** A full line of body text: justified from the left edge (or the 2-character indent) to the right edge. */
  full: boolean;
  /** A punctuation mark hanging past the right edge (not counted in `cells`). */
  hanging: boolean;
  /** Cells of what starts the next line and may not be split: a number, ——, an opening mark
   * with the character after it. */
  nextUnit: number;
}

export interface Measure {
  pages: number;
  /** Text lines in the type area, per page. */
  linesPerPage: number[];
  rows: Row[];
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Reads a PDF's words per page and measures its lines against the layout's type area. */
export function measurePdf(pdf: Uint8Array, layout: Layout): Measure {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-measure-'));
  let xml: string;
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    xml = execFileSync('pdftotext', ['-bbox-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const m = layout.page.marginsMm;
  const left = m.left * MM;
  const right = (layout.page.widthMm - m.right) * MM;
  const top = m.top * MM;
  const bottom = (layout.page.heightMm - m.bottom) * MM;
  const em = layout.paragraphs.body.sizePt;
  const pages = xml.split('<page ').slice(1);
  const linesPerPage: number[] = [];
  const rows: Row[] = [];
  pages.forEach((page, p) => {
    const words: Word[] = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((w) => ({ xMin: +w[1]!, yMin: +w[2]!, xMax: +w[3]!, yMax: +w[4]!, text: unescape(w[5]!) }))
      .filter((w) => w.yMin >= top - 4 && w.yMax <= bottom + 4);
    // Words on one baseline make a row (pdftotext may split a line into several blocks).
    const byLine: Word[][] = [];
    for (const w of [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
      const last = byLine[byLine.length - 1];
      if (last && Math.abs(last[0]!.yMax - w.yMax) < 4) last.push(w);
      else byLine.push([w]);
    }
    // Lines on the page's grid: from the first baseline to the last in steps of the line spacing,
    // so that the blank line after the title counts as one.
    const baselines = byLine.map((l) => l[0]!.yMax);
    linesPerPage.push(baselines.length === 0 ? 0 : Math.round((baselines[baselines.length - 1]! - baselines[0]!) / layout.lineSpacingPt) + 1);
    for (const line of byLine) {
      line.sort((a, b) => a.xMin - b.xMin);
      const text = line.map((w) => w.text).join('');
      const xMin = line[0]!.xMin;
      const xMax = Math.max(...line.map((w) => w.xMax));
      const gaps = line.slice(1).map((w, i) => w.xMin - line[i]!.xMax);
      const indented = Math.abs(xMin - (left + 2 * em)) < 2;
      const startsAtEdge = Math.abs(xMin - left) < 2 || indented;
      const full = startsAtEdge && xMax >= right - 0.6 * em && gaps.every((g) => g < 0.75 * em);
      const chars = [...text];
      // Hanging: the last mark starts at or past the right edge (a mark squeezed into the line
      // starts well inside it, though its full-width box may reach past the edge).
      const hanging = xMax > right + 0.6 * em && /[，。、；：？！）》”’]/.test(chars[chars.length - 1] ?? '');
      const counted = hanging ? chars.slice(0, -1) : chars;
      // A first line's two-character indent counts: the line holds 26 characters and the indent.
      const cells = counted.reduce((n, ch) => n + (isWide(ch) ? 1 : (NARROW[ch] ?? 0.5)), indented ? 2 : 0);
      rows.push({ page: p + 1, xMin, xMax, text, cells, full, hanging, nextUnit: 0 });
    }
  });
  rows.forEach((row, i) => {
    const next = rows[i + 1]?.text ?? '';
    // Closing marks go with the character before them (a line may not start with one).
    const unit = /^[（《“‘「『【〔]*(?:[0-9.,%]+|——|……|.)[，。、；：？！）》”’」』】〕]*/u.exec(next)?.[0] ?? '';
    row.nextUnit = [...unit].reduce((n, ch) => n + (isWide(ch) ? 1 : (NARROW[ch] ?? 0.5)), 0);
  });
  return { pages: pages.length, linesPerPage, rows };
}

export interface Figures {
  pages: number;
  /** Lines on each page but the last. */
  fullPageLines: number[];
  fullLines: number;
  /** Full lines of 28 cells (a little less when half-width characters leave less than a cell). */
  lines28: number;
  /** Full lines of Chinese only, and how many of them have exactly 28 characters (the others
   * are full to 28 because what comes next may not be split from its neighbour). */
  chineseLines: number;
  chineseLines28: number;
  hanging: number;
  /** Full lines that do not have 28 cells, for the report. */
  other: Row[];
}

export function figures(m: Measure, charsPerLine = 28): Figures {
  const full = m.rows.filter((r) => r.full);
  const chinese = full.filter((r) => [...r.text].slice(0, r.hanging ? -1 : undefined).every(isWide));
  // Full to 28: 28 characters of Chinese; with half-width characters (which take tracking too, so
  // a line may hold a little over 28 nominal cells), as much as fits before the next unbreakable
  // unit: a number, ——, or an opening mark with its character.
  const chineseOnly = (r: Row) => [...r.text].slice(0, r.hanging ? -1 : undefined).every(isWide);
  const ok = (r: Row) =>
    (chineseOnly(r) && r.cells === charsPerLine) || (r.cells <= charsPerLine + 0.15 && r.cells + r.nextUnit > charsPerLine + 0.15);
  const other = full.filter((r) => !ok(r));
  return {
    pages: m.pages,
    fullPageLines: m.linesPerPage.slice(0, -1),
    fullLines: full.length,
    lines28: full.filter(ok).length,
    chineseLines: chinese.length,
    chineseLines28: chinese.filter((r) => r.cells === charsPerLine).length,
    hanging: full.filter((r) => r.hanging).length,
    other,
  };
}
