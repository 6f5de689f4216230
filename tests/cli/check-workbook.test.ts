/**
 * `report build --format check` writes 核对表.xlsx beside the report, read here by another reader
 * (openpyxl under /usr/bin/python3): every figure cited in narrative.md and proposals.md has its
 * row, at the line it is written, with the value the report prints; the second sheet lists the
 * records behind the figures with their places.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';
import { hasOpenpyxl, PYTHON } from '../helpers/openpyxl.js';


type Sheet = Array<Array<string | number | null>>;

function readBook(file: string): Record<string, Sheet> {
  const script = 'import json,sys,openpyxl\nwb=openpyxl.load_workbook(sys.argv[1])\nprint(json.dumps({ws.title:[list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}, ensure_ascii=False))';
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as Record<string, Sheet>;
}

const TAG = /\{\{(?!\{)~?\s*(?![#/^!>&]|else\b)([^{}]*?)\s*~?\}\}/g;

describe.runIf(hasOpenpyxl)('report build --format check', () => {
  let out: string;
  let stats: Record<string, { value: unknown; printed: string }>;
  beforeAll(async () => {
    out = await tempDir();
    for (const kind of ['annual', 'proposals']) {
      const run = await report(['build', '2023', '--data', 'data', '--kind', kind, '--out', out, '--format', 'md,check'], { cwd: ROOT });
      expect(run.code, run.stderr).toBe(0);
    }
    const s = await report(['stats', '2023', '--data', 'data', '--json'], { cwd: ROOT });
    stats = (JSON.parse(s.stdout) as { figures: typeof stats }).figures;
  }, 120_000);

  it.each([
    ['narrative.md', '核对表.xlsx'],
    ['proposals.md', 'proposals.核对表.xlsx'],
  ])('every number cited in %s has its row in %s with the printed value', async (prose, book) => {
    const sheets = readBook(path.join(out, '2023', book));
    const [header, ...rows] = sheets['数字']!;
    expect(header).toEqual(['序号', '部分', '句子', '印作', '名称', '精确值', '定义', '上年', '记录数', '写在']);
    // Comments (the file's own notes to the writer) print nothing; blanked so that lines keep their numbers.
    const text = (await readFile(path.join(ROOT, 'data', '2023', prose), 'utf8')).replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
    let cited = 0;
    for (const m of text.matchAll(TAG)) {
      const expression = m[1]!;
      const names = expression.split(/[\s()]+/).filter((t) => stats[t] && typeof stats[t]!.value === 'number');
      if (names.length !== 1) continue;
      // A plain figure or a percent of one prints what stats prints.
      const simple = expression === names[0] || expression === `percent ${names[0]}`;
      const line = text.slice(0, m.index).split('\n').length;
      const row = rows.find((r) => r[9] === `data/2023/${prose}:${line}` && String(r[4]).split('、').includes(names[0]!));
      expect(row, `${m[0]} at ${prose}:${line}`).toBeDefined();
      if (simple) expect(row![3], m[0]).toBe(stats[names[0]!]!.printed);
      expect(String(row![2])).toContain(String(row![3]));
      cited++;
    }
    expect(cited).toBeGreaterThan(5);
    // Reading order: the sections appear as the report has them, never going back.
    const md = await readFile(path.join(out, '2023', prose === 'narrative.md' ? 'report.md' : 'proposals.md'), 'utf8');
    const positions = rows.map((r) => md.indexOf(String(r[1]))).filter((p) => p >= 0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('has rows for the numbers the templates print too, traced to the piece and line', () => {
    const rows = readBook(path.join(out, '2023', 'proposals.核对表.xlsx'))['数字']!.slice(1);
    const filed = rows.find((r) => r[4] === 'proposals.filed' && String(r[9]).startsWith('submission.hbs:'));
    expect(filed, JSON.stringify(rows.slice(0, 5))).toBeDefined();
    expect(filed![3]).toBe('220');
    expect(filed![2]).toContain('立案220件（含并案16件）');
    expect(filed![8]).toBe(220);
    const rate = rows.find((r) => r[4] === 'proposals.answeredRate' && String(r[9]).startsWith('handling.hbs:'));
    expect(rate![3]).toBe(stats['proposals.answeredRate']!.printed);
    expect(rate![6]).toBe('立案（含并案）中已办复的 ÷ 立案（含并案）');
  });

  it('lists the records behind each figure with a place that names the file and line or row', () => {
    const [header, ...records] = readBook(path.join(out, '2023', 'proposals.核对表.xlsx'))['记录']!;
    expect(header).toEqual(['名称', '记录编号', '案由或议题', '位置']);
    // proposals.md cites the proposals tagged 数字经济: each one is listed.
    const tagged = records.filter((r) => r[0] === 'proposals.byTag.数字经济.count');
    expect(tagged.length).toBe(stats['proposals.byTag.数字经济.count']!.value);
    for (const r of records) expect(String(r[3])).toMatch(/^data\/2023\/.+(?::\d+|［.+］第\d+行)$/);
  });

  it('writes the same bytes twice', async () => {
    const again = await tempDir();
    const run = await report(['build', '2023', '--data', 'data', '--out', again, '--format', 'check'], { cwd: ROOT });
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(path.join(again, '2023', '核对表.xlsx'))).toEqual(await readFile(path.join(out, '2023', '核对表.xlsx')));
  });
});
