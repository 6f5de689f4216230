/**
 * What the commands that read a data folder call, gathered in one module that each loads with one
 * import(): the bundle then keeps this code in a few chunks instead of one per module imported,
 * and a run resolves and links a handful of files rather than fifty (about 30 ms of each run).
 * Rare paths (drafts, preview, scaffolding, schema files, template pieces, watch) keep imports of
 * their own, so a run that does not take them does not load them.
 */
export { loadSettings } from '../settings.js';
export { checkReportRun } from '../pipeline.js';
export { build } from '../build.js';
export { BuildSession } from '../session.js';
export { dedupe, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
export { diagnostic } from '../diagnostics/catalogue.js';
export { nearest } from '../diagnostics/nearest.js';
export { decode } from '../load/decode.js';
export { displayPath } from '../load/data-folder.js';
export { entryKind, readRegularFile } from '../load/files.js';
export { REPORT_KINDS } from '../kinds/index.js';
export { RECORD_KINDS } from '../domain/registry.js';
export { isDraft } from '../validate/placeholders.js';
export { figuresOfRecords } from '../stats/figures.js';
export { computeStats, filterStats, formatStatsTable, statsToJson } from '../stats/stats.js';
export { explainFigure, formatExplanation } from '../stats/explain.js';
export { writeAll } from '../write/atomic.js';
