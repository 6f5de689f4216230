/**
 * The Word package's zip (src/write/docx/zip.ts) is byte for byte fflate's zipSync at level 6 with
 * the same entries and date: for the packages of the saved reports (default layout, both scripts,
 * and another layout, so stored, remembered and fresh deflates all occur) and for random entries
 * (names with Chinese, empty and binary data). The stored deflated parts are checked to be current
 * and whole: every part of a default-layout document but its text and core properties is among
 * them, and each is the deflate of the part with its digest.
 *
 * After a change to those parts: UPDATE_DEFLATED_PARTS=1 npx vitest run tests/docx/zip.test.ts
 * rewrites src/write/docx/deflated-parts.ts (a stale table only costs speed: a part that is not
 * found is deflated).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { deflateSync, inflateSync, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { resolveLayout } from '../../src/validate/resolve-layout.js';
import { DEFLATED_PARTS } from '../../src/write/docx/deflated-parts.js';
import { parseIsoDate, zipPackage } from '../../src/write/docx/package.js';
import { renderDocx } from '../../src/write/docx/render-docx.js';
import { crc32, partDigest, zipEntries } from '../../src/write/docx/zip.js';
import { ROOT } from '../helpers/fixture.js';
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
const FIXED = (name: string) => name !== 'word/document.xml' && name !== 'docProps/core.xml';

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

  it('has every fixed part of a default-layout document stored, each the deflate of the part with its digest', async () => {
    const fixed = new Map<string, { name: string; data: Uint8Array }>();
    for (const script of ['hans', 'hant'] as const) {
      const parts = unzipSync(await renderDocx(doc(FIXTURE, { script }), DEFAULT_LAYOUT));
      for (const [name, data] of Object.entries(parts)) if (FIXED(name) && !fixed.has(partDigest(data))) fixed.set(partDigest(data), { name: `${name} (${script})`, data });
    }
    if (process.env.UPDATE_DEFLATED_PARTS === '1') {
      const lines = [...fixed].map(([digest, { name, data }]) => `  // ${name}\n  '${digest}':\n    '${Buffer.from(deflateSync(data, { level: 6 })).toString('base64')}',`);
      const header =
        '// The parts every Word document with the default layout has, already deflated (level 6, fflate), by the\n' +
        "// digest of their bytes (zip.ts): a fresh process's deflate runs cold, and these are most of the package.\n" +
        '// Written by `UPDATE_DEFLATED_PARTS=1 npx vitest run tests/docx/zip.test.ts`; a part not found is deflated.\n';
      writeFileSync(path.join(ROOT, 'src', 'write', 'docx', 'deflated-parts.ts'), `${header}export const DEFLATED_PARTS: Readonly<Record<string, string>> = {\n${lines.join('\n')}\n};\n`);
      return;
    }
    const missing = [...fixed].filter(([digest]) => DEFLATED_PARTS[digest] === undefined).map(([, { name }]) => name);
    expect(missing, 'run UPDATE_DEFLATED_PARTS=1 npx vitest run tests/docx/zip.test.ts').toEqual([]);
    for (const [digest, stored] of Object.entries(DEFLATED_PARTS)) {
      const part = fixed.get(digest);
      expect(part, `a stored part no default-layout document has: ${digest}`).toBeDefined();
      const bytes = Buffer.from(stored, 'base64');
      expect(same(inflateSync(bytes), part!.data)).toBe(true);
      expect(same(bytes, deflateSync(part!.data, { level: 6 }))).toBe(true);
    }
  });
});
