/**
 * Hostile YAML (issue 6): alias bombs, prototype keys, deep nesting, very long values and a
 * 50 MB file must end in a diagnostic or a result, quickly and within bounded memory. Time
 * and peak memory (RSS) of each CLI run are printed, never asserted.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { excessiveNesting, MAX_NESTING } from '../../src/load/limits.js';
import { parseYaml } from '../../src/load/source.js';
import { check } from '../../src/pipeline.js';
import { copyFixture, ROOT } from '../helpers/fixture.js';
import { CACHE_DIR } from '../helpers/cli.js';
import { parseTextDiagnostics, positionFailures } from './oracle.js';

interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the child, from /usr/bin/time -v or, without it, the child's own report. */
  maxRssMb: number | undefined;
}

const figures: string[] = [];
afterAll(() => {
  if (figures.length > 0) console.log(`hostile YAML, through the CLI:\n  ${figures.join('\n  ')}`);
});

const TIME = '/usr/bin/time';
const timeAvailable = existsSync(TIME);

/** Runs the CLI measuring wall time and peak RSS; output is kept to the first 200 kB. */
function measure(args: string[], cwd: string): Promise<Measured> {
  return new Promise((resolve) => {
    const cli = [path.join(ROOT, 'bin', 'report.js'), ...args];
    const [command, argv] = timeAvailable ? [TIME, ['-v', process.execPath, ...cli]] : [process.execPath, cli];
    const started = process.hrtime.bigint();
    const child = spawn(command, argv, { cwd, env: { ...process.env, NO_COLOR: '1', REPORT_CACHE_DIR: CACHE_DIR } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => void (stdout.length < 200_000 && (stdout += b.toString())));
    child.stderr.on('data', (b: Buffer) => void (stderr += b.toString()));
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const status = /Exit status: (\d+)/.exec(stderr);
      const killed = /Command terminated by signal (\d+)/.exec(stderr);
      if (timeAvailable) stderr = stderr.replace(/\n?\s*(Command (being timed|exited|terminated)[\s\S]*)$/, '');
      resolve({
        code: timeAvailable ? (killed ? null : Number(status?.[1] ?? code)) : code,
        signal: killed ? (`SIG${killed[1]}` as NodeJS.Signals) : signal,
        stdout,
        stderr: stderr.slice(0, 200_000),
        seconds,
        maxRssMb: rss ? Number(rss[1]) / 1024 : undefined,
      });
    });
  });
}

function record(what: string, run: Measured): void {
  figures.push(`${what}: exit ${run.code ?? run.signal}, ${run.seconds.toFixed(2)} s, peak RSS ${run.maxRssMb?.toFixed(0) ?? '?'} MB`);
}

/** A data folder (the minimal fixture) with extra files in 2023/. */
async function dataWith(files: Record<string, string | Buffer>): Promise<string> {
  const data = await copyFixture('minimal');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(data, name)), { recursive: true });
    await writeFile(path.join(data, name), content);
  }
  return data;
}

function expectCleanFailure(run: Measured): void {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|内部错误|FATAL/);
}

async function expectPositionsInside(run: Measured, data: string): Promise<void> {
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
    const run = await measure(['validate', '2023', '--data', data], data);
    record('alias bomb (10 levels of 10 aliases)', run);
    expectCleanFailure(run);
    expect(run.stderr).toContain('RPT107');
    expect(run.stderr).toContain('别名展开过多');
    await expectPositionsInside(run, data);
    // The loader alone, in-process: well under a second.
    const started = performance.now();
    const parsed = parseYaml('bomb.yaml', laughs((i) => `a${i}`));
    const ms = performance.now() - started;
    figures.push(`alias bomb refused by the loader in ${ms.toFixed(1)} ms`);
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics[0]?.code).toBe('RPT107');
  }, 30_000);

  it('keeps an alias bomb with non-ASCII anchor names harmless too', async () => {
    // Such anchors take the fast reader, which shares aliased nodes instead of copying them.
    const names = '甲乙丙丁戊己庚辛壬癸';
    const data = await dataWith({ '2023/bomb.yaml': laughs((i) => names[i]!).replace('l9:', 'proposals:') });
    const run = await measure(['validate', '2023', '--data', data], data);
    record('alias bomb with Chinese anchor names', run);
    expectCleanFailure(run);
    await expectPositionsInside(run, data);
  }, 30_000);

  it('lets __proto__ and constructor keys change nothing, and reports them as unknown fields', async () => {
    const data = await dataWith({
      // Careful path (an anchor) and fast path (none), block and flow style.
      '2023/proto.yaml': '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\n',
      '2023/proto-anchor.yaml': 'x: &a {polluted: yes}\n__proto__: *a\n',
      '2023/records.yaml':
        'reports:\n  - {id: R9, kind: 调研, lead: 研究室, leadKind: 专委会, date: 2023-05-01, __proto__: {title: 原型上的标题, polluted: yes}}\n' +
        '  - id: R10\n    kind: 视察\n    title: 关于\n    lead: 研究室\n    leadKind: 专委会\n    date: 2023-06-01\n    constructor: {prototype: {polluted: yes}}\n',
    });
    await appendFile(path.join(data, 'organization.yaml'), '  __proto__: {polluted: yes}\n');
    const result = await check({ dataDir: data, year: 2023, cwd: data });
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
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'RPT202', file: '2023/records.yaml', line: 2, path: 'reports[0].title' }));
    expect(positionFailures(result.diagnostics, data)).toEqual([]);
    const run = await measure(['validate', '2023', '--data', data], data);
    expectCleanFailure(run);
  }, 30_000);

  it.each([
    ['100,000 nested [', `proposals: ${'['.repeat(100_000)}\n`],
    ['100,000 nested [ and ]', `proposals: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
    ['100,000 nested {a:', `proposals: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`],
    ['100,000 nested - ', `proposals:\n  ${'- '.repeat(100_000)}x\n`],
    ['1,000 levels of indentation', `proposals:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n`],
  ])('refuses %s with a diagnostic at the place', async (what, text) => {
    // Several such files in one run: near the end of the stack V8 may abort the process
    // outright (a fatal "RegExpCompiler Allocation failed"), so nesting is measured first.
    const data = await dataWith({ '2023/deep1.yaml': text, '2023/deep2.yaml': text, '2023/deep3.yaml': text, '2023/deep4.yaml': text, '2023/deep5.yaml': text, '2023/deep6.yaml': text });
    const run = await measure(['validate', '2023', '--data', data], data);
    record(`6 files of ${what}`, run);
    expectCleanFailure(run);
    expect(run.stderr).toContain('RPT115');
    expect(run.stderr).toMatch(/2023\/deep1\.yaml:\d+:\d+ 错误 RPT115 YAML 嵌套超过 100 层/);
    await expectPositionsInside(run, data);
    await rm(data, { recursive: true, force: true });
  }, 60_000);

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
    const record50 = '  - {id: "X", title: 关于加快推进老旧小区改造的提案, submitter: 团体, by: 市总工会, category: 民生和社会事业, date: 2023-01-03, filing: 立案}\n';
    const count = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(record50));
    const big = 'proposals:\n' + Array.from({ length: count }, (_, i) => record50.replace('"X"', `"X${i}"`)).join('');
    const longValue = `proposals:\n  - {id: L1, title: ${'长'.repeat(3_000_000)}, submitter: 委员, category: 民生和社会事业, filing: 立项}\n`;
    const data = await dataWith({ '2023/big.yaml': big, '2023/long.yaml': longValue });
    const run = await measure(['validate', '2023', '--data', data], data);
    record(`a ${(Buffer.byteLength(big) / 1024 / 1024).toFixed(0)} MB file and a 9 MB line with an error at its end`, run);
    expectCleanFailure(run);
    expect(run.stderr).toMatch(/2023\/big\.yaml:1:1 错误 RPT114 文件有 5\d\.\d MB，超过了数据文件的上限 16 MB/);
    // The long line is quoted around the column, not whole; the value in the message is cut.
    expect(run.stderr).toMatch(/2023\/long\.yaml:2:\d+ 错误 RPT203 “filing”的值“立项”不在允许范围内/);
    expect(run.stderr.length).toBeLessThan(10_000);
    await expectPositionsInside(run, data);

    const json = await measure(['validate', '2023', '--data', data, '--format', 'json'], data);
    await writeFile(path.join(data, '2023', 'long.yaml'), longValue.replace('立项', `立项${'长'.repeat(1_000_000)}`));
    const cut = await measure(['validate', '2023', '--data', data, '--format', 'json'], data);
    record('the same with a 1,000,000-character value quoted in a message (JSON output)', cut);
    expect(json.stdout.length).toBeLessThan(10_000);
    expect(cut.stdout.length).toBeLessThan(10_000);
    expect(cut.stdout).toContain('…');
    await rm(data, { recursive: true, force: true });
  }, 120_000);
});
