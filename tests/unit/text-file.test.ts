/**
 * Data files read more than once in a session (validate checks each report of a year, watch
 * rebuilds): the same bytes are decoded and parsed once, changed bytes are read afresh, and each
 * read still reports what it must (a file not in plain UTF-8).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { loadData } from '../../src/load/data-folder.js';
import { BuildSession } from '../../src/session.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'text-file-'));
  made.push(dir);
  writeFileSync(path.join(dir, 'organization.yaml'), 'organization:\n  name: 云州市政协\n');
  return dir;
}

const load = (dir: string, session?: BuildSession) => loadData({ dataDir: dir, cwd: dir, years: [2023], session, prose: ['narrative.md'] });

describe('reading a data file again in a session', () => {
  it('gives what the first read made of the same bytes, and reads changed bytes afresh', () => {
    const dir = folder();
    mkdirSync(path.join(dir, '2023'));
    writeFileSync(path.join(dir, '2023', 'members.yaml'), 'members:\n  total: 5\n');
    writeFileSync(path.join(dir, '2023', 'narrative.md'), '# 叙述\n');
    const session = new BuildSession();
    const first = load(dir, session);
    const again = load(dir, session);
    expect(again.years.get(2023)!.yaml[0]).toBe(first.years.get(2023)!.yaml[0]);
    expect(again.years.get(2023)!.prose.get('narrative.md')).toBe(first.years.get(2023)!.prose.get('narrative.md'));
    expect(again.organization).toBe(first.organization);
    // Without a session every read is its own.
    expect(load(dir).years.get(2023)!.yaml[0]).not.toBe(first.years.get(2023)!.yaml[0]);

    writeFileSync(path.join(dir, '2023', 'members.yaml'), 'members:\n  total: 6\n');
    const changed = load(dir, session);
    expect(changed.years.get(2023)!.yaml[0]!.value).toEqual({ members: { total: 6 } });
    expect(changed.years.get(2023)!.prose.get('narrative.md')).toBe(first.years.get(2023)!.prose.get('narrative.md'));
  });

  it('in a session that reads each file once (validate), gives the first read for all, a workbook too', () => {
    const dir = folder();
    mkdirSync(path.join(dir, '2023'));
    writeFileSync(path.join(dir, '2023', 'members.yaml'), 'members:\n  total: 5\n');
    writeFileSync(path.join(dir, '2023', '台账.xlsx'), 'not a workbook');
    const session = new BuildSession({ readsFilesOnce: true });
    const first = load(dir, session);
    writeFileSync(path.join(dir, '2023', 'members.yaml'), 'members:\n  total: 6\n');
    writeFileSync(path.join(dir, '2023', '台账.xlsx'), 'still not a workbook, and longer');
    const again = load(dir, session);
    // Every report checked sees the files as they were when the first was: the same value, the same problems.
    expect(again.years.get(2023)!.yaml[0]).toBe(first.years.get(2023)!.yaml[0]);
    expect(again.years.get(2023)!.yaml[0]!.value).toEqual({ members: { total: 5 } });
    expect(again.years.get(2023)!.workbooks[0]!.identity).toBe(first.years.get(2023)!.workbooks[0]!.identity);
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect(first.diagnostics.length).toBeGreaterThan(0);
    // A session that reads again (watch) sees the save.
    expect(load(dir, new BuildSession()).years.get(2023)!.yaml[0]!.value).toEqual({ members: { total: 6 } });
  });

  it('reports a file not in plain UTF-8 on every read', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'organization.yaml'), iconv.encode('organization:\n  name: 云州市政协委员会办公厅\n', 'gb18030'));
    const session = new BuildSession();
    for (let i = 0; i < 2; i++) {
      const data = load(dir, session);
      expect(data.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('GBK')]);
      expect(data.organization!.value).toEqual({ organization: { name: '云州市政协委员会办公厅' } });
    }
  });
});
