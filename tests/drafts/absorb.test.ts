// The drafting cycle end to end, in-process: build the bundled 2023 report, edit its DOCX as Word
// saves it, absorb the edits into narrative.md, build again; the same edit saved by LibreOffice;
// an overtyped figure; and compare of two builds whose records differ by one proposal.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/drafts/absorb.js';
import { paragraphView, readDraft } from '../../src/drafts/read-docx.js';
import { readWorkbook, type CellValue } from '../../src/load/spreadsheet/index.js';
import { writeWorkbook } from '../../src/write/spreadsheet/write.js';
import { DATA, project } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';
import { hasCommand } from '../write/measure.js';
import * as W from './word-edits.js';

const noLibreOffice = hasCommand('soffice') ? undefined : 'LibreOffice (soffice) is not installed';
if (noLibreOffice) console.warn(`tests/drafts/absorb.test.ts: the LibreOffice round trips are skipped: ${noLibreOffice}`);

async function built(): Promise<{ cwd: string; docx: Uint8Array }> {
  const cwd = await project(DATA);
  const r = await report(['build', '2023', '--data', 'data', '--out', 'out'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return { cwd, docx: await readFile(path.join(cwd, 'out', '2023', 'report.docx')) };
}

/** The paragraphs as a reader sees them (pending changes not taken), normalised as the report prints prose. */
async function paragraphs(bytes: Uint8Array): Promise<string[]> {
  const draft = await readDraft(bytes);
  return draft.paragraphs.map((p) => normalise(paragraphView(p, false).text, p.heading)).filter(Boolean);
}

/** The reader's edits: a sentence rewritten around a figure, a paragraph added and one deleted, a heading renamed, an insertion left pending, a comment; then saved as Word saves. */
function edit(docx: Uint8Array, more: (xml: string) => string = (x) => x): Uint8Array {
  const parts = W.openDocx(docx);
  let x = parts['word/document.xml']!;
  x = W.replaceIn(x, 'rp0_2', '全年召开常委会议', '过去一年，市政协共召开常委会议');
  x = W.replaceIn(x, 'rp0_3', '坚持和加强党的全面领导', '坚持党的全面领导');
  x = W.insertAfter(x, 'rp0_1', W.plainParagraph('委员们积极建言献策，展现了新时代政协委员的担当。'));
  x = W.insertAfter(x, 'rp0_6', '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>加强自身建设。</w:t></w:r><w:r><w:t>机关干部队伍建设持续加强。</w:t></w:r></w:p>');
  x = W.removeParagraph(x, 'rp0_9');
  x = W.pendingInsertion(x, 'rp0_10', '（待议）', '张委员');
  // A paragraph moved (cut and pasted further on) and punctuation retyped half-width.
  const [ms, me] = W.paragraphOf(x, 'rp0_4');
  const moving = x.slice(ms, me);
  x = W.insertAfter(x.slice(0, ms) + x.slice(me), 'rp0_6', moving);
  x = W.replaceIn(x, 'rp0_12', '，', ', ');
  parts['word/document.xml'] = more(x);
  W.addComment(parts, 'rp0_5', '李主席', '这一句再斟酌');
  parts['word/document.xml'] = W.likeWord(parts['word/document.xml']!);
  return W.saveDocx(parts);
}

function libreOfficeSave(docx: Uint8Array, to: 'docx' | 'pdf'): Uint8Array {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-lo-'));
  try {
    writeFileSync(path.join(dir, 'draft.docx'), docx);
    const out = path.join(dir, 'out');
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', out, path.join(dir, 'draft.docx')], { stdio: 'ignore', timeout: 120_000 });
    return readFileSync(path.join(out, `draft.${to}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('report absorb', () => {
  it('brings a Word edit back into narrative.md: the rebuilt report says what the edited document says', { timeout: 120_000 }, async () => {
    const { cwd, docx } = await built();
    const edited = edit(docx);
    await writeFile(path.join(cwd, 'edited.docx'), edited);
    const before = await readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8');
    const dry = await report(['absorb', 'edited.docx', '2023', '--data', 'data', '--dry-run'], { cwd });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+## 坚持党的全面领导');
    expect(await readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8')).toBe(before);

    const r = await report(['absorb', 'edited.docx', '2023', '--data', 'data'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('□ 插入“（待议）”（张委员，2024-01-10）');
    expect(r.stdout).toContain('□ 李主席：这一句再斟酌（所在句：抓实理论学习。）');
    const narrative = await readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8');
    // The figures of the rewritten sentence are still cited by name.
    expect(narrative).toContain('过去一年，市政协共召开常委会议{{meetings.standingCommittee.count}}次、主席会议{{meetings.byKind.主席会议.count}}次');
    expect(narrative).not.toContain('（待议）');
    expect(narrative).not.toContain('为数字经济发展献良策');
    expect(narrative.indexOf('**扎实开展主题教育。**')).toBeGreaterThan(narrative.indexOf('**把牢政治方向。**'));
    expect(narrative).toContain('{{activities.study.parts.党组理论学习中心组专题学习会}}');
    expect(narrative).toContain('**加强自身建设。**机关干部队伍建设持续加强。');

    const again = await report(['build', '2023', '--data', 'data', '--out', 'out'], { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(await paragraphs(await readFile(path.join(cwd, 'out', '2023', 'report.docx')))).toEqual(await paragraphs(edited));
    const md = await readFile(path.join(cwd, 'out', '2023', 'report.md'), 'utf8');
    expect(md).toContain('委员们积极建言献策，展现了新时代政协委员的担当。');
    expect(md).toContain('（一）坚持党的全面领导');
    // Absorbing the rebuilt document changes nothing.
    const none = await report(['absorb', 'out/2023/report.docx', '2023', '--data', 'data'], { cwd });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('没有需要吸收的改动');
  });

  it.skipIf(noLibreOffice)('absorbs the same edit saved through LibreOffice to the same narrative.md', { timeout: 180_000 }, async () => {
    const word = await built();
    const office = await built();
    const edited = edit(word.docx);
    await writeFile(path.join(word.cwd, 'edited.docx'), edited);
    await writeFile(path.join(office.cwd, 'edited.docx'), libreOfficeSave(edited, 'docx'));
    for (const { cwd } of [word, office]) {
      const r = await report(['absorb', 'edited.docx', '2023', '--data', 'data'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('李主席：这一句再斟酌');
      expect(r.stdout).toContain('（待议）');
    }
    const read = (cwd: string) => readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8');
    expect(await read(office.cwd)).toBe(await read(word.cwd));
  });

  it('refuses an overtyped figure naming it; resolved to the records, a later record change shows inside the edited sentence', { timeout: 120_000 }, async () => {
    const { cwd, docx } = await built();
    const overtyped = edit(docx, (x) => W.replaceIn(x, 'rf0_2_0', '<w:t xml:space="preserve">7</w:t>', '<w:t xml:space="preserve">8</w:t>'));
    await writeFile(path.join(cwd, 'edited.docx'), overtyped);
    const narrative = path.join(cwd, 'data', '2023', 'narrative.md');
    const before = await readFile(narrative, 'utf8');
    const refused = await report(['absorb', 'edited.docx', '2023', '--data', 'data'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('RPT801 数字 {{meetings.standingCommittee.count}} 在文档中被改写了：记录算出的是 7，文档中写的是 8');
    expect(refused.stderr).toContain('过去一年，市政协共召开常委会议8次');
    expect(await readFile(narrative, 'utf8')).toBe(before);

    const kept = await report(['absorb', 'edited.docx', '2023', '--data', 'data', '--overtyped', 'records'], { cwd });
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toContain('RPT808');
    // One more standing committee meeting in the records: 8.
    const meetings = path.join(cwd, 'data', '2023', 'meetings.yaml');
    const yaml = await readFile(meetings, 'utf8');
    await writeFile(meetings, yaml.replace('  - id: party-group-01\n', '  - id: standing-extra\n    kind: 常委会议\n    date: 2023-01-09\n    topic: 增开的常委会议\n    attendees: 60\n  - id: party-group-01\n'));
    const rebuilt = await report(['build', '2023', '--data', 'data', '--out', 'out'], { cwd });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(await readFile(path.join(cwd, 'out', '2023', 'report.md'), 'utf8')).toContain('过去一年，市政协共召开常委会议8次、主席会议12次');
  });

  it('takes the pending changes only when told to', { timeout: 60_000 }, async () => {
    const { cwd, docx } = await built();
    const parts = W.openDocx(docx);
    parts['word/document.xml'] = W.pendingInsertion(parts['word/document.xml']!, 'rp0_10', '这一段由张委员补充。', '张委员');
    await writeFile(path.join(cwd, 'edited.docx'), W.saveDocx(parts));
    const plain = await report(['absorb', 'edited.docx', '2023', '--data', 'data'], { cwd });
    expect(plain.stderr).toContain('没有需要吸收的改动');
    expect(plain.stdout).toContain('□ 插入“这一段由张委员补充。”（张委员，2024-01-10）');
    const taken = await report(['absorb', 'edited.docx', '2023', '--data', 'data', '--accept-changes'], { cwd });
    expect(taken.code, taken.stderr).toBe(0);
    expect(await readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8')).toContain('这一段由张委员补充。');
  });

  it('flags a number typed by hand into new text with the figure that has its value', async () => {
    const { cwd, docx } = await built();
    const parts = W.openDocx(docx);
    parts['word/document.xml'] = W.insertAfter(parts['word/document.xml']!, 'rp0_1', W.plainParagraph('全年召开主席会议12次。'));
    await writeFile(path.join(cwd, 'edited.docx'), W.saveDocx(parts));
    const r = await report(['absorb', 'edited.docx', '2023', '--data', 'data', '--dry-run'], { cwd });
    expect(r.code).toBe(0);
    // The figure the prose already cites for that value comes first.
    expect(r.stderr).toContain('RPT802 新写入的文字中有手写的数字 12（“全年召开主席会议12次。”）：是不是 {{meetings.byKind.主席会议.count}}');
  });

  it('reports an edit to text the template wrote, with where to make it', async () => {
    const { cwd, docx } = await built();
    const parts = W.openDocx(docx);
    parts['word/document.xml'] = parts['word/document.xml']!.replace('现在，我代表', '现在，我受托代表');
    await writeFile(path.join(cwd, 'edited.docx'), W.saveDocx(parts));
    const r = await report(['absorb', 'edited.docx', '2023', '--data', 'data'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('RPT803 这段文字由模板写出');
    expect(r.stderr).toContain('report templates eject');
  });

  it('refuses a draft of another report: another kind, another year', { timeout: 60_000 }, async () => {
    const { cwd } = await built();
    expect((await report(['build', '2023', '--data', 'data', '--out', 'out', '--kind', 'proposals'], { cwd })).code).toBe(0);
    const narrative = await readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8');
    const kind = await report(['absorb', 'out/2023/proposals.docx', '2023', '--data', 'data'], { cwd });
    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain('RPT806');
    const year = await report(['absorb', 'out/2023/report.docx', '2022', '--data', 'data'], { cwd });
    expect(year.code).toBe(1);
    expect(year.stderr).toContain('RPT806');
    expect(await readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8')).toBe(narrative);
    // The right kind absorbs it.
    const right = await report(['absorb', 'out/2023/proposals.docx', '2023', '--data', 'data', '--kind', 'proposals'], { cwd });
    expect(right.code, right.stderr).toBe(0);
  });

  it('ends every damaged draft with a problem in Chinese, never a stack trace, and writes nothing', { timeout: 60_000 }, async () => {
    const { cwd, docx } = await built();
    const parts = W.openDocx(docx);
    const narrative = await readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8');
    const damaged: Uint8Array[] = [
      docx.subarray(0, docx.length >> 1),
      docx.subarray(0, 30),
      W.saveDocx({ ...parts, 'word/document.xml': parts['word/document.xml']!.slice(0, 5000) }),
      W.saveDocx({ ...parts, 'word/document.xml': '<w:document><w:body><w:p><w:r><w:t>不完整' }),
      W.saveDocx(Object.fromEntries(Object.entries(parts).filter(([n]) => n !== 'word/document.xml'))),
      W.saveDocx({ ...parts, 'word/document.xml': parts['word/document.xml']!.replace(/<\/w:p>/g, '') }),
    ];
    for (const bytes of damaged) {
      await writeFile(path.join(cwd, 'edited.docx'), bytes);
      const r = await report(['absorb', 'edited.docx', '2023', '--data', 'data'], { cwd });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/RPT80[069]/);
      expect(r.stderr).not.toMatch(/\bat \w+ \(|Error:/);
    }
    expect(await readFile(path.join(cwd, 'data', '2023', 'narrative.md'), 'utf8')).toBe(narrative);
  });

  it('refuses a file that is not a Word document', async () => {
    const cwd = await project(DATA);
    await writeFile(path.join(cwd, 'edited.docx'), 'plain text');
    const r = await report(['absorb', 'edited.docx', '2023', '--data', 'data'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('RPT800');
    const c = await report(['compare', 'edited.docx', 'edited.docx', '--out', 'c.docx'], { cwd });
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('RPT800');
  });

  it('says what a file is instead, in Chinese: a .doc saved as .docx, a workbook renamed', async () => {
    const cwd = await project(DATA);
    await writeFile(path.join(cwd, 'old.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const doc = await report(['absorb', 'old.docx', '2023', '--data', 'data'], { cwd });
    expect(doc.code).toBe(1);
    expect(doc.stderr).toContain('“old.docx”不是可以读取的 Word 文档（.docx）：这是 Word 97-2003（.doc）或 WPS（.wps）格式的文件');
    await writeFile(path.join(cwd, 'book.docx'), await readFile(path.join(cwd, 'data', '2023', '提案台账.xlsx')));
    const book = await report(['compare', 'book.docx', 'book.docx', '--out', 'c.docx'], { cwd });
    expect(book.code).toBe(1);
    expect(book.stderr).toContain('其中没有 Word 的正文');
    expect(`${doc.stderr}${book.stderr}`).not.toMatch(/[A-Za-z]{4,} [a-z]{3,}/);
  });

  it('refuses a draft whose body is damaged as unreadable, not as an internal error', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const damaged = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p><w:r><w:t>&#x110000;</w:t></w:r></w:p></w:body></w:document>') });
    await expect(readDraft(damaged)).rejects.toMatchObject({ detail: '文档的内容已损坏（正文或批注中有无法识别的内容）' });
  });

  it('reads a draft with bounds: a part that inflates past the limit is refused, not inflated', async () => {
    const { zipSync } = await import('fflate');
    // 200 MB of zeros deflate to about 200 KB: more than a draft part may hold.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(200 * 1024 * 1024) }, { level: 9 });
    await expect(readDraft(bomb)).rejects.toMatchObject({ detail: '其中的内容解压后过大，不像是一份报告' });
  });
});

/** The proposal ledger with one more proposal (a copy of the first, under a new number). */
async function addProposal(cwd: string): Promise<void> {
  const file = path.join(cwd, 'data', '2023', '提案台账.xlsx');
  const book = readWorkbook(await readFile(file), '提案台账.xlsx');
  const sheet = book.sheets[0]!;
  const width = Math.max(...sheet.rows.map((r) => Math.max(...r.cells.map((c) => c.column))));
  const values = (i: number) => Array.from({ length: width }, (_, c) => sheet.rows[i]!.cells.find((x) => x.column === c + 1)?.value ?? '');
  const headers = values(0).map(String);
  const rows: CellValue[][] = sheet.rows.slice(1).map((_, i) => values(i + 1));
  rows.push(values(1).map((v, c) => (c === 0 ? 'P2023-999' : c === 1 ? '关于加强社区养老服务的提案' : v)));
  await writeFile(file, writeWorkbook({ sheet: sheet.name, headers, rows }, 'xlsx'));
}

describe('report compare', () => {
  it('marks exactly where two drafts differ as tracked changes, figures changed by the records with a comment', { timeout: 180_000 }, async () => {
    const older = await built();
    const newer = await project(DATA);
    await addProposal(newer);
    expect((await report(['build', '2023', '--data', 'data', '--out', 'out'], { cwd: newer })).code).toBe(0);
    const newerDocx = await readFile(path.join(newer, 'out', '2023', 'report.docx'));
    await writeFile(path.join(newer, 'older.docx'), older.docx);
    const r = await report(['compare', 'older.docx', 'out/2023/report.docx', '--out', 'compare.docx'], { cwd: newer });
    expect(r.code, r.stderr).toBe(0);
    const bytes = await readFile(path.join(newer, 'compare.docx'));
    const draft = await readDraft(bytes);
    // Rejecting every change gives the older draft, accepting every one the newer.
    const read = (accept: boolean) => draft.paragraphs.map((p) => paragraphView(p, accept).text).filter(Boolean);
    const plain = async (b: Uint8Array) => (await readDraft(b)).paragraphs.map((p) => paragraphView(p, true).text).filter(Boolean);
    expect(read(false)).toEqual(await plain(older.docx));
    expect(read(true)).toEqual(await plain(newerDocx));
    const changes = draft.paragraphs.flatMap((p) => p.pieces.filter((x) => x.kind === 'text' && x.change));
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.kind === 'text' && c.change!.author === 'report' && c.change!.date === '2024-01-08T00:00:00Z')).toBe(true);
    // Changes only where the text differs: a paragraph with a change reads differently accepted and rejected.
    for (const p of draft.paragraphs) {
      if (p.pieces.some((x) => x.kind === 'text' && x.change)) expect(paragraphView(p, true).text).not.toBe(paragraphView(p, false).text);
    }
    expect([...draft.comments.values()].some((c) => /由记录算出的数字：记录改变了，数字随之由 \d+ 变为 \d+/.test(c.text))).toBe(true);
    // The same two drafts, the same bytes.
    await report(['compare', 'older.docx', 'out/2023/report.docx', '--out', 'again.docx'], { cwd: newer });
    expect(Buffer.compare(await readFile(path.join(newer, 'again.docx')), bytes)).toBe(0);
    if (!noLibreOffice) {
      const pdf = libreOfficeSave(bytes, 'pdf');
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      if (hasCommand('pdftotext')) {
        // LibreOffice shows the changes: the deleted number struck through beside the inserted one.
        const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s+/g, '');
        const note = /由 (\S+) 变为 (\S+)。/.exec([...draft.comments.values()][0]!.text)!;
        expect(text).toContain(`${note[1]}${note[2]}`);
      }
    }
  });
});
