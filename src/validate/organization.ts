/** organization.yaml against its schema, then its own consistency (its level, its lists without repeats). */
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkRegister } from '../domain/checks.js';
import { didYouMean } from '../diagnostics/nearest.js';
import { RECORD_KINDS, recordFields, recordKind } from '../domain/registry.js';
import { OrganizationFileShape, OrganizationShape, organizationVocabulary, type Organization } from '../domain/organization.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { DataPath } from '../load/data-path.js';
import { locate, type ParsedYaml } from '../load/yaml.js';
import { forbiddenCharacters } from './text-safety.js';
import { issuesToDiagnostics, parseRecord } from './zod-issues.js';

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
  // A key of the organisation written at the top of the file (copied without its indentation): said so, once.
  const misplaced = misplacedKeys(parsed.value, at);
  const value = misplaced.keys.length > 0 ? Object.fromEntries(Object.entries(parsed.value as object).filter(([k]) => !misplaced.keys.includes(k))) : parsed.value;
  const result = parseRecord(OrganizationFileShape, value);
  if (!result.success) return none([...misplaced.diagnostics, ...issuesToDiagnostics(result.error.issues, { at })]);
  if (misplaced.keys.length > 0) return { organization: undefined, vocabulary: organizationVocabulary(undefined), diagnostics: misplaced.diagnostics };
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
    const kind = recordKindUnder('sheetHeaders', kindKey, at, report);
    if (!kind) continue;
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
  checkSheetValues(organization, vocabulary, at, report);
  return { organization, vocabulary, diagnostics };
}

/** The record kind a key under sheetHeaders or sheetValues names; a key that names none is reported, with the kinds there are. */
function recordKindUnder(block: 'sheetHeaders' | 'sheetValues', kindKey: string, at: (path: DataPath, asKey?: boolean) => ReturnType<typeof locate>, report: (d: Diagnostic) => void) {
  const kind = recordKind(kindKey);
  if (!kind) report(diagnostic('unknownField', { field: kindKey, hint: `${block} 下写记录的类别：${RECORD_KINDS.map((k) => `${k.key}（${k.label}）`).join('、')}。` }, at(['organization', block, kindKey], true)));
  return kind;
}

function misplacedKeys(value: unknown, at: (path: DataPath, asKey?: boolean) => ReturnType<typeof locate>): { keys: string[]; diagnostics: Diagnostic[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { keys: [], diagnostics: [] };
  const own = OrganizationShape.keys;
  const keys = Object.keys(value).filter((k) => k !== 'organization' && own.includes(k));
  const diagnostics = keys.map((k) =>
    diagnostic('misplacedOrganizationKey', { key: k }, at([k], true)),
  );
  return { keys, diagnostics };
}

/** sheetValues: each written form mapped to a value its field accepts, of a kind and a choice field there is. */
function checkSheetValues(organization: Organization, vocabulary: Vocabulary, at: (path: DataPath, asKey?: boolean) => ReturnType<typeof locate>, report: (d: Diagnostic) => void): void {
  for (const [kindKey, byField] of Object.entries(organization.sheetValues ?? {})) {
    const kind = recordKindUnder('sheetValues', kindKey, at, report);
    if (!kind) continue;
    const { fields } = recordFields(kind, vocabulary, organization);
    const choices = Object.entries(fields).filter(([, f]) => f.cell?.kind === 'choice').map(([name]) => name);
    for (const [field, values] of Object.entries(byField)) {
      const f = fields[field];
      if (!f || f.cell?.kind !== 'choice' || !f.values) {
        report(diagnostic('notAllowedValue', { field: `sheetValues.${kindKey}`, value: field, allowed: choices.join('、'), near: didYouMean(field, choices) }, at(['organization', 'sheetValues', kindKey, field], true)));
        continue;
      }
      for (const [written, canonical] of Object.entries(values)) {
        if (canonical !== '' && !f.values.includes(canonical)) {
          report(
            diagnostic(
              'notAllowedValue',
              { field: `sheetValues.${kindKey}.${field}.${written}`, value: canonical, allowed: [...f.values, '""（当作没有填写）'].join('、'), near: didYouMean(canonical, [...f.values]) },
              at(['organization', 'sheetValues', kindKey, field, written]),
            ),
          );
        }
      }
    }
  }
}
