import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bestSheet, type ColumnSpec, readTable, readWorkbook, type Sheet } from '../../src/load/spreadsheet/index.js';
import { row, xlsx } from '../fixtures/spreadsheets/make.js';

const SPEC: ColumnSpec[] = [
  { field: 'id', headers: ['提案号', '编号'], type: { kind: 'id' }, required: true },
  { field: 'title', headers: ['案由', '提案案由'], type: { kind: 'text' }, required: true },
  { field: 'date', headers: ['提交日期', '日期'], type: { kind: 'date' } },
  { field: 'key', headers: ['重点提案'], type: { kind: 'boolean' } },
  { field: 'signers', headers: ['联名人数'], type: { kind: 'count' } },
  { field: 'money', headers: ['金额（万元）'], type: { kind: 'decimal' } },
  { field: 'units', headers: ['承办单位'], type: { kind: 'list' } },
  { field: 'filing', headers: ['审查意见'], type: { kind: 'choice', values: { 立案: '立案', 同意立案: '立案', 并案: '并案', 不予立案: '不立案' } } },
];

/** A one-sheet workbook from rows of values (row 1 first), read back. */
function sheetOf(rows: (string | number | undefined)[][], extra: { merges?: string[]; date1904?: boolean } = {}): Sheet {
  const data = rows.map((values, i) => row(i + 1, values)).join('');
  const after = extra.merges ? `<mergeCells count="${extra.merges.length}">${extra.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  const book = readWorkbook(xlsx({ sheets: [{ name: '台账', data, after }] }), 'l.xlsx');
  expect(book.diagnostics).toEqual([]);
  return book.sheets[0]!;
}

const codes = (diagnostics: { code: string; cell?: string }[]) => diagnostics.map((d) => `${d.code} ${d.cell ?? ''}`.trim());

describe('readTable: the header', () => {
  it('finds the header under a merged title row, matching headers written as Excel users write them', () => {
    const sheet = sheetOf(
      [
        ['2023年提案台账'],
        ['制表日期：2024年1月5日'],
        ['提案号＊', ' 案　由 ', '提交\n日期', '重点提案(必填)', '联名人数', '金额(万元)', '承办单位', '审查意见'],
        ['P1', '关于养老服务的建议', '2023-01-06', '是', '3', '12.5', '市民政局、市财政局', '同意立案'],
      ],
      { merges: ['A1:H1'] },
    );
    const { records, diagnostics } = readTable(sheet, SPEC, { file: 'l.xlsx' });
    expect(diagnostics).toEqual([]);
    expect(records).toEqual([
      {
        row: 4,
        value: { id: 'P1', title: '关于养老服务的建议', date: '2023-01-06', key: true, signers: 3, money: 12.5, units: ['市民政局', '市财政局'], filing: '立案' },
        columns: {
          id: { column: 1, letter: 'A' },
          title: { column: 2, letter: 'B' },
          date: { column: 3, letter: 'C' },
          key: { column: 4, letter: 'D' },
          signers: { column: 5, letter: 'E' },
          money: { column: 6, letter: 'F' },
          units: { column: 7, letter: 'G' },
          filing: { column: 8, letter: 'H' },
        },
      },
    ]);
  });

  it('reads a two-row header whose group heading is merged over its columns', () => {
    const sheet = sheetOf(
      [
        ['提案号', '案由', '办理情况', undefined],
        [undefined, undefined, '承办单位', '审查意见'],
        ['P1', '关于', '市民政局', '立案'],
      ],
      { merges: ['A1:A2', 'B1:B2', 'C1:D1'] },
    );
    const { records, diagnostics } = readTable(sheet, SPEC, { file: 'l.xlsx' });
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => [r.row, r.value])).toEqual([[3, { id: 'P1', title: '关于', units: ['市民政局'], filing: '立案' }]]);
  });

  it('reports unknown headers (with a near miss), a missing required column and a header twice, all at once', () => {
    const sheet = sheetOf([
      ['编号', '提交日其', '其他信息', '承办单位'],
      ['P1', '2023-01-06', 'x', '甲'],
    ]);
    const { records, diagnostics } = readTable(sheet, SPEC, { file: 'l.xlsx' });
    expect(codes(diagnostics)).toEqual(['RPT721 B1', 'RPT721 C1', 'RPT722 A1']);
    const [nearMiss, unknown, missing] = diagnostics;
    // 序号 is a row number: no field, no message. A near miss of a field another column fills is no suggestion.
    const numbered = readTable(sheetOf([['序号', '提案号', '案由', '提交日期', '提交日其'], [1, 'P1', 'a', '2023-01-06', 'x']]), SPEC, { file: 'l.xlsx', kind: 'proposals' });
    expect(codes(numbered.diagnostics)).toEqual(['RPT721 E1']);
    expect(numbered.diagnostics[0]!.hint).not.toContain('是不是');
    expect(numbered.diagnostics[0]!.hint).toContain('  sheetHeaders: {proposals: {提交日其: 字段名}}');
    expect(nearMiss).toMatchObject({ severity: 'warning', file: 'l.xlsx', sheet: '台账', line: 1, column: 2 });
    expect(nearMiss!.message).toBe('不认识的列名“提交日其”，这一列没有读取：其中 1 个单元格的内容不会进入报告');
    expect(nearMiss!.hint).toContain('是不是“提交日期”？');
    expect(unknown!.hint).not.toContain('是不是');
    expect(unknown!.hint).toContain('提案号、案由、提交日期');
    expect(missing).toMatchObject({ severity: 'error', line: 1 });
    expect(missing!.message).toBe('表头中没有“案由”这一列');
    expect(missing!.hint).toContain('提案案由');
    expect(records[0]!.value).toEqual({ id: 'P1', units: ['甲'] });

    const twice = readTable(sheetOf([['提案号', '案由', '编号'], ['P1', 'a', 'P2']]), SPEC, { file: 'l.xlsx' });
    expect(codes(twice.diagnostics)).toEqual(['RPT723 C1']);
    expect(twice.diagnostics[0]!.message).toContain('A1');
    expect(twice.records[0]!.value).toEqual({ id: 'P1', title: 'a' });
  });

  it('says so when no row of the first ten is a header', () => {
    const { records, diagnostics } = readTable(sheetOf([['标题'], ['a']]), SPEC, { file: 'l.xlsx' });
    expect(records).toEqual([]);
    expect(diagnostics).toMatchObject([{ code: 'RPT720', severity: 'error', sheet: '台账' }]);
    expect(diagnostics[0]!.hint).toContain('提案号');
  });

  it('picks the sheet that holds the table', () => {
    const book = readWorkbook(xlsx({ sheets: [{ name: '说明', data: row(1, ['填表说明']) }, { name: '台账', data: row(2, ['提案号', '案由']) }] }), 'l.xlsx');
    expect(bestSheet(book.sheets, SPEC)?.name).toBe('台账');
    expect(bestSheet(book.sheets.slice(0, 1), SPEC)).toBeUndefined();
  });
});

describe('readTable: cells', () => {
  const header = ['提案号', '案由', '提交日期', '重点提案', '联名人数', '金额（万元）', '承办单位', '审查意见'];

  it('reads values as Excel users write them', () => {
    const sheet = sheetOf([
      header,
      [12, ' 关于 ', '2023年3月5日', '✓', '１２', 1234.5, '甲，乙;丙／丁\n戊、 、', '并案'],
      ['Ｐ２', 'b', '2023/3/5', '×', '12件', '1,234.5', '甲', '不予立案'],
      ['P3', 'c', '2023.3.5', 'Y', ' 7 ', '-3', undefined, '转来信'],
      ['P4', 'd', '2023-03-05 14:20', '有', 7, '0.5', undefined, ' 立 案 '],
      ['P5', 'e', '20230305', 0, '1,200人次', undefined, undefined, undefined],
    ]);
    const { records, diagnostics } = readTable(sheet, SPEC, { file: 'l.xlsx' });
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => r.value)).toEqual([
      { id: '12', title: '关于', date: '2023-03-05', key: true, signers: 12, money: 1234.5, units: ['甲', '乙', '丙', '丁', '戊'], filing: '并案' },
      { id: 'P2', title: 'b', date: '2023-03-05', key: false, signers: 12, money: 1234.5, units: ['甲'], filing: '不立案' },
      // An unknown choice is kept as written, for validation to name the allowed values.
      { id: 'P3', title: 'c', date: '2023-03-05', key: true, signers: 7, money: -3, filing: '转来信' },
      { id: 'P4', title: 'd', date: '2023-03-05', key: true, signers: 7, money: 0.5, filing: '立案' },
      { id: 'P5', title: 'e', date: '2023-03-05', key: false, signers: 1200 },
    ]);
  });

  it('reports each bad cell at its place, with a message and a hint, all in one run', () => {
    const sheet = sheetOf([
      header,
      ['P1', undefined, '2023-02-30', '是的吧', '3.5', '12万', undefined, undefined],
      ['P2', 'b', 44990, '否', '-1', 'abc', undefined, undefined],
      ['P3', 'c', '23/3/5', 'x', '约10', '1.2.3', undefined, undefined],
    ]);
    const { records, diagnostics } = readTable(sheet, SPEC, { file: 'l.xlsx' });
    expect(codes(diagnostics).sort()).toEqual(
      ['RPT724 B2', 'RPT725 C2', 'RPT726 D2', 'RPT727 E2', 'RPT728 F2', 'RPT725 C3', 'RPT727 E3', 'RPT728 F3', 'RPT725 C4', 'RPT726 D4', 'RPT727 E4', 'RPT728 F4'].sort(),
    );
    for (const d of diagnostics) {
      expect(d).toMatchObject({ severity: 'error', file: 'l.xlsx', sheet: '台账' });
      expect(d.line).toBe(Number(d.cell!.slice(1)));
      expect(d.column).toBe(d.cell!.charCodeAt(0) - 64);
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.hint).toMatch(/[\u4e00-\u9fff]/);
    }
    const at = (cell: string) => diagnostics.find((d) => d.cell === cell)!;
    expect(at('B2').message).toBe('“案由”不能为空');
    expect(at('C2').message).toBe('“提交日期”不是有效日期：“2023-02-30”');
    expect(at('C3').hint).toContain('2023-03-05');
    expect(at('D2').message).toBe('“重点提案”应填 是 或 否，实际是“是的吧”');
    expect(at('E2').message).toBe('“联名人数”应为不小于 0 的整数，实际是“3.5”');
    // Nothing of a bad cell reaches the record; the rest of the row does.
    expect(records[1]!.value).toEqual({ id: 'P2', title: 'b', key: false });
  });

  it('reads a numeric id as written: never 12.0, and 007 when the cell shows 007', () => {
    const data =
      row(1, ['提案号', '案由']) +
      [
        [2, 12, 0],
        [3, 7, 4],
        [4, 12, 5],
      ]
        .map(([r, v, s]) => `<row r="${r}"><c r="A${r}" s="${s}"><v>${v}</v></c><c r="B${r}" t="inlineStr"><is><t>t</t></is></c></row>`)
        .join('');
    const sheet = readWorkbook(xlsx({ sheets: [{ name: 'S', data }] }), 'id.xlsx').sheets[0]!;
    expect(sheet.rows.map((r) => r.cells[0]!.text)).toEqual(['提案号', '12', '007', '12.0']);
    expect(readTable(sheet, SPEC, { file: 'id.xlsx' }).records.map((r) => r.value.id)).toEqual(['12', '007', '12']);
  });

  it('never makes a field of a blank cell, and skips rows blank in every column it reads', () => {
    const sheet = sheetOf([header, ['P1', 'a', '  ', undefined, '　'], [undefined, ' ', undefined], ['P2', 'b']]);
    const { records, diagnostics } = readTable(sheet, SPEC, { file: 'l.xlsx' });
    // The blank row between records is said in one line, as no problem.
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([['RPT740', 'info', '没有作为记录读入的 1 行：第3行（空行）']]);
    expect(records.map((r) => [r.row, r.value])).toEqual([
      [2, { id: 'P1', title: 'a' }],
      [4, { id: 'P2', title: 'b' }],
    ]);
    expect(JSON.stringify(records)).not.toContain('null');
  });

  it('skips 合计 and note rows below the records, and a blank row between them, in one info line', () => {
    const sheet = sheetOf([header, ['P1', 'a'], [undefined, ' '], ['P2', 'b'], [], ['合计', '2件'], ['注：本表由系统导出']]);
    const { records, diagnostics } = readTable(sheet, SPEC, { file: 'l.xlsx' });
    expect(records.map((r) => r.row)).toEqual([2, 4]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.cell, d.message])).toEqual([
      ['RPT740', 'info', 'A3', '没有作为记录读入的 3 行：第3行（空行）、第6行（合计行）、第7行（说明文字）'],
    ]);
  });

  it('reports a formula without a saved result and an Excel error only in columns it reads', () => {
    const data =
      row(1, ['提案号', '案由', '备注']) +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2"><f>A2&amp;"x"</f></c><c r="C2"><f>NOW()</f></c></row>' +
      '<row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c><c r="B3" t="e"><v>#N/A</v></c></row>';
    const sheet = readWorkbook(xlsx({ sheets: [{ name: 'S', data }] }), 'f.xlsx').sheets[0]!;
    const { diagnostics } = readTable(sheet, SPEC, { file: 'f.xlsx' });
    // 备注 is remarks, said once as not read (RPT742); the formula in it is not read either.
    expect(codes(diagnostics)).toEqual(['RPT742 C1', 'RPT729 B2', 'RPT730 A3', 'RPT730 B3']);
    expect(diagnostics[1]!.message).toBe('单元格中是公式 =A2&"x"，但文件中没有保存它的计算结果');
    expect(diagnostics[2]!.message).toContain('#DIV/0!');
  });

  it('reports a merged cell spanning records, but not the merged title row', () => {
    const sheet = sheetOf(
      [['2023年提案台账'], ['提案号', '案由', '承办单位'], ['P1', 'a', '市民政局'], ['P2', 'b'], ['P3', 'c']],
      { merges: ['A1:C1', 'C3:C5'] },
    );
    const { records, diagnostics } = readTable(sheet, SPEC, { file: 'l.xlsx' });
    expect(codes(diagnostics)).toEqual(['RPT731 C3']);
    expect(diagnostics[0]!.message).toBe('合并单元格 C3:C5 跨了 3 条记录，只有第一条记录有这个值');
    expect(records).toHaveLength(3);
  });

  it('lists the first problems of a kind and counts the rest', () => {
    const rows: (string | number)[][] = [['提案号', '案由', '提交日期']];
    for (let i = 0; i < 50; i++) rows.push([`P${i}`, 't', '某日']);
    const { diagnostics } = readTable(sheetOf(rows), SPEC, { file: 'l.xlsx' }, { maxPerCode: 5 });
    expect(codes(diagnostics)).toEqual(['RPT725 C2', 'RPT725 C3', 'RPT725 C4', 'RPT725 C5', 'RPT725 C6', 'RPT732']);
    expect(diagnostics[5]!.message).toBe('同类问题（RPT725）还有 45 处，没有一一列出');
  });

  it('reads the same calendar days in any time zone', () => {
    const zone = process.env.TZ;
    const days = [];
    try {
      for (const tz of ['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        const data = row(1, ['提案号', '案由', '提交日期']) + '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2" s="1"><v>44927</v></c></row>';
        const sheet = readWorkbook(xlsx({ sheets: [{ name: 'S', data }] }), 'z.xlsx').sheets[0]!;
        days.push(readTable(sheet, SPEC, { file: 'z.xlsx' }).records[0]!.value.date);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(days).toEqual(['2023-01-01', '2023-01-01', '2023-01-01', '2023-01-01']);
  });

  it('reads a CSV ledger the same way', () => {
    const book = readWorkbook(Buffer.from('提案号,案由,重点提案\r\n001,a,√\r\n'), '台账.csv');
    const { records, diagnostics } = readTable(book.sheets[0]!, SPEC, { file: '台账.csv' });
    expect(diagnostics).toEqual([]);
    expect(records[0]!.value).toEqual({ id: '001', title: 'a', key: true });
  });

  it('reads a ledger saved by another program (LibreOffice) as .xlsx and as .xls alike', () => {
    const values = [];
    for (const file of ['ledger-libreoffice.xlsx', 'ledger-libreoffice.xls']) {
      const book = readWorkbook(readFileSync(new URL(`../fixtures/spreadsheets/${file}`, import.meta.url)), file);
      expect(book.diagnostics).toEqual([]);
      const { records, diagnostics } = readTable(book.sheets[0]!, [...SPEC, { field: 'by', headers: ['第一提案人'], type: { kind: 'text' } }], { file });
      expect(diagnostics).toEqual([]);
      values.push(records.map((r) => [r.row, r.value]));
    }
    expect(values[0]).toEqual([
      [3, { id: 'P2023-001', title: '关于加快老旧小区改造的建议', by: '张三', date: '2023-01-06', key: true, signers: 3, units: ['市住建局', '市财政局'], filing: '立案' }],
      [4, { id: 'P2023-002', title: '关于推进乡村振兴产业发展的建议', by: '李四', date: '2023-02-28', key: false, signers: 0, units: ['市农业农村局'], filing: '立案' }],
      [5, { id: '12', title: '关于完善养老服务体系的建议', by: '王五', date: '2023-12-31', key: true, signers: 5, units: ['市民政局'], filing: '并案' }],
    ]);
    expect(values[1]).toEqual(values[0]);
  });
});
