/**
 * The word lists of the domain. Each has a default that fits most 政协; an organisation extends
 * a list in organization.yaml under the list's key (`meetingKinds: [月度协商会]`), and the
 * records are then checked against the longer list. Lists whose words the code itself relies on
 * (审查结果 立案/并案, 满意度) are fixed and not listed here.
 */

export interface VocabularyList {
  /** Key in organization.yaml that extends the list: meetingKinds. */
  key: VocabularyKey;
  /** 中文名 of the list: 会议类型. */
  label: string;
  defaults: readonly string[];
}

export type VocabularyKey =
  | 'meetingKinds'
  | 'researchKinds'
  | 'leadBodyKinds'
  | 'submitterKinds'
  | 'levels'
  | 'instructionLevels'
  | 'adoptionLevels';

/** The meeting kinds a named group of meetings counts (常委会议 includes 专题议政性常委会议). */
export type MeetingGroup = 'standingCommittee' | 'consultations';

export const MEETING_GROUPS: Record<MeetingGroup, { label: string; kinds: readonly string[] }> = {
  standingCommittee: { label: '常委会议（含专题议政性常委会议）', kinds: ['常委会议', '专题议政性常委会议'] },
  consultations: { label: '各类协商会', kinds: ['双月协商座谈会', '专题协商会', '对口协商会', '界别协商会', '提案办理协商会'] },
};

export const VOCABULARY_LISTS: readonly VocabularyList[] = [
  {
    key: 'meetingKinds',
    label: '会议类型',
    defaults: [
      '全体会议',
      '常委会议',
      '专题议政性常委会议',
      '主席会议',
      '秘书长会议',
      '党组会议',
      '双月协商座谈会',
      '专题协商会',
      '对口协商会',
      '界别协商会',
      '提案办理协商会',
      '其他会议',
    ],
  },
  { key: 'researchKinds', label: '调研视察类别', defaults: ['调研', '视察', '督查', '民主监督'] },
  { key: 'leadBodyKinds', label: '牵头单位类别', defaults: ['主席会议', '专委会', '党派', '团体', '界别', '委员', '机关'] },
  { key: 'submitterKinds', label: '提案者类别', defaults: ['委员', '联名', '党派', '团体', '界别', '专委会'] },
  { key: 'levels', label: '组织层级', defaults: ['全国', '省', '市', '区', '县', '旗', '州', '盟'] },
  { key: 'instructionLevels', label: '批示领导的层级', defaults: ['中央', '全国政协', '省', '市', '区', '县'] },
  {
    key: 'adoptionLevels',
    label: '社情民意信息的采用单位',
    defaults: ['全国政协', '省政协', '省委', '省政府', '市政协', '市委', '市政府', '区政协', '区委', '区政府', '县政协', '县委', '县政府'],
  },
];

export type Vocabulary = Record<VocabularyKey, readonly string[]> & {
  /** The meeting kinds of each named group, with the organisation's own kinds added where it says. */
  meetingGroups: Record<MeetingGroup, readonly string[]>;
};

/** An organisation's extension of the meeting kinds: a name, or a name and the group it counts in. */
export type MeetingKindExtension = string | { name: string; group?: MeetingGroup };

/** The defaults, each followed by what the organisation added (in its order, without repeats). */
export function vocabularyOf(extensions: Partial<Record<VocabularyKey, readonly MeetingKindExtension[]>> = {}): Vocabulary {
  const lists = Object.fromEntries(
    VOCABULARY_LISTS.map((list) => {
      const added = (extensions[list.key] ?? []).map((e) => (typeof e === 'string' ? e : e.name));
      return [list.key, [...new Set([...list.defaults, ...added])]];
    }),
  ) as unknown as Record<VocabularyKey, readonly string[]>;
  const groups = Object.fromEntries(
    Object.entries(MEETING_GROUPS).map(([group, { kinds }]) => {
      const added = (extensions.meetingKinds ?? []).flatMap((e) => (typeof e === 'object' && e.group === group ? [e.name] : []));
      return [group, [...kinds, ...added]];
    }),
  ) as unknown as Record<MeetingGroup, readonly string[]>;
  return { ...lists, meetingGroups: groups };
}

export const DEFAULT_VOCABULARY = vocabularyOf();
