/**
 * CSV as Excel opens it correctly: UTF-8 with a byte-order mark (without one, Chinese Excel
 * reads the file as GBK and shows nonsense), or GBK for older systems. RFC 4180 quoting and CRLF.
 */
import iconv from 'iconv-lite';
import { FORMULA_START } from '../../load/spreadsheet/types.js';
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
  // Excel runs text that starts with = + - @ (or TAB, CR before them) as a formula (“CSV
  // injection”, OWASP's list): a leading apostrophe keeps it text, and readWorkbook takes one
  // apostrophe off again. Text that already starts with apostrophes before such a character
  // gets one more, so that what is read back is exactly what was written.
  const guarded = isText && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
