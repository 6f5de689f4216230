/**
 * The README as a new user reads it. Its “第一年” section is followed command by command, with a
 * proposal-system export dropped in at step 3, and every command works without a step it does
 * not state; every YAML snippet it shows (blocks and inline) parses, and those of organization.yaml
 * are accepted where the README says to put them.
 */
import { copyFile, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkOrganization } from '../../src/validate/organization.js';
import { OrganizationShape } from '../../src/domain/organization.js';
import { parseYaml } from '../../src/load/yaml.js';
import { FIXTURES, ROOT, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const README = await readFile(path.join(ROOT, 'README.md'), 'utf8');
const firstYear = README.slice(README.indexOf('## 十五分钟：第一年'), README.indexOf('第二年运行'));

describe('README “第一年”, followed word for word', () => {
  it('works with an exported ledger and no step it does not state', async () => {
    const commands = [...firstYear.matchAll(/`npx report ([^`]+)`/g)].map((m) => m[1]!.split(/\s+/));
    // The other way of step 3 (a blank ledger to fill) and the browser preview are not this path.
    const followed = commands.filter((c) => !c.includes('--blank') && c[0] !== 'preview');
    expect(followed.map((c) => c[0])).toEqual(['init', 'validate', 'build', 'validate', 'stats', 'stats', 'validate', 'build', 'build']);
    const cwd = await tempDir('report-readme-');
    for (const args of followed) {
      // Step 3: the export goes into data/2024/ as it came (the one real mistake in it, a duplicate 案号, already corrected).
      if (args[0] === 'validate' && args !== followed.find((c) => c[0] === 'validate')) {
        await copyFile(path.join(FIXTURES, 'proposal-export', '改正编号后', '提案管理系统导出.xlsx'), path.join(cwd, 'data', '2024', '提案管理系统导出.xlsx'));
      }
      const run = await report(args, { cwd });
      expect({ args: args.join(' '), code: run.code, errors: (run.stdout + run.stderr).split('\n').filter((l) => / 错误 RPT/.test(l)) }).toEqual({ args: args.join(' '), code: 0, errors: [] });
    }
    for (const out of ['report.docx', 'proposals.docx']) expect((await stat(path.join(cwd, 'out', '2024', out))).size).toBeGreaterThan(0);
    const stats = await report(['stats', '2024', 'proposals.total', '--json'], { cwd });
    expect((JSON.parse(stats.stdout) as { figures: Record<string, { value: number }> }).figures['proposals.total']!.value).toBe(60);
  });
});

describe('README YAML snippets', () => {
  const blocks = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^ {2}/gm, ''));
  const inline = [...README.matchAll(/`([A-Za-z]+: [{[][^`]*)`/g)].map((m) => m[1]!);

  it('all parse as YAML', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(inline.length).toBeGreaterThanOrEqual(3);
    for (const text of [...blocks, ...inline]) expect(() => parse(text), text).not.toThrow();
  });

  it('those of organization.yaml are accepted under organization:', async () => {
    const minimal = parse(await readFile(path.join(FIXTURES, 'minimal', 'organization.yaml'), 'utf8')) as { organization: Record<string, unknown> };
    const own = new Set(OrganizationShape.keys);
    const snippets = [...blocks, ...inline].map((t) => parse(t) as Record<string, unknown>);
    let checked = 0;
    for (const snippet of snippets) {
      const body = (snippet.organization as Record<string, unknown> | undefined) ?? snippet;
      if (!Object.keys(body).every((k) => own.has(k))) continue;
      const organization = { ...minimal.organization, ...body };
      const text = `organization:\n${JSON.stringify(organization)}`.replace('organization:\n', 'organization: ');
      const result = checkOrganization(parseYaml('organization.yaml', text));
      expect({ snippet, problems: result.diagnostics.map((d) => d.message) }).toEqual({ snippet, problems: [] });
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
