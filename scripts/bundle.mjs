// Bundles the CLI and the library into one CommonJS file, dist/bundle/cli.cjs, that bin/report.js
// loads through V8's code cache. Start-up used to be dominated by module loading: parsing and
// compiling about 1.7 MB of JavaScript on every run. With the code cache V8 reads the compiled
// functions instead (Node 20 has no code cache for ES modules, hence CommonJS).
// Then one warm-up run on the bundled data writes the cache (dist/bundle/cli.cjs.v8cache).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

/** Names this build in the cache (src/cache/store.ts): a hash of the sources and the locked dependencies. */
function buildId() {
  const hash = createHash('sha1');
  const files = ['package-lock.json', ...readdirSync('src', { recursive: true }).map((f) => path.join('src', String(f))).filter((f) => f.endsWith('.ts'))].sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** zod bundles the messages of 50 languages under `z.locales`; the report uses only Chinese (and zod's default, English). */
const onlyDefaultZodLocale = {
  name: 'only-default-zod-locale',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(args.resolveDir, '..', 'locales'), namespace: 'report-shim' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'report-shim' }, (args) => ({
      contents: "export { default as en } from './en.js'; export { default as zhCN } from './zh-CN.js';",
      resolveDir: args.path,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': '__bundleUrl', __REPORT_BUILD__: JSON.stringify(buildId()) },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/bundle/cli.cjs',
  // The traditional-script converter is 2 MB of tables that only `--script hant` needs: it stays a module of its own.
  external: ['opencc-js'],
  // import() inside a script loaded with a code cache has no loader to call in Node 20; require() has.
  supported: { 'dynamic-import': false },
  plugins: [onlyDefaultZodLocale],
});

// What bin/report.js tries first: replaying an identical earlier run (src/cache/replay.ts), a few kB.
await build({ ...common, entryPoints: ['src/cli/replay-entry.ts'], outfile: 'dist/bundle/replay.cjs' });

// Warm-up: one build, so that the functions it compiles are in the code cache. Its own cache
// folder, so that it neither uses nor leaves anything in the user's.
const work = mkdtempSync(path.join(tmpdir(), 'report-warmup-'));
try {
  execFileSync(process.execPath, ['bin/report.js', 'build', '2023', '--out', path.join(work, 'out')], {
    stdio: 'ignore',
    env: { ...process.env, REPORT_CACHE_DIR: path.join(work, 'cache') },
  });
} catch {
  // A failed warm-up leaves no cache; the first real run writes it.
} finally {
  rmSync(work, { recursive: true, force: true });
}
