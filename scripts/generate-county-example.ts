/**
 * Writes the proposal ledger of the county example (examples/county-2023): a 县 whose 提案委
 * exports its ledger from its proposal system with headers of its own (内容分类, 所属界别,
 * 委员意见…, mapped in organization.yaml under sheetHeaders), values as such systems write them
 * (个人, 会间/会后, 予以立案, A类…) and an A–D outcome scheme. Deterministic: a fixed-seed PRNG.
 *
 *   npx tsx scripts/generate-county-example.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkbook } from '../src/write/spreadsheet/write.js';
import { Rng } from './sample-data/rng.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rng = new Rng('county-2023');

const SUBJECTS: Record<string, string[]> = {
  经济建设: ['发展壮大县域特色产业', '优化县域营商环境', '推进农产品精深加工', '培育农村电商', '盘活闲置厂房资源', '加快文旅融合发展', '促进民营经济发展'],
  社会建设: ['加强农村养老服务', '推进义务教育均衡发展', '提升乡镇卫生院服务能力', '解决农村学生上下学交通', '完善农村饮水安全保障', '加强留守儿童关爱', '加强农村道路养护', '推进城区停车设施建设'],
  文化建设: ['保护传承地方戏曲', '建设乡村文化大院'],
  生态文明建设: ['推进农村人居环境整治', '加强水库水源地保护', '推进秸秆综合利用'],
  政治建设: ['加强基层民主协商'],
  其他: ['做好退役军人服务保障'],
};
const UNITS: Record<string, string[]> = {
  经济建设: ['县发展改革局', '县商务局', '县工业信息化局', '县文化旅游局'],
  社会建设: ['县民政局', '县教育局', '县卫生健康局', '县交通运输局', '县水利局', '县住房城乡建设局'],
  文化建设: ['县文化旅游局'],
  生态文明建设: ['县农业农村局', '县水利局', '市生态环境局青山分局'],
  政治建设: ['县委组织部'],
  其他: ['县退役军人事务局'],
};
const NAMES = ['王建国', '李秀英', '张卫东', '刘红梅', '陈志强', '杨丽娟', '赵德明', '黄晓燕', '周永刚', '吴春花', '徐海涛', '孙桂兰', '马文斌', '朱玉霞', '胡国庆', '郭淑珍'];
const SECTORS = ['中共', '民革', '民盟', '农工党', '无党派人士', '经济界', '农业界', '教育界', '医药卫生界', '社会福利界', '妇联', '工商联'];
const PARTIES = [
  ['民盟青山县支部', '民盟'],
  ['民革青山县支部', '民革'],
  ['农工党青山县支部', '农工党'],
];

const deck = (counts: Record<string, number>) => Object.entries(counts).flatMap(([k, n]) => Array.from({ length: n }, () => k));
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const date = (month: number, day: number) => `2023-${pad(month, 2)}-${pad(day, 2)}`;

const categories = rng.shuffle(deck({ 经济建设: 17, 社会建设: 26, 文化建设: 4, 生态文明建设: 7, 政治建设: 2, 其他: 2 }));
const reviews = rng.shuffle(deck({ 予以立案: 46, 并案处理: 4, 转为意见建议: 5, 不予立案: 3 }));
const kinds = rng.shuffle(deck({ 个人: 34, 联名: 12, 党派: 7, 界别: 5 }));
const results = rng.shuffle(deck({ A类: 24, B类: 14, C类: 8, D类: 4 }));
const opinions = rng.shuffle(deck({ 满意: 43, 基本满意: 5, 理解: 2 }));

const HEADERS = ['提案号', '会间/会后', '提交时间', '案由', '提案类型', '提案人', '联名人', '所属界别', '内容分类', '立案情况', '是否重点', '主办单位', '协办单位', '交办时间', '是否办复', '答复时间', '答复类别', '委员意见', '督办领导'];
const used = new Map<string, number>();
const rows: unknown[][] = [];
const filedIds: string[] = [];
for (let i = 0; i < categories.length; i++) {
  const category = categories[i]!;
  const subject = SUBJECTS[category]![(used.get(category) ?? 0) % SUBJECTS[category]!.length]!;
  used.set(category, (used.get(category) ?? 0) + 1);
  const id = `2023${pad(i + 1, 3)}`;
  const atSession = i < 50;
  const submitted = atSession ? date(1, rng.int(9, 12)) : date(rng.int(3, 10), rng.int(1, 28));
  const kind = kinds[i]!;
  let proposer = rng.pick(NAMES);
  let sector = rng.pick(SECTORS);
  let co = '';
  if (kind === '联名') co = rng.sample(NAMES.filter((n) => n !== proposer), rng.int(2, 4)).join('、');
  if (kind === '党派') [proposer, sector] = rng.pick(PARTIES) as [string, string];
  if (kind === '界别') proposer = `${sector}界别`;
  let review = reviews[i]!;
  // A merged proposal needs an earlier filed one on the same subject; otherwise it is filed itself.
  if (review === '并案处理' && filedIds.length === 0) review = '予以立案';
  const filed = review === '予以立案' || review === '并案处理';
  const key = filed && i % 9 === 0 ? '是' : '否';
  const lead = filed ? rng.pick(UNITS[category]!) : '';
  const joint = filed && rng.chance(0.25) ? rng.pick(Object.values(UNITS).flat().filter((u) => u !== lead)) : '';
  const assigned = filed ? (atSession ? date(2, rng.int(6, 20)) : date(Math.min(12, Number(submitted.slice(5, 7)) + 1), rng.int(1, 25))) : '';
  const answeredOn = filed ? (atSession ? date(rng.int(5, 9), rng.int(1, 28)) : date(Math.min(11, Number(assigned.slice(5, 7)) + 1), rng.int(1, 28))) : '';
  rows.push([
    id,
    atSession ? '会间' : '会后',
    submitted,
    `关于${subject}的提案`,
    kind,
    proposer,
    co,
    sector,
    category,
    review,
    key,
    lead,
    joint,
    assigned,
    filed ? '是' : '',
    answeredOn,
    filed ? results.shift() ?? '' : '',
    filed ? opinions.shift() ?? '' : '',
    key === '是' ? '县政协主席会议成员' : '',
  ]);
  if (review === '予以立案') filedIds.push(id);
}

// 并案: name the proposal it joined in a column of its own after the others.
const headers = [...HEADERS, '并入提案编号'];
for (const row of rows) row.push(row[9] === '并案处理' ? filedIds[rows.indexOf(row) % filedIds.length] : '');

const file = path.join(root, 'examples', 'county-2023', '2023', '提案办理台账.xlsx');
writeFileSync(file, writeWorkbook({ sheet: '提案', headers, rows }, 'xlsx', { dateFormat: 'chinese' }));
console.log(`${file}: ${rows.length} 件`);
