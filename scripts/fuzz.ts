/**
 * Long fuzz run of the robustness properties (issue 6): thousands of mutated copies of the
 * bundled data through the library in-process, and some through the real CLI (which must be
 * compiled: `npm run build`). Unlike `npm test`, it does not stop at the first failure: it
 * counts them and prints each with the mutations that caused it.
 *
 *   npm run fuzz                                # 3000 cases, 60 of them through the CLI (builds first)
 *   npm run fuzz -- --runs 10000 --cli 200 --seed 42
 *
 * Exit code 0 when every case held, 1 otherwise.
 */
import fc from 'fast-check';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../tests/helpers/fixture.js';
import { planArb, readFolder } from '../tests/robustness/mutations.js';
import { runInProcess, runThroughCli, Workspace, type CaseOutcome } from '../tests/robustness/oracle.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3000' },
    cli: { type: 'string', default: '60' },
    seed: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const cliRuns = Math.min(runs, Number(values.cli));
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;

const root = await mkdtemp(path.join(tmpdir(), 'report-fuzz-'));
await cp(path.join(ROOT, 'data'), path.join(root, 'data'), { recursive: true });
const out = path.join(root, 'out');
const base = await readFolder(path.join(root, 'data'));
const ws = new Workspace(root, base);

console.log(`fuzz: seed ${seed}, ${runs} cases (${cliRuns} also through the CLI), data copied to ${root}`);
const plans = fc.sample(planArb, { seed, numRuns: runs });
const cliEvery = cliRuns > 0 ? Math.max(1, Math.floor(runs / cliRuns)) : Infinity;
const started = Date.now();
let failed = 0;
let breaking = 0;
let withErrors = 0;
let cliDone = 0;
const failures: Array<{ index: number; via: string; outcome: CaseOutcome }> = [];

for (const [index, plan] of plans.entries()) {
  const outcomes: Array<[string, CaseOutcome]> = [['library', await runInProcess(ws, plan)]];
  if (index % cliEvery === 0 && cliDone < cliRuns) {
    outcomes.push(['CLI', await runThroughCli(ws, plan, out)]);
    cliDone++;
  }
  const [, lib] = outcomes[0]!;
  if (lib.applied.breaks) breaking++;
  if (lib.errors > 0) withErrors++;
  const bad = outcomes.filter(([, o]) => o.failures.length > 0);
  if (bad.length > 0) {
    failed++;
    for (const [via, outcome] of bad) {
      failures.push({ index, via, outcome });
      console.log(`\n✗ case ${index} (${via}):\n  ${outcome.applied.log.join('\n  ')}\n  → ${outcome.failures.map((f) => f.slice(0, 1500)).join('\n  → ')}`);
    }
  }
  if (!values.quiet && (index + 1) % 250 === 0) {
    console.log(`  … ${index + 1}/${runs} cases, ${failed} failed, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

await rm(root, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `\nfuzz: ${runs} cases ran (${cliDone} also through the CLI) in ${seconds} s; ${failed} failed.` +
    ` ${breaking} were certain to break the data, ${withErrors} gave errors. Seed ${seed}.`,
);
process.exitCode = failed > 0 ? 1 : 0;
