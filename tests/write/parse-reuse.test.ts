/**
 * parseReportMarkdown keeps the last Markdown it parsed (a watch session's save that leaves the
 * report as it was): the blocks must be what a fresh parse gives, and what a caller does with the
 * blocks it was given must not reach the next caller.
 */
import { describe, expect, it } from 'vitest';
import { parseReportMarkdown, type ParagraphBlock } from '../../src/write/document.js';
import { FIXTURE } from '../docx/docx-xml.js';

describe('parseReportMarkdown, asked for the same Markdown again', () => {
  it('gives equal blocks, a copy each time, and follows a change', () => {
    const first = parseReportMarkdown(FIXTURE);
    const second = parseReportMarkdown(FIXTURE);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);

    // A caller changes its blocks: the next parse of the same Markdown is unaffected.
    const paragraph = first.find((b): b is ParagraphBlock => b.type === 'paragraph' && b.kind === 'body')!;
    const text = JSON.stringify(paragraph);
    paragraph.inlines.length = 0;
    first.length = 1;
    const third = parseReportMarkdown(FIXTURE);
    expect(third).toEqual(second);
    expect(third.some((b) => JSON.stringify(b) === text)).toBe(true);

    // Other Markdown, then the first again.
    expect(parseReportMarkdown(`${FIXTURE}\n\n又一段。`)).toHaveLength(second.length + 1);
    expect(parseReportMarkdown(FIXTURE)).toEqual(second);
  });
});
