// Preloaded (node --require) into a child CLI by the loading test: writes to $REPORT_BUILTINS_LOG, at
// exit, the costlier modules of Node's own the process loaded (processes, networking, streams,
// compression, file promises, terminals, hashing, threads, the host's details, and the directory and
// recursive-removal modules node:fs loads when first asked). A preload of its own: the module log's
// (load-log.mjs) resolve hook runs on a thread whose messaging loads some of them.
'use strict';
const { appendFileSync } = require('node:fs');

const BUILTINS = ['child_process', 'net', 'stream', 'zlib', 'fs/promises', 'tty', 'crypto', 'worker_threads', 'os', 'internal/fs/dir', 'internal/fs/rimraf'];
process.on('exit', () => {
  const loaded = BUILTINS.filter((name) => process.moduleLoadList.includes(`NativeModule ${name}`));
  appendFileSync(process.env.REPORT_BUILTINS_LOG, loaded.map((name) => `node:${name}\n`).join(''));
});
