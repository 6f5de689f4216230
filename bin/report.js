#!/usr/bin/env node
// Thin entry: loads the bundled CLI (dist/bundle/cli.cjs, one file, so start-up reads one file
// instead of resolving hundreds of modules) and runs it with the command line.
'use strict';
require('../dist/bundle/cli.cjs')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
