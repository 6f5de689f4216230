/**
 * Turns file bytes into text. Offices save with Windows editors, so besides UTF-8 we accept a
 * byte-order mark, UTF-16 and GBK/GB18030 (what Excel and Notepad on Chinese Windows write).
 * Anything else is refused, never misread: Big5, Shift-JIS, EUC-KR and Windows-1252 bytes are
 * nearly always valid GBK too, and read as GBK they give fluent-looking nonsense. So GBK is
 * accepted only when a detector (chardet, which weighs how often each character occurs in real
 * text of each language) says the bytes are GB text, or, for snippets too short to weigh, when
 * they keep to the common characters of GB2312.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type * as Chardet from 'chardet';

/** The detector, required on first use: plain UTF-8, nearly every file, never needs it. */
let detector: typeof Chardet | undefined;
const chardet = (): typeof Chardet => (detector ??= createRequire(import.meta.url)('chardet') as typeof Chardet);

export interface Decoded {
  text: string;
  /** Set when the file was not plain UTF-8, to tell the user what was read. */
  encoding?: 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Why the bytes were refused, in Chinese; text is then empty. */
  error?: string;
  /** When refused: the encoding the bytes most look like, named for users (e.g. “Big5（繁体中文）”). */
  suspected?: string;
}

/** chardet reads this much: its statistics settle long before, and a 16 MB file stays fast. */
const SAMPLE_BYTES = 64 * 1024;
/** chardet's confidence (0–100) from which its word is taken. */
const CONFIDENT = 50;
/** Below this no other encoding is a real contender, and GB2312's profile may decide. */
const UNSURE = 30;
/** Fewer non-ASCII bytes than this (eight Chinese characters) are too few to name an encoding by. */
const TOO_FEW = 16;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes.subarray(3), 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2), 'utf-16be');
  // UTF-16 without a mark still shows as NUL bytes in every other position where the text is
  // ASCII, as data files start (`proposals:`); checked over the whole text below.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return unmarkedUtf16('utf-16le', bytes);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return unmarkedUtf16('utf-16be', bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(0) >= 0) return refuse('文件中含有 NUL 字节，不是文本文件');
  // Plain UTF-8, the common case, is checked and decoded natively: several times faster than a
  // strict TextDecoder, with the same text (no byte-order mark is left to strip here).
  if (isUtf8(bytes)) {
    // The seven-bit encodings below are told by shift marks (~{, ESC $) in ASCII, which UTF-8
    // writes as those bytes: looked for in the bytes, the text is decoded only when first asked
    // for. A file the parse cache holds may never need it (load/yaml.ts, heldValue), and a
    // national year's 8 MB took a third of a validate run again to decode.
    if (buffer.indexOf('~{') < 0 && buffer.indexOf('\x1b$') < 0) return textWhenAsked(buffer);
    const text = buffer.toString('utf8');
    const seven = sevenBitChinese(text);
    return seven ? refuse(`看起来是 ${seven}编码，不是 UTF-8 或 GBK；为免读错，没有读取`, seven) : { text };
  }
  return decodeLegacy(bytes);
}

/** Plain UTF-8, decoded when `text` is first read. */
function textWhenAsked(buffer: Buffer): Decoded {
  let text: string | undefined;
  return {
    get text() {
      return (text ??= buffer.toString('utf8'));
    },
  };
}

function decodeLegacy(bytes: Uint8Array): Decoded {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (mostlyUtf8(bytes)) return brokenUtf8(bytes);
  const matches = chardet().analyse(sample);
  const top = matches[0];
  const gb = matches.find((m) => m.name === 'GB18030')?.confidence ?? 0;
  const rival = matches.find((m) => m.name !== 'GB18030' && m.confidence > gb);
  const confident = !rival && gb >= CONFIDENT;
  // On a few characters every detector guesses; then only a strong guess counts against GB2312's profile.
  const short = nonAscii(sample) < TOO_FEW;
  const unsure = !matches.some((m) => m.name !== 'GB18030' && m.confidence >= (short ? CONFIDENT : UNSURE));
  if (confident || (unsure && looksLikeGb2312(sample))) {
    const decoded = strict('gb18030', bytes, 'gb18030');
    if (decoded.error === undefined) return decoded;
  }
  if (short) {
    return refuse('其中非英文的文字太少，无法确定是哪种编码（可能是 GBK、Big5 或其他编码）；为免读错，没有读取');
  }
  if (top?.name === 'GB18030' && top.confidence >= UNSURE) {
    return refuse('可能是 GBK/GB18030 编码，但无法确定（其中的文字不像常见的简体中文）；为免读错，没有读取', 'GBK/GB18030');
  }
  const name = top && top.confidence >= UNSURE ? ENCODING_NAMES[top.name] : undefined;
  // No space between a closing full-width bracket and the next Chinese word.
  if (name) return refuse(`看起来是 ${name}${name.endsWith('）') ? '' : ' '}编码，不是 UTF-8 或 GBK；为免读错，没有读取`, name);
  return refuse('既不是 UTF-8，也不能确定是 GBK/GB18030 或 UTF-16；为免读错，没有读取');
}

/**
 * HZ-GB-2312 and ISO-2022-CN write Chinese in ASCII bytes between shift marks (`~{…~}`, ESC $ A),
 * so they pass as UTF-8 and would be read as strings of Latin letters and punctuation.
 */
function sevenBitChinese(text: string): string | undefined {
  // Looked for only where the shift mark is there at all: a plain search is several times faster on 8 MB.
  if (text.includes('~{') && /~\{(?:[\x21-\x77][\x21-\x7e]){2,}/.test(text)) return 'HZ-GB-2312（简体中文的旧式七位编码）';
  if (text.includes('\x1b$') && /\x1b\$\)?[AGH]/.test(text)) return 'ISO-2022-CN（中文的旧式七位编码）';
  return undefined;
}

/** How chardet's names are told to users. */
const ENCODING_NAMES: Record<string, string> = {
  Big5: 'Big5（繁体中文，台湾、香港常用）',
  Shift_JIS: 'Shift-JIS（日文）',
  'EUC-JP': 'EUC-JP（日文）',
  'ISO-2022-JP': 'ISO-2022-JP（日文）',
  'EUC-KR': 'EUC-KR（韩文）',
  'ISO-2022-KR': 'ISO-2022-KR（韩文）',
  'ISO-2022-CN': 'ISO-2022-CN',
  'ISO-8859-1': 'Windows-1252/ISO-8859-1（西欧文字）',
  'windows-1252': 'Windows-1252/ISO-8859-1（西欧文字）',
  'ISO-8859-2': 'ISO-8859-2（中欧文字）',
  'windows-1250': 'Windows-1250（中欧文字）',
  'ISO-8859-5': 'ISO-8859-5（俄文）',
  'windows-1251': 'Windows-1251（俄文）',
  'KOI8-R': 'KOI8-R（俄文）',
  'ISO-8859-6': 'ISO-8859-6（阿拉伯文）',
  'windows-1256': 'Windows-1256（阿拉伯文）',
  'ISO-8859-7': 'ISO-8859-7（希腊文）',
  'ISO-8859-8': 'ISO-8859-8（希伯来文）',
  'ISO-8859-9': 'ISO-8859-9（土耳其文）',
  'UTF-16LE': 'UTF-16 LE（没有 BOM）',
  'UTF-16BE': 'UTF-16 BE（没有 BOM）',
  'UTF-32LE': 'UTF-32',
  'UTF-32BE': 'UTF-32',
};

/**
 * Whether every two-byte character is Chinese punctuation, a full-width form or a GB2312 hanzi,
 * at least two of them hanzi and most of those of GB2312's first level (the 3,755 most common):
 * true of nearly any short Simplified Chinese text, and of few texts in other encodings (Big5
 * puts about 4 in 10 trail bytes below 0xA1, GB2312 none, and its punctuation is in 0xA1 0x40–0x7E).
 */
function looksLikeGb2312(bytes: Uint8Array): boolean {
  let hanzi = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (trail === undefined) break; // cut off by the sample
    i++;
    if (trail < 0xa1 || trail > 0xfe) return false;
    if (lead >= 0xa1 && lead <= 0xa3) continue; // punctuation, numbers, full-width forms
    if (lead < 0xb0 || lead > 0xf7) return false;
    hanzi++;
    if (lead <= 0xd7) common++;
  }
  return hanzi >= 2 && common >= hanzi * 0.8;
}

/** Bytes of the sample outside ASCII: below a few characters' worth, no detector can name an encoding. */
function nonAscii(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b >= 0x80) n++;
  return n;
}

/**
 * Whether the bytes are UTF-8 but for a few stray bytes (a cut-off file, a pasted Latin-1 word).
 * GBK or Big5 text read as UTF-8 breaks at nearly every character, so ten good characters of
 * UTF-8 for each broken one is no accident.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (const ch of new TextDecoder('utf-8').decode(bytes)) {
    if (ch === '\ufffd') bad++;
    else if (ch.codePointAt(0)! >= 0x80) good++;
  }
  return bad > 0 && good >= bad * 10;
}

function brokenUtf8(bytes: Uint8Array): Decoded {
  const at = firstInvalidUtf8(bytes);
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  const where = at >= bytes.length - 3 ? '文件末尾不完整（可能没有保存完或被截断）' : `第 ${line} 行有不是 UTF-8 的字节（可能混入了别的编码的文字）`;
  return refuse(`文件大体是 UTF-8，但${where}；为免读错，没有读取`, 'UTF-8');
}

/** Index of the first byte that breaks UTF-8 (bytes.length when none does). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // The longest prefix that is UTF-8 but for a character cut at its end, by halving.
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid;
    }
  }
  return low;
}

function refuse(error: string, suspected?: string): Decoded {
  return suspected === undefined ? { text: '', error } : { text: '', error, suspected };
}

/** Binary data can look like unmarked UTF-16; text of a real file has no control characters but tab and line ends. */
function unmarkedUtf16(label: 'utf-16le' | 'utf-16be', bytes: Uint8Array): Decoded {
  const decoded = strict(label, bytes, label);
  if (decoded.error === undefined && /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(decoded.text)) {
    return refuse('文件中含有 NUL 字节，不是文本文件');
  }
  return decoded;
}

function strict(label: string, bytes: Uint8Array, encoding?: Decoded['encoding']): Decoded {
  try {
    const text = new TextDecoder(label, { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) return refuse('文件中含有 NUL 字节，不是文本文件');
    return encoding ? { text, encoding } : { text };
  } catch {
    return refuse(`按 ${label.toUpperCase()} 解码失败`);
  }
}
