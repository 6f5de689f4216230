/**
 * Positions in a long ledger. A national organisation's information ledger holds 50,000 items
 * (6 MB of YAML); a problem in one item is placed by parsing that record alone
 * (load/record-region.ts) instead of the whole file, and must land exactly where a parse of
 * the whole file puts it. Checked here against the `yaml` parser run over the whole text, and
 * through `report validate` on a national-size ledger with one bad value.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REGION_MIN_LENGTH } from '../../src/load/record-region.js';
import { locate, parseYaml } from '../../src/load/yaml.js';
import { copyFixture, positionOf } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

type DataPath = Array<string | number>;

/** A ledger well over the size where records are parsed alone: flow records, block records, then a second list at the same indentation. */
function ledger(): string {
  const lines = ['# 信息科', 'information:'];
  for (let i = 0; i < 3000; i++) lines.push(`  - {id: I${i}, title: 关于第${i}条社情民意的建议（编报科室：信息科）, date: 2023-01-04, submitted: ${i % 2 === 0}}`);
  for (let i = 3000; i < 3100; i++) lines.push(`  - id: I${i}`, `    title: "第${i}条"`, `    # 备注`, `    tags: [民生, 教育]`, `    submitted: true`);
  lines.push('meetings:');
  for (let i = 0; i < 3; i++) lines.push(`  - {id: M${i}, kind: 主席会议, date: 2023-02-0${i + 1}}`);
  lines.push('totals:', '  information: {collected: 9}');
  return lines.join('\n') + '\n';
}

const parses = new Map<string, { doc: ReturnType<typeof parseDocument>; lines: LineCounter }>();

/** Where the whole-file parse puts `path`: the node's start, or the deepest ancestor's when the path runs past the data. */
function wholeParse(text: string, path: DataPath, key = false): { line: number; column: number } {
  if (!parses.has(text)) {
    const lines = new LineCounter();
    parses.set(text, { doc: parseDocument(text, { lineCounter: lines }), lines });
  }
  const { doc, lines } = parses.get(text)!;
  let node: unknown = doc.contents;
  path.forEach((segment, i) => {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return;
      node = i === path.length - 1 && key ? pair.key : (pair.value ?? pair.key);
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      node = node.items[segment];
    }
  });
  const { line, col } = lines.linePos((node as Node).range![0]);
  return { line, column: col };
}

describe('positions inside one record of a long ledger', () => {
  const text = ledger();

  it('is used for long files only, and leaves the whole file unparsed', () => {
    expect(text.length).toBeGreaterThan(REGION_MIN_LENGTH);
    const parsed = parseYaml('i.yaml', text);
    expect(parsed.diagnostics).toEqual([]);
    expect(locate(parsed.file, ['information', 7, 'title'])).toMatchObject(wholeParse(text, ['information', 7, 'title']));
    expect(parsed.file.parsed).toBe(false);
  });

  const paths: Array<[DataPath, boolean]> = [
    [['information', 0], false],
    [['information', 0, 'submitted'], false],
    [['information', 0, 'submitted'], true],
    [['information', 1234, 'date'], false],
    [['information', 2999, 'submitted'], false],
    [['information', 3000, 'title'], false],
    [['information', 3055, 'tags', 1], false],
    [['information', 3099, 'submitted'], true],
    // A field the record lacks is placed on the record.
    [['information', 42, 'adoptedBy'], false],
    // The second list at the same indentation.
    [['meetings', 2, 'kind'], false],
    // Past the data: the deepest ancestor.
    [['information', 9999, 'id'], false],
    [['totals', 'information', 'collected'], false],
  ];
  it.each(paths)('places %j (key: %s) where the whole parse does', (where, key) => {
    const { file } = parseYaml('i.yaml', text);
    expect(locate(file, where, key)).toMatchObject({ file: 'i.yaml', ...wholeParse(text, where, key) });
    // A record that exists was placed alone; anything else by parsing the whole file.
    expect(file.parsed).toBe(!(where[0] === 'information' && (where[1] as number) < 3100));
  });
});

describe('a syntax problem in a long ledger', () => {
  const text = ledger();
  const lines = text.split('\n');
  const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
  /** The ledger with line `index` changed by `change`. */
  const broken = (index: number, change: (line: string) => string) => lines.map((l, i) => (i === index ? change(l) : l)).join('\n');

  const cases: Array<[string, string, string]> = [
    ['a flow map left open', broken(at('id: I1500,'), (l) => l.replace(/}$/, '')), 'RPT104'],
    ['a key written twice', broken(at('id: I20,'), (l) => l.replace('submitted: true', 'submitted: true, submitted: false')), 'RPT105'],
    ['text after a quoted value', broken(at('"第3010条"'), (l) => l.replace('"第3010条"', '"第3010条" 补充')), 'RPT104'],
    ['the first record broken', broken(at('id: I0,'), (l) => l.replace('{id', '{{id')), 'RPT104'],
    ['the last record broken', broken(at('id: M2,'), (l) => l.replace(/}$/, '')), 'RPT104'],
    ['a tab in the indentation', broken(at('id: I2999,'), (l) => '\t' + l), 'RPT104'],
    ['a top-level key broken', broken(at('meetings:'), () => 'meetings: ['), 'RPT104'],
    ['a quote opened at the start of a line', broken(at('id: I2000,'), (l) => `'${l.trimStart()}`), 'RPT104'],
  ];
  it.each(cases)('is reported on the line the whole parse names: %s', (_what, changed, code) => {
    expect(changed.length).toBeGreaterThan(REGION_MIN_LENGTH);
    const parsed = parseYaml('i.yaml', changed);
    expect(parsed.value).toBeUndefined();
    const lineCounter = new LineCounter();
    const whole = parseDocument(changed, { lineCounter, uniqueKeys: true });
    expect(whole.errors.length).toBeGreaterThan(0);
    expect(parsed.diagnostics[0]).toMatchObject({ code, file: 'i.yaml', line: lineCounter.linePos(whole.errors[0]!.pos[0]).line });
  });
});

describe('report validate on a national-size ledger', () => {
  it('places one wrong value, one date outside the year and one duplicate id among 50,000 items', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'information.yaml');
    const items = Array.from({ length: 50_000 }, (_, i) => {
      const id = `I${String(i).padStart(5, '0')}`;
      const title = `关于第${i}条社情民意的建议`;
      if (i === 37_123) return `  - {id: ${id}, title: ${title}, date: 2023-06-01, submitted: 也许}`;
      if (i === 41_000) return `  - {id: ${id}, title: ${title}, date: 2022-12-31, submitted: false}`;
      if (i === 45_000) return `  - {id: I00042, title: ${title}, date: 2023-06-01, submitted: false}`;
      return `  - {id: ${id}, title: ${title}, date: 2023-0${1 + (i % 9)}-1${i % 10}, submitted: ${i % 3 === 0}}`;
    });
    await writeFile(file, `# 信息科\ninformation:\n${items.join('\n')}\n`);
    expect((await readFile(file)).length).toBeGreaterThan(3_000_000);
    const run = await report(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
    expect(run.code).toBe(1);
    const diagnostics = jsonDiagnostics(run.stdout);
    const wrong = await positionOf(file, '也许');
    const outside = await positionOf(file, '2022-12-31');
    const duplicate = await positionOf(file, 'I00042, title: 关于第45000条');
    const first = await positionOf(file, 'I00042, title: 关于第42条');
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'RPT201', file: '2023/information.yaml', line: wrong.line, column: wrong.column }));
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'RPT302', file: '2023/information.yaml', line: outside.line, column: outside.column }));
    const dup = diagnostics.find((d) => d.code === 'RPT301');
    expect(dup).toMatchObject({ file: '2023/information.yaml', line: duplicate.line, column: duplicate.column });
    expect(dup!.message).toContain(`首次出现在 2023/information.yaml:${first.line}`);
    expect(diagnostics).toHaveLength(3);
  });

  it('places a syntax error in the middle of it', async () => {
    const data = await copyFixture('minimal');
    const file = path.join(data, '2023', 'information.yaml');
    const items = Array.from({ length: 50_000 }, (_, i) => `  - {id: I${i}, title: 信息${i}, date: 2023-05-01${i === 25_000 ? ', submitted: true' : '}'}`);
    await writeFile(file, `information:\n${items.join('\n')}\n`);
    const run = await report(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
    expect(run.code).toBe(1);
    const problem = jsonDiagnostics(run.stdout).find((d) => d.code === 'RPT104');
    expect(problem?.file).toBe('2023/information.yaml');
    // The map left open is seen where the next record starts.
    expect([25_002, 25_003]).toContain(problem!.line);
  });
});
