/** The names a national and a local committee's reports publish: title, opening, the proposal report's “…以来”. */
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../src/domain/organization.js';
import type { Sitting } from '../../src/domain/year-parts.js';
import { sittingContext } from '../../src/compute/context.js';

const org = (fullName: string, level: string) => ({ fullName, shortName: '', province: '', name: level === '全国' ? '' : '云州市', level }) as unknown as Organization;
const sitting = { term: 11, session: 3, date: '2010-03-03', speaker: '某某' } as unknown as Sitting;

describe('published forms of the committee’s names', () => {
  it('national: no term in the title, the term in the opening, 政协 before the session in the proposal report', () => {
    const s = sittingContext(sitting, org('中国人民政治协商会议全国委员会', '全国'));
    expect(s.national).toBe(true);
    expect(s.titleCommittee).toBe('中国人民政治协商会议全国委员会');
    expect(s.openingCommittee).toBe('中国人民政治协商会议第十一届全国委员会');
    expect(s.previousMeetingTitle).toBe('政协十一届二次会议');
  });
  it('local: the committee with its term, as before', () => {
    const s = sittingContext(sitting, org('中国人民政治协商会议江北省云州市委员会', '市'));
    expect(s.national).toBe(false);
    expect(s.titleCommittee).toBe('中国人民政治协商会议江北省云州市第十一届委员会');
    expect(s.openingCommittee).toBe('政协云州市第十一届委员会');
    expect(s.previousMeetingTitle).toBe('十一届二次会议');
  });
});
