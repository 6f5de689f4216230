#!/usr/bin/env node
// Thin entry: loads the bundled CLI (dist/bundle/cli.cjs) with V8's code cache, so that a run
// reads compiled functions instead of parsing and compiling the bundle again. A cache from
// another Node version is refused by V8; the run then compiles as usual and writes a new one.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
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
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));

process.exitCode = await module.exports.main(process.argv.slice(2));

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
