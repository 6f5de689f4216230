/**
 * For editors of the report's wording: which template pieces exist, which of them a
 * `--templates` folder overrides, and copying a built-in piece out to edit it.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_TEMPLATES, loadTemplates, ROOT_PIECE, SHARED_TEMPLATES, type TemplatePiece } from '../load/templates.js';
import { byCodePoint } from '../order.js';
import { makeFolder } from '../write/atomic.js';

export interface PieceListing {
  name: string;
  /** From the piece's leading `{{!-- … --}}` comment. */
  description?: string;
  /** Which file supplies the piece in a build with this `--templates` folder. */
  layer: TemplatePiece['layer'];
  file: string;
  /** The built-in file of the same name; undefined for a piece only the user folder has. */
  builtIn?: string;
}

export interface TemplateListing {
  kind: string;
  pieces: PieceListing[];
}

/** The report kinds that have built-in templates (folder names under templates/). */
export async function builtInKinds(): Promise<string[]> {
  const entries = await readdir(BUILTIN_TEMPLATES, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && e.name !== SHARED_TEMPLATES)
    .map((e) => e.name)
    .sort();
}

/** `{{!-- 开头语 --}}` on the first line → 开头语. */
export function pieceDescription(text: string): string | undefined {
  const match = /^\s*\{\{!--\s*([\s\S]*?)\s*--\}\}/.exec(text) ?? /^\s*\{\{!\s*([\s\S]*?)\s*\}\}/.exec(text);
  const first = match?.[1]?.split('\n')[0]?.trim();
  return first ? first : undefined;
}

/** Every piece of a kind, with the file a build would use: the root piece first, then by name. */
export async function listTemplatePieces(kind: string, userFolder?: string): Promise<TemplateListing> {
  const builtIn = loadTemplates(kind, undefined, process.cwd());
  const effective = loadTemplates(kind, userFolder, process.cwd());
  const pieces = [...effective.pieces.values()].map((piece): PieceListing => {
    const original = builtIn.pieces.get(piece.name);
    const listing: PieceListing = { name: piece.name, layer: piece.layer, file: piece.file };
    const description = pieceDescription(original?.text ?? piece.text);
    if (description) listing.description = description;
    if (original) listing.builtIn = original.file;
    return listing;
  });
  pieces.sort((a, b) => Number(b.name === ROOT_PIECE) - Number(a.name === ROOT_PIECE) || byCodePoint(a.name, b.name));
  return { kind, pieces };
}

export type EjectResult =
  | { ok: true; file: string; source: string }
  | { ok: false; reason: 'unknown-piece'; known: string[] }
  | { ok: false; reason: 'exists'; file: string }
  | { ok: false; reason: 'write-failed'; file: string; detail: string };

/**
 * Copies the built-in piece `name` to `<to>/<kind>/<name>.hbs`, the first place a build with
 * `--templates <to>` looks. Refuses when that file, or an override of the same piece directly
 * in `<to>`, already exists: an editor's changes are never overwritten.
 */
export async function ejectTemplatePiece(options: { name: string; kind: string; to: string }): Promise<EjectResult> {
  const name = options.name.replace(/\.hbs$/, '');
  const builtIn = loadTemplates(options.kind, undefined, process.cwd());
  const piece = builtIn.pieces.get(name);
  if (!piece) return { ok: false, reason: 'unknown-piece', known: [...builtIn.pieces.keys()].sort() };
  const target = path.join(options.to, options.kind, `${name}.hbs`);
  for (const existing of [target, path.join(options.to, `${name}.hbs`)]) {
    if (await stat(existing).then(() => true, () => false)) return { ok: false, reason: 'exists', file: existing };
  }
  const content = await readFile(piece.file);
  try {
    // One level at a time: mkdir's `recursive` never returns under /proc.
    await makeFolder(path.dirname(target));
    await writeFile(target, content, { flag: 'wx' });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EEXIST') return { ok: false, reason: 'exists', file: target };
    return { ok: false, reason: 'write-failed', file: e.path ?? target, detail: String(e.code ?? e.message) };
  }
  return { ok: true, file: target, source: piece.file };
}
