/**
 * `report explain`: for three figures of the bundled data, the records listed, counted, equal the
 * figure, and each listed place holds that record — a YAML file opened at the line, a workbook
 * opened at the row by another reader (openpyxl).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA, ROOT } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';
import { hasOpenpyxl, PYTHON } from '../helpers/openpyxl.js';


interface Explained {
  printed: string;
  exact: unknown;
  definition?: string;
  previousPrinted?: string;
  records: Array<{ id: string; place: string; file?: string; line?: number; sheet?: string }>;
  base?: unknown[];
}

async function explain(name: string): Promise<Explained> {
  const run = await report(['explain', name, '2023', '--data', 'data', '--json'], { cwd: ROOT });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Explained;
}

const read = new Map<string, Record<string, string>>();

/** Column A of a sheet, by row number, read by openpyxl (once per sheet). */
function firstColumn(file: string, sheet: string): Record<string, string> {
  const key = `${file}\u0000${sheet}`;
  if (!read.has(key)) read.set(key, readColumn(file, sheet));
  return read.get(key)!;
}

function readColumn(file: string, sheet: string): Record<string, string> {
  const script = 'import json,sys,openpyxl\nws=openpyxl.load_workbook(sys.argv[1],read_only=True)[sys.argv[2]]\nprint(json.dumps({str(r[0].row):str(r[0].value) for r in ws.iter_rows() if r and r[0].value is not None}))';
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file, sheet], { encoding: 'utf8' })) as Record<string, string>;
}

async function holds(r: Explained['records'][number]): Promise<boolean> {
  const file = path.join(ROOT, r.file!);
  if (r.sheet !== undefined) return firstColumn(file, r.sheet)[String(r.line)] === r.id;
  const line = (await readFile(file, 'utf8')).split('\n')[r.line! - 1] ?? '';
  return new RegExp(`\\bid: *${r.id.replace(/[-.]/g, '\\$&')}\\b`).test(line);
}

describe('report explain', () => {
  it.runIf(hasOpenpyxl).each(['proposals.filed', 'proposals.byCategory.经济建设.count', 'meetings.byKind.常委会议.count'])(
    '%s: the records listed, counted, equal the figure, and each place holds its record',
    async (name) => {
      const e = await explain(name);
      expect(e.records.length).toBe(e.exact);
      expect(String(e.records.length)).toBe(e.printed);
      expect(new Set(e.records.map((r) => r.id)).size).toBe(e.records.length);
      for (const r of e.records) expect(await holds(r), `${r.place} ${r.id}`).toBe(true);
    },
    60_000,
  );

  it('a rate: printed and exact value, its definition by the conventions, last year’s, numerator and base records', async () => {
    const e = await explain('proposals.answeredRate');
    expect(e.printed).toBe('92.7%');
    expect(e.definition).toBe('立案（含并案）中已办复的 ÷ 立案（含并案）');
    expect(e.previousPrinted).toBe('92.5%');
    expect(e.records.length / e.base!.length).toBeCloseTo(e.exact as number, 12);
    expect(e.records[0]!.place).toMatch(/^data\/2023\/提案台账\.xlsx［提案］第\d+行$/);
  });

  it('prints the same as text, and names the nearest figure for a misspelt one', async () => {
    const run = await report(['explain', 'meetings.byKind.常委会议.count', '--data', DATA]);
    expect(run.stdout).toMatch(/印作：5次/);
    expect(run.stdout).toMatch(/meetings\.yaml:\d+  standing-01/);
    const wrong = await report(['explain', 'proposals.answerdRate', '--data', DATA]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('是不是 proposals.answeredRate');
  });
});
