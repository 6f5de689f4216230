// Speed benchmark (npm run bench). Prints, measured in one run on this machine:
//  - validate 2023 on the bundled data against `node -e 0`            (target ≤ 1.5×)
//  - build 2023 (Markdown + DOCX) against pandoc on the same Markdown  (target ≤ 2×)
//  - a national-scale year and twice that: validate and build time, peak memory
//    (targets: < 1.5 s and < 300 MB; doubled size ≤ 2.2× the time)
// Each figure is the median of several runs. Nothing here is asserted by the tests.
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

if (!existsSync(path.join(root, 'dist', 'bundle', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs a command `runs` times; returns the median wall time in seconds and the largest peak RSS in MB (when known). */
function time(command, args, runs = RUNS, options = {}) {
  const walls = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
    walls.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr}`);
    const m = /"maxRssKb":(\d+)/.exec(result.stderr);
    if (m) rss = Math.max(rss, Number(m[1]) / 1024);
  }
  return { wall: median(walls), rss };
}

const report = (args, runs) => time(process.execPath, [measure, cli, ...args], runs);
const rows = [];
const row = (what, value, target) => rows.push({ what, value, target });
const s = (x) => `${x.toFixed(3)} s`;

// 1. validate against an empty Node start.
const node0 = time(process.execPath, ['-e', '0']);
const validate = report(['validate', '2023']);
row('node -e 0', s(node0.wall), '');
row('report validate 2023 (bundled data)', `${s(validate.wall)}, ${(validate.wall / node0.wall).toFixed(2)}× node`, '≤ 1.5×');

// 2. build against pandoc on the same report.
const out = path.join(work, 'out');
const build = report(['build', '2023', '--out', out]);
row('report build 2023 (md + docx)', s(build.wall), '');
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
  row('build ÷ pandoc', `${(build.wall / p.wall).toFixed(2)}×`, '≤ 2×');
} else {
  row('pandoc', 'not installed (apt-get install pandoc)', '');
}

// 3. national scale and twice that.
const scales = {};
for (const scale of ['national', 'national2']) {
  const dir = path.join(work, scale);
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'generate-sample-data.ts'), '--scale', scale, '--out', dir], { stdio: 'ignore' });
  const v = report(['validate', '2023', '--data', dir], 3);
  const b = report(['build', '2023', '--data', dir, '--out', path.join(dir, 'out')], 3);
  scales[scale] = { v, b };
  row(`${scale}: validate`, `${s(v.wall)}, peak ${v.rss.toFixed(0)} MB`, scale === 'national' ? '< 1.5 s, < 300 MB' : '');
  row(`${scale}: build`, `${s(b.wall)}, peak ${b.rss.toFixed(0)} MB`, scale === 'national' ? '< 1.5 s, < 300 MB' : '');
}
row('doubled size: validate time ratio', `${(scales.national2.v.wall / scales.national.v.wall).toFixed(2)}×`, '≤ 2.2×');
row('doubled size: build time ratio', `${(scales.national2.b.wall / scales.national.b.wall).toFixed(2)}×`, '≤ 2.2×');

rmSync(work, { recursive: true, force: true });
const width = Math.max(...rows.map((r) => r.what.length));
console.log(`report benchmark (${RUNS} runs each, median; Node ${process.version})`);
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value}${r.target ? `   [target ${r.target}]` : ''}`);
