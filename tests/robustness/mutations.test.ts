/**
 * Property-based robustness: the bundled data, mutated the ways hand-edited YAML and Markdown go
 * wrong, must always end in diagnostics that point inside the files (never an uncaught
 * exception), and a mutation certain to break the data must give errors (exit code 1).
 *
 * The seed is fixed so that `npm test` is reproducible; a failure prints it, with the path to
 * the shrunk case. Another seed or more cases: ROBUSTNESS_SEED=… ROBUSTNESS_RUNS=… npm test.
 * Thousands of cases: `npm run fuzz`.
 */
import fc from 'fast-check';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportRun } from '../../src/pipeline.js';
import { DATA, FIXTURES, ROOT, tempDir } from '../helpers/fixture.js';
import { report } from '../helpers/report.js';
import { GENERATORS } from './generators/index.js';
import { applyPlan, planArb, readFolder, stepArb, withTemplates, type Plan } from './mutations.js';
import { positionFailures, removeQuietly, runInProcess, runThroughCli, snapshot, Workspace, type CaseOutcome } from './oracle.js';

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20240108);
/** Cases on the minimal fixture (quick) and on the bundled data (every kind of record, longer files). */
const RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 120);
const DATA_RUNS = Math.max(1, Math.round(RUNS / 3));
const CLI_RUNS = Math.max(1, Math.round(RUNS / 20));

let ws: Workspace;
let small: Workspace;
const tally = { cases: 0, breaking: 0, withErrors: 0, cli: 0 };

async function workspace(source: string): Promise<Workspace> {
  const root = await tempDir('report-robust-');
  await cp(source, path.join(root, 'data'), { recursive: true });
  return new Workspace(root, await withTemplates(root, await readFolder(path.join(root, 'data')), path.join(ROOT, 'templates')));
}

beforeAll(async () => {
  ws = await workspace(DATA);
  small = await workspace(path.join(FIXTURES, 'minimal'));
});

afterAll(async () => {
  console.log(
    `robustness: ${tally.cases} mutated cases in-process and ${tally.cli} through the command line (seed ${SEED}); ` +
      `${tally.breaking} certain to break the data, ${tally.withErrors} gave errors`,
  );
  await removeQuietly(ws.root);
  await removeQuietly(small.root);
});

function verdict(outcome: CaseOutcome): void {
  if (outcome.failures.length === 0) return;
  throw new Error(`${outcome.applied.log.join('\n')}\n→ ${outcome.failures.join('\n→ ')}`);
}

async function assertProperty(property: fc.IAsyncProperty<[Plan]>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { seed: SEED, numRuns });
  } catch (error) {
    // fast-check's report carries the seed and the path to the shrunk case; say how to replay.
    const cause = (error as Error).cause;
    throw new Error(`robustness property failed with seed ${SEED} (replay: ROBUSTNESS_SEED=${SEED} npm test)\n${(error as Error).message}${cause instanceof Error ? `\n${cause.message}` : ''}`);
  }
}

describe('mutated data (property-based)', () => {
  it('the bundled data itself renders without a problem', async () => {
    const result = await renderReportRun({ kind: 'annual', dataDirs: ['data'], year: 2023, cwd: ws.root });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.report?.markdown).toBeDefined();
  });

  it('draws from every generator, and each mutates the files of its kind', () => {
    const steps = fc.sample(stepArb(), { seed: SEED, numRuns: 300 });
    for (const g of GENERATORS) {
      expect(steps.some((s) => s.generator === g.name), g.name).toBe(true);
      expect(g.files(ws.base).length, g.name).toBeGreaterThan(0);
    }
    expect(GENERATORS.find((g) => g.name === 'narrative')!.files(ws.base)).toEqual(['2022/narrative.md', '2023/narrative.md', '2023/summary.md']);
  });

  const property = (space: () => Workspace) =>
    fc.asyncProperty(planArb, async (plan) => {
      const outcome = await runInProcess(space(), plan);
      tally.cases++;
      if (outcome.applied.breaks) tally.breaking++;
      if (outcome.errors > 0) tally.withErrors++;
      verdict(outcome);
    });

  it(`never throws, places every diagnostic inside its file, and refuses broken data (${RUNS} cases on the minimal fixture, in-process)`, async () => {
    await assertProperty(property(() => small), RUNS);
  }, 240_000);

  it(`holds on the bundled data too (${DATA_RUNS} cases, in-process)`, async () => {
    await assertProperty(property(() => ws), DATA_RUNS);
    // The generators must produce both kinds of case, or the property says little.
    expect(tally.breaking).toBeGreaterThan(tally.cases / 6);
    expect(tally.cases - tally.withErrors).toBeGreaterThan(0);
  }, 240_000);

  it(`through the command line: exit code 0 or 1, no stack trace, earlier outputs kept, no temporary files (${CLI_RUNS} cases)`, async () => {
    const out = path.join(ws.root, 'out');
    await ws.write(ws.base);
    const first = await report(['build', '2023', '--data', 'data', '--out', out], { cwd: ws.root });
    expect(first.code).toBe(0);
    expect([...(await snapshot(path.join(out, '2023'))).keys()]).toEqual(['report.docx', 'report.md']);
    await assertProperty(
      fc.asyncProperty(planArb, async (plan) => {
        const outcome = await runThroughCli(ws, plan, out);
        tally.cli++;
        verdict(outcome);
      }),
      CLI_RUNS,
    );
  }, 240_000);
});

describe('the oracle itself', () => {
  it('flags a line past the end of the file and a diagnostic without a file', () => {
    const failures = positionFailures(
      [
        { code: 'RPT201', severity: 'error', message: 'x', file: 'data/2023/sitting.yaml', line: 999, column: 1 },
        { code: 'RPT201', severity: 'error', message: 'x' },
        { code: 'RPT201', severity: 'error', message: 'x', file: 'data/2023/sitting.yaml', line: 1, column: 1 },
      ],
      ROOT,
    );
    expect(failures).toHaveLength(2);
    expect(failures[0]).toContain('line outside the file');
    expect(failures[1]).toContain('without a file');
  });

  it('marks what is certain to break: a required field dropped, a required part dropped', () => {
    const dropId = applyPlan(ws.base, [{ generator: 'yaml', file: 0, mutation: { op: 'dropField', pick: 0 } }], 2023);
    expect(dropId.log[0]).toMatch(/dropField/);
    const narrative = GENERATORS.find((g) => g.name === 'narrative')!;
    const at = narrative.files(ws.base).indexOf('2023/narrative.md');
    const dropped = applyPlan(ws.base, [{ generator: 'narrative', file: at, mutation: { op: 'dropPart', pick: 0 } }], 2023);
    expect(dropped.breaking).toEqual(['2023/narrative.md']);
    const renamed = applyPlan(ws.base, [{ generator: 'narrative', file: at, mutation: { op: 'renameHeading', pick: 0, name: '工作总结' } }], 2023);
    expect(renamed.breaking).toEqual(['2023/narrative.md']);
  });
});
