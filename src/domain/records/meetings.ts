/**
 * 会议: the meetings the 办公室 records, with their topics, the suggestions they produced and how
 * many were adopted ("17条建议得到…采纳"), and who attended ("11个界别的100余名委员参加").
 */
import { distinct, groups, sum } from '../groups.js';
import { byCodePoint } from '../../order.js';
import { checkRegister } from '../checks.js';
import { diagnostic } from '../../diagnostics/catalogue.js';
import { fields, type RecordOf } from '../fields.js';
import { defineRecordKind, labelsUnder } from '../record-kind.js';
import { MEETING_GROUPS, type MeetingGroup, type Vocabulary } from '../vocabulary.js';
import { INSTRUCTION_LABELS, instructionFiguresOf, instructionsByRecord } from './instructions.js';

/** A meeting as its fields declare it. */
export type Meeting = RecordOf<ReturnType<typeof meetingFields>>;

/** The figures of a group of meetings. */
function meetingGroup(list: readonly Meeting[], scope: 'year' | 'term') {
  const attended = list.filter((m) => m.attendees !== undefined);
  const topics = list.map((m) => m.topic).filter((t) => t.length > 0);
  return {
    count: list.length,
    suggestions: sum(list.map((m) => m.suggestions)),
    suggestionsAdopted: sum(list.map((m) => m.suggestionsAdopted)),
    // Over a term a topic can recur; a list printed for the term names it once.
    topics: scope === 'term' ? distinct(topics) : topics,
    attendees: attended.length > 0 ? sum(attended.map((m) => m.attendees!)) : null,
  };
}

function meetingFields(v: Vocabulary) {
  return {
    id: fields.id('会议编号', '这次会议的编号，在文字中引用它时用（如 meetings.byId.<编号>.topic）', { headers: ['编号'] }),
    kind: fields.choice(v.meetingKinds, '会议类型', '会议的类型（组织另有的类型写在 organization.yaml 的 meetingKinds 中）', {
      headers: ['类型', '会议类别'],
      list: 'meetingKinds',
    }),
    date: fields.date('会议日期', '开会的日期', { headers: ['日期', '时间'] }),
    topic: fields.note('议题', '会议的议题或主题', { headers: ['主题', '会议主题', '协商议题'], fallback: '' }),
    suggestions: fields.count('建议条数', '会议提出的意见建议条数', { headers: ['提出建议', '意见建议条数', '建议数'], fallback: 0 }),
    suggestionsAdopted: fields.count('采纳建议条数', '其中得到党委、政府采纳的条数', { headers: ['被采纳建议', '采纳条数', '采纳'], fallback: 0 }),
    attendees: fields.count('参加人数', '参加会议的委员人数', { headers: ['参会人数', '参加委员人数', '出席人数'], optional: true }),
    sectors: fields.list('参加界别', '参加会议的界别', { headers: ['界别'], fallback: [] }),
    tags: fields.list('标签', '自定义标签，用于分组统计（如“民生”）', { fallback: [] }),
  };
}

export const meetings = defineRecordKind({
  key: 'meetings',
  label: '会议',
  office: '办公室',
  description: '全体会议、常委会议、主席会议、各类协商会等，一次会议一条记录',
  unit: '次',
  sheetWords: ['会议'],
  dateFields: ['date'],
  instructable: true,
  fields: meetingFields,

  check(records, { at, report, year }) {
    for (const record of records) {
      const m = record;
      if (m.suggestionsAdopted > m.suggestions) {
        report(diagnostic('partExceedsWhole', { part: '采纳建议条数', partValue: m.suggestionsAdopted, whole: '建议条数', wholeValue: m.suggestions }, at(record, 'suggestionsAdopted')));
      }
      if (!m.topic.trim()) report(diagnostic('emptyTopic', {}, at(record)));
      const sectors = year.organization?.sectors ?? [];
      if (sectors.length > 0) for (const s of m.sectors) checkRegister(s, sectors, 'sectors', '参加界别', () => at(record, 'sectors'), report);
      if (new Set(m.sectors).size !== m.sectors.length) report(diagnostic('duplicateSectors', { id: m.id }, at(record, 'sectors')));
    }
  },
  figures(records, year, scope) {
    const list = [...records].sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.id, b.id));
    const group = (g: readonly Meeting[]) => meetingGroup(g, scope);
    const named = (name: MeetingGroup) => group(list.filter((m) => year.vocabulary.meetingGroups[name].includes(m.kind)));
    const instructed = instructionsByRecord(year);
    return {
      ...group(list),
      standingCommittee: named('standingCommittee'),
      consultations: named('consultations'),
      byKind: groups(list, (m) => m.kind, year.vocabulary.meetingKinds, group),
      byTag: groups(list, (m) => m.tags, [], group),
      // Ids are unique within a year only.
      ...(scope === 'year'
        ? {
            byId: Object.fromEntries(
              list.map((m) => [
                m.id,
                { ...m, sectorCount: m.sectors.length, instructions: instructed.get(m.id)?.length ?? 0 },
              ]),
            ),
          }
        : {}),
      ...instructionFiguresOf(records, year),
    };
  },
  labels: {
    count: { label: '召开各类会议', unit: '次' },
    suggestions: { label: '会议提出的意见建议', unit: '条' },
    suggestionsAdopted: { label: '会议建议中得到采纳的', unit: '条' },
    topics: { label: '会议议题（列表）' },
    attendees: { label: '参加会议的委员', unit: '人次', explain: '写了参加人数的会议相加' },
    ...groupLabels('standingCommittee', MEETING_GROUPS.standingCommittee.label),
    ...groupLabels('consultations', MEETING_GROUPS.consultations.label),
    ...groupLabels('byKind.*', '{1}'),
    ...groupLabels('byTag.*', '标为“{1}”的会议'),
    'byKind.*.share': { label: '{1}占全部会议的比例' },
    'byTag.*.share': { label: '标为“{1}”的会议占全部会议的比例' },
    'byId.*.id': { label: '会议编号' },
    'byId.*.kind': { label: '会议“{1}”的类型' },
    'byId.*.date': { label: '会议“{1}”的日期' },
    'byId.*.topic': { label: '会议“{1}”的议题' },
    'byId.*.suggestions': { label: '会议“{1}”提出的建议', unit: '条' },
    'byId.*.suggestionsAdopted': { label: '会议“{1}”得到采纳的建议', unit: '条' },
    'byId.*.attendees': { label: '参加会议“{1}”的委员', unit: '人' },
    'byId.*.sectors': { label: '参加会议“{1}”的界别（列表）' },
    'byId.*.sectorCount': { label: '参加会议“{1}”的界别', unit: '个' },
    'byId.*.instructions': { label: '会议“{1}”的成果获领导批示', unit: '件次' },
    'byId.*.tags': { label: '会议“{1}”的标签（列表）' },
    ...INSTRUCTION_LABELS,
  },
  example: { id: 'M-01', kind: '专题协商会', date: '2024-06-18', topic: '……', suggestions: 12, suggestionsAdopted: 8 },
});

function groupLabels<P extends string>(prefix: P, name: string) {
  return labelsUnder(prefix, {
    count: { label: `${name}`, unit: '次' },
    suggestions: { label: `${name}提出的意见建议`, unit: '条' },
    suggestionsAdopted: { label: `${name}的建议中得到采纳的`, unit: '条' },
    topics: { label: `${name}的议题（列表）` },
    attendees: { label: `参加${name}的委员`, unit: '人次' },
  });
}
