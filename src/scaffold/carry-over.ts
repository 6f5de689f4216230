/**
 * Last year's narrative as this year's draft. Headings stay; each paragraph is kept with its
 * figures live and marked 【待审改】 for the writers to review. A paragraph that cites records of
 * last year by id or tag (`meetings.byId.…`, `byTag.…`) cannot stay live, since those records
 * are not this year's: it is kept as a comment for the writers to rewrite.
 */
import { withoutComments } from '../load/markdown-prose.js';
import { REVIEW_MARK } from '../validate/placeholders.js';

const YEAR_SPECIFIC = /\{\{[^}]*\b(?:byId|byTag)\./;

export function carryNarrative(text: string, sourceYear: number): string {
  const plain = withoutComments(text);
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const body = paragraph.join('\n');
    if (YEAR_SPECIFIC.test(body)) {
      out.push(`<!-- ${REVIEW_MARK}${sourceYear}年的段落，引用了那一年的具体记录（byId/byTag），请按今年的记录改写后移出注释：\n${body.replace(/--/g, '－－')}\n-->`);
    } else {
      out.push(body.startsWith('**') ? `**${REVIEW_MARK}${body.slice(2)}` : `${REVIEW_MARK}${body}`);
    }
    paragraph = [];
  };
  const lines = text.split('\n');
  const plainLines = plain.split('\n');
  lines.forEach((line, i) => {
    const bare = plainLines[i] ?? '';
    if (bare.trim() === '' || /^#{1,6}\s/.test(bare)) {
      flush();
      out.push(line);
    } else if (bare.trim() !== line.trim()) {
      // A line with a comment in it: kept as it is.
      flush();
      out.push(line);
    } else {
      paragraph.push(line);
    }
  });
  flush();
  return out.join('\n');
}
