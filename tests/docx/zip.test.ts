/**
 * The Word package's zip (src/write/docx/zip.ts) is byte for byte fflate's zipSync at level 6 with
 * the same entries and date: for the packages of the saved reports (default layout, both scripts,
 * and another layout, each zipped twice so that remembered and fresh deflates both occur) and for
 * random entries (names with Chinese, empty and binary data).
 */
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { resolveLayout } from '../../src/validate/resolve-layout.js';
import { parseIsoDate, zipPackage } from '../../src/write/docx/package.js';
import { renderDocx } from '../../src/write/docx/render-docx.js';
import { crc32, zipEntries } from '../../src/write/docx/zip.js';
import { reportDocument, REPORTS } from '../write/reports.js';
import { doc, FIXTURE } from './docx-xml.js';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** fflate's zip of the same parts, in the same order, dated as zipPackage dates them. */
function fflateZip(parts: Record<string, Uint8Array>, date: string): Uint8Array {
  const { year, month, day } = parseIsoDate(date);
  const ordered: Zippable = {};
  for (const [name, data] of Object.entries(parts)) ordered[name] = data;
  return zipSync(ordered, { level: 6, mtime: new Date(year, month - 1, day) });
}

/** The order zipPackage writes entries in, as a record fflate keeps in insertion order. */
function inPackageOrder(parts: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const rank = (p: string) => (p === '[Content_Types].xml' ? 0 : p === '_rels/.rels' ? 1 : 2);
  const names = Object.keys(parts).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(names.map((n) => [n, parts[n]!]));
}

/** The parts of a default-layout document that do not depend on the report's text, title or date. */

describe('the package zip', () => {
  it('is fflate’s zipSync for the saved reports, in the default and another layout', async () => {
    const { layout: other } = resolveLayout({ paragraphs: { body: { sizePt: 15, eastAsiaFont: '仿宋' } }, pageNumber: { format: '第{page}页' } });
    for (const report of REPORTS.slice(0, 4)) {
      for (const layout of [DEFAULT_LAYOUT, other]) {
        const document = reportDocument(report);
        const bytes = await renderDocx(document, layout);
        // Twice: the second zip of the same parts takes them from what the process remembers.
        for (let i = 0; i < 2; i++) {
          const parts = unzipSync(bytes);
          expect(same(zipPackage(new Map(Object.entries(parts)), document.meta.date), fflateZip(inPackageOrder(parts), document.meta.date))).toBe(true);
        }
        expect(same(bytes, fflateZip(inPackageOrder(unzipSync(bytes)), document.meta.date))).toBe(true);
      }
    }
  });

  it('is fflate’s zipSync for random entries', () => {
    const name = fc.stringMatching(/^[a-z]{1,6}(\/[a-z]{1,6})?\.(xml|rels)$/).chain((ascii) => fc.constantFrom(ascii, `word/报告${ascii}`, `附件/${ascii}`));
    const data = fc.oneof(fc.string({ maxLength: 3000 }).map((s) => strToU8(s)), fc.uint8Array({ maxLength: 5000 }), fc.constant(new Uint8Array(0)));
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, data), { minLength: 1, maxLength: 6, selector: ([n]) => n }), fc.integer({ min: 1980, max: 2099 }), (entries, year) => {
        const date = `${year}-03-17`;
        const parts = inPackageOrder(Object.fromEntries(entries));
        expect(same(zipPackage(new Map(Object.entries(parts)), date), fflateZip(parts, date))).toBe(true);
      }),
      { numRuns: 150, seed: 24 },
    );
  });

  it('computes fflate’s CRC-32', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    const zip = zipEntries([{ name: 'a.xml', data: strToU8('政协') }], 0);
    expect(new DataView(zip.buffer).getUint32(14, true)).toBe(crc32(strToU8('政协')));
  });
});
