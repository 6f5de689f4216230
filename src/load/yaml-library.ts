/**
 * The YAML libraries, each loaded on first use, required, not imported, since reading is
 * synchronous: the parser that keeps positions (`yaml`), needed only to place a problem, which
 * clean data never has, and js-yaml, needed only for a file the fast reader leaves to it.
 */
import { createRequire } from 'node:module';
import type * as JsYamlModule from 'js-yaml';
import type * as YamlModule from 'yaml';

let loaded: typeof YamlModule | undefined;

export function positionsParser(): typeof YamlModule {
  return (loaded ??= createRequire(import.meta.url)('yaml') as typeof YamlModule);
}

let values: typeof JsYamlModule | undefined;

/** js-yaml, loaded on first use: record files in the common shapes are read without it (yaml-fast.ts). */
export function valuesParser(): typeof JsYamlModule {
  return (values ??= createRequire(import.meta.url)('js-yaml') as typeof JsYamlModule);
}

/** Line starts, counted as the parser counts them (every LF ends a line), without loading it. */
export class LineStarts {
  readonly lineStarts: number[] = [];

  addNewLine(offset: number): void {
    this.lineStarts.push(offset);
  }

  /** 1-based line and column of `offset`, exactly as the parser's LineCounter gives them. */
  linePos(offset: number): { line: number; col: number } {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineStarts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (this.lineStarts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - this.lineStarts[low - 1]! + 1 };
  }
}
