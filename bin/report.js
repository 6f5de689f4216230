#!/usr/bin/env node
// Thin entry: sets V8's flags for this process and runs the bundled CLI (dist/bundle/cli.cjs, which
// loads the chunks a command needs as it runs) with the command line; see bundle-loader.js.
'use strict';
const { setFlags, cliBundle } = require('./bundle-loader.js');

// A build always hashes (the parse cache, the output set's name) and writes files: Node's modules
// for both are loaded before V8's flags change, when they cost a third. Other commands load them
// when they use them (a validate in CI, with no cache, hashes nothing).
const building = process.argv[2] === 'build' && !process.argv.some((a) => a === '--help' || a === '-h');
setFlags(building ? ['node:crypto', 'node:fs/promises'] : []);
Promise.resolve()
  .then(() => cliBundle().require('cli.cjs').main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
