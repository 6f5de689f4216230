import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/render/templates.js';
import { builtInKinds, ejectTemplatePiece, listTemplatePieces, pieceDescription } from '../../src/templates/manage.js';
import { tempDir } from '../helpers/fixture.js';

describe('template pieces', () => {
  it('reads a piece’s description from its leading comment', () => {
    expect(pieceDescription('{{!-- 开头语 --}}\n现在，我代表…')).toBe('开头语');
    expect(pieceDescription('{{! 致谢 }}\n…')).toBe('致谢');
    expect(pieceDescription('没有注释')).toBeUndefined();
  });

  it('lists the built-in pieces, the root piece first', async () => {
    expect(await builtInKinds()).toContain('annual');
    const listing = await listTemplatePieces('annual');
    expect(listing.pieces[0]!.name).toBe('report');
    expect(listing.pieces.map((p) => p.name)).toEqual(expect.arrayContaining(['opening', 'review', 'plan', 'closing', 'title-block']));
    for (const p of listing.pieces) {
      expect(p.layer).toBe('built-in');
      expect(p.file).toBe(path.join(BUILTIN_TEMPLATES, 'annual', `${p.name}.hbs`));
      expect(p.builtIn).toBe(p.file);
    }
    expect(listing.pieces.find((p) => p.name === 'opening')!.description).toBe('开头语');
  });

  it('shows which pieces a --templates folder overrides, in either layer, and pieces it adds', async () => {
    const user = await tempDir();
    await mkdir(path.join(user, 'annual'));
    await writeFile(path.join(user, 'annual', 'opening.hbs'), '受委托，现在报告工作。\n');
    await writeFile(path.join(user, 'thanks.hbs'), '{{!-- 我们的致谢 --}}\n谢谢。\n');
    await writeFile(path.join(user, 'annual', 'signature.hbs'), '{{!-- 落款 --}}\n');
    const listing = await listTemplatePieces('annual', user);
    const by = Object.fromEntries(listing.pieces.map((p) => [p.name, p]));
    expect(by.opening).toMatchObject({ layer: 'user', file: path.join(user, 'annual', 'opening.hbs'), builtIn: path.join(BUILTIN_TEMPLATES, 'annual', 'opening.hbs') });
    expect(by.thanks).toMatchObject({ layer: 'user', file: path.join(user, 'thanks.hbs'), description: '致谢' });
    expect(by.signature).toMatchObject({ layer: 'user', description: '落款' });
    expect(by.signature!.builtIn).toBeUndefined();
    expect(by.review!.layer).toBe('built-in');
  });

  it('ejects a copy of a built-in piece and never overwrites', async () => {
    const to = await tempDir();
    const result = await ejectTemplatePiece({ name: 'opening', kind: 'annual', to });
    expect(result).toEqual({ ok: true, file: path.join(to, 'annual', 'opening.hbs'), source: path.join(BUILTIN_TEMPLATES, 'annual', 'opening.hbs') });
    expect(await readFile(path.join(to, 'annual', 'opening.hbs'), 'utf8')).toBe(await readFile(path.join(BUILTIN_TEMPLATES, 'annual', 'opening.hbs'), 'utf8'));
    await writeFile(path.join(to, 'annual', 'opening.hbs'), '改过的开头\n');
    expect(await ejectTemplatePiece({ name: 'opening.hbs', kind: 'annual', to })).toEqual({ ok: false, reason: 'exists', file: path.join(to, 'annual', 'opening.hbs') });
    expect(await readFile(path.join(to, 'annual', 'opening.hbs'), 'utf8')).toBe('改过的开头\n');
    // An override directly in the folder counts too: a copy under annual/ would silently shadow it.
    await writeFile(path.join(to, 'closing.hbs'), '我们的结束语\n');
    expect(await ejectTemplatePiece({ name: 'closing', kind: 'annual', to })).toMatchObject({ ok: false, reason: 'exists', file: path.join(to, 'closing.hbs') });
  });

  it('names the pieces there are when asked for one that is not', async () => {
    const result = await ejectTemplatePiece({ name: 'openning', kind: 'annual', to: await tempDir() });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason === 'unknown-piece' && result.known).toContain('opening');
  });
});
