/** organization.yaml against its schema, then its own consistency (its level, its lists without repeats). */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkRegister } from '../domain/checks.js';
import { didYouMean } from '../diagnostics/nearest.js';
import { RECORD_KINDS, recordFields } from '../domain/registry.js';
import { OrganizationFileSchema, organizationVocabulary, type Organization } from '../domain/organization.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { DataPath } from '../load/data-path.js';
import { locate, type ParsedYaml } from '../load/yaml.js';
import { forbiddenCharacters } from './text-safety.js';
import { issuesToDiagnostics, parseReporting } from './zod-issues.js';

export interface CheckedOrganization {
  organization: Organization | undefined;
  vocabulary: Vocabulary;
  diagnostics: Diagnostic[];
}

export function checkOrganization(parsed: ParsedYaml | undefined): CheckedOrganization {
  const none = (diagnostics: Diagnostic[] = []): CheckedOrganization => ({ organization: undefined, vocabulary: organizationVocabulary(undefined), diagnostics });
  // Missing or unreadable: the loader has said why.
  if (!parsed || (parsed.value === undefined && parsed.diagnostics.length > 0)) return none();
  const at = (path: DataPath, asKey?: boolean) => locate(parsed.file, path, asKey);
  if (parsed.value === null || parsed.value === undefined) return none([diagnostic('requiredField', { field: 'organization', expected: '组织信息' }, at([]))]);
  const unsafe = forbiddenCharacters(parsed.value, at);
  if (unsafe.length > 0) return none(unsafe);
  const result = parseReporting(OrganizationFileSchema, parsed.value);
  if (!result.success) return none(issuesToDiagnostics(result.error.issues, { at }));
  const organization = result.data.organization;
  const vocabulary = organizationVocabulary(organization);
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => diagnostics.push(d);
  checkRegister(organization.level, vocabulary.levels, 'levels', '层级', () => at(['organization', 'level']), report);
  const lists: Array<[string, readonly string[]]> = [
    ['proposalCategories', organization.proposalCategories],
    ['sectors', organization.sectors],
    ['handlingUnits', organization.handlingUnits],
    ['proposalResults', organization.proposalResults.map((r) => r.class)],
  ];
  for (const [key, values] of lists) {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(v)) report(diagnostic('duplicateEntry', { list: key, value: v }, at(['organization', key, i])));
      seen.add(v);
    });
  }
  // Column names mapped to fields: each to a field a spreadsheet cell can hold, of a kind there is.
  for (const [kindKey, headers] of Object.entries(organization.sheetHeaders ?? {})) {
    const kind = RECORD_KINDS.find((k) => k.key === kindKey);
    if (!kind) {
      report(diagnostic('unknownField', { field: kindKey, hint: `sheetHeaders 下写记录的类别：${RECORD_KINDS.map((k) => `${k.key}（${k.label}）`).join('、')}。` }, at(['organization', 'sheetHeaders', kindKey], true)));
      continue;
    }
    const { fields } = recordFields(kind, vocabulary, organization);
    const cellFields = Object.entries(fields).filter(([, f]) => f.cell !== undefined).map(([name]) => name);
    for (const [header, field] of Object.entries(headers)) {
      if (!cellFields.includes(field)) {
        report(
          diagnostic(
            'notAllowedValue',
            { field: `sheetHeaders.${kindKey}.${header}`, value: field, allowed: cellFields.join('、'), near: didYouMean(field, cellFields) },
            at(['organization', 'sheetHeaders', kindKey, header]),
          ),
        );
      }
    }
  }
  return { organization, vocabulary, diagnostics };
}
