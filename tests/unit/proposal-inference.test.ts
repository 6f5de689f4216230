/**
 * What a proposal row implies, read before it is checked: the system's wordings, and the fields a
 * ledger leaves out inferred by rules each said once — a value written in a cell always wins.
 */
import { describe, expect, it } from 'vitest';
import { prepareProposal } from '../../src/domain/records/proposal-inference.js';
import type { Organization } from '../../src/domain/organization.js';

const org = { sectors: ['经济界'], proposerLists: { 专委会: ['提案委员会'], 团体: ['青山县青年联合会'] } } as unknown as Organization;

describe('prepareProposal', () => {
  it('reads 并入…号 as 并案 into that proposal, and 未表态 as no satisfaction recorded', () => {
    const row: Record<string, unknown> = { review: '并入第２０２４００８号', satisfaction: '未表态' };
    expect(prepareProposal(row, undefined).map((r) => r.field)).toEqual(['并入提案']);
    expect(row).toEqual({ review: '并案', mergedInto: '2024008' });
  });

  it('infers 已办复 from a result, a satisfaction or a reply date of a filed proposal, and never overrides a written 否', () => {
    for (const extra of [{ result: 'A' }, { satisfaction: '满意' }, { answeredOn: '2024-06-01' }]) {
      const row: Record<string, unknown> = { review: '立案', submitterKind: '委员', ...extra };
      expect(prepareProposal(row, undefined)).toEqual([{ field: '已办复', rule: '立案的提案有办理结果、满意度或办复日期，算作已办复' }]);
      expect(row.answered).toBe(true);
    }
    const written: Record<string, unknown> = { review: '立案', submitterKind: '委员', result: 'A', answered: false };
    expect(prepareProposal(written, undefined)).toEqual([]);
    expect(written.answered).toBe(false);
    // Not filed: nothing inferred (a result there is a contradiction, reported as such).
    const refused: Record<string, unknown> = { review: '转来信', submitterKind: '委员', result: 'A' };
    prepareProposal(refused, undefined);
    expect(refused.answered).toBeUndefined();
  });

  it('infers 提案者类别 from the organisation’s lists, the proposer’s name, 联名人, or else 委员; a written one wins', () => {
    const kindOf = (value: Record<string, unknown>) => {
      prepareProposal(value, org);
      return value.submitterKind;
    };
    expect(kindOf({ proposer: '提案委员会' })).toBe('专委会');
    expect(kindOf({ proposer: '青山县青年联合会' })).toBe('团体');
    expect(kindOf({ proposer: '经济界' })).toBe('界别');
    expect(kindOf({ proposer: '九三学社青山县支社' })).toBe('党派');
    expect(kindOf({ proposer: '县总工会' })).toBe('团体');
    expect(kindOf({ proposer: '李民建' })).toBe('委员'); // a person, though the name holds 民建
    expect(kindOf({ proposer: '张三', coProposers: ['李四'] })).toBe('联名');
    expect(kindOf({ proposer: '张三', coProposers: [] })).toBe('委员');
    expect(kindOf({ proposer: '民盟青山县委员会', submitterKind: '委员' })).toBe('委员');
  });
});
