/**
 * Where each piece of the writer's prose, and each figure in it, stands in the rendered report:
 * the marks the Word document carries (bookmarks) so that a draft edited in Word can be read back
 * into the prose files (`report absorb`). A figure's place is found by rendering its piece again
 * with a private-use character on each side of every `{{…}}`; when the marked rendering, stripped,
 * is not exactly the real one (a figure inside {{#if}}, a mark that changed how punctuation was
 * normalised), the piece keeps its place but no figure marks — the text is then the only guide.
 */
import type { ProseBlock, ProseText } from '../load/markdown-prose.js';
import type { NarrativeDoc } from '../validate/narrative.js';
import type { CitableContext } from '../compute/context.js';
import type { Engine } from './engine.js';
import { ideographicSpaces, joinLines } from './prose.js';
import { toFullWidth } from './punctuation.js';

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** A `{{name}}` or `{{helper a b}}` that writes a value: not a block, partial, comment or else. */
export const FIGURE_TAG = /\{\{(?!\{)~?\s*(?![#/^!>&]|else\b)([^{}]*?)\s*~?\}\}/g;

/** A figure as the rendered text shows it. */
export interface FigureSpan {
  /** The tag as the prose writes it: {{proposals.total}} */
  tag: string;
  /** What it names: proposals.total, or percent proposals.answeredRate */
  expression: string;
  start: number;
  end: number;
}

/** One rendered piece: its text and the figures in it (none when they could not be placed). */
export interface RenderedPiece {
  text: string;
  figures: FigureSpan[];
}

/**
 * The marked rendering of a piece without blocks, read off its plain rendering (compiled already
 * when the prose was rendered): the words between the tags are known, so what stands between them
 * is each tag's value. Undefined when that cannot be told (two tags side by side, blocks).
 */
function simpleMarked(text: string, tags: RegExpMatchArray[], rendered: string): string | undefined {
  if (/\{\{~?\s*[#^/]|\{\{\{|\{\{~?\s*else\b|\{\{~|~\}\}/.test(text)) return undefined;
  const words: string[] = [];
  let at = 0;
  for (const tag of tags) {
    words.push(text.slice(at, tag.index));
    at = tag.index! + tag[0].length;
  }
  words.push(text.slice(at));
  if (!rendered.startsWith(words[0]!) || !rendered.endsWith(words[words.length - 1]!)) return undefined;
  let out = words[0]!;
  let pos = words[0]!.length;
  for (let k = 0; k < tags.length; k++) {
    const next = words[k + 1]!;
    const last = k === tags.length - 1;
    if (next === '' && !last) return undefined;
    const end = last ? rendered.length - next.length : rendered.indexOf(next, pos);
    if (end < pos) return undefined;
    out += OPEN + rendered.slice(pos, end) + CLOSE + next;
    pos = end + next.length;
  }
  return pos === rendered.length ? out : undefined;
}

function finish(rendered: string, heading: boolean): string {
  const joined = joinLines(toFullWidth(rendered));
  return heading ? joined.replace(/\u3000+/g, '\u3000') : joined;
}

/** Renders one piece of prose as the report prints it, with its figures' places; undefined when it does not render. */
export function renderPiece(text: string, context: CitableContext, engine: Engine, source: string, heading = false): RenderedPiece | undefined {
  const prepared = heading ? ideographicSpaces(text) : text;
  try {
    const rendered = prepared.includes('{{') ? engine.compile(prepared, source)(context) : prepared;
    const plain = finish(rendered, heading);
    const tags = [...prepared.matchAll(FIGURE_TAG)];
    if (tags.length === 0) return { text: plain, figures: [] };
    const raw = (simpleMarked(prepared, tags, rendered) ??
      engine.compile(prepared.replace(FIGURE_TAG, (m) => `${OPEN}${m}${CLOSE}`), source)(context));
    const marked = finish(raw, heading);
    const figures: FigureSpan[] = [];
    let out = '';
    const open: number[] = [];
    for (const ch of marked) {
      if (ch === OPEN) open.push(out.length);
      else if (ch === CLOSE) {
        const start = open.pop();
        const tag = tags[figures.length];
        if (start === undefined || !tag) return { text: plain, figures: [] };
        figures.push({ tag: tag[0], expression: tag[1]!, start, end: out.length });
      } else out += ch;
    }
    // A figure repeated by {{#each}} or left out by {{#if}}: its places are not the tags'.
    if (out !== plain || figures.length !== tags.length || open.length > 0) return { text: plain, figures: [] };
    return { text: plain, figures };
  } catch {
    return undefined;
  }
}

/** A prose block of one narrative file as the report prints it: a bookmark's worth. */
export interface ProseMark {
  /** Bookmark name: rp<file>_<block>. */
  name: string;
  /** The rendered text (lead sentence and paragraph together). */
  text: string;
  /** Bookmark names rf<file>_<block>_<k>, in the order of the block's figures. */
  figures: { name: string; start: number; end: number }[];
}

/** The bookmark name of block `block` of prose file `file` (files numbered in the report kind's order). */
const markName = (file: number, block: number): string => `rp${file}_${block}`;
const figureMarkName = (file: number, block: number, k: number): string => `rf${file}_${block}_${k}`;

/** A prose block rendered: lead and text joined as the paragraph template joins them. */
export interface RenderedBlock {
  block: ProseBlock;
  /** Length of the rendered lead sentence at the start of text (0 without one). */
  leadLength: number;
  text: string;
  figures: FigureSpan[];
}

/** Which blocks of a narrative file the report prints: sections' headings, the title, every paragraph. */
function printed(doc: NarrativeDoc, block: ProseBlock): boolean {
  if (block.type === 'paragraph') return true;
  return block.level >= 2 || (doc.title !== undefined && doc.title.start === block.text.start);
}

export function renderBlock(doc: NarrativeDoc, block: ProseBlock, context: CitableContext, engine: Engine): RenderedBlock | undefined {
  if (!printed(doc, block)) return undefined;
  const source = doc.file.display;
  const one = (t: ProseText, heading: boolean) => renderPiece(t.text, context, engine, source, heading);
  if (block.type === 'heading') {
    const r = one(block.text, true);
    return r && { block, leadLength: 0, ...r };
  }
  const { lead, text } = block.paragraph;
  const body = one(text, false);
  const head = lead ? one(lead, false) : { text: '', figures: [] };
  if (!body || !head) return undefined;
  const shift = head.text.length;
  return { block, leadLength: shift, text: head.text + body.text, figures: [...head.figures, ...body.figures.map((f) => ({ ...f, start: f.start + shift, end: f.end + shift }))] };
}

/** The marks of every printed block of the report's prose files, in file order. */
export function proseMarks(jobs: readonly { doc: NarrativeDoc; context: CitableContext }[], engine: Engine): ProseMark[] {
  const marks: ProseMark[] = [];
  jobs.forEach((job, f) => {
    job.doc.file.blocks.forEach((block, b) => {
      const r = renderBlock(job.doc, block, job.context, engine);
      if (!r || r.text.length < 2) return;
      marks.push({ name: markName(f, b), text: r.text, figures: r.figures.map((x, k) => ({ name: figureMarkName(f, b, k), start: x.start, end: x.end })) });
    });
  });
  return marks;
}

/** The marks in the output's script: the text converted as the report's Markdown is; figures kept
 * only when the conversion kept the text's length (OpenCC converts character for character). */
export async function marksInScript(marks: ProseMark[], script: 'hans' | 'hant'): Promise<ProseMark[]> {
  if (script === 'hans') return marks;
  const { toScript } = await import('./script.js');
  return Promise.all(
    marks.map(async (m) => {
      const text = await toScript(m.text, script);
      return { ...m, text, figures: text.length === m.text.length ? m.figures : [] };
    }),
  );
}
