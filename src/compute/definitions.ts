/**
 * Each rate's numerator and base in words (“已办复 ÷ 立案（含并案）”), as `stats`, `explain`, the
 * preview's figure list and the verification workbook name them, by the organisation's declared
 * conventions. A share of a group is its entry's count over the group's base.
 */
import { rateDefinitions, type Conventions } from '../domain/conventions.js';
import { RECORD_KINDS } from '../domain/registry.js';
import { labelOf } from './labels.js';

/** What the shares of a group are taken over, where it is not all the kind's records. */
const GROUP_BASES: Record<string, string> = {
  'proposals.byResult': '有办理结果类别的提案',
  'proposals.byPeriod': '写明大会或平时的提案',
  'proposals.bySector': '写明界别的提案',
  'proposals.byTag': '收到提案（一件提案可有几个标签）',
  'proposals.byLeadUnit': '收到提案（一件提案可有几家主办单位）',
  'proposals.bySubmitterKind': '收到提案',
  'proposals.byCategory': '收到提案',
  'proposals.filedByCategory': '立案',
  'proposals.filedBySubmitterKind': '立案',
};

/** The definition of a rate or share figure, or undefined for any other figure. */
export function definitionOf(name: string, conventions: Conventions): string | undefined {
  const segments = name.split('.');
  // `previous.…`, `term.…`, `years.2019.…` are defined as the figure they prefix.
  const inner = segments[0] === 'previous' || segments[0] === 'term' ? segments.slice(1) : segments[0] === 'years' ? segments.slice(2) : segments;
  const [kind, ...rest] = inner;
  const last = rest[rest.length - 1];
  if (!kind || !last) return undefined;
  const own = rateDefinitions(conventions);
  if (kind === 'proposals' && rest.length === 1 && own[last]) return own[last];
  const explain = labelOf(inner.join('.'))?.explain;
  if (rest.length === 3 && rest[0]!.startsWith('by')) {
    const group = `${kind}.${rest[0]}`;
    const entry = labelOf(`${group}.${rest[1]}.count`)?.label ?? `“${rest[1]}”`;
    const kindLabel = RECORD_KINDS.find((k) => k.key === kind)?.label ?? kind;
    if (last === 'share') return `${entry} ÷ ${GROUP_BASES[group] ?? `全部${kindLabel}`}`;
    if (last === 'answeredRate') {
      const base = own.answeredRate!.split(' ÷ ')[1]!;
      return `这一组中已办复的 ÷ 这一组中${base}的`;
    }
  }
  if (explain && explain.includes('÷')) return explain;
  return /Rate$/.test(last) ? labelOf(inner.join('.'))?.label : undefined;
}
