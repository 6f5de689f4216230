/**
 * What `report init` writes for a new organisation's first year: no guessed term or session (the
 * title would read 第一届委员会…第一次会议 with exit 0), the political wording of the year it
 * reports and plans, thanks that name whom they thank, and a proposal sample that leaves the
 * template's counts to the template.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RECORD_KINDS } from '../../src/domain/registry.js';
import { annualSkeleton, proposalsSkeleton } from '../../src/scaffold/skeletons.js';
import { lineOf, ROOT, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

describe('report init <year> for a new organisation', () => {
  it('gives each record file an example line that is YAML for the kind’s example record, nested parts included', async () => {
    const cwd = await tempDir();
    expect((await report(['init', '2024', '--data', 'data'], { cwd })).code).toBe(0);
    for (const kind of RECORD_KINDS) {
      const text = await readFile(path.join(cwd, 'data', '2024', `${kind.key}.yaml`), 'utf8');
      const line = /^# 例：  - (.*)$/m.exec(text)?.[1];
      expect(line, kind.key).toBeDefined();
      expect(parse(line!), kind.key).toEqual(JSON.parse(JSON.stringify(kind.example)));
    }
  });

  it('leaves term and session 【待填写】: validate warns where they are, the report prints the mark, never 第一届', async () => {
    const cwd = await tempDir();
    const init = await report(['init', '2024', '--data', 'data'], { cwd });
    expect(init.code, init.stderr).toBe(0);
    const sitting = path.join(cwd, 'data', '2024', 'sitting.yaml');
    expect(await readFile(sitting, 'utf8')).toMatch(/^ {2}term: 【待填写】\n {2}session: 【待填写】\n/m);

    const validate = await report(['validate', '2024', '--data', 'data'], { cwd });
    expect(validate.code).toBe(0);
    expect(validate.stderr).toContain(`data/2024/sitting.yaml:${await lineOf(sitting, '  term: 【待填写】')}:9 警告 RPT314`);
    expect(validate.stderr).toContain(`data/2024/sitting.yaml:${await lineOf(sitting, '  session: 【待填写】')}:12 警告 RPT314`);

    const build = await report(['build', '2024', '--data', 'data', '--out', 'out', '--format', 'md'], { cwd });
    expect(build.code, build.stderr).toBe(0);
    const md = await readFile(path.join(cwd, 'out', '2024', 'report.md'), 'utf8');
    expect(md.split('\n')[0]).toMatch(/第【待填写】届委员会常务委员会工作报告$/);
    expect(md).toMatch(/^——2025年1月15日在政协.*第【待填写】届委员会第【待填写】次会议上$/m);
    expect(md).not.toMatch(/第一届|第一次会议/);
  });

  it('writes the 2024 sample with that year’s wording and the 2025 plan, and thanks whom it thanks', async () => {
    const cwd = await tempDir();
    expect((await report(['init', '2024', '--data', 'data'], { cwd })).code).toBe(0);
    const narrative = await readFile(path.join(cwd, 'data', '2024', 'narrative.md'), 'utf8');
    expect(narrative).toContain('全面贯彻党的二十大和二十届二中、三中全会精神');
    expect(narrative).toContain('在庆祝中国人民政治协商会议成立75周年大会上的重要讲话精神');
    expect(narrative).toContain('{{planYear}}年是“十四五”规划的收官之年');
    expect(narrative).toContain('向所有关心、支持政协工作的领导和同志，向全体政协委员，表示衷心的感谢！');
    expect(narrative).not.toMatch(/常务委员会，表示衷心的感谢/);
  });

  it('writes each year’s own wording, and says so where it only has an earlier year’s', () => {
    expect(annualSkeleton(2023)).toContain('全面贯彻党的二十大和二十届二中全会精神');
    expect(annualSkeleton(2023)).toContain('主题教育');
    expect(annualSkeleton(2023)).toContain('{{planYear}}年是中华人民共和国成立75周年，也是人民政协成立75周年');
    expect(annualSkeleton(2023)).not.toContain('三中全会');
    expect(annualSkeleton(2024)).not.toContain('请对照');
    expect(annualSkeleton(2031)).toContain('请对照2031年和2032年的中央文件');
  });

  it('cites in the proposal sample no figure the proposal report’s template already prints', () => {
    const templates = path.join(ROOT, 'templates', 'proposals');
    const printed = new Set(
      readdirSync(templates).flatMap((f) => [...readFileSync(path.join(templates, f), 'utf8').matchAll(/proposals\.(\w+)/g)].map((m) => m[1]!)),
    );
    expect(printed.has('keyProposals') && printed.has('units')).toBe(true);
    const proseCites = (text: string) => [...text.matchAll(/\{\{[^}]*\}\}/g)].flatMap((m) => [...m[0].matchAll(/proposals\.(\w+)/g)].map((p) => p[1]!));
    expect(proseCites(proposalsSkeleton()).filter((name) => printed.has(name))).toEqual([]);
    for (const bundled of ['data/2023/proposals.md', 'examples/county-2023/2023/proposals.md']) {
      expect(proseCites(readFileSync(path.join(ROOT, bundled), 'utf8')).filter((name) => printed.has(name)), bundled).toEqual([]);
    }
  });
});
