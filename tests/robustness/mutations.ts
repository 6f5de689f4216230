/**
 * Plans of mutations of a data folder for the property-based robustness tests and
 * scripts/fuzz.ts. fast-check draws a plan (one to three steps, each a generator, a file number
 * and a mutation); `applyPlan` turns it into file contents deterministically, so a failing case
 * shrinks and replays from its seed. The generators, one per kind of input, are in generators/.
 */
import fc from 'fast-check';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { GENERATORS, type Files, type InputGenerator, type Mutation } from './generators/index.js';

export type { Files, Mutation } from './generators/index.js';

export async function readFolder(root: string): Promise<Files> {
  const files: Files = new Map();
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) files.set(path.relative(root, full).split(path.sep).join('/'), await readFile(full));
    }
  };
  await walk(root);
  return files;
}

/**
 * The built-in templates copied beside `data/` in `root`, added to `files` under `../templates/`
 * (paths relative to the data folder), so that the template generator has files to mutate.
 */
export async function withTemplates(root: string, files: Files, source: string): Promise<Files> {
  await cp(source, path.join(root, 'templates'), { recursive: true });
  const templates = await readFolder(path.join(root, 'templates'));
  return new Map([...files, ...[...templates].map(([f, bytes]) => [`../templates/${f}`, bytes] as const)]);
}

export interface Step {
  /** Which generator: its name. */
  generator: string;
  /** Index into the generator's sorted list of files (taken modulo its length). */
  file: number;
  mutation: Mutation;
}

export type Plan = Step[];

/** One step of any of `generators`. */
export function stepArb(generators: readonly InputGenerator[] = GENERATORS): fc.Arbitrary<Step> {
  return fc.oneof(...generators.map((g) => fc.record({ generator: fc.constant(g.name), file: fc.nat({ max: 1_000_000 }), mutation: g.mutation })));
}

export const planArb: fc.Arbitrary<Plan> = fc.array(stepArb(), { minLength: 1, maxLength: 3 });

export interface Applied {
  files: Files;
  /** Files changed, relative paths. */
  changed: string[];
  /** True when the data is certainly invalid: some file's last mutation breaks it. */
  breaks: boolean;
  /** The files whose last mutation breaks them: each must get an error of its own. */
  breaking: string[];
  /** What was done, for messages. */
  log: string[];
  /** Spreadsheets whose last mutation kept their content: the rows their reader must find. */
  rows: Map<string, number>;
}

export function applyPlan(base: Files, plan: Plan, reportYear: number, generators: readonly InputGenerator[] = GENERATORS): Applied {
  const files: Files = new Map(base);
  const breaksByFile = new Map<string, boolean>();
  const log: string[] = [];
  const rows = new Map<string, number>();
  for (const step of plan) {
    const generator = generators.find((g) => g.name === step.generator);
    if (!generator) throw new Error(`no generator ${step.generator}`);
    const names = generator.files(base);
    if (names.length === 0) continue;
    const name = names[step.file % names.length]!;
    const result = generator.apply(files.get(name)!, step.mutation, { file: name, reportYear });
    log.push(`${name}: ${describe(step.mutation)}${result.applied ? '' : '（无处可用，未改动）'}${result.breaks ? '（必错）' : ''}`);
    if (!result.applied) continue;
    files.set(name, result.bytes);
    breaksByFile.set(name, result.breaks);
    if (result.rows === undefined) rows.delete(name);
    else rows.set(name, result.rows);
  }
  const changed = [...breaksByFile.keys()].filter((f) => !files.get(f)!.equals(base.get(f)!));
  const breaking = [...breaksByFile].filter(([, b]) => b).map(([f]) => f);
  return { files, changed, breaks: breaking.length > 0, breaking, log, rows };
}

export function describe(m: Mutation): string {
  const { op, ...rest } = m;
  const shown = Object.entries(rest).map(([k, v]) => `${k}=${v instanceof Uint8Array ? Buffer.from(v).toString('hex') : JSON.stringify(v)}`);
  return `${op}(${shown.join(', ')})`;
}
