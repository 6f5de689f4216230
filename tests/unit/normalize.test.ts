/**
 * squash skips NFKC for text made only of printable ASCII (no space) and CJK Unified Ideographs:
 * NFKC leaves every one of those characters as it is (checked here for each), and anything else
 * goes through the normalization as before (checked against it on random texts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squash } from '../../src/load/spreadsheet/normalize.js';

/** squash as it was written before the shortcut. */
const reference = (text: string) => text.normalize('NFKC').replace(/[\s\u3000\u00a0\ufeff]+/g, '').toLowerCase();

describe('squash', () => {
  it('skips only characters NFKC leaves as they are', () => {
    for (let c = 0x21; c <= 0x7e; c++) expect(String.fromCharCode(c).normalize('NFKC')).toBe(String.fromCharCode(c));
    for (let c = 0x4e00; c <= 0x9fff; c++) expect(String.fromCharCode(c).normalize('NFKC'), c.toString(16)).toBe(String.fromCharCode(c));
  });

  it('gives what the normalization gives, on texts of every kind cells hold', () => {
    const unit = fc.constantFrom('A', 'z', '0', '-', '_', '提', '案', '立', ' ', '\u3000', '\u00a0', '\n', 'Ｐ', '２', '（', '）', '：', '\uf900', '⼀', 'ﬁ', 'é', 'e\u0301', '\ufeff', '·', '龦', '鿿', '㐀');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
        expect(squash(text)).toBe(reference(text));
      }),
      { numRuns: 5000, seed: 11 },
    );
    for (const text of ['委员', 'P2023-0001', '立案（并案）', 'ＡＢＣ', 'A B', '', '満意', '\u2F00']) expect(squash(text)).toBe(reference(text));
  });
});
