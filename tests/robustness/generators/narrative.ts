/**
 * Mutations of the writers' Markdown narratives (narrative.md, summary.md): the text mutations,
 * and what writers do to the structure — a heading renamed, raised or lowered a level, a part
 * removed, a citation of a figure mistyped, a comment left open.
 */
import fc from 'fast-check';
import { partName } from '../../../src/validate/narrative.js';
import { applyTextMutation, nat, TEMPLATE_BITS, textMutation } from './text.js';
import { unchanged, type Files, type InputGenerator, type Mutation, type Outcome, type Where } from './types.js';

/** The parts an annual narrative must have (kinds/annual.ts), by the names a heading gives them. */
const REQUIRED_PARTS = ['工作回顾', '致谢', '不足', '工作安排', '结束语'];
/** Headings no part is called by. */
const UNKNOWN_PARTS = ['工作总结', '三、其他'];

const narrativeMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: textMutation, weight: 6 },
  fc.record({ op: fc.constant('renameHeading'), pick: nat, name: fc.constantFrom(...UNKNOWN_PARTS, '一、2023年工作回顾', '二、工作安排', '致 谢', '', '#') }),
  fc.record({ op: fc.constant('headingLevel'), pick: nat, level: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('dropPart'), pick: nat }),
  fc.record({ op: fc.constant('mistypeCitation'), pick: nat, with: fc.constantFrom(...TEMPLATE_BITS, '{{proposals.total', '{{ proposals.total }}', '{{percent}}', '{{approx "x"}}') }),
  fc.record({ op: fc.constant('openComment'), at: nat }),
);

export const narrativeGenerator: InputGenerator = {
  name: 'narrative',
  files: (files: Files) => [...files.keys()].filter((f) => /(^|\/)(narrative|summary)\.md$/.test(f)).sort(),
  mutation: narrativeMutation,
  apply: (bytes, m, where) => applyTextMutation(bytes, m) ?? mutateStructure(bytes.toString('utf8'), m, where) ?? unchanged(bytes),
};

const HEADING = /^(#{1,6})[ \t]+(.*)$/;

function mutateStructure(text: string, m: Mutation, where: Where): Outcome | undefined {
  const lines = text.split('\n');
  const headings = lines.flatMap((l, i) => (HEADING.test(l) ? [i] : []));
  const n = (key: string) => m[key] as number;
  // Only the narrative of the year reported on is read as a report's text (last year's is not checked).
  const annual = where.file === `${where.reportYear}/narrative.md`;
  /** A required part of an annual narrative, headed once: without it the narrative is incomplete. */
  const soleRequiredPart = (name: string) => REQUIRED_PARTS.includes(partName(name)) && lines.filter((l) => /^# /.test(l) && partName(l.slice(2)) === partName(name)).length === 1;
  const out = (t: string, breaks = false): Outcome => ({ bytes: Buffer.from(t, 'utf8'), applied: true, breaks });
  switch (m.op) {
    case 'renameHeading': {
      const at = headings[n('pick') % Math.max(1, headings.length)];
      if (at === undefined) return undefined;
      const [, hashes] = HEADING.exec(lines[at]!)!;
      lines[at] = `${hashes} ${m.name as string}`;
      // In an annual narrative every `#` heading names a part: one no part is called by is an error.
      return out(lines.join('\n'), annual && hashes === '#' && UNKNOWN_PARTS.includes(m.name as string));
    }
    case 'headingLevel': {
      const at = headings[n('pick') % Math.max(1, headings.length)];
      if (at === undefined) return undefined;
      lines[at] = lines[at]!.replace(/^#+/, '#'.repeat(n('level')));
      return out(lines.join('\n'));
    }
    case 'dropPart': {
      const parts = headings.filter((i) => /^# /.test(lines[i]!));
      const at = parts[n('pick') % Math.max(1, parts.length)];
      if (at === undefined) return undefined;
      const heading = lines[at]!.slice(2);
      const breaks = annual && soleRequiredPart(heading);
      const next = parts.find((i) => i > at) ?? lines.length;
      lines.splice(at, next - at);
      return out(lines.join('\n'), breaks);
    }
    case 'mistypeCitation': {
      const citations = [...text.matchAll(/\{\{[^{}]*\}\}/g)];
      const c = citations[n('pick') % Math.max(1, citations.length)];
      if (!c) return undefined;
      // Not certain to be an error: the citation may stand in a comment, in a year not reported on,
      // or in prose that is not rendered because the data itself is broken.
      return out(text.slice(0, c.index) + (m.with as string) + text.slice(c.index! + c[0].length));
    }
    case 'openComment': {
      const at = n('at') % (text.length + 1);
      return out(text.slice(0, at) + '<!-- ' + text.slice(at));
    }
    default:
      return undefined;
  }
}
