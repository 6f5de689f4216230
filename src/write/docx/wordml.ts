// Writing WordprocessingML as text: elements, attributes and the properties (w:pPr, w:rPr) this
// writer uses, in the order and form ECMA-376 gives them and the docx library wrote them (the
// documents stay byte-identical to the ones made with that library; differential.test.ts).

/** XML escaping of attribute values and text: the five entities, and no control characters (XML 1.0 has none of them). */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
export const escape = (value: string): string => value.replace(ESCAPED, (c) => ESCAPES[c] ?? '');

type Value = string | number | boolean | undefined;

/** `<name a="…" …/>` or `<name …>content</name>`; attributes whose value is undefined are left out. */
export function el(name: string, attributes: ReadonlyArray<readonly [string, Value]> = [], content = ''): string {
  let open = `<${name}`;
  for (const [key, value] of attributes) if (value !== undefined) open += ` ${key}="${typeof value === 'string' ? escape(value) : String(value)}"`;
  return content === '' ? `${open}/>` : `${open}>${content}</${name}>`;
}

/** An on/off property: `<w:b/>` when on, `<w:b w:val="false"/>` when off. */
export const onOff = (name: string, on: boolean): string => (on ? `<${name}/>` : `<${name} w:val="false"/>`);

/** Whole numbers as WordprocessingML measures take them (fractions are cut off, as docx cut them). */
export const whole = (n: number): number => {
  if (!Number.isFinite(n)) throw new RangeError(`docx: a measure must be a number, got ${n}`);
  return Math.floor(n);
};
/** A measure that cannot be negative (w:hanging, w:firstLine, w:sz). */
export const unsigned = (n: number): number => {
  const value = whole(n);
  if (value < 0) throw new RangeError(`docx: a measure must not be negative, got ${n}`);
  return value;
};

export interface Fonts {
  ascii?: string;
  hAnsi?: string;
  cs?: string;
  eastAsia?: string;
  hint?: string;
}

const runFontsXml = (f: Fonts): string =>
  el('w:rFonts', [
    ['w:ascii', f.ascii],
    ['w:cs', f.cs],
    ['w:eastAsia', f.eastAsia],
    ['w:hAnsi', f.hAnsi],
    ['w:hint', f.hint],
  ]);

export interface RunProps {
  style?: string;
  font?: Fonts;
  bold?: boolean;
  /** w:spacing of a run, in twips. */
  characterSpacing?: number;
  /** Half points. */
  size?: number;
  sizeComplexScript?: number;
  language?: { value: string; eastAsia: string };
}

/** `<w:rPr>…</w:rPr>`, or nothing when there are no properties. */
export function runPropertiesXml(r: RunProps): string {
  let xml = '';
  if (r.style) xml += el('w:rStyle', [['w:val', r.style]]);
  if (r.font) xml += runFontsXml(r.font);
  if (r.bold !== undefined) xml += onOff('w:b', r.bold) + onOff('w:bCs', r.bold);
  if (r.characterSpacing) xml += el('w:spacing', [['w:val', whole(r.characterSpacing)]]);
  if (r.size !== undefined) xml += el('w:sz', [['w:val', unsigned(r.size)]]);
  const szCs = r.sizeComplexScript ?? r.size;
  if (szCs) xml += el('w:szCs', [['w:val', unsigned(szCs)]]);
  if (r.language) xml += el('w:lang', [['w:val', r.language.value], ['w:eastAsia', r.language.eastAsia]]);
  return xml === '' ? '' : `<w:rPr>${xml}</w:rPr>`;
}

export interface Spacing {
  after?: number;
  before?: number;
  line?: number;
  lineRule?: 'exact' | 'auto';
}

export interface Indent {
  left?: number;
  right?: number;
  hanging?: number;
  firstLine?: number;
  firstLineChars?: number;
}

export interface ParagraphProps {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  spacing?: Spacing;
  indent?: Indent;
  alignment?: string;
  outlineLevel?: number;
}

/** The pPr's elements (without the w:pPr around them). */
export function paragraphPropertiesContent(p: ParagraphProps): string {
  let xml = '';
  if (p.style) xml += el('w:pStyle', [['w:val', p.style]]);
  if (p.keepNext !== undefined) xml += onOff('w:keepNext', p.keepNext);
  if (p.keepLines !== undefined) xml += onOff('w:keepLines', p.keepLines);
  if (p.pageBreakBefore) xml += '<w:pageBreakBefore/>';
  if (p.widowControl !== undefined) xml += onOff('w:widowControl', p.widowControl);
  if (p.spacing) {
    const s = p.spacing;
    xml += el('w:spacing', [
      ['w:after', s.after],
      ['w:before', s.before],
      ['w:line', s.line],
      ['w:lineRule', s.lineRule],
    ]);
  }
  if (p.indent) {
    const i = p.indent;
    xml += el('w:ind', [
      ['w:left', i.left === undefined ? undefined : whole(i.left)],
      ['w:right', i.right === undefined ? undefined : whole(i.right)],
      ['w:hanging', i.hanging === undefined ? undefined : unsigned(i.hanging)],
      ['w:firstLine', i.firstLine === undefined ? undefined : unsigned(i.firstLine)],
      ['w:firstLineChars', i.firstLineChars === undefined ? undefined : whole(i.firstLineChars)],
    ]);
  }
  if (p.alignment) xml += el('w:jc', [['w:val', p.alignment]]);
  if (p.outlineLevel !== undefined) xml += el('w:outlineLvl', [['w:val', p.outlineLevel]]);
  return xml;
}

const paragraphPropertiesXml = (p: ParagraphProps): string => {
  const content = paragraphPropertiesContent(p);
  return content === '' ? '' : `<w:pPr>${content}</w:pPr>`;
};

/** A run of text (the text kept as it is, spaces included), or a line break. */
export const textRunXml = (text: string, props: RunProps = {}): string => `<w:r>${runPropertiesXml(props)}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
export const BREAK_RUN = '<w:r><w:br/></w:r>';

/** A paragraph: `<w:p/>` when it has neither properties nor content. */
export const paragraphXml = (props: ParagraphProps, runs: string): string => {
  const content = paragraphPropertiesXml(props) + runs;
  return content === '' ? '<w:p/>' : `<w:p>${content}</w:p>`;
};
