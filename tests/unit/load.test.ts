import { describe, expect, it } from 'vitest';
import { decode } from '../../src/load/decode.js';
import { locate, locateInScalar, parseYaml } from '../../src/load/source.js';

describe('decode', () => {
  const text = 'proposals:\n  - {id: P1, title: 关于养老服务的建议}\n';
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decode(Buffer.from(text, 'utf8'))).toEqual({ text });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decode(bom)).toEqual({ text, encoding: 'utf-8-bom' });
  });
  it('reads UTF-16 with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decode(le)).toEqual({ text, encoding: 'utf-16le' });
  });
  it('reads GBK bytes as GB18030 instead of misreading them', () => {
    // “关于养老” in GBK.
    const gbk = Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0xd1, 0xf8, 0xc0, 0xcf]);
    expect(decode(gbk)).toEqual({ text: '关于养老', encoding: 'gb18030' });
  });
  it('refuses bytes that are no text', () => {
    expect(decode(Buffer.from('abc\u0000def\u0000ghi', 'utf8')).error).toContain('NUL');
    expect(decode(Buffer.from([0x80, 0xff, 0x80, 0xff, 0x30])).error).toBeDefined();
  });
});

describe('parseYaml', () => {
  it('keeps positions so that a data path maps to line and column', () => {
    const parsed = parseYaml('p.yaml', 'proposals:\n  - id: P1\n    category: 民生\n');
    expect(parsed.diagnostics).toEqual([]);
    expect(locate(parsed.file, ['proposals', 0, 'category'])).toMatchObject({ file: 'p.yaml', line: 3, column: 15 });
    expect(locate(parsed.file, ['proposals', 0, 'category'], true)).toMatchObject({ line: 3, column: 5 });
    // A missing field is placed on the map that lacks it.
    expect(locate(parsed.file, ['proposals', 0, 'title'])).toMatchObject({ line: 2, column: 5 });
  });
  it('reports syntax errors and duplicate keys with positions', () => {
    const bad = parseYaml('b.yaml', 'a: [1, 2\nb: 3\n');
    expect(bad.value).toBeUndefined();
    expect(bad.diagnostics[0]).toMatchObject({ code: 'RPT104', file: 'b.yaml' });
    const dup = parseYaml('d.yaml', 'a: 1\nb: 2\na: 3\n');
    expect(dup.diagnostics[0]).toMatchObject({ code: 'RPT105', line: 3, column: 1 });
  });
  it('names the whole key written twice, in block and flow mappings, quoted or not', () => {
    const block = parseYaml('d.yaml', 'title: 一\nsector: 二\ntitle: 三\n');
    expect(block.diagnostics[0]).toMatchObject({ code: 'RPT105', line: 3, column: 1, message: '同一层级中字段“title”出现了两次' });
    const flow = parseYaml('d.yaml', 'items:\n  - {id: I1, title: 标题, id: I2}\n');
    expect(flow.diagnostics[0]).toMatchObject({ code: 'RPT105', line: 2, column: 25, message: '同一层级中字段“id”出现了两次' });
    const quoted = parseYaml('d.yaml', '"adoptedBy": 市委\nadoptedBy: 省委\n');
    expect(quoted.diagnostics[0]).toMatchObject({ code: 'RPT105', line: 2, message: '同一层级中字段“adoptedBy”出现了两次' });
  });
  it('refuses an alias bomb at once', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const parsed = parseYaml('bomb.yaml', lines.join('\n'));
    expect(parsed.diagnostics[0]?.code).toBe('RPT107');
  });
  it('places a position inside a literal block scalar', () => {
    const src = 'narrative:\n  thanks: |\n    第一行\n    第二行{{x}}\n';
    const parsed = parseYaml('n.yaml', src);
    // line 2 of the value, column 3 (0-based) → source line 4, column 5 + 3
    expect(locateInScalar(parsed.file, ['narrative', 'thanks'], 2, 3)).toMatchObject({ line: 4, column: 8 });
    const plain = parseYaml('m.yaml', 'thanks: 一二三{{x}}\n');
    expect(locateInScalar(plain.file, ['thanks'], 1, 3)).toMatchObject({ line: 1, column: 12 });
  });
});
