// Bundles the CLI and the library into one CommonJS file, dist/bundle/cli.cjs, that bin/report.js
// loads: start-up reads one file instead of resolving a few hundred modules.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

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
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/bundle/cli.cjs',
  // The traditional-script converter (2 MB of tables, only for `--script hant`) and the PDF engine (a native
  // module, only for `--format pdf`) stay modules of their own, loaded when asked for.
  external: ['opencc-js', '@myriaddreamin/typst-ts-node-compiler'],
  // import() inside a script loaded with a code cache has no loader to call in Node 20; require() has.
  supported: { 'dynamic-import': false },
  plugins: [onlyDefaultZodLocale],
});

