import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture, edit, tempDir } from '../helpers/fixture.js';

describe('report build (Markdown)', () => {
  it('writes the report with every figure computed from the records', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const run = await runCli(['build', '2023', '--data', data, '--out', out, '--format', 'md']);
    expect(run.stderr).toContain('已生成');
    expect(run.code).toBe(0);
    const md = await readFile(path.join(out, '2023', 'report.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# 中国人民政治协商会议江北省青川市第九届委员会常务委员会工作报告');
    expect(md).toContain('——2024年1月8日在政协青川市第九届委员会第二次会议上 {.subtitle}');
    expect(md).toContain('郭\u3000伦 {.speaker}');
    expect(md).toContain('## 一、2023年工作回顾');
    expect(md).toContain('### （二）助力民生改善');
    expect(md).toContain('## 二、2024年工作安排');
    expect(md).toContain('**（二）更加精准服务全市工作大局。**{.run-in}围绕市委市政府中心工作精准选题。');
    // 3 of 5 proposals are 民生; 3 of 4 filed are handled; all 4 answers satisfied.
    expect(md).toContain('涉及民生和社会事业领域提案3件，占比60%，年度办结率75%，提案者满意率100%');
    expect(md).toContain('广泛收集反映社会热点信息200余篇，报送100余篇，40余篇被采纳');
    expect(md).toContain('先后就“推进居家养老服务”“智慧停车场建设”提出15条建议');
    expect(md).toContain('提案5件，比上年增长25%');
    expect(md).not.toMatch(/undefined|NaN|\{\{/);
  });

  it('changes the sentence when a record changes', async () => {
    const data = await copyFixture('minimal');
    await edit(path.join(data, '2023', 'proposals.yaml'), 'category: 经济建设', 'category: 民生和社会事业');
    const out = await tempDir();
    expect((await runCli(['build', '2023', '--data', data, '--out', out, '--format', 'md'])).code).toBe(0);
    const md = await readFile(path.join(out, '2023', 'report.md'), 'utf8');
    expect(md).toContain('涉及民生和社会事业领域提案4件，占比80%');
  });

  it('gives byte-identical output in any time zone and locale', async () => {
    const data = await copyFixture('minimal');
    const a = await tempDir();
    const b = await tempDir();
    await runCli(['build', '--data', data, '--out', a, '--format', 'md'], { env: { TZ: 'UTC', LANG: 'C' } });
    await runCli(['build', '--data', data, '--out', b, '--format', 'md'], { env: { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' } });
    const [x, y] = await Promise.all([readFile(path.join(a, '2023', 'report.md')), readFile(path.join(b, '2023', 'report.md'))]);
    expect(x.equals(y)).toBe(true);
  });

  it('leaves the previous output untouched when a build fails', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    expect((await runCli(['build', '2023', '--data', data, '--out', out, '--format', 'md'])).code).toBe(0);
    const file = path.join(out, '2023', 'report.md');
    const before = await readFile(file);
    await edit(path.join(data, '2023', 'narrative.yaml'), '{{proposals.total}}', '{{proposals.totl}}');
    const run = await runCli(['build', '2023', '--data', data, '--out', out, '--format', 'md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT401');
    expect(run.stderr).toContain('proposals.totl');
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('overrides one template piece and keeps the rest built in', async () => {
    const data = await copyFixture('minimal');
    const templates = await tempDir();
    await mkdir(path.join(templates, 'annual'));
    await writeFile(path.join(templates, 'annual', 'opening.hbs'), '受{{organization.shortName}}常务委员会委托，现在向大会报告工作，请予审议。\n');
    const out = await tempDir();
    const run = await runCli(['build', '--data', data, '--out', out, '--format', 'md', '--templates', templates]);
    expect(run.code).toBe(0);
    const md = await readFile(path.join(out, '2023', 'report.md'), 'utf8');
    expect(md).toContain('受青川市政协常务委员会委托，现在向大会报告工作，请予审议。');
    expect(md).not.toContain('现在，我代表');
    expect(md).toContain('## 一、2023年工作回顾');
  });

  it('names the template file, line and field when a template cites a missing field', async () => {
    const data = await copyFixture('minimal');
    const templates = await tempDir();
    await writeFile(path.join(templates, 'closing.hbs'), '各位委员：\n共有委员{{members.totl}}名。\n');
    const out = await tempDir();
    const run = await runCli(['build', '--data', data, '--out', out, '--format', 'md', '--templates', templates]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/closing\.hbs:2:5 错误 RPT502 模板引用的字段“members\.totl”在数据中不存在/);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    await expect(stat(path.join(out, '2023', 'report.md'))).rejects.toThrow();
  });

  it('exits 2 on usage errors and on an unwritable output folder', async () => {
    const data = await copyFixture('minimal');
    expect((await runCli(['build', '23', '--data', data])).code).toBe(2);
    expect((await runCli(['build', '--nope'])).code).toBe(2);
    expect((await runCli(['build', '--format', 'pdf', '--data', data])).code).toBe(2);
    const blocker = path.join(await tempDir(), 'file');
    await writeFile(blocker, 'not a folder');
    const run = await runCli(['build', '--data', data, '--out', blocker, '--format', 'md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('RPT601');
  });

  it('reports a missing year folder and lists the years present', async () => {
    const data = await copyFixture('minimal');
    const run = await runCli(['build', '2021', '--data', data, '--format', 'md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT102');
    expect(run.stderr).toContain('2022、2023');
  });
});
