#!/usr/bin/env node
// Thin entry: sets V8's flags for this process and runs the bundled CLI (dist/bundle/cli.cjs, which
// loads the chunks a command needs as it runs) with the command line; see bundle-loader.js.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');
const { setFlags, cliBundle } = require('./bundle-loader.js');

// Node's modules a run will use are loaded before V8's flags change, when they cost a third (see
// setFlags): a build always hashes (the parse cache, the output set's name), writes files and
// names its host in the output folder's lock; a validate hashes when a build left its parse cache
// in the default output folder. Otherwise they load when used (a validate in CI, with no cache,
// hashes nothing).
const [command, ...rest] = process.argv.slice(2);
const help = rest.some((a) => a === '--help' || a === '-h');
const first =
  command === 'build' && !help ? ['node:crypto', 'node:fs/promises', 'node:os']
  : command === 'validate' && !help && !rest.includes('--no-cache') && existsSync(path.join('out', '.report-cache')) ? ['node:crypto']
  : [];
setFlags(first);
const cli = () => cliBundle().require('cli.cjs');
Promise.resolve()
  .then(() => cli().main(process.argv.slice(2)))
  .then((code) => cli().end(code));
