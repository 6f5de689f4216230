import { describe, expect, it } from 'vitest';
import { forbiddenIn } from '../../src/validate/text-safety.js';

describe('characters no document may hold', () => {
  it('finds C0 controls, U+FFFE/U+FFFF and unpaired surrogates, at their place', () => {
    expect(forbiddenIn('提案\u0001办理')).toEqual({ index: 2, code: 'U+0001' });
    expect(forbiddenIn('末尾\uFFFF')).toEqual({ index: 2, code: 'U+FFFF' });
    expect(forbiddenIn('高位\uD800单独')).toEqual({ index: 2, code: 'U+D800' });
    expect(forbiddenIn('\uDC00低位在前')).toEqual({ index: 0, code: 'U+DC00' });
  });
  it('lets tabs, line breaks and characters outside the BMP (paired surrogates) through', () => {
    expect(forbiddenIn('第一行\n\t第二行\r\n')).toBeUndefined();
    expect(forbiddenIn('𠀋字和😀')).toBeUndefined();
  });
});
