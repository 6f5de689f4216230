/**
 * Finds the template pieces of a report kind: a user's `--templates` folder overrides the
 * built-in pieces one file at a time, so an editor copies only the piece they change.
 * Lookup order for piece `opening` of kind `annual`:
 *   <user>/annual/opening.hbs → <user>/opening.hbs → <built-in>/annual/opening.hbs
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listInput, readInput } from '../cache/journal.js';

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

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
  /** Where a piece was looked for, in order, for messages about missing pieces. */
  searched: (name: string) => string[];
}

export const ROOT_PIECE = 'report';

function listPieces(folder: string): string[] {
  try {
    const entries = listInput(folder);
    return entries.filter((e) => e.isFile() && e.name.endsWith('.hbs')).map((e) => e.name.slice(0, -4));
  } catch {
    return [];
  }
}

export async function loadTemplates(kind: string, userFolder?: string): Promise<TemplateSet> {
  const layers: Array<{ folder: string; layer: TemplatePiece['layer'] }> = [];
  if (userFolder) {
    layers.push({ folder: path.join(userFolder, kind), layer: 'user' });
    layers.push({ folder: userFolder, layer: 'user' });
  }
  layers.push({ folder: path.join(BUILTIN_TEMPLATES, kind), layer: 'built-in' });

  const pieces = new Map<string, TemplatePiece>();
  // Later layers only fill what earlier ones left, so the first found wins.
  for (const { folder, layer } of layers) {
    for (const name of listPieces(folder).sort()) {
      if (pieces.has(name)) continue;
      const file = path.join(folder, `${name}.hbs`);
      pieces.set(name, { name, file, layer, text: readInput(file).toString('utf8') });
    }
  }
  return {
    kind,
    pieces,
    searched: (name) => layers.map(({ folder }) => path.join(folder, `${name}.hbs`)),
  };
}
