/** `report build` in-process: the report's text, formats, template overrides, layout, failures. */
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxPart, docxText } from '../helpers/docx.js';
import { copyFixture, edit, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const exists = (p: string) => stat(p).then(() => true, () => false);

/** The minimal fixture built once, Markdown, Word and HTML, for the tests that only read it. */
let built: { data: string; out: string; md: string; docx: Buffer; html: string };
beforeAll(async () => {
  const data = await copyFixture('minimal');
  const out = await tempDir();
  const run = await report(['build', '2023', '--data', data, '--out', out, '--format', 'md,docx,html']);
  expect(run.stderr).toContain('已生成');
  expect(run.code).toBe(0);
  const file = (ext: string) => path.join(out, '2023', `report.${ext}`);
  built = { data, out, md: await readFile(file('md'), 'utf8'), docx: await readFile(file('docx')), html: await readFile(file('html'), 'utf8') };
});

describe('report build (Markdown)', () => {
  it('writes the report with every figure computed from the records', () => {
    const { md } = built;
    expect(md.split('\n')[0]).toBe('# 中国人民政治协商会议江北省青川市第九届委员会常务委员会工作报告');
    expect(md).toContain('——2024年1月8日在政协青川市第九届委员会第二次会议上\n');
    expect(md).toContain('\n郭\u3000伦\n');
    expect(md).toContain('## 一、2023年工作回顾');
    expect(md).toContain('### （二）助力民生改善');
    expect(md).toContain('## 二、2024年工作安排');
    expect(md).toContain('**（二）更加精准服务全市工作大局**。围绕市委市政府中心工作精准选题。');
    // 3 of 5 proposals are 民生; 3 of 4 filed are answered; all 4 answers satisfied.
    expect(md).toContain('涉及民生和社会事业领域提案3件，占比60.0%，年度办结率75.0%，提案者满意率100.0%');
    expect(md).toContain('广泛收集反映社会热点信息200余篇，报送100余篇，40余篇被采纳');
    expect(md).toContain('先后就“推进居家养老服务”“智慧停车场建设”提出15条建议');
    expect(md).toContain('提案5件，比上年增长25.0%');
    expect(md).not.toMatch(/undefined|NaN|\{\{/);
  });

  it('changes the sentence when a record changes', async () => {
    const data = await copyFixture('minimal');
    await edit(path.join(data, '2023', 'proposals.yaml'), 'category: 经济建设', 'category: 民生和社会事业');
    const out = await tempDir();
    expect((await report(['build', '2023', '--data', data, '--out', out, '--format', 'md'])).code).toBe(0);
    expect(await readFile(path.join(out, '2023', 'report.md'), 'utf8')).toContain('涉及民生和社会事业领域提案4件，占比80.0%');
  });

  it('leaves the previous output untouched when a build fails', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    expect((await report(['build', '2023', '--data', data, '--out', out, '--format', 'md'])).code).toBe(0);
    const file = path.join(out, '2023', 'report.md');
    const before = await readFile(file);
    await edit(path.join(data, '2023', 'narrative.md'), '提案{{proposals.total}}件', '提案{{proposals.totl}}件');
    const run = await report(['build', '2023', '--data', data, '--out', out, '--format', 'md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT401');
    expect(run.stderr).toContain('proposals.totl');
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('overrides one template piece and keeps the rest built in', async () => {
    const templates = await tempDir();
    await mkdir(path.join(templates, 'annual'));
    await writeFile(path.join(templates, 'annual', 'opening.hbs'), '受{{organization.shortName}}常务委员会委托，现在向大会报告工作，请予审议。\n');
    const out = await tempDir();
    const run = await report(['build', '--data', built.data, '--out', out, '--format', 'md', '--templates', templates]);
    expect(run.code).toBe(0);
    const md = await readFile(path.join(out, '2023', 'report.md'), 'utf8');
    expect(md).toContain('受青川市政协常务委员会委托，现在向大会报告工作，请予审议。');
    expect(md).not.toContain('现在，我代表');
    expect(md).toContain('## 一、2023年工作回顾');
  });

  it('names the template file, line and field when a template cites a missing field', async () => {
    const templates = await tempDir();
    await writeFile(path.join(templates, 'closing.hbs'), '各位委员：\n共有委员{{members.totl}}名。\n');
    const out = await tempDir();
    const run = await report(['build', '--data', built.data, '--out', out, '--format', 'md', '--templates', templates]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/closing\.hbs:2:5 错误 RPT502 模板引用的字段“members\.totl”在数据中不存在/);
    expect(run.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
    expect(await exists(path.join(out, '2023', 'report.md'))).toBe(false);
  });

  it('exits 2 on usage errors and on an unwritable output folder', async () => {
    const { data } = built;
    expect((await report(['build', '23', '--data', data])).code).toBe(2);
    expect((await report(['build', '--nope'])).code).toBe(2);
    expect((await report(['build', '--format', 'rtf', '--data', data])).code).toBe(2);
    const blocker = path.join(await tempDir(), 'file');
    await writeFile(blocker, 'not a folder');
    const run = await report(['build', '--data', data, '--out', blocker, '--format', 'md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('RPT601');
  });

  it('reports a missing year folder and lists the years present', async () => {
    const run = await report(['build', '2021', '--data', built.data, '--format', 'md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('RPT102');
    expect(run.stderr).toContain('2022、2023');
  });

  it('checks and renders but writes nothing with --dry-run', async () => {
    const out = await tempDir();
    const run = await report(['build', '2023', '--data', built.data, '--out', out, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('检查通过，未写文件（--dry-run）');
    expect(await readdir(out)).toEqual([]);
  });
});

describe('report build (Word)', () => {
  it('writes report.docx beside report.md from the same rendered content', () => {
    const text = docxText(built.docx);
    expect(text).toContain('中国人民政治协商会议江北省青川市第九届委员会常务委员会工作报告');
    expect(text).toContain('涉及民生和社会事业领域提案3件，占比60.0%');
    expect(text).not.toContain('{.subtitle}');
    expect(text).not.toContain('**');
    const core = docxPart(built.docx, 'docProps/core.xml');
    expect(core).toContain('中国人民政治协商会议江北省青川市委员会');
    expect(core).toContain('2024-01-08');
  });

  it('applies the data folder’s layout.yaml and reports its mistakes with positions', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    await writeFile(path.join(data, 'layout.yaml'), 'lineSpacingPt: 30\n');
    const ok = await report(['build', '--data', data, '--out', out, '--format', 'docx']);
    expect(ok.stderr).toContain('已生成');
    expect(docxPart(await readFile(path.join(out, '2023', 'report.docx')), 'word/styles.xml')).toContain('w:line="600"');
    await writeFile(path.join(data, 'layout.yaml'), 'lineSpacingPt: 30\npage:\n  marginsMm:\n    top: 太宽\n');
    const bad = await report(['build', '--data', data, '--out', out, '--format', 'docx']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/layout\.yaml:4:\d+ 错误/);
  });
});

describe('report build --format html', () => {
  it('writes out/<year>/report.html, a standalone page with the report and no script', () => {
    const { html } = built;
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>中国人民政治协商会议江北省青川市第九届委员会常务委员会工作报告</title>');
    expect(html).toContain('<meta name="author" content="中国人民政治协商会议江北省青川市委员会">');
    expect(html).toContain('<p class="subtitle">——2024年1月8日在政协青川市第九届委员会第二次会议上</p>');
    expect(html).toContain('<p><strong>在推动履职为民上汇聚力量。</strong>涉及民生和社会事业领域提案3件，占比60.0%，年度办结率75.0%，提案者满意率100.0%。');
    expect(html).toContain('<p><strong class="run-in">（二）更加精准服务全市工作大局。</strong>围绕市委市政府中心工作精准选题。</p>');
    expect(html).not.toMatch(/<script|EventSource/);
  });

  it('writes only the formats asked for, md and docx by default, and refuses unknown ones', async () => {
    const only = await tempDir();
    const run = await report(['build', '2023', '--data', built.data, '--out', only, '--format', 'html']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/已生成：.*report\.html\n$/);
    expect((await readdir(path.join(only, '2023'))).sort()).toEqual(['report.html']);
    const plain = await tempDir();
    expect((await report(['build', '2023', '--data', built.data, '--out', plain])).code).toBe(0);
    expect((await readdir(path.join(plain, '2023'))).sort()).toEqual(['report.docx', 'report.md']);
    const bad = await report(['build', '2023', '--data', built.data, '--out', plain, '--format', 'md,rtf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('用法错误：输出格式只能是 md、docx、html、pdf、check 的组合，而不是“rtf”');
  });

  it('is in the help', async () => {
    const top = await report(['--help']);
    expect(top.stdout).toMatch(/preview \[选项\] \[year\] +在本机浏览器中预览报告/);
    const build = await report(['build', '--help']);
    expect(build.stdout).toContain('md、docx、html');
    expect(build.stdout).toMatch(/-w, --watch +生成后继续监视/);
    const preview = await report(['preview', '--help']);
    expect(preview.stdout).toContain('-p, --port <n>');
    expect(preview.stdout).toContain('按 Ctrl-C 退出');
  });
});

