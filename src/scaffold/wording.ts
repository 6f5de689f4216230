/**
 * The political wording a first year's sample narrative starts from (`report init`): the
 * formulations a report on a year, delivered early the next year, uses for that year's review
 * and for the plan of the year after. Changes with each plenary of the Central Committee, each
 * major speech and each year's political task, so a secretariat checks it against the year's
 * documents every year (README, “每年更新的政治表述”); this table only gives a new organisation a
 * current starting point. A year past the table gets the latest entry's wording, marked to check.
 */

export interface YearWording {
  /** What the year's work followed, after 坚持以习近平新时代中国特色社会主义思想为指导. */
  guidance: string;
  /** The year's main political task (主题教育, 学习教育…), as the review names it. */
  task: string;
  /** What the plan year is, opening the plan part: 2024年是…. */
  planYear: string;
  /** What the plan year's work follows, after 坚持以习近平新时代中国特色社会主义思想为指导. */
  planGuidance: string;
}

const CPPCC_THOUGHT = '深入贯彻习近平总书记关于加强和改进人民政协工作的重要思想';

/** By the year reported on. */
const WORDING: Record<number, YearWording> = {
  2023: {
    guidance: `全面贯彻党的二十大和二十届二中全会精神，${CPPCC_THOUGHT}`,
    task: '扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育',
    planYear: '中华人民共和国成立75周年，也是人民政协成立75周年',
    planGuidance: `全面贯彻党的二十大和二十届二中全会精神，${CPPCC_THOUGHT}`,
  },
  2024: {
    guidance: `全面贯彻党的二十大和二十届二中、三中全会精神，${CPPCC_THOUGHT}和在庆祝中国人民政治协商会议成立75周年大会上的重要讲话精神`,
    task: '扎实开展党纪学习教育',
    planYear: '“十四五”规划的收官之年，也是进一步全面深化改革的重要一年',
    planGuidance: `全面贯彻党的二十大和二十届二中、三中全会精神，${CPPCC_THOUGHT}和在庆祝中国人民政治协商会议成立75周年大会上的重要讲话精神`,
  },
  2025: {
    guidance: `全面贯彻党的二十大和二十届历次全会精神，${CPPCC_THOUGHT}`,
    task: '扎实开展深入贯彻中央八项规定精神学习教育',
    planYear: '“十五五”规划的开局之年',
    planGuidance: `全面贯彻党的二十大和二十届历次全会精神，${CPPCC_THOUGHT}`,
  },
};

const KNOWN = Object.keys(WORDING).map(Number).sort((a, b) => a - b);

/** The wording for a report on `year`, and whether it is the table's own entry for that year. */
export function yearWording(year: number): { wording: YearWording; current: boolean } {
  const own = WORDING[year];
  if (own) return { wording: own, current: true };
  const nearest = year < KNOWN[0]! ? KNOWN[0]! : KNOWN.at(-1)!;
  return { wording: WORDING[nearest]!, current: false };
}
