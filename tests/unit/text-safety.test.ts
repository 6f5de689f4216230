import { describe, expect, it } from 'vitest';
import { forbiddenCharacters, forbiddenIn } from '../../src/validate/text-safety.js';

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
  it('names every string under a value that holds one, keys and nested lists included, and nothing in a clean value', () => {
    const at = (path: ReadonlyArray<string | number>) => ({ path: path.join('.') });
    const record = { id: 'P1', title: '标题\u0002', leadUnits: ['甲', '乙\uFFFE'], items: [{ date: '2023-01-01', ['键\u0007']: 'x' }], count: 3 };
    expect(forbiddenCharacters(record, at).map((d) => d.path)).toEqual(['title', 'leadUnits.1', 'items.0.键\u0007']);
    expect(forbiddenCharacters({ id: 'P1', tags: ['民生'], items: [{ title: '第一行\n第二行' }] }, at)).toEqual([]);
    expect(forbiddenCharacters('\u0000', at).map((d) => d.path)).toEqual(['']);
  });
});
