/**
 * The numbers the templates print themselves (the proposal report's counting paragraphs, the
 * annex tables' captions…), for the verification workbook: the pieces are rendered once more,
 * each `{{…}}` between two private-use marks carrying its number, so that every value printed can
 * be told apart and traced to the piece and line that wrote it. Rendered only for `--format check`.
 */
import type { Conventions } from '../../domain/conventions.js';
import type { YearRecords } from '../../domain/record-kind.js';
import type { TemplatePiece, TemplateSet } from '../../load/templates.js';
import type { CitableContext } from '../../compute/context.js';
import { compileTemplates } from '../../render/templates.js';
import { FIGURE_TAG } from '../../render/prose-marks.js';
import { rowOf, type CheckRow } from './rows.js';

const OPEN = '\uE012';
const MID = '\uE013';
const CLOSE = '\uE014';

/** Rows of the template figures with their position in the unmarked report (for reading order). */
export function templateRows(pieces: TemplateSet, context: CitableContext, conventions: Conventions, records: YearRecords | undefined): Array<{ row: CheckRow; text: string; at: number }> {
  const tags: Array<{ piece: TemplatePiece; expression: string; line: number }> = [];
  const marked = new Map<string, TemplatePiece>();
  for (const piece of pieces.pieces.values()) {
    const text = piece.text.replace(FIGURE_TAG, (tag: string, expression: string, offset: number) => {
      tags.push({ piece, expression, line: piece.text.slice(0, offset).split('\n').length });
      return `${OPEN}${tags.length - 1}${MID}${tag}${CLOSE}`;
    });
    marked.set(piece.name, { ...piece, text });
  }
  const { compiled } = compileTemplates({ ...pieces, pieces: marked, diagnostics: [] }, '.');
  let out: string;
  try {
    out = compiled.root ? compiled.root(context) : '';
  } catch {
    return [];
  }
  const rows: Array<{ row: CheckRow; text: string; at: number }> = [];
  const plain = out.replace(new RegExp(`${OPEN}\\d+${MID}|${CLOSE}`, 'g'), '');
  let removed = 0;
  for (const m of out.matchAll(new RegExp(`${OPEN}(\\d+)${MID}([^${OPEN}${CLOSE}]*)${CLOSE}`, 'g'))) {
    const at = m.index! - removed;
    removed += m[0].length - m[2]!.length;
    const tag = tags[Number(m[1])]!;
    const row = rowOf(tag.expression, m[2]!, plain, at, context, conventions, records, `${tag.piece.name}.hbs:${tag.line}`);
    if (row) rows.push({ row, text: plain, at });
  }
  return rows;
}
