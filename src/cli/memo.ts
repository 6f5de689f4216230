/**
 * The memo of one `validate` or `build` run (see cache/memo.ts): on unless `--no-cache`, and
 * only in the bundled CLI, whose build id tells packs of different versions apart.
 */
import path from 'node:path';
import type { Memo } from '../cache/memo.js';
import { BUILD_ID, cacheFolder, openPack } from '../cache/store.js';
import type { ReportOptions } from './report-options.js';
import type { Io } from './shared.js';

export interface RunMemo {
  memo?: Memo;
  /** Keeps what the run compiled for the next one; call once the run is over. */
  save: () => void;
}

export function openRunMemo(report: ReportOptions & { templatesDir?: string }, io: Io, enabled: boolean): RunMemo {
  if (!enabled || BUILD_ID === undefined) return { save: () => undefined };
  const scope = {
    data: (report.dataDirs ?? [report.dataDir]).map((d) => path.resolve(io.cwd, d)),
    year: report.year ?? null,
    range: report.range ?? null,
    kind: report.kind ?? null,
    templates: report.templatesDir === undefined ? null : path.resolve(io.cwd, report.templatesDir),
  };
  const pack = openPack(cacheFolder(io.env), scope, BUILD_ID);
  return { memo: pack.memo, save: pack.save };
}
