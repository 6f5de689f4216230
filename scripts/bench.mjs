// Speed benchmark (npm run bench). Prints, measured in one run on this machine:
//  - validate 2023 on the bundled data against `node -e 0`                      (target ≤ 1.5×)
//  - a first build 2023 (Markdown + DOCX), and a build after editing one data file,
//    against pandoc on the same Markdown                                          (target ≤ 2×)
//  - build --watch: the time from saving a data file to the rebuilt outputs        (target < 100 ms)
//  - a national-scale year and twice that: validate and build time, peak memory
//    (targets: < 1.5 s and < 300 MB; doubled size ≤ 2.2× the time)
// Each figure is the median of several runs (BENCH_RUNS, default 5). Nothing here is asserted by the tests.
// `BENCH_CLI=<path to bin/report.js>` measures another checkout's CLI with the same data.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.BENCH_CLI ? path.resolve(process.env.BENCH_CLI) : path.join(root, 'bin', 'report.js');
const cliRoot = path.resolve(path.dirname(cli), '..');
const measure = path.join(root, 'scripts', 'measure-child.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'report-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

if (!['cli.mjs', 'cli.cjs'].some((f) => existsSync(path.join(cliRoot, 'dist', 'bundle', f)))) execFileSync('npm', ['run', 'build'], { cwd: cliRoot, stdio: 'inherit' });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs a command `runs` times (`before(i)` first, untimed); the median wall time in seconds and the largest peak RSS in MB. */
function time(command, args, runs = RUNS, before = () => undefined) {
  const walls = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    before(i);
    const started = process.hrtime.bigint();
    // A variable that changes every run: an earlier version replayed a run whose environment was the same.
    const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', REPORT_BENCH_RUN: String(i) } });
    walls.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr}`);
    const m = /"maxRssKb":(\d+)/.exec(result.stderr);
    if (m) rss = Math.max(rss, Number(m[1]) / 1024);
  }
  return { wall: median(walls), rss };
}

const report = (args, runs, { rss = false, before } = {}) => time(process.execPath, [...(rss ? [measure, cli] : [cli]), ...args], runs, before);
const rows = [];
const row = (what, value, target = '') => rows.push({ what, value, target });
const s = (x) => `${x.toFixed(3)} s`;
const ms = (x) => `${(x * 1000).toFixed(0)} ms`;

// The bundled data, copied: the edits below must not touch the checkout.
const data = path.join(work, 'data');
cpSync(path.join(cliRoot, 'data'), data, { recursive: true });
const out = path.join(work, 'out');
/** Edits one data file (a comment line, so the figures stay the same): what an office does between two builds. */
let edits = 0;
const editOne = () => appendFileSync(path.join(data, '2023', 'meetings.yaml'), `# edit ${edits++}\n`);

// 1. validate against an empty Node start.
const node0 = time(process.execPath, ['-e', '0']);
const validate = report(['validate', '2023', '--data', data]);
row('node -e 0', s(node0.wall));
row('report validate 2023 (bundled data)', `${s(validate.wall)}, ${(validate.wall / node0.wall).toFixed(2)}× node`, '≤ 1.5×');

// 2. build: a first build into an empty folder, and a build after editing one data file.
const first = report(['build', '2023', '--data', data, '--out', out], RUNS, { before: () => rmSync(out, { recursive: true, force: true }) });
const edited = report(['build', '2023', '--data', data, '--out', out], RUNS, { before: editOne });
row('report build 2023 (md + docx), first build', s(first.wall));
row('report build 2023 (md + docx), after editing one file', s(edited.wall));
let pandoc = spawnSync('pandoc', ['--version']).status === 0;
if (!pandoc && process.getuid?.() === 0) {
  // pandoc is a Debian package; install it when the benchmark runs as root (as on CI machines).
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'pandoc'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  pandoc = spawnSync('pandoc', ['--version']).status === 0;
}
if (pandoc) {
  const p = time('pandoc', [path.join(out, '2023', 'report.md'), '-o', path.join(work, 'pandoc.docx')]);
  row('pandoc report.md -o report.docx', s(p.wall));
  row('first build ÷ pandoc', `${(first.wall / p.wall).toFixed(2)}×`, '≤ 2×');
  row('build after an edit ÷ pandoc', `${(edited.wall / p.wall).toFixed(2)}×`, '≤ 2×');
} else {
  row('pandoc', 'not installed (apt-get install pandoc)');
}

// 3. build --watch: from saving a file to the rebuilt outputs, as a writer lives it.
row('build --watch: save → outputs rebuilt', ms(await watchLatency()), '< 100 ms');

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
    const file = path.join(data, '2023', 'meetings.yaml');
    const temporary = path.join(data, '2023', '.meetings.yaml.swp');
    writeFileSync(temporary, readFileSync(file, 'utf8') + `# watch edit ${i}\n`);
    const started = process.hrtime.bigint();
    execFileSync('mv', [temporary, file]);
    times.push(Number((await done) - started) / 1e9);
  }
  child.kill('SIGINT');
  return median(times);
}

// 4. national scale and twice that.
const scales = {};
for (const scale of ['national', 'national2']) {
  const dir = path.join(work, scale);
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(cliRoot, 'scripts', 'generate-sample-data.ts'), '--scale', scale, '--out', dir], { stdio: 'ignore' });
  const v = report(['validate', '2023', '--data', dir], 3, { rss: true });
  const b = report(['build', '2023', '--data', dir, '--out', path.join(dir, 'out')], 3, { rss: true });
  scales[scale] = { v, b };
  const target = scale === 'national' ? '< 1.5 s, < 300 MB' : '';
  row(`${scale}: validate`, `${s(v.wall)}, peak ${v.rss.toFixed(0)} MB`, target);
  row(`${scale}: build`, `${s(b.wall)}, peak ${b.rss.toFixed(0)} MB`, target);
}
row('doubled size: validate time ratio', `${(scales.national2.v.wall / scales.national.v.wall).toFixed(2)}×`, '≤ 2.2×');
row('doubled size: build time ratio', `${(scales.national2.b.wall / scales.national.b.wall).toFixed(2)}×`, '≤ 2.2×');

rmSync(work, { recursive: true, force: true });
const width = Math.max(...rows.map((r) => r.what.length));
console.log(`report benchmark (${RUNS} runs each, median; Node ${process.version}; ${path.relative(process.cwd(), cli) || cli})`);
for (const r of rows) console.log(`${r.what.padEnd(width)}  ${r.value}${r.target ? `   [target ${r.target}]` : ''}`);
