/** What an edited draft asks of its writers: the tracked changes still pending and the comments, each with the sentence it sits on. */
import { paragraphView, type Draft } from './read-docx.js';

export interface PendingChange {
  type: 'ins' | 'del';
  author: string;
  date: string;
  text: string;
  sentence: string;
}

export interface CommentItem {
  author: string;
  text: string;
  sentence: string;
}

export interface Checklists {
  pending: PendingChange[];
  comments: CommentItem[];
}

const STOPS = /[。！？；]/;

function sentenceAround(text: string, from: number, to: number): string {
  // A change that starts a sentence is read with the sentence before it (an addition at a paragraph's end).
  let s = from > 0 && STOPS.test(text[from - 1]!) ? from - 1 : from;
  while (s > 0 && !STOPS.test(text[s - 1]!)) s--;
  let e = Math.max(from, to);
  while (e < text.length && !STOPS.test(text[e]!)) e++;
  return text.slice(s, Math.min(text.length, e + 1)).trim();
}

export function checklists(draft: Draft, accepted: boolean): Checklists {
  const pending: PendingChange[] = [];
  const comments: CommentItem[] = [];
  for (const p of draft.paragraphs) {
    // Read with every change shown, so the sentence is the one the reviewer sees.
    let text = '';
    const spans: { change: NonNullable<Extract<typeof p.pieces[number], { kind: 'text' }>['change']>; from: number; to: number; text: string }[] = [];
    for (const piece of p.pieces) {
      if (piece.kind !== 'text') continue;
      if (piece.change) spans.push({ change: piece.change, from: text.length, to: text.length + piece.text.length, text: piece.text });
      text += piece.text;
    }
    for (const s of spans) pending.push({ ...s.change, text: s.text, sentence: sentenceAround(text, s.from, s.to) });
    const view = paragraphView(p, accepted);
    for (const [id, at] of view.comments) {
      const c = draft.comments.get(id);
      if (c) comments.push({ author: c.author, text: c.text, sentence: sentenceAround(view.text, at, at) });
    }
  }
  return { pending, comments };
}
