/**
 * Hostile YAML: alias bombs, prototype keys, deep nesting, very long values and a 50 MB file must
 * end in a diagnostic or a result, quickly and within bounded memory. Run in-process through
 * `main`; the time each run took is printed, never asserted.
 */
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { excessiveNesting, MAX_NESTING } from '../../src/load/nesting.js';
import { parseYaml } from '../../src/load/yaml.js';
import { copyFixture } from '../helpers/fixture.js';
import { runAnnual } from '../helpers/library.js';
import { report, type ReportRun } from '../helpers/report.js';
import { parseTextDiagnostics, positionFailures } from './oracle.js';

const figures: string[] = [];
afterAll(() => {
  if (figures.length > 0) console.log(`hostile YAML, in-process:\n  ${figures.join('\n  ')}`);
});

async function timed(what: string, args: string[], cwd: string): Promise<ReportRun> {
  const started = performance.now();
  const run = await report(args, { cwd });
  figures.push(`${what}: exit ${run.code}, ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return run;
}

/** A data folder (the minimal fixture) with extra files. */
async function dataWith(files: Record<string, string | Buffer>): Promise<string> {
  const data = await copyFixture('minimal');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(data, name)), { recursive: true });
    await writeFile(path.join(data, name), content);
  }
  return data;
}

function expectCleanFailure(run: ReportRun): void {
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误|FATAL/);
}

function expectPositionsInside(run: ReportRun, data: string): void {
  expect(positionFailures(parseTextDiagnostics(run.stderr), data)).toEqual([]);
}

const laughs = (anchor: (i: number) => string) =>
  Array.from({ length: 10 }, (_, i) =>
    i === 0
      ? `l0: &${anchor(0)} ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`
      : `l${i}: &${anchor(i)} [${Array.from({ length: 10 }, () => `*${anchor(i - 1)}`).join(', ')}]`,
  ).join('\n') + '\n';

describe('hostile YAML', () => {
  it('refuses a billion-laughs alias bomb at once, with a clear message', async () => {
    const data = await dataWith({ '2023/bomb.yaml': laughs((i) => `a${i}`) });
    const run = await timed('alias bomb (10 levels of 10 aliases)', ['validate', '2023', '--data', data], data);
    expectCleanFailure(run);
    expect(run.stderr).toContain('RPT107');
    expect(run.stderr).toContain('YAML 别名（*）展开后的内容过多，文件被拒绝');
    expectPositionsInside(run, data);
    const parsed = parseYaml('bomb.yaml', laughs((i) => `a${i}`));
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics[0]?.code).toBe('RPT107');
  });

  it('keeps an alias bomb with non-ASCII anchor names harmless too', async () => {
    const names = '甲乙丙丁戊己庚辛壬癸';
    const data = await dataWith({ '2023/bomb.yaml': laughs((i) => names[i]!).replace('l9:', 'proposals:') });
    const run = await timed('alias bomb with Chinese anchor names', ['validate', '2023', '--data', data], data);
    expectCleanFailure(run);
    expectPositionsInside(run, data);
  });

  it('lets __proto__ and constructor keys change nothing, and reports them as unknown fields', async () => {
    const data = await dataWith({
      // With an anchor and without, block and flow style.
      '2023/proto.yaml': '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n',
      '2023/proto-anchor.yaml': 'x: &a {polluted: yes}\n__proto__: *a\n',
      '2023/records.yaml':
        'research:\n  - {id: R9, kind: 调研, leadBody: 研究室, leadBodyKind: 专委会, date: 2023-05-01, __proto__: {title: 原型上的标题, polluted: yes}}\n' +
        '  - id: R10\n    kind: 视察\n    title: 关于\n    leadBody: 研究室\n    leadBodyKind: 专委会\n    date: 2023-06-01\n    constructor: {prototype: {polluted: yes}}\n',
    });
    await appendFile(path.join(data, 'organization.yaml'), '  __proto__: {polluted: yes}\n');
    const result = await runAnnual(data);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const unknown = result.diagnostics.filter((d) => d.code === 'RPT204').map((d) => `${d.file}:${d.line} ${d.message}`);
    expect(unknown).toEqual(
      expect.arrayContaining([
        '2023/proto.yaml:1 不认识的字段“__proto__”',
        '2023/proto.yaml:3 不认识的字段“constructor”',
        '2023/proto-anchor.yaml:1 不认识的字段“x”',
        '2023/proto-anchor.yaml:2 不认识的字段“__proto__”',
        '2023/records.yaml:2 不认识的字段“__proto__”',
        '2023/records.yaml:9 不认识的字段“constructor”',
        expect.stringMatching(/^organization\.yaml:\d+ 不认识的字段“__proto__”$/),
      ]),
    );
    // A title on the prototype does not count as the record's title.
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'RPT202', file: '2023/records.yaml', line: 2, path: 'research[0].title' }));
    expect(positionFailures(result.diagnostics, data)).toEqual([]);
    expectCleanFailure(await report(['validate', '2023', '--data', data], { cwd: data }));
  });

  it.each([
    ['100,000 nested [', `proposals: ${'['.repeat(100_000)}\n`],
    ['100,000 nested [ and ]', `proposals: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
    ['100,000 nested {a:', `proposals: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`],
    ['100,000 nested - ', `proposals:\n  ${'- '.repeat(100_000)}x\n`],
    ['1,000 levels of indentation', `proposals:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n`],
  ])('refuses %s with a diagnostic at the place', async (what, text) => {
    // Several such files in one run: near the end of the stack V8 may abort the process outright
    // (a fatal "RegExpCompiler Allocation failed"), so nesting is measured before any parser runs.
    const data = await dataWith({ '2023/deep1.yaml': text, '2023/deep2.yaml': text, '2023/deep3.yaml': text, '2023/deep4.yaml': text, '2023/deep5.yaml': text, '2023/deep6.yaml': text });
    const run = await timed(`6 files of ${what}`, ['validate', '2023', '--data', data], data);
    expectCleanFailure(run);
    expect(run.stderr).toMatch(/2023\/deep1\.yaml:\d+:\d+ 错误 RPT115 YAML 嵌套超过 100 层/);
    expectPositionsInside(run, data);
    await rm(data, { recursive: true, force: true });
  });

  it('measures nesting the way the data nests, and only that', () => {
    expect(excessiveNesting(`a: ${'['.repeat(MAX_NESTING - 2)}`)).toBeUndefined();
    expect(excessiveNesting(`a: ${'['.repeat(MAX_NESTING)}`)).toEqual({ line: 1, column: 3 + MAX_NESTING });
    // Brackets inside quotes, comments, block scalars and plain text are no nesting.
    expect(excessiveNesting(`a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'`)).toBeUndefined();
    expect(excessiveNesting(`a: 1 # ${'['.repeat(500)}`)).toBeUndefined();
    expect(excessiveNesting(`a: |\n  ${'['.repeat(500)}\n  ${'{'.repeat(300)}\nb: 1`)).toBeUndefined();
    expect(excessiveNesting(`a: 关于${'{'.repeat(500)}的建议`)).toBeUndefined();
    // An apostrophe in plain text opens no quote that could hide what follows.
    expect(excessiveNesting(`a: it's\nb: ${'['.repeat(MAX_NESTING + 1)}`)?.line).toBe(2);
  });

  it('refuses a 50 MB file unread, and reads a long value or a long line within bounds', async () => {
    const record50 = '  - {id: "X", title: 关于加快推进老旧小区改造的提案, submitterKind: 团体, proposer: 市总工会, category: 民生和社会事业, submittedOn: 2023-01-03, review: 立案}\n';
    const count = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(record50));
    const big = 'proposals:\n' + Array.from({ length: count }, (_, i) => record50.replace('"X"', `"X${i}"`)).join('');
    const longValue = `proposals:\n  - {id: L1, title: ${'长'.repeat(3_000_000)}, submitterKind: 委员, proposer: 某委员, category: 民生和社会事业, review: 立项}\n`;
    const data = await dataWith({ '2023/big.yaml': big, '2023/long.yaml': longValue });
    const run = await timed(`a ${(Buffer.byteLength(big) / 1024 / 1024).toFixed(0)} MB file and a 9 MB line with an error at its end`, ['validate', '2023', '--data', data], data);
    expectCleanFailure(run);
    expect(run.stderr).toMatch(/2023\/big\.yaml:1:1 错误 RPT114 文件有 5\d\.\d MB，超过了数据文件的上限 16 MB/);
    // The long line is quoted around the column, not whole; the value in the message is cut.
    expect(run.stderr).toMatch(/2023\/long\.yaml:2:\d+ 错误 RPT203 “.*review.*”的值“立项”不在允许范围内/);
    expect(run.stderr.length).toBeLessThan(10_000);
    expectPositionsInside(run, data);

    const json = await report(['validate', '2023', '--data', data, '--format', 'json'], { cwd: data });
    await writeFile(path.join(data, '2023', 'long.yaml'), longValue.replace('立项', `立项${'长'.repeat(1_000_000)}`));
    const cut = await timed('the same with a 1,000,000-character value quoted in a message (JSON output)', ['validate', '2023', '--data', data, '--format', 'json'], data);
    expect(json.stdout.length).toBeLessThan(10_000);
    expect(cut.stdout.length).toBeLessThan(10_000);
    expect(cut.stdout).toContain('…');
    await rm(data, { recursive: true, force: true });
  });
});
