/** Where a value sits inside a data file: `['proposals', 3, 'category']`. */
export type DataPath = ReadonlyArray<string | number>;

/** `proposals[3].category`, the form used in messages and JSON output. */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}
