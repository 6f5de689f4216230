/** Library API of `report`: the CLI is a thin layer over these. */
export { build, produce, OUTPUT_FORMATS, type BuildOptions, type BuildResult, type OutputFormat } from './build.js';
export { check, render, type PipelineOptions, type PipelineResult } from './pipeline.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export { catalogue } from './diagnostics/catalogue.js';
export { computeYear, type YearFigures } from './compute/figures.js';
export { main } from './cli/main.js';
export { jsonSchemas, jsonSchemaText, jsonSchemaOutputs, schemaComment, SCHEMA_FILE_NAMES, type JsonSchemaFile } from './schema/json-schema.js';
export { computeStats, filterStats, formatStatsTable, statsToJson, type Stats, type StatRow, type StatsJson } from './stats/stats.js';
export { flatten, type FlatEntry } from './stats/flatten.js';
export { initYear, planInit, shiftDate, type InitOptions, type InitResult } from './scaffold/init.js';
export { PLACEHOLDER, findPlaceholders } from './validate/placeholders.js';
export { listTemplatePieces, ejectTemplatePiece, builtInKinds, type PieceListing, type TemplateListing, type EjectResult } from './templates/manage.js';
