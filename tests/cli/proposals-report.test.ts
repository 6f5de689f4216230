/**
 * The proposal work report (--kind proposals) of the bundled data: every counting sentence holds
 * the figures counted here, independently, from the cells of the ledger (提案台账.xlsx); every
 * group of shares printed together sums to 100%; the annex tables are real tables whose header
 * row repeats on each page, in the DOCX's XML and in the PDF.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/load/spreadsheet/index.js';
import { DATA, ROOT, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const COUNTY = path.join(ROOT, 'examples', 'county-2023');

/** The ledger's rows as header → cell text, read with nothing of the tool but the file reader. */
async function ledgerRows(file: string): Promise<Array<Record<string, string>>> {
  const workbook = readWorkbook(new Uint8Array(await readFile(file)), file);
  const [header, ...rows] = workbook.sheets[0]!.rows;
  const names = new Map(header!.cells.map((c) => [c.column, c.text]));
  return rows.map((r) => Object.fromEntries(r.cells.map((c) => [names.get(c.column)!, c.text])));
}

const count = <T>(list: readonly T[], test: (x: T) => boolean) => list.filter(test).length;
const distinct = (values: Iterable<string>) => new Set([...values].filter(Boolean)).size;
const split = (cell: string | undefined) => (cell ?? '').split('、').filter(Boolean);

/** Sentences of a text that print two shares or more, with their percents. */
function shareGroups(text: string): Array<{ sentence: string; percents: number[] }> {
  return text
    .split(/[。\n]/)
    .map((sentence) => ({ sentence, percents: [...sentence.matchAll(/占(?:比)?(\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1])) }))
    .filter((g) => g.percents.length >= 2);
}

let out: string;
let markdown: string;

beforeAll(async () => {
  out = await tempDir();
  const run = await report(['build', '2023', '--data', DATA, '--kind', 'proposals', '--out', out, '--format', 'md,docx']);
  expect(run.code, run.stderr).toBe(0);
  markdown = await readFile(path.join(out, '2023', 'proposals.md'), 'utf8');
});

describe('report build 2023 --kind proposals', () => {
  it('opens as the genre does, under the vice-chairman who reads it', () => {
    expect(markdown).toMatch(/^# 政协云州市第十届委员会常务委员会关于十届一次会议以来提案工作情况的报告\n/);
    expect(markdown).toContain('我受政协云州市第十届委员会常务委员会委托，向大会报告十届一次会议以来的提案工作情况，请予审议。');
    for (const part of ['## 一、提案提出和审查立案情况', '## 二、提案办理情况', '## 三、主要做法和成效', '## 四、存在的问题和下一步工作']) expect(markdown).toContain(part);
  });

  it('prints the figures counted independently from the cells of the ledger', async () => {
    const rows = await ledgerRows(path.join(DATA, '2023', '提案台账.xlsx'));
    const review = (v: string) => count(rows, (r) => r['审查结果'] === v);
    const filed = rows.filter((r) => r['审查结果'] === '立案' || r['审查结果'] === '并案');
    const units = distinct(rows.flatMap((r) => [...split(r['主办单位']), ...split(r['会办单位'])]));
    const leads = distinct(rows.flatMap((r) => split(r['主办单位'])));
    expect(markdown).toContain(`共收到提案${rows.length}件，其中大会期间${count(rows, (r) => r['大会/平时'] === '大会')}件，闭会期间${count(rows, (r) => r['大会/平时'] === '平时')}件。`);
    // The bundled organisation counts 并案 within 立案 (the default convention): one 立案 everywhere.
    expect(markdown).toContain(`经审查，立案${filed.length}件（含并案${review('并案')}件）`);
    expect(markdown).toContain(`立案率为${((filed.length / rows.length) * 100).toFixed(1)}%`);
    // Every unit both leads and joins: the sentence gives 件次, not “主办单位32家、会办单位32家”.
    expect(leads).toBe(units);
    const assignments = (column: string) => rows.reduce((n, r) => n + split(r[column]).length, 0);
    expect(markdown).toContain(`立案提案交由${units}家单位承办，主办${assignments('主办单位')}件次、会办${assignments('会办单位')}件次`);
    expect(markdown).toContain(`已办复${count(rows, (r) => r['已办复'] === '是')}件`);
    for (const [cls, label] of [['A', '已解决或基本解决'], ['B', '正在解决或列入计划解决'], ['C', '留作参考']]) {
      expect(markdown).toContain(`${label}的${count(rows, (r) => r['办理结果'] === cls)}件`);
    }
    for (const level of ['满意', '基本满意']) expect(markdown).toContain(`${level}的${count(rows, (r) => r['满意度'] === level)}件`);
    expect(markdown).toContain(`确定重点提案${count(rows, (r) => r['重点提案'] === '是')}件`);
  });

  it('sums every group of shares printed together to 100%', () => {
    const groups = shareGroups(markdown);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const g of groups) expect(Math.round(g.percents.reduce((a, b) => a + b, 0) * 10) / 10, g.sentence).toBe(100);
  });

  it('sets the annex tables as tables whose header row repeats on every page', async () => {
    const parts = unzipSync(new Uint8Array(await readFile(path.join(out, '2023', 'proposals.docx'))));
    const xml = new TextDecoder().decode(parts['word/document.xml']);
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      const firstRow = table.slice(table.indexOf('<w:tr'), table.indexOf('</w:tr>'));
      expect(firstRow).toContain('<w:tblHeader/>');
    }
    expect(markdown).toContain('| 合计 | 232 | 100.0% | 220 | 204 |');
  });

  it('repeats the header row where a table runs over a page of the PDF', async (context) => {
    const run = await report(['build', '2023', '--data', DATA, '--kind', 'proposals', '--out', out, '--format', 'pdf']);
    if (run.stderr.includes('RPT610') || run.stderr.includes('RPT612')) return context.skip('PDF 引擎或中文字体不可用');
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', path.join(out, '2023', 'proposals.pdf'), '-'], { encoding: 'utf8' });
    } catch {
      return context.skip('pdftotext 不可用（apt-get install poppler-utils）');
    }
    const pages = text.split('\f').filter((p) => p.includes('主办件数'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the county example: its own headers and an A–D scheme', () => {
  it('builds both reports and balances the four shares to 100%', async () => {
    const dir = await tempDir();
    const run = await report(['build', '2023', '--data', COUNTY, '--kind', 'proposals', '--out', dir, '--format', 'md']);
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(path.join(dir, '2023', 'proposals.md'), 'utf8');
    expect(text).toContain('因条件限制暂时难以解决、留作参考的');
    const annual = await report(['build', '2023', '--data', COUNTY, '--out', dir, '--format', 'md']);
    expect(annual.code, annual.stderr).toBe(0);
    const work = await readFile(path.join(dir, '2023', 'report.md'), 'utf8');
    const results = shareGroups(work).find((g) => g.sentence.includes('已经解决或基本解决'))!;
    expect(results.percents).toHaveLength(4);
    expect(results.percents.reduce((a, b) => a + b, 0)).toBe(100);
    // The year before is kept only as totals: the comparison still works.
    expect(work).toMatch(/共收到提案58件，比上年增长11\.5%/);
    await writeFile(path.join(dir, 'ok'), '');
  });
});
