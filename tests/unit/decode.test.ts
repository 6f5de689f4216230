/**
 * decode() with real bytes of each encoding, made with iconv-lite: UTF-8 and GBK are read, and
 * encodings whose bytes GBK would also accept (Big5, Shift-JIS, EUC-KR, Windows-1252) are refused
 * with their name, never built into garbled text.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/load/decode.js';

const SIMPLIFIED = `proposals:
  - {id: P2023-001, title: 关于加快老旧小区改造的建议, submitter: 委员, by: 张三, sector: 经济界, category: 民生和社会事业}
  - {id: P2023-002, title: 关于推进乡村振兴产业发展的建议, submitter: 党派, by: 民盟市委, sector: 中国民主同盟, category: 经济建设}
`;
const TRADITIONAL = `proposals:
  - {id: P2023-001, title: 關於加快老舊小區改造的建議, submitter: 委員, by: 張三, sector: 經濟界}
  - {id: P2023-002, title: 關於推進鄉村振興產業發展的建議, submitter: 黨派, by: 民盟市委}
`;
const JAPANESE = 'proposals:\n  - {id: 1, title: 高齢者福祉の充実について, by: 山田太郎}\n  - {id: 2, title: 子育て支援の拡充に関する提案, by: 佐藤花子}\n';
const KOREAN = 'proposals:\n  - {id: 1, title: 노인 복지 향상에 관한 제안, by: 김철수}\n  - {id: 2, title: 청년 일자리 창출 방안, by: 이영희}\n';
const FRENCH =
  'proposals:\n  - {id: 1, title: Amélioration des écoles élémentaires et des crèches, by: François Müller}\n  - {id: 2, title: Réforme des retraites à l’échéance prévue, by: Zoë Lefèvre, déposée le 3 février}\n';

describe('decode: what is read', () => {
  it('reads UTF-8 with or without a byte-order mark', () => {
    expect(decode(Buffer.from(SIMPLIFIED))).toEqual({ text: SIMPLIFIED });
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)]))).toEqual({ text: SIMPLIFIED, encoding: 'utf-8-bom' });
  });
  it('reads UTF-16 with a byte-order mark, both byte orders', () => {
    expect(decode(iconv.encode(SIMPLIFIED, 'utf-16le', { addBOM: true }))).toEqual({ text: SIMPLIFIED, encoding: 'utf-16le' });
    expect(decode(iconv.encode(SIMPLIFIED, 'utf-16be', { addBOM: true }))).toEqual({ text: SIMPLIFIED, encoding: 'utf-16be' });
  });
  it('reads GBK and GB18030 text, Simplified or Traditional characters, long or as short as one word', () => {
    for (const [text, encoding] of [
      [SIMPLIFIED, 'gbk'],
      [SIMPLIFIED, 'gb18030'],
      [TRADITIONAL, 'gbk'],
      ['关于养老', 'gbk'],
      ['提案号,案由\r\nP1,关于养老服务的建议\r\n', 'gbk'],
      // Beyond GBK: a four-byte GB18030 character.
      ['提案人：𠀀张三，关于养老服务的建议', 'gb18030'],
    ] as const) {
      expect(decode(iconv.encode(text, encoding))).toEqual({ text, encoding: 'gb18030' });
    }
  });
});

describe('decode: what is refused, and named', () => {
  it('refuses Big5, Shift-JIS, EUC-JP, EUC-KR and Windows-1252 instead of reading them as GBK', () => {
    for (const [text, encoding, named] of [
      [TRADITIONAL, 'big5', 'Big5'],
      [SIMPLIFIED.replace(/[^\x00-\x7f\u4e00-\u9fff]/g, ''), 'big5', 'Big5'],
      [JAPANESE, 'shift_jis', 'Shift-JIS'],
      [JAPANESE, 'euc-jp', 'EUC-JP'],
      [KOREAN, 'euc-kr', 'EUC-KR'],
      [FRENCH, 'windows-1252', 'Windows-1252'],
    ] as const) {
      const bytes = iconv.encode(text, encoding);
      const decoded = decode(bytes);
      expect(decoded.text, `${encoding} must not be read`).toBe('');
      expect(decoded.error).toContain(named);
      expect(decoded.suspected).toContain(named);
      expect(decoded.error).toMatch(/^看起来是 .+编码，不是 UTF-8 或 GBK；为免读错，没有读取$/);
    }
  });
  it('refuses too few characters to tell GBK from Big5 without naming a guess, but reads two common hanzi', () => {
    const big5 = decode(iconv.encode('title: 關於\n', 'big5'));
    expect(big5.text).toBe('');
    expect(big5.error).toContain('文字太少');
    expect(big5.suspected).toBeUndefined();
    expect(decode(iconv.encode('title: 立案\n', 'gbk'))).toEqual({ text: 'title: 立案\n', encoding: 'gb18030' });
  });
  it('says where a UTF-8 file breaks: a cut-off end, or a stray byte on a given line', () => {
    const whole = Buffer.from(`${SIMPLIFIED}# 关于养老`);
    const cut = decode(whole.subarray(0, whole.length - 1));
    expect(cut.error).toContain('文件末尾不完整');
    const mixed = Buffer.concat([Buffer.from(SIMPLIFIED), Buffer.from('  - {id: P3, title: caf'), Buffer.from([0xe9]), Buffer.from('}\n'), Buffer.from(SIMPLIFIED)]);
    const stray = decode(mixed);
    expect(stray.text).toBe('');
    expect(stray.error).toContain('第 4 行');
  });
  it('refuses binary data', () => {
    expect(decode(Buffer.from('abc\u0000def\u0000ghi', 'utf8')).error).toContain('NUL');
    expect(decode(Buffer.from([0x80, 0xff, 0x80, 0xff, 0x30])).error).toBeDefined();
    expect(decode(Buffer.from([0x41, 0x00, 0x01, 0x00, 0x02, 0x00])).error).toBeDefined();
  });
  it('refuses Chinese in seven-bit encodings, which pass for UTF-8', () => {
    // 提案 in GB2312 less the high bit, between HZ's shift marks, and after ISO-2022-CN's designation.
    expect(decode(Buffer.from('title: ~{La08~}\n')).suspected).toContain('HZ-GB-2312');
    expect(decode(Buffer.from('title: \x1b$)A\x0eLa08\x0f\n')).suspected).toContain('ISO-2022-CN');
    // A tilde or an escape alone is text.
    expect(decode(Buffer.from('title: ~{a\n'))).toEqual({ text: 'title: ~{a\n' });
  });
});
