import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/write/docx/parse-markdown.js';
import { breakTitle } from '../../src/write/docx/title-break.js';

const plain = (text: string): Inline[] => [{ type: 'text', text, role: 'plain' }];
const lines = (inlines: Inline[]) =>
  inlines.map((i) => (i.type === 'text' ? i.text : '\n')).join('');

describe('breakTitle', () => {
  it('turns a long title after a place name, into two balanced lines that fit', () => {
    const title = '中国人民政治协商会议江北省云州市第十届委员会常务委员会工作报告';
    expect(lines(breakTitle(plain(title), 20))).toBe('中国人民政治协商会议江北省云州市\n第十届委员会常务委员会工作报告');
  });

  it('does not split 云州市 after 州', () => {
    // After 州 would be as even as after 会议 (12/10 against 10/12), and later breaks win ties.
    const title = '中国人民政治协商会议云州市常务委员会工作报告';
    expect(lines(breakTitle(plain(title), 20))).toBe('中国人民政治协商会议\n云州市常务委员会工作报告');
  });

  it('leaves a title that fits on one line alone', () => {
    expect(breakTitle(plain('政协云州市委员会常务委员会工作报告'), 20)).toEqual(plain('政协云州市委员会常务委员会工作报告'));
  });

  it('leaves the title to the word processor when no break gives two fitting lines', () => {
    const title = '一二三四五六七八九十一二三四五六七八九十一二三四五';
    expect(breakTitle(plain(title), 20)).toEqual(plain(title));
  });
});
