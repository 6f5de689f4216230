// What a secretary checks in Word's and WPS's dialogs, and the XML WPS is known to read its own
// way: the document grid (页面设置 › 文档网格), one alternative name per font, styles that do not
// inherit the body's tightening, page numbers with a result, tables whose widths agree.
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/write/docx/index.js';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { mmToTwips } from '../../src/write/docx/units.js';
import { documentGrid, libreOfficeCellTwips, wordCharsPerLine } from '../../src/write/docx/document-grid.js';
import { attr, attrs, doc, element, elements, part, style, unzipParts } from './docx-xml.js';

const md = '# 标题\n\n正文2024年。\n\n提案分类统计表 {.caption}\n\n| 类别 | 件数 | 占比 |\n|---|---|---|\n| 经济建设 | 61 | 32.3% |\n| 民生和社会事业 | 116 | 61.4% |\n';

describe('DOCX settings', async () => {
  const parts = unzipParts(await renderDocx(doc(md)));
  const documentXml = part(parts, 'word/document.xml');
  const styles = part(parts, 'word/styles.xml');

  it('declares a lines-and-characters grid of 22 lines and 28 characters in Word’s arithmetic, which the text does not snap to', () => {
    const grid = attrs(element(documentXml, 'w:sectPr'), 'w:docGrid');
    expect(grid).toEqual({ 'w:type': 'linesAndChars', 'w:linePitch': '579', 'w:charSpace': '-2868' });
    // The type area as written in w:pgSz and w:pgMar (twips).
    const pgSz = attrs(element(documentXml, 'w:sectPr'), 'w:pgSz');
    const pgMar = attrs(element(documentXml, 'w:sectPr'), 'w:pgMar');
    const width = Number(pgSz['w:w']) - Number(pgMar['w:left']) - Number(pgMar['w:right']);
    const height = Number(pgSz['w:h']) - Number(pgMar['w:top']) - Number(pgMar['w:bottom']);
    expect(Math.floor(height / Number(grid['w:linePitch']))).toBe(22);
    // Character pitch: the Normal style's font size plus charSpace / 4096 pt.
    const normalPt = Number(attr(element(style(styles, 'Normal'), 'w:rPr'), 'w:sz', 'w:val')) / 2;
    expect(Math.floor(width / 20 / (normalPt + Number(grid['w:charSpace']) / 4096))).toBe(28);
    expect(element(styles, 'w:pPrDefault')).toContain('<w:snapToGrid w:val="0"/>');
  });

  it('chooses a charSpace whose character cell in LibreOffice divides the type area, so LibreOffice does not narrow it', () => {
    const area = mmToTwips(210) - mmToTwips(28) - mmToTwips(26);
    // LibreOffice 7.4: 305 twips from −3071 to −2868, 8845 = 29 × 305 (layout unchanged);
    // 306 at −2867 and 315 at Word's nearest value −842 would narrow the lines.
    expect(libreOfficeCellTwips(16, -2868)).toBe(305);
    expect(area % libreOfficeCellTwips(16, -2868)).toBe(0);
    expect(libreOfficeCellTwips(16, -2867)).toBe(306);
    expect(libreOfficeCellTwips(16, -842)).toBe(315);
    expect(area % 315).not.toBe(0);
    expect(wordCharsPerLine(area, 16, -2868)).toBe(28);
    expect(wordCharsPerLine(area, 16, -3072)).toBe(29);
  });

  it('declares lines only when no charSpace gives the body’s characters a line in Word and leaves LibreOffice’s lines alone', () => {
    // A type area of 150 mm (8504 twips) = 2^3 × 1063: no LibreOffice cell near 16 pt divides it.
    const layout = { ...DEFAULT_LAYOUT, page: { ...DEFAULT_LAYOUT.page, marginsMm: { ...DEFAULT_LAYOUT.page.marginsMm, left: 30, right: 30 } } };
    const grid = documentGrid(layout);
    expect(grid).toMatchObject({ type: 'lines', linePitch: 579, linesPerPage: 22 });
    expect(grid.charSpace).toBeUndefined();
    expect(documentGrid(DEFAULT_LAYOUT)).toEqual({ type: 'linesAndChars', linePitch: 579, charSpace: -2868, linesPerPage: 22, charsPerLine: 28 });
  });

  it('gives each font one alternative name, not a list', () => {
    const fonts = elements(part(parts, 'word/fontTable.xml'), 'w:font');
    expect(fonts.length).toBeGreaterThan(4);
    for (const font of fonts) expect(attr(font, 'w:altName', 'w:val') ?? '').not.toContain(',');
  });

  it('keeps the body’s −0.25 pt tightening out of the title and table styles', () => {
    expect(attr(element(style(styles, 'Normal'), 'w:rPr'), 'w:spacing', 'w:val')).toBe('-5');
    for (const id of ['Title', 'TableText', 'TableHeader', 'AnnexLabel']) expect(attr(element(style(styles, id), 'w:rPr'), 'w:spacing', 'w:val'), id).toBe('0');
  });

  it('writes each page number field with a result (1 on odd pages’ footer, 2 on even)', () => {
    const footers = Object.keys(parts).filter((p) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers).toHaveLength(2);
    const results = footers.map((f) => /<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r><w:t>(\d+)<\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="end"\/>/.exec(part(parts, f))?.[1]).sort();
    expect(results).toEqual(['1', '2']);
  });

  it('sets table widths WPS reads alike: tblW the sum of the grid columns and of each row’s cells; the header row marked', () => {
    const table = element(documentXml, 'w:tbl');
    const grid = elements(element(table, 'w:tblGrid'), 'w:gridCol').map((c) => Number(attr(c, 'w:gridCol', 'w:w')));
    const total = grid.reduce((a, b) => a + b, 0);
    expect(attrs(table, 'w:tblW')).toMatchObject({ 'w:w': String(total), 'w:type': 'dxa' });
    const rows = elements(table, 'w:tr');
    for (const row of rows) {
      const cells = elements(row, 'w:tc').map((c) => Number(attr(c, 'w:tcW', 'w:w')));
      expect(cells).toEqual(grid);
    }
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const row of rows.slice(1)) expect(row).not.toContain('<w:tblHeader/>');
  });
});
