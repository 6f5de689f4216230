/**
 * Finds the template pieces of a report kind: a user's `--templates` folder overrides the
 * built-in pieces one file at a time, so an editor copies only the piece they change.
 * The built-in pieces are a kind's own folder over the pieces all kinds share (templates/shared:
 * a paragraph, a plan item, thanks, shortcomings, the closing), so a shared piece is written once.
 * Lookup order for piece `opening` of kind `annual`:
 *   <user>/annual/opening.hbs → <user>/opening.hbs → <built-in>/annual/opening.hbs → <built-in>/shared/opening.hbs
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from './data-folder.js';
import { readProblem } from './read-problem.js';
import { listFolder, readRegularFile } from './files.js';
import { appendAll } from '../append.js';

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

/** The folder of built-in pieces every kind shares, under BUILTIN_TEMPLATES; not a kind. */
export const SHARED_TEMPLATES = 'shared';

/** How a piece's bytes become its text (a stray byte becomes U+FFFD); one decoder for every piece: making one costs several times decoding a piece. */
const UTF8 = new TextDecoder('utf-8', { fatal: false });

/** Larger pieces are refused unread: the genre's longest piece is a few kilobytes. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

export interface TemplatePiece {
  name: string;
  /** Absolute path of the file that supplies the piece. */
  file: string;
  layer: 'user' | 'built-in';
  text: string;
}

export interface TemplateSet {
  kind: string;
  pieces: Map<string, TemplatePiece>;
  /** `.hbs` entries that are symbolic links, ignored (absolute paths). */
  links: string[];
  /** Problems reading the pieces (too large, unreadable), as diagnostics. */
  diagnostics: Diagnostic[];
  /** Where a piece was looked for, in order, for messages about missing pieces. */
  searched: (name: string) => string[];
}

export const ROOT_PIECE = 'report';

/** The pieces of a folder, and the `.hbs` entries that are links (never followed: see loadTemplates). */
function listPieces(folder: string): { pieces: string[]; links: string[]; others: Array<{ file: string; folder: boolean }> } {
  const entries = listFolder(folder).filter((e) => e.name.endsWith('.hbs'));
  return {
    pieces: entries.filter((e) => e.kind === 'file').map((e) => e.name.slice(0, -4)),
    links: entries.filter((e) => e.kind === 'link').map((e) => path.join(folder, e.name)),
    // A folder, FIFO or device named like a piece: never opened, but not passed over in silence.
    others: entries.filter((e) => e.kind === 'folder' || e.kind === 'other').map((e) => ({ file: path.join(folder, e.name), folder: e.kind === 'folder' })),
  };
}

export function loadTemplates(kind: string, userFolder: string | undefined, cwd: string): TemplateSet {
  const layers: Array<{ folder: string; layer: TemplatePiece['layer'] }> = [];
  if (userFolder) {
    layers.push({ folder: path.join(userFolder, kind), layer: 'user' });
    layers.push({ folder: userFolder, layer: 'user' });
  }
  layers.push({ folder: path.join(BUILTIN_TEMPLATES, kind), layer: 'built-in' });
  const shared = { folder: path.join(BUILTIN_TEMPLATES, SHARED_TEMPLATES), layer: 'built-in' as const };
  layers.push(shared);

  const pieces = new Map<string, TemplatePiece>();
  const links: string[] = [];
  const diagnostics: Diagnostic[] = [];
  // Later layers only fill what earlier ones left, so the first found wins. A link is not
  // followed: it could bring in any file of the machine as a piece.
  for (const { folder, layer } of layers) {
    const found = listPieces(folder);
    appendAll(links, found.links.sort());
    for (const other of found.others) {
      const what = other.folder ? '文件夹' : '管道、设备或套接字';
      diagnostics.push(diagnostic('templateNotFile', { name: path.basename(other.file, '.hbs'), what }, { file: displayPath(cwd, other.file) }));
    }
    const read = new Map<string, { text: string } | { problem: Diagnostic }>();
    for (const name of found.pieces.sort()) {
      if (pieces.has(name)) continue;
      const file = path.join(folder, `${name}.hbs`);
      const bytes = readRegularFile(file, MAX_TEMPLATE_BYTES);
      read.set(name, bytes.ok ? { text: UTF8.decode(bytes.bytes) } : { problem: readProblem(bytes, displayPath(cwd, file), 'template') });
    }
    // A shared piece belongs to the kind when its pieces use it (a compilation has no closing).
    for (const name of folder === shared.folder ? usedOf(read, pieces) : [...read.keys()]) {
      const piece = read.get(name)!;
      if ('problem' in piece) diagnostics.push(piece.problem);
      else pieces.set(name, { name, file: path.join(folder, `${name}.hbs`), layer, text: piece.text });
    }
  }
  return {
    kind,
    pieces,
    links,
    diagnostics,
    searched: (name) => layers.map(({ folder }) => path.join(folder, `${name}.hbs`)),
  };
}

/** Of the shared pieces read, those the kind's pieces call (`{{> paragraph}}`), and those these call in turn. */
function usedOf(shared: ReadonlyMap<string, { text: string } | { problem: Diagnostic }>, pieces: ReadonlyMap<string, TemplatePiece>): string[] {
  const texts = [...pieces.values()].map((p) => p.text);
  const used = new Set<string>();
  for (let grown = true; grown; ) {
    grown = false;
    for (const [name, piece] of shared) {
      if (used.has(name) || !texts.some((t) => new RegExp(`\\{\\{~?#?>\\s*${name}(?![\\w-])`).test(t))) continue;
      used.add(name);
      grown = true;
      if ('text' in piece) texts.push(piece.text);
    }
  }
  return [...used].sort();
}

/** A warning for each piece ignored because it is a link, so that an editor knows why their piece is not used. */
export function ignoredLinks(templates: TemplateSet, cwd: string): Diagnostic[] {
  return templates.links.map((file) => diagnostic('templateLinkIgnored', { name: path.basename(file, '.hbs') }, { file: displayPath(cwd, file) }));
}
