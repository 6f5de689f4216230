// Bundles the CLI and the library into a few ES modules under dist/bundle/, so that start-up
// reads a handful of files instead of hundreds (module loading was a third of a small build).
// Dynamic imports stay separate chunks: a command loads only what it uses.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (handlebars) call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
