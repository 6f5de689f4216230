/**
 * The Word writer as the build calls it reuses the last document it rendered when the document,
 * layout and marks are the same (a watch session's save that leaves the report as it was). Reuse
 * must never hand back a stale or damaged document: each case below is a change the output must
 * follow, compared with a fresh render.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { renderDocx, renderDocxReusing } from '../../src/write/docx/render-docx.js';
import { doc, FIXTURE } from './docx-xml.js';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('renderDocxReusing', () => {
  it('gives what renderDocx gives, for the same input again and after each change', async () => {
    const document = doc(FIXTURE);
    const first = await renderDocxReusing(document);
    expect(same(first, await renderDocx(document))).toBe(true);
    expect(same(await renderDocxReusing(document), first)).toBe(true);

    // Another text in one paragraph.
    const edited = structuredClone(document);
    const paragraph = edited.blocks.find((b) => b.type === 'paragraph' && b.kind === 'body');
    if (paragraph?.type !== 'paragraph' || paragraph.inlines[0]?.type !== 'text') throw new Error('fixture has no body text');
    paragraph.inlines[0].text += '又一句。';
    const afterEdit = await renderDocxReusing(edited);
    expect(same(afterEdit, first)).toBe(false);
    expect(same(afterEdit, await renderDocx(edited))).toBe(true);

    // The same layout object changed in place, and another date.
    const layout = structuredClone(DEFAULT_LAYOUT);
    const before = await renderDocxReusing(edited, layout);
    layout.paragraphs.body.sizePt = 15;
    const resized = await renderDocxReusing(edited, layout);
    expect(same(resized, before)).toBe(false);
    expect(same(resized, await renderDocx(edited, layout))).toBe(true);
    const redated = await renderDocxReusing({ ...edited, meta: { ...edited.meta, date: '2024-02-01' } }, layout);
    expect(same(redated, await renderDocx({ ...edited, meta: { ...edited.meta, date: '2024-02-01' } }, layout))).toBe(true);

    // Marks added.
    const marks = [{ name: 'rp0_0', text: '又一句。', figures: [] }];
    expect(same(await renderDocxReusing(edited, layout, marks), await renderDocx(edited, layout, marks))).toBe(true);
  });

  it('is not damaged by a caller that changes the bytes it was given', async () => {
    const document = doc(FIXTURE);
    const bytes = await renderDocxReusing(document);
    bytes.fill(0);
    expect(same(await renderDocxReusing(document), await renderDocx(document))).toBe(true);
  });
});
