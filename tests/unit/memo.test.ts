import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packMemo } from '../../src/cache/memo.js';
import { cacheFolder, openPack } from '../../src/cache/store.js';
import { parseYaml, recallYaml } from '../../src/load/source.js';

describe('memo packs', () => {
  it('keep exactly what a run used, and say when nothing changed', () => {
    const first = packMemo();
    expect(first.get('yaml', 'a: 1')).toBeUndefined();
    first.set('yaml', 'a: 1', '{"a":1}');
    const kept = first.changes()!;
    expect(Object.values(kept)).toEqual(['{"a":1}']);

    const second = packMemo(kept);
    expect(second.get('yaml', 'a: 1')).toBe('{"a":1}');
    expect(second.changes()).toBeUndefined();

    // An entry the run did not use is dropped; one it missed is added.
    const third = packMemo({ ...kept, 'yaml:old': 'x' });
    expect(third.get('yaml', 'a: 1')).toBe('{"a":1}');
    expect(Object.keys(third.changes()!)).toEqual(Object.keys(kept));
    expect(packMemo(kept).get('template', 'a: 1')).toBeUndefined();
  });

  it('are read back only by the same build, and a damaged file counts as empty', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'report-memo-'));
    const opened = openPack(folder, { data: '/x' }, 'build-1');
    opened.memo.set('yaml', 'a: 1', '{"a":1}');
    opened.save();
    expect(readdirSync(folder)).toHaveLength(1);
    expect(openPack(folder, { data: '/x' }, 'build-1').memo.get('yaml', 'a: 1')).toBe('{"a":1}');
    expect(openPack(folder, { data: '/x' }, 'build-2').memo.get('yaml', 'a: 1')).toBeUndefined();
    expect(openPack(folder, { data: '/y' }, 'build-1').memo.get('yaml', 'a: 1')).toBeUndefined();
    const file = path.join(folder, readdirSync(folder)[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));
    expect(openPack(folder, { data: '/x' }, 'build-1').memo.get('yaml', 'a: 1')).toBeUndefined();
  });

  it('live in REPORT_CACHE_DIR or the user’s cache folder', () => {
    expect(cacheFolder({ REPORT_CACHE_DIR: '/tmp/c' })).toBe(path.resolve('/tmp/c'));
    if (process.platform !== 'win32') expect(cacheFolder({ XDG_CACHE_HOME: '/home/u/.cache' })).toBe('/home/u/.cache/report');
  });
});

describe('remembered work gives the same results', () => {
  it('YAML values, and a damaged entry is read again', () => {
    const text = 'proposals:\n  - id: p1\n    title: 标题\n    count: 3\n';
    const memo = packMemo();
    const fresh = parseYaml('a.yaml', text, memo);
    const again = recallYaml('a.yaml', text, packMemo(memo.changes()));
    expect(again?.value).toEqual(fresh.value);
    expect(recallYaml('a.yaml', `${text}# edited\n`, packMemo(memo.changes()))).toBeUndefined();
    const damaged = packMemo(Object.fromEntries(Object.keys(memo.changes()!).map((k) => [k, '{'])));
    expect(recallYaml('a.yaml', text, damaged)).toBeUndefined();
    // .inf has no JSON form: such a file is not remembered.
    const infinite = packMemo();
    parseYaml('b.yaml', 'x: .inf\n', infinite);
    expect(infinite.changes()).toBeUndefined();
    // Nor is an empty one: its warning comes from reading it.
    const empty = packMemo();
    parseYaml('c.yaml', '# 只有注释\n', empty);
    expect(empty.changes()).toBeUndefined();
  });
});
