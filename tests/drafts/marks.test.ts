// The marks in the DOCX: a bookmark around every printed block of prose and every figure in it,
// names Word accepts, and nothing else of the document changed (the same text, runs and page).
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/write/docx/index.js';
import { DATA } from '../helpers/fixture.js';
import { runAnnual } from '../helpers/library.js';
import { docxPart } from '../helpers/docx.js';

const WORD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

describe('prose marks in the DOCX', () => {
  for (const kind of ['annual', 'proposals'] as const) {
    it(`places every block of the ${kind} report's prose and every figure in it`, async () => {
      const run = await runAnnual(DATA, { kind });
      const report = run.report!;
      const marks = report.proseMarks!();
      expect(marks.length).toBeGreaterThan(10);
      const withMarks = await renderDocx(report.document, report.layout, marks);
      const xml = docxPart(withMarks, 'word/document.xml');
      const names = [...xml.matchAll(/<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"\/>/g)].map((m) => m[2]!);
      expect(names.filter((n) => n.startsWith('rp')).sort()).toEqual(marks.map((m) => m.name).sort());
      expect(names.filter((n) => n.startsWith('rf')).length).toBe(marks.reduce((a, m) => a + m.figures.length, 0));
      expect(names.every((n) => WORD_NAME.test(n))).toBe(true);
      expect(new Set(names).size).toBe(names.length);
      // Each figure's bookmark holds exactly the figure's number.
      for (const m of xml.matchAll(/<w:bookmarkStart w:id="(\d+)" w:name="rf[^"]+"\/>([\s\S]*?)<w:bookmarkEnd w:id="\1"\/>/g)) {
        expect(m[2]!.replace(/<[^>]+>/g, '')).toMatch(/^[\d.%,～]+$|^[\u4e00-\u9fa5“”《》、\w.%]+$/);
      }
      // Without the bookmarks, the same document: same text in the same paragraphs with the same formatting.
      const plain = docxPart(await renderDocx(report.document, report.layout), 'word/document.xml');
      const merged = (s: string) => s.replace(/<w:bookmark(?:Start|End)[^>]*\/>/g, '').replace(/<\/w:t><\/w:r><w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">/g, (m, rPr) => `\u0000${rPr ?? ''}\u0000`);
      const text = (s: string) => s.replace(/<w:bookmark(?:Start|End)[^>]*\/>/g, '').replace(/<[^>]+>/g, '');
      expect(text(xml)).toBe(text(plain));
      expect(merged(xml).match(/<w:p[ >]/g)!.length).toBe(merged(plain).match(/<w:p[ >]/g)!.length);
      expect(xml.match(/<w:pPr>[\s\S]*?<\/w:pPr>/g)).toEqual(plain.match(/<w:pPr>[\s\S]*?<\/w:pPr>/g));
    });
  }

  it('marks the summary\'s own prose (summary.md)', async () => {
    const report = (await runAnnual(DATA, { kind: 'summary' })).report!;
    const xml = docxPart(await renderDocx(report.document, report.layout, report.proseMarks!()), 'word/document.xml');
    expect(xml.match(/w:name="rp1_\d+"/g)!.length).toBeGreaterThan(10);
  });
});
