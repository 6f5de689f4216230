import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, edit, lineOf, ROOT, tempDir } from '../helpers/fixture.js';

interface JsonDiagnostic {
  code: string;
  severity: string;
  file: string;
  line: number;
  message: string;
}

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JsonDiagnostic);

/** A project folder as a user has it: data/ inside the working folder. */
async function project(): Promise<string> {
  const cwd = await tempDir();
  const data = await copyFixture('minimal');
  const { cp } = await import('node:fs/promises');
  await cp(data, path.join(cwd, 'data'), { recursive: true });
  return cwd;
}

describe('report init', () => {
  it('scaffolds the next year from the latest one and says what it wrote', async () => {
    const cwd = await project();
    const run = await runCli(['init', '2024'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('以 2023 年为模板生成 2024 年的文件');
    expect(run.stderr).toContain('新建 data/2024/meetings.yaml');
    expect(run.stderr).toContain('report validate 2024');
    // schema/ is not in this project yet: the user is told how to get editor support.
    expect(run.stderr).toContain('report schema');
    const folder = path.join(cwd, 'data', '2024');
    expect((await readdir(folder)).sort()).toEqual(['activities.yaml', 'information.yaml', 'meetings.yaml', 'narrative.yaml', 'proposals.yaml', 'research.yaml', 'sitting.yaml']);

    const meetings = await readFile(path.join(folder, 'meetings.yaml'), 'utf8');
    expect(meetings.split('\n').slice(0, 2)).toEqual(['# yaml-language-server: $schema=../../schema/year.schema.json', '# 办公室：2024年度会议。']);
    expect(parse(meetings)).toEqual({ meetings: [] });
    expect(await readFile(path.join(folder, 'proposals.yaml'), 'utf8')).toContain('# 提案委：2024年度提案。');

    const sitting = parse(await readFile(path.join(folder, 'sitting.yaml'), 'utf8'));
    expect(sitting).toEqual({ sitting: { term: 9, session: 3, date: '2025-01-08', speaker: '郭伦' } });

    const narrative = parse(await readFile(path.join(folder, 'narrative.yaml'), 'utf8')).narrative;
    expect(narrative.review.sections.map((s: { heading: string }) => s.heading)).toEqual(['坚持和加强党的全面领导', '助力民生改善']);
    expect(narrative.plan.items.map((s: { heading: string }) => s.heading)).toEqual(['毫不动摇坚持和加强党的全面领导。', '更加精准服务全市工作大局。']);
    expect(narrative.review.sections[0].paragraphs).toEqual(['【待填写】这一部分的正文']);
    expect(JSON.stringify(narrative)).not.toContain('{{');
  });

  it('gives a scaffold that validates with warnings only, and fails under --strict', async () => {
    const cwd = await project();
    expect((await runCli(['init', '2024'], { cwd })).code).toBe(0);
    const run = await runCli(['validate', '2024', '--format', 'json'], { cwd });
    expect(run.code).toBe(0);
    const diagnostics = jsonLines(run.stdout);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    const codes = new Set(diagnostics.map((d) => d.code));
    expect([...codes].sort()).toEqual(['RPT313', 'RPT314']);
    const empty = diagnostics.filter((d) => d.code === 'RPT313').map((d) => d.message);
    for (const key of ['meetings', 'proposals', 'reports', 'approvals', 'activities', 'information']) {
      expect(empty).toContainEqual(`2024 年的“${key}”还没有任何记录`);
    }
    const narrativeFile = path.join(cwd, 'data', '2024', 'narrative.yaml');
    const thanks = diagnostics.find((d) => d.code === 'RPT314' && d.message.includes('致谢'))!;
    expect(thanks.file).toBe('data/2024/narrative.yaml');
    expect(thanks.line).toBe(await lineOf(narrativeFile, 'thanks:'));

    const strict = await runCli(['validate', '2024', '--strict'], { cwd });
    expect(strict.code).toBe(1);
    // And it builds: the placeholders are visible in the draft, never a blank gap.
    const build = await runCli(['build', '2024', '--format', 'md', '--out', 'out'], { cwd });
    expect(build.code).toBe(0);
    const md = await readFile(path.join(cwd, 'out', '2024', 'report.md'), 'utf8');
    expect(md).toContain('——2025年1月8日在政协青川市第九届委员会第三次会议上');
    expect(md).toContain('### （二）助力民生改善\n\n【待填写】这一部分的正文');
  });

  it('stops warning about a part once it is filled in', async () => {
    const cwd = await project();
    await runCli(['init', '2024'], { cwd });
    const folder = path.join(cwd, 'data', '2024');
    await edit(path.join(folder, 'meetings.yaml'), 'meetings: []', 'meetings:\n  - {id: m1, kind: 常委会议, date: 2024-03-01, topic: 学习全国两会精神}');
    await edit(path.join(folder, 'narrative.yaml'), 'thanks: 【待填写】致谢', 'thanks: 各位委员，一年来的成绩来之不易。');
    const diagnostics = jsonLines((await runCli(['validate', '2024', '--format', 'json'], { cwd })).stdout);
    expect(diagnostics.some((d) => d.message.includes('meetings'))).toBe(false);
    expect(diagnostics.some((d) => d.message.includes('致谢'))).toBe(false);
    expect(diagnostics.some((d) => d.message.includes('proposals'))).toBe(true);
  });

  it('never overwrites an existing file: it reports it and fills in the rest', async () => {
    const cwd = await project();
    const folder = path.join(cwd, 'data', '2024');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(folder);
    const mine = 'sitting:\n  term: 9\n  session: 3\n  date: 2025-01-10\n  speaker: 张三\n';
    await writeFile(path.join(folder, 'sitting.yaml'), mine);
    const run = await runCli(['init', '2024'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('已存在，未改动：data/2024/sitting.yaml');
    expect(run.stderr).toContain('新建 data/2024/narrative.yaml');
    expect(await readFile(path.join(folder, 'sitting.yaml'), 'utf8')).toBe(mine);

    const meetings = path.join(folder, 'meetings.yaml');
    await writeFile(meetings, 'meetings:\n  - {id: m1, kind: 常委会议, date: 2024-03-01, topic: 开局}\n');
    const before = await readFile(meetings, 'utf8');
    const again = await runCli(['init', '2024'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('没有新建任何文件');
    expect(await readFile(meetings, 'utf8')).toBe(before);
  });

  it('carries a new term over correctly: the next session is the sitting term’s own report', async () => {
    const cwd = await project();
    await writeFile(
      path.join(cwd, 'data', '2023', 'sitting.yaml'),
      '# 办公室（会务组）：换届大会\nsitting:\n  term: 10\n  session: 1\n  reportingTerm: 9\n  date: 2024-01-05\n  speaker: 孙立群\n  salutation: 各位委员：\n',
    );
    expect((await runCli(['init', '2024'], { cwd })).code).toBe(0);
    const text = await readFile(path.join(cwd, 'data', '2024', 'sitting.yaml'), 'utf8');
    expect(text).toContain('# 办公室（会务组）：2024年度听取工作报告的全体会议。');
    expect(parse(text)).toEqual({ sitting: { term: 10, session: 2, date: '2025-01-05', speaker: '孙立群', salutation: '各位委员：' } });
  });

  it('uses --data, and refuses without an earlier year', async () => {
    const data = await copyFixture('minimal');
    const ok = await runCli(['init', '2024', '--data', data]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain(`--data ${data}`);
    await rm(path.join(data, '2022'), { recursive: true });
    const none = await runCli(['init', '2023', '--data', data]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('RPT111');
    const missing = await runCli(['init', '2024', '--data', path.join(data, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('RPT101');
    expect((await runCli(['init', '24'])).code).toBe(2);
  });

  it('stops when the latest year’s sitting cannot be read, writing nothing', async () => {
    const cwd = await project();
    await edit(path.join(cwd, 'data', '2023', 'sitting.yaml'), 'session: 2', 'session: 第二次');
    const run = await runCli(['init', '2024'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT201');
    await expect(readdir(path.join(cwd, 'data', '2024'))).rejects.toThrow();
  });

  it('writes files the JSON Schema accepts, pointing at the committed schema', async () => {
    const cwd = await project();
    await runCli(['init', '2024'], { cwd });
    const schema = JSON.parse(await readFile(path.join(ROOT, 'schema', 'year.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: true });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    const validate = ajv.compile(schema);
    const folder = path.join(cwd, 'data', '2024');
    for (const name of await readdir(folder)) {
      const value = parse(await readFile(path.join(folder, name), 'utf8'));
      expect(validate(value), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // With schema/ in place, no hint to run `report schema`.
    const withSchema = await project();
    expect((await runCli(['schema'], { cwd: withSchema })).code).toBe(0);
    expect((await runCli(['init', '2024'], { cwd: withSchema })).stderr).not.toContain('report schema');
  });
});
