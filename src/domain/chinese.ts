/** Chinese numerals and the genre's heading numbers (一、 （一）). */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/** 9 → 九, 12 → 十二, 20 → 二十, 105 → 一百零五; up to 99,999,999. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999_999) throw new RangeError(`无法写成中文数字：${n}`);
  if (n === 0) return DIGITS[0]!;
  if (n >= 10_000) {
    const high = Math.floor(n / 10_000);
    const low = n % 10_000;
    return chineseNumeral(high) + '万' + (low === 0 ? '' : (low < 1000 ? '零' : '') + chineseNumeral(low));
  }
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += DIGITS[0];
    zero = false;
    out += DIGITS[d]! + unit;
  });
  // 一十二 is written 十二.
  return out.startsWith('一十') ? out.slice(1) : out;
}

export const partNumber = (n: number): string => `${chineseNumeral(n)}、`;
export const sectionNumber = (n: number): string => `（${chineseNumeral(n)}）`;

/** Two-character names are set with an ideographic space between the characters: 郭　伦. */
export function spacedName(name: string): string {
  const chars = [...name.trim()];
  return chars.length === 2 ? chars.join('\u3000') : name.trim();
}
