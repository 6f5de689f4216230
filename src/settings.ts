/**
 * The project file, `report.yaml` in the working folder: the settings a secretariat would
 * otherwise repeat on every command (the data and output folders, the templates folder, the
 * formats), so the same command always builds the same report. Options given on the command
 * line win over it.
 */
import path from 'node:path';
import type * as z from 'zod/v4';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { readText } from './load/text-file.js';
import { entryKind } from './load/files.js';
import { locate, parseYaml } from './load/yaml.js';
import { OUTPUT_FORMATS } from './write/formats.js';
import { declare } from './domain/shape.js';
import { issuesToDiagnostics, parseRecord } from './validate/zod-issues.js';

export const SETTINGS_FILE = 'report.yaml';

export const SettingsShape = declare((z) =>
  z
    .strictObject({
      data: z.string().min(1).optional().meta({ description: '数据文件夹，默认 data' }),
      out: z.string().min(1).optional().meta({ description: '输出文件夹，默认 out' }),
      templates: z.string().min(1).optional().meta({ description: '覆盖内置模板的文件夹（只放要改的片段）' }),
      formats: z
        .array(z.enum(OUTPUT_FORMATS))
        .min(1)
        .optional()
        .meta({ description: '默认的输出格式，如 [md, docx, pdf]' }),
    })
    .meta({ description: '项目设置（report.yaml）：各命令的默认选项' }),
);

export type Settings = z.output<typeof SettingsShape.schema>;

export function loadSettings(cwd: string): { settings: Settings; file?: string; diagnostics: Diagnostic[] } {
  const full = path.join(cwd, SETTINGS_FILE);
  if (entryKind(full) === 'missing') return { settings: {}, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const text = readText(full, SETTINGS_FILE, diagnostics);
  if (text === undefined) return { settings: {}, file: SETTINGS_FILE, diagnostics };
  const parsed = parseYaml(SETTINGS_FILE, text);
  if (parsed.diagnostics.length > 0) return { settings: {}, file: SETTINGS_FILE, diagnostics: parsed.diagnostics };
  // Plainly valid settings need no zod (domain/shape.ts); zod checks the rest and says what is wrong.
  const result = parseRecord(SettingsShape, parsed.value ?? {});
  if (!result.success) {
    return { settings: {}, file: SETTINGS_FILE, diagnostics: issuesToDiagnostics(result.error.issues, { at: (p, asKey) => locate(parsed.file, p, asKey) }) };
  }
  return { settings: result.data, file: SETTINGS_FILE, diagnostics };
}
