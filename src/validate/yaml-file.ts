/**
 * One YAML file of a year folder checked against the schema of what it holds, on its own: what
 * it gives depends on its bytes, its name and the organisation's settings, and on no other file
 * (which parts are written twice across the folder is settled when the files are joined,
 * validate/year.ts). So a file's check is kept in the parse cache, as a ledger's rows are
 * (sheetRecordsOnce), and a run after one file was edited checks that file alone: a national
 * year's records took a validate after an edit of meetings.yaml some 230 ms to check again.
 */
import { diagnostic } from '../diagnostics/catalogue.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/nearest.js';
import type { Organization } from '../domain/organization.js';
import type { RecordValue } from '../domain/record-kind.js';
import { isRecordKindKey, KNOWN_YEAR_KEYS, RECORD_KINDS, recordFields, recordKind, singlePartShape, YEAR_SINGLE_KEYS, type YearSingleKey } from '../domain/registry.js';
import type { Vocabulary } from '../domain/vocabulary.js';
import type { DataPath } from '../load/data-path.js';
import { everyOf, isDiagnostic, isObject, isString } from '../load/kept-shape.js';
import { locate, type ParsedYaml, type SourceFile } from '../load/yaml.js';
import { PREPARE, RuleTally } from './row-inference.js';
import { forbiddenCharacters, forbiddenIn } from './text-safety.js';
import { describeValue, issuesToDiagnostics, parseRecord } from './zod-issues.js';
import { UNSURE } from '../domain/quick-check.js';
import { appendAll } from '../append.js';

/**
 * What one YAML file gave, checked, as plain data: its top-level keys in the order it writes them,
 * each with what it gave and its problems, so that joining the files (validate/year.ts) puts
 * every problem where checking them in one pass did.
 */
export interface FilePart {
  keys: FileKey[];
  /** Whether the file writes a sitting: its draft marks are looked for (validate/source.ts). */
  writesSitting: boolean;
  /** Ids of the records the schema refused. */
  refused: string[];
}

export type FileKey =
  /** A list of records (proposals:): each valid record, and its index in the list; `empty` when written `[]`. */
  | { list: string; records: RecordValue[]; indexes: number[]; empty: boolean; diagnostics: Diagnostic[] }
  /** A part written once a year (sitting:, members:, totals:), or null when the schema refused it. */
  | { single: YearSingleKey; value: RecordValue | null; diagnostics: Diagnostic[] }
  /** Anything else: an unknown key, a file that is not a mapping. */
  | { diagnostics: Diagnostic[] };

/** Hints for keys that are not data: old names, and the Chinese names of the parts. */
const KEY_HINTS: Record<string, string> = {
  narrative: '报告的文字已改为写在同一文件夹的 narrative.md 中（Markdown），不再写在 YAML 里。',
  reports: '调研视察报告的键名是 research。',
  approvals: '领导批示的键名是 instructions，每条写明所批记录的编号（record）。',
  proposalCounts: '手填的总数写在 totals 下，如 totals: {proposals: {received: 232}}。',
};

/**
 * A file's check: kept by an earlier run (the parse cache, or this session's memo while the file's
 * bytes and the settings are the same), else made now and kept unless it has an error (a file with
 * an error is checked every time, as the parse cache keeps only clean files). `inputs`: the
 * settings as JSON (settingsInputs), made once by a caller that checks several files.
 */
export function filePartOnce(parsed: ParsedYaml, organization: Organization | undefined, vocabulary: Vocabulary, inputs: string): FilePart {
  // A watch session keeps the parsed file while its bytes are the same: a save of another file does not check this one again.
  const known = checkedFiles.get(parsed);
  if (known?.inputs === inputs) return known.part;
  const found = parsed.checkedBefore?.find(inputs);
  let part = isKeptFilePart(found) ? found : undefined;
  if (!part) {
    part = checkYamlFile(parsed, organization, vocabulary);
    if (parsed.diagnostics.length === 0 && !part.keys.some((k) => hasErrors(k.diagnostics))) parsed.checkedBefore?.keep(inputs, part);
  }
  checkedFiles.set(parsed, { inputs, part });
  return part;
}

const checkedFiles = new WeakMap<ParsedYaml, { inputs: string; part: FilePart }>();

/** The settings a file's or a ledger's check depends on, as JSON: what its kept check is found by, with its bytes. */
export const settingsInputs = (organization: Organization | undefined, vocabulary: Vocabulary): string => JSON.stringify([organization ?? null, vocabulary]);

/** A YAML file of a year folder against the schema of what it holds. */
export function checkYamlFile(parsed: ParsedYaml, organization: Organization | undefined, vocabulary: Vocabulary): FilePart {
  const part: FilePart = { keys: [], writesSitting: false, refused: [] };
  const { file, value } = parsed;
  if (value === undefined || value === null) return part;
  const refuse = (item: unknown) => {
    const id = refusedId(item);
    if (id !== undefined) part.refused.push(id);
  };
  if (typeof value !== 'object' || Array.isArray(value)) {
    part.keys.push({ diagnostics: [diagnostic('wrongType', { field: file.display, expected: '键值对（如“proposals:”开头）', received: describeValue(value) }, locate(file, []))] });
    return part;
  }
  if ('sitting' in value) part.writesSitting = true;
  // Values can hold a forbidden character only if the text does, or writes one as an escape (\0, \uFFFF).
  const mayBeUnsafe = !file.plainText && (forbiddenIn(file.text) !== undefined || file.text.includes('\\'));
  for (const [key, content] of Object.entries(value)) {
    const kind = recordKind(key);
    if (kind) {
      if (content === null) continue;
      if (!Array.isArray(content)) {
        part.keys.push({ diagnostics: [diagnostic('wrongType', { field: key, expected: '列表（每项以“- ”开头）', received: describeValue(content) }, locate(file, [key]))] });
        continue;
      }
      const list: FileKey & { list: string } = { list: key, records: [], indexes: [], empty: content.length === 0, diagnostics: [] };
      part.keys.push(list);
      const out = list.diagnostics;
      const checker = recordFields(kind, vocabulary, organization);
      const { fields } = checker;
      const prepare = PREPARE[kind.key];
      const applied = new RuleTally();
      // A record's place is made only for a message: a national year checks 60,000 records, and a
      // function per record to place it cost more than checking it.
      const atItem = (index: number) => (p: DataPath, asKey?: boolean) => locate(file, [key, index, ...p], asKey);
      const quick = checker.quick;
      for (let index = 0; index < content.length; index++) {
        const raw: unknown = content[index];
        if (mayBeUnsafe) {
          const unsafe = forbiddenCharacters(raw, atItem(index));
          if (unsafe.length > 0) {
            appendAll(out, unsafe);
            refuse(raw);
            continue;
          }
        }
        // What the record implies (已办复 from a 办理结果…), on a copy: the parsed file stays as written.
        let item: unknown = raw;
        if (prepare && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
          const copy = { ...(raw as Record<string, unknown>) };
          const rules = prepare.prepare(copy, organization, { submitterKind: false });
          if (rules.length > 0) {
            const at = atItem(index);
            applied.add(rules, () => at([]).line ?? 1);
          }
          item = copy;
        }
        // The quick check first, as parseRecord does, without wrapping what it gives.
        const checked = quick ? quick(item) : UNSURE;
        if (checked !== UNSURE) {
          list.records.push(checked as RecordValue);
          list.indexes.push(index);
          continue;
        }
        const result = parseRecord(checker, item);
        if (!result.success) {
          appendAll(out, issuesToDiagnostics(result.error.issues, { at: atItem(index), fields }));
          refuse(item);
          continue;
        }
        list.records.push(result.data);
        list.indexes.push(index);
      }
      appendAll(out, applied.diagnostics(() => locate(file, [key], true)));
    } else if ((YEAR_SINGLE_KEYS as readonly string[]).includes(key)) {
      const k = key as YearSingleKey;
      const at = (p: DataPath, asKey?: boolean) => locate(file, [key, ...p], asKey);
      const unsafe = mayBeUnsafe ? forbiddenCharacters(content, at) : [];
      if (unsafe.length > 0) {
        part.keys.push({ single: k, value: null, diagnostics: unsafe });
        continue;
      }
      const result = parseRecord(singlePartShape(k), content);
      part.keys.push(result.success ? { single: k, value: result.data as RecordValue, diagnostics: [] } : { single: k, value: null, diagnostics: issuesToDiagnostics(result.error.issues, { at, whole: key }) });
    } else {
      part.keys.push({ diagnostics: [unknownKey(key, file)] });
    }
  }
  return part;
}

/** The id a refused record was written with, if it has one: a reference to it is not reported a second time. */
export function refusedId(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function unknownKey(key: string, file: SourceFile) {
  const byLabel = RECORD_KINDS.find((k) => k.label === key || key.includes(k.label));
  const hint =
    (Object.hasOwn(KEY_HINTS, key) ? KEY_HINTS[key] : undefined) ??
    (byLabel ? `${byLabel.label}的键名是 ${byLabel.key}。` : `${didYouMean(key, KNOWN_YEAR_KEYS)}年度文件可以有的部分：${KNOWN_YEAR_KEYS.join('、')}。`);
  const colon = key.search(/[：:]/);
  const slip = colon > 0 ? `字段名和值之间用了全角冒号“：”：改为半角冒号加空格，如“${key.slice(0, colon)}: …”。` : undefined;
  return diagnostic('unknownField', { field: key, hint: slip ?? hint }, locate(file, [key], true));
}

const isIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

/** Whether what the cache gave back has the shape of a file's check; anything else is a miss, and the file is checked again. */
export function isKeptFilePart(data: unknown): data is FilePart {
  return (
    isObject(data) &&
    typeof data.writesSitting === 'boolean' &&
    everyOf(data.refused, isString) &&
    everyOf(data.keys, (k) => {
      if (!isObject(k) || !everyOf(k.diagnostics, isDiagnostic)) return false;
      if ('list' in k) return isRecordKindKey(k.list) && typeof k.empty === 'boolean' && everyOf(k.records, isObject) && everyOf(k.indexes, isIndex) && (k.indexes as unknown[]).length === (k.records as unknown[]).length;
      if ('single' in k) return (YEAR_SINGLE_KEYS as readonly unknown[]).includes(k.single) && (k.value === null || isObject(k.value));
      return Object.keys(k).length === 1;
    })
  );
}
