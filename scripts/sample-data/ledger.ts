/**
 * What a real proposal ledger holds beyond the review: 大会/平时, the first proposer and the
 * co-proposers, the handling units (主办, 会办) with their dates, the 办理结果 class, 督办, the
 * reason for 不立案, and leaders' instructions on proposals. Added to the generated proposals
 * with random streams of their own, so the fields drawn before keep their values.
 */
import { Rng } from './rng.js';

/** Handling units by proposal category (the city's register, organization.yaml handlingUnits). */
export const UNITS_BY_CATEGORY: Record<string, string[]> = {
  经济建设: ['市发展改革委', '市工业和信息化局', '市商务局', '市财政局', '市地方金融监管局', '市市场监管局'],
  民生和社会事业: ['市教育局', '市卫生健康委', '市民政局', '市人力资源社会保障局', '市医保局'],
  科技创新: ['市科技局', '市工业和信息化局', '市数据局'],
  城乡建设: ['市住房城乡建设局', '市自然资源和规划局', '市城市管理局', '市交通运输局'],
  生态环境: ['市生态环境局', '市水务局', '市林业局'],
  农业农村: ['市农业农村局', '市乡村振兴局', '市供销社'],
  文化旅游: ['市文化广电旅游局', '市体育局'],
  社会治理: ['市公安局', '市司法局', '市应急管理局', '市信访局'],
  其他: ['市委组织部', '市委统战部', '市政府办公室'],
};

export const HANDLING_UNITS = [...new Set(Object.values(UNITS_BY_CATEGORY).flat())];

/** The unit a title's subject points to, before the category's units: a proposal on 近视 goes to health. */
const UNIT_BY_WORD: Array<[RegExp, string]> = [
  [/公积金|住房|保障房|租赁/, '市住房城乡建设局'],
  [/医保/, '市医保局'],
  [/医|卫生|健康|近视|疫|中医|康复|护理/, '市卫生健康委'],
  [/学校|教育|课后|学生|学前|高中|教师|托育/, '市教育局'],
  [/养老|老人|救助|儿童|残疾|孤独症|婚|殡/, '市民政局'],
  [/就业|工资|社保|人才|技能|劳动/, '市人力资源社会保障局'],
  [/营商|融资|企业|民营|金融/, '市发展改革委'],
  [/数字|智慧|数据|互联网|5G/, '市数据局'],
  [/交通|停车|公交|道路/, '市交通运输局'],
  [/垃圾|城市管理|绿化|市容/, '市城市管理局'],
  [/排涝|防洪|河|水/, '市水务局'],
  [/环境|污染|低碳|生态|候鸟|湿地/, '市生态环境局'],
  [/旅游|文化|文物|非遗/, '市文化广电旅游局'],
  [/体育|健身/, '市体育局'],
  [/农|乡村|粮/, '市农业农村局'],
  [/诈骗|治安|交通安全|禁毒/, '市公安局'],
  [/应急|安全生产|消防/, '市应急管理局'],
  [/法|调解|普法/, '市司法局'],
];

function leadUnitFor(title: string, category: string, rng: Rng): string {
  const pool = UNITS_BY_CATEGORY[category] ?? UNITS_BY_CATEGORY.其他!;
  const matched = UNIT_BY_WORD.find(([re]) => re.test(title))?.[1];
  return matched && (pool.includes(matched) || rng.chance(0.7)) ? matched : rng.pick(pool);
}

const REJECTION_REASONS = ['属于党政机关内部事务', '涉及诉讼或具体案件', '不属于本级职权范围', '建议不具体、缺乏可操作性'];

/** What addLedgerFields writes into a proposal: the columns real ledgers keep. */
export interface LedgerColumns {
  period?: '大会' | '平时';
  coProposers?: string[];
  leadUnits?: string[];
  jointUnits?: string[];
  assignedOn?: string;
  answeredOn?: string;
  result?: 'A' | 'B' | 'C';
  supervisedBy?: string;
  rejectionReason?: string;
}

/** A proposal as addLedgerFields reads it, and the columns it adds. */
export interface LedgerFields extends LedgerColumns {
  id: string;
  title: string;
  submitter: string;
  by: string;
  category: string;
  date: string;
  filing: string;
  mergedInto?: string;
  key: boolean;
  handled: boolean;
}

const addDays = (iso: string, days: number): string => {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
};
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/**
 * Fills the ledger fields of `records` (in ledger order). `session` is the plenary's days;
 * `names` the members' names, for co-proposers. Instructions on proposals are returned.
 */
export function addLedgerFields(
  year: number,
  records: LedgerFields[],
  session: { from: string; to: string },
  names: string[],
): Array<{ record: string; leader: string; level: string; principal: boolean; date: string }> {
  const rng = new Rng(`ledger:${year}:${records.length}`);
  const byId = new Map(records.map((r) => [r.id, r]));
  const lastAnswer = `${year}-11-30`;
  for (const r of records) {
    r.period = r.date >= session.from && r.date <= session.to ? '大会' : '平时';
    // “张三等5位委员” → 第一提案人 张三, and four co-proposers from the roster.
    const joint = /^(.+?)等(\d+)位委员$/.exec(r.by);
    if (r.submitter === '联名' && joint) {
      r.by = joint[1]!;
      r.coProposers = rng.sample(names.filter((n) => n !== joint[1]), Number(joint[2]) - 1);
    }
    if (r.filing === '不立案') r.rejectionReason = rng.pick(REJECTION_REASONS);
  }
  // Some unfiled ones were sent on as opinions: 转意见建议.
  const unfiled = records.filter((r) => r.filing === '不立案');
  for (const r of unfiled.slice(0, Math.floor(unfiled.length / 3))) {
    r.filing = '转意见建议';
    delete r.rejectionReason;
  }
  for (const r of records) {
    if (r.filing !== '立案') continue;
    r.leadUnits = [leadUnitFor(r.title, r.category, rng)];
    if (rng.chance(0.3) || r.key) {
      const others = HANDLING_UNITS.filter((u) => u !== r.leadUnits![0]);
      r.jointUnits = rng.sample(others, rng.int(1, r.key ? 3 : 2));
    }
    r.assignedOn = max(addDays(r.date, rng.int(12, 25)), addDays(session.to, rng.int(15, 22)));
    if (r.handled) {
      // Never before it was assigned (one that came in late in the year is answered the day it was assigned).
      r.answeredOn = max(r.assignedOn, min(addDays(r.assignedOn, rng.int(40, 150)), lastAnswer));
      const draw = rng.next();
      r.result = r.key ? (draw < 0.8 ? 'A' : 'B') : draw < 0.55 ? 'A' : draw < 0.88 ? 'B' : 'C';
    }
    if (r.key) r.supervisedBy = '主席会议成员';
  }
  // A merged proposal is handled with the one it was merged into.
  for (const r of records) {
    if (r.filing !== '并案' || !r.mergedInto) continue;
    const main = byId.get(r.mergedInto)!;
    for (const f of ['leadUnits', 'jointUnits', 'result'] as const) {
      if (main[f] !== undefined) (r as unknown as Record<string, unknown>)[f] = main[f];
    }
    // Its own dates: assigned after it came in, answered with the main one (or after it was assigned).
    r.assignedOn = max(addDays(r.date, rng.int(7, 15)), main.assignedOn ?? r.date);
    if (r.handled) r.answeredOn = max(r.assignedOn, min(max(main.answeredOn ?? r.assignedOn, addDays(r.assignedOn, 10)), lastAnswer));
  }
  // 提案委员会 follows a few more itself.
  for (const r of rng.sample(records.filter((x) => x.filing === '立案' && !x.key), 4)) r.supervisedBy = '提案委员会';
  // Leaders' instructions on key proposals.
  const instructed = rng.sample(records.filter((r) => r.key && r.answeredOn), Math.min(5, records.filter((r) => r.key && r.answeredOn).length));
  return instructed.flatMap((r, i) => {
    const leaders: Array<[string, boolean]> = i % 2 === 0 ? [['市委主要领导', true], ['市政府分管领导', false]] : [['市政府主要领导', true]];
    return leaders.map(([leader, principal]) => ({ record: r.id, leader, level: '市', principal, date: min(addDays(r.answeredOn!, rng.int(3, 20)), `${year}-12-28`) }));
  });
}

/** Sectors of the roster, for the sectors taking part in a consultation. */
const CONSULTING_SECTORS = ['经济界', '农业界', '教育界', '医药卫生界', '科技界', '社会福利和社会保障界', '环境资源界', '工商联', '民建', '民盟', '九三学社', '农工党', '无党派人士', '特邀人士'];

/** Who attended the consultations: members and sectors ("11个界别的100余名委员参加"). */
export function addAttendance(
  year: number,
  meetings: Array<{ id: string; kind: string; attendees?: number; sectors?: string[] }>,
): void {
  const rng = new Rng(`attendance:${year}:${meetings.length}`);
  for (const m of meetings) {
    if (!/协商|常委会议/.test(m.kind)) continue;
    m.attendees = m.kind.includes('常委') ? rng.int(50, 70) : rng.int(25, 120);
    if (/界别|专题|双月/.test(m.kind)) m.sectors = rng.sample(CONSULTING_SECTORS, rng.int(4, 11));
  }
}

/**
 * 社情民意信息 beyond “adopted by one unit”: some adopted up the line (省政协 and then 全国政协),
 * 单篇 or 综合, and leaders' instructions on items ("市委、市政府领导…人次对社情民意作出批示").
 */
export function addInformationDetails(
  year: number,
  items: Array<{ id: string; date: string; adopted: boolean; adoptedBy?: string; adoptedByAlso?: string; adoptionForm?: '单篇' | '综合' }>,
): Array<{ record: string; leader: string; level: string; principal: boolean; date: string }> {
  const rng = new Rng(`information-details:${year}:${items.length}`);
  const adopted = items.filter((i) => i.adopted);
  for (const it of adopted) {
    it.adoptionForm = rng.chance(0.8) ? '单篇' : '综合';
    // What the national committee took, the province had taken first.
    if (it.adoptedBy === '全国政协') it.adoptedByAlso = '省政协';
  }
  const toCity = adopted.filter((i) => i.adoptedBy === '市委' || i.adoptedBy === '市政府');
  return rng.sample(toCity, Math.min(toCity.length, 9)).flatMap((it, k) => {
    const first = { record: it.id, leader: k % 3 === 0 ? '市委主要领导' : '市政府分管领导', level: '市', principal: k % 3 === 0, date: addDays(it.date, rng.int(3, 15)) };
    return k % 2 === 0 ? [first, { ...first, leader: '市委分管领导', principal: false }] : [first];
  }).map((a) => ({ ...a, date: min(a.date, `${year}-12-31`) }));
}
