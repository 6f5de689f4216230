/**
 * CSV as Excel opens it correctly: UTF-8 with a byte-order mark (without one, Chinese Excel
 * reads the file as GBK and shows nonsense), or GBK for older systems. RFC 4180 quoting and CRLF.
 */
import iconv from 'iconv-lite';
import { plainText, type OutCell } from './write-values.js';

export function writeCsv(headers: string[], rows: OutCell[][], encoding: 'utf-8' | 'gbk', dateFormat: 'iso' | 'chinese'): Uint8Array {
  const lines = [headers.map((h) => field(h, false)), ...rows.map((r) => r.map((c) => field(plainText(c, dateFormat), c.kind === 'text')))];
  const text = lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') {
    // GB18030 is GBK for every character GBK has, and has the rest too: nothing becomes “?”.
    return new Uint8Array(iconv.encode(text, 'gb18030'));
  }
  const body = Buffer.from(text, 'utf8');
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

function field(value: string, isText: boolean): string {
  // Excel runs text that starts with = + - @ as a formula (“CSV injection”): a leading
  // apostrophe keeps it text; readWorkbook takes the apostrophe off again.
  const guarded = isText && /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
