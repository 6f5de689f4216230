/** `report templates list|eject`, and the functions behind them (templates/manage.ts). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/load/templates.js';
import { builtInKinds, ejectTemplatePiece, listTemplatePieces, pieceDescription } from '../../src/templates/manage.js';
import { copyFixture, edit, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';

const ANNUAL_PIECES = ['closing', 'opening', 'paragraph', 'plan', 'plan-item', 'review', 'shortcomings', 'thanks', 'title-block'];
/** Pieces all kinds share (templates/shared), written once. */
const SHARED_PIECES = new Set(['closing', 'paragraph', 'plan-item', 'shortcomings', 'thanks']);
const folderOf = (name: string) => (SHARED_PIECES.has(name) ? 'shared' : 'annual');

describe('report templates list', () => {
  it('lists every built-in piece with its file and description', async () => {
    const run = await report(['templates', 'list']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^片段 +使用 +文件 +说明$/);
    expect(lines[2]).toMatch(/^report +内置 +templates\/annual\/report\.hbs +年度工作报告/);
    for (const name of ANNUAL_PIECES) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${name} +内置 +templates/${folderOf(name)}/${name}\\.hbs`)));
    }
    expect(run.stdout).toContain(`共 ${ANNUAL_PIECES.length + 1} 个内置片段`);
  });

  it('lists the pieces of another kind', async () => {
    const run = await report(['templates', 'list', '--kind', 'term']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^lessons +内置 +templates\/term\/lessons\.hbs/m);
  });

  it('marks the pieces a --templates folder overrides, with their path', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'mine', 'annual'), { recursive: true });
    await writeFile(path.join(cwd, 'mine', 'annual', 'opening.hbs'), '受委托报告工作。\n');
    await writeFile(path.join(cwd, 'mine', 'closing.hbs'), '谢谢大家。\n');
    const run = await report(['templates', 'list', '--templates', 'mine'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^opening +覆盖 +mine\/annual\/opening\.hbs +开头语$/m);
    expect(run.stdout).toMatch(/^closing +覆盖 +mine\/closing\.hbs +结束语$/m);
    expect(run.stdout).toMatch(/^review +内置 /m);
    expect(run.stdout).toContain('其中 2 个来自 mine');
    const json = JSON.parse((await report(['templates', 'list', '--templates', 'mine', '--json'], { cwd })).stdout);
    expect(json.pieces.find((p: { name: string }) => p.name === 'opening')).toMatchObject({ layer: 'user', file: 'mine/annual/opening.hbs' });
  });

  it('refuses a missing --templates folder and an unknown kind', async () => {
    const missing = await report(['templates', 'list', '--templates', '/nonexistent/templates']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('RPT507');
    const kind = await report(['templates', 'list', '--kind', 'speech']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('annual');
  });
});

describe('built-in pieces shared by the kinds', () => {
  it('are one file each, used by every kind that calls them and listed only there', async () => {
    const { readdir } = await import('node:fs/promises');
    const { createHash } = await import('node:crypto');
    // No two built-in pieces are the same bytes: a piece shared is written once, in templates/shared.
    const seen = new Map<string, string>();
    for (const folder of await readdir(BUILTIN_TEMPLATES)) {
      for (const file of await readdir(path.join(BUILTIN_TEMPLATES, folder))) {
        const hash = createHash('sha1').update(await readFile(path.join(BUILTIN_TEMPLATES, folder, file))).digest('hex');
        expect(seen.get(hash), `${folder}/${file}`).toBeUndefined();
        seen.set(hash, `${folder}/${file}`);
      }
    }
    const names = async (kind: string) => (await listTemplatePieces(kind)).pieces.map((p) => p.name);
    for (const kind of ['annual', 'proposals', 'term']) expect(await names(kind)).toEqual(expect.arrayContaining(['closing', 'paragraph', 'plan-item']));
    // The compilation calls only the paragraph; the summary has its own closing.
    expect(await names('compilation')).toContain('paragraph');
    expect(await names('compilation')).not.toContain('closing');
    expect((await listTemplatePieces('summary')).pieces.find((p) => p.name === 'closing')!.file).toBe(path.join(BUILTIN_TEMPLATES, 'summary', 'closing.hbs'));
  });
});

describe('report templates eject', () => {
  it('copies a piece into templates-local/annual/, and a build with --templates uses the edited copy', async () => {
    const cwd = await tempDir();
    const run = await report(['templates', 'eject', 'opening'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('templates-local/annual/opening.hbs');
    expect(run.stderr).toContain('--templates templates-local');
    const file = path.join(cwd, 'templates-local', 'annual', 'opening.hbs');
    await edit(file, '向大会报告工作', '向大会报告一年来的工作');
    const listed = await report(['templates', 'list', '--templates', 'templates-local'], { cwd });
    expect(listed.stdout).toMatch(/^opening +覆盖 +templates-local\/annual\/opening\.hbs/m);

    const data = await copyFixture('minimal');
    const out = await tempDir();
    const build = await report(['build', '--data', data, '--out', out, '--format', 'md', '--templates', 'templates-local'], { cwd });
    expect(build.code).toBe(0);
    expect(await readFile(path.join(out, '2023', 'report.md'), 'utf8')).toContain('向大会报告一年来的工作');
  });

  it('never overwrites an edited copy', async () => {
    const cwd = await tempDir();
    expect((await report(['templates', 'eject', 'thanks', '--to', 'tpl'], { cwd })).code).toBe(0);
    const file = path.join(cwd, 'tpl', 'annual', 'thanks.hbs');
    await writeFile(file, '我们自己的致谢\n');
    const again = await report(['templates', 'eject', 'thanks', '--to', 'tpl'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在');
    expect(await readFile(file, 'utf8')).toBe('我们自己的致谢\n');
  });

  it('lists the pieces there are when the name is wrong', async () => {
    const run = await report(['templates', 'eject', 'openin'], { cwd: await tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('opening');
  });
});

describe('template pieces (templates/manage.ts)', () => {
  it('reads a piece’s description from its leading comment', () => {
    expect(pieceDescription('{{!-- 开头语 --}}\n现在，我代表…')).toBe('开头语');
    expect(pieceDescription('{{! 致谢 }}\n…')).toBe('致谢');
    expect(pieceDescription('没有注释')).toBeUndefined();
  });

  it('lists the built-in pieces, the root piece first', async () => {
    expect(await builtInKinds()).toEqual(expect.arrayContaining(['annual', 'compilation', 'summary', 'term']));
    expect(await builtInKinds()).not.toContain('shared');
    const listing = await listTemplatePieces('annual');
    expect(listing.pieces[0]!.name).toBe('report');
    expect(listing.pieces.map((p) => p.name).slice(1)).toEqual(ANNUAL_PIECES);
    for (const p of listing.pieces) {
      expect(p.layer).toBe('built-in');
      expect(p.file).toBe(path.join(BUILTIN_TEMPLATES, folderOf(p.name), `${p.name}.hbs`));
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
