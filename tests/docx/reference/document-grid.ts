// The document grid's search as it was before it narrowed the charSpace values to those that can
// qualify, kept as the reference src/write/docx/document-grid.ts is compared with (search-differential.test.ts).
// What did not change — the type area, Word's count and LibreOffice's cell — is the source's.
import type { Layout } from '../../../src/domain/layout.js';
import { libreOfficeCellTwips, typeAreaTwips, wordCharsPerLine, type DocumentGrid } from '../../../src/write/docx/document-grid.js';
import { ptToHalfPoints, ptToTwips } from '../../../src/write/docx/units.js';

/** The grid, searching every charSpace from half the font size to twice it (about 100,000 values). */
export function documentGrid(layout: Layout): DocumentGrid {
  const area = typeAreaTwips(layout);
  const linePitch = ptToTwips(layout.lineSpacingPt);
  const body = layout.paragraphs.body;
  const linesPerPage = Math.floor(area.height / linePitch);
  const charsPerLine = Math.floor(area.width / (ptToHalfPoints(body.sizePt) * 10 + ptToTwips(body.trackingPt)));
  let best: { charSpace: number; off: number } | undefined;
  for (let charSpace = -body.sizePt * 2048; charSpace <= body.sizePt * 4096; charSpace++) {
    if (charSpace === 0 || wordCharsPerLine(area.width, body.sizePt, charSpace) !== charsPerLine) continue;
    if (area.libreOfficeWidth % libreOfficeCellTwips(body.sizePt, charSpace) !== 0) continue;
    const off = Math.abs(area.width / 20 / (body.sizePt + charSpace / 4096) - (charsPerLine + 0.5));
    if (!best || off < best.off) best = { charSpace, off };
  }
  return best
    ? { type: 'linesAndChars', linePitch, charSpace: best.charSpace, linesPerPage, charsPerLine }
    : { type: 'lines', linePitch, linesPerPage, charsPerLine };
}
