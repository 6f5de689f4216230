/** `report schema`: write the JSON Schema of the data files, for editors with the YAML language server. */
import type { Command } from 'commander';
import { EXIT, printDiagnostics, type CommandContext } from '../shared.js';

interface Options {
  out: string;
}

export function register(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('schema')
    .description('生成数据文件的 JSON Schema，供编辑器补全字段、标出错误')
    .option('-o, --out <dir>', '写入的文件夹', 'schema')
    .addHelpText(
      'after',
      '\n数据文件的第一行写上（路径相对于该数据文件）：\n  # yaml-language-server: $schema=../../schema/year.schema.json\n安装了 YAML 插件（如 VS Code 的 Red Hat YAML）的编辑器即可按 schema 提示。',
    )
    .action(async (opts: Options) => {
      const path = await import('node:path');
      const { jsonSchemaOutputs } = await import('../../schema/json-schema.js');
      const { writeAll, displayPath, diagnostic } = await import('../library.js');
      const outDir = path.resolve(io.cwd, opts.out);
      const files = jsonSchemaOutputs(outDir);
      try {
        await writeAll(files);
      } catch (error) {
        const failed = (error as NodeJS.ErrnoException).path ?? outDir;
        const detail = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        printDiagnostics([diagnostic('writeFailed', { file: displayPath(io.cwd, failed), detail: String(detail) })], 'text', io);
        return setExit(EXIT.usage);
      }
      for (const file of files) io.stderr(`已生成：${displayPath(io.cwd, file.path)}（${file.describes}）\n`);
      setExit(EXIT.ok);
    });
}
