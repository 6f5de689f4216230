/**
 * The records secretariats keep: a proposal ledger in Excel with every kind of slip reported at
 * its cell in one run; the published reports' phrasings built from the bundled ledgers with the
 * figures counted here from the records; shares balanced at the precision printed.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exclusive, groups } from '../../src/domain/groups.js';
import { share, shares } from '../../src/render/group-helpers.js';
import { readWorkbook } from '../../src/load/spreadsheet/index.js';
import { writeWorkbook } from '../../src/write/spreadsheet/write.js';
import { DATA, organizationYaml, PANJIN, project, tempDir, writeFiles } from '../helpers/fixture.js';
import { jsonDiagnostics, report } from '../helpers/report.js';

const ORGANIZATION = organizationYaml('市', ['经济建设', '社会建设'], ['handlingUnits: [市教育局, 市民政局]']);

describe('a proposal ledger with ten different mistakes', () => {
  it('reports every one at its sheet, row and column, and exits 1', async () => {
    const headers = ['提案编号', '案由', '提案者类别', '第一提案人', '类别', '提交日期', '审查结果', '重点提案', '主办单位', '办理结果', '满意度', '并入提案', '备注栏'];
    const ok = ['P-01', '关于甲的提案', '委员', '张三', '经济建设', '2023-01-05', '立案', '否', '市教育局', 'A', '满意', '', ''];
    const rows = [
      ok,
      ['P-02', '关于乙的提案', '委员', '李四', '经济建设', '2023-02-30', '立案', '否', '市教育局', 'A', '满意', '', ''], // 1 a date that does not exist
      ['P-03', '关于丙的提案', '委员', '王五', '经济建设', '2023-01-05', '立案', '是否', '市教育局', 'A', '满意', '', ''], // 2 是/否 typo
      ['P-04', '关于丁的提案', '委员', '赵六', '经济建设', '2023-01-05', '立案', '否', '市财政局', 'A', '满意', '', ''], // 3 unit not in the register
      ['P-01', '关于戊的提案', '委员', '孙七', '经济建设', '2023-01-05', '立案', '否', '市教育局', 'A', '满意', '', ''], // 4 duplicate id
      ['P-06', '关于己的提案', '委员', '周八', '经济建设', '2023-01-05', '立案', '否', '市教育局', 'E', '满意', '', ''], // 5 class not defined
      ['P-07', '关于庚的提案', '委员', '吴九', '民生', '2023-01-05', '立案', '否', '市教育局', 'A', '满意', '', ''], // 6 category not registered
      ['P-08', '关于辛的提案', '委员', '郑十', '经济建设', '2023-01-05', '立项', '否', '市教育局', '', '', '', ''], // 7 review outcome unknown
      ['P-09', '', '委员', '冯一', '经济建设', '2023-01-05', '立案', '否', '市教育局', 'A', '满意', '', ''], // 8 required cell blank
      ['P-10', '关于癸的提案', '委员', '陈二', '经济建设', '2023-01-05', '并案', '否', '市教育局', 'A', '满意', 'P-99', ''], // 9 merged into nothing
      ['P-11', '关于子的提案', '委员', '褚三', '经济建设', '2023-01-05', '立案', '否', '市教育局', 'A', '很不满意', '', ''], // 10 satisfaction unknown
    ];
    const cwd = await tempDir();
    await writeFiles(cwd, {
      'data/organization.yaml': ORGANIZATION,
      'data/2023/提案台账.xlsx': writeWorkbook({ sheet: '提案', headers, rows }, 'xlsx'),
    });
    const run = await report(['validate', '2023', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    const problems = jsonDiagnostics(run.stdout);
    const inSheet = problems.filter((p) => p.sheet === '提案');
    const cells = (code: string) => inSheet.filter((p) => p.code === code).map((p) => p.cell);
    expect(cells('RPT725')).toEqual(['F3']); // 1 bad date
    expect(cells('RPT726')).toEqual(['H4']); // 2 是/否
    expect(cells('RPT306')).toEqual(expect.arrayContaining(['I5', 'E8'])); // 3 unit, 6 category
    expect(cells('RPT301')).toEqual(['A6']); // 4 duplicate id
    expect(cells('RPT203')).toEqual(expect.arrayContaining(['J7', 'G9', 'K12'])); // 5 class, 7 review, 10 satisfaction
    expect(cells('RPT724')).toEqual(['B10']); // 8 blank required cell
    expect(cells('RPT303')).toEqual(['L11']); // 9 merged into nothing
    expect(cells('RPT721')).toEqual(['M1']); // the unknown column, a warning
    const errors = inSheet.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(10);
    for (const p of inSheet) expect(p.line).not.toBeNull();
    // In text, a cell is named as Excel users name it.
    const text = await report(['validate', '2023'], { cwd });
    expect(text.stderr).toContain('提案台账.xlsx［提案］第3行 F列');
  });
});

/** The bundled 2023 proposal ledger's rows as header → text, read with the file reader alone. */
async function ledger(): Promise<Array<Record<string, string>>> {
  const file = path.join(DATA, '2023', '提案台账.xlsx');
  const [header, ...rows] = readWorkbook(new Uint8Array(await readFile(file)), file).sheets[0]!.rows;
  const names = new Map(header!.cells.map((c) => [c.column, c.text]));
  return rows.map((r) => Object.fromEntries(r.cells.map((c) => [names.get(c.column)!, c.text])));
}

describe('the phrasings of published reports, from the bundled ledgers', () => {
  let work: string;
  let proposals: string;
  let rows: Array<Record<string, string>>;
  beforeAll(async () => {
    const out = await tempDir();
    for (const kind of ['annual', 'proposals']) {
      const run = await report(['build', '2023', '--data', DATA, '--kind', kind, '--out', out, '--format', 'md']);
      expect(run.code, run.stderr).toBe(0);
    }
    work = await readFile(path.join(out, '2023', 'report.md'), 'utf8');
    proposals = await readFile(path.join(out, '2023', 'proposals.md'), 'utf8');
    rows = await ledger();
  });
  const count = (test: (r: Record<string, string>) => boolean) => rows.filter(test).length;
  const units = (r: Record<string, string>) => new Set([...(r['主办单位'] ?? '').split('、'), ...(r['会办单位'] ?? '').split('、')].filter(Boolean));

  it('大会/平时: 会议期间收到…件，闭会期间收到…件', () => {
    expect(work).toContain(`其中会议期间收到${count((r) => r['大会/平时'] === '大会')}件，闭会期间收到${count((r) => r['大会/平时'] === '平时')}件`);
  });
  it('承办单位: 交由…家单位承办，其中主办单位…家; …件需要三家以上单位共同办理的提案', () => {
    const all = new Set(rows.flatMap((r) => [...units(r)]));
    const lead = new Set(rows.flatMap((r) => (r['主办单位'] ?? '').split('、').filter(Boolean)));
    expect(work).toContain(`交由${all.size}家单位承办，其中主办单位${lead.size}家`);
    expect(proposals).toContain(`对${count((r) => units(r).size >= 3)}件需要三家以上单位共同办理的提案`);
  });
  it('主办…件次、会办…件次', () => {
    const lead = rows.reduce((n, r) => n + (r['主办单位'] ?? '').split('、').filter(Boolean).length, 0);
    const joint = rows.reduce((n, r) => n + (r['会办单位'] ?? '').split('、').filter(Boolean).length, 0);
    expect(proposals).toContain(`主办${lead}件次、会办${joint}件次`);
  });
  it('办理结果: 已解决或基本解决的…件，占…%; shares sum to 100% at the report’s precision', () => {
    const classes = ['A', 'B', 'C'].map((c) => count((r) => r['办理结果'] === c));
    const resulted = classes.reduce((a, b) => a + b, 0);
    const m = /已解决或基本解决的(\d+)件，占(\d+\.\d)%；\n?正在解决或列入计划解决的(\d+)件，占(\d+\.\d)%；\n?留作参考的(\d+)件，占(\d+\.\d)%/.exec(work.replace(/\n/g, ''));
    expect(m, work).not.toBeNull();
    expect([Number(m![1]), Number(m![3]), Number(m![5])]).toEqual(classes);
    expect(Math.round((Number(m![2]) + Number(m![4]) + Number(m![6])) * 10) / 10).toBe(100);
    expect(resulted).toBeGreaterThan(0);
  });
  it('第一提案人 and 联名人: …位委员提出提案，委员提案参与率达…%', async () => {
    const members = Number(/total: (\d+)/.exec(await readFile(path.join(DATA, '2023', 'members.yaml'), 'utf8'))![1]);
    const names = new Set(rows.filter((r) => r['提案者类别'] === '委员' || r['提案者类别'] === '联名').flatMap((r) => [r['第一提案人']!, ...(r['联名人'] ?? '').split('、').filter(Boolean)]));
    expect(work).toContain(`${names.size}位委员提出或联名提出提案，委员提案参与率达${((names.size / members) * 100).toFixed(1)}%`);
  });
  it('督办: 主席会议成员领衔督办…件', () => {
    expect(work).toContain(`主席会议成员领衔督办${count((r) => r['督办'] === '主席会议成员')}件`);
  });
  it('立案 with its 并案 (the declared convention)', () => {
    const merged = count((r) => r['审查结果'] === '并案');
    expect(proposals).toContain(`经审查，立案${count((r) => r['审查结果'] === '立案') + merged}件（含并案${merged}件）`);
  });
  it('办复 as of the declared cut-off: 截至2023年底，已办复…件', () => {
    expect(proposals).toContain(`截至2023年底，已办复${count((r) => r['已办复'] === '是')}件`);
  });
  it('批示 on proposals and on information, by level and by principal leaders', async () => {
    expect(proposals).toMatch(/\d+件提案获得领导批示\d+件次，其中主要领导批示\d+件次/);
    const info = await readFile(path.join(DATA, '2023', 'information.yaml'), 'utf8');
    const onInfo = (info.split('instructions:')[1] ?? '').split('\n').filter((l) => /level: 市/.test(l)).length;
    expect(work).toContain(`市委、市政府领导对社情民意信息作出批示${onInfo}人次`);
  });
  it('社情民意 adopted by level, and 期刊 issues', async () => {
    const info = await readFile(path.join(DATA, '2023', 'information.yaml'), 'utf8');
    const at = (level: string) => info.split('\n').filter((l) => new RegExp(`adoptedBy: \\[[^\\]]*${level}`).test(l)).length;
    expect(work).toContain(`其中全国政协采用${at('全国政协')}篇，省政协采用${at('省政协')}篇`);
    expect(work).toMatch(/编发《社情民意》25期/);
  });
  it('meetings: suggestions adopted as a count, attendance by sectors and members', async () => {
    expect(work).toMatch(/(\d+)个界别的(\d+)名委员到会/);
    expect(work).toMatch(/市委、市政府采纳了其中的\d+条/);
  });
});

describe('shares printed together sum to 100% at the precision printed', () => {
  const outcomes = (a: number, b: number, c: number) =>
    groups([...Array(a).fill('A'), ...Array(b).fill('B'), ...Array(c).fill('C')] as string[], (x) => x, ['A', 'B', 'C'], () => ({}));
  it('10/6/5 of 21 prints 48%/28%/24% in whole percents (plain rounding gives 101%)', () => {
    const g = outcomes(10, 6, 5);
    expect(['A', 'B', 'C'].map((k) => share(g, k, 0))).toEqual(['48%', '28%', '24%']);
    expect(['A', 'B', 'C'].map((k) => Math.round(((g as Record<string, { count: number }>)[k]!.count / 21) * 100))).toEqual([48, 29, 24]);
    expect(shares(g, '{key}{count}件，占{share}', 1, '；', undefined)).toBe('A10件，占47.6%；B6件，占28.6%；C5件，占23.8%');
  });
  it('refuses a grouping whose records can fall in several groups (tags)', () => {
    const tags = groups([['x', 'y'], ['x']], (t) => t, [], () => ({}));
    expect(() => share(tags, 'x', 1)).toThrow(/不能平衡/);
    expect(() => share(exclusive({ a: 0, b: 0 }), 'a', 1)).toThrow(/合计为 0/);
  });
});

describe('a YAML ledger exported to Excel or to a GBK CSV', () => {
  for (const [format, name, extra] of [
    ['xlsx', '提案台账.xlsx', []],
    ['csv', '提案台账.csv', ['--encoding', 'gbk']],
  ] as const) {
    it(`builds the same report.md from the ${format === 'xlsx' ? 'xlsx' : 'GBK csv'} as from the YAML (examples/panjin-2022)`, async () => {
      const cwd = await project(PANJIN);
      const build = async (out: string) => {
        const run = await report(['build', '2022', '--out', out, '--format', 'md'], { cwd });
        expect(run.code, run.stderr).toBe(0);
        return readFile(path.join(cwd, out, '2022', 'report.md'));
      };
      const fromYaml = await build('from-yaml');
      const ledger = path.join('data', '2022', name);
      const exported = await report(['export', 'proposals', '2022', '--format', format, '--out', ledger, ...extra], { cwd });
      expect(exported.code, exported.stderr).toBe(0);
      if (format === 'csv') expect((await readFile(path.join(cwd, ledger))).includes(Buffer.from('提案', 'utf8'))).toBe(false);
      await rm(path.join(cwd, 'data', '2022', 'proposals.yaml'));
      const fromSheet = await build('from-sheet');
      expect(fromSheet.equals(fromYaml)).toBe(true);
      expect(fromYaml.toString('utf8')).toMatch(/提案\d+件/);
    });
  }
});
