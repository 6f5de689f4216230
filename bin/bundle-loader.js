// Loads the bundled command line (dist/bundle/): CommonJS chunks that require one another, each
// compiled with the V8 code cache that scripts/code-cache.cjs stored beside it when the bundle was
// built. A run of the CLI is short, and V8 spent a quarter of it parsing and compiling the
// functions the run calls; from the code cache it takes their bytecode as it was. The code cache
// is part of the build, like the chunks: it is made once, when the bundle is, and never written by
// a run of the CLI.
//
// A chunk's code cache is used only for exactly the text it was made from: its file holds a copy of
// that text, compared byte for byte with the chunk read now (V8 itself checks only the length).
// V8 refuses one made by another V8 version or with other flags, and, with the checksum the flags
// below turn on, one whose bytes were damaged. A chunk without a usable code cache is compiled from
// its text, as Node would.
'use strict';
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { isAscii } = require('node:buffer');
const { createRequire } = require('node:module');
// Loaded before the flags are set: a built-in loaded after a change of V8's flags is compiled from
// its source, since Node's own code cache of its modules was made with the default flags.
const { Script } = require('node:vm');
const v8 = require('node:v8');

/**
 * V8's flags for the CLI's process, set before any of the report's code is compiled (the code
 * cache holds the flags it was made with, and V8 refuses it under others):
 *  - on Node 20's V8 (11.x), sixteen times the interrupt budget. V8 hands a function to its
 *    optimizing compiler once the function has used up the budget (67,584 bytes of bytecode run);
 *    in a run of a fraction of a second most of those compiles, on another thread, finish too late
 *    to help, and the process waits for the last one before it exits. Measured in paired runs on a
 *    2-core machine: validate and build of the bundled year 12–16% faster, national validate 3%.
 *    A later V8, with another tier between (Maglev), keeps its own defaults.
 *  - a checksum in each code cache, checked when it is read.
 * A setting of this process only: the library API (dist/index.js) leaves V8 as its host has it.
 *
 * `first`: Node's modules the command will use, loaded before the flags for the reason node:vm is
 * (above). Measured in fresh processes: node:crypto 1.4 ms before the flags, 4.3 ms after;
 * node:fs/promises 0.7 ms before, 2.7 ms after.
 */
function setFlags(first = []) {
  for (const name of first) require(name);
  if (process.versions.v8.startsWith('11.')) v8.setFlagsFromString('--interrupt-budget=1081344');
  v8.setFlagsFromString('--verify-snapshot-checksum');
}

const BUNDLE = path.resolve(__dirname, '..', 'dist', 'bundle');
/** A chunk of the bundle as another chunk requires it. */
const CHUNK = /^\.\/[\w-]+\.cjs$/;
/** The code cache's file beside a chunk: [length of the text, 4 bytes LE][the text][V8's data]. */
const codeCacheFile = (file) => file.replace(/\.cjs$/, '.code-cache');

/** Packages the chunks import() (ES modules: the traditional-script converter, the PDF engine), from this CommonJS file. */
const importPackage = (specifier) => import(specifier);

/** V8's data for `source` from the code cache beside `file`, when it was made from exactly that text. */
function storedCodeCache(file, source) {
  let stored;
  try {
    stored = readFileSync(codeCacheFile(file));
  } catch {
    return { how: 'none' };
  }
  const length = stored.length >= 4 ? stored.readUInt32LE(0) : -1;
  if (length !== source.length || stored.length <= 4 + length || !source.equals(stored.subarray(4, 4 + length))) return { how: 'other text' };
  return { how: 'stored', data: stored.subarray(4 + length) };
}

/**
 * The bundle in `folder`: `require(name)` loads a chunk (and what it requires), once. `loaded()`
 * tells which chunks a run loaded and how each was compiled: 'cached' (from its code cache),
 * 'refused' (V8 refused the code cache: another version, other flags, damaged), 'other text' (the
 * code cache was made from another text of the chunk), 'none' (no code cache).
 * With `keep`, `writeCodeCaches()` stores what V8 compiled for each chunk loaded so far.
 */
function openBundle(folder = BUNDLE, { keep = false } = {}) {
  const chunks = new Map();
  const outside = createRequire(path.join(folder, 'cli.cjs'));

  function load(file) {
    const known = chunks.get(file);
    if (known) return known.module.exports;
    const source = readFileSync(file);
    const stored = storedCodeCache(file, source);
    // The text on line 1 after the wrapper's head, as Node's own wrapper has it: positions in a stack trace stay those of the file.
    // The bundle writes its chunks in ASCII (scripts/bundle.mjs): read as Latin-1, the text is a one-byte string.
    const text = source.toString(isAscii(source) ? 'latin1' : 'utf8');
    const wrapped = `(function (exports, require, module, __filename, __dirname, __import_meta_url, __import_package) {${text}\n})`;
    const script = new Script(wrapped, { filename: file, cachedData: stored.data });
    const module = { id: file, filename: file, exports: {}, loaded: false };
    chunks.set(file, { module, script: keep ? script : undefined, source: keep ? source : undefined, how: stored.data === undefined ? stored.how : script.cachedDataRejected ? 'refused' : 'cached' });
    const require = (specifier) => (CHUNK.test(specifier) ? load(path.join(folder, specifier)) : outside(specifier));
    require.resolve = outside.resolve;
    try {
      script.runInThisContext()(module.exports, require, module, file, folder, pathToFileURL(file).href, importPackage);
    } catch (error) {
      // As Node does with a module that throws: not kept half made for the next require.
      chunks.delete(file);
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  return {
    require: (name) => load(path.join(folder, name)),
    loaded: () => [...chunks].map(([file, { how }]) => ({ file, how })),
    writeCodeCaches() {
      for (const [file, { script, source }] of chunks) {
        if (!script) continue;
        const length = Buffer.alloc(4);
        length.writeUInt32LE(source.length);
        const target = codeCacheFile(file);
        writeFileSync(`${target}.tmp`, Buffer.concat([length, source, script.createCachedData()]));
        renameSync(`${target}.tmp`, target);
      }
    },
  };
}

/** The bundle bin/report.js runs, for a test or the benchmark to ask what it loaded. */
let opened;
function cliBundle() {
  return (opened ??= openBundle());
}

module.exports = { setFlags, openBundle, cliBundle };
