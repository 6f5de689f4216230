/**
 * Mutations of a ledger's shape that keep its content: line endings mixed as when two exports
 * are pasted together, an old copy kept in a hidden sheet, a flood of blank lines; and one that
 * breaks it: very many rows missing their required cells. A shape change must not change the
 * count (the oracle reads the file back: `rows`), a flood must end in bounded time.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeWorkbook } from '../../../src/write/spreadsheet/write.js';
import { gridOf, type Grid } from './spreadsheet.js';
import { nat } from './text.js';
import { unchanged, type Files, type InputGenerator, type Mutation, type Outcome } from './types.js';

const shapeMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('mixEndings'), at: nat, first: fc.constantFrom('\r\n', '\n', '\r'), rest: fc.constantFrom('\r\n', '\n', '\r') }),
  fc.record({ op: fc.constant('hiddenSheet'), rows: fc.integer({ min: 1, max: 40 }), state: fc.constantFrom('hidden', 'veryHidden') }),
  fc.record({ op: fc.constant('blankFlood'), at: nat, lines: fc.integer({ min: 1, max: 400_000 }), ending: fc.constantFrom('\r\n', '\n', '\r', ',,,\n') }),
  fc.record({ op: fc.constant('manyBadRows'), rows: fc.integer({ min: 1000, max: 40_000 }) }),
);

/** The first sheet as a table of text, with a header and at least one row; undefined otherwise. */
function table(bytes: Buffer, file: string): Grid | undefined {
  const grid = gridOf(bytes, file);
  return grid && grid.rows.length > 0 ? grid : undefined;
}

/** The table as CSV lines (the project's writer, so guarded and quoted as an export is), header first. */
function csvLines(t: NonNullable<ReturnType<typeof table>>): string[] {
  const text = Buffer.from(writeWorkbook({ sheet: t.sheet, headers: t.headers, rows: t.rows }, 'csv')).toString('utf8').replace(/^\ufeff/, '');
  // Records end in CRLF; a CRLF inside quotes is a cell's line break and stays.
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    current += ch;
    if (!quoted && current.endsWith('\r\n')) {
      lines.push(current.slice(0, -2));
      current = '';
    }
  }
  return lines;
}

const csv = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

export const shapeGenerator: InputGenerator = {
  name: 'shapes',
  files: (files: Files) => [...files.keys()].filter((f) => /\.(xlsx|csv)$/i.test(f) && !f.startsWith('../')).sort(),
  mutation: shapeMutation,
  apply(bytes, m, where): Outcome {
    const t = table(bytes, where.file);
    if (!t) return unchanged(bytes);
    const n = (key: string) => m[key] as number;
    const isCsv = /\.csv$/i.test(where.file);
    const rowCount = 1 + t.rows.filter((r) => r.some((c) => c !== '')).length;
    switch (m.op) {
      // A CSV in the place of a workbook is read as CSV (RPT7xx names the mismatch, a warning).
      case 'mixEndings': {
        const lines = csvLines(t);
        const at = n('at') % lines.length;
        const text = lines.slice(0, at).map((l) => l + (m.first as string)).join('') + lines.slice(at).map((l) => l + (m.rest as string)).join('');
        return { bytes: csv(text), applied: true, breaks: false, rows: rowCount };
      }
      case 'blankFlood': {
        const lines = csvLines(t);
        const at = 1 + (n('at') % lines.length);
        const flood = (m.ending as string).repeat(n('lines'));
        const text = lines.slice(0, at).map((l) => `${l}\r\n`).join('') + flood + lines.slice(at).map((l) => `${l}\r\n`).join('');
        return { bytes: csv(text), applied: true, breaks: false, rows: rowCount };
      }
      case 'hiddenSheet': {
        // Only a workbook (an earlier step may have made it a CSV under its old name).
        if (isCsv || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return unchanged(bytes);
        const parts = unzipSync(new Uint8Array(bytes));
        const workbook = parts['xl/workbook.xml'];
        const rels = parts['xl/_rels/workbook.xml.rels'];
        const types = parts['[Content_Types].xml'];
        const sheet = parts['xl/worksheets/sheet1.xml'];
        if (!workbook || !rels || !types || !sheet) return unchanged(bytes);
        // An old copy: the first rows of the sheet again, in a sheet Excel does not show.
        const xml = strFromU8(sheet);
        const rowsXml = [...xml.matchAll(/<row [^>]*>.*?<\/row>/gs)].slice(0, 1 + n('rows')).map((r) => r[0]).join('');
        parts['xl/worksheets/sheet99.xml'] = strToU8(xml.replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${rowsXml}</sheetData>`).replace(/<sheetView [^>]*tabSelected="1"/, '<sheetView'));
        parts['xl/workbook.xml'] = strToU8(strFromU8(workbook).replace('</sheets>', `<sheet name="提案(旧)" sheetId="99" state="${m.state as string}" r:id="rId99"/></sheets>`));
        parts['xl/_rels/workbook.xml.rels'] = strToU8(
          strFromU8(rels).replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>'),
        );
        parts['[Content_Types].xml'] = strToU8(
          strFromU8(types).replace('</Types>', '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        );
        return { bytes: Buffer.from(zipSync(parts)), applied: true, breaks: false, rows: rowCount };
      }
      case 'manyBadRows': {
        // Only the first column (the id) filled: every row misses its required cells.
        const bad = Array.from({ length: n('rows') }, (_, i) => [`X${String(i).padStart(6, '0')}`, ...t.headers.slice(1).map(() => '')]);
        const out = writeWorkbook({ sheet: t.sheet, headers: t.headers, rows: [...t.rows, ...bad] }, isCsv ? 'csv' : 'xlsx');
        return { bytes: Buffer.from(out), applied: true, breaks: true };
      }
      default:
        return unchanged(bytes);
    }
  },
};
