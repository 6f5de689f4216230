// Every punctuation mark of each report survives LibreOffice's layout of the DOCX: the PDF it
// makes (pdftotext) holds the marks of report.md in order, none lost, and no line starts with a
// closing mark; simplified and traditional script. Skipped, saying why, without LibreOffice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/write/docx/index.js';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { docxToPdf, hasCommand, hasTimesMetrics } from '../write/measure.js';
import { lostMarks } from '../write/pages.js';
import { REPORTS, reportDocument } from '../write/reports.js';

const skip = !(hasCommand('soffice') && hasCommand('pdftotext'))
  ? 'LibreOffice (soffice) or pdftotext is not installed'
  : !hasTimesMetrics()
    ? 'no face with Times New Roman metrics (fonts-liberation2) for LibreOffice'
    : undefined;
if (skip) console.warn(`tests/docx/punctuation.test.ts skipped: ${skip}`);

const CLOSING_START = /^[，。、；：？！”’）》」』]/u;

function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-punct-'));
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(skip)('the DOCX in LibreOffice: punctuation', () => {
  it('finds a lost mark when there is one (the check itself)', () => {
    expect(lostMarks('领导下，在市人大。', '领导下在市人大。')).toEqual(['领导下，']);
    expect(lostMarks('领导下，在市人大。', '领导下，\n在市人大。')).toEqual([]);
  });

  for (const report of REPORTS) {
    it(`${report.name}: every mark of report.md in LibreOffice's PDF, in order; no line starts with a closing mark`, { timeout: 180_000 }, async () => {
      const doc = reportDocument(report);
      const text = pdfText(docxToPdf(await renderDocx(doc, DEFAULT_LAYOUT)));
      const source = doc.blocks
        .flatMap((b) => (b.type === 'paragraph' ? [b.inlines] : [b.caption ?? [], ...[b.header, ...b.rows].flat().map((c) => c.inlines)]))
        .flat()
        .map((i) => (i.type === 'text' ? i.text : ''))
        .join('\n');
      expect(lostMarks(source, text)).toEqual([]);
      const starts = text.split('\n').filter((l) => CLOSING_START.test(l.trim()));
      expect(starts).toEqual([]);
    });
  }
});
