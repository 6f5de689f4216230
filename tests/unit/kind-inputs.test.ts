/**
 * What a report kind reads is declared once (ReportKind.input, and the plan it makes): the command
 * line chooses and checks the kind from it, and watching follows the plan instead of its own guess.
 */
import { describe, expect, it } from 'vitest';
import { reportRequest } from '../../src/cli/report-options.js';
import { UsageError, type Io } from '../../src/cli/shared.js';
import { REPORT_KINDS } from '../../src/kinds/index.js';
import { watchedFolders } from '../../src/watch.js';

const io: Io = { stdout: () => undefined, stderr: () => undefined, cwd: '/w', env: {}, isTTY: false };
const request = (year: string, args: { data?: string[]; kind?: string }) => reportRequest(year, { data: ['d'], ...args }, {}, io);

describe('kinds declare their inputs', () => {
  it('each kind names its years and data folders, and the request picks the kind that fits', () => {
    expect(REPORT_KINDS.map((k) => [k.name, k.input.years, k.input.dataFolders])).toEqual([
      ['annual', 'one', 'one'],
      ['summary', 'one', 'one'],
      ['term', 'range', 'one'],
      ['compilation', 'one', 'several'],
      ['proposals', 'one', 'one'],
    ]);
    expect(request('2023', {}).kind).toBe('annual');
    expect(request('2018-2022', {}).kind).toBe('term');
    expect(request('2023', { data: ['a', 'b'] }).kind).toBe('compilation');
  });

  it('a request at odds with the kind is a usage error naming what the kind reads', () => {
    expect(() => request('2023', { kind: 'term' })).toThrow(new UsageError('届末五年工作报告要写年份范围，如：report build 2018-2022 --kind term'));
    expect(() => request('2018-2022', { kind: 'summary' })).toThrow(/只用于届末五年工作报告（--kind term）/);
    expect(() => request('2023', { kind: 'compilation' })).toThrow(/综述汇编要用 --data 列出至少两个组织/);
    expect(() => request('2023', { kind: 'annual', data: ['a', 'b'] })).toThrow(/综述汇编（--kind compilation）/);
  });

  it('watching follows the plan: the years and folders it read, and the data folder’s own files', () => {
    const folders = watchedFolders({ dataDirs: ['/d/data'], year: 2023, sources: [{ dataDir: '/d/data', year: 2022, years: [2018, 2022], folders: ['term-2018-2022'] }] });
    expect([...folders.keys()].sort()).toEqual(['/d', '/d/data', '/d/data/2018', '/d/data/2022', '/d/data/term-2018-2022']);
    expect(folders.get('/d/data')).toEqual({ recursive: false, names: new Set(['organization.yaml', 'layout.yaml', '2018', '2022', 'term-2018-2022']) });
  });
});
