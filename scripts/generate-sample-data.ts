/**
 * Writes the record files of the bundled sample data (data/2022, data/2023): proposals,
 * meetings, research reports and approvals, information, activities and members, for the
 * fictional 云州市政协. Deterministic: a fixed-seed PRNG, no clock, no Math.random — running it
 * twice gives the same bytes.
 *
 * Hand-written files (organization.yaml, sitting.yaml, narrative.md, summary.md) are never touched in
 * data/. With `--out` elsewhere they are copied from data/ so the output folder is a complete
 * project that `report build` can read.
 *
 *   npx tsx scripts/generate-sample-data.ts                       # writes data/
 *   npx tsx scripts/generate-sample-data.ts --scale national --out /tmp/national
 *
 * Scales: `city` (default: a 市 CPPCC, ~230 proposals a year) and `national` (6,000 proposals,
 * 50,000 information items, 1,000 meetings, 500 research reports a year) for speed benchmarks.
 */
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BODIES,
  COMMITTEE_OF,
  COMMITTEES,
  CONSULTATION_TOPICS,
  GIVEN_CHARS,
  INFORMATION_FORMS,
  INFORMATION_SUBJECTS,
  PARTIES,
  PROPOSAL_PHRASES,
  RESEARCH_TOPICS,
  ROUTINE_TOPICS,
  SECTOR_AFFINITY,
  SURNAMES,
  UNFILED,
} from './sample-data/pools.js';
import { PLAN_2022, PLAN_2023, type LeadKind, type ReportKind, type SubmitterKind, type YearPlan } from './sample-data/plans.js';
import { yamlScalar } from './sample-data/output.js';
import type { InformationRecord, MeetingRecord, ReportRecord } from './sample-data/records.js';
import { Rng } from './sample-data/rng.js';
import { addAttendance, addInformationDetails, addLedgerFields, type LedgerColumns } from './sample-data/ledger.js';
import { recordKind } from '../src/domain/registry.js';
import { DEFAULT_VOCABULARY } from '../src/domain/vocabulary.js';
import { writeWorkbook } from '../src/write/spreadsheet/write.js';
import { ledgerTable } from '../src/scaffold/export.js';

// ── Deterministic randomness ──────────────────────────────────────────────────────────────

export { Rng };

// ── Dates ─────────────────────────────────────────────────────────────────────────────────

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DAY = 86_400_000;
const toTime = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

function dateBetween(rng: Rng, from: string, to: string): string {
  const a = toTime(from);
  const b = toTime(to);
  return fromTime(a + rng.int(0, Math.round((b - a) / DAY)) * DAY);
}

function addDays(iso: string, days: number): string {
  const year = iso.slice(0, 4);
  const t = Math.min(toTime(iso) + days * DAY, toTime(`${year}-12-31`));
  return fromTime(t);
}

// ── Counts ────────────────────────────────────────────────────────────────────────────────

/** Expands {a: 2, b: 1} into [a, a, b]. */
function deck<K extends string>(counts: Partial<Record<K, number>>): K[] {
  const out: K[] = [];
  for (const [k, n] of Object.entries(counts) as Array<[K, number]>) for (let i = 0; i < n; i++) out.push(k);
  return out;
}

/** Scales counts to a new total, keeping the sum exact (largest remainder). */
function scaleCounts<K extends string>(counts: Record<K, number>, total: number): Record<K, number> {
  const entries = Object.entries(counts) as Array<[K, number]>;
  const sum = entries.reduce((s, [, n]) => s + n, 0);
  const exact = entries.map(([k, n]) => [k, (n / sum) * total] as const);
  const out = Object.fromEntries(exact.map(([k, v]) => [k, Math.floor(v)])) as Record<K, number>;
  let left = total - Object.values<number>(out).reduce((s, n) => s + n, 0);
  for (const [k] of [...exact].sort((x, y) => (y[1] % 1) - (x[1] % 1))) {
    if (left <= 0) break;
    out[k] += 1;
    left -= 1;
  }
  return out;
}

// ── Members ───────────────────────────────────────────────────────────────────────────────

interface Member {
  name: string;
  sector: string;
}

const SECTOR_WEIGHTS: Array<[string, number]> = [
  ['中共', 18], ['民革', 3], ['民盟', 3.5], ['民建', 3.5], ['民进', 3], ['农工党', 3], ['致公党', 2], ['九三学社', 3],
  ['无党派人士', 3], ['共青团', 1.5], ['工会', 2], ['妇联', 2], ['青联', 1.5], ['工商联', 3], ['科协', 1.5], ['侨联', 1],
  ['台联', 1], ['文化艺术界', 2.5], ['科技界', 2.5], ['社会科学界', 2], ['经济界', 5], ['金融界', 2], ['农业界', 3.5],
  ['教育界', 4], ['体育界', 1], ['新闻出版界', 1.5], ['医药卫生界', 4], ['环境资源界', 1.5], ['对外友好界', 1],
  ['社会福利和社会保障界', 2], ['社会和法制界', 2.5], ['少数民族界', 1], ['宗教界', 1], ['特邀人士', 4],
];

function roster(size: number): Member[] {
  const rng = new Rng('roster');
  const total = SECTOR_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const seen = new Set<string>();
  const out: Member[] = [];
  while (out.length < size) {
    const surname = rng.pick(SURNAMES);
    const given = rng.chance(0.3) ? rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS);
    const name = surname + given;
    if (seen.has(name) || given.length === 2 && given[0] === given[1]) continue;
    seen.add(name);
    let r = rng.next() * total;
    let sector = SECTOR_WEIGHTS[0]![0];
    for (const [s, w] of SECTOR_WEIGHTS) {
      r -= w;
      if (r < 0) {
        sector = s;
        break;
      }
    }
    out.push({ name, sector });
  }
  return out;
}

// ── Records (output shapes, in the order fields are written) ──────────────────────────────

interface ProposalRec extends LedgerColumns {
  id: string;
  title: string;
  submitter: SubmitterKind;
  by: string;
  sector?: string;
  category: string;
  date: string;
  filing: '立案' | '并案' | '不立案' | '转来信' | '撤案' | '转意见建议';
  mergedInto?: string;
  key: boolean;
  handled: boolean;
  satisfaction?: '满意' | '基本满意' | '不满意';
  tags?: string[];
  /** Not written: the phrase the title was built from. */
  phrase?: string;
}

type ProposalInstruction = ReturnType<typeof addLedgerFields>[number] & { id: string };

interface ApprovalRec {
  id: string;
  report: string;
  by: string;
  date: string;
}


// ── Proposals ─────────────────────────────────────────────────────────────────────────────

const TAG_RULES: Array<[string, RegExp]> = [
  ['营商环境', /营商|政务服务|民营|中小微企业|涉企|政商|融资|账款/],
  ['乡村振兴', /乡村|农村|农业|农田|粮食|种业|村级|农产品|农民|茶产业|林下/],
  ['数字经济', /数字|智慧|数据|5G|人工智能|互联网|工业互联网|直播电商/],
];

function tagsOf(title: string): string[] {
  return TAG_RULES.filter(([, re]) => re.test(title)).map(([t]) => t);
}

function proposalTitle(rng: Rng, phrase: string, round: number): string {
  const forms = round === 0 ? ['建议', '建议', '建议', '建议', '提案'] : ['提案', '几点建议', '对策建议', '建议'];
  return `关于${phrase}的${rng.pick(forms)}`;
}

function generateProposals(plan: YearPlan, members: Member[]): ProposalRec[] {
  const rng = new Rng(`proposals:${plan.year}:${members.length}`);
  const p = plan.proposals;

  // Not filed: titles from the pool of letters and out-of-scope suggestions, by individual members.
  const unfiled: Array<{ title: string; category: string; filing: ProposalRec['filing'] }> = [];
  for (const decision of ['不立案', '转来信', '撤案'] as const) {
    const pool = UNFILED.filter(([, , d]) => d === decision);
    const picked = rng.shuffle(pool);
    for (let i = 0; i < p.unfiled[decision]; i++) {
      const [title, category] = picked[i % picked.length]!;
      unfiled.push({ title, category, filing: decision });
    }
  }
  const categories = { ...p.categories };
  for (const u of unfiled) {
    if ((categories[u.category] ?? 0) > 0) categories[u.category]! -= 1;
    else {
      const largest = Object.entries(categories).sort((a, b) => b[1] - a[1])[0]![0];
      categories[largest]! -= 1;
    }
  }

  // Submitter kinds: unfiled ones are individual members; the rest shuffled.
  const submitters = deck(p.submitters);
  for (let i = 0; i < unfiled.length; i++) submitters.splice(submitters.indexOf('委员'), 1);
  const kinds = rng.shuffle(submitters);

  // Phrases: key phrases first in their category, then the shuffled pool, reused with other forms.
  const queues = new Map<string, { phrases: string[]; next: number }>();
  for (const [category, phrases] of Object.entries(PROPOSAL_PHRASES)) {
    const keyFirst = p.keyPhrases.filter((k) => phrases.includes(k));
    queues.set(category, { phrases: [...keyFirst, ...rng.shuffle(phrases.filter((x) => !keyFirst.includes(x)))], next: 0 });
  }
  const nextPhrase = (category: string): { phrase: string; round: number } => {
    const q = queues.get(category)!;
    const i = q.next++;
    return { phrase: q.phrases[i % q.phrases.length]!, round: Math.floor(i / q.phrases.length) };
  };

  const bySector = new Map<string, Member[]>();
  for (const m of members) bySector.set(m.sector, [...(bySector.get(m.sector) ?? []), m]);
  const memberFor = (category: string): Member => {
    if (rng.chance(0.6)) {
      const preferred = (SECTOR_AFFINITY[category] ?? []).flatMap((s) => bySector.get(s) ?? []);
      if (preferred.length > 0) return rng.pick(preferred);
    }
    return rng.pick(members);
  };
  const bodyFor = (list: typeof PARTIES, category: string) => {
    const preferred = list.filter((b) => b.categories.includes(category));
    return preferred.length > 0 && rng.chance(0.85) ? rng.pick(preferred) : rng.pick(list);
  };
  const sectorGroups = [...new Set(Object.values(SECTOR_AFFINITY).flat())].filter((s) => s.endsWith('界'));

  const records: ProposalRec[] = [];
  const later = (): string => dateBetween(rng, `${plan.year}-02-01`, `${plan.year}-12-15`);
  const sessionDate = (): string => dateBetween(rng, plan.session.from, plan.session.to);
  const dateFor = () => (rng.chance(plan.session.laterShare) ? later() : sessionDate());

  const categoryDeck = rng.shuffle(deck(categories));
  // Key phrases must be drawn: put one of each key category at the front of the deck.
  for (const k of [...p.keyPhrases].reverse()) {
    const cat = Object.entries(PROPOSAL_PHRASES).find(([, list]) => list.includes(k))?.[0];
    if (!cat) throw new Error(`key phrase not in any pool: ${k}`);
    const at = categoryDeck.indexOf(cat);
    if (at >= 0) categoryDeck.unshift(...categoryDeck.splice(at, 1));
  }

  kinds.forEach((kind, i) => {
    const category = categoryDeck[i]!;
    const { phrase, round } = nextPhrase(category);
    const rec: ProposalRec = {
      id: '',
      title: proposalTitle(rng, phrase, round),
      submitter: kind,
      by: '',
      category,
      date: dateFor(),
      filing: '立案',
      key: false,
      handled: false,
      phrase,
    };
    switch (kind) {
      case '委员': {
        const m = memberFor(category);
        rec.by = m.name;
        rec.sector = m.sector;
        break;
      }
      case '联名': {
        const m = memberFor(category);
        rec.by = `${m.name}等${rng.int(3, 9)}位委员`;
        rec.sector = m.sector;
        break;
      }
      case '党派': {
        const b = bodyFor(PARTIES, category);
        rec.by = b.body;
        rec.sector = b.sector;
        rec.date = sessionDate();
        break;
      }
      case '团体': {
        const b = bodyFor(BODIES, category);
        rec.by = b.body;
        rec.sector = b.sector;
        rec.date = sessionDate();
        break;
      }
      case '界别': {
        const s = rng.pick(sectorGroups);
        rec.by = `${s}委员`;
        rec.sector = s;
        rec.date = sessionDate();
        break;
      }
      case '专委会':
        rec.by = rng.pick(COMMITTEE_OF[category] ?? COMMITTEES);
        break;
    }
    if (p.keyPhrases.includes(phrase) && round === 0) {
      rec.key = true;
      rec.date = sessionDate();
    }
    records.push(rec);
  });
  for (const u of unfiled) {
    const m = rng.pick(members);
    records.push({ id: '', title: u.title, submitter: '委员', by: m.name, sector: m.sector, category: u.category, date: dateFor(), filing: u.filing, key: false, handled: false });
  }

  // Ledger order: by date, then as drawn; ids follow the ledger.
  const ordered = records.map((r, i) => ({ r, i })).sort((a, b) => a.r.date.localeCompare(b.r.date) || a.i - b.i).map((x) => x.r);
  const width = Math.max(3, String(ordered.length).length);
  ordered.forEach((r, i) => (r.id = `P${plan.year}-${pad(i + 1, width)}`));

  // 并案: a later proposal on the same subject as an earlier filed one is merged into it.
  const mains = new Set<ProposalRec>();
  const mergedCandidates = rng.shuffle(ordered.map((r, i) => ({ r, i })).filter(({ r, i }) => r.filing === '立案' && !r.key && i > 20));
  let merged = 0;
  for (const { r, i } of mergedCandidates) {
    if (merged >= p.merged) break;
    if (mains.has(r)) continue;
    const earlier = ordered.slice(0, i).filter((m) => m.filing === '立案' && m.category === r.category && m.phrase !== undefined);
    if (earlier.length === 0) continue;
    const main = rng.pick(earlier);
    r.filing = '并案';
    r.mergedInto = main.id;
    r.phrase = main.phrase;
    r.title = `关于${main.phrase}的${main.title.endsWith('提案') ? '建议' : '提案'}`;
    mains.add(main);
    merged++;
  }

  // 重点提案: the key phrases, topped up from collective proposals filed at the session.
  let keys = ordered.filter((r) => r.key).length;
  for (const r of rng.shuffle(ordered)) {
    if (keys >= p.key) break;
    if (!r.key && r.filing === '立案' && (r.submitter === '党派' || r.submitter === '团体')) {
      r.key = true;
      keys++;
    }
  }

  // 办结: all filed proposals except the most recent ones and a few hard cases.
  const filed = ordered.filter((r) => r.filing === '立案' || r.filing === '并案');
  const unhandled = filed.length - Math.round(filed.length * p.handledRate);
  const open = filed.filter((r) => r.filing === '立案' && !r.key && !mains.has(r));
  const latest = [...open].sort((a, b) => b.date.localeCompare(a.date)).slice(0, Math.ceil(unhandled / 2));
  const hard = rng.sample(open.filter((r) => !latest.includes(r)), unhandled - latest.length);
  const pending = new Set([...latest, ...hard]);
  const byId = new Map(ordered.map((r) => [r.id, r]));
  for (const r of filed) r.handled = r.filing === '立案' ? !pending.has(r) : true;
  for (const r of filed) if (r.mergedInto) r.handled = byId.get(r.mergedInto)!.handled;

  // 满意度: most handled proposals answered; a few 基本满意, one or two 不满意.
  const handled = filed.filter((r) => r.handled);
  const answered = rng.shuffle(handled).slice(p.noFeedback);
  answered.forEach((r, i) => {
    r.satisfaction = i < p.dissatisfied ? '不满意' : rng.chance(0.13) ? '基本满意' : '满意';
  });

  for (const r of ordered) {
    const tags = tagsOf(r.title);
    if (tags.length > 0 && r.filing !== '不立案' && r.filing !== '转来信' && r.filing !== '撤案') r.tags = tags;
  }
  return ordered;
}

// ── Meetings ──────────────────────────────────────────────────────────────────────────────

const ROUTINE_IDS: Record<string, string> = { 主席会议: 'chair', 党组会议: 'party-group', 秘书长会议: 'secretaries', 其他会议: 'other' };
const CONSULTATION_KINDS = ['双月协商座谈会', '专题协商会', '对口协商会', '界别协商会', '提案办理协商会'];

function generateMeetings(plan: YearPlan): MeetingRecord[] {
  const rng = new Rng(`meetings:${plan.year}:${plan.extraConsultations}`);
  const out: MeetingRecord[] = plan.meetings.map((m) => ({ ...m }));
  for (const [kind, n] of Object.entries(plan.routineMeetings)) {
    const topics = ROUTINE_TOPICS[kind]!;
    // Spread through the year: one a month while n ≤ 12, then evenly.
    const dates = Array.from({ length: n }, (_, i) => {
      const month = Math.min(12, 1 + Math.floor((i * 12) / n));
      const day = rng.int(month === 1 ? 15 : 3, 26);
      return `${plan.year}-${pad(month)}-${pad(day)}`;
    }).sort();
    dates.forEach((date, i) => {
      const topic = n <= topics.length ? topics[i]! : topics[i % topics.length]!;
      out.push({ id: `${ROUTINE_IDS[kind]}-${pad(i + 1, String(n).length < 2 ? 2 : String(n).length)}`, kind, date, topic });
    });
  }
  for (let i = 0; i < plan.extraConsultations; i++) {
    const suggestions = rng.int(3, 10);
    out.push({
      id: `consultation-${pad(i + 1, 4)}`,
      kind: CONSULTATION_KINDS[i % CONSULTATION_KINDS.length]!,
      date: dateBetween(rng, `${plan.year}-02-15`, `${plan.year}-12-20`),
      topic: CONSULTATION_TOPICS[i % CONSULTATION_TOPICS.length]!,
      suggestions,
      adopted: rng.chance(0.85),
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

// ── Research reports and approvals ────────────────────────────────────────────────────────

function reportTitle(kind: ReportKind, phrase: string, subject: string): string {
  switch (kind) {
    case '调研':
      return `关于${phrase}的调研报告`;
    case '视察':
      return `关于${subject}情况的视察报告`;
    case '督查':
      return `关于${subject}落实情况的督查报告`;
    case '民主监督':
      return `关于${subject}的民主监督报告`;
  }
}

function generateReports(plan: YearPlan, members: Member[]): ReportRecord[] {
  const rng = new Rng(`reports:${plan.year}:${members.length}`);
  const out: ReportRecord[] = plan.reports.map((r) => ({ ...r }));
  const used = (phrase: string) => out.some((r) => r.title.includes(phrase));
  const topics = rng.shuffle(RESEARCH_TOPICS);
  const leadKinds = rng.shuffle(deck(plan.reportFill.leadKinds));
  // Inspection-type reports go to committees and the chairs' meeting first; parties and others research.
  const inspecting = (k: LeadKind) => k === '专委会' || k === '主席会议';
  const order = [...leadKinds.filter(inspecting), ...leadKinds.filter((k) => !inspecting(k))];
  const kinds = deck(plan.reportFill.kinds).sort((a, b) => (a === '调研' ? 1 : 0) - (b === '调研' ? 1 : 0));
  let t = 0;
  let partyTurn = rng.int(0, PARTIES.length - 1);
  const sectors = [...new Set(Object.values(SECTOR_AFFINITY).flat())].filter((s) => s.endsWith('界'));
  order.forEach((leadKind, i) => {
    const kind = kinds[i] ?? '调研';
    let topic = topics[t++ % topics.length]!;
    for (let tries = 0; tries < topics.length && used(topic[0]) && t < topics.length * 2; tries++) topic = topics[t++ % topics.length]!;
    const [phrase, subject, committee] = topic;
    let lead: string;
    switch (leadKind) {
      case '专委会':
        lead = committee;
        break;
      case '主席会议':
        lead = '市政协主席会议';
        break;
      case '党派':
        lead = PARTIES[partyTurn++ % PARTIES.length]!.body;
        break;
      case '团体':
        lead = rng.pick(BODIES).body;
        break;
      case '界别':
        lead = rng.pick(sectors);
        break;
      case '委员':
        lead = `${rng.pick(members).name}等委员`;
        break;
      case '机关':
        lead = '市政协研究室';
        break;
    }
    const base = { 调研: [4, 9], 视察: [3, 6], 督查: [3, 5], 民主监督: [4, 7] }[kind] as [number, number];
    const rec: ReportRecord = {
      id: `R${plan.year}-${pad(i + 1, Math.max(2, String(order.length).length))}`,
      kind,
      title: reportTitle(kind, phrase, subject),
      lead,
      leadKind,
      date: dateBetween(rng, `${plan.year}-03-01`, `${plan.year}-12-10`),
      suggestions: rng.int(base[0], base[1]),
    };
    const tags = tagsOf(rec.title);
    if (tags.length > 0) rec.tags = tags;
    out.push(rec);
  });
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

const LEADERS: Array<[string, number]> = [
  ['市委主要领导', 0.22],
  ['市政府主要领导', 0.24],
  ['市委分管领导', 0.18],
  ['市政府分管领导', 0.31],
  ['省政协领导', 0.05],
];

function generateApprovals(plan: YearPlan, reports: ReportRecord[]): ApprovalRec[] {
  const rng = new Rng(`approvals:${plan.year}:${reports.length}`);
  const byId = new Map(reports.map((r) => [r.id, r]));
  const pairs: Array<[string, string]> = [...plan.approvals.curated];
  const count = new Map<string, number>();
  for (const [r] of pairs) count.set(r, (count.get(r) ?? 0) + 1);
  const candidates = rng.shuffle(reports.filter((r) => !count.has(r.id) && r.suggestions >= 5));
  let i = 0;
  while (pairs.length < plan.approvals.total) {
    const report = candidates.length > 0 ? candidates[i++ % candidates.length]! : rng.pick(reports);
    let r = rng.next();
    let leader = LEADERS[0]![0];
    for (const [name, w] of LEADERS) {
      r -= w;
      if (r < 0) {
        leader = name;
        break;
      }
    }
    pairs.push([report.id, leader]);
  }
  const out = pairs.map(([report, by]) => {
    const r = byId.get(report);
    if (!r) throw new Error(`approval of an unknown report: ${report}`);
    return { id: '', report, by, date: addDays(r.date, rng.int(4, 35)) };
  });
  out.sort((a, b) => a.date.localeCompare(b.date) || a.report.localeCompare(b.report));
  const width = Math.max(2, String(out.length).length);
  out.forEach((a, k) => (a.id = `A${plan.year}-${pad(k + 1, width)}`));
  return out;
}

// ── Information ───────────────────────────────────────────────────────────────────────────

function generateInformation(plan: YearPlan): InformationRecord[] {
  const info = plan.information;
  if (info.kind !== 'items') return [];
  const rng = new Rng(`information:${plan.year}:${info.collected}`);
  const combos = rng.shuffle(INFORMATION_SUBJECTS.flatMap((s) => INFORMATION_FORMS.map((f) => f(s))));
  // One subject should not appear twice in a small year: take forms round-robin over subjects.
  const titles: string[] = [];
  const seenSubject = new Set<string>();
  for (const t of combos) {
    const subject = INFORMATION_SUBJECTS.find((s) => t.includes(s))!;
    if (titles.length < info.collected && (!seenSubject.has(subject) || info.collected > INFORMATION_SUBJECTS.length)) {
      titles.push(t);
      seenSubject.add(subject);
    }
  }
  while (titles.length < info.collected) titles.push(combos[titles.length % combos.length]!);
  const items: InformationRecord[] = titles.map((title) => ({
    id: '',
    title,
    date: dateBetween(rng, `${plan.year}-01-04`, `${plan.year}-12-28`),
    submitted: false,
    adopted: false,
  }));
  const submitted = rng.sample(items, info.submitted);
  for (const it of submitted) it.submitted = true;
  const adopters = rng.shuffle(deck(info.adoptedBy));
  rng.sample(submitted, adopters.length).forEach((it, i) => {
    it.adopted = true;
    it.adoptedBy = adopters[i]!;
  });
  items.sort((a, b) => a.date.localeCompare(b.date));
  const width = Math.max(3, String(items.length).length);
  items.forEach((it, i) => (it.id = `I${plan.year}-${pad(i + 1, width)}`));
  return items;
}

// ── Activities ────────────────────────────────────────────────────────────────────────────

/** Requests and reports sent to the party committee besides consultation results: [month, title], by priority. */
const REPORT_REQUESTS: Array<[number, string]> = [
  [2, '关于年度协商工作计划的请示'],
  [3, '关于年度重点提案遴选情况的报告'],
  [12, '关于召开下一次全体会议有关事项的请示'],
  [4, '关于主席会议成员领衔督办重点提案的请示'],
  [5, '关于开展年度民主监督工作的请示'],
  [7, '关于上半年工作情况的报告'],
  [7, '关于落实意识形态工作责任制情况的报告'],
  [12, '关于年度工作总结和来年工作安排的报告'],
  [6, '关于机关党建工作情况的报告'],
  [9, '关于委员履职管理有关情况的报告'],
  [8, '关于巡视反馈问题整改进展情况的报告'],
  [10, '关于政协工作会议精神贯彻落实情况的报告'],
  [11, '关于“两代表一委员”工作室建设情况的报告'],
  [12, '关于社情民意信息工作情况的报告'],
  [12, '关于落实全面从严治党主体责任情况的报告'],
];

function activityItems(plan: YearPlan, meetings: MeetingRecord[], n: number): Array<{ date: string; title: string }> {
  const rng = new Rng(`activities:${plan.year}`);
  const fromMeetings = meetings
    .filter((m) => (m.suggestions ?? 0) > 0 && m.kind !== '提案办理协商会')
    .map((m) => ({ date: addDays(m.date, rng.int(5, 12)), title: `关于“${m.topic}”协商成果的报告` }));
  const items = [...fromMeetings];
  for (let i = 0; items.length < n; i++) {
    const [month, title] = REPORT_REQUESTS[i % REPORT_REQUESTS.length]!;
    items.push({ date: `${plan.year}-${pad(month)}-${pad(rng.int(3, 27))}`, title });
  }
  return items.slice(0, n).sort((a, b) => a.date.localeCompare(b.date));
}

// ── YAML output ───────────────────────────────────────────────────────────────────────────

const s = yamlScalar;

/** A value written exactly as given (dates, quoted ids). */
class Raw {
  constructor(readonly text: string) {}
}
const quoted = (v: string | undefined) => (v === undefined ? undefined : new Raw(JSON.stringify(v)));
type Field = [string, string | number | boolean | string[] | Raw | undefined];

function value(k: string, v: string | number | boolean | string[] | Raw): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(s).join(', ')}]`;
  if (typeof v === 'string') return k === 'date' || k.endsWith('On') ? v : s(v);
  return String(v);
}

/** One record as a flow mapping on a single line. */
function flow(fields: Field[]): string {
  return `{${fields.flatMap(([k, v]) => (v === undefined ? [] : [`${k}: ${value(k, v)}`])).join(', ')}}`;
}

/** One record as a block mapping, one field a line. */
function block(fields: Field[]): string {
  return fields
    .flatMap(([k, v], i) => (v === undefined ? [] : [`${i === 0 ? '  - ' : '    '}${k}: ${value(k, v)}`]))
    .join('\n');
}

const GENERATED = '# 由 scripts/generate-sample-data.ts 生成（固定随机种子，可重复生成）。如需修改，请改生成脚本后重新运行。';

function proposalsFile(year: number, records: ProposalRec[], instructions: ProposalInstruction[]): string {
  const filed = records.filter((r) => r.filing === '立案' || r.filing === '并案').length;
  const handled = records.filter((r) => r.handled).length;
  const lines = [
    `# 提案委员会：${year}年度提案台账，一行一件提案。`,
    '# submitterKind 为提案者类别（委员、联名、党派、团体、界别、专委会），proposer 为提案者，sector 为所在界别；',
    '# review 为审查结果（立案、并案、不立案、转意见建议、转来信、撤案），并案的提案用 mergedInto 写明并入的提案编号，不立案的写 rejectionReason；',
    '# period 为大会期间或平时（闭会期间）提出；leadUnits、jointUnits 为主办、会办单位，assignedOn、answeredOn 为交办、办复日期；',
    '# keyProposal 为重点提案，supervisedBy 为督办者，answered 为已办复，result 为办理结果（A、B、C），satisfaction 为提案者对办理的评价（未反馈的不写）。',
    GENERATED,
    '',
    '# 提案委手工统计的总数，程序会与逐件记录核对。',
    'totals:',
    `  proposals: {received: ${records.length}, filed: ${filed}, answered: ${handled}}`,
    '',
    'proposals:',
    ...records.map(
      (r) =>
        '  - ' +
        flow([
          ['id', quoted(r.id)],
          ['title', r.title],
          ['submitterKind', r.submitter],
          ['proposer', r.by],
          ['coProposers', r.coProposers],
          ['sector', r.sector],
          ['category', r.category],
          ['submittedOn', r.date],
          ['period', r.period],
          ['review', r.filing],
          ['mergedInto', quoted(r.mergedInto)],
          ['rejectionReason', r.rejectionReason],
          ['keyProposal', r.key],
          ['supervisedBy', r.supervisedBy],
          ['leadUnits', r.leadUnits],
          ['jointUnits', r.jointUnits],
          ['assignedOn', r.assignedOn],
          ['answered', r.handled],
          ['answeredOn', r.answeredOn],
          ['result', r.result],
          ['satisfaction', r.satisfaction],
          ['tags', r.tags],
        ]),
    ),
    '',
    '# 领导对提案的批示，每条记录计 1 件次：record 写提案编号，level 为领导层级，principal 为主要领导。',
    'instructions:',
    ...instructions.map((a) => `  - {id: ${s(a.id)}, record: ${quoted(a.record)!.text}, leader: ${s(a.leader)}, level: ${a.level}, principal: ${a.principal}, date: ${a.date}}`),
  ];
  return lines.join('\n') + '\n';
}

function meetingsFile(year: number, records: MeetingRecord[]): string {
  const lines = [
    `# 办公室：${year}年度会议台账（全体会议、常委会议、主席会议、各类协商会等），按日期排列。`,
    '# topic 为议题；suggestions 为会上形成的建议条数；suggestionsAdopted 为其中得到市委、市政府采纳的条数；attendees、sectors 为参加的委员人数和界别；',
    '# tags 为分组标签（“民生”：民生类协商议题，报告中合并统计）。报告中点名引用的会议用有意义的编号。',
    GENERATED,
    '',
    'meetings:',
  ];
  for (const m of records) {
    lines.push(
      block([
        ['id', m.id],
        ['kind', m.kind],
        ['date', m.date],
        ['topic', m.topic],
        ['suggestions', m.suggestions],
        ['suggestionsAdopted', m.adopted ? m.suggestions : undefined],
        ['attendees', m.attendees],
        ['sectors', m.sectors],
        ['tags', m.tags],
      ]),
    );
  }
  return lines.join('\n') + '\n';
}

function researchFile(year: number, reports: ReportRecord[], approvals: ApprovalRec[]): string {
  const lines = [
    `# 研究室（会同各专门委员会）：${year}年度调研、视察、督查和民主监督报告，以及报告获得的领导批示。`,
    '# leadBodyKind 为牵头单位类别（主席会议、专委会、党派、团体、界别、委员、机关）；suggestions 为报告提出的建议条数。',
    '# instructions 为领导批示，每条记录计 1 件次：record 写获批示的报告编号，level 为领导层级，principal 为主要领导。',
    GENERATED,
    '',
    'research:',
  ];
  for (const r of reports) {
    lines.push(
      block([
        ['id', r.id],
        ['kind', r.kind],
        ['title', r.title],
        ['leadBody', r.lead],
        ['leadBodyKind', r.leadKind],
        ['date', r.date],
        ['suggestions', r.suggestions],
        ['tags', r.tags],
      ]),
    );
  }
  lines.push('', 'instructions:');
  for (const a of approvals) {
    const level = a.by.startsWith('省') ? '省' : a.by.startsWith('区') ? '区' : '市';
    lines.push(`  - {id: ${s(a.id)}, record: ${s(a.report)}, leader: ${s(a.by)}, level: ${level}, principal: ${a.by.includes('主要领导')}, date: ${a.date}}`);
  }
  return lines.join('\n') + '\n';
}

function informationFile(plan: YearPlan, items: InformationRecord[], instructions: ProposalInstruction[]): string {
  const info = plan.information;
  const head = [`# 信息科：${plan.year}年度社情民意信息。`];
  if (info.kind === 'counts') {
    return [
      ...head,
      '# 这一年信息科只保存了汇总数字，没有逐条登记。',
      GENERATED,
      '',
      'totals:',
      '  information:',
      `    collected: ${info.collected}`,
      `    submitted: ${info.submitted}`,
      `    adopted: ${info.adopted}`,
      '',
    ].join('\n');
  }
  const lines = [
    ...head,
    '# 一行一条：submitted 为已向上级政协或市委、市政府报送，adoptedBy 为采用单位（未被采用的不写），adoptionForm 为单篇或综合采用。',
    GENERATED,
    '',
    'information:',
  ];
  for (const it of items) {
    lines.push(
      '  - ' +
        flow([
          ['id', it.id],
          ['title', it.title],
          ['date', it.date],
          ['submitted', it.submitted],
          ['adoptedBy', it.adopted && it.adoptedBy ? [...(it.adoptedByAlso ? [it.adoptedByAlso] : []), it.adoptedBy] : undefined],
          ['adoptionForm', it.adoptionForm],
        ]),
    );
  }
  if (instructions.length > 0) {
    lines.push('', '# 领导对社情民意信息的批示，每条记录计 1 件次：record 写信息编号。', 'instructions:');
    for (const a of instructions) lines.push(`  - {id: ${s(a.id)}, record: ${s(a.record)}, leader: ${s(a.leader)}, level: ${a.level}, principal: ${a.principal}, date: ${a.date}}`);
  }
  return lines.join('\n') + '\n';
}

function activitiesFile(plan: YearPlan, meetings: MeetingRecord[]): string {
  const lines = [
    `# 办公室及各专门委员会：${plan.year}年度其他计数的履职活动（学习、培训、走访、宣传等）。`,
    '# count 为总数；有 parts 分项而不写 count 时，总数为各分项之和；有 items 逐项记录时，总数为记录条数。',
    GENERATED,
    '',
    'activities:',
  ];
  for (const a of plan.activities) {
    lines.push(`  - id: ${s(a.id)}`, `    name: ${s(a.name)}`, `    unit: ${s(a.unit)}`);
    if (a.count !== undefined) lines.push(`    count: ${a.count}`);
    if (a.parts && a.parts.length > 0) {
      lines.push('    parts:');
      for (const [name, n] of a.parts) lines.push(`      - {name: ${s(name)}, count: ${n}}`);
    }
    if (a.items !== undefined) {
      lines.push('    items:');
      for (const it of activityItems(plan, meetings, a.items)) lines.push(`      - {date: ${it.date}, title: ${s(it.title)}}`);
    }
  }
  return lines.join('\n') + '\n';
}

function membersFile(plan: YearPlan): string {
  const m = plan.members;
  return [
    `# 委员工作室（办公室）：${plan.year}年末委员队伍情况。`,
    '# total 为委员总数，standing 为常委人数，inCommittees 为编入专门委员会的委员人数。',
    GENERATED,
    '',
    'members:',
    `  total: ${m.total}`,
    `  standing: ${m.standing}`,
    `  inCommittees: ${m.inCommittees}`,
    '',
  ].join('\n');
}

// ── Scales ────────────────────────────────────────────────────────────────────────────────

/**
 * The benchmark scale: a national-size year built on the same plan (same named records);
 * `m` multiplies it (2 for the doubled size the benchmark compares against).
 */
function nationalPlan(plan: YearPlan, m = 1): YearPlan {
  const p = plan.proposals;
  const proposals = 6000 * m;
  const factor = proposals / Object.values<number>(p.submitters).reduce((a, b) => a + b, 0);
  const curatedMeetings = plan.meetings.length;
  const routine = { 主席会议: 120 * m, 党组会议: 120 * m, 秘书长会议: 150 * m, 其他会议: 60 * m };
  const routineTotal = Object.values(routine).reduce((a, b) => a + b, 0);
  const fill = 500 * m - plan.reports.length;
  const info =
    plan.information.kind === 'items'
      ? { kind: 'items' as const, collected: 50_000 * m, submitted: 26_000 * m, adoptedBy: scaleCounts(plan.information.adoptedBy, 9_600 * m) }
      : { kind: 'counts' as const, collected: 42_000 * m, submitted: 21_500 * m, adopted: 7_400 * m };
  return {
    ...plan,
    proposals: {
      ...p,
      submitters: scaleCounts(p.submitters, proposals),
      categories: scaleCounts(p.categories, proposals),
      merged: Math.round(p.merged * factor),
      unfiled: { 不立案: Math.round(p.unfiled.不立案 * factor), 转来信: Math.round(p.unfiled.转来信 * factor), 撤案: Math.round(p.unfiled.撤案 * factor) },
      key: Math.round(p.key * factor * 0.4),
      dissatisfied: Math.round(p.dissatisfied * factor),
      noFeedback: Math.round(p.noFeedback * factor),
    },
    routineMeetings: routine,
    extraConsultations: 1000 * m - curatedMeetings - routineTotal,
    reportFill: {
      leadKinds: { 专委会: Math.round(fill * 0.45), 党派: Math.round(fill * 0.25), 团体: Math.round(fill * 0.1), 界别: Math.round(fill * 0.1), 委员: Math.round(fill * 0.05), 机关: fill - Math.round(fill * 0.45) - Math.round(fill * 0.25) - 2 * Math.round(fill * 0.1) - Math.round(fill * 0.05) },
      kinds: { 视察: Math.round(fill * 0.15), 督查: Math.round(fill * 0.05), 民主监督: Math.round(fill * 0.1), 调研: fill - Math.round(fill * 0.15) - Math.round(fill * 0.05) - Math.round(fill * 0.1) },
    },
    approvals: { curated: plan.approvals.curated, total: Math.round(plan.approvals.total * 12 * m) },
    information: info,
    members: { total: 2172 * m, standing: 300 * m, inCommittees: 2172 * m },
    roster: { from: plan.year === 2022 ? 0 : 120, size: 2172 * m },
  };
}

const SCALES = {
  city: (plan: YearPlan) => plan,
  national: (plan: YearPlan) => nationalPlan(plan),
  national2: (plan: YearPlan) => nationalPlan(plan, 2),
  // Ten times national (60,000 proposals): the size at which a ledger export passes the reader's cell limit.
  national10: (plan: YearPlan) => nationalPlan(plan, 10),
} as const;
type Scale = keyof typeof SCALES;

// ── Main ──────────────────────────────────────────────────────────────────────────────────

export interface GenerateOptions {
  scale: Scale;
  out: string;
}

const SCHEMA_LINE = '# yaml-language-server: $schema=../../schema/year.schema.json';

export async function generate(options: GenerateOptions): Promise<void> {
  const plans = [PLAN_2022, PLAN_2023].map(SCALES[options.scale]);
  const everyone = roster(Math.max(...plans.map((p) => p.roster.from + p.roster.size)));
  for (const plan of plans) {
    const members = everyone.slice(plan.roster.from, plan.roster.from + plan.roster.size);
    const proposals = generateProposals(plan, members);
    const proposalInstructions = addLedgerFields(plan.year, proposals, plan.session, members.map((m) => m.name)).map((a, i) => ({ ...a, id: `PI${plan.year}-${pad(i + 1, 2)}` }));
    const meetings = generateMeetings(plan);
    addAttendance(plan.year, meetings);
    const reports = generateReports(plan, members);
    const approvals = generateApprovals(plan, reports);
    const information = generateInformation(plan);
    const informationInstructions = addInformationDetails(plan.year, information).map((a, i) => ({ ...a, id: `II${plan.year}-${pad(i + 1, 2)}` }));
    const folder = path.join(options.out, String(plan.year));
    await mkdir(folder, { recursive: true });
    // Each file names its JSON Schema first, so editors with the YAML language server check it.
    const write = (name: string, text: string) => writeFile(path.join(folder, name), `${SCHEMA_LINE}\n${text}`);
    // The 提案委 of the latest year keeps its ledger in Excel, as most do: 提案台账.xlsx and 提案批示.xlsx.
    if (options.scale === 'city' && plan === plans[plans.length - 1]) {
      await writeFile(path.join(folder, '提案台账.xlsx'), proposalWorkbook(proposals));
      await writeFile(path.join(folder, '提案批示.xlsx'), instructionWorkbook(proposalInstructions));
    } else {
      await write('proposals.yaml', proposalsFile(plan.year, proposals, proposalInstructions));
    }
    await write('meetings.yaml', meetingsFile(plan.year, meetings));
    await write('research.yaml', researchFile(plan.year, reports, approvals));
    await write('information.yaml', informationFile(plan, information, informationInstructions));
    await write('activities.yaml', activitiesFile(plan, meetings));
    await write('members.yaml', membersFile(plan));
    console.log(
      `${folder}: 提案 ${proposals.length}，会议 ${meetings.length}，报告 ${reports.length}，批示 ${approvals.length}，信息 ${information.length || '（仅汇总数）'}`,
    );
  }
  // Outside data/, complete the project with the hand-written files.
  const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
  if (path.resolve(options.out) !== dataDir) {
    const copies = ['organization.yaml', ...plans.flatMap((p) => [`${p.year}/sitting.yaml`, `${p.year}/narrative.md`, `${p.year}/summary.md`])];
    for (const rel of copies) {
      const from = path.join(dataDir, rel);
      if (await exists(from)) await copyFile(from, path.join(options.out, rel));
    }
  }
}

/** The proposal ledger as the 提案委 keeps it in Excel: the default headers, one row a proposal. */
function proposalWorkbook(records: ProposalRec[]): Uint8Array {
  const rows = records.map((r) => ({
    id: r.id,
    title: r.title,
    submitterKind: r.submitter,
    proposer: r.by,
    coProposers: r.coProposers,
    sector: r.sector,
    category: r.category,
    submittedOn: r.date,
    period: r.period,
    review: r.filing,
    mergedInto: r.mergedInto,
    rejectionReason: r.rejectionReason,
    keyProposal: r.key,
    leadUnits: r.leadUnits,
    jointUnits: r.jointUnits,
    assignedOn: r.assignedOn,
    answered: r.handled,
    answeredOn: r.answeredOn,
    result: r.result,
    satisfaction: r.satisfaction,
    supervisedBy: r.supervisedBy,
    tags: r.tags,
  }));
  return writeWorkbook(ledgerTable(recordKind('proposals')!, rows, DEFAULT_VOCABULARY, undefined), 'xlsx');
}

/** Leaders' instructions on proposals, a sheet of their own (批示). */
function instructionWorkbook(records: ProposalInstruction[]): Uint8Array {
  const rows = records.map(({ id, record, leader, level, principal, date }) => ({ id, record, leader, level, principal, date }));
  const table = ledgerTable(recordKind('instructions')!, rows, DEFAULT_VOCABULARY, undefined);
  return writeWorkbook({ ...table, sheet: '提案批示' }, 'xlsx');
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

function parseArgs(argv: string[]): GenerateOptions {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const options: GenerateOptions = { scale: 'city', out: path.join(root, 'data') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} 需要一个值`);
      return v;
    };
    if (arg === '--scale') {
      const v = value();
      if (!(v in SCALES)) throw new Error(`未知的规模“${v}”，可选：${Object.keys(SCALES).join('、')}`);
      options.scale = v as Scale;
    } else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log('用法：npx tsx scripts/generate-sample-data.ts [--scale city|national|national2|national10] [--out <文件夹>]');
      process.exit(0);
    } else throw new Error(`未知的参数“${arg}”`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  generate(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
