/** `report templates list|eject`: see which template pieces a build uses, and copy one out to edit. */
import type { Command } from 'commander';
import { sharedOptions } from '../options.js';
import { parseKind } from '../report-options.js';
import { EXIT, printDiagnostics, UsageError, type CommandContext } from '../shared.js';

interface ListOptions {
  templates?: string;
  kind: string;
  json?: boolean;
}

interface EjectOptions {
  to: string;
  kind: string;
}

const LAYER_WORD = { 'built-in': '内置', user: '覆盖' } as const;

export function register(program: Command, { io, setExit }: CommandContext): void {
  const templates = program.command('templates').description('查看模板片段，或复制内置片段出来修改');

  templates
    .command('list')
    .description('列出报告的全部模板片段，以及哪些由 --templates 文件夹覆盖')
    .addOption(sharedOptions.templates())
    .addOption(sharedOptions.kind('annual'))
    .option('--json', '输出一个 JSON 对象')
    .action(async (opts: ListOptions) => {
      parseKind(opts.kind);
      const path = await import('node:path');
      const { stat } = await import('node:fs/promises');
      const { builtInKinds, listTemplatePieces } = await import('../../templates/manage.js');
      const { displayPath, diagnostic } = await import('../library.js');
      const { displayWidth } = await import('../format.js');
      const userFolder = opts.templates !== undefined ? path.resolve(io.cwd, opts.templates) : undefined;
      if (userFolder && !(await stat(userFolder).then((s) => s.isDirectory(), () => false))) {
        printDiagnostics([diagnostic('templatesFolderMissing', { folder: displayPath(io.cwd, userFolder) })], 'text', io);
        return setExit(EXIT.problems);
      }
      const listing = await listTemplatePieces(opts.kind, userFolder);
      if (listing.pieces.length === 0) {
        throw new UsageError(`没有“${opts.kind}”类型的模板；内置的类型有：${(await builtInKinds()).join('、')}`);
      }
      const show = (p: string) => displayPath(io.cwd, p);
      if (opts.json) {
        const pieces = listing.pieces.map((p) => ({
          name: p.name,
          layer: p.layer,
          file: show(p.file),
          builtIn: p.builtIn ? show(p.builtIn) : null,
          description: p.description ?? null,
        }));
        io.stdout(JSON.stringify({ kind: listing.kind, templates: userFolder ? show(userFolder) : null, pieces }, null, 2) + '\n');
        return setExit(EXIT.ok);
      }
      const rows = listing.pieces.map((p) => [p.name, p.builtIn ? LAYER_WORD[p.layer as keyof typeof LAYER_WORD] : '新增', show(p.file), p.description ?? '']);
      const header = ['片段', '使用', '文件', '说明'];
      const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
      const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(Math.max(0, widths[i]! - displayWidth(c)))).join('  ').trimEnd();
      io.stdout([line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n');
      const overridden = listing.pieces.filter((p) => p.layer === 'user');
      if (userFolder) {
        io.stdout(`\n共 ${listing.pieces.length} 个片段，其中 ${overridden.length} 个来自 ${show(userFolder)}。\n`);
      } else {
        io.stdout(`\n共 ${listing.pieces.length} 个内置片段。用 report templates eject <片段> 复制一份出来修改，生成时加 --templates 指向它所在的文件夹。\n`);
      }
      setExit(EXIT.ok);
    });

  templates
    .command('eject')
    .description('把一个内置片段复制到自己的模板文件夹（<to>/<kind>/<片段>.hbs）以便修改；不覆盖已有文件')
    .argument('<name>', '片段名称，如 opening（report templates list 可查看全部）')
    .option('--to <dir>', '自己的模板文件夹', 'templates-local')
    .addOption(sharedOptions.kind('annual'))
    .action(async (name: string, opts: EjectOptions) => {
      parseKind(opts.kind);
      const path = await import('node:path');
      const { ejectTemplatePiece } = await import('../../templates/manage.js');
      const { displayPath, diagnostic } = await import('../library.js');
      const to = path.resolve(io.cwd, opts.to);
      const result = await ejectTemplatePiece({ name, kind: opts.kind, to });
      const show = (p: string) => displayPath(io.cwd, p);
      if (!result.ok && result.reason === 'unknown-piece') {
        if (result.known.length === 0) throw new UsageError(`没有“${opts.kind}”类型的内置模板`);
        throw new UsageError(`没有名为“${name}”的内置片段；可用的片段：${result.known.join('、')}`);
      }
      if (!result.ok && result.reason === 'write-failed') {
        printDiagnostics([diagnostic('writeFailed', { file: show(result.file), detail: result.detail }, { file: show(result.file) })], 'text', io);
        return setExit(EXIT.usage);
      }
      if (!result.ok) {
        io.stderr(`“${show(result.file)}”已存在，没有覆盖。要重新复制，请先把它改名或删除。\n`);
        return setExit(EXIT.problems);
      }
      io.stderr(`已复制 ${show(result.source)} → ${show(result.file)}\n`);
      io.stderr(`修改后生成时加上 --templates ${opts.to}，例如：report build --templates ${opts.to}\n`);
      setExit(EXIT.ok);
    });
}
