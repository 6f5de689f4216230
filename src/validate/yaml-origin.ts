/**
 * Where a checked YAML value came from: its file and path, placed only when a message asks for
 * it (placing a value can mean parsing its file again, and clean data has nothing to place).
 */
import type { Origin } from '../domain/record-kind.js';
import type { DataPath } from '../load/data-path.js';
import { locate, type SourceFile } from '../load/yaml.js';

/** Where a YAML value is: its file and path, placed only when a message asks (placing can mean parsing the file again). */
class YamlOrigin implements Origin {
  constructor(
    private readonly file: SourceFile,
    private readonly path: DataPath,
  ) {}

  locate(field?: string, asKey = false) {
    return locate(this.file, field === undefined ? this.path : [...this.path, ...field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s))], asKey);
  }
}

export function yamlOrigin(file: SourceFile, path: DataPath): Origin {
  return new YamlOrigin(file, path);
}

/** Where a record of a YAML list is (`proposals[12]`): its path made only when a message asks. */
export class ListItemOrigin implements Origin {
  constructor(
    private readonly file: SourceFile,
    private readonly key: string,
    private readonly index: number,
  ) {}

  locate(field?: string, asKey = false) {
    return new YamlOrigin(this.file, [this.key, this.index]).locate(field, asKey);
  }
}
