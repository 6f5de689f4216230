// Speed benchmark (npm run bench). Prints, measured in one run on this machine:
//  - validate 2023 on the bundled data against `node -e 0`            (target ≤ 1.5×)
//  - build 2023 (Markdown + DOCX) against pandoc on the same Markdown  (target ≤ 2×)
//  - a national-scale year and twice that: validate and build time, peak memory
//    (targets: < 1.5 s and < 300 MB; doubled size ≤ 2.2× the time)
// Each figure is the median of several runs. Nothing here is asserted by the tests.
// Three ways, all loading the CLI through V8's code cache, which `npm run build` writes:
//  - "--no-cache": everything is parsed and compiled;
//  - "cached": the YAML values and compiled templates of an earlier run of the same report are in
//    the cache (src/cache/), but the run is not replayed: each run gets another value of an
//    environment variable, as after an edit of the data the last run read;
//  - "replayed": the same command again, nothing it read changed (src/cache/replay.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'report.js');
const measure = path.join(root, 'scripts', 'measure-child.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'report-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

if (!existsSync(path.join(root, 'dist', 'bundle', 'cli.cjs'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Runs a command `runs` times; returns the median wall time in seconds and the largest peak RSS
 * in MB (when known). `envOf(i)` gives run i's environment.
 */
function time(command, args, runs = RUNS, options = {}, envOf = undefined) {
  const walls = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options, ...(envOf ? { env: envOf(i) } : {}) });
    walls.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr}`);
    const m = /"maxRssKb":(\d+)/.exec(result.stderr);
    if (m) rss = Math.max(rss, Number(m[1]) / 1024);
  }
  return { wall: median(walls), rss };
}

const cacheDir = path.join(work, 'cache');
const env = { ...process.env, REPORT_CACHE_DIR: cacheDir };
let edits = 0;
/** `node bin/report.js …` as a user runs it; with `rss`, through measure-child.mjs, which reports the peak memory. */
const report = (args, runs, { fresh = false, rss = false } = {}) =>
  time(process.execPath, [...(rss ? [measure] : []), cli, ...args], runs, {}, () => (fresh ? { ...env, REPORT_BENCH_EDIT: String(edits++) } : env));
/** The same command without the cache, with it but not replayed, and replayed (each after one run to fill the cache). */
const modes = (args, runs, rss = false) => {
  const cold = report([...args, '--no-cache'], runs, { rss });
  report(args, 1);
  const warm = report(args, runs, { fresh: true, rss });
  report(args, 1);
  return { cold, warm, replayed: report(args, runs, { rss }) };
};
const MODES = [
  ['cold', '--no-cache'],
  ['warm', 'cached'],
  ['replayed', 'replayed'],
];
const rows = [];
const row = (what, value, target) => rows.push({ what, value, target });
const s = (x) => `${x.toFixed(3)} s`;

// 1. validate against an empty Node start.
const node0 = time(process.execPath, ['-e', '0']);
const validate = modes(['validate', '2023']);
row('node -e 0', s(node0.wall), '');
for (const [mode, how] of MODES) {
  const m = validate[mode];
  row(`report validate 2023 (bundled data), ${how}`, `${s(m.wall)}, ${(m.wall / node0.wall).toFixed(2)}× node`, '≤ 1.5×');
}

// 2. build against pandoc on the same report.
const out = path.join(work, 'out');
const build = modes(['build', '2023', '--out', out]);
for (const [mode, how] of MODES) row(`report build 2023 (md + docx), ${how}`, s(build[mode].wall), '');
let pandoc = spawnSync('pandoc', ['--version']).status === 0;
if (!pandoc && process.getuid?.() === 0) {
  // pandoc is a Debian package; install it when the benchmark runs as root (as on CI machines).
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'pandoc'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  pandoc = spawnSync('pandoc', ['--version']).status === 0;
}
if (pandoc) {
  const p = time('pandoc', [path.join(out, '2023', 'report.md'), '-o', path.join(work, 'pandoc.docx')]);
  row('pandoc report.md -o report.docx', s(p.wall), '');
  for (const [mode, how] of MODES) row(`build ÷ pandoc, ${how}`, `${(build[mode].wall / p.wall).toFixed(2)}×`, '≤ 2×');
} else {
  row('pandoc', 'not installed (apt-get install pandoc)', '');
}

// 3. national scale and twice that.
const scales = {};
for (const scale of ['national', 'national2']) {
  const dir = path.join(work, scale);
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'generate-sample-data.ts'), '--scale', scale, '--out', dir], { stdio: 'ignore' });
  const v = modes(['validate', '2023', '--data', dir], 3, true);
  const b = modes(['build', '2023', '--data', dir, '--out', path.join(dir, 'out')], 3, true);
  scales[scale] = { v, b };
  const target = scale === 'national' ? '< 1.5 s, < 300 MB' : '';
  for (const [what, m] of [['validate', v], ['build', b]]) {
    for (const [mode, how] of MODES) row(`${scale}: ${what}, ${how}`, `${s(m[mode].wall)}, peak ${m[mode].rss.toFixed(0)} MB`, target);
  }
}
for (const [mode, how] of MODES) {
  row(`doubled size: validate time ratio, ${how}`, `${(scales.national2.v[mode].wall / scales.national.v[mode].wall).toFixed(2)}×`, '≤ 2.2×');
  row(`doubled size: build time ratio, ${how}`, `${(scales.national2.b[mode].wall / scales.national.b[mode].wall).toFixed(2)}×`, '≤ 2.2×');
}

rmSync(work, { recursive: true, force: true });
const width = Math.max(...rows.map((r) => r.what.length));
console.log(`report benchmark (${RUNS} runs each, median; Node ${process.version})`);
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value}${r.target ? `   [target ${r.target}]` : ''}`);
