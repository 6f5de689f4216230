/**
 * Prints the measured figures of every fixture report: DOCX through LibreOffice, and the PDF.
 *   npx tsx tests/write/measure-cli.ts [docx|pdf|html] [name…]
 */
import { writeFileSync } from 'node:fs';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { renderDocx } from '../../src/write/docx/render-docx.js';
import { docxToPdf, figures, measurePdf } from './measure.js';
import { REPORTS, reportDocument } from './reports.js';

const [what = 'docx', ...names] = process.argv.slice(2);
for (const report of REPORTS.filter((r) => names.length === 0 || names.includes(r.name))) {
  const doc = reportDocument(report);
  let pdf: Uint8Array;
  if (what === 'docx') {
    const docx = await renderDocx(doc, DEFAULT_LAYOUT);
    writeFileSync(`/tmp/measure-${report.name}.docx`, docx);
    pdf = docxToPdf(docx);
  } else {
    const { renderPdf } = await import('../../src/write/pdf/index.js');
    pdf = (await renderPdf(doc, DEFAULT_LAYOUT)).bytes;
  }
  writeFileSync(`/tmp/measure-${report.name}.${what}.pdf`, pdf);
  const f = figures(measurePdf(pdf, DEFAULT_LAYOUT));
  console.log(
    `${what} ${report.name}: ${f.pages} pages; lines on full pages ${[...new Set(f.fullPageLines)].join('/')}` +
      ` (${f.fullPageLines.join(',')}); full body lines ${f.fullLines}, of 28 ${f.lines28}; Chinese-only ${f.chineseLines}, of 28 ${f.chineseLines28}; hanging punctuation ${f.hanging}`,
  );
  for (const r of f.other) console.log(`   p${r.page} ${r.cells} ${r.text}`);
}
