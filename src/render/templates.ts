/**
 * Finds the template pieces of a report kind: a user's `--templates` folder overrides the
 * built-in pieces one file at a time, so an editor copies only the piece they change.
 * Lookup order for piece `opening` of kind `annual`:
 *   <user>/annual/opening.hbs → <user>/opening.hbs → <built-in>/annual/opening.hbs
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listInput, readInput } from '../cache/journal.js';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../load/project.js';

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
  /** `.hbs` entries that are symbolic links, ignored (absolute paths). */
  links: string[];
  /** Where a piece was looked for, in order, for messages about missing pieces. */
  searched: (name: string) => string[];
}

export const ROOT_PIECE = 'report';

/** The pieces of a folder, and the `.hbs` entries that are links (never followed: see loadTemplates). */
function listPieces(folder: string): { pieces: string[]; links: string[] } {
  try {
    const entries = listInput(folder).filter((e) => e.name.endsWith('.hbs'));
    return {
      pieces: entries.filter((e) => e.isFile()).map((e) => e.name.slice(0, -4)),
      links: entries.filter((e) => e.isSymbolicLink()).map((e) => path.join(folder, e.name)),
    };
  } catch {
    return { pieces: [], links: [] };
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
  const links: string[] = [];
  // Later layers only fill what earlier ones left, so the first found wins. A link is not
  // followed: it could bring in any file of the machine as a piece.
  for (const { folder, layer } of layers) {
    const found = listPieces(folder);
    links.push(...found.links.sort());
    for (const name of found.pieces.sort()) {
      if (pieces.has(name)) continue;
      const file = path.join(folder, `${name}.hbs`);
      pieces.set(name, { name, file, layer, text: readInput(file).toString('utf8') });
    }
  }
  return {
    kind,
    pieces,
    links,
    searched: (name) => layers.map(({ folder }) => path.join(folder, `${name}.hbs`)),
  };
}

/** A warning for each piece ignored because it is a link, so that an editor knows why their piece is not used. */
export function ignoredLinks(templates: TemplateSet, cwd: string): Diagnostic[] {
  return templates.links.map((file) => diagnostic('templateLinkIgnored', { name: path.basename(file, '.hbs') }, { file: displayPath(cwd, file) }));
}
