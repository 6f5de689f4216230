// Speed benchmark (npm run bench). Prints each row of the speed table against its target, measured
// in one run on this machine, with `node -e 0` and pandoc timed in the same rounds:
//  - validate 2023 on the bundled data ÷ `node -e 0`, first run (no cache)           (target ≤ 4×)
//  - the same, run again and after editing one YAML file (the cache serves the rest)   (target ≤ 2×)
//  - build 2023 (Markdown + DOCX) ÷ pandoc report.md → docx, first run (no cache)      (target ≤ 5×)
//  - the same, run again and after editing one data file                               (target ≤ 2.5×)
//  - build --watch: from saving a data file to the rewritten outputs                   (target ≤ 50 ms)
//  - under validate and build, two rows that are no target: the floor (a process that only loads
//    the code the command loads) and the command's work once V8 has run its code (see warmWork)
//  - a national-scale year, first run: validate and build time, peak memory
//    (targets ≤ 0.8 s, ≤ 1.2 s, ≤ 300 MB), and twice that size (time ratio ≤ 2.2×: linear); for the
//    national year also validate run again and after editing one file (no target)
// Each ratio is the median of the ratios of rounds in which the command and its yardstick ran one
// after the other (BENCH_RUNS rounds, default 11): a machine whose speed drifts moves both alike.
// Beside each target row, the middle half of its rounds (from the first quarter to the third): how
// far one run's median can be trusted on the machine it ran on.
// With 5 rounds, a row of the same code moved by a fifth between two runs minutes apart on a busy
// machine; the national rows, each run taking most of a second, take 5 runs.
// Nothing here is asserted by the tests. `BENCH_CLI=<path to bin/report.js>` measures another
// checkout's CLI with the same data (its "first run" passes --no-cache only if it has the option).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.BENCH_CLI ? path.resolve(process.env.BENCH_CLI) : path.join(root, 'bin', 'report.js');
const cliRoot = path.resolve(path.dirname(cli), '..');
const measure = path.join(root, 'scripts', 'measure-child.cjs');
const work = mkdtempSync(path.join(tmpdir(), 'report-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const SCALE_RUNS = Math.min(RUNS, 5);

if (!['cli.mjs', 'cli.cjs'].some((f) => existsSync(path.join(cliRoot, 'dist', 'bundle', f)))) execFileSync('npm', ['run', 'build'], { cwd: cliRoot, stdio: 'inherit' });

function median(values) {
  return quantile(values, 0.5);
}

/** The value a fraction `q` into `values` sorted (nearest rank): 0.25 and 0.75 bound the middle half of the rounds. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

/** Runs a command `runs` times (`before(i)` first, untimed) in `cwd`; the median wall time in seconds, the middle half of the times, and the largest peak RSS in MB. */
function time(command, args, runs = RUNS, before = () => undefined, cwd = work) {
  const walls = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    before(i);
    const started = process.hrtime.bigint();
    // A variable that changes every run: an earlier version replayed a run whose environment was the same.
    const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', REPORT_BENCH_RUN: String(i) } });
    walls.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr}`);
    const m = /"maxRssKb":(\d+)/.exec(result.stderr);
    if (m) rss = Math.max(rss, Number(m[1]) / 1024);
  }
  return { wall: median(walls), spread: [quantile(walls, 0.25), quantile(walls, 0.75)], rss };
}

const report = (args, runs, { rss = false, before, cwd } = {}) => time(process.execPath, [...(rss ? [measure, cli] : [cli]), ...args], runs, before, cwd);
const rows = [];
const row = (what, value, target = '') => rows.push({ what, value, target });
const s = (x) => `${x.toFixed(3)} s`;
const ms = (x) => `${(x * 1000).toFixed(0)} ms`;

// The bundled data, copied: the edits below must not touch the checkout.
const data = path.join(work, 'data');
cpSync(path.join(cliRoot, 'data'), data, { recursive: true });
const out = path.join(work, 'out');
/**
 * Edits one data file as an office does between two builds, in a way the report shows: one more
 * suggestion at one meeting each time (会上提出意见建议140条, 141条 …). Each edit gives a text, and a
 * report, that no earlier run saw: nothing of it is in the parse cache, and the build makes a new
 * Word document rather than taking the one the last build kept.
 */
const meetings = path.join(data, '2023', 'meetings.yaml');
const SUGGESTIONS = /(提升政务服务效能\n {4}suggestions: )(\d+)/;
const editOne = () => {
  const text = readFileSync(meetings, 'utf8');
  if (!SUGGESTIONS.test(text)) throw new Error('bench: the meeting edited between runs is not in meetings.yaml');
  writeFileSync(meetings, text.replace(SUGGESTIONS, (_, head, n) => `${head}${Number(n) + 1}`));
};

/** Whether the CLI measured ends its process itself when a command is done (bin/report.js; an older checkout's does not). */
const hasEnd = readFileSync(cli, 'utf8').includes('.end(');
/** Whether the CLI measured has the parse cache (an older checkout has not). */
const hasCache = spawnSync(process.execPath, [cli, 'build', '--help'], { encoding: 'utf8' }).stdout.includes('--no-cache');
const noCache = hasCache ? ['--no-cache'] : [];
let pandoc = spawnSync('pandoc', ['--version']).status === 0;
if (!pandoc && process.getuid?.() === 0) {
  // pandoc is a Debian package; install it when the benchmark runs as root (as on CI machines).
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'pandoc'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  pandoc = spawnSync('pandoc', ['--version']).status === 0;
}

/** One untimed build, so report.md exists for pandoc and the cache folder for the runs that use it. */
const seed = () => {
  rmSync(out, { recursive: true, force: true });
  report(['build', '2023', '--data', data, '--out', out], 1);
};
seed();
const pandocArgs = [path.join(out, '2023', 'report.md'), '-o', path.join(work, 'pandoc.docx')];

/**
 * Rounds of: the yardstick (node -e 0 or pandoc), then each measured command; per command the
 * median wall time and the median of its per-round ratio to the yardstick.
 */
function rounds(yardstick, commands) {
  const walls = { yardstick: [] };
  const ratios = {};
  for (const name of Object.keys(commands)) (walls[name] = []), (ratios[name] = []);
  for (let i = 0; i < RUNS; i++) {
    const y = time(...yardstick, 1).wall;
    walls.yardstick.push(y);
    for (const [name, { args, argv, before }] of Object.entries(commands)) {
      const w = argv ? time(process.execPath, argv, 1).wall : report(args, 1, { before: before ?? (() => undefined) }).wall;
      walls[name].push(w);
      ratios[name].push(w / y);
    }
  }
  const result = { yardstick: median(walls.yardstick) };
  for (const name of Object.keys(commands)) result[name] = { wall: median(walls[name]), ratio: median(ratios[name]), spread: [quantile(ratios[name], 0.25), quantile(ratios[name], 0.75)] };
  return result;
}
/**
 * A ratio row's figure: the median of the rounds' ratios, its wall time, and the middle half of the
 * rounds' ratios. On a busy machine a row moves between two runs of the same code by more than a
 * change moves it; the spread tells how far one run's median can be trusted.
 */
const ratioText = ({ ratio, wall, spread }) => `${ratio.toFixed(2)}× (${s(wall)}; middle half ${spread[0].toFixed(2)}–${spread[1].toFixed(2)}×)`;
/** A national row's figure: the median time, the peak memory, and the middle half of the runs' times. */
const scaleText = ({ wall, spread, rss }) => `${s(wall)}, peak ${rss.toFixed(0)} MB; middle half ${spread[0].toFixed(3)}–${spread[1].toFixed(3)} s`;
const edited = (before) => () => {
  before?.();
  editOne();
};
const outArgs = ['--data', data, '--out', out];

/**
 * The floor under a command: a Node process that only loads the code the command loads (every
 * chunk of the bundle it loaded, logged by the loading test's preload) and does nothing with it:
 * through bin/bundle-loader.js with the CLI's V8 flags, or, for an older checkout whose chunks are
 * ES modules, by import().
 */
function loadOnly(args) {
  const log = path.join(work, `loads-${args[0]}.log`);
  rmSync(log, { force: true });
  const preload = pathToFileURL(path.join(root, 'tests', 'helpers', 'load-log.mjs')).href;
  const env = { ...process.env, REPORT_LOAD_LOG: log, NODE_OPTIONS: `--import ${preload}` };
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: work, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}\n${run.stderr}`);
  const lines = readFileSync(log, 'utf8').split('\n');
  const chunks = [...new Set(lines.filter((line) => line.startsWith('chunk ')).map((line) => path.basename(line.slice('chunk '.length))))];
  const modules = [...new Set(lines.filter((line) => line.startsWith('import file:') && line.includes('/dist/bundle/')).map((line) => line.slice('import '.length)))];
  const loader = path.join(cliRoot, 'bin', 'bundle-loader.js');
  const script = path.join(work, `load-only-${args[0]}.${chunks.length > 0 ? 'cjs' : 'mjs'}`);
  writeFileSync(
    script,
    chunks.length > 0
      ? // Ended as the CLI ends a run (src/cli/pipes.ts), where it has the function.
        [`const { setFlags, openBundle } = require(${JSON.stringify(loader)});`, 'setFlags();', 'const bundle = openBundle();', ...chunks.map((c) => `bundle.require(${JSON.stringify(c)});`), ...(hasEnd ? ['process.exit(0);'] : [])].join('\n')
      : modules.map((url) => `await import(${JSON.stringify(url)});`).join('\n'),
  );
  return [script];
}

/**
 * What the command's own work takes once V8 has run its code: `main` run six times in one process
 * (through bin/bundle-loader.js, with the CLI's flags), the median of runs 2–6 in seconds. With the
 * floor above it tells how much of a run is the work itself and how much is code run for the first
 * time. Undefined for an older checkout without the loader.
 */
function warmWork(args) {
  const loader = path.join(cliRoot, 'bin', 'bundle-loader.js');
  if (!existsSync(loader)) return undefined;
  const script = `
    const { setFlags, openBundle } = require(${JSON.stringify(loader)});
    setFlags();
    const { main } = openBundle().require('cli.cjs');
    const io = { stdout: () => {}, stderr: () => {}, cwd: ${JSON.stringify(work)}, env: { NO_COLOR: '1' }, isTTY: false };
    (async () => {
      const times = [];
      for (let i = 0; i < 6; i++) {
        const started = process.hrtime.bigint();
        if ((await main(${JSON.stringify(args)}, io)) !== 0) throw new Error('exit code');
        times.push(Number(process.hrtime.bigint() - started) / 1e9);
      }
      process.stdout.write(String(times.slice(1).sort((a, b) => a - b)[2]));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: work, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`warm ${args.join(' ')} exited ${run.status}\n${run.stderr}`);
  return Number(run.stdout);
}
/** The floor row's companion: the command's work with warm code, and the floor plus it against the yardstick. */
const warmRow = (what, args, floor, yardstick) => {
  const warm = warmWork(args);
  if (warm !== undefined) row(`  ${what}: the work with warm code, and floor + it`, `${ms(warm)}, ${((floor + warm) / yardstick).toFixed(2)}×`);
};

// 1. validate against an empty Node start, without and with the cache a build left in out/.
const v = rounds([process.execPath, ['-e', '0']], {
  first: { args: ['validate', '2023', ...outArgs.slice(0, 2), ...noCache] },
  again: { args: ['validate', '2023', ...outArgs.slice(0, 2)] },
  edit: { args: ['validate', '2023', ...outArgs.slice(0, 2)], before: edited() },
  floor: { argv: loadOnly(['validate', '2023', ...outArgs.slice(0, 2)]) },
});
row('node -e 0', s(v.yardstick));
row('validate 2023 ÷ node -e 0, first run, no cache', ratioText(v.first), '≤ 4×');
row('validate 2023 ÷ node -e 0, run again', ratioText(v.again), '≤ 2×');
row('validate 2023 ÷ node -e 0, after editing one YAML file', ratioText(v.edit), '≤ 2×');
row('  floor: only loading the code validate loads', `${v.floor.ratio.toFixed(2)}× (${s(v.floor.wall)})`);
warmRow('validate', ['validate', '2023', ...outArgs.slice(0, 2)], v.floor.wall, v.yardstick);

// 2. build against pandoc converting the same Markdown to DOCX.
if (pandoc) {
  const b = rounds(['pandoc', pandocArgs], {
    first: { args: ['build', '2023', ...outArgs, ...noCache] },
    again: { args: ['build', '2023', ...outArgs] },
    edit: { args: ['build', '2023', ...outArgs], before: edited() },
    floor: { argv: loadOnly(['build', '2023', ...outArgs]) },
  });
  row('pandoc report.md -o report.docx', s(b.yardstick));
  row('build 2023 (md + docx) ÷ pandoc, first run, no cache', ratioText(b.first), '≤ 5×');
  row('build 2023 (md + docx) ÷ pandoc, run again', ratioText(b.again), '≤ 2.5×');
  row('build 2023 (md + docx) ÷ pandoc, after editing one data file', ratioText(b.edit), '≤ 2.5×');
  row('  floor: only loading the code build loads', `${b.floor.ratio.toFixed(2)}× (${s(b.floor.wall)})`);
  warmRow('build', ['build', '2023', ...outArgs], b.floor.wall, b.yardstick);
} else {
  row('pandoc', 'not installed (apt-get install pandoc)');
}

// 3. build --watch: from saving a file to the rebuilt outputs, as a writer lives it.
row('build --watch: save → outputs rewritten', ms(await watchLatency()), '≤ 50 ms');

/** Median time from an edit of a data file to the watcher's message that the outputs are rebuilt. */
async function watchLatency() {
  const watchOut = path.join(work, 'watch-out');
  const child = spawn(process.execPath, [cli, 'build', '2023', '--data', data, '--out', watchOut, '--watch'], { cwd: work, env: { ...process.env, NO_COLOR: '1' } });
  let buffer = '';
  const waiters = [];
  child.stderr.on('data', (chunk) => {
    buffer += chunk;
    for (const w of [...waiters]) if (w.test(buffer)) waiters.splice(waiters.indexOf(w), 1);
  });
  const waitFor = (pattern, from) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch: no “${pattern}” in\n${buffer}`)), 30_000);
      waiters.push({
        test: (text) => {
          if (!pattern.test(text.slice(from))) return false;
          clearTimeout(timer);
          resolve(process.hrtime.bigint());
          return true;
        },
      });
    });
  await waitFor(/正在监视/, 0);
  const times = [];
  for (let i = 0; i < Math.max(RUNS, 5); i++) {
    await new Promise((r) => setTimeout(r, 300));
    const from = buffer.length;
    const done = waitFor(/已重新生成/, from);
    // Saved the way editors save: the new text written to a temporary file, renamed over the old.
    // The save is the rename, timed from here: not a process started to make it (mv took 2–5 ms).
    const file = path.join(data, '2023', 'meetings.yaml');
    const temporary = path.join(data, '2023', '.meetings.yaml.swp');
    writeFileSync(temporary, readFileSync(file, 'utf8') + `# watch edit ${i}\n`);
    const started = process.hrtime.bigint();
    renameSync(temporary, file);
    times.push(Number((await done) - started) / 1e9);
  }
  child.kill('SIGINT');
  return median(times);
}

// 4. national scale and twice that; for the national year also validate run again and after an
// edit (no target: what a secretariat of that size waits for once a build has left its cache).
const scales = {};
for (const scale of ['national', 'national2']) {
  // The data in <dir>/data, run from <dir>: validate finds the cache the build leaves in <dir>/out.
  const dir = path.join(work, scale);
  const scaleData = path.join(dir, 'data');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(cliRoot, 'scripts', 'generate-sample-data.ts'), '--scale', scale, '--out', scaleData], { stdio: 'ignore' });
  const sv = report(['validate', '2023', '--data', scaleData, ...noCache], SCALE_RUNS, { rss: true, cwd: dir });
  const sb = report(['build', '2023', '--data', scaleData, '--out', path.join(dir, 'out'), ...noCache], SCALE_RUNS, { rss: true, cwd: dir });
  scales[scale] = { v: sv, b: sb };
  const national = scale === 'national';
  row(`${scale}: validate, first run`, scaleText(sv), national ? '≤ 0.8 s, ≤ 300 MB' : '');
  row(`${scale}: build, first run`, scaleText(sb), national ? '≤ 1.2 s, ≤ 300 MB' : '');
  if (!national || !hasCache) continue;
  report(['build', '2023', '--data', scaleData], 1, { cwd: dir });
  const again = report(['validate', '2023', '--data', scaleData], SCALE_RUNS, { rss: true, cwd: dir });
  // One more suggestion at the first meeting of the year, each time.
  const file = path.join(scaleData, '2023', 'meetings.yaml');
  const editNational = () => writeFileSync(file, readFileSync(file, 'utf8').replace(/(\n {4}suggestions: )(\d+)/, (_, head, n) => `${head}${Number(n) + 1}`));
  const edit = report(['validate', '2023', '--data', scaleData], SCALE_RUNS, { rss: true, cwd: dir, before: editNational });
  row(`${scale}: validate, run again`, `${s(again.wall)}, peak ${again.rss.toFixed(0)} MB`);
  row(`${scale}: validate, after editing meetings.yaml`, `${s(edit.wall)}, peak ${edit.rss.toFixed(0)} MB`);
}
row('doubled size: validate time ratio', `${(scales.national2.v.wall / scales.national.v.wall).toFixed(2)}×`, '≤ 2.2×');
row('doubled size: build time ratio', `${(scales.national2.b.wall / scales.national.b.wall).toFixed(2)}×`, '≤ 2.2×');

rmSync(work, { recursive: true, force: true });
const width = Math.max(...rows.map((r) => r.what.length));
console.log(`report benchmark (${RUNS} runs each, national rows ${SCALE_RUNS}; median; Node ${process.version}; ${path.relative(process.cwd(), cli) || cli})`);
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value}${r.target ? `   [target ${r.target}]` : ''}`);
