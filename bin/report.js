#!/usr/bin/env node
// Thin entry: loads the bundled CLI (dist/bundle/cli.mjs, which loads the chunks a command needs
// as it runs) and runs it with the command line.
'use strict';
import('../dist/bundle/cli.mjs')
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
