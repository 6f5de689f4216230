/**
 * The text rules of the spreadsheet library, kept exactly as it applies them to an .xlsx's XML,
 * so that reading a workbook without the library (xlsx-parts.ts) gives the same strings and the
 * same displayed numbers, quirks included: a numeric reference makes one UTF-16 unit, Excel's
 * `_xHHHH_` escapes are undone after the entities, CR LF becomes LF in cell text, and an
 * attribute's name loses its namespace prefix and anything after an underscore.
 */

/** Attributes of a start tag as the library reads them (its parsexmltag with the root skipped). */
export function tagAttributes(tag: string): Record<string, string> {
  const z: Record<string, string> = Object.create(null) as Record<string, string>;
  let eq = 0;
  for (; eq !== tag.length; ++eq) {
    const c = tag.charCodeAt(eq);
    if (c === 32 || c === 10 || c === 13) break;
  }
  if (eq === tag.length) return z;
  for (const m of tag.match(ATTRIBUTE) ?? []) {
    const cc = m.slice(1);
    let c = cc.indexOf('=');
    let q = cc.slice(0, c).trim();
    while (cc.charCodeAt(c + 1) === 32) ++c;
    const quote = cc.charCodeAt(c + 1) === 34 || cc.charCodeAt(c + 1) === 39 ? 1 : 0;
    const v = cc.slice(c + 1 + quote, cc.length - quote);
    const colon = q.indexOf(':');
    if (colon < 0) {
      if (q.indexOf('_') > 0) q = q.slice(0, q.indexOf('_'));
    } else {
      const k = (colon === 5 && q.startsWith('xmlns') ? 'xmlns' : '') + q.slice(colon + 1);
      if (z[k] && q.slice(colon - 3, colon) === 'ext') continue;
      q = k;
    }
    z[q] = v;
    z[q.toLowerCase()] = v;
  }
  return z;
}

const ATTRIBUTE = /\s([^"\s?>/]+)\s*=\s*((?:")([^"]*)(?:")|(?:')([^']*)(?:')|([^'">\s]+))/g;
/** Every tag, as the library finds them. */
export const TAG = /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm;

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE = /_x([\da-fA-F]{4})_/gi;
const NAMED: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };

/** XML text as the library decodes it (its unescapexml; CDATA sections are refused before this). */
export function xmlText(text: string, cell = false): string {
  // Most text has nothing to decode.
  if (text.indexOf('&') < 0 && text.indexOf('_') < 0) return cell && text.indexOf('\r') >= 0 ? text.replace(/\r\n/g, '\n') : text;
  const out = text
    .replace(ENTITY, (all: string, code: string | undefined) => NAMED[all] || String.fromCharCode(parseInt(code!, all.indexOf('x') > -1 ? 16 : 10)) || all)
    .replace(CODE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return cell ? out.replace(/\r\n/g, '\n') : out;
}

/** The first element named `tag` (any prefix): the whole of it and its content; the library's str_match_xml_ns. */
export function firstElement(text: string, tag: string): [whole: string, content: string, at: number] | undefined {
  let pair = ELEMENT.get(tag);
  if (!pair) ELEMENT.set(tag, (pair = [new RegExp(`<(?:\\w+:)?${tag}\\b[^<>]*>`, 'g'), new RegExp(`</(?:\\w+:)?${tag}>`, 'g')]));
  const [open, close] = pair;
  open.lastIndex = 0;
  const m = open.exec(text);
  if (!m) return undefined;
  close.lastIndex = open.lastIndex;
  const e = close.exec(text);
  if (!e) return undefined;
  return [text.slice(m.index, close.lastIndex), text.slice(open.lastIndex, e.index), m.index];
}

/** Start and end patterns by element name, made once (a sheet asks for every cell's `<v>` and `<f>`). */
const ELEMENT = new Map<string, [RegExp, RegExp]>();

const SI_OPEN = /<(?:\w+:)?(?:si|sstItem)>/g;
const SI_CLOSE = /<\/(?:\w+:)?(?:si|sstItem)>/;
const RUN_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const RUN = /<(?:\w+:)?r\b[^<>]*>/;

/** The shared strings; an entry is undefined where the library finds no text. */
export function sharedStrings(xml: string): (string | undefined)[] {
  const sst = firstElement(xml, 'sst');
  if (!sst) return [];
  return sst[1].replace(SI_OPEN, '').split(SI_CLOSE).map((s) => stringItem(s.trim()));
}

/** One `<si>` or `<is>`: plain text, or rich-text runs joined, phonetic guides (`<rPh>`) left out. */
export function stringItem(x: string): string | undefined {
  if (!x) return '';
  if (/^\s*<(?:\w+:)?t[^>]*>/.test(x)) return xmlText(x.slice(x.indexOf('>') + 1).split(/<\/(?:\w+:)?t>/)[0] || '', true);
  if (!RUN.test(x)) return undefined;
  const kept = withoutPhonetic(x);
  if (kept === undefined) throw new Error('unclosed phonetic run');
  return xmlText((kept.match(RUN_TEXT) ?? []).join('').replace(TAG, ''), true);
}

function withoutPhonetic(x: string): string | undefined {
  const open = /<(?:\w+:)?rPh\b[^<>]*>/g;
  const close = /<\/(?:\w+:)?rPh>/g;
  const out: string[] = [];
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = open.exec(x))) {
    out.push(x.slice(from, m.index));
    close.lastIndex = open.lastIndex;
    if (!close.exec(x)) return undefined;
    from = close.lastIndex;
    open.lastIndex = close.lastIndex;
  }
  out.push(x.slice(from));
  return out.join('');
}

/** A number in the General format, as Excel (and the library) shows it: at most 11 characters. */
export function generalNumber(v: number): string {
  if ((v | 0) === v) return v.toString(10);
  if (!isFinite(v)) return isNaN(v) ? '#NUM!' : '#DIV/0!';
  const V = Math.floor(Math.log(Math.abs(v)) * Math.LOG10E);
  let o: string;
  if (V >= -4 && V <= -1) o = v.toPrecision(10 + V);
  else if (Math.abs(V) <= 9) o = smallExponent(v);
  else if (V === 10) o = v.toFixed(10).substring(0, 12);
  else o = largeExponent(v);
  return stripDecimal(normalizeExponent(o.toUpperCase()));
}

function stripDecimal(o: string): string {
  return o.indexOf('.') === -1 ? o : o.replace(/(?:\.0*|(\.\d*[1-9])0+)$/, '$1');
}

function normalizeExponent(o: string): string {
  if (o.indexOf('E') === -1) return o;
  return o.replace(/(?:\.0*|(\.\d*[1-9])0+)[Ee]/, '$1E').replace(/(E[+-])(\d)$/, '$10$2');
}

function smallExponent(v: number): string {
  const w = v < 0 ? 12 : 11;
  let o = stripDecimal(v.toFixed(12));
  if (o.length <= w) return o;
  o = v.toPrecision(10);
  if (o.length <= w) return o;
  return v.toExponential(5);
}

function largeExponent(v: number): string {
  const o = stripDecimal(v.toFixed(11));
  return o.length > (v < 0 ? 12 : 11) || o === '0' || o === '-0' ? v.toPrecision(6) : o;
}
