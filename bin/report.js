#!/usr/bin/env node
// Thin entry, CommonJS (bin/package.json) because it starts a few milliseconds sooner than an ES module.
// First it tries to replay an identical earlier run of validate or build, with nothing it read
// changed (src/cache/replay.ts), without loading the rest. Otherwise it loads the bundled CLI
// (dist/bundle/cli.cjs) with V8's code cache, so that a run reads compiled functions instead of
// parsing and compiling the bundle again. A cache from another Node version is refused by V8;
// the run then compiles as usual and writes a new one.
'use strict';
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { Script } = require('node:vm');

const argv = process.argv.slice(2);
const replayed = require('../dist/bundle/replay.cjs').replayRun(argv);
if (replayed !== undefined) process.exitCode = replayed;
else run();

async function run() {
  const bundle = path.join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
  const cacheFile = `${bundle}.v8cache`;

  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new Script(source, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require('node:module').createRequire(bundle), module, bundle, path.dirname(bundle));

  process.exitCode = await module.exports.main(argv);

  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so that the functions it compiled are in the cache. Best effort: an installed
    // package may be read-only, and then every run simply compiles.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written there either.
      }
    }
  }
}
