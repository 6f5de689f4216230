import { describe, expect, it } from 'vitest';
import { balancedShares, ratio, roundTo } from '../../src/domain/numbers.js';
import { chineseNumeral, partNumber, sectionNumber, spacedName } from '../../src/domain/chinese.js';
import { formatApprox, formatApproxWord, formatPercent, formatYoy } from '../../src/domain/figures-format.js';
import { toFullWidth } from '../../src/render/punctuation.js';

describe('figures arithmetic', () => {
  it('gives no ratio for a zero whole', () => {
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(116, 189)).toBeCloseTo(0.6138, 4);
  });
  it('balances shares so that printed percentages sum to 100', () => {
    const shares = balancedShares([2, 1, 1]);
    expect(shares.map((s) => formatPercent(s!))).toEqual(['50.0%', '25.0%', '25.0%']);
    // 10/6/5 of 21: plain rounding gives 48+29+24 = 101; the largest remainder 48/28/24.
    expect(balancedShares([10, 6, 5], 0).map((s) => formatPercent(s!, 0))).toEqual(['48%', '28%', '24%']);
    const sum = balancedShares([116, 40, 33]).reduce((a, b) => a! + b!, 0)!;
    expect(roundTo(sum * 100, 6)).toBe(100);
    expect(balancedShares([0, 0])).toEqual([null, null]);
  });
  it('gives equal counts equal shares, even when the group then misses 100% by a unit', () => {
    // Three equal thirds: no one of them may print 33.4% beside two 33.3%.
    expect(balancedShares([1, 1, 1]).map((s) => formatPercent(s!))).toEqual(['33.3%', '33.3%', '33.3%']);
    // “2件，占3.5%” beside “2件，占3.4%” was the defect: equal counts in a larger group.
    const counts = [2, 2, 18, 36, 1];
    const printed = balancedShares(counts).map((s) => formatPercent(s!));
    expect(printed[0]).toBe(printed[1]);
    // 18/59 = 30.508…: the share is never further than one unit from the exact value.
    balancedShares(counts).forEach((s, i) => expect(Math.abs(s! - counts[i]! / 59)).toBeLessThan(0.001));
  });
});

describe('number forms of the genre', () => {
  it('prints percentages with one decimal, as the seed does', () => {
    expect(formatPercent(116 / 189)).toBe('61.4%');
    expect(formatPercent(175 / 189)).toBe('92.6%');
    expect(formatPercent(188 / 189)).toBe('99.5%');
    // One precision per report, the trailing zero kept: 27.0% beside 16.4%, never 27%.
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.27)).toBe('27.0%');
    expect(formatPercent(0.5, 0)).toBe('50%');
  });
  it('forms approximate counts', () => {
    expect(formatApprox(213)).toBe('200余');
    expect(formatApprox(437, 10, '多')).toBe('430多');
    expect(formatApprox(43)).toBe('40余');
    expect(formatApprox(200)).toBe('200');
    expect(formatApprox(7)).toBe('7');
    expect(formatApproxWord(104)).toBe('百余');
    expect(formatApproxWord(1500)).toBe('千余');
    expect(formatApproxWord(260)).toBe('200余');
  });
  it('forms approximate counts of large numbers from their digits, and leaves a number below its step exact', () => {
    // Math.log10(999999999999999) rounds to 15: it printed "0余".
    expect(formatApprox(999_999_999_999_999)).toBe('900000000000000余');
    expect(formatApprox(1000)).toBe('1000');
    expect(formatApprox(43, 100)).toBe('43');
    expect(formatApprox(437.5)).toBe('400余');
  });
  it('describes year-over-year change', () => {
    expect(formatYoy(110, 100)).toBe('增长10.0%');
    expect(formatYoy(95, 100)).toBe('下降5.0%');
    expect(formatYoy(189, 176)).toBe('增长7.4%');
    expect(formatYoy(100, 100)).toBe('持平');
  });
  it('writes Chinese numerals and heading numbers', () => {
    expect([1, 9, 10, 12, 20, 21, 105, 110, 2023].map(chineseNumeral)).toEqual(['一', '九', '十', '十二', '二十', '二十一', '一百零五', '一百一十', '二千零二十三']);
    expect(partNumber(2)).toBe('二、');
    expect(sectionNumber(5)).toBe('（五）');
    expect(spacedName('郭伦')).toBe('郭\u3000伦');
    expect(spacedName('张晓明')).toBe('张晓明');
  });
  it('turns half-width punctuation in Chinese text full-width, numbers untouched', () => {
    expect(toFullWidth('各位委员:现在,我代表(政协)常委会;1,000件,61.4%!')).toBe('各位委员：现在，我代表（政协）常委会；1,000件，61.4%！');
    expect(toFullWidth('围绕"数字盘锦"开展')).toBe('围绕“数字盘锦”开展');
  });
});

describe('prose paragraphs', async () => {
  const { joinLines } = await import('../../src/render/prose.js');
  it('joins lines without spaces between Chinese characters, keeps them between Latin words', () => {
    expect(joinLines('第一行，\n  第二行。')).toBe('第一行，第二行。');
    expect(joinLines('折叠的 第二行')).toBe('折叠的第二行');
    expect(joinLines('Times New\nRoman 字体')).toBe('Times New Roman 字体');
    expect(joinLines('占比61.4%\n，办结率')).toBe('占比61.4%，办结率');
  });
});
