// What a secretary checks in Word's and WPS's dialogs, and the XML WPS is known to read its own
// way: the document grid (页面设置 › 文档网格), one alternative name per font, styles that do not
// inherit the body's tightening, page numbers with a result, tables whose widths agree.
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/write/docx/index.js';
import { DEFAULT_LAYOUT } from '../../src/domain/layout.js';
import { mmToTwips } from '../../src/write/docx/units.js';
import { attr, attrs, doc, element, elements, part, style, unzipParts } from './docx-xml.js';

const md = '# 标题\n\n正文2024年。\n\n提案分类统计表 {.caption}\n\n| 类别 | 件数 | 占比 |\n|---|---|---|\n| 经济建设 | 61 | 32.3% |\n| 民生和社会事业 | 116 | 61.4% |\n';

describe('DOCX settings', async () => {
  const parts = unzipParts(await renderDocx(doc(md)));
  const documentXml = part(parts, 'word/document.xml');
  const styles = part(parts, 'word/styles.xml');

  it('declares a document grid of 22 lines at the body’s line pitch, which the text does not snap to', () => {
    const grid = attrs(element(documentXml, 'w:sectPr'), 'w:docGrid');
    expect(grid).toEqual({ 'w:type': 'lines', 'w:linePitch': '579' });
    const { top, bottom } = DEFAULT_LAYOUT.page.marginsMm;
    const typeArea = mmToTwips(DEFAULT_LAYOUT.page.heightMm - top - bottom);
    expect(Math.floor(typeArea / Number(grid['w:linePitch']))).toBe(22);
    expect(element(styles, 'w:pPrDefault')).toContain('<w:snapToGrid w:val="0"/>');
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
