/** layout.yaml (the house style of the Word document) checked with the data, so `validate` fails where `build` would. */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type ParsedYaml } from '../load/yaml.js';
import { DEFAULT_LAYOUT, type Layout } from '../domain/layout.js';
import { resolveLayout } from './resolve-layout.js';

export function checkLayout(parsed: ParsedYaml | undefined): { layout: Layout; diagnostics: Diagnostic[] } {
  if (!parsed) return { layout: structuredClone(DEFAULT_LAYOUT), diagnostics: [] };
  // Unreadable: the loader has said why.
  if (parsed.value === undefined && parsed.diagnostics.length > 0) return { layout: structuredClone(DEFAULT_LAYOUT), diagnostics: [] };
  const { layout, problems } = resolveLayout(parsed.value ?? {});
  const diagnostics = problems.map((problem) =>
    diagnostic('invalidValue', { field: problem.path.join('.') || 'layout', detail: problem.message }, locate(parsed.file, problem.path)),
  );
  return { layout, diagnostics };
}
