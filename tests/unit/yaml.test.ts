/** Reading a YAML data file (load/yaml.ts): values, positions, syntax errors, keys written twice, alias bombs. */
import { describe, expect, it } from 'vitest';
import { excessiveNesting, MAX_NESTING } from '../../src/load/nesting.js';
import { locate, parseYaml } from '../../src/load/yaml.js';

describe('parseYaml', () => {
  it('keeps positions so that a data path maps to line and column', () => {
    const parsed = parseYaml('p.yaml', 'proposals:\n  - id: P1\n    category: 民生\n');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.value).toEqual({ proposals: [{ id: 'P1', category: '民生' }] });
    expect(locate(parsed.file, ['proposals', 0, 'category'])).toMatchObject({ file: 'p.yaml', line: 3, column: 15, path: 'proposals[0].category' });
    expect(locate(parsed.file, ['proposals', 0, 'category'], true)).toMatchObject({ line: 3, column: 5 });
    // A missing field is placed on the map that lacks it.
    expect(locate(parsed.file, ['proposals', 0, 'title'])).toMatchObject({ line: 2, column: 5 });
  });

  it('reads every value by one schema, whatever else the file holds', () => {
    expect(parseYaml('a.yaml', 'total: 0x10\nflag: yes\nday: 2023-01-03\n').value).toEqual({ total: 16, flag: 'yes', day: '2023-01-03' });
    expect(parseYaml('b.yaml', '# 注释\nx: &a 1\ntotal: 0x10\n').value).toEqual({ x: 1, total: 16 });
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

  it('places a problem only js-yaml sees by the same lines as every other (a lone CR does not end a line)', () => {
    // js-yaml breaks lines at a lone CR, the parser that keeps positions (and the quoting of the
    // source line) does not: its line and column would point past the end of the file.
    const text = 'a: [1, 2]\nb: x\r}y\n';
    const parsed = parseYaml('cr.yaml', text);
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'RPT104', line: 2, column: 6 });
    const lines = text.split('\n');
    expect(lines[parsed.diagnostics[0]!.line! - 1]![parsed.diagnostics[0]!.column! - 1]).toBe('}');
  });

  it('refuses an alias bomb at once', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) {
      const [name, previous] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
      lines.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`);
    }
    const parsed = parseYaml('bomb.yaml', lines.join('\n'));
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics[0]?.code).toBe('RPT107');
  });

  it('refuses nesting deeper than the data ever nests, before any parser recurses', () => {
    const parsed = parseYaml('deep.yaml', `a: ${'['.repeat(MAX_NESTING + 5)}`);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'RPT115', line: 1 });
    expect(excessiveNesting(`a: ${'['.repeat(MAX_NESTING - 2)}`)).toBeUndefined();
  });
});
