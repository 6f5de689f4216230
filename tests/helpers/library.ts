/** The pipeline called as a library (renderReportRun), for tests that look at diagnostics as data. */
import type { KindName } from '../../src/kinds/kind.js';
import { renderReportRun, type ReportRun } from '../../src/pipeline.js';

/** An annual report's run over `dataDir`, paths shown relative to `cwd` (the data folder by default). */
export function runAnnual(dataDir: string, options: { year?: number; cwd?: string; templatesDir?: string; kind?: KindName } = {}): Promise<ReportRun> {
  return renderReportRun({
    kind: options.kind ?? 'annual',
    dataDirs: [dataDir],
    year: options.year ?? 2023,
    cwd: options.cwd ?? dataDir,
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
  });
}
