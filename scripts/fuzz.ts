/**
 * Long fuzz run of the robustness properties: thousands of mutated copies of the bundled data,
 * each checked by the oracle of tests/robustness/oracle.ts (never a stack trace, every
 * diagnostic inside its file, broken data refused, no report in spite of errors, earlier outputs
 * kept). The cases run in child processes, so that a case that never ends is a hang to count
 * (the child is killed and the run goes on) and one that takes the process down is a crash.
 * Unlike `npm test`, it does not stop at the first failure: it counts them and prints each with
 * the mutations that caused it, and the seed to replay it.
 *
 *   npm run fuzz                                        # 3000 cases, every 50th also through the command line
 *   npm run fuzz -- --runs 10000 --seed 42 --jobs 2
 *   npm run fuzz -- --generators narrative              # only the Markdown narratives
 *
 * The inputs come from generators, one per kind of input file (tests/robustness/generators/):
 * a new kind is a generator added to the list there.
 *
 * Exit code 0 when every case held, 1 otherwise.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { GENERATORS } from '../tests/robustness/generators/index.js';
import { readFolder, stepArb, withTemplates, type Plan } from '../tests/robustness/mutations.js';
import { runInProcess, runThroughCli, Workspace, type CaseOutcome } from '../tests/robustness/oracle.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3000' },
    /** Every n-th case also goes through the command line (`report build`, in-process). */
    'cli-every': { type: 'string', default: '50' },
    seed: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    /** A case still running after this long is a hang. */
    'hang-ms': { type: 'string', default: '60000' },
    generators: { type: 'string' },
    data: { type: 'string', default: path.join(ROOT, 'data') },
    year: { type: 'string', default: '2023' },
    quiet: { type: 'boolean', default: false },
    // Internal: this process is a worker running cases.
    child: { type: 'boolean', default: false },
  },
});

const runs = Number(values.runs);
const cliEvery = Number(values['cli-every']);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const generators = values.generators ? GENERATORS.filter((g) => values.generators!.split(',').includes(g.name)) : GENERATORS;
if (generators.length === 0) throw new Error(`no generator among ${values.generators}; there are ${GENERATORS.map((g) => g.name).join(', ')}`);

/** The plans of the run: the same in every process for the same seed. */
function plans(): Plan[] {
  return fc.sample(fc.array(stepArb(generators), { minLength: 1, maxLength: 3 }), { seed, numRuns: runs });
}

/** What a worker reports for each case. */
interface CaseMessage {
  index: number;
  via: string;
  kind?: 'crash' | 'wrong';
  failures: string[];
  log: string[];
  breaks: boolean;
  errors: number;
}

// ── Worker ───────────────────────────────────────────────────────────────

async function child(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'report-fuzz-'));
  await cp(values.data!, path.join(root, 'data'), { recursive: true });
  const files = await withTemplates(root, await readFolder(path.join(root, 'data')), path.join(ROOT, 'templates'));
  const ws = new Workspace(root, files, Number(values.year));
  const out = path.join(root, 'out');
  const all = plans();
  process.on('message', async (message: { cases: number[] } | 'stop') => {
    if (message === 'stop') {
      await rm(root, { recursive: true, force: true });
      process.exit(0);
    }
    for (const index of message.cases) {
      const outcomes: Array<[string, CaseOutcome]> = [['library', await runInProcess(ws, all[index]!)]];
      if (cliEvery > 0 && index % cliEvery === 0) outcomes.push(['command line', await runThroughCli(ws, all[index]!, out)]);
      for (const [via, outcome] of outcomes) {
        const report: CaseMessage = {
          index,
          via,
          ...(outcome.kind ? { kind: outcome.kind } : {}),
          failures: outcome.failures,
          log: outcome.applied.log,
          breaks: outcome.applied.breaks,
          errors: outcome.errors,
        };
        process.send!(report);
      }
      process.send!({ done: index });
    }
  });
  process.send!({ ready: true });
}

// ── Parent ───────────────────────────────────────────────────────────────

interface Totals {
  cases: number;
  crashes: number;
  hangs: number;
  wrong: number;
  breaking: number;
  withErrors: number;
  throughCli: number;
}

async function parent(): Promise<void> {
  const jobs = Math.max(1, Number(values.jobs));
  const hangMs = Number(values['hang-ms']);
  const totals: Totals = { cases: 0, crashes: 0, hangs: 0, wrong: 0, breaking: 0, withErrors: 0, throughCli: 0 };
  const started = Date.now();
  const failed = new Map<number, string>();
  console.log(`fuzz: seed ${seed}, ${runs} cases, generators ${generators.map((g) => g.name).join(', ')}, ${jobs} worker(s), data ${path.relative(process.cwd(), values.data!) || '.'}`);
  const all = plans();
  const queue = all.map((_, i) => i);
  const args = process.argv.slice(2).filter((a) => a !== '--child');

  const fail = (index: number, kind: 'crash' | 'hang' | 'wrong', text: string) => {
    if (failed.has(index)) return;
    failed.set(index, kind);
    if (kind === 'crash') totals.crashes++;
    else if (kind === 'hang') totals.hangs++;
    else totals.wrong++;
    console.log(`\n✗ case ${index} (${kind}), replay: npm run fuzz -- --seed ${seed} --runs ${runs}${values.generators ? ` --generators ${values.generators}` : ''}\n  ${text}`);
  };

  /** One worker: takes cases from the queue until it is empty; restarted after a hang or a crash. */
  const worker = () =>
    new Promise<void>((resolve) => {
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      let proc: ChildProcess;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (current !== undefined) fail(current, 'hang', `still running after ${hangMs} ms:\n  ${plansLog(all[current]!)}`);
          proc.kill('SIGKILL');
        }, hangMs);
      };
      const next = () => {
        current = queue.shift();
        if (current === undefined) {
          clearTimeout(timer);
          proc.send('stop');
          return;
        }
        arm();
        proc.send({ cases: [current] });
      };
      const spawnWorker = () => {
        proc = fork(fileURLToPath(import.meta.url), [...args, '--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        proc.on('message', (message: CaseMessage | { done: number } | { ready: true }) => {
          if ('ready' in message) return next();
          if ('done' in message) {
            totals.cases++;
            if (!values.quiet && totals.cases % 250 === 0) {
              console.log(`  … ${totals.cases}/${runs} cases, ${failed.size} failed, ${((Date.now() - started) / 1000).toFixed(0)} s`);
            }
            return next();
          }
          if (message.via === 'library') {
            if (message.breaks) totals.breaking++;
            if (message.errors > 0) totals.withErrors++;
          } else totals.throughCli++;
          if (message.failures.length > 0) {
            fail(message.index, message.kind ?? 'wrong', `${message.via}:\n  ${message.log.join('\n  ')}\n  → ${message.failures.map((f) => f.slice(0, 1500)).join('\n  → ')}`);
          }
        });
        proc.on('exit', (code, signal) => {
          clearTimeout(timer);
          if (current !== undefined && !(code === 0 && signal === null)) {
            // Died in the middle of a case: a crash, unless the hang timer killed it.
            if (!failed.has(current)) fail(current, 'crash', `the process ended (${signal ?? `exit ${code}`}) during:\n  ${plansLog(all[current]!)}`);
            totals.cases++;
            current = undefined;
            spawnWorker();
            return;
          }
          resolve();
        });
      };
      spawnWorker();
    });

  await Promise.all(Array.from({ length: jobs }, worker));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\nfuzz: ${totals.cases} cases in ${seconds} s (${totals.throughCli} also through the command line): ` +
      `${totals.crashes} crashes, ${totals.hangs} hangs, ${totals.wrong} wrong outputs. ` +
      `${totals.breaking} were certain to break the data, ${totals.withErrors} gave errors. Seed ${seed}.`,
  );
  process.exitCode = failed.size > 0 ? 1 : 0;
}

function plansLog(plan: Plan): string {
  return plan.map((s) => `${s.generator} #${s.file}: ${JSON.stringify(s.mutation, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v))}`).join('\n  ');
}

if (values.child) await child();
else await parent();
