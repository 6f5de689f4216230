// Where a title may turn to its next line, and what a turn there costs (title-break.ts weighs the
// costs): between the parts of the genre's titles (会议 | 江北省 | 云州市 | 第十届委员会 | …), between
// the levels of a place name, or inside a word.

// Traditional forms of the characters the rules look at, so that a --script hant title breaks
// at the same places (one character for one, so positions carry over).
const SIMPLIFIED: Record<string, string> = {
  會: '会', 議: '议', 區: '区', 縣: '县', 員: '员', 關: '关', 於: '于', 來: '来', 務: '务', 屆: '届',
  報: '报', 級: '级', 屬: '属', 場: '场', 長: '长', 協: '协', 政: '政', 國: '国', 門: '门', 灣: '湾',
};
const normalise = (text: string): string => [...text].map((ch) => SIMPLIFIED[ch] ?? ch).join('');

/** Words never split: a break may fall before or after them, not inside. */
const WORDS = [
  '中国人民政治协商会议',
  '特别行政区',
  '常务委员会',
  '委员会',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '工作报告',
  '工作安排',
  '工作情况',
  // 关于十届一次会议以来…: the period is one phrase ("…会议 / 以来…" reads as two).
  '会议以来',
];
/** A line may end after these (the end of the CPPCC's name, of an organ's name, of a period). */
const MAJOR_AFTER = ['会议', '委员会', '以来'];
/** A line may start with these (关于…的报告; 在…会议上 after the subtitle's date). */
const MAJOR_BEFORE = ['关于', '在'];
/** The last character of a level of a place name (江北省 | 云州市 | 柳塘区). */
const PLACE_END = /[省市区县盟旗州]/;
/** After 市/区/… these continue a word (市委, 县级, 区属, 市场, 市民, 区域, 市长, 市直, 市情, 市中区, 市内). */
const NOT_AFTER_PLACE = /^([委级属场民域长直情中内外]|政府)/;
/** A place name is over when the organisation's name goes on (第十届委员会, 政协, 常务委员会…). */
const AFTER_PLACE_NAME = /^(第|政协|委员会|常务|人民|关于|在|工作|地区)/;

export interface Gap {
  /** Index in the title (in UTF-16 units) where the next line would start. */
  at: number;
  /** 0: between the parts of the title; 1: between the levels of a place name; 2: inside a word. */
  cost: 0 | 1 | 2;
}

/** Every place the title may turn, with what a turn there costs. */
export function gaps(title: string): Gap[] {
  const text = normalise(title);
  const chars = [...text];
  const offsets: number[] = [];
  for (let i = 0, at = 0; i < chars.length; at += chars[i]!.length, i++) offsets.push(at);
  offsets.push(text.length);

  // Positions inside a protected word, a number, or a 第…届 / 第…次 ordinal.
  const inside = new Set<number>();
  const protect = (start: number, end: number) => {
    for (let at = start + 1; at < end; at++) inside.add(at);
  };
  for (const word of WORDS) for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) protect(i, i + word.length);
  for (const m of text.matchAll(/[0-9０-９.．%％]+|第[一二三四五六七八九十百〇零0-9]+[届次]|——|……/g)) protect(m.index, m.index + m[0].length);

  const found: Gap[] = [];
  for (let i = 1; i < chars.length; i++) {
    const at = offsets[i]!;
    const before = text.slice(0, at);
    const after = text.slice(at);
    // Never start a line with closing punctuation nor end one with opening punctuation.
    if (/^[，。、；：？！）》”’…—]/.test(after) || /[（《“‘]$/.test(before)) continue;
    let cost: Gap['cost'] = 2;
    if (!inside.has(at)) {
      if (MAJOR_AFTER.some((w) => before.endsWith(w)) || MAJOR_BEFORE.some((w) => after.startsWith(w))) cost = 0;
      else if (/(自治区|自治州|自治县|自治旗|特别行政区)$/.test(before) || (PLACE_END.test(before.slice(-1)) && !/自治.$/.test(before))) {
        // 州 ends a name only as 自治州 or before the organisation's name (云州市 is one word).
        const plainZhou = before.endsWith('州') && !before.endsWith('自治州');
        if (!NOT_AFTER_PLACE.test(after) && !(plainZhou && !AFTER_PLACE_NAME.test(after))) {
          cost = AFTER_PLACE_NAME.test(after) ? 0 : 1;
        }
      }
    }
    found.push({ at, cost });
  }
  return found;
}
