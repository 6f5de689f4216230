/**
 * 调研视察报告: the research, inspection, supervision and democratic-oversight reports the
 * 研究室 and the committees produce, with who led them and how many suggestions they made.
 * Leaders' instructions on them are `instructions` records that name the report's id.
 */
import { groups, sum } from '../groups.js';
import { byCodePoint } from '../../order.js';
import { fields, type RecordOf } from '../fields.js';
import { defineRecordKind, labelsUnder, type YearRecords } from '../record-kind.js';
import type { Vocabulary } from '../vocabulary.js';
import { INSTRUCTION_LABELS, instructionFiguresOf, instructionsByRecord } from './instructions.js';

/** A research report as its fields declare it. */
export type ResearchReport = RecordOf<ReturnType<typeof researchFields>>;

function reportGroup(list: readonly ResearchReport[], year: YearRecords) {
  const { instructed, instructions } = instructionFiguresOf(list, year);
  return {
    count: list.length,
    suggestions: sum(list.map((r) => r.suggestions)),
    titles: list.map((r) => r.title),
    instructed,
    instructions: instructions.total,
  };
}

function researchFields(v: Vocabulary) {
  return {
    id: fields.id('报告编号', '这篇报告的编号，批示记录用它指明所批的报告', { headers: ['编号'] }),
    kind: fields.choice(v.researchKinds, '类别', '调研、视察、督查还是民主监督（组织另有的类别写在 organization.yaml 的 researchKinds 中）', {
      headers: ['报告类别', '形式'],
      list: 'researchKinds',
    }),
    title: fields.text('报告标题', '报告的标题', { headers: ['标题', '题目'] }),
    leadBody: fields.text('牵头单位', '牵头开展的专委会、党派、团体或委员', { headers: ['牵头', '承办'] }),
    leadBodyKind: fields.choice(v.leadBodyKinds, '牵头单位类别', '牵头单位属于哪一类（另有的类别写在 organization.yaml 的 leadBodyKinds 中）', {
      headers: ['牵头类别'],
      list: 'leadBodyKinds',
    }),
    date: fields.date('完成日期', '报告完成或报送的日期', { headers: ['报送日期', '日期'] }),
    suggestions: fields.count('建议条数', '报告提出的意见建议条数', { headers: ['提出建议', '意见建议条数'], fallback: 0 }),
    tags: fields.list('标签', '自定义标签，用于分组统计', { fallback: [] }),
  };
}

export const research = defineRecordKind({
  key: 'research',
  label: '调研视察报告',
  office: '研究室',
  description: '调研、视察、督查和民主监督形成的报告，一篇报告一条记录',
  unit: '篇',
  sheetWords: ['调研', '视察', '督查'],
  dateFields: ['date'],
  instructable: true,
  fields: researchFields,

  figures(records, year, scope) {
    const list = [...records].sort((a, b) => byCodePoint(a.date, b.date) || byCodePoint(a.id, b.id));
    const group = (g: readonly ResearchReport[]) => reportGroup(g, year);
    const byRecord = instructionsByRecord(year);
    const all = reportGroup(list, year);
    return {
      count: all.count,
      suggestions: all.suggestions,
      titles: all.titles,
      byKind: groups(list, (r) => r.kind, year.vocabulary.researchKinds, group),
      byLeadBodyKind: groups(list, (r) => r.leadBodyKind, year.vocabulary.leadBodyKinds, group),
      byTag: groups(list, (r) => r.tags, [], group),
      ...(scope === 'year' ? { byId: Object.fromEntries(list.map((r) => [r.id, { ...r, instructions: (byRecord.get(r.id) ?? []).length }])) } : {}),
      ...instructionFiguresOf(records, year),
    };
  },
  labels: {
    count: { label: '形成调研视察报告', unit: '篇' },
    suggestions: { label: '调研视察报告提出的意见建议', unit: '条' },
    titles: { label: '调研视察报告的标题（列表）' },
    ...groupLabels('byKind.*', '{1}报告'),
    ...groupLabels('byLeadBodyKind.*', '{1}牵头的报告'),
    ...groupLabels('byTag.*', '标为“{1}”的报告'),
    'byKind.*.share': { label: '{1}报告所占比例' },
    'byLeadBodyKind.*.share': { label: '{1}牵头的报告所占比例' },
    'byTag.*.share': { label: '标为“{1}”的报告占全部报告的比例' },
    'byId.*.id': { label: '报告编号' },
    'byId.*.kind': { label: '报告“{1}”的类别' },
    'byId.*.title': { label: '报告“{1}”的标题' },
    'byId.*.leadBody': { label: '报告“{1}”的牵头单位' },
    'byId.*.leadBodyKind': { label: '报告“{1}”的牵头单位类别' },
    'byId.*.date': { label: '报告“{1}”的完成日期' },
    'byId.*.suggestions': { label: '报告“{1}”提出的建议', unit: '条' },
    'byId.*.instructions': { label: '报告“{1}”获领导批示', unit: '件次' },
    'byId.*.tags': { label: '报告“{1}”的标签（列表）' },
    ...INSTRUCTION_LABELS,
  },
  example: { id: 'R-01', kind: '调研', title: '关于……的调研报告', leadBody: '经济委员会', leadBodyKind: '专委会', date: '2024-05-20', suggestions: 6 },
});

function groupLabels<P extends string>(prefix: P, name: string) {
  return labelsUnder(prefix, {
    count: { label: name, unit: '篇' },
    suggestions: { label: `${name}提出的意见建议`, unit: '条' },
    titles: { label: `${name}的标题（列表）` },
    instructed: { label: `${name}中获领导批示的`, unit: '篇' },
    instructions: { label: `${name}获领导批示`, unit: '件次' },
  });
}
