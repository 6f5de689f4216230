/**
 * Issue 14's defects in the reading of inputs and the choice of outputs, one test each, through
 * the command line in-process. (FIFOs and links: links-and-pipes.test.ts; REPORT_CACHE_DIR and
 * edits seen at once: environment.test.ts; templates, helpers and outputs: hardening-*.test.ts.)
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { DATA, edit, positionOf, project, tempDir } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

const problemsOf = jsonDiagnostics;

async function figure(cwd: string, name: string): Promise<unknown> {
  const run = await report(['stats', '2023', name, '--json'], { cwd });
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { figures: Record<string, { value: unknown }> }).figures[name]?.value;
}

describe('2. REPORT_CACHE_DIR pointing into /proc', () => {
  it('has no effect: the build ends with its outputs, and nothing is written there', async () => {
    const cwd = await project(DATA);
    const run = await report(['build', '2023', '--format', 'md'], { cwd, env: { REPORT_CACHE_DIR: '/proc/report-cache' } });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(path.join(cwd, 'out', '2023', 'report.md'))).toBe(true);
    expect(existsSync('/proc/report-cache')).toBe(false);
  });
});

describe('6. characters XML forbids', () => {
  it('U+FFFF in a value is refused at the value (Word would refuse the document)', async () => {
    const cwd = await project(DATA);
    const file = path.join(cwd, 'data', '2023', 'meetings.yaml');
    await edit(file, 'topic: 研究意识形态工作', 'topic: "研究意识形态\\uFFFF工作"');
    const run = await report(['build', '2023', '--format', 'docx'], { cwd });
    expect(run.code).toBe(1);
    const check = problemsOf((await report(['validate', '2023', '--format', 'json'], { cwd })).stdout);
    expect(check).toEqual([expect.objectContaining({ code: 'RPT210', file: 'data/2023/meetings.yaml', ...(await positionOf(file, '"研究意识形态')) })]);
    expect(check[0]!.message).toContain('U+FFFF');
    expect(existsSync(path.join(cwd, 'out', '2023', 'report.docx'))).toBe(false);
  });

  it('a NUL written as "\\0" is refused too, never put into report.md', async () => {
    const cwd = await project(DATA);
    await edit(path.join(cwd, 'data', '2023', 'meetings.yaml'), 'topic: 研究意识形态工作', 'topic: "研究意识形态\\0工作"');
    const run = await report(['build', '2023', '--format', 'md'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT210');
    expect(existsSync(path.join(cwd, 'out', '2023', 'report.md'))).toBe(false);
  });
});

describe('11. encodings that cannot be told with certainty', () => {
  const members = 'members:\n  total: 250\n';
  for (const [name, bytes] of [
    ['Big5', iconv.encode(`# 委員名冊，繁體中文的說明文字，臺灣與香港常用這種編碼\n${members}`, 'big5')],
    ['Shift-JIS', iconv.encode(`# 会議の記録\n${members}`, 'shift_jis')],
    ['cp1252', iconv.encode(`# café, résumé, naïve\n${members}`, 'win1252')],
  ] as const) {
    it(`a ${name} file is refused with RPT106, not built as garbled GBK`, async () => {
      const cwd = await project(DATA);
      await writeFile(path.join(cwd, 'data', '2023', 'members.yaml'), bytes);
      const run = await report(['validate', '2023', '--format', 'json'], { cwd });
      expect(run.code).toBe(1);
      expect(problemsOf(run.stdout)).toEqual([expect.objectContaining({ code: 'RPT106', file: 'data/2023/members.yaml', line: 1 })]);
    });
  }
});

describe('12. one YAML value, one meaning, whatever the file around it', () => {
  for (const [written, expected] of [
    ['0b101', 5],
    ['0x10', 16],
    ['+.5', null],
    ['1e400', null],
  ] as const) {
    it(`suggestions: ${written} reads the same with and without a comment full of YAML signs`, async () => {
      const cwd = await project(DATA);
      const file = path.join(cwd, 'data', '2023', 'research.yaml');
      const text = (await readFile(file, 'utf8')).replace('    suggestions: 8\n', `    suggestions: ${written}\n`);
      const outcome = async () => {
        const run = await report(['validate', '2023', '--format', 'json'], { cwd });
        return { code: run.code, problems: problemsOf(run.stdout).map((p) => `${p.code} ${p.line}:${p.column}`), value: run.code === 0 ? await figure(cwd, 'research.suggestions') : null };
      };
      await writeFile(file, text);
      const plain = await outcome();
      await writeFile(file, text.replace('\nresearch:\n', '\n# 见 *附件*，&锚 与 !标记 都只是注释\nresearch:\n'));
      const commented = await outcome();
      // The comment is one line: problems below it move down one line, nothing else changes.
      expect(commented.code).toBe(plain.code);
      expect(commented.value).toEqual(plain.value);
      expect(commented.problems.map((p) => p.replace(/ \d+:/, ' '))).toEqual(plain.problems.map((p) => p.replace(/ \d+:/, ' ')));
      expect(plain.code).toBe(expected === null ? 1 : 0);
      if (expected !== null) expect(plain.value).toBe((await figure(path.dirname(DATA), 'research.suggestions')) as number - 8 + expected);
    });
  }
});

describe('14. --kind is one of the report kinds, never a path', () => {
  for (const kind of ['../../../../tmp/report-kind-escape/templates/annual', 'annual/', 'foo']) {
    it(`build --kind ${kind} is a usage error (exit 2) and writes nothing`, async () => {
      const cwd = await project(DATA);
      const run = await report(['build', '2023', '--kind', kind], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--kind 只能是');
      expect(existsSync(path.join(cwd, 'out'))).toBe(false);
      expect(existsSync('/tmp/report-kind-escape')).toBe(false);
    });
  }
  it('templates eject --kind ../x is a usage error too', async () => {
    const cwd = await project(DATA);
    const run = await report(['templates', 'eject', 'opening', '--kind', '../x'], { cwd });
    expect(run.code).toBe(2);
    expect(await readdir(cwd)).toEqual(['data']);
  });
});

describe('18. problems with no line still name their file or folder', () => {
  it('YAML nested through tags and anchors is refused by the nesting limit (RPT115), placed, not a stack overflow', async () => {
    const cwd = await project(DATA);
    await writeFile(path.join(cwd, 'data', '2023', 'members.yaml'), `members:\n  total: ${'!t ['.repeat(3000)}${']'.repeat(3000)}\n`);
    const run = await report(['validate', '2023', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    const [p, ...rest] = problemsOf(run.stdout);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ code: 'RPT115', file: 'data/2023/members.yaml', line: 2 });
    expect(p!.column).toBeGreaterThan(1);
  });
  it('a year with no folder (RPT102), no organization.yaml (RPT108), no sitting (RPT308), an output folder under a file (RPT601)', async () => {
    const cwd = await project(DATA);
    const one = async (args: string[]) => problemsOf((await report([...args, '--format', 'json'], { cwd })).stdout)[0];
    expect(await one(['validate', '2031'])).toMatchObject({ code: 'RPT102', file: 'data' });
    const bare = await tempDir();
    await mkdir(path.join(bare, 'data'));
    await writeFile(path.join(bare, 'data', 'organization.yaml'), await readFile(path.join(cwd, 'data', 'organization.yaml'), 'utf8'));
    const noYears = problemsOf((await report(['validate', '--format', 'json'], { cwd: bare })).stdout);
    expect(noYears).toContainEqual(expect.objectContaining({ code: 'RPT102', message: '数据文件夹“data”中还没有年度文件夹（以四位年份命名，如 2024）' }));
    await rm(path.join(cwd, 'data', '2023', 'sitting.yaml'));
    expect(await one(['validate', '2023'])).toMatchObject({ code: 'RPT308', file: 'data/2023' });
    await rm(path.join(cwd, 'data', 'organization.yaml'));
    expect(await one(['validate', '2023'])).toMatchObject({ code: 'RPT108', file: 'data' });
    const run = await report(['build', '2022', '--data', DATA, '--out', 'data/2023/members.yaml/out'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^data\/2023\/members\.yaml 错误 RPT601 .*不是文件夹/m);
  });
});

describe('19. init where the year is a file', () => {
  it('is refused (RPT118, exit 1), nothing written', async () => {
    const cwd = await tempDir();
    const first = await report(['init', '2023'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    await writeFile(path.join(cwd, 'data', '2024'), 'not a folder');
    const run = await report(['init', '2024'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT118');
    expect(run.stderr).not.toContain('已存在，未改动');
    expect(await readFile(path.join(cwd, 'data', '2024'), 'utf8')).toBe('not a folder');
  });
});
