#!/usr/bin/env node
// Thin entry: sets V8's flags for this process and runs the bundled CLI (dist/bundle/cli.cjs, which
// loads the chunks a command needs as it runs) with the command line; see bundle-loader.js.
'use strict';
const { setFlags, cliBundle } = require('./bundle-loader.js');

setFlags();
Promise.resolve()
  .then(() => cliBundle().require('cli.cjs').main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
