/**
 * Writes the generated record files of the 盘锦 2022 example (examples/panjin-2022/2022/):
 * proposals.yaml (189 proposals, one flow mapping a line), information.yaml (213 items) and
 * research.yaml (the research, inspection and supervision reports).
 *
 * The example rebuilds seed 004, 盘锦市政协's 2022 work report, from records. The report gives
 * only totals; the totals are fixed here and the record-level details (titles, submitters,
 * dates) are invented plausibly around them:
 *
 *   proposals    189 received, all filed; 116 民生和社会事业 (61.4%); 175 handled (92.6%);
 *                189 with an evaluation, 188 满意/基本满意 (99.5%); 91 by 党派/团体
 *   information  213 collected (200余), 104 submitted (100余), 43 adopted (40余)
 *   research     35 research reports by 党派 and 团体, and the reports of the committees
 *                that the report's text names
 *
 * Records are drawn under short internal names (by, lead, handled…, as the sample-data generator
 * does) and written under the schema's field names (proposer, leadBody, answered…) by the *File
 * functions below.
 *
 * Hand-written files (organization.yaml, sitting.yaml, meetings.yaml, activities.yaml,
 * members.yaml, narrative.md) are never touched. Deterministic: a fixed-seed PRNG, no clock,
 * no Math.random — running it twice gives the same bytes.
 *
 *   npx tsx scripts/generate-panjin-2022.ts            # writes examples/panjin-2022/2022/
 *   npx tsx scripts/generate-panjin-2022.ts --check    # fails if the committed files differ
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { yamlScalar, writeOrCheck } from './sample-data/output.js';
import type { InformationRecord, ReportRecord } from './sample-data/records.js';
import { Rng } from './sample-data/rng.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FOLDER = path.join(ROOT, 'examples', 'panjin-2022', '2022');
const YEAR = 2022;

// ── The totals the report prints ─────────────────────────────────────────────────────────

const PROPOSALS = {
  total: 189,
  handled: 175,
  /** Evaluations: every proposal was answered; one proposer was not satisfied. */
  satisfaction: { 满意: 180, 基本满意: 8, 不满意: 1 },
  key: 12,
  byCategory: { 民生和社会事业: 116, 经济建设: 31, 城乡建设: 15, 生态环境: 10, 农业农村: 10, 社会治理: 7 },
  bySubmitter: { 党派: 67, 团体: 24, 委员: 68, 联名: 20, 界别: 6, 专委会: 4 },
} as const;

const INFORMATION = { collected: 213, submitted: 104, adoptedBy: { 全国政协: 5, 省政协: 21, 市委: 9, 市政府: 8 } } as const;

/** Research reports submitted by 党派 and 团体 (the report's 35篇). */
const COLLECTIVE_REPORTS = { 党派: 27, 团体: 8 } as const;

// ── Deterministic randomness ──────────────────────────────────────────────────────────────


/** A list with each key repeated as often as its count says. */
function deck<K extends string>(counts: Readonly<Record<K, number>>): K[] {
  return (Object.entries(counts) as Array<[K, number]>).flatMap(([k, n]) => Array<K>(n).fill(k));
}

/** `n` booleans, `trues` of them true, in a shuffled order. */
function flags(rng: Rng, n: number, trues: number): boolean[] {
  return rng.shuffle([...Array<boolean>(trues).fill(true), ...Array<boolean>(n - trues).fill(false)]);
}

const pad = (n: number) => String(n).padStart(2, '0');
const pad3 = (n: number) => String(n).padStart(3, '0');

function dayOfYear(rng: Rng, fromMonth: number, toMonth: number): string {
  const month = rng.int(fromMonth, toMonth);
  const days = new Date(Date.UTC(YEAR, month, 0)).getUTCDate();
  return `${YEAR}-${pad(month)}-${pad(rng.int(1, days))}`;
}

// ── Pools (盘锦: 辽河口, 湿地, 石化, 稻蟹, 港口…) ─────────────────────────────────────────

const list = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

const PHRASES: Record<string, string[]> = {
  民生和社会事业: list(`
    加快推进老旧小区改造|推进老旧小区加装电梯|推进智慧停车场建设|缓解城区停车难问题|完善居家社区养老服务体系|
    发展社区嵌入式养老服务|推进医养结合发展|加强农村留守老人关爱服务|提升基层医疗卫生服务能力|加强儿童青少年近视防控|
    加强中小学生心理健康教育|提升中小学课后服务质量|推进义务教育优质均衡发展|加快发展普惠性托育服务|扩大普惠性学前教育资源|
    推进职业教育产教融合|促进高校毕业生留盘就业创业|做好新就业形态劳动者权益保障|完善灵活就业人员社会保障|推进保障性租赁住房建设|
    加强食品安全监管|加强校园周边食品安全管理|规范校外培训机构管理|完善残疾人康复服务体系|加强孤独症儿童康复救助|
    提升院前急救服务能力|推进家庭医生签约服务提质增效|提升中医药健康服务能力|加强中医药人才队伍建设|推进中医药进社区|
    优化医保异地就医结算服务|加强慢性病患者健康管理|推进全民健身设施建设|加快城市社区体育公园建设|推进公共体育场馆免费低收费开放|
    完善城乡低保动态管理|加强困难群众救助帮扶|健全防止返贫监测帮扶机制|加强妇女儿童合法权益保障|推进儿童友好城市建设|
    完善退役军人服务保障体系|提升公共就业服务能力|加强农民工工资支付保障|加强养老护理人员队伍建设|推进老年人居家适老化改造|
    加快无障碍环境建设|加强城市公共厕所建设管理|改善中小学校园周边交通秩序|推进中小学食堂“明厨亮灶”建设|加强青少年体质健康促进|
    推进乡村教师队伍建设|加强特殊教育保障|推进“一刻钟便民生活圈”建设|加强精神卫生服务体系建设|完善公共卫生应急管理体系|
    促进婴幼儿照护服务发展|加强老年人防诈骗宣传教育|帮助老年人跨越“数字鸿沟”|推进社区食堂建设|发展老年助餐服务|
    完善失能老人照护服务|推进生活垃圾分类工作|做好疫情防控常态化下的就医保障|提升城市供热服务质量|推进供水管网改造|
    加强物业服务管理|推进城乡公交一体化|优化城市公交线路|加强社区卫生服务站建设|提升农村寄递物流服务水平|
    推进全民阅读|加强公共文化服务体系建设|推进辽河口文化传承发展|保护和利用盘锦历史文化资源|促进群众文化活动繁荣发展|
    加强未成年人网络保护|推进家庭教育指导服务|减轻义务教育阶段学生作业负担|完善医疗救助制度|推进分级诊疗制度建设
  `),
  经济建设: list(`
    持续优化营商环境|推动石化及精细化工产业高质量发展|加快“专精特新”企业培育|破解中小微企业融资难题|促进民营经济发展壮大|
    推进数字经济与实体经济深度融合|加快工业互联网平台建设|推进盘锦港口物流体系建设|提升辽宁沿海经济带港口枢纽能级|发展临港产业|
    推动闲置土地、闲置厂房、闲置楼宇盘活利用|加快高科技人才引育|推动文旅产业融合发展|做强红海滩文旅品牌|发展夜间经济|
    推进招商引资提质增效|完善科技成果转化机制|促进县域经济发展|推动服务业扩能提质|加快发展现代物流业|
    发展海洋经济|推进消费扩容升级|支持企业数字化转型|推动外贸稳规模优结构|完善政府性融资担保体系
  `),
  城乡建设: list(`
    优化国土空间规划布局|推进城市更新行动|加强城市精细化管理|提升城市防洪排涝能力|推进海绵城市建设|
    加快城乡融合发展|推进美丽乡村建设|加强农村人居环境整治|推进城市绿道建设|完善城市慢行系统|
    推进新型智慧城市建设|加强老旧管网改造|提升城市园林绿化水平|规范城区户外广告管理|推进城乡基础设施一体化
  `),
  生态环境: list(`
    加强辽河口湿地保护修复|推进退养还湿和引湿入城工程|提升自然湿地保护率|加强辽河流域水生态保护|推进减污降碳协同增效|
    加强近岸海域污染防治|推进绿色低碳发展|加强秸秆综合利用|加强野生鸟类栖息地保护|推进“无废城市”建设
  `),
  农业农村: list(`
    推进稻蟹综合种养产业发展|加快盘锦大米品牌建设|推进种业创新|培育壮大农业龙头企业|发展乡村特色产业|
    推进高标准农田建设|加强农村集体经济发展|推进农产品精深加工|发展设施农业|加强新型职业农民培训
  `),
  社会治理: list(`
    推动行政机关负责人出庭应诉制度建设|加强基层社会治理|完善矛盾纠纷多元化解机制|加强网格化服务管理|推进法治政府建设|
    加强禁毒宣传教育|推进平安盘锦建设|完善突发事件应急预案体系|加强消防安全基层治理|加强未成年人保护
  `),
};

/** 民主党派 and 人民团体 in 盘锦, with the sector each sits in. */
const PARTIES = [
  ['民革盘锦市委会', '民革'],
  ['民盟盘锦市委会', '民盟'],
  ['民建盘锦市委会', '民建'],
  ['民进盘锦市委会', '民进'],
  ['农工党盘锦市委会', '农工党'],
  ['九三学社盘锦市委会', '九三学社'],
] as const;
const BODIES = [
  ['市工商联', '工商联'],
  ['市总工会', '工会'],
  ['团市委', '共青团'],
  ['市妇联', '妇联'],
  ['市科协', '科协'],
  ['市侨联', '侨联'],
] as const;
const COMMITTEES = ['提案委员会', '经济委员会', '教科卫体委员会', '人口资源环境委员会', '社会和法制委员会', '文化文史和学习委员会', '农业和农村委员会'];
const MEMBER_SECTORS = [
  '中共', '无党派人士', '经济界', '农业界', '教育界', '科技界', '医药卫生界', '文化艺术界',
  '社会科学界', '新闻出版界', '体育界', '社会福利和社会保障界', '少数民族界', '特邀人士',
];
const SURNAMES = list('王|李|张|刘|陈|杨|赵|黄|周|吴|徐|孙|马|朱|胡|郭|何|高|林|罗|郑|梁|谢|宋|唐|许|韩|冯|邓|曹|彭|曾|于|董|潘|田|姜|崔|范|石');
const GIVEN = list('伟|芳|娜|敏|静|丽|强|磊|军|洋|勇|艳|杰|娟|涛|明|超|秀|霞|平|刚|桂|英|华|玉|红|建|新|海|波|宁|雪|飞|鹏|峰|辉|颖|琳|博|凯');

function personName(rng: Rng): string {
  const given = rng.next() < 0.3 ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

// ── Proposals ─────────────────────────────────────────────────────────────────────────────

interface ProposalRec {
  id: string;
  title: string;
  submitter: string;
  by: string;
  sector?: string;
  category: string;
  date: string;
  key: boolean;
  handled: boolean;
  satisfaction: string;
}

function generateProposals(): ProposalRec[] {
  const rng = new Rng('panjin-2022-proposals');
  const n = PROPOSALS.total;
  const categories = rng.shuffle(deck(PROPOSALS.byCategory));
  const submitters = rng.shuffle(deck(PROPOSALS.bySubmitter));
  const handled = flags(rng, n, PROPOSALS.handled);
  // The one unsatisfied proposer is among those whose proposal is still being handled.
  const satisfaction: string[] = rng.shuffle(deck({ 满意: PROPOSALS.satisfaction.满意, 基本满意: PROPOSALS.satisfaction.基本满意 }));
  const unhandled = handled.map((h, i) => (h ? -1 : i)).filter((i) => i >= 0);
  satisfaction.splice(rng.pick(unhandled), 0, '不满意');
  // Key proposals are picked among the handled ones.
  const handledAt = handled.map((h, i) => (h ? i : -1)).filter((i) => i >= 0);
  const keys = new Set(rng.shuffle(handledAt).slice(0, PROPOSALS.key));

  // Titles: each phrase of a category in turn, shuffled, so that repeats are rare.
  const queues = new Map<string, string[]>();
  const used = new Map<string, number>();
  const titleFor = (category: string): string => {
    let queue = queues.get(category);
    if (!queue || queue.length === 0) {
      queue = rng.shuffle(PHRASES[category]!);
      queues.set(category, queue);
    }
    const phrase = queue.pop()!;
    const times = used.get(phrase) ?? 0;
    used.set(phrase, times + 1);
    // A second proposal on the same subject says 提案 where the first said 建议, or the reverse.
    const form = (phrase.length + times) % 2 === 0 ? '建议' : '提案';
    return `关于${phrase}的${form}`;
  };

  const records: ProposalRec[] = [];
  for (let i = 0; i < n; i++) {
    const submitter = submitters[i]!;
    const category = categories[i]!;
    let by: string;
    let sector: string | undefined;
    if (submitter === '党派') [by, sector] = rng.pick(PARTIES);
    else if (submitter === '团体') [by, sector] = rng.pick(BODIES);
    else if (submitter === '专委会') by = `市政协${rng.pick(COMMITTEES)}`;
    else if (submitter === '界别') {
      sector = rng.pick(MEMBER_SECTORS.filter((s) => s.endsWith('界')));
      by = `${sector}委员`;
    } else {
      sector = rng.pick(MEMBER_SECTORS);
      by = submitter === '联名' ? `${personName(rng)}等${rng.int(2, 6)}位委员` : personName(rng);
    }
    // Most proposals come in during the plenary session (九届一次会议, 2022-01-05 to 01-08);
    // the rest are 平时提案 handed in during the year.
    const date = i < 161 ? `${YEAR}-01-${pad(5 + Math.floor((i * 4) / 161))}` : dayOfYear(rng, 2, 10);
    records.push({
      id: '',
      title: titleFor(category),
      submitter,
      by,
      ...(sector !== undefined ? { sector } : {}),
      category,
      date,
      key: keys.has(i),
      handled: handled[i]!,
      satisfaction: satisfaction[i]!,
    });
  }
  records.sort((a, b) => a.date.localeCompare(b.date));
  records.forEach((r, i) => (r.id = `P${YEAR}-${pad3(i + 1)}`));
  return records;
}

// ── Information (社情民意信息) ───────────────────────────────────────────────────────────

const INFO_SUBJECTS = list(`
  老旧小区改造|城区停车|农村养老|社区食堂|居家养老|中小学课后服务|校外培训|青少年心理健康|婴幼儿托育|基层医疗|
  中医药服务|医保异地结算|慢性病管理|院前急救|农村客运|冬季供暖|二次供水|物业管理|生活垃圾分类|餐厨垃圾处理|
  稻蟹种养|盘锦大米品牌|农产品冷链|高标准农田|农村集体经济|湿地保护|辽河水质|近岸海域|秸秆焚烧|野生鸟类保护|
  中小微企业融资|营商环境|企业用工|高校毕业生就业|灵活就业|新就业形态|闲置厂房利用|闲置楼宇利用|石化产业链|港口物流|
  红海滩旅游|夜间经济|电动自行车充电|高层住宅消防|老年人防诈骗|数字鸿沟|残疾人就业|孤独症儿童康复|退役军人就业|疫情防控
`);
const INFO_FORMS = ['关于{s}问题的建议', '{s}面临的困难及对策建议', '{s}问题亟待重视', '关于加强{s}工作的建议', '对{s}的几点建议', '{s}工作中的问题及建议'];


function generateInformation(): InformationRecord[] {
  const rng = new Rng('panjin-2022-information');
  const n = INFORMATION.collected;
  const adopters = rng.shuffle(deck(INFORMATION.adoptedBy));
  const adoptedCount = adopters.length;
  // Of the collected items, `submitted` went up; the adopted ones are among those.
  const submitted = flags(rng, n, INFORMATION.submitted);
  const submittedAt = submitted.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);
  const adoptedAt = new Map(rng.shuffle(submittedAt).slice(0, adoptedCount).map((i, k) => [i, adopters[k]!]));
  const seen = new Set<string>();
  const dates = Array.from({ length: n }, () => dayOfYear(rng, 1, 12)).sort();
  return dates.map((date, i) => {
    let title: string;
    do title = rng.pick(INFO_FORMS).replace('{s}', rng.pick(INFO_SUBJECTS));
    while (seen.has(title));
    seen.add(title);
    const by = adoptedAt.get(i);
    return {
      id: `I${YEAR}-${pad3(i + 1)}`,
      title,
      date,
      submitted: submitted[i]!,
      adopted: by !== undefined,
      ...(by !== undefined ? { adoptedBy: by } : {}),
    };
  });
}

// ── Research reports ──────────────────────────────────────────────────────────────────────


/** The reports the report's text names; ids are cited by the narrative. */
const NAMED_REPORTS: ReportRecord[] = [
  {
    id: 'coastal-plan-research',
    kind: '调研',
    title: '关于落实《辽宁沿海经济带高质量发展规划》的调研报告',
    lead: '市政协主席会议',
    leadKind: '主席会议',
    date: '2022-05-20',
    suggestions: 6,
  },
  {
    id: 'coastal-digital',
    kind: '调研',
    title: '辽宁沿海经济带产业协同推进数字化转型升级路径报告',
    lead: '市政协经济委员会',
    leadKind: '专委会',
    date: '2022-06-28',
    suggestions: 5,
  },
  {
    id: 'digital-panjin-research',
    kind: '调研',
    title: '关于“数字盘锦、智造强市”的调研报告',
    lead: '市政协主席会议',
    leadKind: '主席会议',
    date: '2022-07-15',
    suggestions: 17,
  },
  {
    id: 'idle-resources',
    kind: '调研',
    title: '让闲置资源“活”起来',
    lead: '市政协经济委员会',
    leadKind: '专委会',
    date: '2022-08-26',
    suggestions: 7,
  },
  {
    id: 'wetland-supervision',
    kind: '民主监督',
    title: '关于实施退养还湿和引湿入城工程、大幅提升自然湿地保护率的民主监督报告',
    lead: '市政协人口资源环境委员会',
    leadKind: '专委会',
    date: '2022-09-16',
    suggestions: 6,
  },
  {
    id: 'court-appearance-inspection',
    kind: '视察',
    title: '关于推动行政机关负责人出庭应诉制度建设的视察报告',
    lead: '市政协社会和法制委员会',
    leadKind: '专委会',
    date: '2022-10-21',
    suggestions: 5,
  },
  {
    id: 'tcm-research',
    kind: '调研',
    title: '关于提升中医药健康服务能力的调研报告',
    lead: '市政协教科卫体委员会',
    leadKind: '专委会',
    date: '2022-11-04',
    suggestions: 9,
  },
];

function generateReports(): ReportRecord[] {
  const rng = new Rng('panjin-2022-reports');
  const subjects = rng.shuffle([
    ...PHRASES['经济建设']!,
    ...PHRASES['民生和社会事业']!.slice(0, 30),
    ...PHRASES['农业农村']!,
    ...PHRASES['生态环境']!,
  ]);
  const collective: ReportRecord[] = [];
  const kinds = deck(COLLECTIVE_REPORTS);
  kinds.forEach((leadKind, i) => {
    const [lead] = leadKind === '党派' ? PARTIES[i % PARTIES.length]! : BODIES[i % BODIES.length]!;
    collective.push({
      id: '',
      kind: '调研',
      title: `关于${subjects[i]!}的调研报告`,
      lead,
      leadKind,
      date: dayOfYear(rng, 3, 11),
      suggestions: rng.int(3, 8),
    });
  });
  collective.sort((a, b) => a.date.localeCompare(b.date) || a.lead.localeCompare(b.lead));
  collective.forEach((r, i) => (r.id = `R${YEAR}-${pad3(i + 1)}`));
  return [...NAMED_REPORTS, ...collective].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

// ── YAML output ───────────────────────────────────────────────────────────────────────────

const s = yamlScalar;

type Value = string | number | boolean | string[] | undefined;
/** Dates are written bare, as in the hand-written files (yamlScalar would quote them). */
const isDate = (k: string) => k === 'date' || k === 'submittedOn';

function field(k: string, v: Exclude<Value, undefined>): string {
  if (Array.isArray(v)) return `${k}: [${v.map(s).join(', ')}]`;
  return `${k}: ${typeof v === 'string' ? (isDate(k) ? v : s(v)) : String(v)}`;
}

/** One record as a flow mapping on a single line. */
function flow(fields: Array<[string, Value]>): string {
  return `{${fields.flatMap(([k, v]) => (v === undefined ? [] : [field(k, v)])).join(', ')}}`;
}

const GENERATED = '# 由 scripts/generate-panjin-2022.ts 生成（固定随机种子，可重复生成）。如需修改，请改生成脚本后重新运行。';

function proposalsFile(records: ProposalRec[]): string {
  return [
    '# 盘锦市政协提案委员会：2022年度提案台账，一行一件提案（示例数据：总数取自2022年常委会工作报告，逐件内容为虚构）。',
    '# submitterKind 为提案者类别，proposer 为提案者，sector 为所在界别；review 为审查结果；keyProposal 为重点提案；',
    '# answered 为已办复；satisfaction 为提案者对办理答复的评价。',
    GENERATED,
    '',
    'proposals:',
    ...records.map(
      (r) =>
        `  - ${flow([
          ['id', r.id],
          ['title', r.title],
          ['submitterKind', r.submitter],
          ['proposer', r.by],
          ['sector', r.sector],
          ['category', r.category],
          ['submittedOn', r.date],
          ['review', '立案'],
          ['keyProposal', r.key],
          ['answered', r.handled],
          ['satisfaction', r.satisfaction],
        ])}`,
    ),
    '',
  ].join('\n');
}

function informationFile(items: InformationRecord[]): string {
  return [
    '# 盘锦市政协信息科：2022年度社情民意信息，一行一条（示例数据：总数取自2022年常委会工作报告，逐条内容为虚构）。',
    '# submitted 为已向省政协、市委市政府报送，adoptedBy 为采用单位（未被采用的不写）。',
    GENERATED,
    '',
    'information:',
    ...items.map(
      (r) =>
        `  - ${flow([
          ['id', r.id],
          ['title', r.title],
          ['date', r.date],
          ['submitted', r.submitted],
          // Adoption is written as the list of adopting units alone; an item nobody adopted has none.
          ['adoptedBy', r.adopted && r.adoptedBy ? [r.adoptedBy] : undefined],
        ])}`,
    ),
    '',
  ].join('\n');
}

function researchFile(reports: ReportRecord[]): string {
  return [
    '# 盘锦市政协研究室（会同各专门委员会）：2022年度调研、视察和民主监督报告（示例数据，标题和日期多为虚构）。',
    '# leadBodyKind 为牵头单位类别；党派、团体提交的调研报告在报告中合并统计；suggestions 为报告提出的建议条数。',
    GENERATED,
    '',
    'research:',
    ...reports.map(
      (r) =>
        `  - ${flow([
          ['id', r.id],
          ['kind', r.kind],
          ['title', r.title],
          ['leadBody', r.lead],
          ['leadBodyKind', r.leadKind],
          ['date', r.date],
          ['suggestions', r.suggestions],
        ])}`,
    ),
    '',
  ].join('\n');
}

async function main(check: boolean): Promise<void> {
  // Each file names its JSON Schema first, so editors with the YAML language server check it.
  const schema = '# yaml-language-server: $schema=../../../schema/year.schema.json\n';
  const files: Record<string, string> = {
    'proposals.yaml': schema + proposalsFile(generateProposals()),
    'information.yaml': schema + informationFile(generateInformation()),
    'research.yaml': schema + researchFile(generateReports()),
  };
  const stale = await writeOrCheck(Object.fromEntries(Object.entries(files).map(([name, text]) => [path.join(FOLDER, name), text])), check, ROOT);
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.includes('--check')).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
