/**
 * The Word package's zip (src/write/docx/zip.ts), read back with other code than the one that
 * wrote it: each entry's deflate stream inflated by Node's zlib and its CRC-32 computed by Node's
 * zlib, for the packages of the saved reports (default layout, both scripts, another layout) and
 * for random entries; the pieces an entry is deflated in, cut where the text says, so that an edit
 * of one sentence deflates the pieces around it and no other; a piece taken from before is the
 * same bytes as one deflated now.
 */
import fc from 'fast-check';
import { strToU8, unzipSync } from 'fflate';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { resolveLayout } from '../../src/validate/resolve-layout.js';
import { zipPackage } from '../../src/write/docx/package.js';
import { renderDocx } from '../../src/write/docx/render-docx.js';
import { crc32, crc32Combine, deflateEntries, pieceEnds, zipEntries, type DeflatedPiece } from '../../src/write/docx/zip.js';
import type { MadeBefore } from '../../src/write/made-before.js';
import { reportDocument, REPORTS } from '../write/reports.js';
import { localEntries } from '../helpers/docx.js';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** The entries of a zip as its local headers give them, each deflated (method 8). */
function readZip(zip: Uint8Array) {
  const entries = localEntries(zip);
  for (const entry of entries) expect(entry.method).toBe(8);
  return entries;
}

/** Checks that `zip` holds `parts` (in any order) as Node's zlib reads them, with their CRC-32s and sizes. */
function expectHolds(zip: Uint8Array, parts: Record<string, Uint8Array>) {
  const read = readZip(zip);
  expect(read.map((e) => e.name).sort()).toEqual(Object.keys(parts).sort());
  for (const entry of read) {
    const data = parts[entry.name]!;
    expect(same(entry.data, data)).toBe(true);
    expect(entry.size).toBe(data.length);
    expect(entry.crc).toBe(zlibCrc32(data));
  }
}

/** A store for kept pieces, in memory, that counts what is found and kept. */
function memoryStore(): MadeBefore & { entries: Map<string, unknown>; kept: number } {
  const entries = new Map<string, unknown>();
  const store = {
    entries,
    kept: 0,
    find<T>(kind: string, inputs: string, valid: (data: unknown) => data is T): T | undefined {
      const data = entries.get(`${kind}\0${inputs}`);
      return data !== undefined && valid(data) ? data : undefined;
    },
    keep(kind: string, inputs: string, made: unknown) {
      store.kept++;
      entries.set(`${kind}\0${inputs}`, JSON.parse(JSON.stringify(made)));
    },
  };
  return store;
}

describe('the package zip', () => {
  it('holds the saved reports’ parts as zlib reads them, and zips them again to the same bytes', async () => {
    const { layout: other } = resolveLayout({ paragraphs: { body: { sizePt: 15, eastAsiaFont: '仿宋' } }, pageNumber: { format: '第{page}页' } });
    for (const report of REPORTS.slice(0, 4)) {
      for (const layout of [DEFAULT_LAYOUT, other]) {
        const document = reportDocument(report);
        const bytes = await renderDocx(document, layout);
        const parts = unzipSync(bytes);
        expectHolds(bytes, parts);
        // [Content_Types].xml first, then _rels/.rels, then the rest by name.
        const names = readZip(bytes).map((e) => e.name);
        expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
        expect(names.slice(2)).toEqual([...names.slice(2)].sort());
        // Twice: the second zip of the same parts takes its pieces from what the process remembers.
        for (let i = 0; i < 2; i++) expect(same(zipPackage(new Map(Object.entries(parts)), document.meta.date), bytes)).toBe(true);
      }
    }
  });

  it('holds random entries as zlib reads them, dated in the MS-DOS form', () => {
    const name = fc.stringMatching(/^[a-z]{1,6}(\/[a-z]{1,6})?\.(xml|rels)$/).chain((ascii) => fc.constantFrom(ascii, `word/报告${ascii}`, `附件/${ascii}`));
    const paragraphs = fc.array(fc.string({ maxLength: 2500 }), { maxLength: 12 }).map((texts) => strToU8(texts.map((t) => `<w:p><w:t>${t}</w:t></w:p>`).join('')));
    const data = fc.oneof(fc.string({ maxLength: 3000 }).map((s) => strToU8(s)), fc.uint8Array({ maxLength: 5000 }), fc.constant(new Uint8Array(0)), paragraphs);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, data), { minLength: 1, maxLength: 6, selector: ([n]) => n }), fc.integer({ min: 1980, max: 2099 }), (entries, year) => {
        const parts = Object.fromEntries(entries);
        const zip = zipPackage(new Map(Object.entries(parts)), `${year}-03-17`);
        expectHolds(zip, parts);
        for (const entry of readZip(zip)) expect(entry.dosDateTime >>> 0).toBe((((year - 1980) << 25) | (3 << 21) | (17 << 16)) >>> 0);
      }),
      { numRuns: 150, seed: 24 },
    );
  });

  it('computes the CRC-32 zlib does, and that of two texts joined from theirs', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    const zip = zipEntries([{ name: 'a.xml', data: strToU8('政协') }], 0);
    expect(new DataView(zip.buffer).getUint32(14, true)).toBe(zlibCrc32(strToU8('政协')));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 }), (a, b) => {
        expect(crc32(a)).toBe(zlibCrc32(a));
        const joined = Buffer.concat([a, b]);
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(zlibCrc32(joined));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('the pieces an entry is deflated in', () => {
  let documentBytes: Uint8Array | undefined;
  /** The first saved report's Word document, and its text (word/document.xml). */
  const saved = async () => (documentBytes ??= await renderDocx(reportDocument(REPORTS[0]!), DEFAULT_LAYOUT));
  const document = () => unzipSync(documentBytes!)['word/document.xml']!;

  /** The pieces of `data`, as byte strings. */
  const piecesOf = (data: Uint8Array) => {
    let start = 0;
    return pieceEnds(data).map((end) => Buffer.from(data.subarray(start, (start = end))).toString('latin1'));
  };

  it('end after a paragraph, the last at the end of the data', async () => {
    await saved();
    const text = document();
    const ends = pieceEnds(text);
    expect(ends.length).toBeGreaterThan(3);
    expect(ends.at(-1)).toBe(text.length);
    for (const end of ends.slice(0, -1)) expect(Buffer.from(text.subarray(end - 6, end)).toString()).toBe('</w:p>');
    expect(pieceEnds(new Uint8Array(0))).toEqual([0]);
    expect(pieceEnds(strToU8('no paragraph here'))).toEqual([17]);
  });

  it('change around an edited sentence only', async () => {
    await saved();
    const text = Buffer.from(document()).toString('utf8');
    const before = piecesOf(strToU8(text));
    // Each sentence with a figure in it, its figure one digit longer: at most two pieces differ.
    const figures = [...text.matchAll(/(\d+)(条|件|次|人)/g)];
    expect(figures.length).toBeGreaterThan(10);
    for (const m of figures) {
      const edited = text.slice(0, m.index) + `${m[1]}0${m[2]}` + text.slice(m.index! + m[0].length);
      const after = piecesOf(strToU8(edited));
      const changed = after.filter((p) => !before.includes(p));
      expect(changed.length).toBeGreaterThanOrEqual(1);
      expect(changed.length).toBeLessThanOrEqual(2);
    }
  });

  it('are taken from a store of kept pieces: the same bytes as deflated now, and only those around an edit deflated again', async () => {
    const bytes = await saved();
    const parts = unzipSync(bytes);
    const store = memoryStore();
    const date = reportDocument(REPORTS[0]!).meta.date;
    expect(same(zipPackage(new Map(Object.entries(parts)), date, store), bytes)).toBe(true);
    expect(store.kept).toBe(1);
    const kept = (store.entries.values().next().value as { pieces: Array<[string, number, number, string]> }).pieces;
    // Another zip in between: what the process remembers is not these pieces.
    zipPackage(new Map([['a.xml', strToU8('<a/>')]]), date);
    // The same parts: every piece from the store, nothing kept again.
    expect(same(zipPackage(new Map(Object.entries(parts)), date, store), bytes)).toBe(true);
    expect(store.kept).toBe(1);
    // One figure edited: the zip is what zipping without the store gives, and one or two pieces are new.
    const text = Buffer.from(parts['word/document.xml']!).toString('utf8');
    const m = /(\d+)条/.exec(text)!;
    const edited = { ...parts, 'word/document.xml': strToU8(text.slice(0, m.index) + `${m[1]}1条` + text.slice(m.index + m[0].length)) };
    zipPackage(new Map([['a.xml', strToU8('<a/>')]]), date);
    const withStore = zipPackage(new Map(Object.entries(edited)), date, store);
    zipPackage(new Map([['a.xml', strToU8('<a/>')]]), date);
    expect(same(withStore, zipPackage(new Map(Object.entries(edited)), date))).toBe(true);
    expectHolds(withStore, edited);
    expect(store.kept).toBe(2);
    const now = (store.entries.values().next().value as { pieces: Array<[string, number, number, string]> }).pieces;
    const fresh = now.filter(([digest]) => !kept.some(([d]) => d === digest));
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    expect(fresh.length).toBeLessThanOrEqual(2);
    expect(now.length).toBe(kept.length);
  });

  it('is what a deflate of the piece alone gives, wherever it stands', () => {
    const piece = strToU8('<w:p><w:t>一段文字</w:t></w:p>'.repeat(300));
    const alone = deflateEntries([{ name: 'a', data: piece }])[0]!;
    const inside = deflateEntries([{ name: 'b', data: Buffer.concat([strToU8('<w:p>前</w:p>'.repeat(800)), piece]) }])[0]!;
    expect(inflateRawSync(alone.compressed).equals(Buffer.from(piece))).toBe(true);
    expect(inside.crc).toBe(zlibCrc32(Buffer.concat([strToU8('<w:p>前</w:p>'.repeat(800)), piece])));
    const pieces: DeflatedPiece[] = [];
    deflateEntries([{ name: 'c', data: piece }], { find: () => undefined, made: (_p, d) => void pieces.push(d) });
    expect(pieces.every((p) => inflateRawSync(Buffer.concat([p.compressed, Uint8Array.of(3, 0)])).length === p.size)).toBe(true);
  });
});
