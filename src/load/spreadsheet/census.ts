/**
 * Counts what the spreadsheet library would turn into objects, before it does: cells, shared
 * strings and merged ranges in an .xlsx's XML, cell records in an .xls's BIFF stream. A file
 * within the byte limits can still hold millions of tiny cells (`<c r="A1"/>` is 12 bytes), and
 * each costs the library a few hundred bytes of memory; counting first keeps that bounded.
 */
import { unescapeXml } from '../../xml.js';

export interface Census {
  cells: number;
  sharedStrings: number;
  merges: number;
}

const LT = 0x3c;
const SLASH = 0x2f;
const COLON = 0x3a;

/**
 * Start tags `<c …>`, `<si>`, `<mergeCell …/>`, with or without a namespace prefix (`<x:c>`),
 * added to the census; returns how many rows of the part hold cells.
 */
export function countXml(bytes: Uint8Array, census: Census): number {
  let rows = 0;
  let rowHasCells = false;
  let i = bytes.indexOf(LT);
  while (i >= 0 && i < bytes.length - 1) {
    let start = i + 1;
    if (bytes[start] !== SLASH) {
      let end = start;
      while (end < bytes.length && isNameByte(bytes[end]!)) {
        if (bytes[end] === COLON) start = end + 1;
        end++;
      }
      const length = end - start;
      if (length === 1 && bytes[start] === 0x63) {
        census.cells++;
        if (!rowHasCells) rows++;
        rowHasCells = true;
      } else if (length === 3 && matches(bytes, start, ROW)) rowHasCells = false;
      else if (length === 2 && bytes[start] === 0x73 && bytes[start + 1] === 0x69) census.sharedStrings++;
      else if (length === 9 && matches(bytes, start, MERGE_CELL)) census.merges++;
    }
    i = bytes.indexOf(LT, i + 1);
  }
  return rows;
}

/** Part name (`xl/worksheets/sheet1.xml`) → the sheet's name, from workbook.xml and its relationships. */
export function sheetNamesByPart(parts: ReadonlyMap<string, Uint8Array>): Map<string, string> {
  const text = (name: string) => {
    const data = [...parts].find(([n]) => n.toLowerCase() === name)?.[1];
    return data ? new TextDecoder().decode(data) : '';
  };
  const targets = new Map<string, string>();
  for (const [, attributes] of text('xl/_rels/workbook.xml.rels').matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(attributes!)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(attributes!)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [, attributes] of text('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(attributes!)?.[1];
    const id = /\b(?:\w+:)?id="([^"]*)"/.exec(attributes!)?.[1];
    const part = id && targets.get(id);
    if (name && part) names.set(part.toLowerCase(), unescapeXml(name));
  }
  return names;
}


const ROW = [...'row'].map((c) => c.charCodeAt(0));
const MERGE_CELL = [...'mergeCell'].map((c) => c.charCodeAt(0));

function matches(bytes: Uint8Array, at: number, word: number[]): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === COLON || b === 0x5f || b === 0x2d || b === 0x2e;
}

/** BIFF8 cell records, and how many cells each holds (MULRK and MULBLANK hold several). */
const CELL_RECORDS = new Set([0x0006, 0x00fd, 0x0203, 0x0204, 0x0205, 0x027e, 0x0201, 0x0207]);
const MULRK = 0x00bd;
const MULBLANK = 0x00be;
const SST = 0x00fc;
const MERGECELLS = 0x00e5;

/** Counts the cells of an .xls's Workbook stream, record by record (4-byte headers: type, length). */
export function countBiff(stream: Uint8Array, census: Census): void {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (CELL_RECORDS.has(type)) census.cells++;
    else if (type === MULRK) census.cells += Math.max(0, Math.floor((length - 6) / 6));
    else if (type === MULBLANK) census.cells += Math.max(0, Math.floor((length - 6) / 2));
    else if (type === SST && length >= 8) census.sharedStrings = Math.max(census.sharedStrings, view.getUint32(at + 8, true));
    else if (type === MERGECELLS && length >= 2) census.merges += view.getUint16(at + 4, true);
    at += 4 + length;
  }
}
