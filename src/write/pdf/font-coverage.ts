// Which characters of the report no font of the PDF has: Typst draws nothing for them (a rare
// name character such as 𠀀 U+20000 comes out blank), so each is told with the place it is in.
// Reads only the fonts' character maps (the cmap table, formats 4 and 12).
import type { ReportDocument } from '../document.js';
import { diskFontFiles, eachFace, type FontFace, type FontFiles } from './font-files.js';

export interface UncoveredCharacter {
  /** The character itself. */
  char: string;
  /** U+20000. */
  code: string;
  /** The text around its first occurrence, to find it in the report. */
  context: string;
  /** How many times it occurs. */
  count: number;
}

type Covers = (codePoint: number) => boolean;

/** Characters of `doc` that none of `files` covers; ASCII and line-breaking spaces are never asked about. */
export function uncoveredCharacters(doc: ReportDocument, files: readonly string[], io: FontFiles = diskFontFiles): UncoveredCharacter[] {
  const found = new Map<number, UncoveredCharacter>();
  const maps = files.flatMap((file) => characterMaps(file, io));
  if (maps.length === 0) return [];
  const known = new Map<number, boolean>();
  const covered = (cp: number) => {
    let hit = known.get(cp);
    if (hit === undefined) known.set(cp, (hit = maps.some((covers) => covers(cp))));
    return hit;
  };
  for (const text of texts(doc)) {
    const chars = [...text];
    chars.forEach((ch, i) => {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80 || /\s/.test(ch) || covered(cp)) return;
      const seen = found.get(cp);
      if (seen) seen.count++;
      else found.set(cp, { char: ch, code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, context: chars.slice(Math.max(0, i - 10), i + 11).join(''), count: 1 });
    });
  }
  return [...found.values()];
}

function* texts(doc: ReportDocument): Generator<string> {
  const inline = (inlines: ReadonlyArray<{ type: string; text?: string }>) => inlines.map((i) => i.text ?? '').join('');
  yield doc.meta.title;
  for (const block of doc.blocks) {
    if (block.type === 'paragraph') yield inline(block.inlines);
    else {
      if (block.caption) yield inline(block.caption);
      for (const row of [block.header, ...block.rows]) for (const cell of row) yield inline(cell.inlines);
    }
  }
}

/** One lookup per face of a font file (a .ttc holds several); none when it cannot be read. */
function characterMaps(file: string, io: FontFiles): Covers[] {
  return eachFace(file, io, faceMap);
}

function faceMap({ read, table }: FontFace): Covers | undefined {
  const cmap = table('cmap');
  if (!cmap) return undefined;
  const data = read(cmap.offset, cmap.length);
  const count = data.readUInt16BE(2);
  let format4: number | undefined;
  for (let i = 0; i < count && 4 + i * 8 + 8 <= data.length; i++) {
    const platform = data.readUInt16BE(4 + i * 8);
    const encoding = data.readUInt16BE(6 + i * 8);
    const at = data.readUInt32BE(8 + i * 8);
    if (at + 2 > data.length) continue;
    const format = data.readUInt16BE(at);
    // Format 12 maps the whole of Unicode; format 4 only the first plane.
    if (format === 12 && (platform === 3 || platform === 0)) return format12(data, at);
    if (format === 4 && (platform === 0 || (platform === 3 && encoding === 1))) format4 ??= at;
  }
  return format4 === undefined ? undefined : format4Map(data, format4);
}

function format12(data: Buffer, at: number): Covers {
  const groups = data.readUInt32BE(at + 12);
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = at + 16 + mid * 12;
      if (g + 12 > data.length) return false;
      if (cp < data.readUInt32BE(g)) hi = mid - 1;
      else if (cp > data.readUInt32BE(g + 4)) lo = mid + 1;
      else return data.readUInt32BE(g + 8) + (cp - data.readUInt32BE(g)) !== 0;
    }
    return false;
  };
}

function format4Map(data: Buffer, at: number): Covers {
  const segments = data.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  return (cp) => {
    if (cp > 0xffff) return false;
    for (let i = 0; i < segments; i++) {
      if (data.readUInt16BE(ends + i * 2) < cp) continue;
      const start = data.readUInt16BE(starts + i * 2);
      if (start > cp) return false;
      const delta = data.readUInt16BE(deltas + i * 2);
      const range = data.readUInt16BE(ranges + i * 2);
      if (range === 0) return ((cp + delta) & 0xffff) !== 0;
      const glyphAt = ranges + i * 2 + range + (cp - start) * 2;
      if (glyphAt + 2 > data.length) return false;
      const glyph = data.readUInt16BE(glyphAt);
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}
