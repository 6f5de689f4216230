/**
 * `report absorb`: a draft finished in Word comes back into the prose files. The report is built
 * again in memory from the records and the prose as they are, its paragraphs paired with the
 * edited document's (align.ts); each changed block of prose is rewritten from the document's
 * words, keeping the figures whose numbers were left alone (rewrite.ts); added paragraphs go in
 * after the block before them, deleted ones come out. Nothing is written here: the caller shows
 * the difference and writes the files as a set.
 */
import path from 'node:path';
import { diagnostic } from '../diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lineColumn } from '../load/markdown-prose.js';
import { renderReportRun, type ReportRequest } from '../pipeline.js';
import { marksInScript, renderBlock, renderPiece, type RenderedBlock } from '../render/prose-marks.js';
import { joinLines } from '../render/prose.js';
import { toFullWidth } from '../render/punctuation.js';
import { flatten } from '../compute/flatten.js';
import { renderDocx } from '../write/docx/index.js';
import { alignParagraphs } from './align.js';
import { diffText, mapPosition } from './diff.js';
import { checklists, type Checklists } from './checklist.js';
import { NotADocxError, paragraphView, readDraft, type Draft } from './read-docx.js';
import { escapeProse, numbersIn, rewriteBlock } from './rewrite.js';

export interface AbsorbOptions {
  /** Take the pending tracked changes as accepted. */
  acceptChanges?: boolean;
  /** What an overtyped figure becomes: the records' number (the tag stays) or the typed one. */
  overtyped?: 'records' | 'typed';
}

export interface ChangedFile {
  path: string;
  display: string;
  before: string;
  after: string;
}

export interface AbsorbResult extends Checklists {
  diagnostics: Diagnostic[];
  files: ChangedFile[];
}

interface Block {
  file: number;
  block: number;
  rendered: RenderedBlock;
  /** The block's source range in its file (a heading without its `## `). */
  start: number;
  end: number;
  /** Where it starts in its paragraph of the built document. */
  at: number;
}

interface Edit {
  file: number;
  start: number;
  end: number;
  text: string;
  order: number;
}

/** Edited text read as the report would print it: the prose's own normalisation (full-width marks, no spaces between Chinese). */
export const normalise = (text: string, heading: boolean): string => {
  const clean = text.replace(/\u00a0/g, ' ').replace(/[\u200b-\u200d\ufeff\t]/g, '');
  const joined = joinLines(toFullWidth(heading ? clean.replace(/(?<=\S) +(?=\S)/g, '\u3000') : clean));
  return heading ? joined.replace(/\u3000+/g, '\u3000') : joined;
};

const sentenceAt = (text: string, at: number): string => {
  const start = Math.max(0, ...['。', '！', '？', '；'].map((p) => text.lastIndexOf(p, Math.max(0, at - 1)) + 1));
  const ends = ['。', '！', '？', '；'].map((p) => text.indexOf(p, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) + 1 : text.length).trim();
};

export async function absorbDraft(request: ReportRequest, draftBytes: Uint8Array, draftName: string, options: AbsorbOptions = {}): Promise<AbsorbResult> {
  const diagnostics: Diagnostic[] = [];
  const empty = (d: Diagnostic[]): AbsorbResult => ({ diagnostics: d, files: [], pending: [], comments: [] });
  let edited: Draft;
  try {
    edited = await readDraft(draftBytes);
  } catch (error) {
    if (!(error instanceof NotADocxError)) throw error;
    return empty([diagnostic('draftUnreadable', { file: draftName, detail: error.detail }, { file: draftName })]);
  }
  const run = await renderReportRun(request);
  const report = run.report;
  if (!report?.prose || !report.proseMarks || hasErrors(run.diagnostics)) return empty(run.diagnostics);
  const { jobs, engine } = report.prose;
  const built = await readDraft(await renderDocx(report.document, report.layout, await marksInScript(report.proseMarks(), report.document.meta.script)));

  // The blocks of prose by bookmark name.
  const blocks = new Map<string, Omit<Block, 'at'>>();
  jobs.forEach((job, f) =>
    job.doc.file.blocks.forEach((block, b) => {
      const rendered = renderBlock(job.doc, block, job.context, engine);
      if (!rendered) return;
      const start = block.type === 'heading' ? block.text.start : block.paragraph.lead ? block.paragraph.lead.start - 2 : block.paragraph.text.start;
      const text = block.type === 'heading' ? block.text : block.paragraph.text;
      blocks.set(`rp${f}_${b}`, { file: f, block: b, rendered, start, end: text.start + text.text.length });
    }),
  );
  const original = built.paragraphs.map((p) => {
    const view = paragraphView(p, true);
    const here = [...view.bookmarks].flatMap(([name, [at]]) => (blocks.has(name) ? [{ ...blocks.get(name)!, at }] : [])).sort((a, b) => a.at - b.at);
    return { text: view.text, blocks: here, marks: here.map((b) => `rp${b.file}_${b.block}`), heading: p.heading };
  });
  const draft = edited.paragraphs.map((p) => {
    const view = paragraphView(p, options.acceptChanges === true);
    const marks = [...view.bookmarks.keys()].filter((n) => blocks.has(n));
    return { text: normalise(view.text, p.heading), marks, heading: p.heading, lead: normalise(view.text.slice(0, view.boldPrefix), false) };
  });
  const keep = (s: { text: string }) => s.text !== '';
  const O = original.map((o, i) => ({ ...o, i })).filter(keep);
  const E = draft.map((e, j) => ({ ...e, j })).filter(keep);
  const aligned = alignParagraphs(O, E);
  // A draft of another report (another kind or year) pairs little: nothing is written from it.
  if (E.length === 0 || aligned.pairs.length < E.length / 2) return empty([...run.diagnostics, diagnostic('draftNotThisReport', { file: draftName }, { file: draftName })]);

  // A document cut short (a damaged file, a page range saved) would delete the rest of the prose.
  const printed = O.reduce((n, o) => n + o.blocks.length, 0);
  const missing = aligned.deleted.reduce((n, i) => n + O[i]!.blocks.length, 0);
  if (missing > printed / 2) return empty([...run.diagnostics, diagnostic('draftMostlyMissing', { file: draftName, missing, printed }, { file: draftName })]);

  const edits: Edit[] = [];
  let order = 0;
  const files = jobs.map((j) => j.doc.file);
  const at = (b: { file: number; start: number }) => ({ file: files[b.file]!.display, ...lineColumn(files[b.file]!.text, b.start) });
  const cited = new Set([...blocks.values()].flatMap((b) => b.rendered.figures.map((f) => f.expression)));
  const values = flatten(jobs[0]?.context ?? {}).filter((e) => typeof e.value === 'number' || typeof e.value === 'string');
  const flagNumbers = (before: string, after: string, sentenceOf: string, where: { file: number; start: number }) => {
    const had = numbersIn(before);
    for (const n of numbersIn(after)) {
      const k = had.indexOf(n);
      if (k >= 0) {
        had.splice(k, 1);
        continue;
      }
      // The figures with that value, those the prose already cites first.
      const matches = values.filter((v) => String(v.value) === n || String(v.value) === n.replace(/%$/, '')).sort((a, b) => Number(!cited.has(a.name)) - Number(!cited.has(b.name)));
      const suggestion = matches.slice(0, 2).map((m) => `{{${m.name}}}`).join(' 或 ');
      diagnostics.push(diagnostic('handTypedNumber', { number: n, sentence: sentenceAt(sentenceOf, sentenceOf.indexOf(n)), suggestion }, at(where)));
    }
  };
  /** The block's new source from its edited text; problems reported. */
  const rewrite = (b: Omit<Block, 'at'>, text: string): string => {
    if (b.rendered.block.type === 'heading') return text.replace(/\u3000/g, ' ');
    const r = rewriteBlock(b.rendered, text, options.overtyped);
    for (const o of r.overtyped) {
      const args = { name: o.expression, records: o.records, typed: o.typed, sentence: sentenceAt(text, Math.max(0, text.indexOf(o.typed))), where: draftName };
      diagnostics.push(options.overtyped ? diagnostic('overtypedResolved', { ...args, how: options.overtyped }, at(b)) : diagnostic('overtypedFigure', args, at(b)));
    }
    const old = files[b.file]!.text.slice(b.start, b.end);
    flagNumbers(old + r.overtyped.map((o) => ` ${o.typed}`).join(''), r.source, text, b);
    if (/\{\{[#^]/.test(old)) diagnostics.push(diagnostic('figureInConditional', { sentence: sentenceAt(text, 0) }, at(b)));
    checkRendered(b, r.source, r.expected);
    return r.source;
  };
  const checkRendered = (b: Omit<Block, 'at'>, source: string, expected: string) => {
    const lead = /^\*\*([\s\S]*?)\*\*/.exec(source);
    const parts = lead ? [lead[1]!, source.slice(lead[0].length)] : [source];
    const job = jobs[b.file]!;
    const rendered = parts.map((p) => renderPiece(p, job.context, engine, files[b.file]!.display)?.text ?? '').join('');
    if (rendered !== expected) diagnostics.push(diagnostic('absorbedDiffers', { expected, rendered }, at(b)));
  };

  for (const [oi, ej, moved] of aligned.pairs) {
    const o = O[oi]!;
    const e = E[ej]!;
    if (o.text === e.text && !moved) continue;
    if (o.blocks.length === 0) {
      if (normalise(o.text, o.heading) !== e.text) diagnostics.push(diagnostic('templateTextEdited', { before: o.text, after: e.text, where: templateWhere(request) }));
      continue;
    }
    const hunks = diffText(o.text, e.text);
    const inside = (h: { aStart: number; aEnd: number }) => o.blocks.some((b) => h.aStart >= b.at && h.aEnd <= b.at + b.rendered.text.length);
    const outside = hunks.filter((h) => !inside(h));
    if (outside.length > 0) {
      const h = outside[0]!;
      diagnostics.push(diagnostic('templateTextEdited', { before: o.text.slice(h.aStart, h.aEnd) || '（无）', after: e.text.slice(h.bStart, h.bEnd) || '（删去）', where: templateWhere(request) }));
    }
    for (const b of o.blocks) {
      const end = b.at + b.rendered.text.length;
      const text = e.text.slice(mapPosition(hunks, b.at, 'start'), mapPosition(hunks, end, 'end'));
      if (text === b.rendered.text && !moved) continue;
      if (text === '') {
        edits.push({ file: b.file, start: lineStart(files[b.file]!.text, b.start), end: b.end, text: '', order: order++ });
        continue;
      }
      const source = rewrite(b, text);
      if (moved) {
        edits.push({ file: b.file, start: lineStart(files[b.file]!.text, b.start), end: b.end, text: '', order: order++ });
        placeNew(ej, source, b.rendered.block.type === 'heading');
      } else edits.push({ file: b.file, start: b.start, end: b.end, text: source, order: order++ });
    }
  }
  for (const oi of aligned.deleted) {
    for (const b of O[oi]!.blocks) edits.push({ file: b.file, start: lineStart(files[b.file]!.text, b.start), end: b.end, text: '', order: order++ });
  }
  function placeNew(ej: number, source: string, heading: boolean): boolean {
    const text = heading ? `## ${source}` : source;
    // After the last block of the nearest paired paragraph before it; else before the first of the one after.
    const pairOf = (k: number) => aligned.pairs.find((p) => p[1] === k && !p[2]);
    for (let k = ej - 1; k >= 0; k--) {
      const p = pairOf(k);
      const last = p && O[p[0]]!.blocks[O[p[0]]!.blocks.length - 1];
      if (last) {
        edits.push({ file: last.file, start: last.end, end: last.end, text: `\n\n${text}`, order: order++ });
        return true;
      }
    }
    for (let k = ej + 1; k < E.length; k++) {
      const p = pairOf(k);
      const first = p && O[p[0]]!.blocks[0];
      if (first) {
        const s = lineStart(files[first.file]!.text, first.start);
        edits.push({ file: first.file, start: s, end: s, text: `${text}\n\n`, order: order++ });
        return true;
      }
    }
    return false;
  }
  for (const ej of aligned.added) {
    const e = E[ej]!;
    const anchor = aligned.pairs.filter((p) => p[1] < ej && O[p[0]]!.blocks.length > 0).pop();
    const where = anchor ? O[anchor[0]]!.blocks[0]! : [...blocks.values()][0];
    // A bold start typed in Word is the paragraph's lead sentence.
    const lead = !e.heading && e.lead && e.lead.length < e.text.length && e.text.startsWith(e.lead) ? e.lead : '';
    const body = escapeProse(e.text.slice(lead.length));
    if (!placeNew(ej, e.heading ? e.text.replace(/\u3000/g, ' ') : lead ? `**${escapeProse(lead)}**${body}` : body, e.heading)) {
      diagnostics.push(diagnostic('paragraphNotPlaced', { text: e.text }, { file: draftName }));
    } else if (where) flagNumbers('', e.text, e.text, where);
  }

  const changed: AbsorbResult['files'] = [];
  files.forEach((file, f) => {
    const mine = edits.filter((x) => x.file === f).sort((a, b) => b.start - a.start || b.order - a.order);
    if (mine.length === 0) return;
    let text = file.text;
    for (const x of mine) text = text.slice(0, x.start) + x.text + text.slice(x.end);
    text = text.replace(/\n{3,}/g, '\n\n');
    if (text !== file.text) changed.push({ path: path.resolve(request.cwd, file.display), display: file.display, before: file.text, after: text });
  });
  return { diagnostics: [...run.diagnostics, ...diagnostics], files: changed, ...checklists(edited, options.acceptChanges === true) };
}

const lineStart = (text: string, offset: number): number => {
  const s = text.lastIndexOf('\n', offset - 1) + 1;
  return /^#{1,6}[ \t]/.test(text.slice(s, offset)) || text.slice(s, offset).trim() === '' ? s : offset;
};

function templateWhere(request: ReportRequest): string {
  return request.templatesDir
    ? `在模板文件夹“${request.templatesDir}”中改写对应的片段（report templates list 列出各片段）`
    : `用 report templates eject 把内置的 ${request.kind} 片段复制出来改写，生成时加 --templates（report templates list 列出各片段）`;
}
