/**
 * Property-based robustness (issue 6): the bundled data, mutated the ways hand-edited YAML
 * goes wrong, must always end in diagnostics that point inside the files (never an uncaught
 * exception), and a mutation certain to break the data must give errors (exit code 1).
 *
 * The seed is fixed so that `npm test` is reproducible; a failure prints it, with the path
 * to the shrunk case. Another seed or more cases: ROBUSTNESS_SEED=… ROBUSTNESS_RUNS=… npm test.
 * Thousands of cases: `npm run fuzz`.
 */
import fc from 'fast-check';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/pipeline.js';
import { runCli } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/fixture.js';
import { planArb, readFolder, type Plan } from './mutations.js';
import { positionFailures, removeQuietly, runInProcess, runThroughCli, snapshot, Workspace, type CaseOutcome } from './oracle.js';

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20240108);
const RUNS = Number(process.env.ROBUSTNESS_RUNS ?? 220);
const CLI_RUNS = Math.max(1, Math.round(RUNS / 30));

let ws: Workspace;
const tally = { cases: 0, breaking: 0, withErrors: 0, cli: 0 };

beforeAll(async () => {
  const root = await tempDir('report-robust-');
  await cp(path.join(ROOT, 'data'), path.join(root, 'data'), { recursive: true });
  ws = new Workspace(root, await readFolder(path.join(root, 'data')));
});

afterAll(async () => {
  console.log(
    `robustness: ${tally.cases} mutated cases in-process and ${tally.cli} through the CLI (seed ${SEED}); ` +
      `${tally.breaking} certain to break the data, ${tally.withErrors} gave errors`,
  );
  await removeQuietly(ws.root);
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
    throw new Error(`robustness property failed with seed ${SEED} (replay: ROBUSTNESS_SEED=${SEED} npm test)\n${(error as Error).message}`);
  }
}

describe('mutated data (property-based)', () => {
  it('the bundled data itself renders without a problem', async () => {
    const result = await render({ dataDir: 'data', year: 2023, cwd: ws.root });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.markdown).toBeDefined();
  });

  it(`never throws, places every diagnostic inside its file, and refuses broken data (${RUNS} cases, in-process)`, async () => {
    await assertProperty(
      fc.asyncProperty(planArb, async (plan) => {
        const outcome = await runInProcess(ws, plan);
        tally.cases++;
        if (outcome.applied.breaks) tally.breaking++;
        if (outcome.errors > 0) tally.withErrors++;
        verdict(outcome);
      }),
      RUNS,
    );
    // The generator must produce both kinds of case, or the property says little.
    expect(tally.breaking).toBeGreaterThan(RUNS / 5);
    expect(tally.cases - tally.withErrors).toBeGreaterThan(0);
  }, 240_000);

  it(`through the CLI: exit code 0 or 1, no stack trace, earlier outputs kept, no temporary files (${CLI_RUNS} cases)`, async () => {
    const out = path.join(ws.root, 'out');
    await ws.write(ws.base);
    const first = await runCli(['build', '2023', '--data', 'data', '--out', out], { cwd: ws.root });
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

describe('the position check itself', () => {
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
});
