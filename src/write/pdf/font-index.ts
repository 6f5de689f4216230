// Finding the PDF's fonts on this machine, without the network: the layout names fonts by their
// Chinese names (仿宋_GB2312); each is looked for by all its names in the usual font folders, then
// its fallbacks in order (仿宋 → FangSong → … → Noto Serif CJK SC), and the ones that are missing
// are reported. Typst is then told each font by the family name it knows it under.
import { homedir } from 'node:os';
import path from 'node:path';
import { fontChain } from '../docx/fonts.js';
import type { Layout } from '../../domain/layout.js';
import { diskFontFiles, type FontFiles } from './font-files.js';
import { readFaceNames } from './font-names.js';
import type { NarrowWidths } from './line-break.js';

export interface InstalledFace {
  file: string;
  family: string;
  weight: number;
}

export interface FontIndex {
  /** Faces by every name they give, lower-cased. */
  byName: Map<string, InstalledFace[]>;
}

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

/** The folders fonts are installed in on Linux, macOS and Windows, for the system and the user. */
export function systemFontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = homedir();
  const windir = env.WINDIR ?? env.windir;
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    path.join(home, '.local/share/fonts'),
    path.join(home, '.fonts'),
    '/Library/Fonts',
    '/System/Library/Fonts',
    path.join(home, 'Library/Fonts'),
    ...(windir ? [path.join(windir, 'Fonts')] : []),
    ...(env.LOCALAPPDATA ? [path.join(env.LOCALAPPDATA, 'Microsoft/Windows/Fonts')] : []),
  ];
}

/** Font files under the folders, in a stable order; unreadable folders are skipped. */
function fontFiles(dirs: readonly string[], io: FontFiles): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string, depth: number) => {
    if (depth > 6 || seen.has(dir)) return;
    seen.add(dir);
    const entries = io.list(dir);
    if (!entries) return;
    for (const name of [...entries].sort()) {
      const full = path.join(dir, name);
      if (FONT_FILE.test(name)) files.push(full);
      else if (io.isDirectory(full)) walk(full, depth + 1);
    }
  };
  for (const dir of dirs) walk(dir, 0);
  return files;
}

export function indexFonts(dirs: readonly string[], io: FontFiles = diskFontFiles): FontIndex {
  const byName = new Map<string, InstalledFace[]>();
  for (const file of fontFiles(dirs, io)) {
    for (const face of readFaceNames(file, io)) {
      for (const name of face.names) {
        const key = name.toLowerCase();
        const list = byName.get(key) ?? [];
        list.push({ file, family: face.typstFamily, weight: face.weight });
        byName.set(key, list);
      }
    }
  }
  return { byName };
}

export interface ResolvedFont {
  /** The name the layout asks for. */
  requested: string;
  /** The name found (the requested one, or a fallback). */
  used: string;
  /** Typst's family name of what was found. */
  family: string;
  /** Whether a bold face of it is installed (else bold is drawn by stroking). */
  hasBold: boolean;
  files: string[];
  /** For a Latin face: the widths of its half-width characters in em, as the engine measured them. */
  narrow?: NarrowWidths;
}

/** The first installed font of a name's fallback chain, or undefined when none is. */
export function resolveFont(name: string, layout: Layout, index: FontIndex): ResolvedFont | undefined {
  for (const candidate of fontChain(name, layout)) {
    const faces = index.byName.get(candidate.toLowerCase());
    if (!faces || faces.length === 0) continue;
    const family = faces[0]!.family;
    // The family's faces in the folder the first was found in (a project's fonts folder before a
    // copy of the same font installed on the machine).
    const folder = path.dirname(faces[0]!.file);
    const same = (index.byName.get(family.toLowerCase()) ?? faces).filter((f) => f.family === family && path.dirname(f.file) === folder);
    return {
      requested: name,
      used: candidate,
      family,
      hasBold: same.some((f) => f.weight >= 600),
      files: [...new Set(same.map((f) => f.file))],
    };
  }
  return undefined;
}

/** Open CJK fonts tried when a font and all its fallbacks are missing. */
export const OPEN_CJK = {
  serif: ['Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Serif SC', 'AR PL UMing CN', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei'],
  sans: ['Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei', 'Noto Serif CJK SC'],
  serifHant: ['Noto Serif CJK TC', 'Source Han Serif TC', 'Noto Serif TC', 'AR PL UMing TW', 'Noto Sans CJK TC', 'Noto Serif CJK SC'],
  sansHant: ['Noto Sans CJK TC', 'Source Han Sans TC', 'Noto Sans TC', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei'],
};
