/**
 * Turns file bytes into text. Offices save with Windows editors, so besides UTF-8 we accept a
 * byte-order mark, UTF-16 and GBK/GB18030; anything else is refused, never misread.
 */
import { Buffer, isUtf8 } from 'node:buffer';

export interface Decoded {
  text: string;
  /** Set when the file was not plain UTF-8, to tell the user what was read. */
  encoding?: 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
  error?: string;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strict('utf-8', bytes.subarray(3), 'utf-8-bom');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2), 'utf-16be');
  // UTF-16 without a mark still shows as NUL bytes in every other position for CJK-free text.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0) return strict('utf-16le', bytes, 'utf-16le');
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0) return strict('utf-16be', bytes, 'utf-16be');
  // Plain UTF-8, the common case, is checked and decoded natively: several times faster than a
  // strict TextDecoder, with the same text (no byte-order mark is left to strip here).
  if (isUtf8(bytes)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.indexOf(0) >= 0) return { text: '', error: '文件中含有 NUL 字节，不是文本文件' };
    return { text: buffer.toString('utf8') };
  }
  const gb = strict('gb18030', bytes, 'gb18030');
  if (!gb.error && !gb.text.includes('\u0000')) return gb;
  return { text: '', error: '既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16 编码' };
}

function strict(label: string, bytes: Uint8Array, encoding?: Decoded['encoding']): Decoded {
  try {
    const text = new TextDecoder(label, { fatal: true }).decode(bytes);
    return encoding ? { text, encoding } : { text };
  } catch {
    return { text: '', error: `按 ${label.toUpperCase()} 解码失败` };
  }
}
