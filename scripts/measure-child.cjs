// Runs `node <cli> …args` in this process and reports its peak memory on stderr, for bench.mjs.
// CommonJS, as bin/report.js is: a wrapper that is an ES module would start Node's ES module
// loader, which the CLI itself does not (3% of a national validate, measured in paired runs).
'use strict';
const path = require('node:path');

const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
process.on('exit', () => {
  process.stderr.write(`\n{"maxRssKb":${process.resourceUsage().maxRSS}}\n`);
});
require(path.resolve(cli));
