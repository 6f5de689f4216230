/**
 * A YAML file the parse cache holds is not decoded until something asks for its text: a run
 * again of a national year decoded 8 MB for nothing. What the text tells is still told: a file of
 * white space only is reported empty, whatever its encoding, and a file whose value could hold a
 * forbidden character is still searched for one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadData } from '../../src/load/data-folder.js';
import { ParseCache } from '../../src/load/parse-cache.js';
import { checkYamlFiles } from '../../src/validate/year.js';
import { vocabularyOf } from '../../src/domain/vocabulary.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A data folder with a 2023 folder holding `files` (name → bytes or text). */
function dataFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'held-text-'));
  made.push(dir);
  writeFileSync(path.join(dir, 'organization.yaml'), 'organization:\n  name: 云州市政协\n');
  mkdirSync(path.join(dir, '2023'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, '2023', name), content);
  return dir;
}

/** Loads 2023 with the parse cache in `<dir>/cache`, and saves what the run kept. */
function load(dir: string) {
  const cache = new ParseCache(path.join(dir, 'cache'));
  const data = loadData({ dataDir: dir, cwd: dir, years: [2023], cache });
  cache.save();
  return data;
}

const MEETINGS = 'meetings:\n  - id: M1\n    kind: 常委会议\n    date: 2023-03-01\n    topic: 优化营商环境\n';

/** How many times a Buffer of exactly `length` bytes was turned into text while `run` ran. */
function decodes<T>(length: number, run: () => T): { result: T; count: number } {
  const toString = Buffer.prototype.toString as (this: Buffer, ...args: unknown[]) => string;
  let count = 0;
  const spy = vi.spyOn(Buffer.prototype, 'toString').mockImplementation(function (this: Buffer, ...args: unknown[]) {
    if (this.length === length) count++;
    return toString.apply(this, args);
  });
  const result = run();
  spy.mockRestore();
  return { result, count };
}

describe('a YAML file the parse cache holds', () => {
  it('is read without decoding its text, and decoded when its text is asked for', () => {
    const dir = dataFolder({ 'meetings.yaml': MEETINGS });
    const length = Buffer.byteLength(MEETINGS);
    // The first run parses the file (and decodes it to do so).
    const first = decodes(length, () => load(dir));
    expect(first.count).toBeGreaterThan(0);
    const { result: again, count } = decodes(length, () => {
      const data = load(dir);
      const file = data.years.get(2023)!.yaml[0]!;
      // The value and the fast reader's word come from the entry.
      expect(file.value).toEqual(first.result.years.get(2023)!.yaml[0]!.value);
      expect(file.file.plainText).toBe(true);
      return data;
    });
    expect(count).toBe(0);
    expect(again.diagnostics).toEqual([]);
    // Asked for, the text is the file's.
    expect(again.years.get(2023)!.yaml[0]!.file.text).toBe(MEETINGS);
  });

  it('checks its records as a file parsed now, with no decode where the fast reader read it', () => {
    const dir = dataFolder({ 'meetings.yaml': MEETINGS });
    const fresh = loadData({ dataDir: dir, cwd: dir, years: [2023] }).years.get(2023)!;
    load(dir);
    const { result: held, count } = decodes(Buffer.byteLength(MEETINGS), () => {
      const folder = load(dir).years.get(2023)!;
      return checkYamlFiles(folder, undefined, vocabularyOf());
    });
    expect(count).toBe(0);
    expect(held).toEqual(checkYamlFiles(fresh, undefined, vocabularyOf()));
  });

  it('that js-yaml read (an escape) is searched for forbidden characters as before', () => {
    // A double-quoted escape: the fast reader declines the file, and the value holds U+0007.
    const text = 'meetings:\n  - id: M1\n    kind: 常委会议\n    date: 2023-03-01\n    topic: "营商\\a环境"\n';
    const dir = dataFolder({ 'meetings.yaml': text });
    const fresh = checkYamlFiles(loadData({ dataDir: dir, cwd: dir, years: [2023] }).years.get(2023)!, undefined, vocabularyOf());
    expect(fresh.diagnostics.map((d) => d.code)).toContain('RPT210');
    load(dir);
    const folder = load(dir).years.get(2023)!;
    expect(folder.yaml[0]!.file.plainText).toBeUndefined();
    expect(checkYamlFiles(folder, undefined, vocabularyOf())).toEqual(fresh);
  });
});

describe('a file of white space only', () => {
  /** The files reported empty by a first run and by a run the parse cache serves. */
  const empty = (files: Record<string, string | Uint8Array>) => {
    const dir = dataFolder(files);
    return [load(dir), load(dir)].map((data) => data.diagnostics.filter((d) => d.code === 'RPT109').map((d) => d.file));
  };

  it('is reported empty, in UTF-8 or in UTF-16', () => {
    expect(empty({ 'members.yaml': ' \n\n' })).toEqual([['2023/members.yaml'], ['2023/members.yaml']]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('  \n', 'utf16le')]);
    expect(empty({ 'members.yaml': utf16 })).toEqual([['2023/members.yaml'], ['2023/members.yaml']]);
  });

  it('is not: one of comments only, left so on purpose', () => {
    expect(empty({ 'members.yaml': '# 委员人数待填写\n' })).toEqual([[], []]);
  });
});
