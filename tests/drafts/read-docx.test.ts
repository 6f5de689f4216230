// Reading a DOCX as Word, WPS and LibreOffice save it: the paragraph's text whatever the run
// structure, fields read by their result, pending changes kept apart, bookmarks and comments placed.
import { describe, expect, it } from 'vitest';
import { diffText, mapPosition, touches, wholeNumbers } from '../../src/drafts/diff.js';
import { paragraphView, readBody } from '../../src/drafts/read-docx.js';
import { rewriteBlock } from '../../src/drafts/rewrite.js';
import type { RenderedBlock } from '../../src/render/prose-marks.js';

const body = (inner: string) => readBody(`<w:document><w:body>${inner}</w:body></w:document>`, new Map([['a1', 'heading 2']]));

describe('readBody', () => {
  it('reads runs split anywhere, rsids, proofing marks, smart tags, hyperlinks and content controls as one text', () => {
    const [p] = body(
      '<w:p w:rsidR="00AB" w:rsidRDefault="00CD"><w:pPr><w:pStyle w:val="a1"/><w:rPr><w:ins w:id="1" w:author="x" w:date="d"/></w:rPr></w:pPr>' +
        '<w:r w:rsidR="0011"><w:t>一年</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">来，召开</w:t></w:r>' +
        '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>常委</w:t></w:r></w:smartTag><w:hyperlink r:id="rId9"><w:r><w:t>会议</w:t></w:r></w:hyperlink>' +
        '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>7</w:t></w:r></w:sdtContent></w:sdt><w:r><w:tab/><w:t>次&amp;</w:t></w:r></w:p>',
    );
    expect(p!.heading).toBe(true);
    expect(paragraphView(p!, false).text).toBe('一年来，召开常委会议7\t次&');
  });

  it('reads a field by its result, not its code, and skips text boxes and alternate content', () => {
    const [p] = body(
      '<w:p><w:r><w:t>共</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD n </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>19</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        '<w:r><mc:AlternateContent><mc:Choice><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>' +
        '<w:fldSimple w:instr="PAGE"><w:r><w:t>次</w:t></w:r></w:fldSimple></w:p>',
    );
    expect(paragraphView(p!, false).text).toBe('共19次');
  });

  it('keeps pending insertions and deletions apart: as built by default, as accepted when asked', () => {
    const [p] = body(
      '<w:p><w:bookmarkStart w:id="3" w:name="rp0_2"/><w:r><w:t>召开</w:t></w:r><w:del w:id="1" w:author="甲" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>常委</w:delText></w:r></w:del>' +
        '<w:ins w:id="2" w:author="乙" w:date="2024-01-02T00:00:00Z"><w:r><w:t>主席</w:t></w:r></w:ins><w:commentRangeStart w:id="0"/><w:r><w:t>会议。</w:t></w:r><w:bookmarkEnd w:id="3"/></w:p>',
    );
    expect(paragraphView(p!, false).text).toBe('召开常委会议。');
    const accepted = paragraphView(p!, true);
    expect(accepted.text).toBe('召开主席会议。');
    expect(accepted.bookmarks.get('rp0_2')).toEqual([0, 7]);
    expect(accepted.comments.get('0')).toBe(4);
  });

  it('gives a bookmark started between paragraphs to the next one', () => {
    const [p] = body('<w:bookmarkStart w:id="5" w:name="rp0_3"/><w:p><w:r><w:t>小标题</w:t></w:r><w:bookmarkEnd w:id="5"/></w:p>');
    expect(paragraphView(p!, false).bookmarks.get('rp0_3')).toEqual([0, 3]);
  });

  it('tolerates what it does not know and never throws on odd XML', () => {
    expect(() => body('<w:p><w:r><w:t>未闭合')).not.toThrow();
    expect(body('<w:p/><w:p></w:p>').length).toBe(1);
  });
});

describe('diff', () => {
  it('maps a range through an edit, an insertion at its edge going with it', () => {
    const h = diffText('召开常委会议7次', '共召开常委会议7次，');
    expect(mapPosition(h, 0, 'start')).toBe(0);
    expect(mapPosition(h, 0, 'end')).toBe(1);
    expect(mapPosition(h, 6, 'end')).toBe(7);
    expect(touches(h, 6, 7)).toBe(false);
    expect(touches(diffText('会议7次', '会议8次'), 2, 3)).toBe(true);
  });

  it('widens a changed digit to its whole number', () => {
    const a = '共收到提案232件';
    const b = '共收到提案233件';
    expect(wholeNumbers(diffText(a, b), a, b)).toEqual([{ aStart: 5, aEnd: 8, bStart: 5, bEnd: 8 }]);
  });
});

describe('rewriteBlock', () => {
  const block: RenderedBlock = {
    block: { type: 'paragraph', paragraph: { text: { text: '', start: 0 } } },
    leadLength: 5,
    text: '强化理论武装。召开会议7次，采纳12条。',
    figures: [
      { tag: '{{a.count}}', expression: 'a.count', start: 11, end: 12 },
      { tag: '{{b}}', expression: 'b', start: 16, end: 18 },
    ],
  };
  block.leadLength = 7;

  it('keeps each figure whose number is untouched and the bold lead sentence', () => {
    const r = rewriteBlock(block, '强化理论武装。全年共召开会议7次，采纳12条建议。', undefined);
    expect(r.source).toBe('**强化理论武装。**全年共召开会议{{a.count}}次，采纳{{b}}条建议。');
    expect(r.overtyped).toEqual([]);
  });

  it('reports an overtyped figure and resolves it as told', () => {
    expect(rewriteBlock(block, '强化理论武装。召开会议8次，采纳12条。', undefined).overtyped).toEqual([{ expression: 'a.count', records: '7', typed: '8' }]);
    expect(rewriteBlock(block, '强化理论武装。召开会议8次，采纳12条。', 'records').source).toBe('**强化理论武装。**召开会议{{a.count}}次，采纳{{b}}条。');
    expect(rewriteBlock(block, '强化理论武装。召开会议8次，采纳12条。', 'typed').source).toBe('**强化理论武装。**召开会议8次，采纳{{b}}条。');
  });

  it('drops a figure whose sentence was rewritten without it, and the lead when it was deleted', () => {
    const r = rewriteBlock(block, '召开了会议，采纳12条。', undefined);
    expect(r.dropped).toEqual(['a.count']);
    expect(r.source).toBe('召开了会议，采纳{{b}}条。');
  });
});

describe('compareDrafts', () => {
  it('marks a change at its place when the paragraph holds what is not its text (a text box, a no-break hyphen), keeping each run’s properties', async () => {
    const { strToU8, zipSync, unzipSync, strFromU8 } = await import('fflate');
    const { compareDrafts } = await import('../../src/drafts/compare.js');
    const { readDraft } = await import('../../src/drafts/read-docx.js');
    const textBox = '<w:r><mc:AlternateContent><mc:Choice><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>';
    const draft = (tail: string) =>
      readDraft(zipSync({ 'word/document.xml': strToU8(`<w:document><w:body><w:p><w:r><w:t>共</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>19</w:t></w:r>${textBox}<w:r><w:t>次</w:t><w:noBreakHyphen/><w:t>${tail}</w:t></w:r></w:p></w:body></w:document>`) }));
    const { bytes, insertions } = compareDrafts(await draft('会议'), await draft('专题会议'));
    expect(insertions).toBe(1);
    const compared = await readDraft(bytes);
    expect(paragraphView(compared.paragraphs[0]!, true).text).toBe('共19次-专题会议');
    expect(paragraphView(compared.paragraphs[0]!, false).text).toBe('共19次-会议');
    expect(strFromU8(unzipSync(bytes)['word/document.xml']!)).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">19</w:t></w:r>');
  });
});
