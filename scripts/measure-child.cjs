// Runs `node <cli> …args` in this process and reports its peak memory on stderr, for bench.mjs.
// CommonJS, as bin/report.js is: a wrapper that is an ES module would start Node's ES module
// loader, which the CLI itself does not (3% of a national validate, measured in paired runs).
'use strict';
const { writeSync } = require('node:fs');
const path = require('node:path');

const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
// Written to the descriptor, as the CLI writes (src/cli/pipes.ts): process.stderr would load Node's
// stream and socket modules at exit, 4 ms of this wrapper's own in the figure.
process.on('exit', () => {
  writeSync(2, `\n{"maxRssKb":${process.resourceUsage().maxRSS}}\n`);
});
require(path.resolve(cli));
