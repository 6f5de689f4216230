/**
 * What a proposal ledger plainly implies, filled in before a row is checked: the system's own
 * wordings read (“并入2024008号” is 并案 into 2024008; 未表态 is no satisfaction recorded), and
 * the fields a ledger leaves out inferred — 已办复 from an 办理结果, a satisfaction or a reply
 * date; 提案者类别 from the organisation's lists, the proposer's name, or a filled 联名人. A value
 * written in a cell always wins; every rule applied is counted, and said in one line.
 */
import { halfWidth, squash } from '../../load/spreadsheet/normalize.js';
import type { Organization } from '../organization.js';

export interface AppliedRule {
  /** The field filled, as its label: 提案者类别. */
  field: string;
  /** The rule in words, for the one line that says how many rows it filled. */
  rule: string;
}

/** Fields whose column a ledger may leave out: the rows then say them by inference. */
export const INFERRED_FIELDS = new Set(['submitterKind']);

/** Satisfaction wordings that mean no satisfaction was recorded. */
const NO_OPINION = new Set(['未表态', '未反馈', '未评价', '未测评', '暂未反馈', '未回复', '无', '无意见', '-', '—', '/']);
const MERGED = /^(?:并入|并案(?:至|到|入|于)?|归并(?:至|到|入|于)?|合并(?:至|到|入|于)?)(?:第)?([^\s号]+?)号?(?:提案)?$/;
const FILED = new Set(['立案', '并案']);

/** Names of organisations whose proposals are 党派 or 团体 proposals, as county ledgers write them. */
const PARTY = /民革|民盟|民建|民进|农工党|致公党|九三学社|台盟/;
const GROUP = /工商联|总工会|工会|妇联|共青团|团[省市州县区旗]委|科协|侨联|青联|台联|文联|社科联|残联|红十字会/;
const COMMITTEE = /专委会|专门委员会|(?:提案|经济|农业农村|农业|文化文史|文史|教科卫体|社会法制|人口资源环境|民族宗教|港澳台侨|学习)委员会$/;
/** An organisation's name ends so; a person named 李民建 does not. */
const ORGANIZATION_END = /(?:委员会|支部|总支|支社|委|会|联|社|协|党|团)$/;

/**
 * A wording as compared (squash), kept for the next record: a ledger writes a handful of wordings
 * (立案, 满意…) thousands of times, and squashing one normalises and copies it three times.
 */
const squashedWordings = new Map<string, string>();

function squashed(text: string): string {
  let s = squashedWordings.get(text);
  if (s === undefined) {
    s = squash(text);
    // Bounded: free-text wordings (a 并入…号 each) are squashed without being kept past this many.
    if (squashedWordings.size < 4096) squashedWordings.set(text, s);
  }
  return s;
}

/** Reads the wordings and infers what is missing in one row's value (changed in place); returns the rules applied. */
export function prepareProposal(value: Record<string, unknown>, organization: Organization | undefined, options: { submitterKind?: boolean } = {}): AppliedRule[] {
  const applied: AppliedRule[] = [];
  const review = value.review;
  if (typeof review === 'string') {
    const merged = MERGED.exec(squashed(review));
    if (merged) {
      value.review = '并案';
      if (value.mergedInto === undefined) {
        value.mergedInto = halfWidth(merged[1]!);
        applied.push({ field: '并入提案', rule: '审查意见写着“并入…号”' });
      }
    }
  }
  if (typeof value.satisfaction === 'string' && NO_OPINION.has(squashed(value.satisfaction))) delete value.satisfaction;
  if (value.answered === undefined && typeof value.review === 'string' && FILED.has(value.review)) {
    if (value.result !== undefined || value.satisfaction !== undefined || value.answeredOn !== undefined) {
      value.answered = true;
      applied.push({ field: '已办复', rule: '立案的提案有办理结果、满意度或办复日期，算作已办复' });
    }
  }
  // In YAML 提案者类别 is written (the editor asks for it); a ledger may leave its column out.
  if (value.submitterKind === undefined && options.submitterKind !== false) {
    const kind = submitterKindOf(value, organization);
    if (kind) {
      value.submitterKind = kind.kind;
      applied.push({ field: '提案者类别', rule: kind.rule });
    }
  }
  return applied;
}

function submitterKindOf(value: Record<string, unknown>, organization: Organization | undefined): { kind: string; rule: string } | undefined {
  const proposer = typeof value.proposer === 'string' ? value.proposer.trim() : undefined;
  if (proposer === undefined) return undefined;
  for (const [kind, names] of Object.entries(organization?.proposerLists ?? {})) {
    if (names.includes(proposer)) return { kind, rule: `第一提案人列在 organization.yaml 的 proposerLists.${kind} 中，算作${kind}提案` };
  }
  if (organization?.sectors.includes(proposer)) return { kind: '界别', rule: '第一提案人是 organization.yaml 的 sectors 中的界别，算作界别提案' };
  const organisation = ORGANIZATION_END.test(proposer);
  if (organisation && PARTY.test(proposer)) return { kind: '党派', rule: '第一提案人是民主党派组织（名称含民革、民盟、民建、民进、农工党、致公党、九三学社、台盟），算作党派提案' };
  if (organisation && GROUP.test(proposer)) return { kind: '团体', rule: '第一提案人是人民团体（名称含工商联、工会、妇联、共青团、科协、侨联等），算作团体提案' };
  if (COMMITTEE.test(proposer)) return { kind: '专委会', rule: '第一提案人是政协的专门委员会，算作专委会提案' };
  const co = value.coProposers;
  if (Array.isArray(co) && co.length > 0) return { kind: '联名', rule: '填了联名人，算作联名提案' };
  return { kind: '委员', rule: '其余提案没有联名人，第一提案人算作委员个人' };
}
