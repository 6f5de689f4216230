/** The rendered (marked) reports saved from the CLI as fixtures, as report documents: the bundled
 * year, examples/panjin-2022 and the term example, in simplified and traditional script. Saved,
 * not built, so the writers' tests do not depend on the data model or the CLI. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentTitle, parseReportMarkdown, type DocumentMeta, type ReportDocument } from '../../src/write/document.js';

interface Fixture {
  name: string;
  file: string;
  author: string;
  date: string;
  script: DocumentMeta['script'];
}

export const REPORTS: Fixture[] = [
  { name: 'bundled-2023', file: 'bundled-2023.md', author: '中国人民政治协商会议江北省云州市委员会', date: '2024-01-08', script: 'hans' },
  { name: 'bundled-2023.hant', file: 'bundled-2023.hant.md', author: '中國人民政治協商會議江北省雲州市委員會', date: '2024-01-08', script: 'hant' },
  { name: 'panjin-2022', file: 'panjin-2022.md', author: '中国人民政治协商会议辽宁省盘锦市委员会', date: '2023-01-03', script: 'hans' },
  { name: 'panjin-2022.hant', file: 'panjin-2022.hant.md', author: '中國人民政治協商會議遼寧省盤錦市委員會', date: '2023-01-03', script: 'hant' },
  { name: 'term-2018-2022', file: 'term-2018-2022.md', author: '中国人民政治协商会议青溪市柳塘区委员会', date: '2023-01-10', script: 'hans' },
  { name: 'term-2018-2022.hant', file: 'term-2018-2022.hant.md', author: '中國人民政治協商會議青溪市柳塘區委員會', date: '2023-01-10', script: 'hant' },
];

export function reportMarkdown(f: Fixture): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/docx/${f.file}`, import.meta.url)), 'utf8');
}

export function reportDocument(f: Fixture): ReportDocument {
  const blocks = parseReportMarkdown(reportMarkdown(f));
  return { blocks, meta: { title: documentTitle(blocks) ?? f.author, author: f.author, date: f.date, script: f.script } };
}
