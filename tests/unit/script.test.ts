/** Traditional script: text runs are converted, numbers are copied through byte for byte. */
import { describe, expect, it } from 'vitest';
import { textRuns, toScript } from '../../src/render/script.js';

describe('--script hant', () => {
  it('splits text into word runs and number runs', () => {
    expect(textRuns('提案232件，占比37.1%，2024年1月8日，25～30人')).toEqual([
      { text: '提案', number: false },
      { text: '232', number: true },
      { text: '件，占比', number: false },
      { text: '37.1%', number: true },
      { text: '，', number: false },
      { text: '2024', number: true },
      { text: '年', number: false },
      { text: '1', number: true },
      { text: '月', number: false },
      { text: '8', number: true },
      { text: '日，', number: false },
      { text: '25～30', number: true },
      { text: '人', number: false },
    ]);
  });

  it('converts the words to traditional characters and leaves the numbers and the Markdown alone', async () => {
    const simplified = '**（一）坚持和加强党的全面领导。**{.run-in}市政协召开会议62次，提出意见建议139条，办结率92.7%。\n\n——2024年1月8日 {.subtitle}\n';
    const traditional = await toScript(simplified, 'hant');
    expect(traditional).toBe('**（一）堅持和加強黨的全面領導。**{.run-in}市政協召開會議62次，提出意見建議139條，辦結率92.7%。\n\n——2024年1月8日 {.subtitle}\n');
    const numbers = (s: string) => textRuns(s).filter((r) => r.number).map((r) => r.text);
    expect(numbers(traditional)).toEqual(numbers(simplified));
    expect(await toScript(simplified, 'hans')).toBe(simplified);
  });
});
