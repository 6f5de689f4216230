import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { elements, part, unzipParts } from '../docx/docx-xml.js';
import { runCli } from '../helpers/cli.js';
import { copyFixture, tempDir } from '../helpers/fixture.js';

describe('report build (Word)', () => {
  it('writes report.docx beside report.md from the same rendered content', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    const run = await runCli(['build', '2023', '--data', data, '--out', out]);
    expect(run.code).toBe(0);
    const parts = unzipParts(await readFile(path.join(out, '2023', 'report.docx')));
    const document = part(parts, 'word/document.xml');
    const text = elements(document, 'w:t').map((t) => t.replace(/<[^>]+>/g, '')).join('');
    expect(text).toContain('中国人民政治协商会议江北省青川市第九届委员会常务委员会工作报告');
    expect(text).toContain('涉及民生和社会事业领域提案3件，占比60%');
    expect(text).not.toContain('{.subtitle}');
    expect(text).not.toContain('**');
    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain('中国人民政治协商会议江北省青川市委员会');
    expect(core).toContain('2024-01-08');
  });

  it('gives a byte-identical DOCX in another time zone, locale and folder', async () => {
    const data = await copyFixture('minimal');
    const elsewhere = await copyFixture('minimal');
    const a = await tempDir();
    const b = await tempDir();
    await runCli(['build', '--data', data, '--out', a], { env: { TZ: 'UTC', LANG: 'C' } });
    await runCli(['build', '--data', elsewhere, '--out', b], { env: { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' } });
    const [x, y] = await Promise.all([readFile(path.join(a, '2023', 'report.docx')), readFile(path.join(b, '2023', 'report.docx'))]);
    expect(x.length).toBeGreaterThan(5000);
    expect(x.equals(y)).toBe(true);
  });

  it('applies the data folder’s layout.yaml and reports its mistakes with positions', async () => {
    const data = await copyFixture('minimal');
    const out = await tempDir();
    await writeFile(path.join(data, 'layout.yaml'), 'lineSpacingPt: 30\n');
    const ok = await runCli(['build', '--data', data, '--out', out, '--format', 'docx']);
    expect(ok.stderr).toContain('已生成');
    const styles = part(unzipParts(await readFile(path.join(out, '2023', 'report.docx'))), 'word/styles.xml');
    expect(styles).toContain('w:line="600"');
    await writeFile(path.join(data, 'layout.yaml'), 'lineSpacingPt: 30\npage:\n  marginsMm:\n    top: 太宽\n');
    const bad = await runCli(['build', '--data', data, '--out', out, '--format', 'docx']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/layout\.yaml:4:\d+ 错误/);
  });
});
