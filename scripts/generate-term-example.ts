/**
 * Writes the record files of the term-report example (examples/term-2018-2022/<year>/):
 * five years of a fictional district CPPCC, 青溪市柳塘区政协 (第八届, 2018—2022), whose
 * standing committee reports on its five years at the first session of the 第九届.
 *
 * Per year: proposals.yaml, meetings.yaml, research.yaml (reports and the leaders'
 * instructions on them), information.yaml, activities.yaml, members.yaml — modest counts,
 * invented records, written under the schema's field names. The hand-written files
 * (organization.yaml, term-2018-2022/sitting.yaml and narrative.md) are never touched.
 * Deterministic: a fixed-seed PRNG per year, no clock, no Math.random.
 *
 *   npx tsx scripts/generate-term-example.ts            # writes examples/term-2018-2022/<year>/
 *   npx tsx scripts/generate-term-example.ts --check    # fails if the committed files differ
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { yamlScalar, writeOrCheck } from './sample-data/output.js';
import { Rng } from './sample-data/rng.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(ROOT, 'examples', 'term-2018-2022');

/** What changes from year to year; everything else is drawn around these counts. */
const YEARS = [
  { year: 2018, proposals: 92, reports: 9, information: 64, members: { total: 186, standing: 38, inCommittees: 172 } },
  { year: 2019, proposals: 98, reports: 10, information: 71, members: { total: 188, standing: 38, inCommittees: 176 } },
  { year: 2020, proposals: 86, reports: 8, information: 83, members: { total: 188, standing: 39, inCommittees: 178 } },
  { year: 2021, proposals: 104, reports: 11, information: 88, members: { total: 190, standing: 39, inCommittees: 181 } },
  { year: 2022, proposals: 110, reports: 12, information: 95, members: { total: 192, standing: 40, inCommittees: 185 } },
] as const;

const list = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

const CATEGORIES = { 民生和社会事业: 40, 经济建设: 20, 城乡建设: 14, 生态环境: 8, 文化旅游: 6, 社会治理: 12 } as const;
type Category = keyof typeof CATEGORIES;

const PHRASES: Record<Category, string[]> = {
  民生和社会事业: list(`
    加快老旧小区改造|推进老旧小区加装电梯|完善社区居家养老服务|发展社区日间照料中心|提升社区卫生服务能力|
    推进学前教育普惠发展|促进义务教育优质均衡|加强中小学生心理健康教育|做好高校毕业生就业服务|加强困难家庭救助帮扶|
    推进社区食堂建设|完善残疾人康复服务|加强食品安全监管|规范校外培训机构管理|推进全民健身设施建设|
    优化社区便民服务网点布局|加强未成年人保护|完善灵活就业人员社会保障|提升家庭医生签约服务质量|推进医联体建设
  `),
  经济建设: list(`
    持续优化营商环境|加快产业集聚区建设|发展楼宇经济|促进民营经济发展|支持中小微企业融资|
    推进电子商务产业发展|加快招商引资项目落地|发展夜间经济|推动商贸服务业提质|加快科技园区建设
  `),
  城乡建设: list(`
    推进城中村改造|加强背街小巷整治|完善城区停车设施|推进智慧社区建设|加强城市精细化管理|提升城区道路通行能力|规范物业服务管理
  `),
  生态环境: list(`推进生活垃圾分类|加强河道综合治理|推进城区绿道建设|加强大气污染防治|提升城区绿化水平`),
  文化旅游: list(`保护利用工业历史文化遗产|发展特色工业旅游|推进公共文化服务体系建设|挖掘柳塘历史文化资源`),
  社会治理: list(`加强基层社会治理|完善矛盾纠纷多元化解机制|推进平安社区建设|加强网格化服务管理|加强消防安全基层治理|推进法治柳塘建设`),
};

const PARTIES = [
  ['民革柳塘区工委', '民革'],
  ['民盟柳塘区委员会', '民盟'],
  ['民建柳塘区工委', '民建'],
  ['九三学社柳塘区支社', '九三学社'],
] as const;
const BODIES = [
  ['区工商联', '工商联'],
  ['区总工会', '工会'],
  ['区妇联', '妇联'],
  ['团区委', '共青团'],
] as const;
const COMMITTEES = ['提案委员会', '经济和科技委员会', '社会事业委员会', '城乡建设和环境委员会', '文史和学习委员会'];
const MEMBER_SECTORS = ['中共', '无党派人士', '经济界', '教育界', '医药卫生界', '文化艺术界', '社会福利和社会保障界', '特邀人士'];
const SURNAMES = list('王|李|张|刘|陈|杨|赵|黄|周|吴|徐|孙|马|朱|胡|郭|何|高|林|罗|郑|梁|谢|宋|唐|许|韩|冯');
const GIVEN = list('伟|芳|娜|敏|静|丽|强|磊|军|洋|勇|艳|杰|娟|涛|明|超|秀|霞|平|刚|英|华|玉|红|建|新|海|波|宁');

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function day(rng: Rng, year: number, fromMonth: number, toMonth: number): string {
  const month = rng.int(fromMonth, toMonth);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(rng.int(1, days))}`;
}

function personName(rng: Rng): string {
  const given = rng.chance(0.3) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

/** A weighted pick from a table of weights. */
function weighted<K extends string>(rng: Rng, table: Readonly<Record<K, number>>): K {
  const entries = Object.entries(table) as Array<[K, number]>;
  let r = rng.next() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) {
    r -= w;
    if (r < 0) return k;
  }
  return entries[entries.length - 1]![0];
}

// ── Records ───────────────────────────────────────────────────────────────────────────────

type Fields = Array<[string, string | number | boolean | string[] | undefined]>;

function proposals(rng: Rng, year: number, count: number): Fields[] {
  const out: Fields[] = [];
  const filedIds: string[] = [];
  let keys = 0;
  for (let i = 1; i <= count; i++) {
    const id = `P${year}-${pad(i, 3)}`;
    const category = weighted(rng, CATEGORIES);
    const submitter = weighted(rng, { 委员: 55, 联名: 10, 党派: 18, 团体: 9, 界别: 5, 专委会: 3 } as const);
    let by: string;
    let sector: string | undefined;
    if (submitter === '党派') [by, sector] = rng.pick(PARTIES);
    else if (submitter === '团体') [by, sector] = rng.pick(BODIES);
    else if (submitter === '专委会') by = `区政协${rng.pick(COMMITTEES)}`;
    else if (submitter === '界别') {
      sector = rng.pick(MEMBER_SECTORS);
      by = `${sector}委员`;
    } else {
      by = submitter === '联名' ? `${personName(rng)}等${rng.int(2, 5)}位委员` : personName(rng);
      sector = rng.pick(MEMBER_SECTORS);
    }
    // Most proposals come to the year's full session in the first quarter.
    const date = rng.chance(0.8) ? day(rng, year, 1, 3) : day(rng, year, 4, 11);
    const decision = filedIds.length > 0 ? weighted(rng, { 立案: 90, 并案: 4, 不立案: 3, 转来信: 3 } as const) : '立案';
    const filed = decision === '立案' || decision === '并案';
    const key = decision === '立案' && keys < 6 && rng.chance(0.12);
    if (key) keys++;
    const handled = filed && rng.chance(year === 2022 ? 0.9 : 0.97);
    const satisfaction = handled ? weighted(rng, { 满意: 85, 基本满意: 14, 不满意: 1 } as const) : undefined;
    out.push([
      ['id', id],
      ['title', `关于${rng.pick(PHRASES[category])}的${submitter === '委员' || submitter === '联名' ? '建议' : '提案'}`],
      ['submitterKind', submitter],
      ['proposer', by],
      ['sector', sector],
      ['category', category],
      ['submittedOn', date],
      ['review', decision],
      ['mergedInto', decision === '并案' ? rng.pick(filedIds) : undefined],
      ['keyProposal', key],
      ['answered', handled],
      ['satisfaction', satisfaction],
    ]);
    if (decision === '立案') filedIds.push(id);
  }
  return out;
}

const TOPICS = {
  专题议政性常委会议: list('加快产业集聚区建设|推进城市有机更新|发展楼宇经济|优化营商环境|推动高质量发展'),
  双月协商座谈会: list('完善社区居家养老服务|推进生活垃圾分类|加强背街小巷整治|促进学前教育普惠发展|完善城区停车设施|加强河道综合治理|推进智慧社区建设|规范物业服务管理'),
  对口协商会: list('促进民营经济发展|推进城中村改造|加强食品安全监管|推进医联体建设|发展夜间经济'),
  界别协商会: list('保护利用工业历史文化遗产|做好高校毕业生就业服务|加强未成年人保护'),
  提案办理协商会: list('重点提案办理|民生类提案办理|城市管理类提案办理'),
} as const;
const LIVELIHOOD = new Set(['完善社区居家养老服务', '促进学前教育普惠发展', '完善城区停车设施', '规范物业服务管理', '推进医联体建设', '加强食品安全监管']);

function meetings(rng: Rng, year: number): Fields[] {
  const plan: Array<[string, number]> = [
    ['全体会议', 1],
    ['常委会议', rng.int(3, 4)],
    ['专题议政性常委会议', 1],
    ['主席会议', rng.int(8, 11)],
    ['党组会议', rng.int(9, 12)],
    ['双月协商座谈会', rng.int(3, 5)],
    ['对口协商会', rng.int(1, 3)],
    ['界别协商会', rng.int(1, 2)],
    ['提案办理协商会', 2],
  ];
  const records: Array<{ kind: string; date: string; topic: string; suggestions: number; adopted: boolean }> = [];
  for (const [kind, n] of plan) {
    const pool = (TOPICS as Record<string, readonly string[]>)[kind];
    // The year's 专题议政 topic is the year's own: the five years name five different ones.
    const topics = kind === '专题议政性常委会议' ? [pool![(year - 2018) % pool!.length]!] : pool ? rng.sample(pool, n) : [];
    for (let i = 0; i < n; i++) {
      const consult = pool !== undefined;
      const date = kind === '全体会议' ? `${year}-01-${pad(rng.int(8, 20))}` : day(rng, year, 2, 12);
      const topic =
        topics[i] ??
        (kind === '全体会议'
          ? `八届${['一', '二', '三', '四', '五'][year - 2018]}次会议，听取和审议常委会工作报告`
          : kind === '党组会议'
            ? '传达学习上级会议精神，研究政协重要工作'
            : kind === '主席会议'
              ? '研究协商计划和重点工作安排'
              : '审议协商成果和有关事项');
      records.push({ kind, date, topic, suggestions: consult ? rng.int(5, 14) : 0, adopted: consult && rng.chance(0.8) });
    }
  }
  records.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
  return records.map((m, i) => [
    ['id', `M${year}-${pad(i + 1)}`],
    ['kind', m.kind],
    ['date', m.date],
    ['topic', m.topic],
    ['suggestions', m.suggestions || undefined],
    // An adopted consultation had all its suggestions adopted.
    ['suggestionsAdopted', m.adopted ? m.suggestions : undefined],
    ['tags', LIVELIHOOD.has(m.topic) ? ['民生'] : undefined],
  ]);
}

const REPORT_TITLES = list(`
  关于产业集聚区建设情况的调研报告|关于老旧小区改造情况的调研报告|关于社区居家养老服务的调研报告|关于楼宇经济发展的调研报告|
  关于学前教育资源布局的调研报告|关于营商环境建设情况的调研报告|关于城中村改造项目推进情况的调研报告|关于工业历史文化遗产保护利用的调研报告|
  关于基层社会治理创新的调研报告|关于电子商务产业发展的调研报告|关于河道综合治理情况的视察报告|关于重点项目建设情况的视察报告|
  关于生活垃圾分类工作的民主监督报告|关于食品安全监管情况的视察报告|关于背街小巷整治情况的视察报告
`);
const LEADERS = { 区委主要领导: 3, 区政府主要领导: 3, 区委分管领导: 2, 区政府分管领导: 2 } as const;

function research(rng: Rng, year: number, count: number): { reports: Fields[]; instructions: Fields[] } {
  const titles = rng.sample(REPORT_TITLES, count).sort();
  const reports: Fields[] = [];
  const instructions: Fields[] = [];
  titles.forEach((title, i) => {
    const id = `R${year}-${pad(i + 1)}`;
    const kind = title.endsWith('视察报告') ? '视察' : title.endsWith('民主监督报告') ? '民主监督' : '调研';
    const lead = rng.chance(0.25) ? '主席会议' : rng.chance(0.2) ? rng.pick(PARTIES)[0] : `区政协${rng.pick(COMMITTEES)}`;
    const leadKind = lead === '主席会议' ? '主席会议' : lead.startsWith('区政协') ? '专委会' : '党派';
    const date = day(rng, year, 4, 11);
    reports.push([
      ['id', id],
      ['kind', kind],
      ['title', title],
      ['leadBody', lead],
      ['leadBodyKind', leadKind],
      ['date', date],
      ['suggestions', rng.int(4, 9)],
    ]);
    const n = rng.chance(0.55) ? rng.int(1, 2) : 0;
    for (let k = 0; k < n; k++) {
      const leader = weighted(rng, LEADERS);
      instructions.push([
        ['id', `A${year}-${pad(instructions.length + 1)}`],
        ['record', id],
        ['leader', leader],
        // Every leader in LEADERS is the district's own.
        ['level', '区'],
        ['principal', leader.includes('主要领导')],
        ['date', `${year}-12-${pad(rng.int(10, 28))}`],
      ]);
    }
  });
  return { reports, instructions };
}

const INFO_SUBJECTS = list(`
  老旧小区加装电梯推进难|社区养老服务供给不足|学校周边交通拥堵|背街小巷环境脏乱|城区停车难|
  物业服务质量不高|中小企业融资难|农贸市场管理不规范|居民区油烟扰民|电动自行车充电安全隐患|
  城中村改造群众诉求|困难群众就医负担|高校毕业生就业压力|社区卫生服务能力不足|夜间经济配套不足
`);
const ADOPTERS = { 市政协: 40, 区委: 25, 区政府: 30, 省政协: 5 } as const;

function information(rng: Rng, year: number, count: number): Fields[] {
  return Array.from({ length: count }, (_, i) => {
    const submitted = rng.chance(0.58);
    const adopted = submitted && rng.chance(0.42);
    return [
      ['id', `I${year}-${pad(i + 1, 3)}`],
      ['title', `关于${rng.pick(INFO_SUBJECTS)}问题的反映`],
      ['date', day(rng, year, 1, 12)],
      ['submitted', submitted],
      // Adoption is written as the list of adopting units alone; an item nobody adopted has none.
      ['adoptedBy', adopted ? [weighted(rng, ADOPTERS)] : undefined],
    ] as Fields;
  });
}

function activities(rng: Rng): string[] {
  return [
    '  - {id: party-reports, name: 向区委请示报告, unit: 件次, count: ' + rng.int(8, 13) + '}',
    '  - id: study',
    '    name: 理论学习',
    '    unit: 次',
    '    parts:',
    `      - {name: 党组理论学习中心组学习, count: ${rng.int(6, 10)}}`,
    `      - {name: 常委会议专题学习, count: ${rng.int(2, 4)}}`,
    `  - {id: donations, name: 委员捐赠款物, unit: 万元, count: ${rng.int(60, 180)}}`,
    `  - {id: volunteering, name: 委员参加爱心公益服务, unit: 人次, count: ${rng.int(150, 320)}}`,
    `  - {id: workrooms, name: 新建委员工作室, unit: 个, count: ${rng.int(2, 5)}}`,
  ];
}

// ── YAML output ───────────────────────────────────────────────────────────────────────────

const s = yamlScalar;

/** One record as a flow mapping on a single line. */
function flow(fields: Fields): string {
  const parts = fields.flatMap(([k, v]) => {
    if (v === undefined) return [];
    if (Array.isArray(v)) return [`${k}: [${v.map(s).join(', ')}]`];
    // Dates are written bare, as in the hand-written files (yamlScalar would quote them).
    if (typeof v !== 'string' || k === 'date' || k === 'submittedOn') return [`${k}: ${String(v)}`];
    return [`${k}: ${s(v)}`];
  });
  return `{${parts.join(', ')}}`;
}

const SCHEMA = '# yaml-language-server: $schema=../../../schema/year.schema.json';
const GENERATED = '# 由 scripts/generate-term-example.ts 生成（固定随机种子，可重复生成）。如需修改，请改生成脚本后重新运行。';

function file(header: string[], body: string[]): string {
  return [SCHEMA, ...header, GENERATED, '', ...body, ''].join('\n');
}

function yearFiles(spec: (typeof YEARS)[number]): Record<string, string> {
  const { year } = spec;
  const rng = new Rng(`term-example-${year}`);
  const { reports, instructions } = research(rng, year, spec.reports);
  return {
    'proposals.yaml': file(
      [`# 柳塘区政协提案委员会：${year}年度提案台账，一行一件（示例数据，全部虚构）。`],
      ['proposals:', ...proposals(rng, year, spec.proposals).map((r) => `  - ${flow(r)}`)],
    ),
    'meetings.yaml': file([`# 柳塘区政协办公室：${year}年度会议台账，按日期排列（示例数据，全部虚构）。`], ['meetings:', ...meetings(rng, year).map((r) => `  - ${flow(r)}`)]),
    'research.yaml': file(
      [`# 柳塘区政协研究室和各专门委员会：${year}年度调研、视察和民主监督报告，以及获得的领导批示（示例数据，全部虚构）。`],
      ['research:', ...reports.map((r) => `  - ${flow(r)}`), '', 'instructions:', ...instructions.map((r) => `  - ${flow(r)}`)],
    ),
    'information.yaml': file(
      [`# 柳塘区政协信息科：${year}年度社情民意信息，一行一条（示例数据，全部虚构）。`],
      ['information:', ...information(rng, year, spec.information).map((r) => `  - ${flow(r)}`)],
    ),
    'activities.yaml': file([`# 柳塘区政协办公室：${year}年度其他计数的履职活动（示例数据，全部虚构）。`], ['activities:', ...activities(rng)]),
    'members.yaml': file(
      [`# 柳塘区政协委员工作室：${year}年末委员队伍情况（示例数据，全部虚构）。`],
      ['members:', `  total: ${spec.members.total}`, `  standing: ${spec.members.standing}`, `  inCommittees: ${spec.members.inCommittees}`],
    ),
  };
}

async function main(check: boolean): Promise<void> {
  let stale = 0;
  for (const spec of YEARS) {
    const folder = path.join(EXAMPLE, String(spec.year));
    if (!check) await mkdir(folder, { recursive: true });
    stale += await writeOrCheck(Object.fromEntries(Object.entries(yearFiles(spec)).map(([name, text]) => [path.join(folder, name), text])), check, ROOT);
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.includes('--check')).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
