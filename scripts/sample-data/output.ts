/** What the sample-data generators share for writing their YAML files. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A scalar as plain YAML where that is safe, else double-quoted (JSON is valid YAML). */
export function yamlScalar(value: string): string {
  const plainSafe =
    value.length > 0 &&
    !/[\x00-\x1f,\[\]{}#&*!|>'"%@`:?\\]/.test(value) &&
    !/^[-\s]|\s$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|~|[-+.\d][\d._:eE+-]*)$/i.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

/**
 * Writes each file, or with `check` compares it with what is committed and names the stale
 * ones. Returns the number of stale files (always 0 when writing).
 */
export async function writeOrCheck(files: Record<string, string>, check: boolean, root: string): Promise<number> {
  let stale = 0;
  for (const [file, text] of Object.entries(files)) {
    if (check) {
      if ((await readFile(file, 'utf8').catch(() => '')) !== text) {
        console.error(`${path.relative(root, file)} 与生成脚本的输出不一致`);
        stale++;
      }
    } else {
      await writeFile(file, text);
      console.log(`已写入 ${path.relative(root, file)}`);
    }
  }
  return stale;
}
