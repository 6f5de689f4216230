import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { DEFAULT_LAYOUT } from './src/write/docx/layout.js';
import { renderDocx } from './src/write/docx/render-docx.js';
import { docxToPdf } from './tests/write/measure.js';
import { REPORTS, reportDocument, reportMarkdown } from './tests/write/reports.js';
const PUNCT = /[，。、；：？！“”‘’（）《》—…]/gu;
for (const r of REPORTS.filter((r) => process.argv.slice(2).includes(r.name))) {
  const pdf = docxToPdf(await renderDocx(reportDocument(r), DEFAULT_LAYOUT));
  writeFileSync(`/tmp/lo-${r.name}.pdf`, pdf);
  const text = execFileSync('pdftotext', [`/tmp/lo-${r.name}.pdf`, '-'], { encoding: 'utf8' });
  const want = reportMarkdown(r);
  // align: walk the md's CJK+punct chars against the pdf's
  const clean = (s: string) => [...s].filter((c) => /[\u4e00-\u9fff，。、；：？！“”‘’（）《》—…]/u.test(c));
  const a = clean(want), b = clean(text);
  let i = 0, j = 0, lost = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (PUNCT.test(a[i]!)) { PUNCT.lastIndex = 0; console.log(r.name, 'lost', a[i], a.slice(Math.max(0, i - 12), i + 6).join('')); lost++; i++; continue; }
    PUNCT.lastIndex = 0;
    // resync: skip in b
    j++;
  }
  console.log(r.name, 'lost', lost);
  const lines = text.split('\n').filter((l) => /^[，。、；：？！”’）》]/.test(l.trim()));
  console.log('lines starting with closing punct', lines.length, lines.slice(0, 5));
}
