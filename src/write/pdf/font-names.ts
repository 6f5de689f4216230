// Reads the names of the faces in a font file (TrueType, OpenType, and collections of them), so
// that fonts can be found by any of their names (仿宋_GB2312 as well as FangSong_GB2312) and named
// to Typst the way Typst names them. Reads only the table directory and the name and OS/2 tables.
import { diskFontFiles, eachFace, type FontFace, type FontFiles } from './font-files.js';

export interface FaceNames {
  /** Every family name the face gives (name IDs 1 and 16, full name 4), in any language. */
  names: string[];
  /** The family name Typst lists the face under (its English name ID 1, style words trimmed). */
  typstFamily: string;
  /** usWeightClass from OS/2 (400 regular, 700 bold). */
  weight: number;
}

const MAC_ENGLISH = 0;
const WINDOWS_ENGLISH_US = 0x409;

/** A name record's text: UTF-16BE for Unicode and Windows records, Mac Roman (ASCII part) for Mac. */
function decode(platform: number, encoding: number, bytes: Buffer): string | undefined {
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) {
    const chars: number[] = [];
    for (let i = 0; i + 1 < bytes.length; i += 2) chars.push(bytes.readUInt16BE(i));
    return String.fromCharCode(...chars);
  }
  if (platform === 1 && encoding === 0 && bytes.every((b) => b < 0x80)) return bytes.toString('latin1');
  return undefined;
}

// typst-library's typographic_family: a family name without the style words at its end
// ("Noto Serif CJK SC Bold" → "Noto Serif CJK SC"), compared without regard to case.
const SUFFIXES = ['normal', 'italic', 'oblique', 'slanted', 'thin', 'th', 'hairline', 'light', 'lt', 'regular', 'medium', 'med', 'md', 'bold', 'bd', 'demi', 'extb', 'black', 'blk', 'bk', 'heavy', 'narrow', 'condensed', 'cond', 'cn', 'cd', 'compressed', 'expanded', 'exp', 'vf', 'var', 'variable'];
const MODIFIERS = ['extra', 'ext', 'ex', 'x', 'semi', 'sem', 'sm', 'demi', 'dem', 'ultra'];
export function typographicFamily(family: string): string {
  let name = family.trim().replace(/^\.+/, '');
  for (;;) {
    const lower = name.toLowerCase();
    const suffix = SUFFIXES.find((s) => lower.endsWith(s) && /[ _-]$/.test(lower.slice(0, -s.length)));
    if (!suffix) return name;
    let rest = name.slice(0, -suffix.length).replace(/[ _-]+$/, '');
    const modifier = MODIFIERS.find((m) => rest.toLowerCase().endsWith(m) && /[ _-]$/.test(rest.slice(0, -m.length)));
    if (modifier) rest = rest.slice(0, -modifier.length).replace(/[ _-]+$/, '');
    if (rest === '') return name;
    name = rest;
  }
}

function face({ read, table }: FontFace): FaceNames | undefined {
  const nameTable = table('name');
  if (!nameTable) return undefined;
  const data = read(nameTable.offset, nameTable.length);
  if (data.length < 6) return undefined;
  const count = data.readUInt16BE(2);
  const strings = data.readUInt16BE(4);
  const names = new Set<string>();
  let english: string | undefined;
  let first: string | undefined;
  for (let i = 0; i < count && 6 + i * 12 + 12 <= data.length; i++) {
    const r = 6 + i * 12;
    const [platform, encoding, language, id, length, at] = [0, 2, 4, 6, 8, 10].map((o) => data.readUInt16BE(r + o)) as [number, number, number, number, number, number];
    if (id !== 1 && id !== 4 && id !== 16) continue;
    const text = decode(platform, encoding, data.subarray(strings + at, strings + at + length))?.trim();
    if (!text) continue;
    names.add(text);
    if (id !== 1) continue;
    first ??= text;
    if (english === undefined && ((platform === 3 && language === WINDOWS_ENGLISH_US) || (platform === 1 && language === MAC_ENGLISH))) english = text;
  }
  const family = english ?? first;
  if (!family) return undefined;
  const os2 = table('OS/2');
  const weight = os2 ? read(os2.offset + 4, 2).readUInt16BE(0) : 400;
  return { names: [...names], typstFamily: typographicFamily(family), weight };
}

/** The faces of a font file; empty when it cannot be read as a font. */
export function readFaceNames(file: string, files: FontFiles = diskFontFiles): FaceNames[] {
  return eachFace(file, files, face);
}
