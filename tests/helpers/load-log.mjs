// Preloaded (node --import) into a child CLI by the loading test: writes to $REPORT_LOAD_LOG every
// ES module the process resolves (through a resolve hook, which runs on a thread of its own) and,
// at exit, every chunk of the bundle it loaded (`chunk <file>`, from bin/bundle-loader.js), every
// CommonJS module it required (require.cache), `builtin node:crypto` when it loaded node:crypto,
// and `evaluated zod` when zod was evaluated: zod sits behind a lazy initializer, so loading it
// does not tell (zod's core sets globalThis.__zod_globalConfig when it is evaluated).
import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire, register } from 'node:module';
import { fileURLToPath } from 'node:url';

const log = process.env.REPORT_LOAD_LOG;
register('./load-log-hooks.mjs', import.meta.url);
const require = createRequire(import.meta.url);
// The loader beside the CLI that runs (another checkout's, when the benchmark measures one), else this checkout's.
const beside = process.argv[1] ? path.join(path.dirname(process.argv[1]), 'bundle-loader.js') : '';
const loader = beside && existsSync(beside) ? beside : fileURLToPath(new URL('../../bin/bundle-loader.js', import.meta.url));
process.on('exit', () => {
  // The loader is in require.cache once bin/report.js has required it.
  const bundle = require.cache[loader]?.exports.cliBundle();
  appendFileSync(log, (bundle?.loaded() ?? []).map(({ file }) => `chunk ${file}\n`).join(''));
  appendFileSync(log, Object.keys(require.cache).map((file) => `require ${file}\n`).join(''));
  if (globalThis.__zod_globalConfig !== undefined) appendFileSync(log, 'evaluated zod\n');
  // Node's own modules required (not imported) leave no trace in require.cache: node:crypto is one.
  if (process.moduleLoadList.includes('NativeModule crypto')) appendFileSync(log, 'builtin node:crypto\n');
});
