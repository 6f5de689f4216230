/** Library API of `report`: the CLI is a thin layer over these. */
export { build, produce, renderFiles, OUTPUT_FORMATS, DEFAULT_FORMATS, type BuildRequest, type BuildResult, type OutputFormat } from './build.js';
export { prepareReport, renderReportRun, type ReportRequest, type ReportRun, type RenderedReport } from './pipeline.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export { catalogue } from './diagnostics/entries.js';
export { computeYear, computeTerm, type YearFigures, type TermFigures } from './compute/figures.js';
export { labelOf } from './compute/labels.js';
export { RECORD_KINDS, recordKind } from './domain/registry.js';
export { REPORT_KINDS, reportKind } from './kinds/index.js';
export { main } from './cli/main.js';
export { jsonSchemas, jsonSchemaText, jsonSchemaOutputs, schemaComment, SCHEMA_FILE_NAMES, type JsonSchemaFile } from './schema/json-schema.js';
export { computeStats, filterStats, formatStatsTable, statsToJson, type Stats, type StatRow, type StatsJson } from './stats/stats.js';
export { figuresOfRecords } from './stats/figures.js';
export { flatten, type FlatEntry } from './compute/flatten.js';
export { PLACEHOLDER } from './validate/placeholders.js';
export { listTemplatePieces, ejectTemplatePiece, builtInKinds, type PieceListing, type TemplateListing, type EjectResult } from './templates/manage.js';
