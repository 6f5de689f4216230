/**
 * Reads a narrative file (narrative.md, summary.md…) into headings and paragraphs, each with its
 * exact place in the file, so that a problem in a sentence (a figure that does not exist) is
 * reported at its line and column. Only what the report needs is read: `#` and `##` headings,
 * paragraphs separated by blank lines, a bold lead sentence at the start of a paragraph
 * (**强化理论武装。**), and HTML comments, which are notes to the writers and are dropped.
 * A paragraph's text is a slice of the file, so an offset in it is an offset in the file.
 */

/** A piece of prose and where it starts in the file (an offset into the file's text). */
export interface ProseText {
  text: string;
  start: number;
}

export interface ProseParagraph {
  /** The bold lead sentence, without its `**`. */
  lead?: ProseText;
  text: ProseText;
}

export type ProseBlock = { type: 'heading'; level: number; text: ProseText } | { type: 'paragraph'; paragraph: ProseParagraph };

export interface ProseFile {
  display: string;
  text: string;
  blocks: ProseBlock[];
}

/** The text with each HTML comment blanked out (its line breaks kept), so offsets stay the same. */
export function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

export function readProse(display: string, original: string): ProseFile {
  const text = withoutComments(original);
  const blocks: ProseBlock[] = [];
  let paragraph: { start: number; end: number } | undefined;
  const flush = () => {
    if (paragraph) blocks.push({ type: 'paragraph', paragraph: splitLead(text, paragraph.start, paragraph.end) });
    paragraph = undefined;
  };
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    const heading = HEADING.exec(line);
    if (line.trim() === '' || RULE.test(line)) {
      flush();
    } else if (heading) {
      flush();
      const start = lineStart + line.indexOf(heading[2]!, heading[1]!.length);
      blocks.push({ type: 'heading', level: heading[1]!.length, text: { text: heading[2]!, start } });
    } else {
      const first = lineStart + (line.length - line.trimStart().length);
      const last = lineStart + line.trimEnd().length;
      if (paragraph) paragraph.end = last;
      else paragraph = { start: first, end: last };
    }
  }
  flush();
  return { display, text: original, blocks };
}

/** A paragraph, its leading `**…**` taken as the lead sentence. */
function splitLead(text: string, start: number, end: number): ProseParagraph {
  const whole = text.slice(start, end);
  if (whole.startsWith('**')) {
    const close = whole.indexOf('**', 2);
    if (close > 2) {
      let rest = close + 2;
      while (rest < whole.length && /\s/.test(whole[rest]!)) rest++;
      return {
        lead: { text: whole.slice(2, close), start: start + 2 },
        text: { text: whole.slice(rest), start: start + rest },
      };
    }
  }
  return { text: { text: whole, start } };
}

/** 1-based line and column of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
