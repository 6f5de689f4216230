/**
 * Writes tests/fixtures/spreadsheets/ledger-libreoffice.{xlsx,xls}: a small 提案 ledger as a
 * program other than ours saves it (LibreOffice Calc: its own styles, theme, document properties,
 * a real BIFF8 .xls), with a merged title row above the header and dates in 年月日 format.
 * Needs `soffice` (Debian: libreoffice-calc-nogui). Run: npx tsx scripts/generate-spreadsheet-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';

const rows: unknown[][] = [
  ['2023年提案台账'],
  ['提案号', '案由', '第一提案人', '提交日期', '重点提案', '联名人数', '承办单位', '审查意见'],
  ['P2023-001', '关于加快老旧小区改造的建议', '张三', new Date(Date.UTC(2023, 0, 6)), '是', 3, '市住建局、市财政局', '立案'],
  ['P2023-002', '关于推进乡村振兴产业发展的建议', '李四', new Date(Date.UTC(2023, 1, 28)), '否', 0, '市农业农村局', '立案'],
  [12, '关于完善养老服务体系的建议', '王五', new Date(Date.UTC(2023, 11, 31)), '√', 5, '市民政局', '并案'],
];
const sheet = XLSX.utils.aoa_to_sheet(rows, { UTC: true, dateNF: 'yyyy"年"m"月"d"日"' });
sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 7 } }];
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, sheet, '提案台账');
const work = mkdtempSync(path.join(tmpdir(), 'ledger-'));
const source = path.join(work, 'ledger-libreoffice.ods');
writeFileSync(source, XLSX.write(book, { type: 'buffer', bookType: 'ods' }));
const out = path.resolve('tests/fixtures/spreadsheets');
for (const [ext, filter] of [['xlsx', 'xlsx:Calc MS Excel 2007 XML'], ['xls', 'xls:MS Excel 97']]) {
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', filter!, '--outdir', work, source], { env: { ...process.env, HOME: work }, stdio: 'ignore' });
  copyFileSync(path.join(work, `ledger-libreoffice.${ext}`), path.join(out, `ledger-libreoffice.${ext}`));
}
console.log(`written to ${out}`);
