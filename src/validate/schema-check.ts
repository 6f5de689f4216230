/**
 * First check: each file against the zod schema. Records are checked one by one so that one
 * bad record does not hide the problems of the others, and valid records go on to the
 * cross-record checks in the same run.
 */
import { z } from 'zod';
import { diagnostic } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedYear, LoadedProject } from '../load/project.js';
import { locate, type ParsedFile, type SourceFile } from '../load/source.js';
import {
  RootFileSchema,
  YEAR_LIST_KEYS,
  YEAR_SINGLE_KEYS,
  type Organization,
  type YearListKey,
  type YearSingleKey,
} from '../schema/schema.js';
import { emptyYear, type Dataset, type Ref, type YearData } from './dataset.js';
import { describeValue, issuesToDiagnostics } from './zod-issues.js';

const LIST_SCHEMAS = Object.fromEntries(Object.entries(YEAR_LIST_KEYS).map(([k, schema]) => [k, z.array(schema)])) as unknown as Record<
  YearListKey,
  z.ZodType<unknown[]>
>;

const KNOWN_YEAR_KEYS = [...Object.keys(YEAR_LIST_KEYS), ...Object.keys(YEAR_SINGLE_KEYS)];

const compiledSchemas = new Map<z.ZodType, z.ZodType>();

/**
 * The schema as zod compiles it (z.compile): about twice as fast on valid data, and an input it
 * refuses goes to the ordinary parser, so the issues are the same. Compiled on first use: a
 * run meets only the parts its files hold.
 */
function compiled<T extends z.ZodType>(schema: T): T {
  let fast = compiledSchemas.get(schema);
  if (fast === undefined) compiledSchemas.set(schema, (fast = z.compile(schema)));
  return fast as T;
}

export function checkOrganization(parsed: ParsedFile | undefined): { organization?: Organization; ref?: Ref; diagnostics: Diagnostic[] } {
  // Unreadable: the loader has said why.
  if (!parsed || (parsed.value === undefined && parsed.diagnostics.length > 0)) return { diagnostics: [] };
  // An empty organization.yaml (or one with only comments): nothing else would say what is missing.
  if (parsed.value === null || parsed.value === undefined) return { diagnostics: [diagnostic('requiredField', { field: 'organization', expected: '组织信息' }, locate(parsed.file, []))] };
  const result = RootFileSchema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) return { diagnostics: issuesToDiagnostics(parsed.file, result.error.issues, []) };
  return { organization: result.data.organization, ref: { file: parsed.file, path: ['organization'] }, diagnostics: [] };
}

export function checkYear(loaded: LoadedYear): { year: YearData; diagnostics: Diagnostic[] } {
  const year = emptyYear(loaded.year);
  const diagnostics: Diagnostic[] = [];
  const singleFrom = new Map<YearSingleKey, string>();
  for (const parsed of loaded.files) {
    const { file, value } = parsed;
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.push(
        diagnostic('wrongType', { field: file.display, expected: '键值对（如“proposals:”开头）', received: describeValue(value) }, locate(file, [])),
      );
      continue;
    }
    for (const [key, content] of Object.entries(value)) {
      if (isListKey(key)) {
        if (!Array.isArray(content)) {
          if (content !== null) {
            diagnostics.push(diagnostic('wrongType', { field: key, expected: '列表（每项以“- ”开头）', received: describeValue(content) }, locate(file, [key])));
          }
          continue;
        }
        if (content.length === 0) (year.emptyLists ??= []).push({ key, ref: { file, path: [key] } });
        const accept = (record: object, index: number) => {
          (year[key] as object[]).push(record);
          year.refs.set(record, { file, path: [key, index] });
        };
        // The whole list in one pass is several times faster; only a list with a problem is
        // gone through record by record, to keep the good records and report each bad one.
        const whole = compiled(LIST_SCHEMAS[key]).safeParse(content);
        if (whole.success) {
          (whole.data as object[]).forEach(accept);
          continue;
        }
        const schema = YEAR_LIST_KEYS[key];
        content.forEach((item, index) => {
          const result = schema.safeParse(item, { reportInput: true });
          if (!result.success) {
            diagnostics.push(...issuesToDiagnostics(file, result.error.issues, [key, index]));
            return;
          }
          accept(result.data, index);
        });
      } else if (isSingleKey(key)) {
        const data = checkSinglePart(file, key, content, YEAR_SINGLE_KEYS[key], singleFrom, diagnostics);
        if (data === undefined) continue;
        (year as unknown as Record<string, unknown>)[key] = data;
        year.refs.set(data, { file, path: [key] });
        // Information items are records too: duplicate ids and inconsistent flags point at them.
        if (key === 'information') year.information!.items.forEach((item, i) => year.refs.set(item, { file, path: [key, 'items', i] }));
      } else {
        diagnostics.push(diagnostic('unknownField', { field: key, known: KNOWN_YEAR_KEYS.join('、') }, locate(file, [key], true)));
      }
    }
  }
  return { year, diagnostics };
}

/**
 * A part that one file of a folder may hold (sitting, narrative…): checked against its schema,
 * refused when an earlier file already had it. Returns the checked value, or undefined.
 */
export function checkSinglePart<K extends string>(
  file: SourceFile,
  key: K,
  content: unknown,
  schema: z.ZodType,
  firstFrom: Map<K, string>,
  diagnostics: Diagnostic[],
): object | undefined {
  const first = firstFrom.get(key);
  if (first !== undefined) {
    diagnostics.push(diagnostic('defineOnce', { key, first }, locate(file, [key], true)));
    return undefined;
  }
  firstFrom.set(key, file.display);
  const result = compiled(schema).safeParse(content, { reportInput: true });
  if (!result.success) {
    diagnostics.push(...issuesToDiagnostics(file, result.error.issues, [key]));
    return undefined;
  }
  return result.data as object;
}

export function checkSchema(project: LoadedProject, year: number): { dataset: Dataset; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const org = checkOrganization(project.organization);
  diagnostics.push(...org.diagnostics);
  const current = project.years.get(year);
  const checked = current ? checkYear(current) : { year: emptyYear(year), diagnostics: [] };
  diagnostics.push(...checked.diagnostics);
  const dataset: Dataset = { year: checked.year };
  if (org.organization) dataset.organization = org.organization;
  if (org.ref) dataset.organizationRef = org.ref;
  const previous = project.years.get(year - 1);
  if (previous) {
    const prev = checkYear(previous);
    diagnostics.push(...prev.diagnostics);
    dataset.previous = prev.year;
  }
  return { dataset, diagnostics };
}

function isListKey(key: string): key is YearListKey {
  return Object.hasOwn(YEAR_LIST_KEYS, key);
}

function isSingleKey(key: string): key is YearSingleKey {
  return Object.hasOwn(YEAR_SINGLE_KEYS, key);
}
