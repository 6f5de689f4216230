/**
 * Second check: records against each other and against the organisation's registers. Runs on
 * the records that passed the schema, so one run reports everything it can.
 */
import { diagnostic, type Location } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate } from '../load/source.js';
import type { Organization } from '../schema/schema.js';
import type { Dataset, YearData } from './dataset.js';
import { unfinishedParts } from './placeholders.js';

type Locator = (record: object, field?: string, key?: boolean) => Location;

function locator(year: YearData): Locator {
  return (record, field, key = false) => {
    const ref = year.refs.get(record);
    if (!ref) return {};
    return locate(ref.file, field === undefined ? ref.path : [...ref.path, ...field.split('.')], key);
  };
}

/** Lists of records that carry ids, with the word users know them by. */
function recordLists(year: YearData): Array<{ kind: string; records: Array<{ id: string }> }> {
  return [
    { kind: '会议', records: year.meetings },
    { kind: '提案', records: year.proposals },
    { kind: '报告', records: year.reports },
    { kind: '批示', records: year.approvals },
    { kind: '活动', records: year.activities },
    { kind: '信息', records: year.information?.items ?? [] },
  ];
}

export function crossCheck(dataset: Dataset, options: { current: boolean } = { current: true }): Diagnostic[] {
  const year = options.current ? dataset.year : dataset.previous;
  if (!year) return [];
  const at = locator(year);
  const out: Diagnostic[] = [];
  checkIds(year, at, out);
  checkDates(year, at, out);
  checkReferences(year, at, out);
  if (dataset.organization) checkRegisters(year, dataset.organization, at, out);
  checkProposals(year, at, out);
  checkInformation(year, at, out);
  checkActivities(year, at, out);
  checkMembers(year, at, out);
  if (options.current) checkParts(year, at, out);
  return out;
}

function checkIds(year: YearData, at: Locator, out: Diagnostic[]): void {
  const lists = recordLists(year);
  // Clean data, the common case, only needs to know that no id repeats: a Set built from all
  // the ids at once says so several times faster than a Map of the records, filled one by one.
  const ids: string[] = [];
  for (const { records } of lists) for (const record of records) ids.push(record.id);
  if (new Set(ids).size === ids.length) return;
  // Positions are looked up only for a duplicate: clean data never needs them.
  const seen = new Map<string, { kind: string; record: object }>();
  for (const { kind, records } of lists) {
    for (const record of records) {
      const first = seen.get(record.id);
      if (first) {
        const where = at(first.record, 'id');
        out.push(diagnostic('duplicateId', { id: record.id, kind, first: `${where.file ?? ''}:${where.line ?? 0}` }, at(record, 'id')));
      } else {
        seen.set(record.id, { kind, record });
      }
    }
  }
}

function checkDates(year: YearData, at: Locator, out: Diagnostic[]): void {
  const prefix = `${year.year}-`;
  const check = (record: object, field: string, date: string | undefined) => {
    if (date !== undefined && !date.startsWith(prefix)) {
      out.push(diagnostic('dateOutsideYear', { field, date, year: year.year }, at(record, field)));
    }
  };
  for (const r of year.meetings) check(r, 'date', r.date);
  for (const r of year.proposals) check(r, 'date', r.date);
  for (const r of year.reports) check(r, 'date', r.date);
  for (const r of year.approvals) check(r, 'date', r.date);
  for (const r of year.information?.items ?? []) check(r, 'date', r.date);
  for (const activity of year.activities) {
    activity.items.forEach((item, i) => {
      if (!item.date.startsWith(prefix)) {
        out.push(diagnostic('dateOutsideYear', { field: 'date', date: item.date, year: year.year }, at(activity, `items.${i}.date`)));
      }
    });
  }
}

function checkReferences(year: YearData, at: Locator, out: Diagnostic[]): void {
  const reportIds = new Set(year.reports.map((r) => r.id));
  for (const approval of year.approvals) {
    if (!reportIds.has(approval.report)) {
      out.push(diagnostic('danglingReference', { field: 'report', id: approval.report, kind: '报告' }, at(approval, 'report')));
    }
  }
  const proposalIds = new Set(year.proposals.map((p) => p.id));
  for (const proposal of year.proposals) {
    if (proposal.mergedInto !== undefined && !proposalIds.has(proposal.mergedInto)) {
      out.push(diagnostic('danglingReference', { field: 'mergedInto', id: proposal.mergedInto, kind: '提案' }, at(proposal, 'mergedInto')));
    }
  }
}

function checkRegisters(year: YearData, org: Organization, at: Locator, out: Diagnostic[]): void {
  const categories = new Set(org.proposalCategories);
  const sectors = new Set(org.sectors);
  for (const p of year.proposals) {
    if (!categories.has(p.category)) {
      out.push(
        diagnostic('unknownCategory', { field: 'category', value: p.category, list: 'proposalCategories', allowed: org.proposalCategories.join('、') }, at(p, 'category')),
      );
    }
    if (p.sector !== undefined && sectors.size > 0 && !sectors.has(p.sector)) {
      out.push(diagnostic('unknownCategory', { field: 'sector', value: p.sector, list: 'sectors', allowed: org.sectors.join('、') }, at(p, 'sector')));
    }
  }
}

const ACCEPTED = new Set(['立案', '并案']);

function checkProposals(year: YearData, at: Locator, out: Diagnostic[]): void {
  for (const p of year.proposals) {
    if (!ACCEPTED.has(p.filing)) {
      for (const field of ['handled', 'key'] as const) {
        if (p[field]) {
          out.push(diagnostic('inconsistentRecord', { detail: `提案“${p.id}”审查结果为“${p.filing}”，不能标为${field === 'handled' ? '已办结' : '重点提案'}` }, at(p, field)));
        }
      }
      if (p.satisfaction !== undefined) {
        out.push(diagnostic('inconsistentRecord', { detail: `提案“${p.id}”审查结果为“${p.filing}”，不应有办理满意度评价` }, at(p, 'satisfaction')));
      }
    }
    if (p.mergedInto !== undefined && p.filing !== '并案') {
      out.push(diagnostic('inconsistentRecord', { detail: `提案“${p.id}”写了 mergedInto，审查结果却是“${p.filing}”而不是“并案”` }, at(p, 'mergedInto')));
    }
  }
  const counts = year.proposalCounts;
  if (!counts) return;
  const filed = year.proposals.filter((p) => ACCEPTED.has(p.filing)).length;
  const handled = year.proposals.filter((p) => p.handled).length;
  const whole = (part: 'filed' | 'handled', of: 'received' | 'filed') => {
    const a = counts[part];
    const b = counts[of];
    if (a !== undefined && b !== undefined && a > b) {
      out.push(diagnostic('partExceedsWhole', { part, partValue: a, whole: of, wholeValue: b }, at(counts, part)));
    }
  };
  whole('filed', 'received');
  whole('handled', 'filed');
  if (year.proposals.length > 0) {
    const conflict = (field: 'received' | 'filed' | 'handled', counted: number, what: string) => {
      const written = counts[field];
      if (written !== undefined && written !== counted) {
        out.push(diagnostic('countConflict', { field, written, counted, what }, at(counts, field)));
      }
    };
    conflict('received', year.proposals.length, '提案件数');
    conflict('filed', filed, '立案件数');
    conflict('handled', handled, '办结件数');
  }
}

function checkInformation(year: YearData, at: Locator, out: Diagnostic[]): void {
  const info = year.information;
  if (!info) return;
  info.items.forEach((item) => {
    if (item.adopted && !item.submitted) {
      out.push(diagnostic('inconsistentRecord', { detail: `信息“${item.id}”标为已采用，但没有标为已报送（submitted: true）` }, at(item, 'adopted')));
    }
  });
  const counts = info.counts;
  if (!counts) return;
  if (counts.submitted > counts.collected) {
    out.push(diagnostic('partExceedsWhole', { part: 'submitted', partValue: counts.submitted, whole: 'collected', wholeValue: counts.collected }, at(info, 'counts.submitted')));
  }
  if (counts.adopted > counts.submitted) {
    out.push(diagnostic('partExceedsWhole', { part: 'adopted', partValue: counts.adopted, whole: 'submitted', wholeValue: counts.submitted }, at(info, 'counts.adopted')));
  }
  if (info.items.length > 0) {
    const counted = {
      collected: info.items.length,
      submitted: info.items.filter((i) => i.submitted).length,
      adopted: info.items.filter((i) => i.adopted).length,
    };
    const what = { collected: '收集条数', submitted: '报送条数', adopted: '采用条数' } as const;
    for (const field of ['collected', 'submitted', 'adopted'] as const) {
      if (counts[field] !== counted[field]) {
        out.push(diagnostic('countConflict', { field: `counts.${field}`, written: counts[field], counted: counted[field], what: what[field] }, at(info, `counts.${field}`)));
      }
    }
  }
}

function checkActivities(year: YearData, at: Locator, out: Diagnostic[]): void {
  for (const a of year.activities) {
    const partsSum = a.parts.reduce((s, p) => s + p.count, 0);
    if (a.count !== undefined && a.items.length > 0 && a.count !== a.items.length) {
      out.push(diagnostic('countConflict', { field: 'count', written: a.count, counted: a.items.length, what: '逐项记录条数' }, at(a, 'count')));
    }
    const total = a.count ?? (a.items.length > 0 ? a.items.length : undefined);
    if (total === undefined && a.parts.length === 0) {
      out.push(diagnostic('requiredField', { field: 'count', expected: '总数，或逐项记录 items、分项 parts' }, at(a)));
    }
    if (total !== undefined && partsSum > total) {
      out.push(diagnostic('partExceedsWhole', { part: 'parts 合计', partValue: partsSum, whole: 'count', wholeValue: total }, at(a, a.count !== undefined ? 'count' : 'parts')));
    }
  }
}

function checkMembers(year: YearData, at: Locator, out: Diagnostic[]): void {
  const m = year.members;
  if (!m) return;
  for (const part of ['standing', 'inCommittees'] as const) {
    const v = m[part];
    if (v !== undefined && v > m.total) {
      out.push(diagnostic('partExceedsWhole', { part, partValue: v, whole: 'total', wholeValue: m.total }, at(m, part)));
    }
  }
}

function checkParts(year: YearData, at: Locator, out: Diagnostic[]): void {
  if (year.sitting) {
    if (!year.sitting.date.startsWith(`${year.year + 1}-`)) {
      out.push(diagnostic('sittingDate', { date: year.sitting.date, year: year.year }, at(year.sitting, 'date')));
    }
  }
  for (const m of year.meetings) {
    if (!m.topic.trim()) out.push(diagnostic('emptyTopic', {}, at(m)));
  }
  out.push(...unfinishedParts(year));
}

/** Parts a report cannot be written without. Checked only for the year being built. */
export function requiredParts(dataset: Dataset, folder: string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of ['sitting', 'narrative'] as const) {
    if (!dataset.year[key]) out.push(diagnostic('missingPart', { key, year: dataset.year.year }, folder ? { file: folder } : {}));
  }
  return out;
}
