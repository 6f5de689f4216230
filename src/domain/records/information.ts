/**
 * 社情民意信息: one record per item the 信息科 collects, whether it was submitted (报送), and at
 * which levels it was adopted (采用: 全国政协, 省政协, 市委市政府…), singly or in a combined
 * report ("被全国政协采用7篇…省政协采用22篇"). An office that keeps only totals writes them in
 * `totals.information`.
 */
import { exclusive, groups, tally } from '../groups.js';
import { ratio } from '../numbers.js';
import { diagnostic } from '../../diagnostics/catalogue.js';
import { checkRegister } from '../checks.js';
import { fields, type RecordOf } from '../fields.js';
import { defineRecordKind } from '../record-kind.js';
import { INSTRUCTION_LABELS, instructionFiguresOf } from './instructions.js';

/** A 社情民意 item as its fields declare it. */
export type InformationItem = RecordOf<ReturnType<typeof informationFields>>;

const ADOPTION_FORMS = ['单篇', '综合'] as const;

function informationFields() {
  return {
    id: fields.id('信息编号', '这条信息的编号', { headers: ['编号', '序号'] }),
    title: fields.text('标题', '信息的标题', { headers: ['信息标题', '题目'] }),
    date: fields.date('日期', '收集或编报的日期', { headers: ['收集日期', '报送日期', '编报日期'] }),
    submitted: fields.flag('已报送', '是否已向上级或党委政府报送', { headers: ['是否报送', '报送'], fallback: false }),
    adoptedBy: fields.list('采用单位', '采用这条信息的单位（须取自 adoptionLevels：全国政协、省政协、市委市政府……）', {
      headers: ['采用情况', '被采用', '采用'],
      fallback: [],
    }),
    adoptionForm: fields.choice(ADOPTION_FORMS, '采用形式', '单篇采用还是综合采用', {
      headers: ['采用方式'],
      aliases: { 单篇采用: '单篇', 综合采用: '综合' },
      optional: true,
    }),
    tags: fields.list('标签', '自定义标签，用于分组统计', { fallback: [] }),
  };
}

export const information = defineRecordKind({
  key: 'information',
  label: '社情民意信息',
  office: '信息科',
  description: '社情民意信息，一条信息一条记录；只有总数时写在 totals.information 中',
  unit: '条',
  sheetWords: ['社情民意', '信息'],
  dateFields: ['date'],
  instructable: true,
  fields: informationFields,

  totals: {
    fields: {
      collected: fields.count('收集', '收集的信息条数'),
      submitted: fields.count('报送', '报送的条数'),
      adopted: fields.count('采用', '被采用的条数'),
    },
    counted: (list) => {
      return { collected: list.length, submitted: list.filter((i) => i.submitted).length, adopted: list.filter((i) => i.adoptedBy.length > 0).length };
    },
    figures: (t) => {
      const { collected, submitted, adopted } = t as { collected: number; submitted: number; adopted: number };
      return { collected, submitted, adopted, adoptionRate: ratio(adopted, submitted) };
    },
    parts: [
      ['submitted', 'collected'],
      ['adopted', 'submitted'],
    ],
  },
  check(records, { at, report, year }) {
    for (const record of records) {
      const item = record;
      if (item.adoptedBy.length > 0 && !item.submitted) {
        report(diagnostic('adoptedNotSubmitted', { id: item.id }, at(record, 'submitted')));
      }
      if (item.adoptionForm !== undefined && item.adoptedBy.length === 0) {
        report(diagnostic('formWithoutAdoption', { id: item.id }, at(record, 'adoptionForm')));
      }
      for (const level of item.adoptedBy) checkRegister(level, year.vocabulary.adoptionLevels, 'adoptionLevels', '采用单位', () => at(record, 'adoptedBy'), report);
    }
  },
  figures(records, year) {
    const list = records;
    const submitted = list.filter((i) => i.submitted).length;
    const adopted = list.filter((i) => i.adoptedBy.length > 0);
    return {
      collected: list.length,
      submitted,
      adopted: adopted.length,
      adoptionRate: ratio(adopted.length, submitted),
      byAdoptionLevel: tally(adopted, (i) => i.adoptedBy, year.vocabulary.adoptionLevels),
      byAdoptionForm: exclusive(tally(adopted, (i) => i.adoptionForm, ADOPTION_FORMS)),
      byTag: groups(list, (i) => i.tags, [], () => ({})),
      ...instructionFiguresOf(records, year),
    };
  },
  labels: {
    collected: { label: '收集社情民意信息', unit: '条' },
    submitted: { label: '报送社情民意信息', unit: '条' },
    adopted: { label: '被采用的社情民意信息', unit: '条', explain: '至少被一个单位采用的信息' },
    adoptionRate: { label: '社情民意信息采用率', explain: '被采用 ÷ 报送' },
    'byAdoptionLevel.*': { label: '被{1}采用的信息', unit: '条' },
    'byAdoptionForm.*': { label: '{1}采用的信息', unit: '条' },
    'byTag.*.count': { label: '标为“{1}”的信息', unit: '条' },
    'byTag.*.share': { label: '标为“{1}”的信息占全部信息的比例' },
    ...INSTRUCTION_LABELS,
  },
  example: { id: 'S-001', title: '关于……的建议', date: '2024-03-02', submitted: true, adoptedBy: ['省政协'] },
});
