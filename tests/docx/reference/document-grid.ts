// The document grid's search as it was before it narrowed the charSpace values to those that can
// qualify, kept as the reference src/write/docx/document-grid.ts is compared with (search-differential.test.ts).
// Only the range searched differs: everything else is the source's.
import type { Layout } from '../../../src/domain/layout.js';
import { documentGrid as sourceGrid, type DocumentGrid } from '../../../src/write/docx/document-grid.js';

/** The grid, searching every charSpace from half the font size to twice it (about 100,000 values). */
export function documentGrid(layout: Layout): DocumentGrid {
  return sourceGrid(layout, (_widthPt, sizePt) => [-sizePt * 2048, sizePt * 4096]);
}
