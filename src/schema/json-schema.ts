/**
 * JSON Schema of the data files, generated from the zod schemas (the single source of truth),
 * so that an editor with the YAML language server completes field names and underlines
 * mistakes while a data author types. Never maintained by hand: `report schema` writes these
 * files and a test compares the committed copies with freshly generated ones.
 *
 * A data file points at its schema with a first-line comment:
 *   # yaml-language-server: $schema=../../schema/year.schema.json
 */
import path from 'node:path';
import type * as z from 'zod/v4';
import { OrganizationFileShape } from '../domain/organization.js';
import { yearFileSchema } from '../domain/registry.js';
import { declare, nested } from '../domain/shape.js';
import { DEFAULT_VOCABULARY } from '../domain/vocabulary.js';
import { SittingShape } from '../domain/year-parts.js';
import { zod } from '../domain/zod.js';
import { SettingsShape } from '../settings.js';
import { LayoutShape } from '../domain/layout-schema.js';

const TermFileShape = declare((z) =>
  z
    .strictObject({ sitting: nested(z, SittingShape).optional() })
    .meta({ description: '届末报告文件夹（如 term-2018-2022/）中的 YAML 文件：听取报告的会议；报告的文字写在 narrative.md 中' }),
);

export interface JsonSchemaFile {
  /** File name inside the schema folder, e.g. `year.schema.json`. */
  name: string;
  /** Which data files it describes, for messages and the README. */
  describes: string;
  schema: Record<string, unknown>;
}

/** Default output folder of `report schema`, relative to the working folder. */
export const DEFAULT_SCHEMA_DIR = 'schema';

export const SCHEMA_FILE_NAMES = {
  year: 'year.schema.json',
  organization: 'organization.schema.json',
  layout: 'layout.schema.json',
  term: 'term.schema.json',
  settings: 'report.schema.json',
} as const;

function generate(schema: z.ZodType, title: string): Record<string, unknown> {
  // `input`: what an author writes, so fields with a default are optional, as zod treats them.
  const generated = zod().toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title, ...rest };
}

export function jsonSchemas(): JsonSchemaFile[] {
  return [
    {
      name: SCHEMA_FILE_NAMES.year,
      describes: '年度文件夹中的数据文件，如 data/2023/proposals.yaml',
      schema: generate(yearFileSchema(DEFAULT_VOCABULARY), '政协年度数据文件'),
    },
    {
      name: SCHEMA_FILE_NAMES.organization,
      describes: '数据文件夹中的 organization.yaml',
      schema: generate(OrganizationFileShape.schema, '政协组织信息（organization.yaml）'),
    },
    {
      name: SCHEMA_FILE_NAMES.layout,
      describes: '数据文件夹中的 layout.yaml，Word 版式设置，可选',
      schema: generate(LayoutShape.schema, 'Word 版式设置（layout.yaml）'),
    },
    {
      name: SCHEMA_FILE_NAMES.term,
      describes: '届末报告文件夹中的数据文件，如 data/term-2018-2022/sitting.yaml',
      schema: generate(TermFileShape.schema, '届末五年工作报告的数据文件'),
    },
    {
      name: SCHEMA_FILE_NAMES.settings,
      describes: '项目文件 report.yaml：各命令的默认选项，可选',
      schema: generate(SettingsShape.schema, '项目设置（report.yaml）'),
    },
  ];
}

/** The exact bytes written for a schema: stable key order, two-space indent, final newline. */
export function jsonSchemaText(file: JsonSchemaFile): string {
  return JSON.stringify(file.schema, null, 2) + '\n';
}

/** The files `report schema` writes into `outDir` (absolute paths), not yet written. */
export function jsonSchemaOutputs(outDir: string): Array<{ path: string; content: string; describes: string }> {
  return jsonSchemas().map((file) => ({ path: path.join(outDir, file.name), content: jsonSchemaText(file), describes: file.describes }));
}

/**
 * The `# yaml-language-server: $schema=…` first line for a data file at `dataFile`, pointing at
 * `schemaFile`, as a relative path with forward slashes (what the language server resolves).
 */
export function schemaComment(dataFile: string, schemaFile: string): string {
  const relative = path.relative(path.dirname(dataFile), schemaFile).split(path.sep).join('/');
  return `# yaml-language-server: $schema=${relative}`;
}

/** Matches a `$schema` modeline of the YAML language server, wherever it points. */
export const SCHEMA_COMMENT = /^#\s*yaml-language-server:\s*\$schema=\S+/;
