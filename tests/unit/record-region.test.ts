// Positions inside one record of a long list (src/load/record-region.ts) are the positions a
// parse of the whole file gives, and a record that cannot be found and checked falls back to it.
import { describe, expect, it } from 'vitest';
import { recordNode, recordsAround, REGION_MIN_LENGTH } from '../../src/load/record-region.js';
import { locate, locateInScalar, parseWithPositions, parseYaml, type DataPath } from '../../src/load/source.js';

/** A ledger well over the size where records are parsed alone: flow records, then block records, then a second list at the same indentation. */
function ledger(): string {
  const lines = ['# 信息科', 'information:', '  counts: {collected: 9}', '  items:'];
  for (let i = 0; i < 3000; i++) {
    lines.push(`    - {id: I${i}, title: 关于第${i}条社情民意的建议, date: 2023-01-04, submitted: ${i % 2 === 0}, adopted: false}`);
  }
  for (let i = 3000; i < 3100; i++) {
    lines.push(`    - id: I${i}`, `      title: "第${i}条"`, `      # 备注`, `      tags: [民生, 教育]`, `      submitted: true`);
  }
  lines.push('  others:');
  for (let i = 0; i < 3; i++) lines.push(`    - {id: X${i}}`);
  lines.push('proposals:');
  lines.push('  - {id: P1, title: "关于{{proposals.total}}的建议"}');
  for (let i = 2; i <= 4; i++) lines.push(`  - {id: P${i}, title: 建议${i}}`);
  return lines.join('\n') + '\n';
}

describe('positions inside one record', () => {
  const text = ledger();
  const fast = () => parseYaml('i.yaml', text);
  const whole = parseWithPositions('i.yaml', text);

  it('is used for long files only', () => {
    expect(text.length).toBeGreaterThan(REGION_MIN_LENGTH);
    const parsed = fast();
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.file.parsed).toBe(false);
    expect(locate(parsed.file, ['information', 'items', 7, 'title'])).toEqual(locate(whole.file, ['information', 'items', 7, 'title']));
    // One record was parsed alone: the whole file still has not been.
    expect(parsed.file.parsed).toBe(false);
  });

  const paths: Array<[DataPath, boolean]> = [
    [['information', 'items', 0], false],
    [['information', 'items', 0, 'submitted'], false],
    [['information', 'items', 0, 'submitted'], true],
    [['information', 'items', 1234, 'date'], false],
    [['information', 'items', 2999, 'adopted'], false],
    [['information', 'items', 3000, 'title'], false],
    [['information', 'items', 3055, 'tags', 1], false],
    [['information', 'items', 3099, 'submitted'], true],
    // A field the record lacks is placed on the record.
    [['information', 'items', 42, 'adoptedBy'], false],
    // The second list at the same indentation: counted with the first, found by the check failing.
    [['information', 'others', 2, 'id'], false],
    [['proposals', 0, 'title'], false],
    // Past the data: the deepest ancestor, as before.
    [['information', 'items', 9999, 'id'], false],
    [['information', 'counts', 'collected'], false],
  ];
  /** Paths placed by parsing the whole file: no index, no such record, or a record not where the count says. */
  const WHOLE = new Set(['information.others.2.id', 'information.items.9999.id', 'information.counts.collected']);
  it.each(paths)('places %j (key: %s) where the whole parse does', (path, key) => {
    const { file } = fast();
    expect(locate(file, path, key)).toEqual(locate(whole.file, path, key));
    expect(file.parsed).toBe(WHOLE.has(path.join('.')));
  });

  it('places a problem inside a prose string of a record where the whole parse does', () => {
    const path = ['proposals', 0, 'title'];
    expect(locateInScalar(fast().file, path, 1, 3)).toEqual(locateInScalar(whole.file, path, 1, 3));
  });

  it('finds nothing when the record is not the one counted (two lists at one indentation)', () => {
    const parsed = fast();
    expect(recordNode({}, text, parsed.value, ['information', 'others', 2, 'id'])).toBeUndefined();
    expect(recordNode({}, text, parsed.value, ['information', 'items', 2, 'id'])?.depth).toBe(3);
  });
});

describe('a syntax problem in a long file', () => {
  const text = ledger();
  const lines = text.split('\n');
  const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
  /** The ledger with line `index` changed by `change`. */
  const broken = (index: number, change: (line: string) => string) => lines.map((l, i) => (i === index ? change(l) : l)).join('\n');

  const cases: Array<[string, string]> = [
    ['a flow map left open', broken(at('id: I1500,'), (l) => l.replace(/}$/, ''))],
    ['a key written twice', broken(at('id: I20,'), (l) => l.replace('adopted: false', 'adopted: false, submitted: true'))],
    ['text after a quoted value', broken(at('"第3010条"'), (l) => l.replace('"第3010条"', '"第3010条" 补充'))],
    ['the first record broken', broken(at('id: I0,'), (l) => l.replace('{id', '{{id'))],
    ['the last record broken', broken(at('id: P4,'), (l) => l.replace(/}$/, ''))],
    ['a tab in the indentation', broken(at('id: I2999,'), (l) => '\t' + l)],
    ['a block record misindented', broken(at('tags: [民生, 教育]') + 5 * 7, (l) => l.slice(1))],
    ['a top-level key broken', broken(at('information:'), () => 'information: [')],
    // Read to the end of the file by both readers: only the whole file shows where it opened.
    ['a quote opened at the start of a line', broken(at('id: P2,'), (l) => `'${l.trimStart()}`)],
  ];
  it.each(cases)('is reported as a parse of the whole file reports it: %s', (what, changed) => {
    expect(changed.length).toBeGreaterThan(REGION_MIN_LENGTH);
    const fast = parseYaml('i.yaml', changed);
    expect(fast.diagnostics.length).toBeGreaterThan(0);
    expect(fast.diagnostics).toEqual(parseWithPositions('i.yaml', changed).diagnostics);
    // Only a problem outside the records needs the whole file parsed.
    expect(fast.file.parsed).toBe(what === 'a top-level key broken' || what === 'a quote opened at the start of a line');
  });

  it('takes the record that holds the offset, with its neighbours', () => {
    const offset = text.indexOf('id: I1500,');
    const near = recordsAround({}, text, offset)!;
    expect(text.slice(near.start, near.end).split('\n').filter(Boolean).map((l) => /id: (\w+)/.exec(l)![1])).toEqual(['I1499', 'I1500', 'I1501']);
    expect(near.context).toBe('information:\n  items:\n');
    expect(recordsAround({}, text, 3)).toBeUndefined();
  });
});
