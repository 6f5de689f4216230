/**
 * The Chinese name of every figure, from one catalogue: the record kinds' labels (declared with
 * the figures they compute) and the few figures every report has (year, organisation, sitting,
 * members). `report stats`, the preview's figure list and the README read names here; a test
 * checks that every figure of the bundled data has one.
 */
import type { FigureLabel } from '../domain/record-kind.js';
import { RECORD_KINDS } from '../domain/registry.js';

const COMMON: Record<string, FigureLabel> = {
  year: { label: '回顾的年份' },
  planYear: { label: '安排工作的年份（回顾年份的下一年）' },
  'members.total': { label: '委员总数', unit: '名' },
  'members.standing': { label: '常委人数', unit: '名' },
  'members.inCommittees': { label: '编入专委会的委员', unit: '名' },
  'organization.fullName': { label: '组织全称' },
  'organization.shortName': { label: '组织简称' },
  'organization.province': { label: '所在省' },
  'organization.name': { label: '地名' },
  'organization.level': { label: '层级' },
  'organization.partyCommittee': { label: '同级党委' },
  'organization.government': { label: '同级政府' },
  'organization.congress': { label: '同级人大' },
  'organization.proposalCategories': { label: '提案分类（列表）' },
  'organization.sectors': { label: '界别（列表）' },
  'organization.handlingUnits': { label: '承办单位名录（列表）' },
  'organization.proposalResults.*.class': { label: '第 {1} 种办理结果的代号' },
  'organization.proposalResults.*.label': { label: '第 {1} 种办理结果的说法' },
  'organization.*': { label: '组织信息：{1}' },
  'sitting.term': { label: '大会的届次' },
  'sitting.session': { label: '大会是第几次会议' },
  'sitting.reportingTerm': { label: '作报告的常委会的届次' },
  'sitting.date': { label: '大会日期' },
  'sitting.speaker': { label: '报告人' },
  'sitting.salutation': { label: '称呼语' },
  'sitting.proposalsSpeaker': { label: '提案工作情况报告的报告人' },
  'sitting.committee': { label: '委员会全称（含届次），如：中国人民政治协商会议江北省云州市第十届委员会' },
  'sitting.committeeShort': { label: '委员会简称（含届次），如：政协云州市第十届委员会' },
  'sitting.meeting': { label: '大会的名称，如：政协云州市第十届委员会第二次会议' },
  'sitting.previousMeeting': { label: '上一次大会的简称，如：十届一次会议' },
  'sitting.national': { label: '是否全国政协（标题、开头语按全国政协的写法）' },
  'sitting.titleCommittee': { label: '工作报告标题中的委员会名称；全国政协为：中国人民政治协商会议全国委员会（不写届次）' },
  'sitting.openingCommittee': { label: '开头语“我代表…常务委员会”中的委员会名称' },
  'sitting.previousMeetingTitle': { label: '提案工作情况报告标题中的上一次大会，如：十届一次会议；全国政协为：政协十一届二次会议' },
  'term.from': { label: '届末报告涵盖的第一年' },
  'term.to': { label: '届末报告涵盖的最后一年' },
  'term.yearCount': { label: '届末报告涵盖的年数' },
  'term.years': { label: '届末报告涵盖的年份（列表）' },
};

interface Pattern {
  segments: string[];
  label: FigureLabel;
}

function compile(patterns: Record<string, FigureLabel>): Pattern[] {
  return Object.entries(patterns).map(([name, label]) => ({ segments: name.split('.'), label }));
}

/** Made when a label is first asked for (stats, explain, a message about a figure), not by every run that loads the library. */
let patterns: Pattern[] | undefined;
const allPatterns = (): Pattern[] =>
  (patterns ??= [
    ...compile(COMMON),
    ...RECORD_KINDS.flatMap((kind) =>
      compile(
        Object.fromEntries(
          Object.entries(kind.labels).map(([name, l]) => [
            `${kind.key}.${name}`,
            { ...l, label: l.label.replace('{kind}', kind.label), ...(l.unit ? { unit: l.unit === '{unit}' ? kind.unit : l.unit } : {}) },
          ]),
        ),
      ),
    ),
  ]);

/** The label of `segments`, with the group keys the pattern's `*` matched filled in. */
function match(segments: readonly string[]): FigureLabel | undefined {
  // Exact patterns before wildcards: `organization.name` before `organization.*`.
  let best: { label: FigureLabel; stars: number; keys: string[] } | undefined;
  for (const p of allPatterns()) {
    if (p.segments.length !== segments.length) continue;
    const keys: string[] = [];
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      if (p.segments[i] === '*') keys.push(segments[i]!);
      else ok = p.segments[i] === segments[i];
    }
    if (ok && (!best || keys.length < best.stars)) best = { label: p.label, stars: keys.length, keys };
  }
  if (!best) return undefined;
  const fill = (s: string) => best!.keys.reduce((out, key, i) => out.replaceAll(`{${i + 1}}`, key), s);
  return { ...best.label, label: fill(best.label.label), ...(best.label.explain ? { explain: fill(best.label.explain) } : {}) };
}

/**
 * The label of a figure name as templates cite it: `proposals.total`, `previous.proposals.total`
 * (上一年), `term.proposals.total` (五年合计), `years.2019.proposals.total` (2019年).
 */
export function labelOf(name: string): FigureLabel | undefined {
  const segments = name.split('.');
  if (segments[0] === 'previous') {
    const inner = match(segments.slice(1));
    return inner && { ...inner, label: `上一年：${inner.label}` };
  }
  if (segments[0] === 'years' && segments.length > 2) {
    const inner = match(segments.slice(2));
    return inner && { ...inner, label: `${segments[1]}年：${inner.label}` };
  }
  if (segments[0] === 'term') {
    const own = match(segments);
    if (own) return own;
    const inner = match(segments.slice(1));
    return inner && { ...inner, label: `届内合计：${inner.label}` };
  }
  return match(segments);
}
